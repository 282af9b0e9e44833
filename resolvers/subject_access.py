"""Subject access requests (DESIGN.md, glossary "SAR"): received, read as a disclosure package
and decided case by case, by a data protection officer only. Every step is audited: receiving
is a COLLECT, reading the package a CONSULT, a decision to disclose (in full or in part) a
DISCLOSE and a refusal an ALTER, each concerning the person the request is about.

As in resolvers/nominal_writes.py, a write transaction appends its audit event before deciding
anything, so the checks that follow read committed state; a refusal raises and rolls back.
"""

from __future__ import annotations

import datetime
import uuid
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
from resolvers.actor import Actor
from resolvers.audit import record_consultation
from resolvers.errors import BadUserInput, Conflict, Forbidden, NotFound
from resolvers.validation import name, text

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


def _received_at(value: datetime.datetime) -> datetime.datetime:
    field = "input.receivedAt"
    if value.tzinfo is None:
        raise BadUserInput(f"{field}: give a time zone, e.g. 2024-06-01T10:00:00Z", field=field)
    if value > now():
        raise BadUserInput(f"{field}: {value.isoformat()} is in the future", field=field)
    return value.astimezone(datetime.UTC)


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
    require_dpo(actor)
    name("input.visorRef", visor_ref)
    props: dict[str, Any] = {
        "uid": uuid.uuid4().hex,
        "receivedAt": _received_at(received_at),
        "status": SarStatus.RECEIVED.value,
        "requesterName": _optional(name, "input.requesterName", requester_name),
        "notes": _optional(text, "input.notes", notes),
    }
    props = {key: value for key, value in props.items() if value is not None}

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
    require_dpo(actor)
    checked_exemption, checked_reasons = _check_decision(decision, exemption, reasons)

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
