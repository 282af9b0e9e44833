"""No single request starves the others: while the costliest query of a heavy shape that a
cost limit of LIMIT_FACTOR times the default lets through runs (4 aliases of `nominals` with
their records and revisions, residence history, associations and provenance, on a 200-nominal
demo world), a trivial `{ __typename }` and /readyz each answer within PROMPT_SECONDS.

The default limit is calibrated so that the costliest query it admits takes about 2 s on an
idle machine (schema/limits.py); a raised one makes sure the costly query outlasts the probes
on any machine, so that a starved probe would show.

PROMPT_SECONDS is a functional bound, not a performance figure: on the shared 2-core machine an
answer that takes longer than a second while another request runs means the event loop was held
by that request (starved), not that it was slow."""

from __future__ import annotations

import asyncio
import dataclasses
import time

import httpx
import pytest
from graphql import parse

from bench.load import CASELOAD
from graph.db import Database
from graph.demo import load_demo
from graph.migrations import migrate
from schema.build import build_schema
from schema.limits import estimated_cost
from visor.app import create_app
from visor.serving import serving
from visor.settings import DEFAULT_MAX_COST, Settings
from visor.tokens import issue_token

pytestmark = pytest.mark.slow

SCHEMA = build_schema()._schema
PROMPT_SECONDS = 1.0
LIMIT_FACTOR = 3
PROBES = 5
NOMINAL = """visorRef firstName lastName aliases
  residenceHistory { kind from to location { postcode } }
  associations { kind from to nominal { visorRef lastName } }
  provenance { totalEntries byAgency { entries } lastEntryAt }
  records(first: 200) { kind enteredAt
    ... on RecordEntry { classification version summary revisions { kind enteredAt } } }"""


def heavy(first: int) -> str:
    aliases = " ".join(
        f"a{i}: nominals(first: {first}) {{ edges {{ node {{ {NOMINAL} }} }} }}" for i in range(4)
    )
    return f"query Heavy {{ {aliases} }}"


def cost(document: str) -> int:
    return estimated_cost(SCHEMA, parse(document))


def costliest_allowed(max_cost: int) -> tuple[str, int]:
    """heavy(first) for the largest `first` (up to a page of 200) whose cost is within the
    limit."""
    for first in range(200, 0, -1):  # the cost grows with `first`
        if cost(heavy(first)) <= max_cost:
            return heavy(first), first
    raise AssertionError("not even one nominal of the heavy shape is within the limit")


async def test_a_costly_query_does_not_starve_trivial_requests(
    db: Database, settings: Settings, neo4j_uri: str
) -> None:
    await migrate(db)
    await load_demo(db, nominals=200)
    staff_id = (await db.read(CASELOAD))[0]["staffId"]
    raised = dataclasses.replace(settings, max_cost=LIMIT_FACTOR * DEFAULT_MAX_COST)
    document, first = costliest_allowed(raised.max_cost)
    with serving(create_app(raised, uri=neo4j_uri)) as base_url:
        await _probe_while_costly(base_url, settings, staff_id, document, first)


async def _probe_while_costly(
    base_url: str, settings: Settings, staff_id: str, document: str, first: int
) -> None:
    headers = {
        "Authorization": f"Bearer {issue_token(settings.secret, staff_id)}",
        "X-Visor-Purpose": "starvation test",
    }
    async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=120) as client:
        started = time.monotonic()
        costly = asyncio.create_task(client.post("/graphql", json={"query": document}))
        await asyncio.sleep(0.3)  # the costly request is in the server's hands
        probes: list[tuple[str, float, int]] = []
        while not costly.done() and len(probes) < 2 * PROBES:
            for name, send in (
                ("__typename", client.post("/graphql", json={"query": "{ __typename }"})),
                ("readyz", client.get("/readyz")),
            ):
                sent = time.monotonic()
                answer = await send
                probes.append((name, time.monotonic() - sent, answer.status_code))
        response = await costly
        took = time.monotonic() - started
    body = response.json()
    assert response.status_code == 200 and not body.get("errors"), response.text[:2000]
    assert sum(len(body["data"][f"a{i}"]["edges"]) for i in range(4)) > 0
    # The probes measured something only if the costly query was still running for them.
    assert took > 2 * PROMPT_SECONDS, (took, first)
    assert len(probes) >= 2, probes  # each sent while the costly query ran
    slow = [p for p in probes if p[1] > PROMPT_SECONDS or p[2] != 200]
    assert slow == [], (slow, probes, took, first)
