"""`rank` and `communities`: the network the `network` analysis fetches (its `collect`, under
the node cap, with the same `via` and time window), measured by networkx in a worker thread.
One COMBINE event names every nominal of the network the measure combined."""

from __future__ import annotations

import asyncio
import datetime
from dataclasses import dataclass

from graph.db import Database, Row
from loaders.records import RecordLoaders
from resolvers.actor import Actor
from resolvers.analysis import centrality, limits
from resolvers.analysis.network import fetch_network
from resolvers.analysis.results import record_combination

DEFAULT_RANKED = 20


@dataclass(frozen=True)
class Ranked:
    nominal: Row
    score: float


@dataclass(frozen=True)
class Ranking:
    ranked: list[Ranked]
    sampled: bool
    network_size: int


async def rank(
    *,
    db: Database,
    loaders: RecordLoaders,
    actor: Actor,
    seed: list[str],
    depth: int,
    metric: str,
    limit: int,
    via: list[str] | None,
    from_: datetime.date | None,
    to: datetime.date | None,
    purpose: str | None,
) -> Ranking:
    """The `limit` highest-scoring nominals of the network, ties by visorRef."""
    limits.check_bound("limit", limit, low=1, high=limits.MAX_NODES)
    graph, stated = await fetch_network(
        db=db,
        loaders=loaders,
        actor=actor,
        seed=seed,
        depth=depth,
        via=via,
        from_=from_,
        to=to,
        limit=limits.MAX_NODES,
        limit_field="depth",
        purpose=purpose,
    )
    g = centrality.simple_graph(graph)
    scores = await asyncio.to_thread(centrality.centrality, g, metric)
    order = sorted(
        graph.nominals, key=lambda uid: (-scores.by_uid[uid], str(graph.nominals[uid]["visorRef"]))
    )
    await record_combination(db=db, actor=actor, nominal_uids=graph.nominal_uids(), purpose=stated)
    return Ranking(
        ranked=[Ranked(graph.nominals[uid], scores.by_uid[uid]) for uid in order[:limit]],
        sampled=scores.sampled,
        network_size=len(graph.nominals),
    )


async def communities(
    *,
    db: Database,
    loaders: RecordLoaders,
    actor: Actor,
    seed: list[str],
    depth: int,
    via: list[str] | None,
    from_: datetime.date | None,
    to: datetime.date | None,
    purpose: str | None,
) -> list[list[Row]]:
    """The Louvain communities of the network, largest first, members by visorRef."""
    graph, stated = await fetch_network(
        db=db,
        loaders=loaders,
        actor=actor,
        seed=seed,
        depth=depth,
        via=via,
        from_=from_,
        to=to,
        limit=limits.MAX_NODES,
        limit_field="depth",
        purpose=purpose,
    )
    g = centrality.simple_graph(graph)
    found = await asyncio.to_thread(centrality.communities, g)
    await record_combination(db=db, actor=actor, nominal_uids=graph.nominal_uids(), purpose=stated)
    members = [
        sorted((graph.nominals[uid] for uid in c), key=lambda row: str(row["visorRef"]))
        for c in found
    ]
    return sorted(members, key=lambda c: (-len(c), str(c[0]["visorRef"])))
