"""Who stands on which side of a transfer (DESIGN.md, "Transfers").

The sending side is the nominal's manager and the supervisors of the manager's agency: they ask,
answer questions and may cancel. The receiving side is any practitioner or supervisor of an agency
covering the receiving area, but the manager: they take the case, ask for information, escalate
or decline.
"""

from __future__ import annotations

from graph.db import CountingTx, Row
from graph.models.enums import Role
from graph.writes import transfers as writes
from resolvers.actor import Actor
from resolvers.errors import Forbidden
from resolvers.write_access import CREATOR_ROLES, is_manager

RECEIVING_ROLES = CREATOR_ROLES
"""Who takes a case on: practitioners and supervisors, as for managing one."""


def is_sending_side(actor: Actor, stewards: Row) -> bool:
    if is_manager(actor, stewards):
        return True
    manager_agency = (stewards.get("manager") or {}).get("agencyUid")
    return (
        actor.has_role(Role.SUPERVISOR.value)
        and manager_agency is not None
        and actor.agency_uid == manager_agency
    )


def require_sending_side(actor: Actor, stewards: Row, *, doing: str) -> None:
    if not is_sending_side(actor, stewards):
        raise Forbidden(
            f"only the nominal's manager or a supervisor of the manager's agency may {doing}"
        )


async def require_receiving_side(
    tx: CountingTx, actor: Actor, transfer: Row, stewards: Row, *, doing: str
) -> None:
    """The sending manager is never on the receiving side, even where their agency covers both
    areas (Police Scotland covers all of Scotland): a manager does not take their own case."""
    covers = await writes.covers_area(tx, officer_uid=actor.uid, area_code=transfer["toAreaCode"])
    if not covers or is_manager(actor, stewards) or not actor.roles & RECEIVING_ROLES:
        raise Forbidden(
            f"only a practitioner or supervisor of an agency covering the receiving area "
            f"{transfer['toAreaCode']} may {doing}"
        )
