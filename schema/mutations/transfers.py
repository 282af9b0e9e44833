"""The transfer workflow's mutations: thin calls into resolvers/transfers/workflow.py. Each
answers with the transfer as it stands after the step, its history included."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry

from graph.models.enums import TransferAction
from resolvers.transfers import workflow
from schema.context import Info
from schema.either_id import global_uid_or_key
from schema.inputs.transfers import transfer_uid
from schema.types.transfer import Transfer

TransferId = Annotated[str, strawberry.argument(description="The transfer's global id.")]


async def _step(
    info: Info,
    transfer: str,
    action: TransferAction,
    note: str | None,
    note_field: str = "note",
    **acceptance: str | None,
) -> Transfer:
    ctx = info.context
    row = await workflow.take_step(
        db=ctx.db,
        actor=ctx.require_actor(),
        transfer_uid=transfer_uid(transfer),
        action=action,
        note=note,
        note_field=note_field,
        handover_days=ctx.transfer_handover_days,
        **acceptance,
    )
    return Transfer.from_row(row)


@strawberry.type
class TransferMutation:
    @strawberry.mutation(
        description="Ask for the nominal's management to move to `toArea` (a MAPPA area or "
        "local authority): by the manager or a supervisor of the manager's agency. The manager "
        "stays manager until the receiving area accepts; at most one transfer is open at a time."
    )
    async def request_transfer(
        self,
        info: Info,
        nominal: Annotated[
            str, strawberry.argument(description="The nominal's global id or visorRef.")
        ],
        to_area: str,
        reason: str,
        expected_move_on: datetime.date | None = None,
    ) -> Transfer:
        ctx = info.context
        uid, visor_ref = global_uid_or_key(nominal, type_name="Nominal", field="nominal")
        row = await workflow.request_transfer(
            db=ctx.db,
            actor=ctx.require_actor(),
            uid=uid,
            visor_ref=visor_ref,
            to_area=to_area,
            reason=reason,
            expected_move_on=expected_move_on,
        )
        return Transfer.from_row(row)

    @strawberry.mutation(
        description="The receiving area asks the sender a question (REQUESTED -> "
        "INFORMATION_REQUESTED)."
    )
    async def request_transfer_information(
        self, info: Info, transfer: TransferId, question: str
    ) -> Transfer:
        return await _step(
            info, transfer, TransferAction.INFORMATION_REQUESTED, question, "question"
        )

    @strawberry.mutation(description="The sender answers (INFORMATION_REQUESTED -> REQUESTED).")
    async def provide_transfer_information(
        self, info: Info, transfer: TransferId, answer: str
    ) -> Transfer:
        return await _step(info, transfer, TransferAction.INFORMATION_PROVIDED, answer, "answer")

    @strawberry.mutation(
        description="The receiving area refers the transfer to its supervisors (-> ESCALATED)."
    )
    async def escalate_transfer(self, info: Info, transfer: TransferId, reason: str) -> Transfer:
        return await _step(info, transfer, TransferAction.ESCALATED, reason, "reason")

    @strawberry.mutation(
        description="The receiving area takes the case: in one step the named officer (an "
        "active practitioner or supervisor of an agency covering the receiving area) becomes "
        "manager, the managing area moves, and the sending manager stays on as a partner for the "
        "handover period. `category` sets the nominal's MAPPA category (needed when the "
        "receiving area keeps another scheme)."
    )
    async def accept_transfer(
        self,
        info: Info,
        transfer: TransferId,
        manager: Annotated[
            str, strawberry.argument(description="The staff id of the receiving manager.")
        ],
        category: str | None = None,
        note: str | None = None,
    ) -> Transfer:
        return await _step(
            info,
            transfer,
            TransferAction.ACCEPTED,
            note,
            manager_staff_id=manager,
            category=category,
        )

    @strawberry.mutation(
        description="The receiving area declines, on public-protection grounds given in "
        "`reason`; the decline goes back to the sender."
    )
    async def decline_transfer(self, info: Info, transfer: TransferId, reason: str) -> Transfer:
        return await _step(info, transfer, TransferAction.DECLINED, reason, "reason")

    @strawberry.mutation(description="The sender withdraws the request.")
    async def cancel_transfer(self, info: Info, transfer: TransferId, reason: str) -> Transfer:
        return await _step(info, transfer, TransferAction.CANCELLED, reason, "reason")
