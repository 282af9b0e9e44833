"""The database handle passed down from the composition root: one driver, one database name.

All Cypher in the project runs through `Database.read` / `Database.write` (or a transaction
function given to `read_tx` / `write_tx`), so reads are routed as reads and round trips can be
counted.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from neo4j import AsyncDriver, AsyncGraphDatabase, AsyncManagedTransaction

T = TypeVar("T")
Row = dict[str, Any]


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

    async def read(self, query: str, /, **params: Any) -> list[Row]:
        return await self.read_tx(lambda tx: tx.run(query, **params))

    async def write(self, query: str, /, **params: Any) -> list[Row]:
        return await self.write_tx(lambda tx: tx.run(query, **params))

    async def read_tx(self, work: Callable[[CountingTx], Awaitable[T]]) -> T:
        async with self.driver.session(database=self.name) as session:
            return await session.execute_read(lambda tx: work(CountingTx(tx, self.counter)))

    async def write_tx(self, work: Callable[[CountingTx], Awaitable[T]]) -> T:
        async with self.driver.session(database=self.name) as session:
            return await session.execute_write(lambda tx: work(CountingTx(tx, self.counter)))

    async def close(self) -> None:
        await self.driver.close()


@dataclass
class CountingTx:
    """A managed transaction that counts each query it runs."""

    tx: AsyncManagedTransaction
    counter: QueryCounter

    async def run(self, query: str, /, **params: Any) -> list[Row]:
        self.counter.count += 1
        result = await self.tx.run(query, params)
        return [record.data() async for record in result]


def open_database(uri: str, user: str, password: str, database: str) -> Database:
    auth = (user, password) if password else None
    # Server notifications (e.g. "relationship type does not exist" while a graph is still
    # empty) are hints for query authors, not for operators' logs.
    driver = AsyncGraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF")
    return Database(driver=driver, name=database)
