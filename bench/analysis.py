"""Link analysis on the demo graph: `paths` and `network` over HTTP, betweenness exact against
sampled, and the same shortest path by Cypher and by networkx.

    python -m bench.analysis [--nominals 100000] [--requests 40] [--seed 1]

Uses NEO4J_URI, or the local Neo4j (started if need be), on the demo world of that size (loaded
unless it is there), as the demo analyst PSOS-0003. Prints JSON; asserts nothing.

- `paths` (maxHops 4) and depth-2 `network` (limit 2000) over HTTP, p50/p95: `paths` between
  pairs known to be 2 to 4 links apart, and between random pairs (mostly unlinked: the whole
  4-hop search); `network` from random nominals (those past the 2000-nominal cap are refused
  with BAD_USER_INPUT, and counted).
- A subgraph of about 2,000 nominals, the union of the depth-2 networks of batches of 50
  random seeds (each as `network` fetches it) over SUBGRAPH_VIA. Shared addresses are left out:
  the demo's prisons, hospitals, hostels and approved premises gather hundreds of residents at
  a time, so any depth-2 network over them (even within a month) is past the 20,000-links cap
  from a few seeds, and a caseload is as large a clique of SHARED_MANAGER links. On it:
  betweenness exact and sampled by networkx (BETWEENNESS_SAMPLE pivots, seed 0) over the whole
  subgraph, and as `rank` works it out (resolvers/analysis/centrality.py: component by
  component, exact in small ones, those pivots in large ones): the time ratios and the overlap
  of the top 20 with the exact ranking.
- Shortest paths between pairs of that subgraph: by Cypher (the breadth-first search from both
  ends `paths` runs, one link query per hop, kept to the subgraph's nominals and kinds) and by
  networkx on the extracted subgraph (alone, and with the extraction's time): lengths equal, and
  time ratios.

Progress goes to stderr.
"""

from __future__ import annotations

import asyncio
import random
import sys
import time
from typing import Any

import httpx
import networkx as nx

from bench.command import run_from_command_line
from bench.record_view import ensure_demo, summary
from graph.db import Database
from loaders.records import build_record_loaders
from resolvers.actor import Actor, load_actor
from resolvers.analysis import centrality, limits
from resolvers.analysis.hops import Step
from resolvers.analysis.model import LinkGraph
from resolvers.analysis.network import collect
from resolvers.analysis.paths import search
from resolvers.analysis.results import start_nominals
from resolvers.errors import BadUserInput
from visor.app import create_app
from visor.runtime import database
from visor.serving import serving
from visor.settings import Settings
from visor.tokens import issue_token

ANALYST = "PSOS-0003"
TOP = 20
SUBGRAPH_VIA = ["ASSOCIATION", "CO_MENTION"]
SUBGRAPH_BATCHES = 40
PATHS = """query($a: String!, $b: String!) { paths(from: $a, to: $b, maxHops: 4,
  purpose: "bench") { paths { hops } nodes { visorRef } } }"""
NETWORK = """query($s: [String!]!) { network(seed: $s, depth: 2, limit: 2000,
  purpose: "bench") { nodes { visorRef } links { kind } hiddenLinks { id } } }"""


async def _refs(db: Database) -> list[str]:
    rows = await db.read("MATCH (n:Nominal) RETURN n.visorRef AS ref ORDER BY ref")
    return [row["ref"] for row in rows]


async def _network(db: Database, actor: Actor, refs: list[str]) -> tuple[LinkGraph, float]:
    """The depth-2 network of `refs` as `network` fetches it (over SUBGRAPH_VIA), and the
    seconds."""
    started = time.perf_counter()
    starts = await start_nominals(db=db, refs=refs, field="seed")
    graph = await collect(
        db=db,
        loaders=build_record_loaders(db),
        actor=actor,
        seed_uids=[row["uid"] for row in starts],
        seeds=LinkGraph(nominals={row["uid"]: row for row in starts}),
        depth=2,
        step=Step(kinds=SUBGRAPH_VIA, from_=None, to=None, limit_field="limit"),
        limit=limits.MAX_NODES,
    )
    return graph, time.perf_counter() - started


async def _subgraph(
    db: Database, actor: Actor, refs: list[str], rng: random.Random, target: int
) -> tuple[LinkGraph, float, int]:
    """The union of the depth-2 networks of batches of MAX_SEEDS random seeds (each as
    `network` fetches it), until it holds `target` nominals or SUBGRAPH_BATCHES are fetched; a
    batch past a cap is drawn again, up to 5 times in all. The seconds, and the seeds used."""
    union = LinkGraph()
    seconds, seeds_used, misses, batches = 0.0, 0, 0, 0
    unused = rng.sample(refs, len(refs))
    while len(union.nominals) < target and unused and batches < SUBGRAPH_BATCHES and misses < 5:
        seeds, unused = unused[: limits.MAX_SEEDS], unused[limits.MAX_SEEDS :]
        try:
            graph, took = await _network(db, actor, seeds)
        except BadUserInput:
            misses += 1
            continue
        batches += 1
        seconds += took
        seeds_used += len(seeds)
        union.nominals.update(graph.nominals)
        union.links.extend(graph.links)
        _say(f"analysis: {seeds_used} seeds, {len(union.nominals)} nominals ({seconds:.1f} s)")
    return union, seconds, seeds_used


async def _cypher_length(
    db: Database, actor: Actor, start: str, end: str, within: list[str]
) -> int | None:
    """The shortest path's length by `paths`' search (one link query per hop), kept to
    `within` and SUBGRAPH_VIA: the same links networkx is given."""
    step = Step(kinds=SUBGRAPH_VIA, from_=None, to=None, limit_field="maxHops")
    found = await search(
        db=db,
        loaders=build_record_loaders(db),
        actor=actor,
        start=start,
        end=end,
        step=step,
        max_hops=limits.MAX_HOPS * 2,
        within=within,
    )
    return found.length


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _overlap(exact: dict[str, float], sampled: dict[str, float]) -> float:
    def top(scores: dict[str, float]) -> set[str]:
        return {uid for uid, _ in sorted(scores.items(), key=lambda x: (-x[1], x[0]))[:TOP]}

    return round(len(top(exact) & top(sampled)) / TOP, 3)


def _http(url: str, token: str, query: str, variables: dict[str, Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    body = httpx.post(
        f"{url}/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {token}"},
        timeout=120,
    ).json()
    return (time.perf_counter() - started) * 1000, body


def _codes(body: Any) -> list[str]:
    return [e.get("extensions", {}).get("code", "") for e in body.get("errors") or []]


def run(settings: Settings, uri: str, *, nominals: int, requests: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)

    async def prepare() -> dict[str, Any]:
        db = database(settings, uri)
        try:
            await ensure_demo(db, nominals)
            refs = await _refs(db)
            actor = await load_actor(db=db, staff_id=ANALYST)
            _say("analysis: fetching the subgraph ...")
            graph, fetch_seconds, seeds = await _subgraph(db, actor, refs, rng, 2000)
            g = centrality.simple_graph(graph)
            _say(f"analysis: betweenness on {g.number_of_nodes()} nominals ...")
            started = time.perf_counter()
            exact = nx.betweenness_centrality(g)
            exact_seconds = time.perf_counter() - started
            k = min(centrality.BETWEENNESS_SAMPLE, g.number_of_nodes())
            started = time.perf_counter()
            sampled = nx.betweenness_centrality(g, k=k, seed=0)
            sampled_seconds = time.perf_counter() - started
            started = time.perf_counter()
            by_rank, estimated = centrality.betweenness(g)
            rank_seconds = time.perf_counter() - started
            giant = max(nx.connected_components(g), key=len) if g.number_of_nodes() else set()
            components = nx.number_connected_components(g) if g.number_of_nodes() else 0
            members = sorted(giant)
            uid_ref = {uid: str(row["visorRef"]) for uid, row in graph.nominals.items()}
            pairs = [rng.sample(members, 2) for _ in range(requests)] if len(giant) > 1 else []
            within = sorted(graph.nominals)
            cypher, networkx_times, equal, lengths = [], [], 0, []
            _say(f"analysis: {len(pairs)} shortest paths by Cypher and networkx ...")
            for a, b in pairs:
                started = time.perf_counter()
                by_cypher = await _cypher_length(db, actor, a, b, within)
                cypher.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                by_networkx = nx.shortest_path_length(g, a, b)
                networkx_times.append((time.perf_counter() - started) * 1000)
                equal += by_cypher == by_networkx
                lengths.append(by_networkx)
            near = [
                (uid_ref[a], uid_ref[b])
                for a, b in pairs
                if 2 <= nx.shortest_path_length(g, a, b) <= 4
            ]
        finally:
            await db.close()
        ratio = exact_seconds / sampled_seconds if sampled_seconds else None
        cypher_summary = summary(cypher) if cypher else {}
        nx_summary = summary(networkx_times) if networkx_times else {}
        return {
            "refs": refs,
            "near": near,
            "subgraph": {
                "nominals": g.number_of_nodes(),
                "edges": g.number_of_edges(),
                "seeds": seeds,
                "via": SUBGRAPH_VIA,
                "fetch_ms": round(fetch_seconds * 1000, 1),
            },
            "betweenness": {
                "exact_ms": round(exact_seconds * 1000, 1),
                "sampled_ms": round(sampled_seconds * 1000, 1),
                "pivots": k,
                "speedup": round(ratio, 1) if ratio else None,
                "top20_overlap": _overlap(exact, sampled),
                "components": components,
                "largest_component": len(giant),
                "rank": {
                    "ms": round(rank_seconds * 1000, 1),
                    "estimated": estimated,
                    "speedup": round(exact_seconds / rank_seconds, 1) if rank_seconds else None,
                    "top20_overlap": _overlap(exact, by_rank),
                },
            },
            "shortest_path": {
                "pairs": len(pairs),
                "equal_lengths": equal,
                "lengths": dict(sorted((str(n), lengths.count(n)) for n in set(lengths))),
                "cypher": cypher_summary,
                "networkx": nx_summary,
                "networkx_with_fetch_p50_ms": round(
                    nx_summary.get("p50_ms", 0) + fetch_seconds * 1000, 1
                ),
                "cypher_p50_over_networkx_p50": _ratio(nx_summary, cypher_summary),
                "networkx_with_fetch_over_cypher_p50": _ratio(
                    cypher_summary,
                    {"p50_ms": nx_summary.get("p50_ms", 0) + fetch_seconds * 1000},
                ),
            },
        }

    found = asyncio.run(prepare())
    refs, near = found.pop("refs"), found.pop("near")
    token = issue_token(settings.secret, ANALYST)
    random_pairs = [rng.sample(refs, 2) for _ in range(requests)]
    figures: dict[str, Any] = {}
    with serving(create_app(settings, uri=uri)) as url:
        for name, pairs in (("paths_near", near), ("paths_random", random_pairs)):
            times, found_paths, refused = [], 0, []
            _say(f"analysis: {len(pairs)} `paths` requests ({name}) ...")
            for a, b in pairs:
                ms, body = _http(url, token, PATHS, {"a": a, "b": b})
                if body.get("errors"):
                    refused.append(ms)
                    continue
                times.append(ms)
                found_paths += bool(body["data"]["paths"]["paths"])
            figures[name] = {
                **(summary(times) if times else {}),
                "requests": len(pairs),
                "with_a_path": found_paths,
                "refused": len(refused),
                "refused_ms": summary(refused) if refused else {},
            }
        times, sizes, refused = [], [], []
        _say(f"analysis: {min(requests, len(refs))} `network` requests ...")
        for ref in rng.sample(refs, min(requests, len(refs))):
            ms, body = _http(url, token, NETWORK, {"s": [ref]})
            if body.get("errors"):
                assert _codes(body) == ["BAD_USER_INPUT"], body
                refused.append(ms)
                continue
            times.append(ms)
            sizes.append(len(body["data"]["network"]["nodes"]))
        figures["network_depth2"] = {
            **(summary(times) if times else {}),
            "requests": min(requests, len(refs)),
            "refused_over_cap": len(refused),
            "refused_ms": summary(refused) if refused else {},
            "median_nominals": sorted(sizes)[len(sizes) // 2] if sizes else 0,
            "max_nominals": max(sizes, default=0),
        }
    return {
        "benchmark": "analysis",
        "nominals": nominals,
        "http": figures,
        **found,
    }


def _ratio(fast: dict[str, float], slow: dict[str, float]) -> float | None:
    """How many times `slow` takes `fast`'s p50."""
    if not fast or not slow or not fast.get("p50_ms"):
        return None
    return round(slow["p50_ms"] / fast["p50_ms"], 2)


def _answered(figures: dict[str, Any], refused: int) -> str:
    """p50 and p95 of the answers, and of the refusals when there were any."""
    answered = f"p50 {figures.get('p50_ms')} ms, p95 {figures.get('p95_ms')} ms"
    if not refused:
        return answered
    timed = figures["refused_ms"]
    return (
        f"{answered}; {refused}/{figures['requests']} refused over a cap "
        f"(p50 {timed['p50_ms']} ms, p95 {timed['p95_ms']} ms)"
    )


def headlines(result: dict[str, Any]) -> list[tuple[str, str]]:
    http, between, path = result["http"], result["betweenness"], result["shortest_path"]
    where = f"{result['nominals']:,} demo nominals"
    return [
        (
            f"`paths` (4 hops) between nominals 2-4 links apart, over HTTP ({where})",
            _answered(http["paths_near"], http["paths_near"]["refused"]),
        ),
        (
            "`network` (depth 2) from one nominal, over HTTP",
            _answered(http["network_depth2"], http["network_depth2"]["refused_over_cap"]),
        ),
        (
            f"betweenness on {result['subgraph']['nominals']} nominals, exact / sampled",
            f"{between['speedup']}x faster sampled, top-20 overlap {between['top20_overlap']}; "
            f"as `rank` works it out {between['rank']['speedup']}x faster, overlap "
            f"{between['rank']['top20_overlap']}",
        ),
        (
            "shortest path, Cypher search vs networkx on the fetched subgraph (p50)",
            f"{path['cypher'].get('p50_ms')} ms vs {path['networkx'].get('p50_ms')} ms "
            f"({path['equal_lengths']}/{path['pairs']} equal lengths)",
        ),
    ]


DEFAULTS: dict[str, Any] = {"nominals": 100_000, "requests": 40, "seed": 1}
QUICK: dict[str, Any] = {"nominals": 200, "requests": 4, "seed": 1}


def main() -> None:
    run_from_command_line(sys.modules[__name__])


if __name__ == "__main__":
    main()
