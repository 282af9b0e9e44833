"""Officers, agencies, areas and locations: any authenticated officer may look them up, and
find officers in the directory. An officer's roles and clearance are shown only to
themselves and to supervisors and admins of their own agency."""

from __future__ import annotations

from dataclasses import dataclass

from graph.db import Database, Row
from graph.models.enums import Role
from graph.queries import geography, reference
from graph.queries import officers as queries
from resolvers import paging
from resolvers.actor import Actor
from resolvers.errors import BadUserInput, quoted

DIRECTORY = "officers"
"""The directory's cursor name."""


@dataclass(frozen=True)
class OfficerPage:
    total: int
    rows: list[Row]
    cursors: list[str]
    has_next: bool


async def get_officers(*, db: Database, actor: Actor, uids: list[str]) -> list[Row | None]:
    found = await queries.officers_by_uid(db, uids)
    return [found.get(uid) for uid in uids]


async def get_agencies(*, db: Database, actor: Actor, uids: list[str]) -> list[Row | None]:
    found = await queries.agencies_by_uid(db, uids)
    return [found.get(uid) for uid in uids]


async def get_areas(*, db: Database, actor: Actor, uids: list[str]) -> list[Row | None]:
    found = await geography.areas_by_uid(db, uids)
    return [found.get(uid) for uid in uids]


async def get_locations(*, db: Database, actor: Actor, uids: list[str]) -> list[Row | None]:
    found = await geography.locations_by_uid(db, uids)
    return [found.get(uid) for uid in uids]


async def me(*, db: Database, actor: Actor) -> Row:
    """The signed-in officer, as the graph holds them (not a consultation)."""
    (row,) = await get_officers(db=db, actor=actor, uids=[actor.uid])
    assert row is not None, "the actor was read from the graph for this request"
    return row


def may_see_profile(*, actor: Actor, officer_uid: str, officer_agency_uid: str | None) -> bool:
    """Whether `actor` may see an officer's roles and clearance: the officer themselves, or a
    supervisor or admin of the same agency."""
    if officer_uid == actor.uid:
        return True
    same_agency = officer_agency_uid is not None and officer_agency_uid == actor.agency_uid
    return same_agency and (
        actor.has_role(Role.SUPERVISOR.value) or actor.has_role(Role.ADMIN.value)
    )


async def agency_uid(
    *, db: Database, global_uid: str | None, code: str | None, field: str
) -> str | None:
    """The uid of the agency named by a global id's uid or by its code; BAD_USER_INPUT
    naming `field` when there is none."""
    if global_uid is not None:
        if global_uid not in await queries.agencies_by_uid(db, [global_uid]):
            raise BadUserInput(f"{field}: no agency with id {quoted(global_uid)}", field=field)
        return global_uid
    if code is None:
        return None
    found = await reference.agency_uids_by_code(db, [code])
    if code not in found:
        raise BadUserInput(f"{field}: no agency with code {quoted(code)}", field=field)
    return found[code]


async def officer_uid(
    *, db: Database, global_uid: str | None, staff_id: str | None, field: str
) -> str | None:
    """The uid of the officer named by a global id's uid or by a staff id; BAD_USER_INPUT
    naming `field` when there is none."""
    if global_uid is not None:
        if global_uid not in await queries.officers_by_uid(db, [global_uid]):
            raise BadUserInput(f"{field}: no officer with id {quoted(global_uid)}", field=field)
        return global_uid
    if staff_id is None:
        return None
    found = await queries.actor_by_staff_id(db, staff_id)
    if found is None:
        raise BadUserInput(f"{field}: no officer with staff id {quoted(staff_id)}", field=field)
    uid: str = found["uid"]
    return uid


async def officer_directory(
    *,
    db: Database,
    actor: Actor,
    agency_uid: str | None,
    role: str | None,
    text: str | None,
    first: int,
    after: str | None,
) -> OfficerPage:
    """Active officers, by name then staff id: of one agency, holding one role, and/or whose
    name or staff id contains `text` (case-insensitive)."""
    paging.check_page_size(first)
    if role is not None and role not in {r.value for r in Role}:
        raise BadUserInput(f"role: unknown role {quoted(role)}", field="role")
    needle = (text or "").strip().lower() or None
    position = paging.decode_cursor(after, DIRECTORY, str, str) if after is not None else None
    total, rows = await queries.officer_directory(
        db,
        agency_uid=agency_uid,
        role=role,
        text=needle,
        after=(str(position[0]), str(position[1])) if position else None,
        limit=first + 1,
    )
    page = rows[:first]
    cursors = [paging.encode_cursor(DIRECTORY, row["name"], row["staffId"]) for row in page]
    return OfficerPage(total=total, rows=page, cursors=cursors, has_next=len(rows) > first)
