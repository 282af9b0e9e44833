"""A graph for the mutation tests, written with Cypher on top of the reference data
(graph/reference_data.py: categories, risk tools, 3x5x2, areas, agencies), plus helpers to
call the API over HTTP and to dump the whole graph.

| staff id | agency | roles | clearance | relation to VR-0000001 |
| --- | --- | --- | --- | --- |
| W-MGR | PSOS | PRACTITIONER | SECRET | manager (since 2024-01-01) |
| W-PRT | SPS | PRACTITIONER | OFFICIAL_SENSITIVE | open partner |
| W-EXP | NHSLOTHIAN | PRACTITIONER | SECRET | closed partner |
| W-OUT | NHSLOTHIAN | PRACTITIONER | SECRET | none; manager of VR-0000002 |
| W-SUP | PSOS | SUPERVISOR | SECRET | none (supervisor of the manager's agency) |
| W-SPS | SPS | SUPERVISOR | SECRET | none (supervisor of another agency) |
| W-ANL | PSOS | ANALYST | SECRET | none |
| W-NAG | (no agency) | PRACTITIONER | SECRET | open partner |

VR-0000001 (John Smith, SCOT-1, level 2, HIGH, COMMUNITY, version 1) is MANAGED_IN SCO-MAPPA-A;
VR-0000002 (Jane Doe) is managed by W-OUT in SCO-MAPPA-A.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph.db import Database
from graph.reference_data import load_reference_data
from tests.graphql_client import post_graphql
from visor.settings import Settings

AREA = "SCO-MAPPA-A"

PEOPLE = """
UNWIND $officers AS row
CREATE (o:Officer {uid: row.uid, staffId: row.staffId, name: row.name, roles: row.roles,
                   clearance: row.clearance, active: true})
WITH o, row
OPTIONAL MATCH (a:Agency {code: row.agency})
FOREACH (x IN CASE WHEN a IS NULL THEN [] ELSE [a] END | CREATE (o)-[:MEMBER_OF]->(x))
"""

NOMINALS = """
MATCH (area:Area {code: $area})
MATCH (mgr:Officer {staffId: 'W-MGR'}), (prt:Officer {staffId: 'W-PRT'}),
      (exp:Officer {staffId: 'W-EXP'}), (out:Officer {staffId: 'W-OUT'}),
      (nag:Officer {staffId: 'W-NAG'})
CREATE (n1:Nominal {uid: 'nom-1', visorRef: 'VR-0000001', firstName: 'John', lastName: 'Smith',
                    aliases: [], category: 'SCOT-1', level: 2, riskLevel: 'HIGH',
                    status: 'COMMUNITY', version: 1,
                    createdAt: datetime('2024-01-01T09:00:00Z')})
CREATE (n2:Nominal {uid: 'nom-2', visorRef: 'VR-0000002', firstName: 'Jane', lastName: 'Doe',
                    aliases: [], category: 'SCOT-3', level: 1, riskLevel: 'LOW',
                    status: 'COMMUNITY', version: 1,
                    createdAt: datetime('2024-01-01T09:00:00Z')})
CREATE (mgr)-[:MANAGES {from: datetime('2024-01-01T09:00:00Z')}]->(n1)
CREATE (prt)-[:PARTNER_ON {from: datetime('2024-02-01T09:00:00Z')}]->(n1)
CREATE (nag)-[:PARTNER_ON {from: datetime('2024-02-01T09:00:00Z')}]->(n1)
CREATE (exp)-[:PARTNER_ON {from: datetime('2024-01-01T09:00:00Z'),
                           to: datetime('2024-01-31T09:00:00Z')}]->(n1)
CREATE (out)-[:MANAGES {from: datetime('2024-01-01T09:00:00Z')}]->(n2)
CREATE (n1)-[:MANAGED_IN {from: datetime('2024-01-01T09:00:00Z')}]->(area)
CREATE (n2)-[:MANAGED_IN {from: datetime('2024-01-01T09:00:00Z')}]->(area)
"""


def _officer(staff_id: str, agency: str | None, role: str, clearance: str) -> dict[str, Any]:
    return {
        "uid": f"off-{staff_id.lower()}",
        "staffId": staff_id,
        "name": f"Officer {staff_id}",
        "agency": agency,
        "roles": [role],
        "clearance": clearance,
    }


OFFICERS = [
    _officer("W-MGR", "PSOS", "PRACTITIONER", "SECRET"),
    _officer("W-PRT", "SPS", "PRACTITIONER", "OFFICIAL_SENSITIVE"),
    _officer("W-EXP", "NHSLOTHIAN", "PRACTITIONER", "SECRET"),
    _officer("W-OUT", "NHSLOTHIAN", "PRACTITIONER", "SECRET"),
    _officer("W-SUP", "PSOS", "SUPERVISOR", "SECRET"),
    _officer("W-SPS", "SPS", "SUPERVISOR", "SECRET"),
    _officer("W-ANL", "PSOS", "ANALYST", "SECRET"),
    _officer("W-NAG", None, "PRACTITIONER", "SECRET"),
]


async def create_write_graph(db: Database) -> None:
    await load_reference_data(db)
    await db.write(PEOPLE, officers=OFFICERS)
    await db.write(NOMINALS, area=AREA)


DUMP_NODES = """
MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props ORDER BY id
"""
DUMP_RELS = """
MATCH (a)-[r]->(b)
RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS start, elementId(b) AS end,
       properties(r) AS props ORDER BY id
"""


async def dump(db: Database) -> tuple[str, str]:
    """The whole graph, nodes and relationships with their properties, as comparable text."""
    nodes = await db.read(DUMP_NODES)
    rels = await db.read(DUMP_RELS)
    return repr(nodes), repr(rels)


# The graph but for the audit chain, whose events the callers check one by one.
GRAPH_NODES = """MATCH (n) WHERE NOT n:AuditEvent AND NOT n:AuditChain
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props ORDER BY id"""
GRAPH_RELS = """MATCH (a)-[r]->(b) WHERE NOT a:AuditEvent
RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS start, elementId(b) AS end,
       properties(r) AS props ORDER BY id"""


async def dump_without_audit(db: Database) -> tuple[str, str]:
    """The graph but for the audit chain (checked event by event where this is used)."""
    return repr(await db.read(GRAPH_NODES)), repr(await db.read(GRAPH_RELS))


async def changes_nothing(db: Database, send: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """The answer to `send()`, a request that must leave the graph as it was: nothing but the one
    REFUSED audit event that a FORBIDDEN answer writes (issue 9: refused attempts are audited),
    and no event at all for any other error."""
    graph_before = await dump_without_audit(db)
    events_before = await audit_events(db)
    body = send()
    assert await dump_without_audit(db) == graph_before
    events_after = await audit_events(db)
    assert events_after[: len(events_before)] == events_before
    codes = [error["extensions"]["code"] for error in body.get("errors") or ()]
    expected = ["REFUSED"] if codes == ["FORBIDDEN"] else []
    assert [event["action"] for event in events_after[len(events_before) :]] == expected, body
    return body


def gql(
    base_url: str, settings: Settings, staff_id: str, query: str, variables: dict[str, Any]
) -> dict[str, Any]:
    return post_graphql(base_url, query, variables, secret=settings.secret, staff_id=staff_id)


def error(body: dict[str, Any]) -> tuple[str, str | None]:
    """(code, field) of the only error of a response."""
    errors = body.get("errors")
    assert errors and len(errors) == 1, body
    extensions = errors[0]["extensions"]
    return extensions["code"], extensions.get("field")


async def audit_events(db: Database) -> list[dict[str, Any]]:
    return await db.read(
        """
        MATCH (e:AuditEvent)-[:BY]->(o:Officer)
        RETURN e.seq AS seq, e.action AS action, o.staffId AS officer, e.purpose AS purpose,
               COLLECT { MATCH (e)-[:CONCERNS]->(n:Nominal) RETURN n.visorRef } AS nominals
        ORDER BY seq
        """
    )
