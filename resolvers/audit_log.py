"""Reading the audit trail: who consulted or changed a nominal's record, and what an officer
looked at or changed.

Data protection officers and admins read every event; a supervisor reads only the events BY
officers of their own agency; anyone else is FORBIDDEN.

Reading audit events is itself a consultation: the page names nominals (and, for a nominal's
trail, says who took an interest in that person, which is part of their record). So both reads
take a stated purpose and append one CONSULT event concerning the nominal asked about and every
nominal shown on the page. The event is appended after the page has been read, so it is never
part of its own page (it is the newest event of the next read).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from graph.db import Database, Row
from graph.models.enums import Role
from graph.queries import audit_log as queries
from resolvers import paging
from resolvers.actor import Actor
from resolvers.audit import record_consultation, require_purpose
from resolvers.errors import BadUserInput, Forbidden, NotFound, quoted


@dataclass(frozen=True)
class AuditPage:
    total: int
    edges: list[tuple[str, Row]]
    """(cursor, event row) pairs, newest event first; a row is {seq, at, action, purpose,
    officer: {uid, staffId, name}, nominals: [nominal rows]}."""
    has_next: bool


@dataclass(frozen=True)
class _Window:
    from_: datetime.datetime | None
    to: datetime.datetime | None
    after: int | None


async def audit_trail(
    *,
    db: Database,
    actor: Actor,
    nominal_uid: str | None,
    visor_ref: str | None,
    from_: datetime.datetime | None,
    to: datetime.datetime | None,
    first: int,
    after: str | None,
    purpose: str | None,
) -> AuditPage:
    """The events concerning one nominal (given by uid or VISOR reference), newest first."""
    agency_uid = _reader_scope(actor, field="auditTrail")
    stated = require_purpose(purpose)
    if (nominal_uid is None) == (visor_ref is None):
        raise BadUserInput("nominal: give exactly one of nominal and visorRef", field="nominal")
    window = _window(from_=from_, to=to, first=first, after=after)
    uid = await queries.nominal_uid(db, uid=nominal_uid, visor_ref=visor_ref)
    if uid is None:
        field = "nominal" if nominal_uid is not None else "visorRef"
        raise NotFound(f"{field}: no such nominal", field=field)
    total, rows = await queries.events_page(
        db,
        nominal_uid=uid,
        agency_uid=agency_uid,
        from_=window.from_,
        to=window.to,
        after=window.after,
        limit=first + 1,
    )
    page = _page(total, rows, first)
    await record_consultation(
        db=db, actor=actor, nominal_uids=_shown_nominals(page, also=[uid]), purpose=stated
    )
    return page


async def access_log(
    *,
    db: Database,
    actor: Actor,
    staff_id: str | None,
    from_: datetime.datetime | None,
    to: datetime.datetime | None,
    first: int,
    after: str | None,
    purpose: str | None,
    officer_uid: str | None = None,
) -> AuditPage:
    """The events BY one officer (given by staff id, or by uid from a global id), newest
    first."""
    agency_uid = _reader_scope(actor, field="accessLog")
    stated = require_purpose(purpose)
    window = _window(from_=from_, to=to, first=first, after=after)
    if (staff_id is None) == (officer_uid is None):
        raise BadUserInput("officer: give a staff id or an officer's ID", field="officer")
    if officer_uid is not None:
        officer = await queries.officer_by_uid(db, officer_uid)
        named = f"id {quoted(officer_uid)}"
    else:
        assert staff_id is not None
        officer = await queries.officer_by_staff_id(db, staff_id)
        named = f"staff id {quoted(staff_id)}"
    if agency_uid is not None and (officer is None or officer["agencyUid"] != agency_uid):
        raise Forbidden("accessLog: a supervisor sees only officers of their own agency")
    if officer is None:
        raise NotFound(f"officer: no officer with {named}", field="officer")
    total, rows = await queries.events_page(
        db,
        officer_uid=officer["uid"],
        agency_uid=None,
        from_=window.from_,
        to=window.to,
        after=window.after,
        limit=first + 1,
    )
    page = _page(total, rows, first)
    await record_consultation(
        db=db, actor=actor, nominal_uids=_shown_nominals(page, also=[]), purpose=stated
    )
    return page


def _reader_scope(actor: Actor, *, field: str) -> str | None:
    """None when the actor reads every event; the uid of their agency when they read only the
    events by its officers (supervisors); FORBIDDEN for anyone else."""
    if actor.has_role(Role.DATA_PROTECTION_OFFICER.value) or actor.has_role(Role.ADMIN.value):
        return None
    if actor.has_role(Role.SUPERVISOR.value) and actor.agency_uid is not None:
        return actor.agency_uid
    raise Forbidden(
        f"{field}: for data protection officers, admins and supervisors (their own agency)"
    )


def _window(
    *, from_: datetime.datetime | None, to: datetime.datetime | None, first: int, after: str | None
) -> _Window:
    paging.check_page_size(first)
    from_, to = paging.time_window(from_, to)
    return _Window(from_=from_, to=to, after=decode_cursor(after) if after is not None else None)


def _page(total: int, rows: list[Row], first: int) -> AuditPage:
    edges = [(encode_cursor(int(row["seq"])), row) for row in rows[:first]]
    return AuditPage(total=total, edges=edges, has_next=len(rows) > first)


def _shown_nominals(page: AuditPage, *, also: list[str]) -> list[str]:
    """The nominals a page shows, after `also`, each once."""
    uids = dict.fromkeys(also)
    for _, row in page.edges:
        uids.update(dict.fromkeys(nominal["uid"] for nominal in row["nominals"]))
    return list(uids)


def encode_cursor(seq: int) -> str:
    return paging.encode_cursor("audit", seq)


def decode_cursor(cursor: str) -> int:
    (seq,) = paging.decode_cursor(cursor, "audit", int)
    if not isinstance(seq, int) or seq < 1:
        raise BadUserInput(
            f"after: not a cursor of this connection: {quoted(cursor)}", field="after"
        )
    return seq
