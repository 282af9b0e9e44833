"""Who may import, and the checks of import rows that need the graph, made a batch at a time:
codes and areas exist, each nominal referred to is in the file or the register and the importing
officer may write to it (its manager or a current partner, as for the mutations), a nominal's
category belongs to the scheme of its managing area's jurisdiction and a new one is managed in an
area the importing agency covers (resolvers/jurisdiction.py, as for createNominal), and a source
id already imported is the same kind of thing about the same nominal, and a breach of an ORDER
breaches a civil order of the same nominal, named by the agency's source id: one of the file's
or one imported before (the current version of it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graph.db import CountingTx, Database, Row
from graph.importing import lookup
from graph.importing.entities import (
    ADDRESS,
    ASSOCIATION,
    CIVIL_ORDER,
    NOMINAL,
    ImportRow,
    is_record,
)
from graph.importing.keys import digest
from graph.queries import jurisdiction
from graph.writes.references import missing_references
from resolvers.errors import Forbidden, NotFound
from resolvers.import_rows import RowError
from resolvers.jurisdiction import category_problem, may_create_in
from resolvers.management_writes import ADDRESS_AREA_KINDS
from resolvers.validation import CODE_SETS
from resolvers.write_access import CLOSED_STATUSES, CREATOR_ROLES


@dataclass(frozen=True)
class Importer:
    officer_uid: str
    staff_id: str
    clearance: str
    agency_uid: str
    agency_code: str
    roles: frozenset[str] = frozenset()


async def load_importer(*, db: Database, agency_code: str, staff_id: str) -> Importer:
    """The importing officer: known, active, a practitioner or supervisor, member of the agency."""
    row = await db.read_tx(
        lambda tx: lookup.importer(tx, agency_code=agency_code, staff_id=staff_id)
    )
    officer = row["officer"]
    if row["agencyUid"] is None:
        raise NotFound(f"agency: no agency with code {agency_code!r}", field="agency")
    if officer is None:
        raise NotFound(f"officer: no officer with staff id {staff_id!r}", field="officer")
    if not officer["active"]:
        raise Forbidden(f"officer: {staff_id} is not active", field="officer")
    if not row["member"]:
        raise Forbidden(f"officer: {staff_id} is not a member of {agency_code}", field="officer")
    if not set(officer["roles"] or ()) & CREATOR_ROLES:
        raise Forbidden(
            f"officer: {staff_id} may not import: only practitioners and supervisors enter "
            "nominals and records",
            field="officer",
        )
    return Importer(
        officer_uid=officer["uid"],
        staff_id=staff_id,
        clearance=officer["clearance"],
        agency_uid=row["agencyUid"],
        agency_code=agency_code,
        roles=frozenset(officer["roles"] or ()),
    )


OrderInFile = Callable[[str], int | None]
"""A civil order's source id → the digest of its nominal's visorRef if the file defines it."""


async def check_batch(
    db: Database,
    batch: list[ImportRow],
    *,
    importer: Importer,
    in_file: Callable[[str], bool],
    order_in_file: OrderInFile = lambda _: None,
) -> list[RowError]:
    """The problems of a batch of rows found good on their own, against the graph."""
    problems = await _check_codes(db, batch)
    agency = importer.agency_code

    async def work(tx: CountingTx) -> list[RowError]:
        refs = sorted(
            {row.visor_ref for row in batch}
            | {row.other_visor_ref for row in batch if row.other_visor_ref}
            | {ref for row in batch for ref in row.mentions}
        )
        known = await lookup.nominals(tx, refs, importer.officer_uid)
        areas = await lookup.area_kinds(
            tx, sorted({row.area_code for row in batch if row.area_code})
        )
        keyed = {
            entity: [r for r in batch if r.entity == entity] for entity in (ADDRESS, ASSOCIATION)
        }
        records = await lookup.records(
            tx, agency, [str(r.source_id) for r in batch if is_record(r.entity)]
        )
        residences = await lookup.residences(tx, agency, [str(r.source_id) for r in keyed[ADDRESS]])
        links = await lookup.associations(
            tx, agency, [str(r.source_id) for r in keyed[ASSOCIATION]]
        )
        orders = await lookup.records(
            tx, agency, sorted({r.order_source_id for r in batch if r.order_source_id})
        )
        found: list[RowError] = []
        for row in batch:
            found += _check_row(row, known, areas, records, residences, links, in_file)
            found += _check_order(row, orders, order_in_file, agency)
        return found + await _check_jurisdiction(tx, batch, known, importer)

    return sorted(problems + await db.read_tx(work), key=lambda error: error.line)


async def _check_jurisdiction(
    tx: CountingTx, batch: list[ImportRow], known: dict[str, Row], importer: Importer
) -> list[RowError]:
    """Nominal rows: the category against the scheme of the managing area's jurisdiction (the
    row's areaCode for a nominal new to the register, its current area otherwise), and a new
    nominal's area covered by the importing agency (admins excepted)."""
    rows = [row for row in batch if row.entity == NOMINAL]
    exists = {row.visor_ref: bool((known.get(row.visor_ref) or {}).get("exists")) for row in rows}
    managing = await jurisdiction.managing_areas(
        tx, sorted({r.visor_ref for r in rows if exists[r.visor_ref] and "category" in r.props})
    )
    codes = {managing.get(r.visor_ref) if exists[r.visor_ref] else r.area_code for r in rows}
    areas = await jurisdiction.area_jurisdictions(
        tx, sorted(code for code in codes if code), agency_uid=importer.agency_uid
    )
    found: list[RowError] = []
    for row in rows:
        code = managing.get(row.visor_ref) if exists[row.visor_ref] else row.area_code
        area = areas.get(code) if code else None
        if area is None:
            continue  # an unknown areaCode is reported by _check_row
        if not exists[row.visor_ref] and not may_create_in(roles=importer.roles, area=area):
            found.append(
                RowError(
                    row.line,
                    "areaCode",
                    f"{importer.agency_code} does not cover {code}; officers create nominals "
                    "only in areas their agency covers",
                )
            )
        category = row.props.get("category")
        problem = category_problem(area, category) if category is not None else None
        if problem is not None:
            found.append(RowError(row.line, "category", problem))
    return found


async def _check_codes(db: Database, batch: list[ImportRow]) -> list[RowError]:
    wanted: dict[str, list[tuple[int, str]]] = {}
    for row in batch:
        for key, ref_set in CODE_SETS.items():
            value = row.props.get(key)
            if value is not None:
                wanted.setdefault(f"{ref_set.value}:{value}", []).append((row.line, key))
    checks = [{"field": key, "kind": "code", "key": key} for key in wanted]
    missing = await missing_references(db, checks)
    return [
        RowError(line, key, f"{code.split(':', 1)[1]!r} is not a code of {code.split(':')[0]}")
        for code in missing
        for line, key in wanted[code]
    ]


def _check_row(
    row: ImportRow,
    known: dict[str, Row],
    areas: dict[str, str],
    records: dict[str, Row],
    residences: dict[str, Row],
    links: dict[str, Row],
    in_file: Callable[[str], bool],
) -> list[RowError]:
    found: list[RowError] = []
    line, ref = row.line, row.visor_ref
    state = known.get(ref) or {"exists": False, "writable": False}
    if state["exists"] and not state["writable"]:
        found.append(
            RowError(
                line,
                "visorRef",
                f"{ref} is in the register and the importing officer is neither its "
                "manager nor a partner on it",
            )
        )
    elif row.entity != NOMINAL and state.get("status") in CLOSED_STATUSES:
        found.append(
            RowError(
                line,
                "visorRef",
                f"{ref} is {state['status']}: its record is closed to new information",
            )
        )
    elif not state["exists"] and row.entity != NOMINAL and not in_file(ref):
        found.append(RowError(line, "visorRef", f"no nominal {ref} in this file or the register"))
    if row.entity == NOMINAL and not state["exists"] and row.area_code is None:
        found.append(RowError(line, "areaCode", "is required for a nominal new to the register"))
    if row.area_code is not None:
        kind = areas.get(row.area_code)
        if kind is None:
            found.append(RowError(line, "areaCode", f"no area with code {row.area_code!r}"))
        elif row.entity == ADDRESS and kind not in ADDRESS_AREA_KINDS:
            found.append(
                RowError(
                    line,
                    "areaCode",
                    f"{row.area_code} is a {kind}; an address is in a local authority",
                )
            )
    other = row.other_visor_ref
    if other is not None and not (known.get(other) or {}).get("exists"):
        if not in_file(other):
            found.append(
                RowError(line, "otherVisorRef", f"no nominal {other} in this file or the register")
            )
    for mentioned in row.mentions:
        if not (known.get(mentioned) or {}).get("exists") and not in_file(mentioned):
            found.append(
                RowError(line, "mentions", f"no nominal {mentioned} in this file or the register")
            )
    source_id = str(row.source_id)
    if is_record(row.entity) and source_id in records:
        old = records[source_id]
        if old["kind"] != row.entity or old["visorRef"] != ref:
            found.append(
                RowError(
                    line,
                    "sourceId",
                    f"{source_id} was imported as a {old['kind']} about {old['visorRef']}",
                )
            )
    previous = residences.get(source_id) if row.entity == ADDRESS else None
    if previous is not None and previous["visorRef"] != ref:
        found.append(
            RowError(
                line,
                "sourceId",
                f"{source_id} was imported as an address of {previous['visorRef']}",
            )
        )
    link = links.get(source_id) if row.entity == ASSOCIATION else None
    if link is not None and (link["visorRef"], link["otherVisorRef"]) != (ref, other):
        found.append(
            RowError(
                line,
                "sourceId",
                f"{source_id} was imported as a link from {link['visorRef']} "
                f"to {link['otherVisorRef']}",
            )
        )
    return found


def _check_order(
    row: ImportRow, orders: dict[str, Row], order_in_file: OrderInFile, agency: str
) -> list[RowError]:
    """A breach's order: a civil order about the same nominal, the file's row when the file
    gives it (it supersedes the one imported before), else the current one imported before."""
    source_id = row.order_source_id
    if source_id is None:
        return []
    field, same = "orderSourceId", "a civil order of the nominal the breach is about"
    in_file = order_in_file(source_id)
    if in_file is not None:
        if in_file != digest(NOMINAL, row.visor_ref):
            return [
                RowError(
                    row.line,
                    field,
                    f"{source_id} is in this file as another nominal's civil order; "
                    f"the order must be {same}",
                )
            ]
        return []
    old = orders.get(source_id)
    if old is None:
        return [
            RowError(
                row.line,
                field,
                f"no civil order {source_id} in this file or imported by {agency} before",
            )
        ]
    if old["kind"] != CIVIL_ORDER or old["visorRef"] != row.visor_ref:
        return [
            RowError(
                row.line,
                field,
                f"{source_id} was imported as a {old['kind']} about {old['visorRef']}; "
                f"the order must be {same}",
            )
        ]
    return []
