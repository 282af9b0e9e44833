"""Adding, revising and verifying record entries. Each is one write transaction holding the
entry, its provenance (ABOUT, ENTERED_BY {at}, ON_BEHALF_OF, REVISION_OF, VERIFIED {at}) and its
audit event: COLLECT for a new entry, ALTER for a revision or a verification."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from graph.db import CountingTx, Database, Row
from graph.models.enums import AuditAction, Classification
from graph.writes import records as writes
from resolvers import breach_orders, nominal_state
from resolvers.actor import Actor
from resolvers.errors import BadUserInput, Conflict, Forbidden, NotFound, quoted
from resolvers.nominal_writes import lock_and_steward, now, resolve_nominal
from resolvers.records import RecordView, clearance_permits, may_read, restriction_notice
from resolvers.validation import (
    RECORD_COMMON,
    RECORD_FIELDS,
    check_clearance,
    check_consistency,
    check_references,
    validate_fields,
)
from resolvers.write_access import require_agency, require_manager, require_writer


def _view(actor: Actor, row: Row, stewards: Row) -> RecordView:
    if may_read(actor, row, stewards):
        return RecordView(row)
    return RecordView(row, restriction_notice(actor, row, stewards))


MAX_MENTIONS = 50
MENTIONS_FIELD = "input.mentions"

NominalRef = tuple[str | None, str | None]
"""A nominal named by (uid, None) from its global id or (None, visorRef)."""


def check_mentions(kind: str, mentions: Sequence[NominalRef] | None) -> list[NominalRef]:
    """What can be told of `mentions` before the graph is read: only intelligence mentions
    other nominals, and at most MAX_MENTIONS of them."""
    if not mentions:
        return []
    if kind != "Intelligence":
        raise BadUserInput(
            f"{MENTIONS_FIELD}: only an intelligence entry mentions other nominals",
            field=MENTIONS_FIELD,
        )
    if len(mentions) > MAX_MENTIONS:
        raise BadUserInput(
            f"{MENTIONS_FIELD}: at most {MAX_MENTIONS} nominals, not {len(mentions)}",
            field=MENTIONS_FIELD,
        )
    return list(mentions)


async def resolve_mentions(
    tx: CountingTx, *, refs: list[NominalRef], nominal_uid: str
) -> list[str]:
    """The uids of the mentioned nominals, in the order given; an unknown one, one named twice
    (by visorRef and global id alike) or the entry's own nominal is BAD_USER_INPUT naming
    `input.mentions`."""
    if not refs:
        return []
    found = await writes.mentioned_nominals(tx, refs)
    uids: list[str] = []
    for (uid, ref), mentioned in zip(refs, found, strict=True):
        shown = quoted(str(ref if ref is not None else uid))
        if mentioned is None:
            raise BadUserInput(f"{MENTIONS_FIELD}: no nominal {shown}", field=MENTIONS_FIELD)
        if mentioned == nominal_uid:
            raise BadUserInput(
                f"{MENTIONS_FIELD}: {shown} is the nominal the entry is about; mention only "
                "other nominals",
                field=MENTIONS_FIELD,
            )
        if mentioned in uids:
            raise BadUserInput(
                f"{MENTIONS_FIELD}: {shown} is mentioned more than once", field=MENTIONS_FIELD
            )
        uids.append(mentioned)
    return uids


def _spec(kind: str) -> dict[str, Any]:
    if kind not in RECORD_FIELDS:
        raise BadUserInput(f"kind: unknown record kind {quoted(kind)}", field="kind")
    return {**RECORD_COMMON, **RECORD_FIELDS[kind]}


async def add_record(
    *,
    db: Database,
    actor: Actor,
    kind: str,
    visor_ref: str,
    data: dict[str, Any],
    purpose: str | None = None,
    mentions: Sequence[NominalRef] | None = None,
    order_uid: str | None = None,
) -> RecordView:
    """A new entry of `kind` about the nominal, version 1, by its manager or a current partner,
    on behalf of the writer's agency; classification OFFICIAL unless given. An intelligence
    entry MENTIONS the other nominals of `mentions`; a breach of an order BREACHES the
    CivilOrder `order_uid` of the same nominal."""
    agency_uid = require_agency(actor)
    mention_refs = check_mentions(kind, mentions)
    values = validate_fields(_spec(kind), data, prefix="input")
    values["classification"] = values.get("classification") or Classification.OFFICIAL.value
    check_clearance(actor.clearance, values["classification"], field="input.classification")
    if kind == "Intelligence" and values.get("restricted") is None:
        values["restricted"] = False
    check_consistency(values, prefix="input")
    order = breach_orders.check_order(kind, values, order_uid)
    await check_references(db, values, prefix="input")
    props = {key: value for key, value in values.items() if value is not None}

    async def work(tx: CountingTx) -> RecordView:
        nominal_uid = await resolve_nominal(tx, uid=None, visor_ref=visor_ref)
        mentioned = await resolve_mentions(tx, refs=mention_refs, nominal_uid=nominal_uid)
        await breach_orders.resolve_order(tx, order_uid=order, nominal_uid=nominal_uid)
        stewards = await lock_and_steward(
            tx,
            actor=actor,
            nominal_uid=nominal_uid,
            action=AuditAction.COLLECT,
            purpose=purpose or f"add {kind}",
        )
        require_writer(actor, stewards)
        if kind == nominal_state.KIND_CUSTODY:
            await nominal_state.check_custody_overlap(
                tx, nominal_uid=nominal_uid, period=props, prefix="input"
            )
        at = now()
        row = await writes.create_record(
            tx,
            kind=kind,
            uid=uuid.uuid4().hex,
            props=props,
            nominal_uid=nominal_uid,
            officer_uid=actor.uid,
            agency_uid=agency_uid,
            now=at,
            mentions=mentioned,
            order_uid=order,
        )
        await nominal_state.follow_records(tx, nominal_uids=[nominal_uid], kind=kind, now=at)
        return _view(actor, row, stewards)

    return await db.write_tx(work)


async def _record(tx: CountingTx, uid: str, kind: str | None) -> Row:
    """The record's state; NOT_FOUND when there is none, or when it is not of `kind` (the kind
    the client's global id names; None for a stub's id)."""
    state = await writes.record_state(tx, uid)
    if (
        state is None
        or state["record"].get("nominalUid") is None
        or (kind is not None and state["record"].get("kind") != kind)
    ):
        raise NotFound("input.id: no such record", field="input.id")
    return state


def _require_current(state: Row, version: int) -> None:
    """Only the current version may be revised, from the version the client read."""
    stored = state["record"]["version"]
    if not state["current"]:
        raise Conflict(
            f"input.version: version {stored} of this entry has been replaced by a newer "
            "version; read the current version and revise that one",
            field="input.version",
        )
    if stored != version:
        raise Conflict(
            f"input.version: the entry is at version {stored}, not {version}; read it again",
            field="input.version",
        )


async def revise_record(
    *,
    db: Database,
    actor: Actor,
    uid: str,
    version: int,
    changes: dict[str, Any],
    kind: str | None = None,
    purpose: str | None = None,
) -> RecordView:
    """A new version of the current entry `uid` (REVISION_OF it) with `changes` applied, if the
    entry is still current at `version`; CONFLICT otherwise. The old version stays as it was."""
    agency_uid = require_agency(actor)
    state = await db.read_tx(lambda tx: _record(tx, uid, kind))
    old: Row = state["record"]
    kind = str(old["kind"])
    values = validate_fields(_spec(kind), changes, prefix="input.changes", partial=True)
    if not values:
        raise BadUserInput("input.changes: nothing to change", field="input.changes")
    breach_orders.check_revision(kind, old, values)
    merged = {**old, **values}
    check_clearance(
        actor.clearance, str(merged["classification"]), field="input.changes.classification"
    )
    check_consistency(merged, prefix="input.changes")
    await check_references(db, values, prefix="input.changes")

    async def work(tx: CountingTx) -> RecordView:
        current = await _record(tx, uid, kind)
        nominal_uid = str(current["record"]["nominalUid"])
        stewards = await lock_and_steward(
            tx,
            actor=actor,
            nominal_uid=nominal_uid,
            action=AuditAction.ALTER,
            purpose=purpose or f"revise {kind}",
        )
        require_writer(actor, stewards)
        if not clearance_permits(actor, current["record"]):
            raise Forbidden("the entry is marked above your clearance")
        _require_current(current, version)
        if kind == nominal_state.KIND_CUSTODY:
            await nominal_state.check_custody_overlap(
                tx,
                nominal_uid=nominal_uid,
                period={**current["record"], **values},
                except_uid=uid,
                prefix="input.changes",
            )
        at = now()
        row = await writes.revise_record(
            tx,
            kind=kind,
            old_uid=uid,
            version=version,
            uid=uuid.uuid4().hex,
            changes=values,
            officer_uid=actor.uid,
            agency_uid=agency_uid,
            now=at,
        )
        if row is None:  # cannot happen under the chain lock; kept as the statement's guard
            raise Conflict("input.version: the entry changed; read it again", field="input.version")
        await nominal_state.follow_records(tx, nominal_uids=[nominal_uid], kind=kind, now=at)
        return _view(actor, row, stewards)

    return await db.write_tx(work)


async def verify_record(
    *, db: Database, actor: Actor, uid: str, kind: str | None = None, purpose: str | None = None
) -> RecordView:
    """The manager's quality assurance of the current version of an entry: VERIFIED {at}.

    One verifies only what one may read (FORBIDDEN otherwise: an entry above the manager's
    clearance stays unverified until a manager cleared for it verifies it). Verifying again a
    version one was the last to verify is a CONFLICT: nothing has changed since."""

    async def work(tx: CountingTx) -> RecordView:
        state = await _record(tx, uid, kind)
        record: Row = state["record"]
        stewards = await lock_and_steward(
            tx,
            actor=actor,
            nominal_uid=str(record["nominalUid"]),
            action=AuditAction.ALTER,
            purpose=purpose or "verify record",
        )
        require_manager(actor, stewards)
        if not may_read(actor, record, stewards):
            raise Forbidden(
                "you may verify only an entry you may read, and you may not read this one"
            )
        if not state["current"]:
            raise Conflict(
                "input.id: a newer version of this entry exists; verify that one",
                field="input.id",
            )
        last = (record.get("verification") or {}).get("officer") or {}
        if last.get("uid") == actor.uid:
            raise Conflict(
                "input.id: you have already verified this version, and it has not changed since",
                field="input.id",
            )
        row = await writes.verify_record(tx, uid=uid, officer_uid=actor.uid, now=now())
        return _view(actor, row, stewards)

    return await db.write_tx(work)
