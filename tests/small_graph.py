"""A small, exact graph written with Cypher, for tests that need known values."""

from __future__ import annotations

from bench.load import Caseload
from graph.db import Database

SMALL_GRAPH = """
CREATE (psos:Agency {uid: 'ag-psos', code: 'PSOS', name: 'Police Scotland', kind: 'POLICE',
                     jurisdiction: 'SCOTLAND', responsibleAuthority: true})
CREATE (sps:Agency {uid: 'ag-sps', code: 'SPS', name: 'Scottish Prison Service', kind: 'PRISON',
                    jurisdiction: 'SCOTLAND', responsibleAuthority: true})
CREATE (mgr:Officer {uid: 'of-mgr', staffId: 'T-MGR', name: 'Morag Manager',
                     roles: ['PRACTITIONER'], clearance: 'SECRET', active: true})
CREATE (prt:Officer {uid: 'of-prt', staffId: 'T-PRT', name: 'Pat Partner',
                     roles: ['PRACTITIONER'], clearance: 'OFFICIAL', active: true})
CREATE (old:Officer {uid: 'of-old', staffId: 'T-OLD', name: 'Olive Leaver',
                     roles: ['PRACTITIONER'], clearance: 'OFFICIAL', active: false})
CREATE (mgr)-[:MEMBER_OF]->(psos), (prt)-[:MEMBER_OF]->(sps), (old)-[:MEMBER_OF]->(psos)
WITH mgr, prt
UNWIND range(1, $count) AS i
CREATE (n:Nominal {uid: 'nom-' + i, visorRef: 'VR-' + right('0000000' + toString(i), 7),
                   firstName: 'First' + i, lastName: 'Last' + i, aliases: ['Alias' + i],
                   dateOfBirth: date('1980-01-01') + duration({days: i}),
                   category: 'SCOT-1', level: 1 + i % 3, riskLevel: 'HIGH',
                   status: 'COMMUNITY', createdAt: datetime('2025-01-01T00:00:00Z'),
                   version: 1})
CREATE (mgr)-[:MANAGES {from: datetime('2025-01-02T00:00:00Z')}]->(n)
CREATE (prt)-[:MANAGES {from: datetime('2024-01-01T00:00:00Z'),
                        to: datetime('2025-01-02T00:00:00Z')}]->(n)
"""


async def create_small_graph(db: Database, *, nominals: int = 3) -> None:
    """Two agencies, a manager (T-MGR, PSOS), a partner (T-PRT, SPS), an inactive officer
    (T-OLD), and `nominals` nominals VR-0000001.. managed now by T-MGR, formerly by T-PRT."""
    await db.write(SMALL_GRAPH, count=nominals)


def small_caseload(nominals: int) -> Caseload:
    """T-MGR's caseload in `create_small_graph(db, nominals=nominals)`, for bench/load.py."""
    numbers = range(1, nominals + 1)
    return Caseload("T-MGR", [f"VR-{i:07d}" for i in numbers], [f"Last{i}" for i in numbers])
