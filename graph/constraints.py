"""Schema installation: the unique constraints and indexes of MODEL.md ("Indexes").

Run by an explicit command (never at import time). Idempotent: everything is created with
`IF NOT EXISTS` or tolerated when it already exists, so a second run creates nothing.
"""

from __future__ import annotations

import io

from neomodel import adb

from graph.db import Database
from graph.models import SCHEMA_CLASSES
from graph.models.connection import bind_neomodel

UNIQUE_KEYS: tuple[tuple[str, str], ...] = (
    *(
        (label, "uid")
        for label in (
            "Nominal",
            "Agency",
            "Officer",
            "Area",
            "Location",
            "Record",
            "Transfer",
            "TransferStep",
            "AuditEvent",
            "SubjectAccessRequest",
            "LinkDisclosureRequest",
            "ReferenceCode",
        )
    ),
    ("Nominal", "visorRef"),
    ("Agency", "code"),
    ("Area", "code"),
    ("Officer", "staffId"),
    ("AuditEvent", "seq"),
    ("TransferStep", "auditSeq"),
    ("ReferenceCode", "key"),
)
"""(label, stored property) pairs with a uniqueness constraint."""

RANGE_INDEXES: tuple[tuple[str, str], ...] = (
    ("Nominal", "category"),
    ("Nominal", "level"),
    ("Nominal", "riskLevel"),
    ("Nominal", "status"),
    ("Nominal", "lastName"),
    ("Record", "createdAt"),
    ("Area", "kind"),
    ("Location", "postcode"),
)
"""(label, stored property) pairs with a range index, for the API's filters."""

SOURCE_KEY_INDEXES: tuple[tuple[str, str], ...] = (
    ("index_Record_sourceAgency_sourceId", "(n:Record)"),
    ("index_RESIDED_AT_sourceAgency_sourceId", "()-[n:RESIDED_AT]-()"),
    ("index_ASSOCIATED_WITH_sourceAgency_sourceId", "()-[n:ASSOCIATED_WITH]-()"),
)
"""(name, pattern) of composite range indexes on (sourceAgency, sourceId): the merge keys of the
bulk import (docs/IMPORT.md)."""

DATE_INDEXES: tuple[tuple[str, str], ...] = (
    ("Nominal", "createdAt"),
    ("Breach", "reportedOn"),
    ("Conviction", "convictedOn"),
)
"""(label, stored property) pairs with a range index on a date, for management information's
windows (graph/queries/statistics.py: registrations, breaches, convictions in a year)."""

RELATIONSHIP_DATE_INDEXES: tuple[tuple[str, str], ...] = (("MANAGED_IN", "from"),)
"""(type, stored property) pairs with a range index, for the moves of area begun in a window."""

POINT_INDEXES: tuple[tuple[str, str], ...] = (("Location", "point"),)
"""(label, stored property) pairs with a point index, for `nearby`'s point.distance."""

NOMINAL_NAMES_INDEX = "nominal_names"
"""Full-text index over a nominal's names and aliases (`db.index.fulltext.queryNodes`)."""

_NOMINAL_NAMES = (
    f"CREATE FULLTEXT INDEX {NOMINAL_NAMES_INDEX} IF NOT EXISTS "
    "FOR (n:Nominal) ON EACH [n.firstName, n.middleNames, n.lastName, n.aliases]"
)
_INDEX_TIMEOUT_SECONDS = 300


def constraint_name(label: str, prop: str) -> str:
    """neomodel's naming for a uniqueness constraint (and its backing index)."""
    return f"constraint_unique_{label}_{prop}"


def index_name(label: str, prop: str) -> str:
    """neomodel's naming for a range index (on a label's or a relationship type's property)."""
    return f"index_{label}_{prop}"


def point_index_name(label: str, prop: str) -> str:
    return f"point_index_{label}_{prop}"


def expected_schema_objects() -> set[str]:
    """The names install_schema guarantees (token lookup indexes aside)."""
    return (
        {constraint_name(label, prop) for label, prop in UNIQUE_KEYS}
        | {index_name(label, prop) for label, prop in RANGE_INDEXES + DATE_INDEXES}
        | {index_name(t, prop) for t, prop in RELATIONSHIP_DATE_INDEXES}
        | {point_index_name(label, prop) for label, prop in POINT_INDEXES}
        | {NOMINAL_NAMES_INDEX}
        | {name for name, _ in SOURCE_KEY_INDEXES}
    )


def _statements() -> list[str]:
    # Labels and properties come from the fixed tables above, never from input.
    return [
        *(
            f"CREATE CONSTRAINT {constraint_name(label, prop)} IF NOT EXISTS "
            f"FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE"
            for label, prop in UNIQUE_KEYS
        ),
        *(
            f"CREATE INDEX {index_name(label, prop)} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
            for label, prop in RANGE_INDEXES + DATE_INDEXES
        ),
        *(
            f"CREATE INDEX {index_name(t, prop)} IF NOT EXISTS FOR ()-[n:{t}]-() ON (n.{prop})"
            for t, prop in RELATIONSHIP_DATE_INDEXES
        ),
        *(
            f"CREATE INDEX {name} IF NOT EXISTS FOR {pattern} ON (n.sourceAgency, n.sourceId)"
            for name, pattern in SOURCE_KEY_INDEXES
        ),
        *(
            f"CREATE POINT INDEX {point_index_name(label, prop)} IF NOT EXISTS "
            f"FOR (n:{label}) ON (n.{prop})"
            for label, prop in POINT_INDEXES
        ),
        _NOMINAL_NAMES,
    ]


async def schema_objects(db: Database) -> set[str]:
    """Names of all constraints and indexes currently in the database (token lookups included)."""
    constraints = await db.read("SHOW CONSTRAINTS YIELD name RETURN name")
    indexes = await db.read("SHOW INDEXES YIELD name RETURN name")
    return {row["name"] for row in constraints + indexes}


async def install_schema(db: Database) -> list[str]:
    """Install the models' constraints and indexes, then what neomodel cannot express.

    Binds neomodel to `db` (driver and database name), runs neomodel's installer for each class of
    `graph.models.SCHEMA_CLASSES`, then states every object of MODEL.md with `IF NOT EXISTS`
    (the full-text index, and anything the models do not declare). Waits until all indexes are
    online. Returns the sorted names of the schema objects it created; empty on a second run.
    """
    await bind_neomodel(db)
    before = await schema_objects(db)
    quiet = io.StringIO()  # neomodel reports "already exists" on the stream even when quiet
    for cls in SCHEMA_CLASSES:
        await adb.install_labels(cls, quiet=True, stdout=quiet)
    for statement in _statements():
        await db.write(statement)
    await db.write("CALL db.awaitIndexes($timeout)", timeout=_INDEX_TIMEOUT_SECONDS)
    return sorted(await schema_objects(db) - before)
