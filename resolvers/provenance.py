"""Provenance: a nominal's contribution summary, and contributions across nominals.

Contributions across nominals are for supervisors (officers and the agency of their own agency)
and admins (all); each entry returned is still under the record access rule, and reading them is
an audited consultation, with a stated purpose, of the nominals the page's entries are about.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from graph.db import Database, Row
from graph.models.enums import Role
from graph.queries import officers
from graph.queries import provenance as queries
from loaders.records import RecordLoaders
from resolvers import paging
from resolvers.actor import Actor
from resolvers.audit import record_consultation, require_purpose
from resolvers.errors import BadUserInput, Forbidden, NotFound, quoted
from resolvers.records import (
    RecordView,
    clearance_permits,
    may_read,
    needs_stewardship,
    view_records,
)


@dataclass(frozen=True)
class ContributionsPage:
    total: int
    edges: list[tuple[str, RecordView]]
    """(cursor, record) pairs, newest entry first."""
    has_next: bool


async def nominal_provenance(*, loaders: RecordLoaders, actor: Actor, nominal_uid: str) -> Row:
    """Entries and last entry time per agency and per officer, over current record versions.

    Totals and agencies count every entry (a restricted entry's stub shows its kind, date and
    entering agency anyway); officers count only the entries `actor` may read, so the summary
    never names who entered an entry the reader sees as a stub."""
    row = await loaders.provenance.load(nominal_uid)
    needs_rule = any(
        not clearance_permits(actor, entry) or needs_stewardship(entry)
        for officer in row["byOfficer"]
        for entry in officer["entries"]
    )
    stewards = await loaders.stewards.load(nominal_uid) if needs_rule else {}
    by_officer = []
    for officer in row["byOfficer"]:
        readable = [e for e in officer["entries"] if may_read(actor, e, stewards)]
        if readable:
            by_officer.append(
                {
                    "officer": officer["officer"],
                    "entries": len(readable),
                    "lastEntryAt": max(e["at"] for e in readable),
                }
            )
    by_officer.sort(
        key=lambda o: (-o["entries"], o["officer"].get("name") or "", o["officer"]["staffId"])
    )
    return {**row, "byOfficer": by_officer}


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
    purpose: str | None,
    officer_staff_id: str | None = None,
) -> ContributionsPage:
    """Every record version entered by one officer (by uid, or by staff id), or on behalf of
    one agency, newest first; one CONSULT event names the nominals of the entries on the
    page."""
    if officer_uid is not None and officer_staff_id is not None:
        raise BadUserInput("officer: give an officer's ID or a staff id, not both", field="officer")
    named_officer = officer_uid is not None or officer_staff_id is not None
    if named_officer == (agency_uid is not None):
        raise BadUserInput("officer: give exactly one of officer and agency", field="officer")
    paging.check_page_size(first)
    from_, to = paging.time_window(from_, to)
    after_key = decode_cursor(after) if after is not None else None
    if officer_staff_id is not None:
        officer_uid = await _officer_uid(db=db, actor=actor, staff_id=officer_staff_id)
    await require_provenance_access(
        db=db, actor=actor, officer_uid=officer_uid, agency_uid=agency_uid
    )
    stated = require_purpose(purpose)
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
    nominal_uids = {r["record"].get("nominalUid") for r in page} - {None}
    await record_consultation(
        db=db, actor=actor, nominal_uids=sorted(str(uid) for uid in nominal_uids), purpose=stated
    )
    edges = [(encode_cursor(r["key"]), view) for r, view in zip(page, views, strict=True)]
    return ContributionsPage(total=total, edges=edges, has_next=len(rows) > first)


async def _officer_uid(*, db: Database, actor: Actor, staff_id: str) -> str:
    """The uid of the officer with `staff_id`. An unknown one is refused as an unknown
    officer's id is (require_provenance_access): FORBIDDEN but for admins, who get
    NOT_FOUND."""
    found = await officers.actor_by_staff_id(db, staff_id)
    if found is not None:
        uid: str = found["uid"]
        return uid
    is_admin = actor.has_role(Role.ADMIN.value)
    if not is_admin and not actor.has_role(Role.SUPERVISOR.value):
        raise Forbidden("contributions: for supervisors (their own agency) and admins")
    if not is_admin:
        raise Forbidden("contributions: a supervisor sees only officers of their own agency")
    raise NotFound(f"officer: no officer with staff id {quoted(staff_id)}", field="officer")


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
    """A contribution's position: its entry time (epoch seconds, nanoseconds) and uid."""
    return paging.encode_cursor("contributions", *key)


def decode_cursor(cursor: str) -> list[object]:
    key = paging.decode_cursor(cursor, "contributions", int, int, str)
    if not key[2]:
        raise BadUserInput(
            f"after: not a cursor of this connection: {quoted(cursor)}", field="after"
        )
    return key
