"""Demo transfers: every state of the workflow, each with its history of steps and its clocks.

A transfer's steps are those the workflow (resolvers/transfers/workflow.py) would have written:
the request, any exchange of information or escalation, and the decision, each by an officer of
the side that takes it. Demo steps carry no `auditSeq`, as the demo world has no audit trail of
its own; the transfer feed tails only steps that do. The clocks (`dueBy`, `allocationDueBy`) are
those of the receiving jurisdiction's calendar, for requests on days that calendar covers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from graph.demo._batch import Batch
from graph.demo._officers import Officer
from graph.demo._random import REFERENCE_INSTANT, DemoRandom
from graph.demo._world import MappaArea
from graph.holidays import HolidaysNotCovered, holiday_calendar
from graph.models.transfer import ALLOCATION_WORKING_DAYS, TRANSFER_WORKING_DAYS

UK = ZoneInfo("Europe/London")

REASONS = {
    "ACCEPTED": "Nominal has moved to the receiving area",
    "REQUESTED": "Nominal intends to move to the receiving area",
    "INFORMATION_REQUESTED": "Nominal intends to move to the receiving area",
    "ESCALATED": "Nominal intends to move to the receiving area",
    "DECLINED": "Nominal intends to move to the receiving area",
    "CANCELLED": "Proposed move did not proceed",
}
NOTES = {
    "INFORMATION_REQUESTED": "Please confirm the proposed address and any licence conditions.",
    "INFORMATION_PROVIDED": "Address confirmed with the landlord; licence conditions attached.",
    "ESCALATED": "The proposed address is near a school: referred to the MAPPA coordinator.",
    "ACCEPTED": "Accepted; manager allocated and address assessed.",
    "DECLINED": "Declined on public-protection grounds: the address is unsuitable.",
    "CANCELLED": "The nominal no longer intends to move.",
}
OPEN_HISTORIES = {
    "REQUESTED": (),
    "INFORMATION_REQUESTED": ("INFORMATION_REQUESTED",),
    "ESCALATED": ("INFORMATION_REQUESTED", "INFORMATION_PROVIDED", "ESCALATED"),
}
"""The steps after the request that leave an open transfer in each open state."""
RECEIVING_ACTIONS = frozenset({"INFORMATION_REQUESTED", "ESCALATED", "ACCEPTED", "DECLINED"})


@dataclass(frozen=True)
class Sides:
    sender: Officer
    """The sending manager, who requests, answers and cancels."""
    receiver: Officer
    """An officer of the receiving area, who asks, escalates and decides."""


def due_dates(requested: datetime, target: MappaArea) -> dict[str, object]:
    """`dueBy` and `allocationDueBy` in the receiving jurisdiction's working days, or nothing
    for a request on a day its holiday calendar does not cover."""
    day = requested.astimezone(UK).date()
    try:
        calendar = holiday_calendar(target.scheme)
        return {
            "dueBy": calendar.add_working_days(day, TRANSFER_WORKING_DAYS),
            "allocationDueBy": calendar.add_working_days(day, ALLOCATION_WORKING_DAYS),
        }
    except HolidaysNotCovered:
        return {}


def _history(rng: DemoRandom, status: str) -> tuple[str, ...]:
    """The actions after the request, ending in the status's deciding action where it has one."""
    if status in OPEN_HISTORIES:
        return OPEN_HISTORIES[status]
    exchange: tuple[str, ...] = ()
    if status in ("ACCEPTED", "DECLINED") and rng.random() < 0.3:
        exchange = ("INFORMATION_REQUESTED", "INFORMATION_PROVIDED")
    if status == "DECLINED" and rng.random() < 0.5:
        exchange += ("ESCALATED",)
    return (*exchange, status)


def add_transfer(
    rng: DemoRandom,
    batch: Batch,
    *,
    nominal: str,
    status: str,
    source: MappaArea,
    target: MappaArea,
    requested: datetime,
    sides: Sides,
    decided: datetime | None,
) -> None:
    """One transfer of `nominal` from `source` to `target` in `status`, with its steps: a decided
    transfer's last step is its decision at `decided`; an open one's steps end before the demo
    world's 'now'."""
    uid = rng.uid()
    actions = ("REQUESTED", *_history(rng, status))
    if decided is None:
        later = sorted(rng.instant_between(requested, REFERENCE_INSTANT) for _ in actions[1:])
    else:
        later = [*sorted(rng.instant_between(requested, decided) for _ in actions[1:-1]), decided]
    times = [requested, *later]
    batch.transfers.append(
        {
            "uid": uid,
            "status": status,
            "requestedAt": requested,
            "decidedAt": decided,
            "reason": REASONS[status],
            **due_dates(requested, target),
        }
    )
    batch.rel("OF", uid, nominal)
    batch.rel("FROM_AREA", uid, source.uid)
    batch.rel("TO_AREA", uid, target.uid)
    batch.rel("REQUESTED_BY", uid, sides.sender.uid)
    if decided is not None:
        decider = sides.sender if status == "CANCELLED" else sides.receiver
        batch.rel("DECIDED_BY", uid, decider.uid)
    for seq, (action, at) in enumerate(zip(actions, times, strict=True), start=1):
        by = sides.receiver if action in RECEIVING_ACTIONS else sides.sender
        batch.steps.append(
            {
                "transfer": uid,
                "by": by.uid,
                "props": {
                    "uid": rng.uid(),
                    "seq": seq,
                    "at": at,
                    "action": action,
                    "note": REASONS[status] if action == "REQUESTED" else NOTES[action],
                },
            }
        )
