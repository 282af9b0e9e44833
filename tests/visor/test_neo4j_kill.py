"""A private Neo4j SIGKILLed while four clients write (addNote and updateNominal, each on a
nominal of its own) through the app over HTTP, then started again on the same data: every answer
is a full one, a 503 UNAVAILABLE with `extensions.code` (never a 500 or a trace), or a CONFLICT
after a write whose answer was lost; /readyz shows Neo4j down, then up; the service writes again
by itself; and no write is half applied: a note exists exactly when its COLLECT event does, each
nominal's version rose by exactly its ALTER events, the chain verifies, the invariants hold."""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import time
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from graph.db import open_database
from graph.local_server import LocalNeo4j
from graph.migrations import AUDIT_CHAIN_CONSTRAINT
from tests.fault_checks import audit_verify, events_by_purpose, invariant_breaches
from tests.graphql_client import error_codes
from tests.small_graph import create_small_graph
from visor.app import create_app
from visor.serving import serving
from visor.settings import Settings
from visor.tokens import issue_token

pytestmark = pytest.mark.slow

REFS = [f"VR-{i:07d}" for i in range(1, 5)]  # one writer each
BOUND_SECONDS = 120.0  # for each phase to happen at all on the shared machine: not a timing
OK_BEFORE_KILL = 20
OK_AFTER_RESTART = 4

ADD = """mutation Add($ref: String!, $text: String!) {
  addNote(input: {visorRef: $ref, text: $text}) { kind } }"""
UPDATE = """mutation Update($ref: String!, $version: Int!, $middle: String!) {
  updateNominal(input: {visorRef: $ref, version: $version, middleNames: $middle}) { version } }"""
READ = "query Read($ref: String!) { nominal(visorRef: $ref) { version } }"
VERSIONS = "MATCH (n:Nominal) RETURN n.visorRef AS ref, n.version AS version"
ALTERS = """MATCH (e:AuditEvent {action: 'ALTER'})-[:CONCERNS]->(n:Nominal)
WHERE e.purpose STARTS WITH 'kill ' RETURN n.visorRef AS ref, count(e) AS alters"""


@dataclass
class Answer:
    index: int
    kind: str  # "add" or "update"
    ref: str
    status: int | None
    body: dict[str, Any] | None
    text: str
    at: float

    @property
    def ok(self) -> bool:
        return self.status == 200 and self.body is not None and not self.body.get("errors")


class Writers:
    """Each writer adds a note to its nominal, then updates its middle names at the version it
    last read, in a loop; every answer is kept."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self.answers: list[Answer] = []
        self.counter = itertools.count()
        self.stop = asyncio.Event()

    def oks_since(self, moment: float) -> int:
        return sum(a.ok and a.at >= moment for a in self.answers)

    async def run(self, ref: str) -> None:
        version: int | None = None
        while not self.stop.is_set():
            if version is None:
                version = await self._version(ref)
                continue
            await self._send("add", ref, ADD, {"ref": ref, "text": "kill note {index}"})
            answer = await self._send(
                "update", ref, UPDATE, {"ref": ref, "version": version, "middle": "K{index}"}
            )
            version = (
                answer.body["data"]["updateNominal"]["version"]
                if answer.body and answer.ok
                else None
            )

    async def _version(self, ref: str) -> int | None:
        try:
            answer = await self.client.post(
                "/graphql",
                json={"query": READ, "variables": {"ref": ref}},
                headers={"X-Visor-Purpose": "kill read"},
            )
            return int(answer.json()["data"]["nominal"]["version"])
        except (httpx.HTTPError, TypeError, KeyError):
            await asyncio.sleep(0.2)  # Neo4j down: try again
            return None

    async def _send(self, kind: str, ref: str, query: str, variables: dict[str, Any]) -> Answer:
        index = next(self.counter)
        filled = {
            k: v.format(index=index) if isinstance(v, str) else v for k, v in variables.items()
        }
        try:
            response = await self.client.post(
                "/graphql",
                json={"query": query, "variables": filled},
                headers={"X-Visor-Purpose": f"kill {index}"},
            )
            try:
                body = response.json()
            except ValueError:
                body = None
            answer = Answer(
                index, kind, ref, response.status_code, body, response.text, time.monotonic()
            )
        except httpx.HTTPError as exc:
            answer = Answer(index, kind, ref, None, None, repr(exc), time.monotonic())
        self.answers.append(answer)
        if not answer.ok:
            await asyncio.sleep(0.1)
        return answer


async def wait_for(condition: Any, what: str) -> None:
    deadline = time.monotonic() + BOUND_SECONDS
    while not await condition():
        assert time.monotonic() < deadline, f"not within {BOUND_SECONDS} s: {what}"
        await asyncio.sleep(0.1)


def kind_of_answer(answer: Answer) -> str:
    """'ok', 'unavailable' (503, every error UNAVAILABLE), 'conflict' (an update at a version
    its own lost answer had already moved on), or what else it was."""
    if answer.ok:
        return "ok"
    body = answer.body or {}
    codes = error_codes(body) if all("extensions" in e for e in body.get("errors", [])) else []
    if (
        answer.status == 503
        and body.get("data") is None
        and codes
        and set(codes) == {"UNAVAILABLE"}
    ):
        return "unavailable"
    if answer.status == 200 and answer.kind == "update" and codes == ["CONFLICT"]:
        return "conflict"
    return f"other: {answer.status} {answer.text[:300]}"


async def test_neo4j_killed_under_writes_leaves_nothing_half_applied(
    private_neo4j: LocalNeo4j, settings: Settings
) -> None:
    uri = private_neo4j.start().uri
    db = open_database(uri, "neo4j", "", "neo4j")
    try:
        # The audit chain head's constraint, as `visor db migrate` installs it: without it the
        # writers' first appends to the empty chain race (each creates a head of its own).
        await db.write(AUDIT_CHAIN_CONSTRAINT)
        await create_small_graph(db, nominals=len(REFS))
        before = {row["ref"]: row["version"] for row in await db.read(VERSIONS)}
    finally:
        await db.close()
    token = issue_token(settings.secret, "T-MGR")
    readiness: list[tuple[float, int]] = []
    with serving(create_app(settings, uri=uri)) as url:
        async with httpx.AsyncClient(
            base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=60
        ) as client:

            async def ready() -> int:
                status = (await client.get("/readyz")).status_code
                readiness.append((time.monotonic(), status))
                return status

            writers = Writers(client)
            tasks = [asyncio.create_task(writers.run(ref)) for ref in REFS]

            async def written_before_kill() -> bool:
                return writers.oks_since(0) >= OK_BEFORE_KILL

            await wait_for(written_before_kill, f"{OK_BEFORE_KILL} writes before the kill")
            assert await ready() == 200
            pid = private_neo4j.status().pid
            assert pid is not None
            os.kill(pid, signal.SIGKILL)
            killed = time.monotonic()

            async def refused_every_writer() -> bool:
                refused = {a.ref for a in writers.answers if a.at > killed and not a.ok}
                return refused == set(REFS)

            await wait_for(refused_every_writer, "every writer refused after the kill")

            async def down() -> bool:
                return await ready() == 503

            await wait_for(down, "/readyz 503 with Neo4j killed")
            await asyncio.to_thread(private_neo4j.start)  # the writers keep trying meanwhile
            restarted = time.monotonic()

            async def up() -> bool:
                return await ready() == 200

            await wait_for(up, "/readyz 200 with Neo4j back")

            async def writing_again() -> bool:
                return writers.oks_since(restarted) >= OK_AFTER_RESTART

            await wait_for(writing_again, f"{OK_AFTER_RESTART} writes after the restart")
            writers.stop.set()
            await asyncio.gather(*tasks)

    kinds = [kind_of_answer(a) for a in writers.answers]
    assert [k for k in kinds if k not in ("ok", "unavailable", "conflict")] == []
    assert kinds.count("unavailable") >= len(REFS)
    assert all("Traceback" not in a.text for a in writers.answers)
    assert [s for _, s in readiness][:1] == [200] and 503 in [s for _, s in readiness]
    assert readiness[-1][1] == 200

    db = open_database(uri, "neo4j", "", "neo4j")
    try:
        sent = [f"kill {a.index}" for a in writers.answers]
        events = await events_by_purpose(db, sent)
        notes = {
            row["text"]
            for row in await db.read(
                "MATCH (r:Note) WHERE r.text STARTS WITH 'kill note ' RETURN r.text AS text"
            )
        }
        for answer in writers.answers:
            kept = [action for action, _ in events[f"kill {answer.index}"]]
            if answer.ok:
                assert kept == ["COLLECT" if answer.kind == "add" else "ALTER"], answer
            if answer.kind == "add":  # the note and its event: both or neither
                assert (f"kill note {answer.index}" in notes) == (kept == ["COLLECT"]), answer
            else:
                assert kept in ([], ["ALTER"]), answer
        after = {row["ref"]: row["version"] for row in await db.read(VERSIONS)}
        alters = {row["ref"]: row["alters"] for row in await db.read(ALTERS)}
        assert {ref: after[ref] - before[ref] for ref in REFS} == {
            ref: alters.get(ref, 0) for ref in REFS
        }
        assert all(alters.get(ref, 0) > 0 for ref in REFS)
        assert await invariant_breaches(db) == []
    finally:
        await db.close()
    verified = audit_verify(uri, settings.secret)
    assert verified.returncode == 0, verified.stderr
