"""Finishing an analysis: the nominals it starts from, whom to ask about each hidden link, and
the one COMBINE audit event naming every nominal in the result."""

from __future__ import annotations

from dataclasses import replace

from graph.audit_chain import append_event
from graph.db import Database, Row
from graph.queries import links as queries
from resolvers.actor import Actor
from resolvers.analysis.model import HiddenLink, Link, LinkGraph
from resolvers.errors import NotFound, quoted


async def start_nominals(*, db: Database, refs: list[str], field: str) -> list[Row]:
    """The nominals named by visorRef, in order; NOT_FOUND naming `field` for an unknown one."""
    found = await queries.nominals_by_ref(db, refs)
    for ref in refs:
        if ref not in found:
            raise NotFound(f"{field}: no nominal {quoted(ref)}", field=field)
    return [found[ref] for ref in refs]


def distinct_links(links: list[Link]) -> list[Link]:
    """Each link once (a link found from both its ends is one link), in a stable order."""
    by_key: dict[tuple[str, str, str, str], Link] = {}
    for link in links:
        by_key.setdefault(link.key(), link)
    return [by_key[key] for key in sorted(by_key)]


def distinct_hidden(hidden: list[HiddenLink]) -> list[HiddenLink]:
    """One hidden link per (holder, other) pair, however many hidden entries back it."""
    by_pair = {(h.holder, h.other): h for h in hidden}
    return [by_pair[pair] for pair in sorted(by_pair)]


async def finish(*, db: Database, actor: Actor, graph: LinkGraph, purpose: str) -> LinkGraph:
    """The graph with each hidden link's holder's current manager, after writing the COMBINE
    event that names every nominal in it."""
    graph.links = distinct_links(graph.links)
    graph.hidden = distinct_hidden(graph.hidden)
    if graph.hidden:
        managers = await queries.current_managers(db, sorted({h.holder for h in graph.hidden}))
        graph.hidden = [replace(h, ask_manager=managers.get(h.holder)) for h in graph.hidden]
    await record_combination(db=db, actor=actor, nominal_uids=graph.nominal_uids(), purpose=purpose)
    return graph


async def record_combination(
    *, db: Database, actor: Actor, nominal_uids: list[str], purpose: str
) -> None:
    """One COMBINE event (DPA 2018 s.62) naming the officer, every nominal the analysis
    combined, the purpose and the time; written as a CONSULT is (resolvers/audit.py)."""
    await db.write_tx(
        lambda tx: append_event(
            tx, action="COMBINE", officer_uid=actor.uid, nominal_uids=nominal_uids, purpose=purpose
        )
    )
