"""All shortest paths between two nominals over visible links, never through hidden evidence.

The traversal is breadth-first in Neo4j, one parameterised query per hop (graph/queries/links.py)
from the whole frontier at once, so round trips grow with `maxHops`, never with the number of
nominals; each hop's co-mentions are decided by the record access rule before the next hop, so
a hidden link is never walked through. The shortest paths are read back from the hop layers."""

from __future__ import annotations

import datetime

from graph.db import Database
from loaders.records import RecordLoaders
from resolvers.actor import Actor
from resolvers.analysis import limits
from resolvers.analysis.access import require_analysis_access
from resolvers.analysis.hops import Step, hop
from resolvers.analysis.model import HiddenLink, Link, LinkGraph
from resolvers.analysis.results import finish, start_nominals
from resolvers.audit import require_purpose
from resolvers.errors import BadUserInput


async def paths(
    *,
    db: Database,
    loaders: RecordLoaders,
    actor: Actor,
    from_ref: str,
    to_ref: str,
    max_hops: int,
    via: list[str] | None,
    at: datetime.date | None,
    purpose: str | None,
) -> LinkGraph:
    stated = require_purpose(purpose)
    limits.check_bound("maxHops", max_hops, low=1, high=limits.MAX_HOPS)
    kinds = limits.check_kinds(via)
    start, end = await start_nominals(db=db, refs=[from_ref, to_ref], field="from")
    if start["uid"] == end["uid"]:
        raise BadUserInput("to: the same nominal as from", field="to")
    await require_analysis_access(loaders=loaders, actor=actor, start_uids=[start["uid"]])
    step = Step(kinds=kinds, from_=at, to=at, limit_field="maxHops")
    nominals = {start["uid"]: start, end["uid"]: end}
    parents: dict[str, list[Link]] = {start["uid"]: []}
    hidden: list[HiddenLink] = []
    frontier = [start["uid"]]
    for _ in range(max_hops):
        found = await hop(db=db, loaders=loaders, actor=actor, frontier=frontier, step=step)
        hidden.extend(found.hidden)
        nominals.update(found.nominals)
        reached: dict[str, list[Link]] = {}
        for link in found.links:
            if link.target not in parents:
                reached.setdefault(link.target, []).append(link)
        parents.update(reached)
        if end["uid"] in reached or not reached:
            break
        frontier = sorted(reached)
        if len(parents) > limits.MAX_NODES:
            raise BadUserInput(
                f"maxHops: the search reached more than {limits.MAX_NODES} nominals before "
                "finding a path; ask for fewer hops or kinds",
                field="maxHops",
            )
    routes = _routes(parents, start["uid"], end["uid"])
    on_paths = {uid for route in routes for uid in route} or {start["uid"], end["uid"]}
    graph = LinkGraph(
        nominals={uid: nominals[uid] for uid in on_paths},
        links=[
            link for uid in on_paths for link in parents.get(uid, []) if link.source in on_paths
        ],
        hidden=[h for h in hidden if h.holder in on_paths or h.other in on_paths],
        paths=routes,
    )
    for h in graph.hidden:
        graph.nominals.setdefault(h.holder, nominals[h.holder])
        graph.nominals.setdefault(h.other, nominals[h.other])
    return await finish(db=db, actor=actor, graph=graph, purpose=stated)


def _routes(parents: dict[str, list[Link]], start: str, end: str) -> list[list[str]]:
    """Every shortest route from start to end (at most MAX_PATHS), in a stable order."""
    if end not in parents:
        return []
    routes: list[list[str]] = []

    def walk(uid: str, tail: list[str]) -> None:
        if len(routes) >= limits.MAX_PATHS:
            return
        if uid == start:
            routes.append([uid, *tail])
            return
        for before in sorted({link.source for link in parents[uid]}):
            walk(before, [uid, *tail])

    walk(end, [])
    return routes
