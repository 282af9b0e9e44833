"""What an import row may be, and a checked row ready to write.

The `entity` of a row comes from the fixed allow-list `ENTITIES`; a record kind's label is used
in Cypher only after it has been found in `RECORD_KIND_LABELS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.queries.records import RECORD_KIND_LABELS

NOMINAL = "Nominal"
ALIAS = "Alias"
ADDRESS = "Address"
ASSOCIATION = "Association"
BREACH = "Breach"
CIVIL_ORDER = "CivilOrder"
ENTITIES: tuple[str, ...] = (NOMINAL, ALIAS, ADDRESS, ASSOCIATION, *RECORD_KIND_LABELS)
KEYED_BY_SOURCE_ID: frozenset[str] = frozenset({ADDRESS, ASSOCIATION, *RECORD_KIND_LABELS})
"""Entities merged on the importing agency's own id (`sourceId`)."""


def is_record(entity: str) -> bool:
    return entity in RECORD_KIND_LABELS


@dataclass(frozen=True)
class ImportRow:
    """A row that passed every check. `props` holds every stored field of the entity, None
    where the row gives none (so a newer export that drops a value clears it)."""

    line: int
    entity: str
    visor_ref: str
    props: dict[str, Any] = field(default_factory=dict)
    source_id: str | None = None
    area_code: str | None = None
    other_visor_ref: str | None = None
    alias: str | None = None
    mentions: tuple[str, ...] = ()
    """The visorRefs of the other nominals an intelligence row mentions (MENTIONS)."""
    order_source_id: str | None = None
    """The importing agency's source id of the CivilOrder a breach of an ORDER breaches."""


@dataclass(frozen=True)
class Provenance:
    """Who imports, for which agency, from which file."""

    officer_uid: str
    agency_uid: str
    agency_code: str
    source_file: str
