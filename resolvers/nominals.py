"""Reading nominals: any authenticated active officer, each read an audited consultation."""

from __future__ import annotations

import base64
import binascii

from graph.db import Database, Row
from graph.queries import nominals as queries
from resolvers.actor import Actor
from resolvers.audit import record_consultation, require_purpose
from resolvers.errors import BadUserInput, NotFound

MAX_PAGE_SIZE = 100
CURSOR_PREFIX = "nominal:"


async def get_nominal(*, db: Database, actor: Actor, visor_ref: str, purpose: str | None) -> Row:
    stated = require_purpose(purpose)
    nominal = await queries.nominal_by_visor_ref(db, visor_ref)
    if nominal is None:
        raise NotFound(f"visorRef: no nominal {visor_ref!r}", field="visorRef")
    await record_consultation(db=db, actor=actor, nominal_uids=[nominal["uid"]], purpose=stated)
    return nominal


async def list_nominals(
    *, db: Database, actor: Actor, first: int, after: str | None, purpose: str | None
) -> tuple[int, list[Row], bool]:
    """A page of nominals ordered by visorRef: (total count, rows, has next page)."""
    stated = require_purpose(purpose)
    if not 0 <= first <= MAX_PAGE_SIZE:
        raise BadUserInput(
            f"first: must be between 0 and {MAX_PAGE_SIZE}, got {first}", field="first"
        )
    after_ref = decode_cursor(after) if after is not None else None
    total, rows = await queries.nominals_page(db, after=after_ref, limit=first + 1)
    page = rows[:first]
    await record_consultation(
        db=db, actor=actor, nominal_uids=[row["uid"] for row in page], purpose=stated
    )
    return total, page, len(rows) > first


def encode_cursor(visor_ref: str) -> str:
    return base64.urlsafe_b64encode(f"{CURSOR_PREFIX}{visor_ref}".encode()).decode()


def decode_cursor(cursor: str) -> str:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    if not text.startswith(CURSOR_PREFIX) or len(text) == len(CURSOR_PREFIX):
        raise BadUserInput(f"after: not a cursor of this connection: {cursor!r}", field="after")
    return text[len(CURSOR_PREFIX) :]
