"""The transfer feed of one process: it tails the graph's `TransferStep`s in audit order and fans
each out to this process's subscribers.

The service runs as several processes over one Neo4j, so nothing live can travel through one
process's memory: every process reads the steps from the graph itself. A step's `auditSeq` is the
seq of the audit event written in its transaction, and audited writes commit one at a time in seq
order (each holds the audit chain's lock until it commits), so tailing "steps after the last seq
seen" never skips one. A subscriber that reconnects passes the last seq it received
(`afterSeq`) and first replays what it missed from the graph.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from graph.db import Database, Row
from graph.queries.transfers import last_step_seq, steps_after

log = logging.getLogger("visor.transfers.feed")

POLL_SECONDS = 0.1
"""How often the feed looks for new steps while anyone subscribes."""
BATCH = 200
QUEUE_LIMIT = 1000
"""Steps a subscriber may fall behind by; past that it is dropped (and may reconnect with
`afterSeq` to catch up from the graph)."""


class FellBehind(Exception):
    """A subscriber's queue overflowed."""


class TransferFeed:
    def __init__(self, db: Database, *, poll_seconds: float = POLL_SECONDS) -> None:
        self.db = db
        self.poll_seconds = poll_seconds
        self.subscribers: set[asyncio.Queue[Row | FellBehind]] = set()
        self.position = 0
        self.task: asyncio.Task[None] | None = None

    @contextlib.asynccontextmanager
    async def subscribe(self) -> AsyncIterator[asyncio.Queue[Row | FellBehind]]:
        """A queue that receives every step committed from now on, in seq order, while the
        context is open. The tail starts with the first subscriber and stops with the last."""
        queue: asyncio.Queue[Row | FellBehind] = asyncio.Queue()
        if self.task is None or self.task.done():
            self.position = await last_step_seq(self.db)
            self.task = asyncio.create_task(self._tail(), name="transfer-feed")
        self.subscribers.add(queue)
        try:
            yield queue
        finally:
            self.subscribers.discard(queue)
            if not self.subscribers and self.task is not None:
                self.task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self.task
                self.task = None

    async def close(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task

    async def _tail(self) -> None:
        while True:
            try:
                rows = await steps_after(self.db, self.position, BATCH)
            except Exception:  # noqa: BLE001 - Neo4j away: keep the subscribers, try again
                log.warning("transfer feed: reading steps failed; retrying", exc_info=True)
                rows = []
            for row in rows:
                self.position = int(row["seq"])
                for queue in list(self.subscribers):
                    if queue.qsize() >= QUEUE_LIMIT:
                        self.subscribers.discard(queue)
                        queue.put_nowait(FellBehind())
                    else:
                        queue.put_nowait(row)
            if len(rows) < BATCH:
                await asyncio.sleep(self.poll_seconds)
