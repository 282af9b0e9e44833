"""The record view over HTTP against one hand-written Cypher query for the same data.

    python -m bench.record_view [--nominals 10000] [--requests 200] [--seed 1]

Uses NEO4J_URI, or the local Neo4j (started if need be). Unless the graph is the demo world of
that size, it is reset and loaded with demo data first. Prints JSON: p50/p95 latency of each path,
their ratio, Cypher round trips per GraphQL request, and the audited-consultation write timed
on its own (what auditing adds to each record view).
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import time
from typing import Any

import httpx

from bench.command import run_from_command_line
from graph.db import Database
from graph.demo import load_demo
from graph.migrations import migrate
from graph.queries.nominals import count_nominals
from graph.reset import delete_everything
from resolvers.actor import load_actor
from resolvers.audit import record_consultation
from visor.app import create_app
from visor.runtime import database
from visor.serving import serving
from visor.settings import Settings
from visor.tokens import issue_token

VIEW = """
query View($ref: String!) {
  nominal(visorRef: $ref) {
    visorRef firstName lastName aliases dateOfBirth category level riskLevel status version
    manager { staffId name agency { code name } }
    partners { from officer { staffId name agency { code } } }
    currentArea { code name partOf { code name } }
    currentAddress { from kind location { address postcode } }
    residenceHistory { from to kind location { postcode } }
    associations { kind from nominal { visorRef lastName } }
    openTransfer { status requestedAt toArea { code } }
    custodyStatus { status }
    latestRiskAssessment { kind enteredAt ... on RiskAssessment { riskLevel tool } }
    currentRiskManagementPlan { kind enteredAt ... on RiskManagementPlan { objectives } }
    records(first: 20) {
      kind enteredAt onBehalfOf { code }
      ... on RecordEntry { classification version summary enteredBy { staffId }
                           verifiedBy { staffId } verifiedAt }
    }
  }
}
"""

# The same data as VIEW, fetched by hand in one query (no access rules, no audit).
HAND_WRITTEN = """
MATCH (n:Nominal {visorRef: $ref})
CALL (n) {
  OPTIONAL MATCH (o:Officer)-[m:MANAGES]->(n) WHERE m.to IS NULL
  OPTIONAL MATCH (o)-[:MEMBER_OF]->(a:Agency)
  RETURN o {.staffId, .name, agency: a {.code, .name}} AS manager
}
CALL (n) {
  OPTIONAL MATCH (o:Officer)-[p:PARTNER_ON]->(n) WHERE p.to IS NULL
  OPTIONAL MATCH (o)-[:MEMBER_OF]->(a:Agency)
  RETURN collect({from: p.from, officer: o {.staffId, .name, agency: a.code}}) AS partners
}
CALL (n) {
  OPTIONAL MATCH (n)-[m:MANAGED_IN]->(area:Area) WHERE m.to IS NULL
  OPTIONAL MATCH (area)-[:PART_OF]->(parent:Area)
  RETURN area {.code, .name, partOf: parent {.code, .name}} AS currentArea
}
CALL (n) {
  OPTIONAL MATCH (n)-[r:RESIDED_AT]->(l:Location)
  WITH r, l ORDER BY r.from DESC
  RETURN collect({from: r.from, to: r.to, kind: r.kind, address: l.address,
                  postcode: l.postcode}) AS residences
}
CALL (n) {
  OPTIONAL MATCH (n)-[s:ASSOCIATED_WITH]-(other:Nominal)
  RETURN collect({kind: s.kind, from: s.from, visorRef: other.visorRef,
                  lastName: other.lastName}) AS associations
}
CALL (n) {
  OPTIONAL MATCH (t:Transfer {status: 'REQUESTED'})-[:OF]->(n)
  OPTIONAL MATCH (t)-[:TO_AREA]->(to:Area)
  RETURN t {.status, .requestedAt, toArea: to.code} AS openTransfer
}
CALL (n) {
  OPTIONAL MATCH (c:CustodyPeriod)-[:ABOUT]->(n)
  WHERE c.endedOn IS NULL AND NOT EXISTS { (:Record)-[:REVISION_OF]->(c) }
  RETURN c {.establishment, .startedOn} AS custody
}
CALL (n) {
  MATCH (r:Record)-[:ABOUT]->(n) WHERE NOT EXISTS { (:Record)-[:REVISION_OF]->(r) }
  WITH r ORDER BY r.createdAt DESC LIMIT 20
  MATCH (r)-[e:ENTERED_BY]->(by:Officer)
  MATCH (r)-[:ON_BEHALF_OF]->(g:Agency)
  OPTIONAL MATCH (v:Officer)-[vf:VERIFIED]->(r)
  RETURN collect(r {.*, labels: labels(r), enteredAt: e.at, enteredBy: by.staffId,
                    agency: g.code, verifiedBy: v.staffId, verifiedAt: vf.at}) AS records
}
CALL (n) {
  OPTIONAL MATCH (r:RiskAssessment)-[:ABOUT]->(n)
  WHERE NOT EXISTS { (:Record)-[:REVISION_OF]->(r) }
  WITH r ORDER BY r.createdAt DESC LIMIT 1
  RETURN r {.riskLevel, .tool, .createdAt} AS latestRiskAssessment
}
CALL (n) {
  OPTIONAL MATCH (r:RiskManagementPlan)-[:ABOUT]->(n)
  WHERE NOT EXISTS { (:Record)-[:REVISION_OF]->(r) }
  WITH r ORDER BY r.createdAt DESC LIMIT 1
  RETURN r {.objectives, .createdAt} AS currentPlan
}
RETURN n {.*, manager: manager, partners: partners, currentArea: currentArea,
          residences: residences, associations: associations, openTransfer: openTransfer,
          custody: custody, records: records, latestRiskAssessment: latestRiskAssessment,
          currentPlan: currentPlan} AS nominal
"""


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def prepare_demo(settings: Settings, uri: str, nominals: int) -> None:
    """`ensure_demo` on a connection of its own, for a bench with nothing else to prepare."""

    async def prepare() -> None:
        db = database(settings, uri)
        try:
            await ensure_demo(db, nominals)
        finally:
            await db.close()

    asyncio.run(prepare())


async def ensure_demo(db: Database, nominals: int) -> None:
    """Reuse the graph when it is the demo world of this size (as `bench.demo_load` leaves it)."""
    demo_officer = await db.read("MATCH (o:Officer {staffId: 'PSOS-0001'}) RETURN o.uid AS uid")
    if demo_officer and await count_nominals(db) == nominals:
        return
    print(f"loading {nominals} demo nominals ...", file=sys.stderr)
    await delete_everything(db)
    await migrate(db)
    await load_demo(db, nominals=nominals)


async def sample_refs(db: Database, count: int, seed: int) -> list[str]:
    rows = await db.read("MATCH (n:Nominal) RETURN n.visorRef AS ref ORDER BY ref")
    refs = [row["ref"] for row in rows]
    return random.Random(seed).sample(refs, min(count, len(refs)))


async def time_audit(db: Database, refs: list[str], staff_id: str) -> list[float]:
    """The audited-consultation write a record view makes, on its own: its added latency."""
    actor = await load_actor(db=db, staff_id=staff_id)
    rows = await db.read(
        "MATCH (n:Nominal) WHERE n.visorRef IN $refs RETURN n.uid AS uid", refs=refs
    )
    timings = []
    for row in rows:
        started = time.perf_counter()
        await record_consultation(
            db=db, actor=actor, nominal_uids=[row["uid"]], purpose="benchmark"
        )
        timings.append((time.perf_counter() - started) * 1000)
    return timings


async def time_cypher(db: Database, refs: list[str]) -> list[float]:
    timings = []
    for ref in refs:
        started = time.perf_counter()
        await db.read(HAND_WRITTEN, ref=ref)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


MINIMAL = "query Minimal($ref: String!) { nominal(visorRef: $ref) { visorRef } }"
"""The smallest audited read: the fixed cost of a consultation (actor, read, audit append)."""
TYPENAME = "{ __typename }"
"""No read at all: the fixed cost of a request (HTTP, token, parse, validate, encode)."""


def time_graphql(
    base_url: str, app_db: Database, token: str, refs: list[str], query: str = VIEW
) -> tuple[list[float], list[int]]:
    timings, round_trips = [], []
    headers = {"Authorization": f"Bearer {token}", "X-Visor-Purpose": "benchmark"}
    with httpx.Client(base_url=base_url, headers=headers, timeout=60) as client:
        for ref in refs:
            before = app_db.counter.count
            started = time.perf_counter()
            variables = {"ref": ref} if "$ref" in query else {}
            response = client.post("/graphql", json={"query": query, "variables": variables})
            timings.append((time.perf_counter() - started) * 1000)
            round_trips.append(app_db.counter.count - before)
            body = response.json()
            if "errors" in body:
                raise SystemExit(f"the record view failed: {body['errors']}")
    return timings, round_trips


def summary(timings: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
    }


DEFAULTS: dict[str, Any] = {"nominals": 10_000, "requests": 200, "seed": 1}
QUICK: dict[str, Any] = {"nominals": 200, "requests": 20, "seed": 1}


def run(settings: Settings, uri: str, *, nominals: int, requests: int, seed: int) -> dict[str, Any]:
    async def prepare() -> tuple[list[str], list[float], list[float], str]:
        db = database(settings, uri)
        try:
            await ensure_demo(db, nominals)
            refs = await sample_refs(db, requests, seed)
            await time_cypher(db, refs[:20])  # warm-up
            cypher = await time_cypher(db, refs)
            staff = await db.read(
                "MATCH (o:Officer {active: true}) RETURN o.staffId AS id ORDER BY id LIMIT 1"
            )
            audit = await time_audit(db, refs, staff[0]["id"])
            return refs, cypher, audit, staff[0]["id"]
        finally:
            await db.close()

    refs, cypher, audit, staff_id = asyncio.run(prepare())
    app = create_app(settings, uri=uri)
    with serving(app) as base_url:
        token = issue_token(settings.secret, staff_id)
        time_graphql(base_url, app.state.db, token, refs[:20])  # warm-up
        graphql, round_trips = time_graphql(base_url, app.state.db, token, refs)
        minimal, _ = time_graphql(base_url, app.state.db, token, refs, MINIMAL)
        typename, _ = time_graphql(base_url, app.state.db, token, refs, TYPENAME)
    cypher_and_audit = statistics.median(cypher) + statistics.median(audit)
    return {
        "benchmark": "record_view",
        "nominals": nominals,
        "requests": len(refs),
        "graphql_http": summary(graphql),
        "hand_written_cypher": summary(cypher),
        "audit_append_alone": summary(audit),
        "graphql_http_without_audit_p50_ms_estimate": round(
            statistics.median(graphql) - statistics.median(audit), 2
        ),
        "ratio_p50": round(statistics.median(graphql) / statistics.median(cypher), 2),
        "ratio_p95": round(percentile(graphql, 0.95) / percentile(cypher, 0.95), 2),
        "round_trips_per_request": sorted(set(round_trips)),
        "ratio_p50_to_cypher_plus_audit": round(statistics.median(graphql) / cypher_and_audit, 2),
        "minimal_audited_read": summary(minimal),
        "typename": summary(typename),
        "ratio_p50_minimal_to_typename": round(
            statistics.median(minimal) / statistics.median(typename), 2
        ),
    }


def headlines(result: dict[str, Any]) -> list[tuple[str, str]]:
    """The figures of `result` worth a row in the README's table."""
    graphql, cypher = result["graphql_http"], result["hand_written_cypher"]
    audit = result["audit_append_alone"]
    scale = f"{result['nominals']:,} demo nominals, {result['requests']} requests"
    trips = result["round_trips_per_request"]
    return [
        (
            f"record view over HTTP ({scale})",
            f"p50 {graphql['p50_ms']} ms, p95 {graphql['p95_ms']} ms",
        ),
        (
            "the same data by one hand-written Cypher query",
            f"p50 {cypher['p50_ms']} ms, p95 {cypher['p95_ms']} ms "
            f"(ratio {result['ratio_p50']} at p50)",
        ),
        (
            "audited-consultation write alone (what auditing adds to a view)",
            f"p50 {audit['p50_ms']} ms, p95 {audit['p95_ms']} ms",
        ),
        (
            "Cypher round trips per record-view request",
            "–".join(str(t) for t in (trips[0], trips[-1])) if len(trips) > 1 else str(trips[0]),
        ),
        (
            "record view against the hand-written query plus the audit append (p50; aim: 2)",
            f"{result['ratio_p50_to_cypher_plus_audit']}x",
        ),
        (
            "minimal audited read `nominal(visorRef:) { visorRef }` against `{ __typename }` "
            "(p50; aim: 3)",
            f"{result['minimal_audited_read']['p50_ms']} ms against "
            f"{result['typename']['p50_ms']} ms: {result['ratio_p50_minimal_to_typename']}x",
        ),
    ]


def main() -> None:
    run_from_command_line(sys.modules[__name__])


if __name__ == "__main__":
    main()
