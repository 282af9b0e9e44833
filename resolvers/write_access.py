"""Who may write: the rules of DESIGN.md ("Access"), decided on a nominal's stewardship row
(graph/writes/nominals.py STEWARDSHIP: status, manager {uid, agencyUid}, partnerUids).

Contributors (creators, managers, partners, writers) are practitioners or supervisors. A DECEASED
or REMOVED nominal's record is closed: every write that adds to or changes it is a CONFLICT,
except an updateNominal that changes the status (reopening a record closed in error). Who
manages it stays changeable (assignManager, endPartnership), as do its associations' ends and
the verification of what was entered before."""

from __future__ import annotations

from graph.db import Row
from graph.models.enums import NominalStatus, Role
from resolvers.actor import Actor
from resolvers.errors import Conflict, Forbidden

CREATOR_ROLES = frozenset({Role.PRACTITIONER.value, Role.SUPERVISOR.value})
"""Who contributes to the register: creates nominals, manages them, partners on them, writes."""

CLOSED_STATUSES = frozenset({NominalStatus.DECEASED.value, NominalStatus.REMOVED.value})


def is_manager(actor: Actor, stewards: Row) -> bool:
    return actor.uid == (stewards.get("manager") or {}).get("uid")


def is_partner(actor: Actor, stewards: Row) -> bool:
    return actor.uid in (stewards.get("partnerUids") or ())


def require_agency(actor: Actor) -> str:
    """Every entry is made on behalf of the writer's agency, so a writer needs one."""
    if actor.agency_uid is None:
        raise Forbidden("you are not a member of an agency, so you cannot make entries")
    return actor.agency_uid


def require_creator(actor: Actor) -> None:
    if not actor.roles & CREATOR_ROLES:
        raise Forbidden("only practitioners and supervisors may create nominals")


def is_contributor(roles: frozenset[str] | set[str] | list[str]) -> bool:
    return bool(set(roles) & CREATOR_ROLES)


def require_open(stewards: Row) -> None:
    """A DECEASED or REMOVED nominal's record takes no new information."""
    status = stewards.get("status")
    if status in CLOSED_STATUSES:
        raise Conflict(
            f"the nominal is {status}: its record is closed to new information (change its "
            "status with updateNominal first if it was set in error)"
        )


def require_writer(actor: Actor, stewards: Row, *, reopening: bool = False) -> None:
    """Writing to a nominal: its manager or a current partner, a practitioner or supervisor,
    while the nominal's record is open (or when the write changes its status: `reopening`)."""
    if not (is_manager(actor, stewards) or is_partner(actor, stewards)):
        raise Forbidden("only the nominal's manager or a current partner may write to it")
    if not is_contributor(actor.roles):
        raise Forbidden("only practitioners and supervisors write to nominals")
    if not reopening:
        require_open(stewards)


def require_writer_of_either(actor: Actor, one: Row, other: Row) -> None:
    """Ending an association: the manager or a current partner of either end (a practitioner
    or supervisor), whatever the ends' status."""
    if not any(is_manager(actor, s) or is_partner(actor, s) for s in (one, other)):
        raise Forbidden(
            "only the manager or a current partner of one of the two nominals may do this"
        )
    if not is_contributor(actor.roles):
        raise Forbidden("only practitioners and supervisors write to nominals")


def require_manager(actor: Actor, stewards: Row) -> None:
    if not is_manager(actor, stewards):
        raise Forbidden("only the nominal's manager may do this")


def require_steward_of_management(actor: Actor, stewards: Row) -> None:
    """Assigning a manager or partners: the manager, a supervisor of the manager's agency, or
    an admin (who can reassign a nominal whose manager and supervisors have all left)."""
    if is_manager(actor, stewards) or actor.has_role(Role.ADMIN.value):
        return
    manager_agency = (stewards.get("manager") or {}).get("agencyUid")
    if (
        actor.has_role(Role.SUPERVISOR.value)
        and manager_agency is not None
        and actor.agency_uid == manager_agency
    ):
        return
    raise Forbidden(
        "only the manager, a supervisor of the manager's agency or an admin may do this"
    )
