"""All shortest paths between two nominals over visible links, never through hidden evidence.

The traversal is a breadth-first search in Neo4j from both ends, one parameterised query per hop
(graph/queries/links.py) from one side's whole frontier at once, so round trips grow with
`maxHops`, never with the number of nominals. Each end takes the first step from its side (so
both ends' hidden links are found), then the side with the smaller frontier steps, until the
two searches meet, one of them runs out of nominals, or the hops add up to `maxHops`: a path
of four hops is two steps from each end rather than four from one, whose last frontier is the
largest. Each step leaves out the links back to nominals its side has reached, and its
co-mentions are decided by the record access rule before the next step, so a hidden link is
never walked through. The shortest paths are read back from the two sides' layers.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace

from graph.db import Database
from loaders.records import RecordLoaders
from resolvers.actor import Actor
from resolvers.analysis import limits
from resolvers.analysis.access import require_analysis_access
from resolvers.analysis.hops import Step, hop, nominal_rows
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
    found = await search(
        db=db,
        loaders=loaders,
        actor=actor,
        start=start["uid"],
        end=end["uid"],
        step=step,
        max_hops=max_hops,
    )
    dag = found.paths
    routes = dag.routes(start["uid"], end["uid"])
    on_paths = {uid for route in routes for uid in route} or {start["uid"], end["uid"]}
    hidden = [h for h in found.hidden if h.holder in on_paths or h.other in on_paths]
    named = on_paths | {h.holder for h in hidden} | {h.other for h in hidden}
    graph = LinkGraph(
        nominals=await nominal_rows(db=db, uids=named, step=step),
        links=[link for link in dag.links() if {link.source, link.target} <= on_paths],
        hidden=hidden,
        paths=routes,
    )
    return await finish(db=db, actor=actor, graph=graph, purpose=stated)


@dataclass
class Search:
    """What the two searches found: the shortest paths where they met (none when they did not)
    and the hidden links they came upon."""

    paths: _ShortestPaths
    hidden: list[HiddenLink]

    @property
    def length(self) -> int | None:
        """The shortest paths' length in hops (None when there is no path)."""
        if not self.paths.meeting:
            return None
        meet = self.paths.meeting[0]
        return _depth(self.paths.forward, meet) + _depth(self.paths.backward, meet)


async def search(
    *,
    db: Database,
    loaders: RecordLoaders,
    actor: Actor,
    start: str,
    end: str,
    step: Step,
    max_hops: int,
    within: list[str] | None = None,
) -> Search:
    """The breadth-first search from both ends (over links to `within` only, when given), at
    most `max_hops` steps; BAD_USER_INPUT naming maxHops when it reaches more than MAX_NODES
    nominals without the two sides meeting."""
    forward, backward = _Side(start), _Side(end)
    hidden: list[HiddenLink] = []
    meeting: list[str] = []
    for taken in range(max_hops):
        side, other = _next_side(forward, backward, taken)
        found = await hop(
            db=db,
            loaders=loaders,
            actor=actor,
            frontier=side.frontier,
            step=step,
            within=within,
            seen=sorted(side.parents),
        )
        hidden.extend(found.hidden)
        reached: dict[str, list[Link]] = {}
        for link in found.links:
            if link.target not in side.parents:
                reached.setdefault(link.target, []).append(link)
        side.parents.update(reached)
        side.frontier = sorted(reached)
        meeting = [uid for uid in side.frontier if uid in other.parents]
        if meeting or not reached:
            break
        if len(forward.parents) + len(backward.parents) > limits.MAX_NODES:
            raise BadUserInput(
                f"maxHops: the search reached more than {limits.MAX_NODES} nominals before "
                "finding a path; ask for fewer hops or kinds",
                field="maxHops",
            )
    return Search(_ShortestPaths(forward, backward, meeting), hidden)


def _depth(side: _Side, uid: str) -> int:
    """How many links from the side's end `uid` is (following one parent link per layer)."""
    depth = 0
    while uid != side.root:
        uid = side.parents[uid][0].source
        depth += 1
    return depth


@dataclass
class _Side:
    """One end's search: each nominal it has reached, with the links that reached it from the
    layer before (pointing away from this end), and its last layer, the next frontier."""

    root: str
    parents: dict[str, list[Link]] = field(default_factory=dict)
    frontier: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.parents[self.root] = []
        self.frontier = [self.root]


def _next_side(forward: _Side, backward: _Side, taken: int) -> tuple[_Side, _Side]:
    """The side that steps next, and the other: each end first, then the smaller frontier (the
    start's on a tie)."""
    if taken == 1 or (taken > 1 and len(backward.frontier) < len(forward.frontier)):
        return backward, forward
    return forward, backward


@dataclass
class _ShortestPaths:
    """The shortest paths' links where the two searches met: the start's side up to the meeting
    nominals, the end's side from them (its links turned to point from the start to the end)."""

    forward: _Side
    backward: _Side
    meeting: list[str]
    towards_end: dict[str, set[str]] = field(default_factory=dict)
    """A nominal on the end's side of a shortest path → its neighbours one step nearer the start."""

    def __post_init__(self) -> None:
        todo, done = list(self.meeting), set(self.meeting)
        while todo:
            uid = todo.pop()
            for link in self.backward.parents[uid]:
                self.towards_end.setdefault(link.source, set()).add(uid)
                if link.source not in done:
                    done.add(link.source)
                    todo.append(link.source)

    def before(self, uid: str) -> set[str]:
        """The nominals one step nearer the start on a shortest path through `uid`."""
        if uid in self.forward.parents:
            return {link.source for link in self.forward.parents[uid]}
        return self.towards_end.get(uid, set())

    def links(self) -> list[Link]:
        """Every link of every shortest path, each pointing from the start to the end."""
        ahead = [link for links in self.forward.parents.values() for link in links]
        behind = [
            replace(link, source=link.target, target=link.source)
            for links in self.backward.parents.values()
            for link in links
        ]
        return ahead + behind

    def routes(self, start: str, end: str) -> list[list[str]]:
        """Every shortest route from start to end (at most MAX_PATHS), in a stable order."""
        routes: list[list[str]] = []
        if not self.meeting:
            return routes

        def walk(uid: str, tail: list[str]) -> None:
            if len(routes) >= limits.MAX_PATHS:
                return
            if uid == start:
                routes.append([uid, *tail])
                return
            for before in sorted(self.before(uid)):
                walk(before, [uid, *tail])

        walk(end, [])
        return routes
