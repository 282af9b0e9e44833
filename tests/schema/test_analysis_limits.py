"""Every limit of link analysis (resolvers/analysis/limits.py) refused as BAD_USER_INPUT naming
it, leaving the graph as it was: the nominals fetched (MAX_NODES), the links one step fetches
(MAX_LINK_ROWS), the seeds (MAX_SEEDS) and Neo4j's transaction timeout. (Hops and depth are in
test_analysis_paths.py, test_analysis_network.py and test_analysis_rank.py.)

Small generated graphs: a star, one hub ASSOCIATED_WITH 2,001 nominals (more than MAX_NODES
within one link), and a hostel, 151 nominals resident at one location at once (every pair a
SHARED_ADDRESS link: 22,650 links from the 151, more than MAX_LINK_ROWS in one step); for the
timeout, a crowded hostel of 1,500 (2,248,500 pairs for Neo4j to work through)."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Database
from loaders.records import build_record_loaders
from resolvers.actor import load_actor
from resolvers.analysis import limits
from resolvers.analysis.hops import Step, hop
from resolvers.errors import BadUserInput
from tests.graphql_client import error_codes, post_graphql
from tests.write_graph import changes_nothing
from visor.settings import Settings

OFFICERS = """
CREATE (unit:Agency {uid: 'ag-unit', code: 'AU', name: 'Analysis Unit', kind: 'OTHER',
                     jurisdiction: 'SCOTLAND', responsibleAuthority: false})
CREATE (:Officer {uid: 'of-an', staffId: 'AN-1', name: 'Ann Analyst', roles: ['ANALYST'],
                  clearance: 'OFFICIAL_SENSITIVE', active: true})-[:MEMBER_OF]->(unit)
WITH 1 AS one
UNWIND range(0, $count) AS i
CREATE (:Nominal {uid: 'nom-' + i, visorRef: 'VR-' + right('000000' + i, 7), firstName: 'P',
                  lastName: 'N' + i, aliases: [], category: 'SCOT-1', level: 1,
                  riskLevel: 'LOW', status: 'COMMUNITY', version: 1,
                  createdAt: datetime('2025-01-01T00:00:00Z')})
"""
# The last nominal (VR-<count>) is linked to no one.
STAR = """
MATCH (hub:Nominal {uid: 'nom-0'}), (n:Nominal) WHERE n <> hub AND n.uid <> 'nom-' + $count
CREATE (hub)-[:ASSOCIATED_WITH {kind: 'ASSOCIATE'}]->(n)
"""
HOSTEL = """
CREATE (l:Location {uid: 'loc-hostel', address: '1 Hostel Row', postcode: 'AB10 1AA'})
WITH l
MATCH (n:Nominal) WHERE n.uid <> 'nom-' + $count
CREATE (n)-[:RESIDED_AT {from: date('2024-01-01'), kind: 'APPROVED_PREMISES'}]->(l)
"""
HUB, LONE_STAR, LONE_HOSTEL = "VR-0000000", "VR-0002002", "VR-0000151"
STAR_SIZE, HOSTEL_SIZE, CROWDED_SIZE = limits.MAX_NODES + 2, 151, 1500

NETWORK = """query Q($seed: [String!]!, $depth: Int, $limit: Int) {
  network(seed: $seed, depth: $depth, limit: $limit, purpose: "limits") { nodes { visorRef } } }"""
RANK = """query Q($seed: [String!]!, $depth: Int) {
  rank(seed: $seed, depth: $depth, metric: DEGREE, purpose: "limits") { networkSize } }"""
COMMUNITIES = """query Q($seed: [String!]!, $depth: Int) {
  communities(seed: $seed, depth: $depth, purpose: "limits") { size } }"""
PATHS = """query Q($from: String!, $to: String!, $hops: Int) {
  paths(from: $from, to: $to, maxHops: $hops, purpose: "limits") { nodes { visorRef } } }"""


@pytest.fixture
async def star(db: Database) -> None:
    await db.write(OFFICERS, count=STAR_SIZE)
    await db.write(STAR, count=STAR_SIZE)


@pytest.fixture
async def hostel(db: Database) -> None:
    await db.write(OFFICERS, count=HOSTEL_SIZE)
    await db.write(HOSTEL, count=HOSTEL_SIZE)


@pytest.fixture
async def crowded_hostel(db: Database) -> None:
    await db.write(OFFICERS, count=CROWDED_SIZE)
    await db.write(HOSTEL, count=CROWDED_SIZE)


async def refused(
    db: Database, base_url: str, settings: Settings, query: str, variables: dict[str, Any]
) -> tuple[str, str]:
    """(field, message) of the one BAD_USER_INPUT the query gets; the graph is left as it was."""

    def send() -> dict[str, Any]:
        return post_graphql(base_url, query, variables, secret=settings.secret, staff_id="AN-1")

    body = await changes_nothing(db, send)
    assert error_codes(body) == ["BAD_USER_INPUT"], body
    (error,) = body["errors"]
    return error["extensions"]["field"], error["message"]


@pytest.mark.usefixtures("star")
@pytest.mark.parametrize(
    ("query", "variables", "field"),
    [
        (NETWORK, {"seed": [HUB], "depth": 1, "limit": limits.MAX_NODES}, "limit"),
        (RANK, {"seed": [HUB], "depth": 1}, "depth"),
        (COMMUNITIES, {"seed": [HUB], "depth": 1}, "depth"),
        (PATHS, {"from": HUB, "to": LONE_STAR, "hops": 2}, "maxHops"),
    ],
    ids=["network", "rank", "communities", "paths"],
)
async def test_more_nominals_than_the_cap_is_refused(
    db: Database,
    base_url: str,
    settings: Settings,
    query: str,
    variables: dict[str, Any],
    field: str,
) -> None:
    named, message = await refused(db, base_url, settings, query, variables)
    assert named == field
    assert message.startswith(f"{field}: ") and f"more than {limits.MAX_NODES} nominals" in message


@pytest.mark.usefixtures("hostel")
async def test_more_links_in_one_step_than_the_cap_is_refused(db: Database) -> None:
    # One step from the 151 residents: 22,650 links, in process (network, rank, communities
    # and paths all take their steps through `hop`). Neo4j stops at the cap's 20,001st link and
    # sends none of them back, so this takes well under the analyses' 30 s bound.
    actor = await load_actor(db=db, staff_id="AN-1")
    frontier = [f"nom-{i}" for i in range(HOSTEL_SIZE)]
    step = Step(kinds=["SHARED_ADDRESS"], from_=None, to=None, limit_field="maxHops")
    with pytest.raises(BadUserInput) as refusal:
        await hop(
            db=db, loaders=build_record_loaders(db), actor=actor, frontier=frontier, step=step
        )
    assert refusal.value.field == "maxHops"
    assert f"more than {limits.MAX_LINK_ROWS} links in one step" in refusal.value.message


@pytest.mark.usefixtures("hostel")
@pytest.mark.parametrize("query", [NETWORK, RANK, COMMUNITIES])
async def test_more_seeds_than_the_cap_is_refused(
    db: Database, base_url: str, settings: Settings, query: str
) -> None:
    seeds = [f"VR-{i:07d}" for i in range(limits.MAX_SEEDS + 1)]
    named, message = await refused(db, base_url, settings, query, {"seed": seeds})
    assert (named, message) == ("seed", f"seed: between 1 and {limits.MAX_SEEDS}, got 51")


@pytest.mark.usefixtures("crowded_hostel")
async def test_a_step_past_the_transaction_timeout_is_refused_naming_its_limit(
    db: Database,
) -> None:
    # A step bounded to a millisecond on the server (the analyses use TIMEOUT_SECONDS): Neo4j
    # ends the transaction, and the step says which argument to narrow. The step keeps none of
    # its links (`within` no one), so the row cap cannot end it first: Neo4j works through all
    # 2,248,500 pairs of the 1,500 residents, seconds of work, past the 2 s at which Neo4j's
    # transaction monitor looks for transactions past their timeout.
    actor = await load_actor(db=db, staff_id="AN-1")
    frontier = [f"nom-{i}" for i in range(CROWDED_SIZE)]
    step = Step(kinds=["SHARED_ADDRESS"], from_=None, to=None, limit_field="depth", timeout=0.001)
    with pytest.raises(BadUserInput) as refusal:
        await hop(
            db=db,
            loaders=build_record_loaders(db),
            actor=actor,
            frontier=frontier,
            step=step,
            within=[],
        )
    assert refusal.value.field == "depth"
    assert refusal.value.message.startswith("depth: the analysis ran past its time limit")
    assert "transaction timeout" in refusal.value.message
