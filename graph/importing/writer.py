"""The batched writes of an import: each entity's rows of a batch in one `UNWIND` statement per
kind of change, inside the caller's write transaction (which also appends the audit event).

Each function looks up what the graph holds for its rows first and writes only what differs:
a new nominal, address, association or record is created; a changed nominal is updated (version
+1), a changed record gets a new version REVISION_OF the current one (as reviseRecord does), a
changed address or association is updated in place; an unchanged row writes nothing. So running
the same file twice writes nothing the second time.
"""

from __future__ import annotations

import datetime
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from neo4j.spatial import WGS84Point

from graph.db import CountingTx, Row
from graph.importing import lookup
from graph.importing.entities import ImportRow, Provenance
from graph.models.enums import NominalStatus
from graph.queries.records import RECORD_KIND_LABELS
from graph.writes.records import derive_risk_levels, derive_whereabouts_status

# Takes the audit chain head's write lock without changing it (a property set and removed again),
# so concurrent audited writes, other imports included, wait, and the lookups that follow read
# committed state: two imports of one file cannot both create the same nominal or record. The
# head is created as graph/audit_chain.py would (seq 0, no hash) if no event was ever written.
LOCK_AUDIT_CHAIN = """
MERGE (c:AuditChain {name: 'main'})
  ON CREATE SET c.seq = 0, c.hash = ''
SET c.importLock = true
REMOVE c.importLock
"""

CREATE_NOMINALS = """
MATCH (o:Officer {uid: $officerUid})
UNWIND $rows AS row
MATCH (a:Area {code: row.areaCode})
CREATE (n:Nominal)
SET n = row.props
CREATE (o)-[:MANAGES {from: $now}]->(n)
CREATE (n)-[:MANAGED_IN {from: $now, recordedBy: $officerUid}]->(a)
RETURN n.uid AS uid
"""

UPDATE_NOMINALS = """
UNWIND $rows AS row
MATCH (n:Nominal {uid: row.uid})
SET n += row.changes, n.updatedAt = $now, n.version = n.version + 1
RETURN n.uid AS uid
"""

# Only aliases the nominal does not have yet are added.
ADD_ALIASES = """
UNWIND $rows AS row
MATCH (n:Nominal {visorRef: row.visorRef})
WITH n, [alias IN row.aliases WHERE NOT alias IN coalesce(n.aliases, [])] AS added
WHERE size(added) > 0
SET n.aliases = coalesce(n.aliases, []) + added, n.updatedAt = $now, n.version = n.version + 1
RETURN n.uid AS uid, size(added) AS added
"""

# A breach of an ORDER (row.orders: the one source id of its CivilOrder, written before it)
# BREACHES the current version of that order; a row that finds none is not written.
_CREATE_RECORDS = """
MATCH (writer:Officer {{uid: $officerUid}})
MATCH (agency:Agency {{uid: $agencyUid}})
UNWIND $rows AS row
MATCH (nominal:Nominal {{visorRef: row.visorRef}})
CREATE (r:Record:{label})
SET r = row.props, r.uid = row.uid, r.createdAt = $now, r.version = 1
CREATE (r)-[:ABOUT]->(nominal)
CREATE (r)-[:ENTERED_BY {{at: $now}}]->(writer)
CREATE (r)-[:ON_BEHALF_OF]->(agency)
WITH r, row, nominal
CALL (r, row) {{
  UNWIND row.mentions AS mentionedRef
  MATCH (mentioned:Nominal {{visorRef: mentionedRef}})
  CREATE (r)-[:MENTIONS]->(mentioned)
}}
CALL (r, row) {{
  UNWIND row.orders AS orderId
  MATCH (order:Record:CivilOrder {{sourceAgency: $agency, sourceId: orderId}})
  WHERE NOT EXISTS {{ (:Record)-[:REVISION_OF]->(order) }}
  CREATE (r)-[:BREACHES]->(order)
}}
WITH r, row, nominal
WHERE COUNT {{ (r)-[:BREACHES]->() }} = size(row.orders)
RETURN nominal.uid AS uid
"""

# As graph/writes/records.py _REVISE: a new node copying the current version, changes applied;
# it MENTIONS the nominals the row names (the newer export's list) and a breach BREACHES the
# order the row names: the very version the old one breaches when that is the same order, else
# its current version.
_REVISE_RECORDS = """
MATCH (writer:Officer {{uid: $officerUid}})
MATCH (agency:Agency {{uid: $agencyUid}})
UNWIND $rows AS row
MATCH (old:Record:{label} {{uid: row.oldUid}})
WHERE NOT EXISTS {{ (:Record)-[:REVISION_OF]->(old) }}
MATCH (old)-[:ABOUT]->(nominal:Nominal)
CREATE (r:Record:{label})
SET r = old {{.*, uid: row.uid, createdAt: $now, version: old.version + 1}}
SET r += row.changes
CREATE (r)-[:REVISION_OF]->(old)
CREATE (r)-[:ABOUT]->(nominal)
CREATE (r)-[:ENTERED_BY {{at: $now}}]->(writer)
CREATE (r)-[:ON_BEHALF_OF]->(agency)
WITH r, row, nominal, old
CALL (r, row) {{
  UNWIND row.mentions AS mentionedRef
  MATCH (mentioned:Nominal {{visorRef: mentionedRef}})
  CREATE (r)-[:MENTIONS]->(mentioned)
}}
CALL (r, row, old) {{
  UNWIND row.orders AS orderId
  CALL (old, orderId) {{
    MATCH (old)-[:BREACHES]->(order:CivilOrder {{sourceAgency: $agency, sourceId: orderId}})
    RETURN order
    UNION
    MATCH (order:Record:CivilOrder {{sourceAgency: $agency, sourceId: orderId}})
    WHERE NOT EXISTS {{ (:Record)-[:REVISION_OF]->(order) }}
      AND NOT EXISTS {{ (old)-[:BREACHES]->(:CivilOrder {{sourceAgency: $agency,
                                                         sourceId: orderId}}) }}
    RETURN order
  }}
  CREATE (r)-[:BREACHES]->(order)
}}
WITH r, row, nominal
WHERE COUNT {{ (r)-[:BREACHES]->() }} = size(row.orders)
RETURN nominal.uid AS uid
"""

CREATE_RECORDS = {label: _CREATE_RECORDS.format(label=label) for label in RECORD_KIND_LABELS}
REVISE_RECORDS = {label: _REVISE_RECORDS.format(label=label) for label in RECORD_KIND_LABELS}

_POINT = """CASE WHEN row.latitude IS NULL THEN null
  ELSE point({latitude: row.latitude, longitude: row.longitude}) END"""

CREATE_RESIDENCES = f"""
UNWIND $rows AS row
MATCH (n:Nominal {{visorRef: row.visorRef}})
MATCH (area:Area {{code: row.areaCode}})
CREATE (l:Location {{uid: row.locationUid, address: row.address, postcode: row.postcode,
                     point: {_POINT}}})
CREATE (l)-[:IN_AREA]->(area)
CREATE (n)-[r:RESIDED_AT]->(l)
SET r = row.rel
RETURN n.uid AS uid
"""

UPDATE_RESIDENCES = f"""
UNWIND $rows AS row
MATCH (n:Nominal)-[r:RESIDED_AT {{sourceAgency: $agency, sourceId: row.sourceId}}]->(l:Location)
MATCH (area:Area {{code: row.areaCode}})
SET r = row.rel, l.address = row.address, l.postcode = row.postcode, l.point = {_POINT}
WITH n, l, area
CALL (l, area) {{
  MATCH (l)-[old:IN_AREA]->(other:Area) WHERE other <> area
  DELETE old
}}
MERGE (l)-[:IN_AREA]->(area)
RETURN n.uid AS uid
"""

CREATE_ASSOCIATIONS = """
UNWIND $rows AS row
MATCH (n:Nominal {visorRef: row.visorRef})
MATCH (m:Nominal {visorRef: row.otherVisorRef})
CREATE (n)-[r:ASSOCIATED_WITH]->(m)
SET r = row.rel
RETURN n.uid AS uid, m.uid AS otherUid
"""

UPDATE_ASSOCIATIONS = """
UNWIND $rows AS row
MATCH (n:Nominal)-[r:ASSOCIATED_WITH {sourceAgency: $agency, sourceId: row.sourceId}]->(m:Nominal)
SET r = row.rel
RETURN n.uid AS uid, m.uid AS otherUid
"""


# Nominals that have a risk assessment: their riskLevel follows the latest one
# (resolvers/nominal_state.py), so a Nominal row's riskLevel does not change it.
ASSESSED_NOMINALS = """
UNWIND $refs AS ref
MATCH (n:Nominal {visorRef: ref})
WHERE EXISTS { MATCH (:RiskAssessment)-[:ABOUT]->(n) }
RETURN collect(n.visorRef) AS refs
"""


class ImportWriteError(Exception):
    """A batch found the graph other than its validation did (e.g. a nominal deleted in between);
    the batch's transaction is rolled back."""


@dataclass
class Outcome:
    """What a batch wrote: counts by (entity, change) and the nominals it concerned."""

    counts: Counter[str] = field(default_factory=Counter)
    nominal_uids: set[str] = field(default_factory=set)
    created: bool = False

    def add(self, entity: str, change: str, amount: int = 1) -> None:
        if amount:
            self.counts[f"{entity}.{change}"] += amount

    @property
    def changed(self) -> bool:
        return bool(self.nominal_uids)


async def lock_audit_chain(tx: CountingTx) -> None:
    await tx.run(LOCK_AUDIT_CHAIN)


def native(value: Any) -> Any:
    """A value read from Neo4j as the Python value a row holds (dates, lists)."""
    to_native = getattr(value, "to_native", None)
    if to_native is not None:
        return to_native()
    if isinstance(value, list):
        return [native(item) for item in value]
    return value


def differences(stored: Mapping[str, Any], wanted: Mapping[str, Any]) -> dict[str, Any]:
    """The entries of `wanted` whose stored value differs (None clears a stored value)."""
    return {key: value for key, value in wanted.items() if native(stored.get(key)) != value}


def _source(prov: Provenance, row: ImportRow) -> dict[str, Any]:
    return {"sourceFile": prov.source_file, "sourceLine": row.line}


async def _expect(
    tx: CountingTx, query: str, rows: list[dict[str, Any]], **params: Any
) -> list[Row]:
    """Runs `query` over `rows`; every row must have been written."""
    result = await tx.run(query, rows=rows, **params)
    if len(result) != len(rows):
        raise ImportWriteError(
            f"{len(rows) - len(result)} of {len(rows)} rows found no nominal, area or record "
            "to attach to; the graph changed since validation: run the import again"
        )
    return result


async def write_nominals(
    tx: CountingTx, rows: list[ImportRow], prov: Provenance, now: datetime.datetime, out: Outcome
) -> None:
    refs = [row.visor_ref for row in rows]
    stored = await lookup.nominal_props(tx, refs, list(rows[0].props))
    assessed = set((await tx.run(ASSESSED_NOMINALS, refs=refs))[0]["refs"])
    creates, updates = [], []
    for row in rows:
        old = stored.get(row.visor_ref)
        if old is None:
            props = {k: v for k, v in row.props.items() if v is not None}
            props.update(
                uid=uuid.uuid4().hex,
                visorRef=row.visor_ref,
                createdAt=now,
                version=1,
                aliases=[],
                sourceAgency=prov.agency_code,
                **_source(prov, row),
            )
            creates.append({"props": props, "areaCode": row.area_code})
            continue
        wanted = row.props
        if row.visor_ref in assessed:
            wanted = {key: value for key, value in wanted.items() if key != "riskLevel"}
        changes = differences(old, wanted)
        if changes:
            changes.update(_source(prov, row))
            updates.append({"uid": old["uid"], "changes": changes})
        else:
            out.add("Nominal", "unchanged")
    if creates:
        result = await _expect(tx, CREATE_NOMINALS, creates, officerUid=prov.officer_uid, now=now)
        out.nominal_uids.update(r["uid"] for r in result)
        out.add("Nominal", "created", len(result))
        out.created = True
    if updates:
        result = await _expect(tx, UPDATE_NOMINALS, updates, now=now)
        out.nominal_uids.update(r["uid"] for r in result)
        out.add("Nominal", "updated", len(result))


async def write_aliases(
    tx: CountingTx, rows: list[ImportRow], now: datetime.datetime, out: Outcome
) -> None:
    wanted: dict[str, list[str]] = {}
    for row in rows:
        aliases = wanted.setdefault(row.visor_ref, [])
        if row.alias is not None and row.alias not in aliases:
            aliases.append(row.alias)
    params = [{"visorRef": ref, "aliases": aliases} for ref, aliases in wanted.items()]
    result = await tx.run(ADD_ALIASES, rows=params, now=now)
    added = sum(int(r["added"]) for r in result)
    out.nominal_uids.update(r["uid"] for r in result)
    out.add("Alias", "created", added)
    out.add("Alias", "unchanged", len(rows) - added)


async def write_records(
    tx: CountingTx,
    kind: str,
    rows: list[ImportRow],
    prov: Provenance,
    now: datetime.datetime,
    out: Outcome,
) -> None:
    if kind not in RECORD_KIND_LABELS:
        raise ValueError(f"not a record kind: {kind!r}")
    ids = [str(row.source_id) for row in rows]
    current = await lookup.records(tx, prov.agency_code, ids, list(rows[0].props))
    creates, revisions = [], []
    for row in rows:
        old = current.get(str(row.source_id))
        if old is None:
            props = {k: v for k, v in row.props.items() if v is not None}
            props.update(
                sourceAgency=prov.agency_code, sourceId=row.source_id, **_source(prov, row)
            )
            creates.append(
                {
                    "uid": uuid.uuid4().hex,
                    "visorRef": row.visor_ref,
                    "props": props,
                    "mentions": list(row.mentions),
                    "orders": _orders(row),
                }
            )
            continue
        changes = differences(old["props"], row.props)
        mentions_changed = sorted(old.get("mentions") or []) != sorted(row.mentions)
        order_changed = old.get("orderSourceId") != row.order_source_id
        if changes or mentions_changed or order_changed:
            changes.update(_source(prov, row))
            revisions.append(
                {
                    "oldUid": old["uid"],
                    "uid": uuid.uuid4().hex,
                    "changes": changes,
                    "mentions": list(row.mentions),
                    "orders": _orders(row),
                }
            )
        else:
            out.add(kind, "unchanged")
    params = {
        "officerUid": prov.officer_uid,
        "agencyUid": prov.agency_uid,
        "agency": prov.agency_code,
        "now": now,
    }
    touched: set[str] = set()
    if creates:
        result = await _expect(tx, CREATE_RECORDS[kind], creates, **params)
        touched.update(r["uid"] for r in result)
        out.add(kind, "created", len(result))
        out.created = True
    if revisions:
        result = await _expect(tx, REVISE_RECORDS[kind], revisions, **params)
        touched.update(r["uid"] for r in result)
        out.add(kind, "revised", len(result))
    out.nominal_uids.update(touched)
    if kind == "RiskAssessment" and touched:
        # The nominal's risk level follows its latest assessment (resolvers/nominal_state.py).
        await derive_risk_levels(tx, sorted(touched), now)
    if kind == "WhereaboutsUnknown" and touched:
        # An open whereabouts-unknown entry shows in the status (resolvers/nominal_state.py).
        await derive_whereabouts_status(
            tx,
            sorted(touched),
            now,
            unknown=NominalStatus.WHEREABOUTS_UNKNOWN.value,
            community=NominalStatus.COMMUNITY.value,
        )


def _orders(row: ImportRow) -> list[str]:
    return [row.order_source_id] if row.order_source_id else []


def _residence(row: ImportRow, prov: Provenance) -> dict[str, Any]:
    props = row.props
    return {
        "visorRef": row.visor_ref,
        "sourceId": row.source_id,
        "areaCode": row.area_code,
        "address": props["address"],
        "postcode": props["postcode"],
        "latitude": props.get("latitude"),
        "longitude": props.get("longitude"),
        "rel": {
            "from": props["from"],
            "to": props.get("to"),
            "kind": props["kind"],
            "recordedBy": prov.officer_uid,
            "sourceAgency": prov.agency_code,
            "sourceId": row.source_id,
            **_source(prov, row),
        },
    }


def _residence_unchanged(row: ImportRow, old: Mapping[str, Any]) -> bool:
    rel, location = old["rel"], old["location"]
    point = location.get("point")
    latitude = point.latitude if isinstance(point, WGS84Point) else None
    longitude = point.longitude if isinstance(point, WGS84Point) else None
    stored = {
        "address": location.get("address"),
        "postcode": location.get("postcode"),
        "latitude": latitude,
        "longitude": longitude,
        "kind": rel.get("kind"),
        "from": rel.get("from"),
        "to": rel.get("to"),
    }
    return not differences(stored, row.props) and old["areaCode"] == row.area_code


async def write_residences(
    tx: CountingTx, rows: list[ImportRow], prov: Provenance, out: Outcome
) -> None:
    current = await lookup.residences(tx, prov.agency_code, [str(r.source_id) for r in rows])
    creates, updates = [], []
    for row in rows:
        old = current.get(str(row.source_id))
        if old is None:
            creates.append({**_residence(row, prov), "locationUid": uuid.uuid4().hex})
        elif not _residence_unchanged(row, old):
            updates.append(_residence(row, prov))
        else:
            out.add("Address", "unchanged")
    if creates:
        result = await _expect(tx, CREATE_RESIDENCES, creates)
        out.nominal_uids.update(r["uid"] for r in result)
        out.add("Address", "created", len(result))
        out.created = True
    if updates:
        result = await _expect(tx, UPDATE_RESIDENCES, updates, agency=prov.agency_code)
        out.nominal_uids.update(r["uid"] for r in result)
        out.add("Address", "updated", len(result))


def _association(row: ImportRow, prov: Provenance) -> dict[str, Any]:
    return {
        "visorRef": row.visor_ref,
        "otherVisorRef": row.other_visor_ref,
        "sourceId": row.source_id,
        "rel": {
            **row.props,
            "sourceAgency": prov.agency_code,
            "sourceId": row.source_id,
            **_source(prov, row),
        },
    }


async def write_associations(
    tx: CountingTx, rows: list[ImportRow], prov: Provenance, out: Outcome
) -> None:
    current = await lookup.associations(tx, prov.agency_code, [str(r.source_id) for r in rows])
    creates, updates = [], []
    for row in rows:
        old = current.get(str(row.source_id))
        if old is None:
            creates.append(_association(row, prov))
        elif differences(old["rel"], row.props):
            updates.append(_association(row, prov))
        else:
            out.add("Association", "unchanged")
    for query, batch, change in (
        (CREATE_ASSOCIATIONS, creates, "created"),
        (UPDATE_ASSOCIATIONS, updates, "updated"),
    ):
        if batch:
            result = await _expect(tx, query, batch, agency=prov.agency_code)
            out.nominal_uids.update(r["uid"] for r in result)
            out.nominal_uids.update(r["otherUid"] for r in result)
            out.add("Association", change, len(result))
            out.created = out.created or change == "created"


def by_entity(rows: Iterable[ImportRow]) -> dict[str, list[ImportRow]]:
    grouped: dict[str, list[ImportRow]] = {}
    for row in rows:
        grouped.setdefault(row.entity, []).append(row)
    return grouped
