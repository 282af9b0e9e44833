"""A request's database handle chains its transactions by bookmarks (causal consistency), so on
a cluster a read after a write of the same request (or WebSocket connection) sees that write;
handles of different requests do not share them."""

from __future__ import annotations

from graph.db import Database


async def test_a_requests_read_carries_the_bookmark_of_its_write(db: Database) -> None:
    request = db.for_request()
    assert request.bookmarks is not None
    assert not await request.bookmarks.get_bookmarks()
    await request.write("CREATE (:Probe {n: 1})")
    written = await request.bookmarks.get_bookmarks()
    assert written  # the write's bookmark, which the next transaction waits for
    assert await request.read("MATCH (p:Probe) RETURN p.n AS n") == [{"n": 1}]
    other = db.for_request()
    assert other.bookmarks is not request.bookmarks
    assert other.bookmarks is not None and not await other.bookmarks.get_bookmarks()
