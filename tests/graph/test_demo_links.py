"""The demo graph's link structure (graph/demo/_links.py): co-offender groups, families, shared
hostels with overlapping stays, intelligence naming several nominals, some restricted; and its
shape (graph/demo/_shape.py)."""

from __future__ import annotations

import pytest

from graph.db import Database
from graph.demo import load_demo
from graph.demo._shape import demo_shape

SIZE = 300


@pytest.fixture
async def demo(db: Database) -> Database:
    await load_demo(db, nominals=SIZE, seed=5, batch_size=100)
    return db


async def _one(db: Database, query: str) -> int:
    rows = await db.read(query)
    return int(rows[0]["n"])


async def test_intelligence_mentions_several_nominals_some_restricted(demo: Database) -> None:
    assert (
        await _one(
            demo,
            "MATCH (r)-[:MENTIONS]->(n) WHERE NOT r:Intelligence OR (r)-[:ABOUT]->(n) "
            "RETURN count(*) AS n",
        )
        == 0
    )
    several = await _one(
        demo, "MATCH (r:Intelligence) WHERE COUNT { (r)-[:MENTIONS]->() } >= 2 RETURN count(r) AS n"
    )
    restricted = await _one(
        demo,
        "MATCH (r:Intelligence) WHERE EXISTS { (r)-[:MENTIONS]->() } AND (r.restricted "
        "OR r.handlingCode = 'C' OR r.classification = 'SECRET') RETURN count(r) AS n",
    )
    assert several >= 10 and restricted >= 3, (several, restricted)


async def test_hostels_are_shared_in_overlapping_periods(demo: Database) -> None:
    overlapping = await _one(
        demo,
        "MATCH (a:Nominal)-[r1:RESIDED_AT]->(l:Location)<-[r2:RESIDED_AT]-(b:Nominal) "
        "WHERE a.uid < b.uid AND r1.kind IN ['APPROVED_PREMISES', 'TEMPORARY'] "
        "AND r1.from <= r2.to AND r2.from <= r1.to AND l.point IS NOT NULL "
        "RETURN count(DISTINCT l) AS n",
    )
    assert overlapping >= 3


async def test_co_offender_groups_and_families_reach_across_batches(demo: Database) -> None:
    triangles = await _one(
        demo,
        "MATCH (a)-[:ASSOCIATED_WITH {kind: 'CO_OFFENDER'}]->(b)"
        "-[:ASSOCIATED_WITH {kind: 'CO_OFFENDER'}]->(c), "
        "(a)-[:ASSOCIATED_WITH {kind: 'CO_OFFENDER'}]->(c) RETURN count(*) AS n",
    )
    families = await _one(
        demo,
        "MATCH ()-[r:ASSOCIATED_WITH]->() WHERE r.kind IN ['PARENT_OF', 'SIBLING', 'FAMILY'] "
        "RETURN count(r) AS n",
    )
    assert triangles >= 5 and families >= 10, (triangles, families)


async def test_the_shape_has_groups_and_a_spread_of_degrees(demo: Database) -> None:
    shape = await demo_shape(demo)
    print(shape.line())
    assert shape.nominals == SIZE
    # Shared addresses, groups reaching back a batch and co-mentions join most nominals into one
    # component, with small groups and isolated nominals beside it.
    assert shape.largest[0] >= SIZE // 2 and shape.components >= 3 and shape.isolated > 0, shape
    assert shape.degrees["0"] < SIZE // 2, shape
    assert shape.degrees["3-5"] > 0 and shape.max_degree >= 5, shape
    assert sum(shape.degrees.values()) == SIZE
