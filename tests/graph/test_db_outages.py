"""A query that finds every pooled connection busy past the acquisition timeout counts as Neo4j
being unavailable (the request answers 503 UNAVAILABLE, not a masked 500), on the real Neo4j."""

from __future__ import annotations

import pytest
from neo4j import AsyncGraphDatabase
from neo4j.exceptions import ConnectionAcquisitionTimeoutError

from graph.db import Database


async def test_a_pool_acquisition_timeout_is_an_outage(neo4j_uri: str) -> None:
    driver = AsyncGraphDatabase.driver(
        neo4j_uri, auth=None, max_connection_pool_size=1, connection_acquisition_timeout=0.5
    )
    db = Database(driver=driver).for_request()
    try:
        async with driver.session() as holder:
            tx = await holder.begin_transaction()  # holds the pool's only connection
            await (await tx.run("RETURN 1")).consume()
            with pytest.raises(ConnectionAcquisitionTimeoutError):
                await db.read("RETURN 1 AS one")
            await tx.rollback()
        assert isinstance(db.outage, ConnectionAcquisitionTimeoutError)
        assert await db.read("RETURN 1 AS one") == [{"one": 1}]  # the pool is free again
    finally:
        await driver.close()
