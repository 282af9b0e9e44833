"""Provenance: a nominal's contribution summary, and contributions across nominals.

Contributions across nominals are for supervisors (officers and the agency of their own agency)
and admins (all); each entry returned is still under the record access rule.
"""

from __future__ import annotations

import base64
import binascii
import datetime
from dataclasses import dataclass

from graph.db import Database, Row
from graph.models.enums import Role
from graph.queries import provenance as queries
from loaders.records import RecordLoaders
from resolvers.actor import Actor
from resolvers.errors import BadUserInput, Forbidden, NotFound
from resolvers.records import RecordView, view_records

MAX_PAGE_SIZE = 100
CURSOR_PREFIX = "contribution:"


@dataclass(frozen=True)
class ContributionsPage:
    total: int
    edges: list[tuple[str, RecordView]]
    """(cursor, record) pairs, newest entry first."""
    has_next: bool


async def nominal_provenance(*, loaders: RecordLoaders, nominal_uid: str) -> Row:
    """Entries and last entry time per agency and per officer, over current record versions."""
    return await loaders.provenance.load(nominal_uid)


async def contributions(
    *,
    db: Database,
    loaders: RecordLoaders,
    actor: Actor,
    officer_uid: str | None,
    agency_uid: str | None,
    from_: datetime.datetime | None,
    to: datetime.datetime | None,
    first: int,
    after: str | None,
) -> ContributionsPage:
    """Every record version entered by one officer, or on behalf of one agency, newest first."""
    if (officer_uid is None) == (agency_uid is None):
        raise BadUserInput("officer: give exactly one of officer and agency", field="officer")
    if not 0 <= first <= MAX_PAGE_SIZE:
        raise BadUserInput(
            f"first: must be between 0 and {MAX_PAGE_SIZE}, got {first}", field="first"
        )
    from_, to = _utc(from_), _utc(to)
    if from_ is not None and to is not None and from_ > to:
        raise BadUserInput(f"from: {from_.isoformat()} is after to", field="from")
    after_key = decode_cursor(after) if after is not None else None
    await require_provenance_access(
        db=db, actor=actor, officer_uid=officer_uid, agency_uid=agency_uid
    )
    total, rows = await queries.contributions(
        db,
        officer_uid=officer_uid,
        agency_uid=agency_uid,
        from_=from_,
        to=to,
        after=after_key,
        limit=first + 1,
    )
    page = rows[:first]
    views = await view_records(loaders=loaders, actor=actor, rows=[r["record"] for r in page])
    edges = [(encode_cursor(r["key"]), view) for r, view in zip(page, views, strict=True)]
    return ContributionsPage(total=total, edges=edges, has_next=len(rows) > first)


def _utc(moment: datetime.datetime | None) -> datetime.datetime | None:
    """A datetime given without an offset is read as UTC, as entry times are stored."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=datetime.UTC)
    return moment


async def require_provenance_access(
    *, db: Database, actor: Actor, officer_uid: str | None, agency_uid: str | None
) -> None:
    """Admins see all; supervisors their own agency and its officers; anyone else is FORBIDDEN.
    An unknown officer or agency is NOT_FOUND for those who could otherwise see it."""
    is_admin = actor.has_role(Role.ADMIN.value)
    if not is_admin and not actor.has_role(Role.SUPERVISOR.value):
        raise Forbidden("contributions: for supervisors (their own agency) and admins")
    if officer_uid is not None:
        exists, officer_agency = await queries.officer_agency(db, officer_uid)
        if not is_admin and (officer_agency is None or officer_agency != actor.agency_uid):
            raise Forbidden("contributions: a supervisor sees only officers of their own agency")
        if not exists:
            raise NotFound("officer: no such officer", field="officer")
        return
    assert agency_uid is not None
    if not is_admin and agency_uid != actor.agency_uid:
        raise Forbidden("contributions: a supervisor sees only their own agency")
    if not await queries.agency_exists(db, agency_uid):
        raise NotFound("agency: no such agency", field="agency")


def encode_cursor(key: list[object]) -> str:
    seconds, nanos, uid = key
    text = f"{CURSOR_PREFIX}{seconds}:{nanos}:{uid}"
    return base64.urlsafe_b64encode(text.encode()).decode()


def decode_cursor(cursor: str) -> list[object]:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        seconds, nanos, uid = text.removeprefix(CURSOR_PREFIX).split(":", 2)
        if not text.startswith(CURSOR_PREFIX) or not uid:
            raise ValueError(text)
        return [int(seconds), int(nanos), uid]
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadUserInput(
            f"after: not a cursor of this connection: {cursor!r}", field="after"
        ) from None
