"""The acting officer of a request, as the graph describes them."""

from __future__ import annotations

from dataclasses import dataclass

from graph.db import Database
from graph.queries import officers
from resolvers.errors import Unauthenticated, quoted


@dataclass(frozen=True)
class Actor:
    uid: str
    staff_id: str
    name: str
    roles: frozenset[str]
    clearance: str
    agency_uid: str | None
    agency_code: str | None

    def has_role(self, role: str) -> bool:
        return role in self.roles


async def load_actor(*, db: Database, staff_id: str) -> Actor:
    """The active officer named by a verified token; UNAUTHENTICATED when unknown or inactive."""
    row = await officers.actor_by_staff_id(db, staff_id)
    if row is None:
        raise Unauthenticated(f"no officer with staff id {quoted(staff_id)}")
    if not row["active"]:
        raise Unauthenticated(f"officer {quoted(staff_id)} is not active")
    return Actor(
        uid=row["uid"],
        staff_id=row["staffId"],
        name=row["name"],
        roles=frozenset(row["roles"] or ()),
        clearance=row["clearance"],
        agency_uid=row["agencyUid"],
        agency_code=row["agencyCode"],
    )
