"""`visor db migrate`: constraints, indexes, reference data and stored-data migrations
(graph/association_kinds.py), idempotently."""

from __future__ import annotations

from dataclasses import dataclass

from graph.association_kinds import migrate_association_kinds
from graph.constraints import install_schema
from graph.db import Database
from graph.reference_data import ReferenceCounts, load_reference_data

# The audit chain's head node (graph/audit_chain.py) must be unique for appends to serialise.
AUDIT_CHAIN_CONSTRAINT = (
    "CREATE CONSTRAINT audit_chain_name IF NOT EXISTS FOR (c:AuditChain) REQUIRE c.name IS UNIQUE"
)


@dataclass(frozen=True)
class MigrationReport:
    created_schema_objects: list[str]
    reference: ReferenceCounts


async def migrate(db: Database) -> MigrationReport:
    created = await install_schema(db)
    summary = await db.driver.execute_query(AUDIT_CHAIN_CONSTRAINT, database_=db.name)
    if summary.summary.counters.constraints_added:
        created.append("audit_chain_name")
    reference = await load_reference_data(db)
    await migrate_association_kinds(db)
    return MigrationReport(created_schema_objects=created, reference=reference)
