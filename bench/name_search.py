"""Misspelt names on the demo data: Neo4j full-text fuzzy terms (`term~`) against the
phonetic key of bench/phonetic_key.py stored beside the names.

    NEO4J_URI=bolt://127.0.0.1:7705 python -m bench.name_search

Needs a graph holding the demo world (`visor demo load`). Stores `nameKeys` on every nominal
(the property the writes would set) and indexes it, then, for every distinct demo surname,
asks with misspellings of it (a vowel changed, a doubled letter single, Mac and Mc swapped,
a letter dropped) and scores each method on the top 10 it returns: whether the surname meant
is found (recall), where its first hit ranks, and how many of the 10 carry it (precision).
"Phonetic + fuzzy" is the phonetic candidates ordered by their full-text fuzzy score. Prints
JSON.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import statistics
from typing import Any

from bench.phonetic_key import phonetic_key, phonetic_keys
from graph.db import Database, open_database

TOP = 10
VOWELS = "aeiou"


def misspellings(name: str) -> list[str]:
    """Deterministic misspellings of one surname, each differing from it."""
    lower = name.lower()
    found: list[str] = []
    vowel_at = [i for i, c in enumerate(lower) if c in VOWELS and i > 0]
    if vowel_at:
        i = vowel_at[-1]
        swapped = "e" if lower[i] != "e" else "a"
        found.append(lower[:i] + swapped + lower[i + 1 :])
    double = re.search(r"([a-z])\1", lower)
    if double:
        found.append(lower[: double.start()] + lower[double.start() + 1 :])
    if lower.startswith("mac"):
        found.append("mc" + lower[3:])
    elif lower.startswith("mc"):
        found.append("mac" + lower[2:])
    if len(lower) > 4:
        found.append(lower[:-2] + lower[-1])  # a letter dropped near the end
    return [f for f in dict.fromkeys(found) if f != lower and "'" not in f]


def lucene_fuzzy(word: str) -> str:
    return re.sub(r'([+\-&|!(){}\[\]^"~*?:\\/])', r"\\\1", word) + "~"


FUZZY = """
CALL db.index.fulltext.queryNodes('nominal_names', $lucene) YIELD node, score
RETURN node.lastName AS lastName, score ORDER BY score DESC, node.visorRef LIMIT $top
"""
PHONETIC = """
MATCH (n:Nominal) WHERE $key IN n.nameKeys
RETURN n.lastName AS lastName ORDER BY n.visorRef LIMIT $top
"""
PHONETIC_COUNT = "MATCH (n:Nominal) WHERE $key IN n.nameKeys RETURN count(n) AS n"
BOTH = """
MATCH (n:Nominal) WHERE $key IN n.nameKeys
WITH collect(n) AS candidates
CALL db.index.fulltext.queryNodes('nominal_names', $lucene) YIELD node, score
WITH candidates, collect({n: node, score: score}) AS fuzzy
UNWIND candidates AS c
WITH c, head([f IN fuzzy WHERE f.n = c | f.score]) AS score
RETURN c.lastName AS lastName, coalesce(score, 0.0) AS score
ORDER BY score DESC, c.visorRef LIMIT $top
"""


def same_name(one: str, other: str) -> bool:
    """The surname meant, or its Mac/Mc twin (the demo has both MacDonald and McDonald)."""
    return re.sub(r"^mac", "mc", one.lower()) == re.sub(r"^mac", "mc", other.lower())


def score(hits: list[str], meant: str) -> dict[str, Any]:
    ranks = [i + 1 for i, last in enumerate(hits) if same_name(last, meant)]
    return {
        "found": bool(ranks),
        "rank": ranks[0] if ranks else None,
        "precision": len(ranks) / len(hits) if hits else 0.0,
    }


def summary(scores: list[dict[str, Any]]) -> dict[str, Any]:
    found = [s for s in scores if s["found"]]
    return {
        "recall_at_10": round(len(found) / len(scores), 3),
        "first_hit_rank_mean": round(statistics.mean(s["rank"] for s in found), 2)
        if found
        else None,
        "first_hit_at_1": round(sum(1 for s in found if s["rank"] == 1) / len(scores), 3),
        "precision_at_10_mean": round(statistics.mean(s["precision"] for s in scores), 3),
    }


async def measure(db: Database) -> dict[str, Any]:
    people = await db.read(
        "MATCH (n:Nominal) RETURN n.uid AS uid, n.firstName AS first, "
        "n.middleNames AS middle, n.lastName AS last, n.aliases AS aliases"
    )
    rows = [
        {
            "uid": p["uid"],
            "keys": phonetic_keys(p["first"], p["middle"], p["last"], *(p["aliases"] or [])),
        }
        for p in people
    ]
    await db.write(
        "UNWIND $rows AS row MATCH (n:Nominal {uid: row.uid}) SET n.nameKeys = row.keys",
        rows=rows,
    )
    surnames = sorted({p["last"] for p in people})
    methods: dict[str, list[dict[str, Any]]] = {"fuzzy": [], "phonetic": [], "phonetic+fuzzy": []}
    candidates: list[int] = []
    examples: dict[str, dict[str, Any]] = {}
    for meant in surnames:
        for query in misspellings(meant):
            key = phonetic_key(query)
            fuzzy = [
                r["lastName"] for r in await db.read(FUZZY, lucene=lucene_fuzzy(query), top=TOP)
            ]
            phonetic = [r["lastName"] for r in await db.read(PHONETIC, key=key, top=TOP)]
            both = [
                r["lastName"]
                for r in await db.read(BOTH, key=key, lucene=lucene_fuzzy(query), top=TOP)
            ]
            candidates.append((await db.read(PHONETIC_COUNT, key=key))[0]["n"])
            results = {"fuzzy": fuzzy, "phonetic": phonetic, "phonetic+fuzzy": both}
            for method, hits in results.items():
                methods[method].append(score(hits, meant))
            if query in {"murrey", "mcdonald", "macdonald", "thompsen"}:
                examples[f"{query} (meant {meant})"] = {m: h[:5] for m, h in results.items()}
    return {
        "benchmark": "name_search",
        "nominals": len(people),
        "surnames": len(surnames),
        "queries": len(methods["fuzzy"]),
        "methods": {method: summary(scores) for method, scores in methods.items()},
        "phonetic_candidates_mean": round(statistics.mean(candidates), 1),
        "examples": examples,
    }


async def main() -> None:
    db = open_database(os.environ["NEO4J_URI"], "neo4j", "", "neo4j")
    try:
        print(json.dumps(await measure(db), indent=2))
    finally:
        await db.close()


if __name__ == "__main__":
    asyncio.run(main())
