"""Audited consultations: every read of a nominal's record names its purpose and is logged."""

from __future__ import annotations

from collections.abc import Sequence

from graph.audit_chain import append_event
from graph.db import Database
from resolvers.actor import Actor
from resolvers.errors import BadUserInput
from resolvers.validation import clean_text

MAX_PURPOSE_LENGTH = 500


def require_purpose(purpose: str | None) -> str:
    text = (purpose or "").strip()
    if not text:
        raise BadUserInput(
            "purpose: reading a nominal's record needs a stated purpose "
            "(the `purpose` argument or the X-Visor-Purpose header)",
            field="purpose",
        )
    if len(text) > MAX_PURPOSE_LENGTH:
        raise BadUserInput(
            f"purpose: at most {MAX_PURPOSE_LENGTH} characters, got {len(text)}", field="purpose"
        )
    return clean_text("purpose", text, single_line=True)


async def record_disclosure(
    *, db: Database, actor: Actor, nominal_uids: list[str], purpose: str
) -> None:
    """One DISCLOSE event: the officer read entries disclosed to them (a link disclosure)."""
    await db.write_tx(
        lambda tx: append_event(
            tx, action="DISCLOSE", officer_uid=actor.uid, nominal_uids=nominal_uids, purpose=purpose
        )
    )


async def record_consultation(
    *,
    db: Database,
    actor: Actor,
    nominal_uids: list[str],
    purpose: str,
    visor_refs: Sequence[str] = (),
) -> None:
    """One CONSULT event naming the officer, the nominals read, the purpose and the time. The
    nominals of `visor_refs` are found by the event's own query, so that the event can be
    appended beside the read of them; nothing is appended when they name none."""
    if not nominal_uids and not visor_refs:
        return
    await db.write_tx(
        lambda tx: append_event(
            tx,
            action="CONSULT",
            officer_uid=actor.uid,
            nominal_uids=nominal_uids,
            visor_refs=visor_refs,
            purpose=purpose,
        )
    )
