from __future__ import annotations

import strawberry
from strawberry import relay

from graph.db import Row
from graph.models.enums import Role
from resolvers import directory
from schema.context import Info
from schema.nodes import RowNode
from schema.types.agency import Agency
from schema.types.record_enums import Classification

# As in schema/types/enums.py, `strawberry.enum` marks the model's class itself.
strawberry.enum(Role)

PROFILE = (
    "Shown to the officer themselves (`me`) and to supervisors and admins of the officer's "
    "agency; null for everyone else."
)


@strawberry.type
class Officer(RowNode):
    uid: relay.NodeID[str]
    staff_id: str
    name: str

    @strawberry.field
    async def agency(self, info: Info) -> Agency | None:
        row = await info.context.loaders.officer_agency.load(self.uid)
        return Agency.from_row(row) if row else None

    async def _profile(self, info: Info) -> Row | None:
        """The officer's node, when the reader may see its roles and clearance."""
        loaders = info.context.loaders
        agency = await loaders.officer_agency.load(self.uid)
        if not directory.may_see_profile(
            actor=info.context.require_actor(),
            officer_uid=self.uid,
            officer_agency_uid=agency["uid"] if agency else None,
        ):
            return None
        return await loaders.officer.load(self.uid)

    @strawberry.field(description=f"The officer's roles. {PROFILE}")
    async def roles(self, info: Info) -> list[Role] | None:
        profile = await self._profile(info)
        if profile is None:
            return None
        return sorted(Role(role) for role in profile.get("roles") or ())

    @strawberry.field(description=f"The officer's security clearance. {PROFILE}")
    async def clearance(self, info: Info) -> Classification | None:
        profile = await self._profile(info)
        if profile is None or profile.get("clearance") is None:
            return None
        return Classification(profile["clearance"])

    @classmethod
    async def fetch_rows(cls, info: Info, uids: list[str]) -> list[Row | None]:
        ctx = info.context
        return await directory.get_officers(db=ctx.db, actor=ctx.require_actor(), uids=uids)

    @classmethod
    def from_row(cls, row: Row) -> Officer:
        return cls(uid=row["uid"], staff_id=row["staffId"], name=row["name"])
