"""Cypher for who manages a nominal and where, read as one picture per nominal: management and
partnership periods (each with the officer's agency), the areas that managed it, residences,
associations and transfers.

One query for the whole picture keeps the round trips of a record view fixed: every nested
lookup (an officer's agency, an area's parent, a location's area) then starts from the same
answer and is batched once per depth, however the view is composed.
"""

from __future__ import annotations

from graph.db import Database, Row
from graph.models.enums import ASSOCIATION_INVERSES
from graph.queries.geography import AREA_PERIODS_OF_N
from graph.queries.residence import RESIDENCES_OF_N
from graph.queries.transfers import TRANSFERS_OF_N

# Newest first; the open period (no `to`) is the current one. `agency`: the officer's agency.
MANAGEMENT_PERIODS_OF_N = """COLLECT {
    MATCH (o:Officer)-[m:MANAGES]->(n)
    RETURN {officer: o {.*}, agency: head([(o)-[:MEMBER_OF]->(a:Agency) | a {.*}]),
            from: m.from, to: m.to} AS period
    ORDER BY m.from DESC, o.staffId
  }"""

PARTNERSHIPS_OF_N = """COLLECT {
    MATCH (o:Officer)-[p:PARTNER_ON]->(n)
    RETURN {officer: o {.*}, agency: head([(o)-[:MEMBER_OF]->(a:Agency) | a {.*}]),
            from: p.from, to: p.to} AS period
    ORDER BY p.from DESC, o.staffId
  }"""

# `r.kind` read from the other end (graph/models/enums.py ASSOCIATION_INVERSES), as Cypher built
# from that fixed table: no value of it comes from a request.
INVERSE_KIND = (
    "CASE r.kind "
    + " ".join(f"WHEN '{k.value}' THEN '{v.value}'" for k, v in ASSOCIATION_INVERSES.items())
    + " ELSE r.kind END"
)

# Both directions of ASSOCIATED_WITH, each seen from `n`: `kind` is how n relates to the other
# (VICTIM_OF: n is the other's victim), `otherKind` how the other relates to n, `outgoing`
# whether the link was stored from n. Newest first, undated ones last.
ASSOCIATIONS_OF_N = f"""COLLECT {{
    MATCH (n)-[r:ASSOCIATED_WITH]-(other:Nominal)
    WITH other, r, startNode(r) = n AS outgoing
    RETURN {{nominal: other {{.*}},
             kind: CASE WHEN outgoing THEN r.kind ELSE {INVERSE_KIND} END,
             otherKind: CASE WHEN outgoing THEN {INVERSE_KIND} ELSE r.kind END,
             outgoing: outgoing, from: r.from, to: r.to}} AS association
    ORDER BY r.from IS NULL, r.from DESC, other.visorRef, association.kind
  }}"""

PICTURE_OF_N = f"""{{
  managers: {MANAGEMENT_PERIODS_OF_N},
  partners: {PARTNERSHIPS_OF_N},
  areas: {AREA_PERIODS_OF_N},
  residences: {RESIDENCES_OF_N},
  associations: {ASSOCIATIONS_OF_N},
  transfers: {TRANSFERS_OF_N}
}}"""
"""The management picture of nominal `n` (see `management_pictures`)."""

MANAGEMENT_PICTURES = f"""
UNWIND $uids AS uid
MATCH (n:Nominal {{uid: uid}})
RETURN uid, {PICTURE_OF_N} AS picture
"""

PICTURE_PARTS = ("managers", "partners", "areas", "residences", "associations", "transfers")


async def management_pictures(db: Database, nominal_uids: list[str]) -> dict[str, Row]:
    """Nominal uid → {managers, partners, areas, residences, associations, transfers}: lists of
    period rows, newest first (see the fragments above for each row's keys). Unknown uids are
    absent."""
    rows = await db.read(MANAGEMENT_PICTURES, uids=nominal_uids)
    return {row["uid"]: row["picture"] for row in rows}


def empty_picture() -> Row:
    return {part: [] for part in PICTURE_PARTS}
