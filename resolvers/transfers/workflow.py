"""The transfer workflow: REQUESTED -> (INFORMATION_REQUESTED <-> REQUESTED) -> ESCALATED? ->
ACCEPTED | DECLINED | CANCELLED (MAPPA guidance for Scotland, Annex 7; HMPPS Case Transfer Policy
Framework). The sending manager stays manager until the receiving area accepts; the receiving
area takes the case, asks for information or escalates, and declines only on public-protection
grounds, with the reason recorded.

Each step is one write transaction holding the step (a `TransferStep` in the transfer's
history), its effect and its ALTER audit event. As in resolvers/nominal_writes.py the event is
appended first, taking the audit chain's lock, so every check below reads committed state: two
racing decisions are serialised, and the second finds the transfer decided (CONFLICT).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from graph.db import CountingTx, Database, Row
from graph.models.enums import (
    OPEN_TRANSFER_STATUSES,
    AreaKind,
    AuditAction,
    ReferenceSet,
    TransferAction,
    TransferStatus,
)
from graph.queries.jurisdiction import area_jurisdictions
from graph.queries.transfers import transfer_row
from graph.writes import management as management_writes
from graph.writes import nominals as nominal_writes
from graph.writes import transfers as writes
from graph.writes.references import missing_references
from resolvers import validation
from resolvers.actor import Actor
from resolvers.errors import BadUserInput, Conflict, NotFound
from resolvers.jurisdiction import category_problem
from resolvers.nominal_writes import lock_and_steward, now
from resolvers.transfers.clocks import due_dates
from resolvers.transfers.sides import (
    RECEIVING_ROLES,
    require_receiving_side,
    require_sending_side,
)
from resolvers.write_access import require_open

DEFAULT_HANDOVER_DAYS = 28
"""How long the sending manager stays on as a partner after acceptance
(VISOR_TRANSFER_HANDOVER_DAYS)."""

RECEIVING_AREA_KINDS = frozenset({AreaKind.MAPPA_AREA.value, AreaKind.LOCAL_AUTHORITY.value})


@dataclass(frozen=True)
class Step:
    """One step after the request: the statuses it may follow, the status it leaves, which side
    takes it, and whether it decides the transfer."""

    action: TransferAction
    after: frozenset[TransferStatus]
    leaves: TransferStatus
    receiving: bool
    doing: str
    decides: bool = False


STEPS = {
    step.action: step
    for step in (
        Step(
            TransferAction.INFORMATION_REQUESTED,
            frozenset({TransferStatus.REQUESTED}),
            TransferStatus.INFORMATION_REQUESTED,
            receiving=True,
            doing="ask for information on a transfer",
        ),
        Step(
            TransferAction.INFORMATION_PROVIDED,
            frozenset({TransferStatus.INFORMATION_REQUESTED}),
            TransferStatus.REQUESTED,
            receiving=False,
            doing="answer a transfer's request for information",
        ),
        Step(
            TransferAction.ESCALATED,
            frozenset({TransferStatus.REQUESTED, TransferStatus.INFORMATION_REQUESTED}),
            TransferStatus.ESCALATED,
            receiving=True,
            doing="escalate a transfer",
        ),
        Step(
            TransferAction.ACCEPTED,
            OPEN_TRANSFER_STATUSES,
            TransferStatus.ACCEPTED,
            receiving=True,
            doing="accept a transfer",
            decides=True,
        ),
        Step(
            TransferAction.DECLINED,
            OPEN_TRANSFER_STATUSES,
            TransferStatus.DECLINED,
            receiving=True,
            doing="decline a transfer",
            decides=True,
        ),
        Step(
            TransferAction.CANCELLED,
            OPEN_TRANSFER_STATUSES,
            TransferStatus.CANCELLED,
            receiving=False,
            doing="cancel a transfer",
            decides=True,
        ),
    )
}


def _purpose(action: TransferAction) -> str:
    return "transfer " + action.value.lower().replace("_", " ")


async def request_transfer(
    *,
    db: Database,
    actor: Actor,
    uid: str | None,
    visor_ref: str | None,
    to_area: str,
    reason: str,
    expected_move_on: datetime.date | None = None,
) -> Row:
    """A new transfer of the nominal to `to_area`, by its manager or a supervisor of the
    manager's agency; at most one is open per nominal."""
    validation.name("toArea", to_area)
    validation.text("reason", reason)
    if expected_move_on is not None:
        validation.any_date("expectedMoveOn", expected_move_on)

    async def work(tx: CountingTx) -> Row:
        target = await nominal_writes.nominal_uid(tx, uid=uid, visor_ref=visor_ref)
        if target is None:
            raise NotFound("nominal: no such nominal", field="nominal")
        stewards = await lock_and_steward(
            tx,
            actor=actor,
            nominal_uid=target,
            action=AuditAction.ALTER,
            purpose=_purpose(TransferAction.REQUESTED),
        )
        require_sending_side(actor, stewards, doing="request a transfer")
        require_open(stewards)
        area = await writes.area(tx, to_area)
        if area is None:
            raise BadUserInput("toArea: no such area", field="toArea")
        if area["kind"] not in RECEIVING_AREA_KINDS:
            raise BadUserInput(
                f"toArea: a nominal is managed in a MAPPA area or a local authority, "
                f"not a {area['kind']}",
                field="toArea",
            )
        state = await writes.nominal_transfer_state(tx, target)
        if state["managedIn"] == to_area:
            raise BadUserInput(
                f"toArea: the nominal is already managed in {to_area}",
                field="toArea",
            )
        if state["openTransferUid"] is not None:
            raise Conflict(
                "nominal: the nominal already has an open transfer; it must be decided or "
                "cancelled before another is requested",
                field="nominal",
            )
        at = now()
        due_by, allocation_due_by = due_dates(at, area["nationCode"], field="toArea")
        transfer_uid = await writes.create_transfer(
            tx,
            nominal_uid=target,
            to_area_code=to_area,
            officer_uid=actor.uid,
            reason=reason,
            expected_move_on=expected_move_on,
            due_by=due_by,
            allocation_due_by=allocation_due_by,
            at=at,
        )
        return await transfer_row(tx, transfer_uid)

    return await db.write_tx(work)


async def take_step(
    *,
    db: Database,
    actor: Actor,
    transfer_uid: str,
    action: TransferAction,
    note: str | None,
    note_field: str = "note",
    manager_staff_id: str | None = None,
    category: str | None = None,
    handover_days: int = DEFAULT_HANDOVER_DAYS,
) -> Row:
    """One step of an open transfer (any but the request): the question, the answer, the
    escalation, the acceptance (naming the receiving manager), the decline or the cancellation,
    each with its note (the reason, question or answer)."""
    step = STEPS[action]
    if action is TransferAction.ACCEPTED:
        if note is not None:
            validation.text(note_field, note)
        validation.name("manager", manager_staff_id)
        if category is not None:
            key = f"{ReferenceSet.MAPPA_CATEGORY.value}:{category}"
            if await missing_references(db, [{"field": "category", "kind": "code", "key": key}]):
                raise BadUserInput("category: no such MAPPA category", field="category")
    else:
        validation.text(note_field, note)

    async def work(tx: CountingTx) -> Row:
        before = await writes.transfer_state(tx, transfer_uid)
        if before is None:
            raise NotFound("transfer: no such transfer", field="transfer")
        stewards = await lock_and_steward(
            tx,
            actor=actor,
            nominal_uid=before["nominalUid"],
            action=AuditAction.ALTER,
            purpose=_purpose(action),
        )
        transfer = await writes.transfer_state(tx, transfer_uid)
        assert transfer is not None  # transfers are never deleted
        status = TransferStatus(transfer["status"])
        # A decided transfer is decided for everyone: whoever comes second in a race (and may
        # by then manage the nominal) learns that, not that it is not theirs to decide.
        if status in OPEN_TRANSFER_STATUSES:
            if step.receiving:
                await require_receiving_side(tx, actor, transfer, stewards, doing=step.doing)
            else:
                require_sending_side(actor, stewards, doing=step.doing)
        if status not in step.after:
            raise Conflict(
                f"transfer: the transfer is {status.value}, so it cannot be "
                f"{action.value.lower().replace('_', ' ')} now",
                field="transfer",
            )
        at = now()
        if action is TransferAction.ACCEPTED:
            assert manager_staff_id is not None
            manager_uid = await _receiving_manager(tx, manager_staff_id, transfer)
            await _check_category(tx, transfer, category or str(stewards["category"]), category)
            await writes.move_management(
                tx,
                uid=transfer_uid,
                manager_uid=manager_uid,
                category=category,
                at=at,
                handover_ends=at + datetime.timedelta(days=handover_days),
                recorded_by=actor.uid,
            )
        await writes.add_step(
            tx,
            uid=transfer_uid,
            officer_uid=actor.uid,
            action=action,
            status=step.leaves,
            note=note,
            at=at,
            decides=step.decides,
        )
        return await transfer_row(tx, transfer_uid)

    return await db.write_tx(work)


async def _check_category(tx: CountingTx, transfer: Row, category: str, given: str | None) -> None:
    """The nominal's category must be of the receiving jurisdiction's scheme: a transfer into
    another jurisdiction names the category the nominal takes there."""
    area = (await area_jurisdictions(tx, [transfer["toAreaCode"]], agency_uid=None))[
        transfer["toAreaCode"]
    ]
    problem = category_problem(area, category)
    if problem is not None:
        hint = "" if given else "; give the `category` it takes in the receiving area"
        raise BadUserInput(f"category: {problem}{hint}", field="category")


async def _receiving_manager(tx: CountingTx, staff_id: str, transfer: Row) -> str:
    """The officer named to manage the nominal in the receiving area: active, a practitioner
    or supervisor, of an agency covering that area."""
    field = "manager"
    officer = await management_writes.officer(tx, staff_id)
    if officer is None:
        raise BadUserInput(f"{field}: no officer with that staff id", field=field)
    if not officer["active"]:
        raise BadUserInput(f"{field}: the officer is not active", field=field)
    if not RECEIVING_ROLES & set(officer["roles"] or ()):
        raise BadUserInput(f"{field}: a manager is a practitioner or a supervisor", field=field)
    uid = str(officer["uid"])
    if not await writes.covers_area(tx, officer_uid=uid, area_code=transfer["toAreaCode"]):
        raise BadUserInput(
            f"{field}: the officer's agency does not cover the receiving area "
            f"{transfer['toAreaCode']}",
            field=field,
        )
    return uid
