"""Who lived at an address and when: an audited consultation of every nominal it names."""

from __future__ import annotations

import datetime

from graph.db import Database, Row
from graph.queries import residence as queries
from resolvers import paging
from resolvers.actor import Actor
from resolvers.audit import record_consultation, require_purpose
from resolvers.errors import BadUserInput


async def residents(
    *,
    db: Database,
    actor: Actor,
    location_uid: str,
    from_: datetime.date | None,
    to: datetime.date | None,
    first: int,
    purpose: str | None,
) -> list[Row]:
    """The residence periods at a location overlapping [from, to] (either end open), newest
    first, each {nominal, kind, from, to}; one CONSULT event names the nominals shown."""
    stated = require_purpose(purpose)
    paging.check_page_size(first)
    if from_ is not None and to is not None and from_ > to:
        raise BadUserInput(f"from: {from_.isoformat()} is after to", field="from")
    rows = await queries.residents(db, location_uid, from_=from_, to=to, limit=first)
    await record_consultation(
        db=db,
        actor=actor,
        nominal_uids=sorted({row["nominal"]["uid"] for row in rows}),
        purpose=stated,
    )
    return rows
