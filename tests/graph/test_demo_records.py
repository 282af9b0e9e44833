"""Demo data keeps the record's rules (resolvers/nominal_state.py): each nominal's risk level is
its latest assessment's, and it is in CUSTODY exactly when a custody period is open."""

from __future__ import annotations

from graph.db import Database
from graph.demo import load_demo
from graph.writes.records import DERIVE_CUSTODY_STATUS, DERIVE_RISK_LEVELS
from resolvers.nominal_state import CUSTODY_KEEPS


async def test_demo_nominals_agree_with_their_records(db: Database) -> None:
    await load_demo(db, nominals=120, seed=5)
    uids = [row["uid"] for row in await db.read("MATCH (n:Nominal) RETURN n.uid AS uid")]
    assessed = await db.read(
        "MATCH (n:Nominal) WHERE EXISTS { (:RiskAssessment)-[:ABOUT]->(n) } RETURN count(n) AS n"
    )
    assert assessed == [{"n": len(uids)}]
    # Deriving the levels and statuses again changes nothing.
    assert await db.write(DERIVE_RISK_LEVELS, nominalUids=uids, now=None) == []
    changed = await db.write(
        DERIVE_CUSTODY_STATUS,
        nominalUids=uids,
        now=None,
        custody="CUSTODY",
        community="COMMUNITY",
        kept=list(CUSTODY_KEEPS),
    )
    assert changed == []
    in_custody = await db.read("MATCH (n:Nominal {status: 'CUSTODY'}) RETURN count(n) AS n")
    assert in_custody[0]["n"] > 0
