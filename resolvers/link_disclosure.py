"""Link disclosure (issue 11): a reader shown a hidden link asks the manager of the nominal that
holds the evidence to let them read it; the manager grants or refuses.

A hidden link `HiddenLink:<holder>:<other>` rests on an intelligence entry ABOUT the holder that
MENTIONS the other and that the reader may see only as a RestrictedRecord stub. The request is
checked again here: unless the reader has such hidden evidence now, it is NOT_FOUND (so the id
tells nobody more than a stub would). A grant lets the requester read those entries, within
their own clearance (a grant never lends clearance; resolvers/records.py `may_read`), and
nothing else, whether by `node(id:)` or in the nominal's record list; each read through it is
audited as DISCLOSE.

Audited: a request is a COLLECT and a decision an ALTER, each concerning the holder and the
other nominal; reading the list is a CONSULT of the nominals it names.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from graph.audit_chain import append_event
from graph.db import CountingTx, Database, Row
from graph.models.enums import AuditAction
from graph.queries import link_disclosure as queries
from graph.queries import records as record_queries
from graph.writes import link_disclosure as writes
from loaders.records import RecordLoaders
from resolvers import paging
from resolvers.actor import Actor
from resolvers.audit import record_consultation
from resolvers.errors import BadUserInput, Conflict, Forbidden, NotFound, quoted
from resolvers.records import RecordView, may_read, nominal_records, record_granted_reads
from resolvers.validation import text

HIDDEN_LINK = "HiddenLink"
CONNECTION = "linkDisclosureRequests"
LIST_PURPOSE = "link disclosure requests"


class DisclosureStatus(StrEnum):
    REQUESTED = "REQUESTED"
    GRANTED = "GRANTED"
    REFUSED = "REFUSED"


class DisclosureDecision(StrEnum):
    GRANT = "GRANT"
    REFUSE = "REFUSE"


DECIDED_AS = {
    DisclosureDecision.GRANT: DisclosureStatus.GRANTED,
    DisclosureDecision.REFUSE: DisclosureStatus.REFUSED,
}


@dataclass(frozen=True)
class RequestPage:
    total: int
    edges: list[tuple[str, Row]]
    has_next: bool


def now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def hidden_link_id(holder_uid: str, other_uid: str) -> str:
    """The global id of a hidden link, as strawberry.relay.to_base64 writes it."""
    raw = f"{HIDDEN_LINK}:{holder_uid}:{other_uid}"
    return base64.b64encode(raw.encode()).decode()


def parse_hidden_link(value: str, *, field: str = "hiddenLink") -> tuple[str, str]:
    """(holder uid, other uid) of a hidden link's id; anything else is BAD_USER_INPUT."""
    try:
        decoded = base64.b64decode(value.encode(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        decoded = ""
    parts = decoded.split(":")
    if len(parts) != 3 or parts[0] != HIDDEN_LINK or not parts[1] or not parts[2]:
        raise BadUserInput(f"{field}: not the ID of a HiddenLink: {quoted(value)}", field=field)
    return parts[1], parts[2]


async def hidden_evidence(db: Database, actor: Actor, *, holder: str, other: str) -> list[str]:
    """The uids of the entries about `holder` mentioning `other` that `actor` may not read."""
    rows = await queries.mentioning_records(db, holder=holder, other=other)
    if not rows:
        return []
    stewards = (await record_queries.stewards(db, [holder])).get(holder) or {}
    return [row["uid"] for row in rows if not may_read(actor, row, stewards)]


async def request_disclosure(*, db: Database, actor: Actor, hidden_link: str, reason: str) -> Row:
    """A new request, REQUESTED, by the reader who has hidden evidence between the two ends."""
    holder, other = parse_hidden_link(hidden_link)
    stated = text("reason", reason)
    evidence = await hidden_evidence(db, actor, holder=holder, other=other)
    if not evidence:
        raise NotFound("hiddenLink: no such hidden link", field="hiddenLink")
    uid = uuid.uuid4().hex

    async def work(tx: CountingTx) -> None:
        await append_event(
            tx,
            action=AuditAction.COLLECT.value,
            officer_uid=actor.uid,
            nominal_uids=[holder, other],
            purpose=f"request link disclosure {uid}: {stated}",
        )
        await writes.create_request(
            tx,
            uid=uid,
            officer_uid=actor.uid,
            holder=holder,
            other=other,
            evidence=evidence,
            reason=stated,
            now=now(),
        )

    await db.write_tx(work)
    return await _request(db, uid)


async def _request(db: Database, uid: str) -> Row:
    row = await queries.request(db, uid)
    if row is None:
        raise NotFound("request: no such link disclosure request", field="request")
    return row


async def decide_disclosure(
    *, db: Database, actor: Actor, request_uid: str, decision: str, note: str | None
) -> Row:
    """The holder's current manager grants or refuses a REQUESTED request; anyone else is
    FORBIDDEN, a request already decided a CONFLICT."""
    try:
        status = DECIDED_AS[DisclosureDecision(decision)]
    except ValueError:
        raise BadUserInput(f"decision: unknown {quoted(decision)}", field="decision") from None
    stated = text("note", note) if note is not None else None
    row = await _request(db, request_uid)
    if row.get("holderManagerUid") != actor.uid:
        raise Forbidden("only the current manager of the nominal holding the evidence decides")
    if row["status"] != DisclosureStatus.REQUESTED.value:
        raise Conflict(f"request: already decided ({row['status']})", field="request")

    async def work(tx: CountingTx) -> None:
        await append_event(
            tx,
            action=AuditAction.ALTER.value,
            officer_uid=actor.uid,
            nominal_uids=[row["holder"]["uid"], row["other"]["uid"]],
            purpose=f"decide link disclosure {request_uid}: {status.value}",
        )
        decided = await writes.decide(
            tx,
            uid=request_uid,
            officer_uid=actor.uid,
            status=status.value,
            note=stated,
            now=now(),
        )
        if not decided:  # decided meanwhile: the chain lock orders the two
            raise Conflict("request: already decided", field="request")

    await db.write_tx(work)
    return await _request(db, request_uid)


async def list_requests(
    *, db: Database, actor: Actor, first: int, after: str | None
) -> RequestPage:
    """The requests the actor made and those about nominals they manage, newest first; a
    CONSULT of the nominals the page names."""
    paging.check_page_size(first)
    offset = 0
    if after is not None:
        (position,) = paging.decode_cursor(after, CONNECTION, int)
        offset = int(str(position)) + 1
    total, rows = await queries.visible_page(
        db, officer_uid=actor.uid, offset=offset, limit=first + 1
    )
    edges = [
        (paging.encode_cursor(CONNECTION, offset + i), row) for i, row in enumerate(rows[:first])
    ]
    named = [n["uid"] for _, row in edges for n in (row["holder"], row["other"]) if n]
    await record_consultation(
        db=db, actor=actor, nominal_uids=list(dict.fromkeys(named)), purpose=LIST_PURPOSE
    )
    return RequestPage(total=total, edges=edges, has_next=len(rows) > first)


def evidence_shown(actor: Actor, row: Row) -> list[str]:
    """The evidence a request names, shown to its requester once granted: nobody else, and
    nothing before a grant."""
    requester = row.get("requester") or {}
    if requester.get("uid") != actor.uid or row["status"] != DisclosureStatus.GRANTED.value:
        return []
    return list(row.get("evidence") or [])


async def records_with_grants(
    *,
    db: Database,
    loaders: RecordLoaders,
    actor: Actor,
    nominal_uid: str,
    kinds: Sequence[str] | None,
    from_: datetime.date | None,
    to: datetime.date | None,
    first: int,
    purpose: str | None,
) -> list[RecordView]:
    """A consulted nominal's record list (resolvers/records.py `nominal_records`) in which an
    entry disclosed to the reader by a granted request is read in full, audited as one DISCLOSE
    event with the consultation's `purpose`. Without a purpose there is no consultation to
    attach the disclosure to, so grants do not count and such an entry stays a stub."""
    views = await nominal_records(
        loaders=loaders,
        actor=actor,
        nominal_uid=nominal_uid,
        kinds=kinds,
        from_=from_,
        to=to,
        first=first,
        grants=purpose is not None,
    )
    if purpose is not None:
        await record_granted_reads(db=db, actor=actor, views=views, purpose=purpose)
    return views
