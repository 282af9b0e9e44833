"""Refused attempts are audited: an operation refused as FORBIDDEN is recorded in the hash chain
as a REFUSED event BY the officer who tried, CONCERNING the nominals its arguments named, with
the operation and the reason in its purpose."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.db import Database
from graph.queries.refusals import append_refusal
from resolvers.actor import Actor
from resolvers.audit import MAX_PURPOSE_LENGTH
from resolvers.errors import echo

NOMINAL = "Nominal"
TRANSFER = "Transfer"
SUBJECT_ACCESS_REQUEST = "SubjectAccessRequest"


@dataclass
class NamedInAttempt:
    """What an attempt's arguments name: visorRefs, and nodes by (type name, uid)."""

    visor_refs: list[str] = field(default_factory=list)
    nodes: list[tuple[str, str]] = field(default_factory=list)


def refusal_purpose(operation: str, reason: str) -> str:
    """`refused <operation>: <reason>`, within the length of any purpose."""
    text = f"refused {operation}: {reason}"
    if len(text) <= MAX_PURPOSE_LENGTH:
        return text
    return f"refused {echo(operation)}: {reason}"[: MAX_PURPOSE_LENGTH - 1] + "…"


async def record_refusal(
    *, db: Database, actor: Actor, operation: str, reason: str, named: NamedInAttempt
) -> None:
    """One REFUSED event (one write transaction) for a refused attempt at `operation`."""

    def uids(*types: str, other: bool = False) -> list[str]:
        known = {NOMINAL, TRANSFER, SUBJECT_ACCESS_REQUEST}
        return [
            uid
            for type_name, uid in named.nodes
            if (type_name not in known if other else type_name in types)
        ]

    await append_refusal(
        db,
        officer_uid=actor.uid,
        purpose=refusal_purpose(operation, reason),
        visor_refs=named.visor_refs,
        nominal_uids=uids(NOMINAL),
        # Any other type of node is taken for a record (of one of its kinds): a uid of
        # something else (an agency, an officer) names no nominal.
        record_uids=uids(other=True),
        transfer_uids=uids(TRANSFER),
        request_uids=uids(SUBJECT_ACCESS_REQUEST),
    )
