"""Subject access requests (DESIGN.md, glossary "SAR"): received, read as a disclosure package
and decided case by case, by a data protection officer only. Every step is audited: receiving
is a COLLECT, reading the package a CONSULT, a decision to disclose (in full or in part) a
DISCLOSE and a refusal an ALTER, each concerning the person the request is about.

Reading the register, or a request by its id, is a consultation too: the rows name the nominals
the requests are about, so each read appends one CONSULT event concerning them.

Every operation checks in the same order: the input first (a malformed value is BAD_USER_INPUT
for anyone, and says nothing about the register), then the actor (FORBIDDEN to all but data
protection officers), then existence (NOT_FOUND, for a data protection officer only).

As in resolvers/nominal_writes.py, a write transaction appends its audit event before deciding
anything, so the checks that follow read committed state; a refusal raises and rolls back.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from graph.audit_chain import append_event
from graph.db import CountingTx, Database, Row
from graph.models.enums import (
    AuditAction,
    Classification,
    HandlingCode,
    Role,
    SarDecision,
    SarStatus,
)
from graph.queries import subject_access as queries
from graph.writes import nominals as nominal_writes
from graph.writes import subject_access as writes
from resolvers import paging
from resolvers.actor import Actor
from resolvers.audit import record_consultation
from resolvers.errors import BadUserInput, Conflict, Forbidden, NotFound, quoted
from resolvers.validation import EARLIEST_DATE, name, text

# A decision in part or a refusal relies on an exemption; a full disclosure on none.
NEEDS_EXEMPTION = frozenset({SarDecision.PARTIAL, SarDecision.REFUSE})
DECISION_ACTIONS = {
    SarDecision.DISCLOSE: AuditAction.DISCLOSE,
    SarDecision.PARTIAL: AuditAction.DISCLOSE,
    SarDecision.REFUSE: AuditAction.ALTER,
}


def now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def require_dpo(actor: Actor) -> None:
    if not actor.has_role(Role.DATA_PROTECTION_OFFICER.value):
        raise Forbidden("only a data protection officer may handle subject access requests")


def purpose_of(request_uid: str) -> str:
    return f"subject access request {request_uid}"


MAX_EPOCH_SECONDS = 10**12
"""Bounds a cursor's time (some 30,000 years either side of 1970), so a forged one is refused
as BAD_USER_INPUT instead of failing in the database."""

REGISTER_PURPOSE = "subject access request register"
"""The purpose of the CONSULT event a read of the register appends."""


@dataclass(frozen=True)
class RequestPage:
    total: int
    edges: list[tuple[str, Row]]
    """(cursor, request row) pairs, newest received first."""
    has_next: bool


def _received_at(value: datetime.datetime) -> datetime.datetime:
    field = "input.receivedAt"
    if value.tzinfo is None:
        raise BadUserInput(f"{field}: give a time zone, e.g. 2024-06-01T10:00:00Z", field=field)
    received = paging.as_utc(value, field=field)
    if received > now():
        raise BadUserInput(f"{field}: {value.isoformat()} is in the future", field=field)
    if received.date() < EARLIEST_DATE:
        raise BadUserInput(f"{field}: {value.isoformat()} is before {EARLIEST_DATE}", field=field)
    return received


def _optional(check: Any, field: str, value: str | None) -> str | None:
    return None if value is None else str(check(field, value))


async def create_request(
    *,
    db: Database,
    actor: Actor,
    visor_ref: str,
    received_at: datetime.datetime,
    requester_name: str | None = None,
    notes: str | None = None,
) -> Row:
    """A RECEIVED request about the nominal `visor_ref`, handled by `actor`; audited COLLECT."""
    name("input.visorRef", visor_ref)
    props: dict[str, Any] = {
        "uid": uuid.uuid4().hex,
        "receivedAt": _received_at(received_at),
        "status": SarStatus.RECEIVED.value,
        "requesterName": _optional(name, "input.requesterName", requester_name),
        "notes": _optional(text, "input.notes", notes),
    }
    props = {key: value for key, value in props.items() if value is not None}
    require_dpo(actor)

    async def work(tx: CountingTx) -> Row:
        nominal_uid = await nominal_writes.nominal_uid(tx, uid=None, visor_ref=visor_ref)
        if nominal_uid is None:
            raise NotFound("input.visorRef: no such nominal", field="input.visorRef")
        await append_event(
            tx,
            action=AuditAction.COLLECT.value,
            officer_uid=actor.uid,
            nominal_uids=[nominal_uid],
            purpose=purpose_of(props["uid"]),
        )
        row = await writes.create_request(
            tx, props=props, nominal_uid=nominal_uid, officer_uid=actor.uid
        )
        if row is None:
            raise NotFound("input.visorRef: no such nominal", field="input.visorRef")
        return row

    return await db.write_tx(work)


def _check_decision(
    decision: SarDecision, exemption: str | None, reasons: str | None
) -> tuple[str | None, str]:
    checked_reasons = text("input.reasons", reasons)
    if decision in NEEDS_EXEMPTION:
        if exemption is None:
            raise BadUserInput(
                f"input.exemption: a {decision.value} decision must name the exemption relied on",
                field="input.exemption",
            )
        return name("input.exemption", exemption), checked_reasons
    if exemption is not None:
        raise BadUserInput(
            "input.exemption: a full disclosure relies on no exemption", field="input.exemption"
        )
    return None, checked_reasons


async def decide_request(
    *,
    db: Database,
    actor: Actor,
    request_uid: str,
    decision: SarDecision,
    exemption: str | None,
    reasons: str | None,
) -> Row:
    """Records the decision of a RECEIVED request; CONFLICT when it is already decided."""
    checked_exemption, checked_reasons = _check_decision(decision, exemption, reasons)
    require_dpo(actor)

    async def work(tx: CountingTx) -> Row:
        found = await writes.request(tx, request_uid)
        if found is None:
            raise NotFound("input.request: no such subject access request", field="input.request")
        await append_event(
            tx,
            action=DECISION_ACTIONS[decision].value,
            officer_uid=actor.uid,
            nominal_uids=[found["nominalUid"]],
            purpose=purpose_of(request_uid),
        )
        row = await writes.decide_request(
            tx,
            uid=request_uid,
            decision=decision.value,
            exemption=checked_exemption,
            reasons=checked_reasons,
            now=now(),
        )
        if row is None:
            raise Conflict(
                "input.request: the request has already been decided",
                field="input.request",
            )
        return row

    return await db.write_tx(work)


def restriction_reasons(props: Row) -> list[str]:
    """Why a record would be withheld from most readers (DESIGN.md, "Access"): a marking above
    OFFICIAL, handling code C, intelligence marked restricted. Empty when none applies."""
    reasons = []
    classification = Classification(props["classification"])
    if classification.rank > Classification.OFFICIAL.rank:
        reasons.append(f"classified {classification.label}")
    if props.get("handlingCode") == HandlingCode.C.value:
        conditions = props.get("handlingConditions")
        reasons.append(f"handling code C: {conditions}" if conditions else "handling code C")
    if props.get("restricted") is True:
        reasons.append("restricted intelligence")
    return reasons


async def disclosure_package(*, db: Database, actor: Actor, request_uid: str) -> Row:
    """Everything held about the person of a request, whatever its marking, with restricted
    records and third-party associates flagged for the decision; audited as a CONSULT."""
    require_dpo(actor)
    package = await queries.disclosure(db, request_uid)
    if package is None:
        raise NotFound("request: no such subject access request", field="request")
    for record in package["records"]:
        record["restrictionReasons"] = restriction_reasons(record["props"])
    for association in package["associations"]:
        association["thirdParty"] = True  # data about someone else: to consider for redaction
    await record_consultation(
        db=db,
        actor=actor,
        nominal_uids=[package["nominal"]["uid"]],
        purpose=purpose_of(request_uid),
    )
    return package


async def list_requests(
    *,
    db: Database,
    actor: Actor,
    status: SarStatus | None,
    from_: datetime.datetime | None,
    to: datetime.datetime | None,
    first: int,
    after: str | None,
) -> RequestPage:
    """The register: requests newest received first, optionally of one status and received
    within [from_, to]. Audited as one CONSULT concerning the nominals the page names."""
    paging.check_page_size(first)
    start, end = paging.time_window(from_, to)
    position = decode_cursor(after) if after is not None else None
    require_dpo(actor)
    total, rows = await queries.register_page(
        db,
        status=status.value if status is not None else None,
        from_=start,
        to=end,
        after=position,
        limit=first + 1,
    )
    edges = [(encode_cursor(*row["key"]), row["request"]) for row in rows[:first]]
    await record_consultation(
        db=db,
        actor=actor,
        nominal_uids=list(dict.fromkeys(request["nominalUid"] for _, request in edges)),
        purpose=REGISTER_PURPOSE,
    )
    return RequestPage(total=total, edges=edges, has_next=len(rows) > first)


async def get_requests_by_uid(*, db: Database, actor: Actor, uids: list[str]) -> list[Row | None]:
    """Requests in the order of `uids` (None where there is none): a `node(id:)` lookup,
    audited as one CONSULT concerning the nominals of the requests found, with the purpose
    naming them ("subject access request <uid>" for one)."""
    require_dpo(actor)
    found = await queries.requests_by_uid(db, uids)
    named = list(dict.fromkeys(uid for uid in uids if uid in found))
    if named:
        await record_consultation(
            db=db,
            actor=actor,
            nominal_uids=list(dict.fromkeys(found[uid]["nominalUid"] for uid in named)),
            purpose=purpose_of(named[0])
            if len(named) == 1
            else "subject access requests " + ", ".join(named),
        )
    return [found.get(uid) for uid in uids]


def encode_cursor(seconds: int, nanos: int, uid: str) -> str:
    return paging.encode_cursor("subjectAccessRequests", seconds, nanos, uid)


def decode_cursor(cursor: str) -> tuple[int, int, str]:
    seconds, nanos, uid = paging.decode_cursor(cursor, "subjectAccessRequests", int, int, str)
    if (
        not isinstance(seconds, int)
        or not isinstance(nanos, int)
        or not -MAX_EPOCH_SECONDS <= seconds <= MAX_EPOCH_SECONDS
        or not 0 <= nanos < 10**9
    ):
        raise BadUserInput(
            f"after: not a cursor of this connection: {quoted(cursor)}", field="after"
        )
    return seconds, nanos, str(uid)
