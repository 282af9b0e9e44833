"""Reading record entries: who may see a record's content, and the stub everyone else gets.

An actor may read a record's content when their clearance is at or above its classification
and, for handling code C or intelligence marked restricted, they are the nominal's current
manager, a current partner, or an officer of the entering agency. Anyone else sees a sanitised
stub: kind, entry time, entering agency and whom to contact. Every function that returns records
returns `RecordView`s, so the rule is applied wherever a record is shown.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from graph.db import Database, Row
from graph.models.enums import Classification, HandlingCode
from graph.queries.records import RECORD_KIND_LABELS, RecordsKey, records_by_uid
from loaders.records import RecordLoaders
from resolvers import paging
from resolvers.actor import Actor
from resolvers.audit import record_consultation, record_disclosure, require_purpose
from resolvers.errors import BadUserInput

MAX_RECORDS = 200


@dataclass(frozen=True)
class RecordView:
    """A record row as the actor may see it: `notice` is set when only the stub may be shown."""

    row: Row
    notice: str | None = None

    @property
    def restricted(self) -> bool:
        return self.notice is not None


def permits(clearance: object, record: Row) -> bool:
    """`clearance` at or above the record's marking; unknown values on either side refuse."""
    try:
        held = Classification(str(clearance))
        marking = Classification(str(record.get("classification")))
    except ValueError:
        return False
    return held.permits(marking)


def clearance_permits(actor: Actor, record: Row) -> bool:
    """The actor's clearance at or above the marking."""
    return permits(actor.clearance, record)


def needs_stewardship(record: Row) -> bool:
    """Handling code C, or intelligence marked restricted: for the record's stewards only."""
    if record.get("handlingCode") == HandlingCode.C.value:
        return True
    return record.get("kind") == "Intelligence" and bool(record.get("restricted"))


def may_read(actor: Actor, record: Row, stewards: Row) -> bool:
    """The access rule for one record; `stewards` is the nominal's manager and partners.

    An entry kept to its stewards is also read by an officer the manager granted a link
    disclosure request naming it as evidence (resolvers/link_disclosure.py), within their own
    clearance: a grant never lends clearance."""
    if not clearance_permits(actor, record):
        return False
    if not needs_stewardship(record):
        return True
    manager = stewards.get("manager") or {}
    agency = record.get("onBehalfOf") or {}
    return (
        actor.uid == manager.get("uid")
        or actor.uid in (stewards.get("partnerUids") or ())
        or (actor.agency_uid is not None and actor.agency_uid == agency.get("uid"))
        or read_by_grant(actor, record)
    )


def read_by_grant(actor: Actor, record: Row) -> bool:
    """The actor was granted a link disclosure naming this entry as evidence."""
    return actor.uid in (record.get("disclosedTo") or ())


ABOVE_CLEARANCE = "Restricted: this entry is marked above your clearance."
KEPT_TO_STEWARDS = "Restricted: kept to the nominal's manager, partners and entering agency."


def restriction_notice(actor: Actor, record: Row, stewards: Row) -> str:
    """Whom the reader may ask for an entry they may not read: only someone who could grant it.

    Above the reader's clearance, nobody can (a steward cannot lend clearance), so the notice
    says so and names no one. An entry kept to its stewards (handling code C, restricted
    intelligence) can be shared by the manager, when the entry is within the manager's own
    clearance, and by the entering agency (when it is not the manager's agency)."""
    if not clearance_permits(actor, record):
        return ABOVE_CLEARANCE
    contacts = []
    manager = stewards.get("manager") or {}
    if manager.get("name") and permits(manager.get("clearance"), record):
        agency = f", {manager['agencyName']}" if manager.get("agencyName") else ""
        contacts.append(f"the manager, {manager['name']}{agency}")
    entering = record.get("onBehalfOf") or {}
    if entering.get("name") and not (contacts and entering.get("uid") == manager.get("agencyUid")):
        contacts.append(f"the entering agency, {entering['name']}")
    if not contacts:
        return KEPT_TO_STEWARDS
    return f"Restricted: contact {' or '.join(contacts)}."


async def view_records(
    *, loaders: RecordLoaders, actor: Actor, rows: Sequence[Row], grants: bool = False
) -> list[RecordView]:
    """Applies the access rule to rows; the stewards of the nominals concerned are loaded (in
    one batch) only when some row cannot be decided by clearance alone. Link disclosure grants
    count only with `grants`, for a caller that audits such a read as DISCLOSE."""
    undecided = [row for row in rows if not clearance_permits(actor, row) or needs_stewardship(row)]
    nominal_uids = sorted({row["nominalUid"] for row in undecided if row.get("nominalUid")})
    loaded = await loaders.stewards.load_many(nominal_uids) if nominal_uids else []
    stewards = dict(zip(nominal_uids, loaded, strict=True))
    views = []
    for row in rows:
        held = stewards.get(row.get("nominalUid") or "", {"manager": None, "partnerUids": []})
        if may_read(actor, row if grants else {**row, "disclosedTo": []}, held):
            views.append(RecordView(row))
        else:
            views.append(RecordView(row, restriction_notice(actor, row, held)))
    return views


def records_key(
    *,
    nominal_uid: str,
    kinds: Sequence[str] | None,
    from_: datetime.date | None,
    to: datetime.date | None,
    first: int,
) -> RecordsKey:
    """Validates a records filter; BAD_USER_INPUT names the offending argument."""
    paging.check_page_size(first, MAX_RECORDS)
    if from_ is not None and to is not None and from_ > to:
        raise BadUserInput(f"from: {from_} is after to: {to}", field="from")
    if kinds is not None:
        unknown = sorted(set(kinds) - set(RECORD_KIND_LABELS))
        if unknown:
            raise BadUserInput(f"kinds: unknown record kinds {unknown}", field="kinds")
    wanted = tuple(sorted(set(kinds))) if kinds is not None else None
    return RecordsKey(nominal_uid, wanted, from_, to, first)


async def nominal_records(
    *,
    loaders: RecordLoaders,
    actor: Actor,
    nominal_uid: str,
    kinds: Sequence[str] | None = None,
    from_: datetime.date | None = None,
    to: datetime.date | None = None,
    first: int = 50,
    grants: bool = False,
) -> list[RecordView]:
    """Current versions of a nominal's records, newest first (by createdAt), filtered by kind and
    by the date of createdAt (both ends inclusive); link disclosure grants count only with
    `grants` (view_records)."""
    key = records_key(nominal_uid=nominal_uid, kinds=kinds, from_=from_, to=to, first=first)
    rows = await loaders.by_nominal.load(key)
    return await view_records(loaders=loaders, actor=actor, rows=rows, grants=grants)


def _native(value: object) -> object:
    to_native = getattr(value, "to_native", None)
    return to_native() if to_native is not None else value


def assessment_order(row: Row) -> tuple[object, object, str]:
    """Newest first by this key: assessedOn, then entry time, then uid (as the nominal's risk
    level is derived in graph/writes/records.py)."""
    return (_native(row.get("assessedOn")), _native(row.get("enteredAt")), str(row.get("uid")))


async def latest_record(
    *, loaders: RecordLoaders, actor: Actor, nominal_uid: str, kind: str
) -> RecordView | None:
    """The newest current version of the given kind (the current plan, by entry time); for a
    risk assessment the latest assessed, the one the nominal's risk level follows."""
    if kind == "RiskAssessment":
        rows = await loaders.by_nominal.load(
            records_key(
                nominal_uid=nominal_uid, kinds=[kind], from_=None, to=None, first=MAX_RECORDS
            )
        )
        latest = sorted(rows, key=assessment_order, reverse=True)[:1]
        views = await view_records(loaders=loaders, actor=actor, rows=latest)
        return views[0] if views else None
    views = await nominal_records(
        loaders=loaders, actor=actor, nominal_uid=nominal_uid, kinds=[kind], first=1
    )
    return views[0] if views else None


async def open_custody_period(
    *, loaders: RecordLoaders, actor: Actor, nominal_uid: str
) -> RecordView | None:
    """The newest current CustodyPeriod without an end date, if any."""
    rows = await loaders.by_nominal.load(
        records_key(
            nominal_uid=nominal_uid, kinds=["CustodyPeriod"], from_=None, to=None, first=MAX_RECORDS
        )
    )
    open_rows = [row for row in rows if row.get("endedOn") is None][:1]
    views = await view_records(loaders=loaders, actor=actor, rows=open_rows)
    return views[0] if views else None


async def record_revisions(
    *, loaders: RecordLoaders, actor: Actor, record_uid: str
) -> list[RecordView]:
    """Every version of the record's chain, oldest to newest, each under the access rule."""
    rows = await loaders.revisions.load(record_uid)
    return await view_records(loaders=loaders, actor=actor, rows=rows)


async def get_records_by_uid(
    *,
    db: Database,
    loaders: RecordLoaders,
    actor: Actor,
    uids: list[str],
    purpose: str | None,
    kind: str | None = None,
) -> list[RecordView | None]:
    """Records by uid (a `node(id:)` lookup) in the order asked, each under the access rule;
    reading them is an audited consultation of the nominals they are about.

    With `kind` (the type a global id names), a record the reader may read is found only under
    its own kind, as an unknown uid is not; one they may see only as a stub is the stub under
    any kind's id, so the type named never tells a reader more than the stub does."""
    stated = require_purpose(purpose)
    found = await records_by_uid(db, uids)
    views = [
        view
        for view in await view_records(
            loaders=loaders, actor=actor, rows=list(found.values()), grants=True
        )
        if kind is None or view.restricted or view.row.get("kind") == kind
    ]
    nominal_uids = sorted({v.row["nominalUid"] for v in views if v.row.get("nominalUid")})
    await record_consultation(db=db, actor=actor, nominal_uids=nominal_uids, purpose=stated)
    await record_granted_reads(db=db, actor=actor, views=views, purpose=stated)
    by_uid = {view.row["uid"]: view for view in views}
    return [by_uid.get(uid) for uid in uids]


async def record_granted_reads(
    *, db: Database, actor: Actor, views: Sequence[RecordView], purpose: str
) -> None:
    """One DISCLOSE event for the entries among `views` (read with `grants`) that the actor
    reads only because a link disclosure was granted to them; nothing when there are none."""
    granted = [v for v in views if not v.restricted and read_by_grant(actor, v.row)]
    if granted:
        await record_disclosure(
            db=db,
            actor=actor,
            nominal_uids=sorted({v.row["nominalUid"] for v in granted}),
            purpose=f"{purpose} (link disclosure of {', '.join(v.row['uid'] for v in granted)})",
        )
