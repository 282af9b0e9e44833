"""Migrating stored association kinds to the directed ones (graph/models/enums.py
AssociationKind), run by `visor db migrate` (graph/migrations.py), idempotently.

Before associations had a direction, a VICTIM link read "VICTIM" from both ends. It was made
by linkNominals on one nominal's record naming the other, or by an import row from `visorRef`
to `otherVisorRef`; it is read as the start node having offended against the end node (the
end node is the victim): kind OFFENDER_AGAINST, which reads VICTIM_OF from the victim's end.
FAMILY, CO_OFFENDER and ASSOCIATE keep their meaning and their value.
"""

from __future__ import annotations

from graph.db import Database
from graph.models.enums import AssociationKind

RENAMED: dict[str, str] = {"VICTIM": AssociationKind.OFFENDER_AGAINST.value}
"""Old stored kind → the kind it is stored as now (as seen from the start node)."""

MIGRATE_KINDS = """
UNWIND keys($renamed) AS old
MATCH ()-[r:ASSOCIATED_WITH {kind: old}]->()
SET r.kind = $renamed[old]
RETURN count(r) AS migrated
"""


async def migrate_association_kinds(db: Database) -> int:
    """Rewrites links stored with an old kind; the number rewritten (0 on a second run)."""
    rows = await db.write(MIGRATE_KINDS, renamed=RENAMED)
    return int(rows[0]["migrated"]) if rows else 0
