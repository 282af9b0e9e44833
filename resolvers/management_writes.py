"""Managing a nominal: assigning its manager, partners joining and leaving, recording a new
address and linking it to another nominal. Each is one write transaction holding the change and
its audit event: ALTER for who manages, COLLECT for addresses and associations.

As in resolvers/nominal_writes.py, each transaction appends its audit event first (taking the
audit chain's lock), so the checks that follow read committed state; anything refused raises,
which rolls the whole transaction back, event included.
"""

from __future__ import annotations

import datetime
import uuid

from graph.db import CountingTx, Database, Row
from graph.models.enums import AreaKind, AssociationKind, AuditAction, ResidenceKind
from graph.writes import management as writes
from graph.writes import nominals as nominal_writes_cypher
from resolvers import validation
from resolvers.actor import Actor
from resolvers.errors import BadUserInput, Conflict, NotFound, quoted
from resolvers.nominal_writes import lock_and_steward, now, resolve_nominal
from resolvers.paging import as_utc
from resolvers.validation import check_references, choice, name, past_date
from resolvers.write_access import (
    is_contributor,
    require_open,
    require_steward_of_management,
    require_writer,
    require_writer_of_either,
)

# UK postcodes (BS 7666 shapes): outward code, optional space, inward code; and GIR 0AA.

# An address is in the lowest kind of area (AreaKind is ordered from the largest).
ADDRESS_AREA_KINDS = frozenset({AreaKind.LOCAL_AUTHORITY.value})


def _one_nominal(uid: str | None, visor_ref: str | None, *, id_field: str, ref_field: str) -> None:
    if (uid is None) == (visor_ref is None):
        raise BadUserInput(
            f"input: give exactly one of {id_field.split('.')[-1]} and {ref_field.split('.')[-1]}",
            field=id_field,
        )


async def _officer_uid(
    tx: CountingTx, staff_id: str, *, active: bool = True, contributor: bool = False
) -> str:
    """The officer's uid; with `contributor`, only for a practitioner or supervisor (who alone
    manage nominals and partner on them)."""
    row = await writes.officer(tx, staff_id)
    if row is None:
        raise BadUserInput(f"input.staffId: no officer {quoted(staff_id)}", field="input.staffId")
    if active and not row["active"]:
        raise BadUserInput(
            f"input.staffId: officer {quoted(staff_id)} is not active", field="input.staffId"
        )
    if contributor and not is_contributor(row["roles"]):
        raise BadUserInput(
            f"input.staffId: {staff_id} is not a practitioner or supervisor; only they manage "
            "nominals and partner on them",
            field="input.staffId",
        )
    return str(row["uid"])


async def _lock_for_assignment(
    tx: CountingTx, *, actor: Actor, uid: str | None, visor_ref: str | None, purpose: str
) -> tuple[str, Row]:
    """The nominal's uid and stewards, once its ALTER event holds the audit lock and the actor
    is found to be someone who may assign managers and partners."""
    target = await resolve_nominal(tx, uid=uid, visor_ref=visor_ref)
    stewards = await lock_and_steward(
        tx, actor=actor, nominal_uid=target, action=AuditAction.ALTER, purpose=purpose
    )
    require_steward_of_management(actor, stewards)
    return target, stewards


async def assign_manager(
    *,
    db: Database,
    actor: Actor,
    uid: str | None,
    visor_ref: str | None,
    staff_id: str,
    from_: datetime.datetime | None = None,
    purpose: str | None = None,
) -> Row:
    """Closes the open MANAGES at `from_` (now unless given) and opens one for the active officer
    `staff_id` from then. By the manager, a supervisor of the manager's agency, or an admin."""
    _one_nominal(uid, visor_ref, id_field="input.id", ref_field="input.visorRef")
    name("input.staffId", staff_id)
    start = as_utc(from_, field="input.from") if from_ is not None else None
    if start is not None and start > now():
        raise BadUserInput(f"input.from: {start.isoformat()} is in the future", field="input.from")

    async def work(tx: CountingTx) -> Row:
        target, stewards = await _lock_for_assignment(
            tx, actor=actor, uid=uid, visor_ref=visor_ref, purpose=purpose or "assign manager"
        )
        officer_uid = await _officer_uid(tx, staff_id, contributor=True)
        if officer_uid == (stewards.get("manager") or {}).get("uid"):
            raise BadUserInput(
                f"input.staffId: {staff_id} already manages this nominal", field="input.staffId"
            )
        at = start or now()
        state = await writes.management_state(tx, target)
        managed_from = state["managedFrom"]
        if managed_from is not None and at < managed_from.to_native():
            raise BadUserInput(
                f"input.from: {at.isoformat()} is before the current management began "
                f"({managed_from.to_native().isoformat()})",
                field="input.from",
            )
        return await writes.assign_manager(tx, uid=target, officer_uid=officer_uid, at=at)

    return await db.write_tx(work)


async def add_partner(
    *,
    db: Database,
    actor: Actor,
    uid: str | None,
    visor_ref: str | None,
    staff_id: str,
    purpose: str | None = None,
) -> Row:
    """The active officer `staff_id` becomes a partner on the nominal from now."""
    _one_nominal(uid, visor_ref, id_field="input.id", ref_field="input.visorRef")
    name("input.staffId", staff_id)

    async def work(tx: CountingTx) -> Row:
        target, stewards = await _lock_for_assignment(
            tx, actor=actor, uid=uid, visor_ref=visor_ref, purpose=purpose or "add partner"
        )
        require_open(stewards)
        officer_uid = await _officer_uid(tx, staff_id, contributor=True)
        if officer_uid == (stewards.get("manager") or {}).get("uid"):
            raise BadUserInput(
                f"input.staffId: {staff_id} manages this nominal", field="input.staffId"
            )
        if officer_uid in (stewards.get("partnerUids") or ()):
            raise BadUserInput(
                f"input.staffId: {staff_id} is already a partner on this nominal",
                field="input.staffId",
            )
        return await writes.add_partner(tx, uid=target, officer_uid=officer_uid, at=now())

    return await db.write_tx(work)


async def end_partnership(
    *,
    db: Database,
    actor: Actor,
    uid: str | None,
    visor_ref: str | None,
    staff_id: str,
    purpose: str | None = None,
) -> Row:
    """Ends the officer's open partnership on the nominal now (the officer may be inactive)."""
    _one_nominal(uid, visor_ref, id_field="input.id", ref_field="input.visorRef")
    name("input.staffId", staff_id)

    async def work(tx: CountingTx) -> Row:
        target, stewards = await _lock_for_assignment(
            tx, actor=actor, uid=uid, visor_ref=visor_ref, purpose=purpose or "end partnership"
        )
        officer_uid = await _officer_uid(tx, staff_id, active=False)
        row = await writes.end_partnership(tx, uid=target, officer_uid=officer_uid, at=now())
        if row is None:
            raise BadUserInput(
                f"input.staffId: {staff_id} is not a partner on this nominal",
                field="input.staffId",
            )
        return row

    return await db.write_tx(work)


async def record_address(
    *,
    db: Database,
    actor: Actor,
    uid: str | None,
    visor_ref: str | None,
    address: str,
    postcode: str,
    area_code: str,
    kind: str,
    from_: datetime.date,
    latitude: float | None = None,
    longitude: float | None = None,
    purpose: str | None = None,
) -> Row:
    """A new Location IN_AREA the local authority `area_code`, where the nominal resides from
    `from_`; the open residence ends then. By the manager or a current partner."""
    _one_nominal(uid, visor_ref, id_field="input.id", ref_field="input.visorRef")
    address = name("input.address", address)
    stored_postcode = validation.postcode("input.postcode", postcode)
    name("input.areaCode", area_code)
    stored_kind = choice(ResidenceKind)("input.kind", kind)
    since = past_date("input.from", from_)
    if latitude is not None:
        validation.latitude("input.latitude", latitude)
    if longitude is not None:
        validation.longitude("input.longitude", longitude)
    if (latitude is None) != (longitude is None):
        missing = "input.longitude" if longitude is None else "input.latitude"
        raise BadUserInput(f"{missing}: give latitude and longitude together", field=missing)
    await check_references(db, {}, prefix="input", areas={"input.areaCode": area_code})

    async def work(tx: CountingTx) -> Row:
        target = await resolve_nominal(tx, uid=uid, visor_ref=visor_ref)
        stewards = await lock_and_steward(
            tx,
            actor=actor,
            nominal_uid=target,
            action=AuditAction.COLLECT,
            purpose=purpose or "record address",
        )
        require_writer(actor, stewards)
        area = await writes.area_kind(tx, area_code)
        if area is None:
            raise BadUserInput("input.areaCode: no such area", field="input.areaCode")
        if area not in ADDRESS_AREA_KINDS:
            raise BadUserInput(
                f"input.areaCode: {area_code} is a {area}; an address is in a local authority",
                field="input.areaCode",
            )
        state = await writes.management_state(tx, target)
        resident_from = state["residentFrom"]
        if resident_from is not None and since < resident_from.to_native():
            raise BadUserInput(
                f"input.from: {since} is before the current residence began "
                f"({resident_from.to_native()})",
                field="input.from",
            )
        return await writes.record_address(
            tx,
            uid=target,
            location_uid=uuid.uuid4().hex,
            address=address,
            postcode=stored_postcode,
            latitude=latitude,
            longitude=longitude,
            area_code=area_code,
            kind=stored_kind,
            from_=since,
            recorded_by=actor.uid,
        )

    return await db.write_tx(work)


async def link_nominals(
    *,
    db: Database,
    actor: Actor,
    uid: str | None,
    visor_ref: str | None,
    other_uid: str | None,
    other_visor_ref: str | None,
    kind: str,
    from_: datetime.date | None = None,
    purpose: str | None = None,
) -> Row:
    """(nominal)-[:ASSOCIATED_WITH {kind, from}]->(other), `kind` being how the nominal relates
    to the other (VICTIM_OF: the nominal is the other's victim), by the manager or a current
    partner of the nominal; the audit event concerns both."""
    _one_nominal(uid, visor_ref, id_field="input.id", ref_field="input.visorRef")
    _one_nominal(
        other_uid, other_visor_ref, id_field="input.otherId", ref_field="input.otherVisorRef"
    )
    other_field = "input.otherVisorRef" if other_visor_ref is not None else "input.otherId"
    stored_kind = choice(AssociationKind)("input.kind", kind)
    since = past_date("input.from", from_) if from_ is not None else None

    async def work(tx: CountingTx) -> Row:
        target, other = await _both_ends(tx, uid, visor_ref, other_uid, other_visor_ref)
        stewards = await lock_and_steward(
            tx,
            actor=actor,
            nominal_uids=[target, other],
            action=AuditAction.COLLECT,
            purpose=purpose or "link nominals",
        )
        require_writer(actor, stewards)
        links = await writes.associations_between(tx, uid=target, other_uid=other, kind=stored_kind)
        if any(link["to"] is None for link in links):
            raise BadUserInput(
                f"{other_field}: an open {stored_kind} link between them already exists",
                field=other_field,
            )
        return await writes.link_nominals(
            tx, uid=target, other_uid=other, kind=stored_kind, from_=since
        )

    return await db.write_tx(work)


async def _both_ends(
    tx: CountingTx,
    uid: str | None,
    visor_ref: str | None,
    other_uid: str | None,
    other_visor_ref: str | None,
) -> tuple[str, str]:
    """The uids of an association's two ends, each NOT_FOUND naming its own field; one nominal
    cannot be linked to itself."""
    target = await resolve_nominal(tx, uid=uid, visor_ref=visor_ref)
    other = await resolve_nominal(
        tx,
        uid=other_uid,
        visor_ref=other_visor_ref,
        id_field="input.otherId",
        ref_field="input.otherVisorRef",
    )
    if other == target:
        field = "input.otherVisorRef" if other_visor_ref is not None else "input.otherId"
        raise BadUserInput(f"{field}: a nominal cannot be linked to itself", field=field)
    return target, other


async def end_association(
    *,
    db: Database,
    actor: Actor,
    uid: str | None,
    visor_ref: str | None,
    other_uid: str | None,
    other_visor_ref: str | None,
    kind: str,
    to: datetime.date | None = None,
    purpose: str | None = None,
) -> Row:
    """Ends the open link that reads `kind` from the nominal's end (however it was stored) on
    `to` (today unless given), by the manager or a current partner of either end; an ALTER event
    concerns both. No such link is NOT_FOUND; one that has already ended is a CONFLICT."""
    _one_nominal(uid, visor_ref, id_field="input.id", ref_field="input.visorRef")
    _one_nominal(
        other_uid, other_visor_ref, id_field="input.otherId", ref_field="input.otherVisorRef"
    )
    stored_kind = choice(AssociationKind)("input.kind", kind)
    until = past_date("input.to", to) if to is not None else None

    async def work(tx: CountingTx) -> Row:
        target, other = await _both_ends(tx, uid, visor_ref, other_uid, other_visor_ref)
        stewards = await lock_and_steward(
            tx,
            actor=actor,
            nominal_uids=[target, other],
            action=AuditAction.ALTER,
            purpose=purpose or "end association",
        )
        other_stewards = await nominal_writes_cypher.stewardship(tx, other)
        require_writer_of_either(actor, stewards, other_stewards or {})
        links = await writes.associations_between(tx, uid=target, other_uid=other, kind=stored_kind)
        if not links:
            raise NotFound(
                f"input.kind: no {stored_kind} link from this nominal to the other",
                field="input.kind",
            )
        current = links[0]
        if current["to"] is not None:
            raise Conflict(
                f"input.kind: the {stored_kind} link between them already ended on "
                f"{current['to'].to_native()}",
                field="input.kind",
            )
        ends = until or now().date()
        started = current["from"]
        if started is not None and ends < started.to_native():
            raise BadUserInput(
                f"input.to: {ends} is before the link began ({started.to_native()})",
                field="input.to",
            )
        row = await writes.end_association(
            tx, uid=target, other_uid=other, kind=stored_kind, until=ends
        )
        if row is None:  # pragma: no cover - the link was read open in this transaction
            raise NotFound("input.kind: no such open link", field="input.kind")
        return row

    return await db.write_tx(work)
