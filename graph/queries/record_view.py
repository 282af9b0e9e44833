"""One Cypher read for a record view: the nominals a root field finds, and with them every part
of their record that the request's selection will read, in `CALL {}` subqueries (as
@neo4j/graphql compiles a request).

A part is a fixed fragment of Cypher over the nominal `n`, the same fragment its loader's batch
query uses (graph/queries/management.py, records.py, provenance.py), so a part read here is
exactly what the loader would have read. Which parts a query carries is chosen from that fixed
list (`ViewParts`); nothing of a request enters the query's text, only its parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.db import Database, Row
from graph.queries.management import PICTURE_OF_N
from graph.queries.provenance import PROVENANCE_OF_N
from graph.queries.records import (
    RECORD_KIND_LABELS,
    RECORDS_OF_N_BY_KEY,
    STEWARD_MANAGER_OF_N,
    STEWARD_PARTNERS_OF_N,
    RecordsKey,
    key_parameters,
)

RecordsFilter = tuple[tuple[str, ...] | None, Any, Any, int]
"""A RecordsKey without its nominal: (kinds, from, to, limit)."""


@dataclass(frozen=True)
class ViewParts:
    """What of each nominal's record a request will read."""

    picture: bool = False
    """Management, partners, areas, residences, associations, transfers."""
    stewards: bool = False
    """Manager and partners, as the record access rule needs them."""
    provenance: bool = False
    records: tuple[RecordsFilter, ...] = ()
    """Each `records` filter the selection asks for."""

    @property
    def empty(self) -> bool:
        return not (self.picture or self.stewards or self.provenance or self.records)

    def records_key(self, nominal_uid: str, index: int) -> RecordsKey:
        kinds, from_, to, limit = self.records[index]
        return RecordsKey(nominal_uid, kinds, from_, to, limit)


def _part_branch(parts: ViewParts) -> str:
    """One row per nominal of `nodes` with the parts asked for, as `part`. Each part is a
    column of its own `CALL (n)`, then a field of the nominal's map: Neo4j refuses a subquery
    that aggregates (or is DISTINCT) inside a map or a list."""
    calls, fields = [], ["uid: n.uid"]
    if parts.picture:
        calls.append(f"RETURN {PICTURE_OF_N} AS picture")
        fields.append("picture: picture")
    if parts.stewards:
        calls.append(
            f"RETURN {STEWARD_MANAGER_OF_N} AS manager, {STEWARD_PARTNERS_OF_N} AS partnerUids"
        )
        fields.append("stewards: {manager: manager, partnerUids: partnerUids}")
    if parts.provenance:
        calls.append(f"RETURN {PROVENANCE_OF_N}")
        fields.append(
            "provenance: {totalEntries: totalEntries, byAgency: byAgency, byOfficer: byOfficer}"
        )
    if parts.records:
        calls.append(
            "UNWIND $recordKeys AS key "
            f"RETURN collect({{index: key.index, rows: {RECORDS_OF_N_BY_KEY}}}) AS records"
        )
        fields.append("records: records")
    subqueries = "".join(f"\n  CALL (n) {{\n  {call}\n  }}" for call in calls)
    joined = ", ".join(fields)
    return f"""  UNWIND nodes AS n{subqueries}
  RETURN null AS head, {{{joined}}} AS part"""


def compile_view(head: str, returns: str, parts: ViewParts) -> str:
    """`head` binds `nodes` (a list of Nominal nodes) and whatever `returns` (a map) reads; the
    query returns a row whose `view` is that map, then a row per nominal whose `part` holds its
    parts (none when nothing more is asked for).

    A row per nominal, not one row holding every nominal's parts: the driver decodes a row in
    one go on the event loop, so a page of large record views in one row would hold the loop
    (and every other request) for as long as it takes to decode."""
    if parts.empty:
        return f"{head}\nRETURN {returns} AS view, null AS part"
    return f"""{head}
WITH nodes, {returns} AS view
CALL (nodes, view) {{
  RETURN view AS head, null AS part
  UNION ALL
{_part_branch(parts)}
}}
RETURN head AS view, part"""


async def read_view(
    db: Database, head: str, returns: str, parts: ViewParts, **params: Any
) -> tuple[Row, dict[str, Row]]:
    """The map `returns` reads, and nominal uid → its parts ({picture, stewards, provenance,
    records: [rows per filter of `parts.records`]}), in one query."""
    rows = await db.read(
        compile_view(head, returns, parts),
        recordKinds=list(RECORD_KIND_LABELS),
        recordKeys=[
            {"index": i, **key_parameters(parts.records_key("", i))}
            for i in range(len(parts.records))
        ],
        **params,
    )
    view: Row = next(row["view"] for row in rows if row["view"] is not None)
    by_uid = {}
    for part in (row["part"] for row in rows if row["part"] is not None):
        if "records" in part:
            ordered: list[list[Row]] = [[] for _ in parts.records]
            for entry in part["records"]:
                ordered[entry["index"]] = entry["rows"]
            part["records"] = ordered
        by_uid[part["uid"]] = part
    return view, by_uid
