"""Who may write: the rules of DESIGN.md ("Access"), decided on a nominal's stewardship row
(graph/writes/nominals.py STEWARDSHIP: manager {uid, agencyUid}, partnerUids)."""

from __future__ import annotations

from graph.db import Row
from graph.models.enums import Role
from resolvers.actor import Actor
from resolvers.errors import Forbidden

CREATOR_ROLES = frozenset({Role.PRACTITIONER.value, Role.SUPERVISOR.value})


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


def require_writer(actor: Actor, stewards: Row) -> None:
    """Writing to a nominal: its manager or a current partner."""
    if not (is_manager(actor, stewards) or is_partner(actor, stewards)):
        raise Forbidden("only the nominal's manager or a current partner may write to it")


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
