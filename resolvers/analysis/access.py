"""Who may run an analysis: analysts, supervisors and admins, or the manager or a current
partner of every nominal it starts from."""

from __future__ import annotations

from loaders.records import RecordLoaders
from resolvers.actor import Actor
from resolvers.errors import Forbidden

ANALYSIS_ROLES = frozenset({"ANALYST", "SUPERVISOR", "ADMIN"})


async def require_analysis_access(
    *, loaders: RecordLoaders, actor: Actor, start_uids: list[str]
) -> None:
    """FORBIDDEN unless the actor holds an analysis role or stewards every start nominal."""
    if actor.roles & ANALYSIS_ROLES:
        return
    stewards = await loaders.stewards.load_many(start_uids)
    for held in stewards:
        manager = held.get("manager") or {}
        if actor.uid != manager.get("uid") and actor.uid not in (held.get("partnerUids") or ()):
            raise Forbidden(
                "link analysis is for analysts, supervisors and admins, or for the manager or "
                "a partner of the nominals it starts from"
            )


def require_analysis_role(*, actor: Actor) -> None:
    """FORBIDDEN unless the actor holds an analysis role: for an analysis that starts from no
    nominal (a place), which no one stewards."""
    if not actor.roles & ANALYSIS_ROLES:
        raise Forbidden("this analysis is for analysts, supervisors and admins")
