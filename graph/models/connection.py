"""Binding neomodel to the project's `Database` (driver and database name)."""

from __future__ import annotations

from neomodel import adb, get_config

from graph.db import Database


async def bind_neomodel(db: Database) -> None:
    """Make neomodel use `db.driver` and `db.name` in the calling context.

    neomodel keeps the driver process-wide but the target database in a ContextVar, set only in
    the context that calls `set_connection` (and inherited by tasks it spawns afterwards); other
    contexts fall back to the server's default database. Call this at the start of any task that
    uses the models if `db.name` is not the server's default. Cheap after the first call.
    """
    get_config().database_name = db.name
    if adb.driver is not db.driver:
        await adb.set_connection(driver=db.driver)
    adb._database_name = db.name
