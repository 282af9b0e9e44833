"""The database handle passed down from the composition root: one driver, one database name.

All Cypher in the project runs through `Database.read` / `Database.write` (or a transaction
function given to `read_tx` / `write_tx`), so reads are routed as reads and round trips can be
counted.

Neo4j being away shows within seconds: connecting and waiting for a pooled connection are bounded
(the constants below); the service (`open_database(..., serving=True)`) also retries a failed
transaction only briefly, while commands keep the driver's 30 s, to ride out a Neo4j restart. A
request's handle (`for_request`) remembers that Neo4j was unreachable, so the answer can say
UNAVAILABLE rather than a masked internal error.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from neo4j import (
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncManagedTransaction,
    AsyncResult,
    AsyncSession,
    Query,
    RoutingControl,
)
from neo4j.api import AsyncBookmarkManager
from neo4j.exceptions import (
    ConnectionAcquisitionTimeoutError,
    DatabaseUnavailable,
    ServiceUnavailable,
    SessionExpired,
)

T = TypeVar("T")
Row = dict[str, Any]

CONNECTION_TIMEOUT_SECONDS = 3.0
"""How long opening a connection to Neo4j may take (the driver's default is 30 s)."""
CONNECTION_ACQUISITION_TIMEOUT_SECONDS = 5.0
"""How long a query may wait for a connection from the pool (the driver's default is 60 s)."""
SERVING_RETRY_SECONDS = 2.0
"""How long the service retries a transaction Neo4j could not run (the driver's default, which
commands keep, is 30 s): a request answers UNAVAILABLE within a few seconds instead."""
YIELD_EVERY_SECONDS = 0.005
"""How long reading a result's rows may keep the event loop before letting other requests run:
the driver decodes rows that have already arrived without ever yielding."""
DRIVER_RETRY_SECONDS = 30.0
"""The driver's own retry window, which commands keep."""
OUTAGES = (
    ServiceUnavailable,
    SessionExpired,
    ConnectionAcquisitionTimeoutError,
    DatabaseUnavailable,
)
"""The driver's exceptions that mean Neo4j is not reachable: gone, restarting (its database not
yet or no longer available), or every pooled connection busy past the acquisition timeout (a
retryable UNAVAILABLE, not a masked internal error)."""


@dataclass
class QueryCounter:
    """Counts Cypher round trips; tests and benchmarks read it."""

    count: int = 0

    def reset(self) -> None:
        self.count = 0


@dataclass
class Database:
    driver: AsyncDriver
    name: str = "neo4j"
    counter: QueryCounter = field(default_factory=QueryCounter)
    outage: Exception | None = field(default=None, compare=False)
    """The first exception saying Neo4j was unreachable (see `OUTAGES`), on this handle."""
    bookmarks: AsyncBookmarkManager | None = field(default=None, compare=False)
    """Carries the bookmarks of this handle's transactions into its next ones (causal
    consistency: on a cluster, a read after a write of the same request sees that write)."""

    def for_request(self) -> Database:
        """A handle on the same driver and counter, for one request (or WebSocket connection):
        its `outage` tells whether Neo4j went away while serving it, and its transactions are
        causally chained by bookmarks of their own."""
        return replace(self, outage=None, bookmarks=AsyncGraphDatabase.bookmark_manager())

    def _session(self) -> AsyncSession:
        return self.driver.session(database=self.name, bookmark_manager=self.bookmarks)

    async def read(self, query: str, /, **params: Any) -> list[Row]:
        return await self._execute(query, params, RoutingControl.READ)

    async def read_within(self, seconds: float, query: str, /, **params: Any) -> list[Row]:
        """`read`, with the transaction bounded on the server to `seconds` (the driver's
        transaction timeout): past it Neo4j ends the transaction with a ClientError whose code
        `is_timeout` recognises."""

        return await self._execute(Query(query, timeout=seconds), params, RoutingControl.READ)

    async def write(self, query: str, /, **params: Any) -> list[Row]:
        return await self._execute(query, params, RoutingControl.WRITE)

    async def _execute(
        self, query: str | Query, params: dict[str, Any], routing: RoutingControl
    ) -> list[Row]:
        """One query in a managed transaction of its own (retried like `read_tx`), by the
        driver's `execute_query`, which sends BEGIN with the query: one network round trip
        fewer than a session's transaction function."""
        self.counter.count += 1
        try:
            return await self.driver.execute_query(
                query,
                params,
                routing_=routing,
                database_=self.name,
                bookmark_manager_=self.bookmarks,
                result_transformer_=all_rows,
            )
        except OUTAGES as exc:
            self.outage = self.outage or exc
            raise

    async def read_tx(self, work: Callable[[CountingTx], Awaitable[T]]) -> T:
        try:
            async with self._session() as session:
                with _begin_with_first_query(session):
                    return await session.execute_read(lambda tx: work(CountingTx(tx, self.counter)))
        except OUTAGES as exc:
            self.outage = self.outage or exc
            raise

    async def write_tx(self, work: Callable[[CountingTx], Awaitable[T]]) -> T:
        try:
            async with self._session() as session:
                with _begin_with_first_query(session):
                    return await session.execute_write(
                        lambda tx: work(CountingTx(tx, self.counter))
                    )
        except OUTAGES as exc:
            self.outage = self.outage or exc
            raise

    async def close(self) -> None:
        await self.driver.close()


def _begin_with_first_query(session: AsyncSession) -> AbstractContextManager[object]:
    """Within it, the session's transaction functions send BEGIN with their first query, as
    the driver's `execute_query` does (one network round trip fewer). This is the driver's
    private switch for that (neo4j 6.1, pinned in constraints.txt); a driver without it sends
    BEGIN on its own, as before."""
    switch: AbstractContextManager[object] | None = getattr(session, "_pipelined_begin", None)
    return switch if switch is not None else nullcontext()


def is_timeout(exc: Exception) -> bool:
    """Neo4j ended the transaction because it ran past its timeout."""
    return "TransactionTimedOut" in (getattr(exc, "code", None) or "")


@dataclass
class CountingTx:
    """A managed transaction that counts each query it runs."""

    tx: AsyncManagedTransaction
    counter: QueryCounter

    async def run(self, query: str, /, **params: Any) -> list[Row]:
        self.counter.count += 1
        return await all_rows(await self.tx.run(query, params))


async def all_rows(result: AsyncResult) -> list[Row]:
    """The result's rows as dicts, letting other requests run every YIELD_EVERY_SECONDS.

    The project's queries return maps, lists and values, never bare nodes or relationships,
    which `Record.data()` would turn into dicts by walking every value in Python (0.4 ms of a
    record view's 3 ms read); a record is already a mapping of its columns."""
    rows = []
    held_since = time.monotonic()
    async for record in result:
        rows.append(dict(record))
        if time.monotonic() - held_since > YIELD_EVERY_SECONDS:
            await asyncio.sleep(0)
            held_since = time.monotonic()
    return rows


def open_database(
    uri: str, user: str, password: str, database: str, *, serving: bool = False
) -> Database:
    """A handle to `database` at `uri`; `serving` shortens the retry window to
    SERVING_RETRY_SECONDS (for the service; commands wait out a Neo4j restart)."""
    auth = (user, password) if password else None
    # Server notifications (e.g. "relationship type does not exist" while a graph is still
    # empty) are hints for query authors, not for operators' logs.
    driver = AsyncGraphDatabase.driver(
        uri,
        auth=auth,
        notifications_min_severity="OFF",
        connection_timeout=CONNECTION_TIMEOUT_SECONDS,
        connection_acquisition_timeout=CONNECTION_ACQUISITION_TIMEOUT_SECONDS,
        max_transaction_retry_time=SERVING_RETRY_SECONDS if serving else DRIVER_RETRY_SECONDS,
    )
    return Database(driver=driver, name=database)
