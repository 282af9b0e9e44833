"""Networks of a known size for the link chart's layout times (bench/web.py): for each size N, a
hub nominal associated with N - 1 others that are also associated in a ring, so the depth-1
network around the hub is N nominals and 2(N - 1) links (a star and a ring: no graph the demo
world holds is that large within one hop). Added beside the demo world and taken out again."""

from __future__ import annotations

from graph.db import Database

PREFIX = "BENCHCHART"

WRITE = """
UNWIND range(0, $size - 1) AS i
CREATE (:Nominal {uid: $prefix + '-' + $size + '-' + i, visorRef: $prefix + '-' + $size + '-' + i,
                  firstName: 'Chart', lastName: 'Node ' + i, aliases: [], category: 'SCOT-1',
                  level: 1, riskLevel: 'LOW', status: 'COMMUNITY', version: 1,
                  createdAt: datetime('2025-01-01T00:00:00Z')})
WITH count(*) AS written
MATCH (hub:Nominal {uid: $prefix + '-' + $size + '-0'})
UNWIND range(1, $size - 1) AS i
MATCH (spoke:Nominal {uid: $prefix + '-' + $size + '-' + i})
MATCH (next:Nominal {uid: $prefix + '-' + $size + '-' + (i % ($size - 1) + 1)})
CREATE (hub)-[:ASSOCIATED_WITH {kind: 'ASSOCIATE', from: date('2024-01-01')}]->(spoke)
FOREACH (_ IN CASE WHEN $size > 2 THEN [1] ELSE [] END |
  CREATE (spoke)-[:ASSOCIATED_WITH {kind: 'ASSOCIATE', from: date('2024-06-01')}]->(next))
"""

REMOVE = "MATCH (n:Nominal) WHERE n.uid STARTS WITH $prefix DETACH DELETE n"


def hub(size: int) -> str:
    """The visorRef the chart of `size` nominals starts from."""
    return f"{PREFIX}-{size}-0"


async def add_chart_networks(db: Database, sizes: list[int]) -> None:
    await remove_chart_networks(db)
    for size in sizes:
        await db.write(WRITE, size=size, prefix=PREFIX)


async def remove_chart_networks(db: Database) -> None:
    await db.write(REMOVE, prefix=PREFIX)
