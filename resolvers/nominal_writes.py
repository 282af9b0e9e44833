"""Creating and updating nominals. Each is one write transaction holding the change, its
provenance (the creator's MANAGES) and its audit event.

Every write transaction appends its audit event before deciding anything: the append locks the
audit chain's head, which serialises audited writes, so the checks that follow read committed
state and an optimistic version check cannot race.
"""

from __future__ import annotations

import datetime
import re
import secrets
import uuid
from typing import Any

from graph.audit_chain import append_event
from graph.db import CountingTx, Database, Row
from graph.models.enums import AuditAction
from graph.queries.jurisdiction import area_jurisdictions
from graph.writes import nominals as writes
from resolvers.actor import Actor
from resolvers.errors import BadUserInput, Conflict, NotFound, quoted
from resolvers.jurisdiction import require_category, require_covered
from resolvers.nominal_state import check_nominal_changes
from resolvers.validation import NOMINAL_FIELDS, check_references, name, validate_fields
from resolvers.write_access import require_creator, require_writer

VISOR_REF = re.compile(r"VR-\d{7}")
CANDIDATES = 20


def now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def _candidates() -> list[str]:
    return [f"VR-{secrets.randbelow(10_000_000):07d}" for _ in range(CANDIDATES)]


async def _free_visor_ref(tx: CountingTx, given: str | None) -> str:
    if given is not None:
        if given in await writes.used_visor_refs(tx, [given]):
            raise BadUserInput(f"input.visorRef: {given} is already in use", field="input.visorRef")
        return given
    while True:  # 20 random draws in a space of 10^7 refs: a clash of all is vanishingly rare
        candidates = _candidates()
        used = await writes.used_visor_refs(tx, candidates)
        free = [ref for ref in candidates if ref not in used]
        if free:
            return free[0]


async def resolve_nominal(
    tx: CountingTx,
    *,
    uid: str | None,
    visor_ref: str | None,
    id_field: str = "input.id",
    ref_field: str = "input.visorRef",
) -> str:
    """The uid of the nominal named by `uid` or `visor_ref`; an unknown one is NOT_FOUND naming
    the field that named it, in every mutation (as reads do)."""
    found = await writes.nominal_uid(tx, uid=uid, visor_ref=visor_ref)
    if found is None:
        field = ref_field if visor_ref is not None else id_field
        shown = str(visor_ref if visor_ref is not None else uid)
        raise NotFound(f"{field}: no nominal {quoted(shown)}", field=field)
    return found


async def lock_and_steward(
    tx: CountingTx,
    *,
    actor: Actor,
    action: AuditAction,
    purpose: str,
    nominal_uid: str | None = None,
    nominal_uids: list[str] | None = None,
) -> Row:
    """Appends the audit event (taking the chain lock) concerning `nominal_uid`, or all of
    `nominal_uids`, then reads the stewardship of the (first) nominal."""
    concerned = nominal_uids or ([nominal_uid] if nominal_uid is not None else [])
    await append_event(
        tx, action=action.value, officer_uid=actor.uid, nominal_uids=concerned, purpose=purpose
    )
    stewards = await writes.stewardship(tx, concerned[0])
    if stewards is None:
        raise NotFound("no such nominal")
    return stewards


async def create_nominal(
    *,
    db: Database,
    actor: Actor,
    data: dict[str, Any],
    area_code: str,
    visor_ref: str | None = None,
    purpose: str | None = None,
) -> Row:
    """A new nominal at version 1, managed by its creator from now, MANAGED_IN `area_code`."""
    require_creator(actor)
    values = validate_fields(NOMINAL_FIELDS, data, prefix="input")
    name("input.areaCode", area_code)
    if visor_ref is not None and not VISOR_REF.fullmatch(visor_ref):
        raise BadUserInput(
            "input.visorRef: VR- followed by 7 digits, e.g. VR-0012345", field="input.visorRef"
        )
    await check_references(db, values, prefix="input", areas={"input.areaCode": area_code})
    uid = uuid.uuid4().hex

    async def work(tx: CountingTx) -> Row:
        area = (await area_jurisdictions(tx, [area_code], agency_uid=actor.agency_uid)).get(
            area_code
        )
        if area is None:
            raise BadUserInput("input.areaCode: no such area", field="input.areaCode")
        require_covered(actor, area, field="input.areaCode")
        require_category(area, values["category"], field="input.category")
        at = now()
        ref = await _free_visor_ref(tx, visor_ref)
        props = {k: v for k, v in values.items() if v is not None}
        props.update(uid=uid, visorRef=ref, createdAt=at, version=1)
        props.setdefault("aliases", [])
        row = await writes.create_nominal(
            tx, props=props, officer_uid=actor.uid, area_code=area_code, now=at
        )
        if row is None:
            raise NotFound("input.areaCode: no such area", field="input.areaCode")
        await append_event(
            tx,
            action=AuditAction.COLLECT.value,
            officer_uid=actor.uid,
            nominal_uids=[uid],
            purpose=purpose or "create nominal",
        )
        return row

    return await db.write_tx(work)


async def update_nominal(
    *,
    db: Database,
    actor: Actor,
    uid: str | None,
    visor_ref: str | None,
    version: int,
    changes: dict[str, Any],
    purpose: str | None = None,
) -> Row:
    """Applies `changes` if the nominal is still at `version`; CONFLICT otherwise."""
    if (uid is None) == (visor_ref is None):
        raise BadUserInput("input: give exactly one of id and visorRef", field="input.id")
    values = validate_fields(NOMINAL_FIELDS, changes, prefix="input", partial=True)
    if not values:
        raise BadUserInput("input: nothing to change", field="input")
    await check_references(db, values, prefix="input")

    async def work(tx: CountingTx) -> Row:
        target = await resolve_nominal(tx, uid=uid, visor_ref=visor_ref)
        stewards = await lock_and_steward(
            tx,
            actor=actor,
            nominal_uid=target,
            action=AuditAction.ALTER,
            purpose=purpose or "update nominal",
        )
        # On a closed (DECEASED, REMOVED) nominal, an update may change only the status.
        require_writer(actor, stewards, reopening=set(values) == {"status"})
        if "category" in values and stewards.get("areaCode") is not None:
            area_code = stewards["areaCode"]
            area = (await area_jurisdictions(tx, [area_code], agency_uid=None))[area_code]
            require_category(area, values["category"], field="input.category")
        if stewards["version"] == version:  # a stale version is a CONFLICT, below
            await check_nominal_changes(tx, nominal_uid=target, current=stewards, values=values)
        row = await writes.update_nominal(
            tx, uid=target, version=version, changes=values, now=now()
        )
        if row is None:
            raise Conflict(
                f"input.version: the nominal is at version {stewards['version']}, not {version}; "
                "read it again",
                field="input.version",
            )
        return row

    return await db.write_tx(work)
