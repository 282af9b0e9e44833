"""Demo data: deterministic per seed, covering every enumeration, and structurally sound."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from graph.db import Database
from graph.demo import DemoError, load_demo
from graph.writes.transfers import OPEN_STATUSES as OPEN

SIZE = 150
REFERENCE_LABELS = {"Agency": "code", "Area": "code", "ReferenceCode": "key"}


async def _dump(db: Database) -> str:
    """Every node and relationship with its properties, canonically ordered.

    Nodes are identified by uid, except reference data (its uids are drawn when it is first
    merged, not from the demo seed), which is identified by code or key.
    """
    nodes = await db.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    ident: dict[str, str] = {}
    out: list[Any] = []
    for n in nodes:
        props = n["props"]
        key = next((k for label, k in REFERENCE_LABELS.items() if label in n["labels"]), None)
        if key is not None:
            ident[props["uid"]] = f"{n['labels'][0]}:{props[key]}"
            props = {k: v for k, v in props.items() if k != "uid"}
        out.append(["node", sorted(n["labels"]), props])
    rels = await db.read(
        "MATCH (a)-[r]->(b) RETURN a.uid AS a, type(r) AS t, b.uid AS b, properties(r) AS props"
    )
    for r in rels:
        out.append(
            ["rel", ident.get(r["a"], r["a"]), r["t"], ident.get(r["b"], r["b"]), r["props"]]
        )
    return "\n".join(sorted(json.dumps(x, sort_keys=True, default=repr) for x in out))


async def _reset(db: Database) -> None:
    await db.write("MATCH (n) DETACH DELETE n")


async def test_same_seed_same_graph_and_other_seed_differs(db: Database) -> None:
    await load_demo(db, nominals=80, seed=11, batch_size=30)
    first = await _dump(db)
    await _reset(db)
    await load_demo(db, nominals=80, seed=11, batch_size=30)
    assert await _dump(db) == first
    await _reset(db)
    await load_demo(db, nominals=80, seed=12, batch_size=30)
    assert await _dump(db) != first


async def _values(db: Database, query: str) -> set[Any]:
    return {r["v"] for r in await db.read(query)}


async def _zero(db: Database, query: str, **params: Any) -> None:
    rows = await db.read(query, **params)
    assert rows == [{"n": 0}], query


async def test_every_enumeration_value_occurs(db: Database) -> None:
    seen: list[tuple[str, int, int]] = []
    report = await load_demo(db, nominals=SIZE, seed=3, progress=lambda *a: seen.append(a))
    assert ("nominals", SIZE, SIZE) == seen[-1]
    assert {stage for stage, _, _ in seen} == {"officers", "locations", "nominals"}
    assert report.nodes["Nominal"] == SIZE and report.seconds > 0

    def distinct(label: str, prop: str) -> str:
        return f"MATCH (n:{label}) RETURN DISTINCT n.{prop} AS v"

    assert await _values(db, distinct("Nominal", "category")) == {
        "SCOT-1", "SCOT-2", "SCOT-3", "EW-1", "EW-2", "EW-3"
    }  # fmt: skip
    assert await _values(db, distinct("Nominal", "level")) == {1, 2, 3}
    assert await _values(db, distinct("Nominal", "riskLevel")) == {
        "LOW", "MEDIUM", "HIGH", "VERY_HIGH"
    }  # fmt: skip
    assert await _values(db, distinct("Nominal", "status")) == {
        "COMMUNITY", "CUSTODY", "HOSPITAL", "WHEREABOUTS_UNKNOWN", "DECEASED", "REMOVED"
    }  # fmt: skip
    assert await _values(db, distinct("Transfer", "status")) == {
        "REQUESTED", "INFORMATION_REQUESTED", "ESCALATED", "ACCEPTED", "DECLINED", "CANCELLED"
    }  # fmt: skip
    assert await _values(db, distinct("TransferStep", "action")) == {
        "REQUESTED", "INFORMATION_REQUESTED", "INFORMATION_PROVIDED", "ESCALATED", "ACCEPTED",
        "DECLINED", "CANCELLED",
    }  # fmt: skip
    assert await _values(db, distinct("Record", "classification")) == {
        "OFFICIAL", "OFFICIAL_SENSITIVE", "SECRET"
    }  # fmt: skip
    for kind in (
        "RiskAssessment", "RiskManagementPlan", "MeetingMinutes", "Intelligence",
        "Conviction", "CustodyPeriod", "Notification", "Note",
    ):  # fmt: skip
        assert report.nodes[kind] > 0, kind
    assert await _values(db, distinct("Intelligence", "sourceEvaluation")) == {"1", "2", "3"}
    assert await _values(db, distinct("Intelligence", "intelligenceAssessment")) == set("ABCDE")
    assert await _values(db, distinct("Intelligence", "handlingCode")) == {"P", "C"}
    assert await _values(db, distinct("Intelligence", "restricted")) == {True, False}
    await _zero(
        db,
        "MATCH (i:Intelligence) WHERE (i.handlingCode = 'C') <> (i.handlingConditions IS NOT NULL)"
        " RETURN count(i) AS n",
    )
    tools = await _values(db, "MATCH (r:RiskAssessment) RETURN DISTINCT r.tool AS v")
    known = await _values(db, "MATCH (c:ReferenceCode {set: 'RISK_TOOL'}) RETURN c.code AS v")
    assert tools <= known and len(tools) >= 4
    kinds = await _values(db, "MATCH ()-[r:RESIDED_AT]->() RETURN DISTINCT r.kind AS v")
    assert {"HOME", "CUSTODY", "HOSPITAL", "TEMPORARY", "APPROVED_PREMISES"} <= kinds
    assert len(await _values(db, "MATCH ()-[r:ASSOCIATED_WITH]->() RETURN r.kind AS v")) >= 3


async def test_officers_and_identifiers(db: Database) -> None:
    await load_demo(db, nominals=SIZE, seed=5)
    officers = {
        r["staffId"]: r
        for r in await db.read(
            "MATCH (o:Officer)-[:MEMBER_OF]->(g:Agency) RETURN o.staffId AS staffId, "
            "o.roles AS roles, o.clearance AS clearance, o.active AS active, g.code AS agency"
        )
    }
    assert officers["PSOS-0001"] | {"roles": set(officers["PSOS-0001"]["roles"])} == {
        "staffId": "PSOS-0001",
        "roles": {"PRACTITIONER", "SUPERVISOR"},
        "clearance": "SECRET",
        "active": True,
        "agency": "PSOS",
    }
    assert officers["PSOS-0002"]["roles"] == ["ADMIN"]
    roles = {role for o in officers.values() for role in o["roles"]}
    assert roles == {"PRACTITIONER", "SUPERVISOR", "ANALYST", "DATA_PROTECTION_OFFICER", "ADMIN"}
    assert any(not o["active"] for o in officers.values())
    assert all(re.fullmatch(rf"{o['agency']}-\d{{4}}", sid) for sid, o in officers.items())
    assert len({o["agency"] for o in officers.values()}) >= 10
    refs = [r["v"] for r in await db.read("MATCH (n:Nominal) RETURN n.visorRef AS v")]
    assert len(set(refs)) == SIZE and all(re.fullmatch(r"VR-\d{7}", r) for r in refs)
    uids = await db.read("MATCH (n) RETURN count(DISTINCT n.uid) AS d, count(n) AS n")
    assert uids[0]["d"] == uids[0]["n"]
    aliases = await db.read("MATCH (n:Nominal) WHERE size(n.aliases) > 0 RETURN count(n) AS n")
    assert aliases[0]["n"] > 0


async def test_management_residence_and_transfers(db: Database) -> None:
    await load_demo(db, nominals=SIZE, seed=9)
    for rel in ("MANAGES", "MANAGED_IN"):
        await _zero(
            db,
            f"MATCH (n:Nominal) WHERE COUNT {{ (n)-[m:{rel}]-() WHERE m.to IS NULL }} <> 1 "
            "RETURN count(n) AS n",
        )
        closed = await db.read(
            f"MATCH ()-[m:{rel}]->() WHERE m.to IS NOT NULL RETURN count(m) AS n"
        )
        assert closed[0]["n"] > 0, rel
    ended = await db.read("MATCH ()-[p:PARTNER_ON]->() WHERE p.to IS NOT NULL RETURN count(p) AS n")
    assert ended[0]["n"] > 0
    # A move between areas: closed residence and management in one area, open ones in another.
    moves = await db.read(
        "MATCH (n:Nominal)-[old:MANAGED_IN]->(a:Area), (n)-[new:MANAGED_IN]->(b:Area) "
        "WHERE old.to IS NOT NULL AND new.to IS NULL AND a <> b AND old.to = new.from "
        "MATCH (n)-[r1:RESIDED_AT]->(:Location)-[:IN_AREA]->(:Area)-[:PART_OF]->(a) "
        "WHERE r1.to IS NOT NULL "
        "MATCH (n)-[r2:RESIDED_AT]->(:Location)-[:IN_AREA]->(:Area)-[:PART_OF]->(b) "
        "RETURN count(DISTINCT n) AS n"
    )
    assert moves[0]["n"] > 0
    await _zero(
        db,
        "MATCH (t:Transfer) WHERE NOT (COUNT { (t)-[:OF]->(:Nominal) } = 1"
        " AND COUNT { (t)-[:FROM_AREA]->(:Area) } = 1 AND COUNT { (t)-[:TO_AREA]->(:Area) } = 1"
        " AND COUNT { (t)-[:REQUESTED_BY]->(:Officer) } = 1"
        " AND COUNT { (t)-[:DECIDED_BY]->(:Officer) } = CASE WHEN t.status IN $open THEN 0"
        " ELSE 1 END AND (t.decidedAt IS NULL) = (t.status IN $open))"
        " RETURN count(t) AS n",
        open=OPEN,
    )
    await _zero(
        db,
        "MATCH (t:Transfer {status: 'ACCEPTED'})-[:OF]->(n:Nominal), (t)-[:TO_AREA]->(a:Area) "
        "WHERE NOT EXISTS { (n)-[m:MANAGED_IN]->(a) WHERE m.from = t.decidedAt } "
        "RETURN count(t) AS n",
    )


async def test_transfer_histories_and_clocks(db: Database) -> None:
    """Each demo transfer has the history the workflow would have written, from its request to
    its decision, each step by the side that takes it; the clocks are set where the receiving
    calendar covers the request, and some transfers ran past theirs."""
    await load_demo(db, nominals=SIZE, seed=9)
    rows = await db.read(
        "MATCH (t:Transfer)-[:REQUESTED_BY]->(sender:Officer) "
        "RETURN t.status AS status, t.requestedAt AS requestedAt, t.decidedAt AS decidedAt, "
        "t.dueBy AS dueBy, t.allocationDueBy AS allocationDueBy, sender.uid AS sender, "
        "COLLECT { MATCH (t)-[:DECIDED_BY]->(d:Officer) RETURN d.uid }[0] AS decider, "
        "COLLECT { MATCH (t)-[:HAS_STEP]->(s:TransferStep)-[:BY]->(o:Officer) "
        "          RETURN {seq: s.seq, at: s.at, action: s.action, by: o.uid, "
        "                  audit: s.auditSeq} ORDER BY s.seq } AS steps"
    )
    receiving = {"INFORMATION_REQUESTED", "ESCALATED", "ACCEPTED", "DECLINED"}
    last_action = {"REQUESTED": "REQUESTED", "INFORMATION_REQUESTED": "INFORMATION_REQUESTED",
                   "ESCALATED": "ESCALATED"}  # fmt: skip
    overdue = on_time = 0
    for t in rows:
        steps = t["steps"]
        assert [s["seq"] for s in steps] == list(range(1, len(steps) + 1))
        assert steps[0]["action"] == "REQUESTED" and steps[0]["by"] == t["sender"]
        assert steps[0]["at"] == t["requestedAt"]
        assert [s["at"] for s in steps] == sorted(s["at"] for s in steps)
        assert all(s["audit"] is None for s in steps)
        if t["decidedAt"] is None:
            assert steps[-1]["action"] == last_action[t["status"]]
        else:
            assert steps[-1]["action"] == t["status"] and steps[-1]["at"] == t["decidedAt"]
            assert steps[-1]["by"] == t["decider"]
        for step in steps[1:]:
            side_receives = step["action"] in receiving
            assert (step["by"] != t["sender"]) == side_receives or step["by"] == t["decider"]
        if t["requestedAt"].year >= 2024:
            assert t["dueBy"] is not None and t["allocationDueBy"] < t["dueBy"]
            end = (t["decidedAt"] or t["requestedAt"]).to_native().date()
            if t["decidedAt"] is not None:
                overdue += end > t["dueBy"].to_native()
                on_time += end <= t["dueBy"].to_native()
        else:
            assert t["dueBy"] is None
    assert overdue > 0 and on_time > 0


async def test_records_have_provenance_verification_and_revision_chains(db: Database) -> None:
    await load_demo(db, nominals=SIZE, seed=13)
    await _zero(
        db,
        "MATCH (r:Record) WHERE NOT (COUNT { (r)-[:ABOUT]->(:Nominal) } = 1"
        " AND COUNT { (r)-[:ENTERED_BY]->(:Officer) } = 1"
        " AND COUNT { (r)-[:ON_BEHALF_OF]->(:Agency) } = 1 AND size(labels(r)) = 2)"
        " RETURN count(r) AS n",
    )
    await _zero(
        db,
        "MATCH (g:Agency)<-[:ON_BEHALF_OF]-(r:Record)-[e:ENTERED_BY]->(o:Officer) "
        "WHERE NOT (o)-[:MEMBER_OF]->(g) OR e.at <> r.createdAt RETURN count(r) AS n",
    )
    await _zero(
        db,
        "MATCH (o:Officer)-[:VERIFIED]->(r:Record)-[:ABOUT]->(n:Nominal) "
        "WHERE NOT (o)-[:MANAGES]->(n) RETURN count(r) AS n",
    )
    verified = await db.read("MATCH ()-[v:VERIFIED]->() RETURN count(v) AS n")
    assert verified[0]["n"] > 0
    # Revisions: newer -> older, same kind and nominal, version + 1, later or same time.
    await _zero(
        db,
        "MATCH (new:Record)-[:REVISION_OF]->(old:Record) "
        "WHERE new.version <> old.version + 1 OR labels(new) <> labels(old) "
        "OR new.createdAt < old.createdAt "
        "OR NOT EXISTS { (new)-[:ABOUT]->(:Nominal)<-[:ABOUT]-(old) } RETURN count(new) AS n",
    )
    await _zero(
        db,
        "MATCH (r:Record) WHERE COUNT { (r)-[:REVISION_OF]->() } <> "
        "CASE r.version WHEN 1 THEN 0 ELSE 1 END OR COUNT { ()-[:REVISION_OF]->(r) } > 1 "
        "RETURN count(r) AS n",
    )
    chains = await db.read(
        "MATCH p = (:Record)-[:REVISION_OF*2..]->(:Record {version: 1}) RETURN count(p) AS n"
    )
    assert chains[0]["n"] > 0


async def test_refuses_a_graph_that_has_nominals(db: Database) -> None:
    await db.write("CREATE (:Nominal {uid: 'x'})")
    with pytest.raises(DemoError, match="already holds 1 Nominal"):
        await load_demo(db, nominals=5)
    assert await db.read("MATCH (n) RETURN count(n) AS n") == [{"n": 1}]


async def test_managing_area_histories(db: Database) -> None:
    """Some nominals were managed in several areas: closed MANAGED_IN periods and the current
    one, contiguous from creation, each move an accepted transfer, the manager changing with
    the area (every management spell inside a period of an area the manager's agency covers),
    and the category of every period's area's scheme."""
    await load_demo(db, nominals=SIZE, seed=9)
    histories = await db.read(
        "MATCH (n:Nominal) "
        "WITH n, COLLECT { MATCH (n)-[m:MANAGED_IN]->(a:Area) "
        "  RETURN {from: m.from, to: m.to, area: a.code} AS p ORDER BY m.from } AS periods "
        "RETURN n.createdAt AS created, n.category AS category, periods"
    )
    lengths = [len(h["periods"]) for h in histories]
    assert max(lengths) >= 3 and lengths.count(2) > 0 and lengths.count(1) > 0, lengths
    for h in histories:
        periods = h["periods"]
        assert periods[0]["from"] == h["created"]
        assert [p["to"] for p in periods[:-1]] == [p["from"] for p in periods[1:]]
        assert periods[-1]["to"] is None
        assert all(a["area"] != b["area"] for a, b in zip(periods, periods[1:], strict=False))
    moves = sum(n - 1 for n in lengths)
    accepted = await db.read("MATCH (t:Transfer {status: 'ACCEPTED'}) RETURN count(t) AS n")
    assert accepted[0]["n"] == moves
    # Every management spell lies inside one managing period, in an area its agency works in
    # (covers it, or covers a local authority in it: a council's social work managing the
    # MAPPA area's category 3 cases).
    await _zero(
        db,
        "MATCH (o:Officer)-[s:MANAGES]->(n:Nominal) "
        "WHERE NOT EXISTS { MATCH (n)-[m:MANAGED_IN]->(a:Area), (o)-[:MEMBER_OF]->(g:Agency) "
        "  WHERE m.from <= s.from AND (m.to IS NULL OR (s.to IS NOT NULL AND s.to <= m.to)) "
        "  AND EXISTS { MATCH (g)-[:COVERS]->(c:Area) "
        "    WHERE EXISTS { (a)-[:PART_OF*0..]->(c) } OR EXISTS { (c)-[:PART_OF*0..]->(a) } } } "
        "RETURN count(s) AS n",
    )
    # The manager changes at each move.
    await _zero(
        db,
        "MATCH (n:Nominal)-[old:MANAGED_IN]->(), (n)-[new:MANAGED_IN]->() "
        "WHERE old.to = new.from "
        "AND NOT EXISTS { (:Officer)-[s:MANAGES]->(n) WHERE s.to = new.from } "
        "RETURN count(n) AS n",
    )
    await _zero(
        db,
        "MATCH (n:Nominal)-[:MANAGED_IN]->(:Area)-[:PART_OF*0..]->(nation:Area {kind: 'NATION'}) "
        "WHERE (nation.code = 'S92000003') <> (n.category STARTS WITH 'SCOT-') "
        "RETURN count(n) AS n",
    )
