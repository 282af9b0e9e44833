"""The ego network of one or more nominals: every nominal within `depth` visible links, and the
links among them, in a time window; hidden links show at their visible ends and are never
traversed. One query per hop (leaving out the links back to earlier rings, fetched from their
side already), plus one for the links among the last ring and one for the nominals' properties,
read once the network is known to be under its cap."""

from __future__ import annotations

import datetime

from graph.db import Database
from loaders.records import RecordLoaders
from resolvers.actor import Actor
from resolvers.analysis import limits
from resolvers.analysis.access import require_analysis_access
from resolvers.analysis.hops import Step, hop, nominal_rows
from resolvers.analysis.model import LinkGraph
from resolvers.analysis.results import finish, start_nominals
from resolvers.audit import require_purpose
from resolvers.errors import BadUserInput

DEFAULT_LIMIT = 200


def check_network(
    *,
    seed: list[str],
    depth: int,
    limit: int,
    from_: datetime.date | None,
    to: datetime.date | None,
) -> list[str]:
    """The distinct seeds, the arguments checked (BAD_USER_INPUT naming the one out of bounds)."""
    refs = list(dict.fromkeys(seed))
    limits.check_bound("seed", len(refs), low=1, high=limits.MAX_SEEDS)
    limits.check_bound("depth", depth, low=1, high=limits.MAX_DEPTH)
    limits.check_bound("limit", limit, low=1, high=limits.MAX_NODES)
    limits.check_window(from_, to)
    return refs


async def collect(
    *,
    db: Database,
    loaders: RecordLoaders,
    actor: Actor,
    seed_uids: list[str],
    seeds: LinkGraph,
    depth: int,
    step: Step,
    limit: int,
) -> LinkGraph:
    """The network around the seeds, at most `limit` nominals (BAD_USER_INPUT naming
    `step.limit_field` past it)."""
    graph = LinkGraph()
    named = set(seeds.nominals)
    visited = set(seed_uids)
    frontier = sorted(seed_uids)
    for ring in range(depth + 1):
        last = ring == depth
        found = await hop(
            db=db,
            loaders=loaders,
            actor=actor,
            frontier=frontier,
            step=step,
            within=sorted(visited) if last else None,
            # The earlier rings' links were all fetched when those rings were the frontier.
            seen=sorted(visited.difference(frontier)),
        )
        graph.links.extend(found.links)
        graph.hidden.extend(found.hidden)
        named |= found.others
        if last:
            break
        reached = {link.target for link in found.links} - visited
        visited |= reached
        if len(named) > limit:
            hint = (
                f"raise limit (at most {limits.MAX_NODES})"
                if limit < limits.MAX_NODES
                else "name fewer seeds or follow fewer link kinds (via) or a narrower window"
            )
            raise BadUserInput(
                f"{step.limit_field}: the network has more than {limit} nominals within depth "
                f"{depth}; lower the depth or {hint}",
                field=step.limit_field,
            )
        frontier = sorted(reached)
    fetched = await nominal_rows(db=db, uids=named.difference(seeds.nominals), step=step)
    graph.nominals = {**seeds.nominals, **fetched}
    return graph


async def fetch_network(
    *,
    db: Database,
    loaders: RecordLoaders,
    actor: Actor,
    seed: list[str],
    depth: int,
    via: list[str] | None,
    from_: datetime.date | None,
    to: datetime.date | None,
    limit: int,
    limit_field: str,
    purpose: str | None,
) -> tuple[LinkGraph, str]:
    """The network around the seeds, checked and collected under the access rule, and the
    stated purpose; a network over `limit` nominals is BAD_USER_INPUT naming `limit_field`."""
    stated = require_purpose(purpose)
    refs = check_network(seed=seed, depth=depth, limit=limit, from_=from_, to=to)
    kinds = limits.check_kinds(via)
    starts = await start_nominals(db=db, refs=refs, field="seed")
    seed_uids = [row["uid"] for row in starts]
    await require_analysis_access(loaders=loaders, actor=actor, start_uids=seed_uids)
    graph = await collect(
        db=db,
        loaders=loaders,
        actor=actor,
        seed_uids=seed_uids,
        seeds=LinkGraph(nominals={row["uid"]: row for row in starts}),
        depth=depth,
        step=Step(kinds=kinds, from_=from_, to=to, limit_field=limit_field),
        limit=limit,
    )
    return graph, stated


async def network(
    *,
    db: Database,
    loaders: RecordLoaders,
    actor: Actor,
    seed: list[str],
    depth: int,
    via: list[str] | None,
    from_: datetime.date | None,
    to: datetime.date | None,
    limit: int,
    purpose: str | None,
) -> LinkGraph:
    graph, stated = await fetch_network(
        db=db,
        loaders=loaders,
        actor=actor,
        seed=seed,
        depth=depth,
        via=via,
        from_=from_,
        to=to,
        limit=limit,
        limit_field="limit",
        purpose=purpose,
    )
    return await finish(db=db, actor=actor, graph=graph, purpose=stated)
