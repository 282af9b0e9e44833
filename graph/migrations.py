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


# DECLINED replaced REJECTED as the receiving area's refusal of a transfer (issue 10).
DECLINED_FOR_REJECTED = """
MATCH (t:Transfer {status: 'REJECTED'})
SET t.status = 'DECLINED'
RETURN count(t) AS rewritten
"""


@dataclass(frozen=True)
class MigrationReport:
    created_schema_objects: list[str]
    reference: ReferenceCounts
    transfers_declined_for_rejected: int = 0


async def migrate(db: Database) -> MigrationReport:
    created = await install_schema(db)
    summary = await db.driver.execute_query(AUDIT_CHAIN_CONSTRAINT, database_=db.name)
    if summary.summary.counters.constraints_added:
        created.append("audit_chain_name")
    reference = await load_reference_data(db)
    await migrate_association_kinds(db)
    (rewritten,) = await db.write(DECLINED_FOR_REJECTED)
    return MigrationReport(
        created_schema_objects=created,
        reference=reference,
        transfers_declined_for_rejected=int(rewritten["rewritten"]),
    )
