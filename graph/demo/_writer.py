"""The Cypher that writes demo rows: one `UNWIND $rows` statement per label, kind or type."""

from __future__ import annotations

from typing import Any

from graph.db import CountingTx, Database
from graph.demo._batch import RECORD_KINDS, RELATIONSHIPS, Batch

Row = dict[str, Any]

OFFICERS = """
UNWIND $rows AS row
MATCH (g:Agency {uid: row.agency})
CREATE (o:Officer)
SET o = row.props
CREATE (o)-[:MEMBER_OF]->(g)
"""

LOCATIONS = """
UNWIND $rows AS row
MATCH (a:Area {uid: row.area})
CREATE (l:Location)
SET l = row.props
CREATE (l)-[:IN_AREA]->(a)
"""

NOMINALS = "UNWIND $rows AS row CREATE (n:Nominal) SET n = row"
TRANSFERS = "UNWIND $rows AS row CREATE (t:Transfer) SET t = row"
TRANSFER_STEPS = """
UNWIND $rows AS row
MATCH (t:Transfer {uid: row.transfer})
MATCH (o:Officer {uid: row.by})
CREATE (t)-[:HAS_STEP]->(s:TransferStep)-[:BY]->(o)
SET s = row.props
"""

_RECORD = """
UNWIND $rows AS row
MATCH (n:Nominal {{uid: row.nominal}})
MATCH (o:Officer {{uid: row.officer}})
MATCH (g:Agency {{uid: row.agency}})
CREATE (r:Record:{kind})
SET r = row.props
CREATE (r)-[:ABOUT]->(n)
CREATE (r)-[:ENTERED_BY {{at: row.at}}]->(o)
CREATE (r)-[:ON_BEHALF_OF]->(g)
"""
RECORDS = {kind: _RECORD.format(kind=kind) for kind in RECORD_KINDS}

_REL = """
UNWIND $rows AS row
MATCH (s:{start} {{uid: row.s}})
MATCH (e:{end} {{uid: row.e}})
CREATE (s)-[r:{type}]->(e)
SET r = row.p
"""
RELS = {t: _REL.format(start=s, end=e, type=t) for t, (s, e) in RELATIONSHIPS.items()}

NODE_LABELS = (
    "Agency",
    "Area",
    "ReferenceCode",
    "Officer",
    "Location",
    "Nominal",
    "Transfer",
    "TransferStep",
    "Record",
    *RECORD_KINDS,
)
REL_TYPES = (
    *RELATIONSHIPS,
    "PART_OF",
    "COVERS",
    "ABOUT",
    "ENTERED_BY",
    "ON_BEHALF_OF",
    "HAS_STEP",
)


async def write_rows(db: Database, query: str, rows: list[Row]) -> None:
    await db.write(query, rows=rows)


async def write_batch(db: Database, batch: Batch) -> None:
    """Everything of one batch of nominals in one write transaction."""

    async def work(tx: CountingTx) -> None:
        if batch.nominals:
            await tx.run(NOMINALS, rows=batch.nominals)
        if batch.transfers:
            await tx.run(TRANSFERS, rows=batch.transfers)
        if batch.steps:
            await tx.run(TRANSFER_STEPS, rows=batch.steps)
        for kind, rows in batch.records.items():
            if rows:
                await tx.run(RECORDS[kind], rows=rows)
        for rel_type, rows in batch.rels.items():
            if rows:
                await tx.run(RELS[rel_type], rows=rows)

    await db.write_tx(work)


async def count_graph(db: Database) -> tuple[dict[str, int], dict[str, int]]:
    """Node counts per label and relationship counts per type (from the count store)."""
    parts = [f"MATCH (n:{label}) RETURN '{label}' AS name, count(n) AS n" for label in NODE_LABELS]
    parts += [f"MATCH ()-[r:{t}]->() RETURN '{t}' AS name, count(r) AS n" for t in REL_TYPES]
    rows = await db.read("\nUNION ALL\n".join(parts))
    nodes = {r["name"]: r["n"] for r in rows[: len(NODE_LABELS)]}
    rels = {r["name"]: r["n"] for r in rows[len(NODE_LABELS) :]}
    return nodes, rels
