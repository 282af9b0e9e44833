"""Cypher checking that the codes a write refers to exist: reference codes, areas, agencies."""

from __future__ import annotations

from graph.db import Database

# Each check is {field, kind, key}; kind is 'code' (ReferenceCode key SET:CODE), 'area' or
# 'agency' (by code). Returns the fields whose reference is missing, in the order given.
MISSING_REFERENCES = """
UNWIND range(0, size($checks) - 1) AS i
WITH i, $checks[i] AS c
WITH i, c, CASE c.kind
  WHEN 'code' THEN EXISTS { MATCH (:ReferenceCode {key: c.key}) }
  WHEN 'area' THEN EXISTS { MATCH (:Area {code: c.key}) }
  WHEN 'agency' THEN EXISTS { MATCH (:Agency {code: c.key}) }
  ELSE false END AS found
WHERE NOT found
RETURN c.field AS field ORDER BY i
"""


async def missing_references(db: Database, checks: list[dict[str, str]]) -> list[str]:
    if not checks:
        return []
    rows = await db.read(MISSING_REFERENCES, checks=checks)
    return [str(row["field"]) for row in rows]
