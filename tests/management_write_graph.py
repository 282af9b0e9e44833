"""tests/write_graph.py plus what the management mutations need:

| staff id | agency | roles | active |
| --- | --- | --- | --- |
| W-NEW | PSOS | PRACTITIONER | yes |
| W-OFF | PSOS | PRACTITIONER | no |
| W-ADM | SPS | ADMIN | yes |

VR-0000001 has resided at loc-1 ("1 Union Street", AB11 5BN, in S12000033) since 2024-01-01
(HOME), and an open ASSOCIATE link to VR-0000002 since 2023-06-01. VR-0000003 (Ann Other) is
managed by W-OUT.
"""

from __future__ import annotations

from graph.db import Database
from tests.write_graph import create_write_graph

EXTRA = """
MATCH (psos:Agency {code: 'PSOS'}), (sps:Agency {code: 'SPS'})
MATCH (n1:Nominal {uid: 'nom-1'}), (n2:Nominal {uid: 'nom-2'})
MATCH (out:Officer {staffId: 'W-OUT'})
MATCH (la:Area {code: 'S12000033'})
CREATE (:Officer {uid: 'off-w-new', staffId: 'W-NEW', name: 'Officer W-NEW',
                  roles: ['PRACTITIONER'], clearance: 'SECRET', active: true})-[:MEMBER_OF]->(psos)
CREATE (:Officer {uid: 'off-w-off', staffId: 'W-OFF', name: 'Officer W-OFF',
                  roles: ['PRACTITIONER'], clearance: 'SECRET', active: false})-[:MEMBER_OF]->(psos)
CREATE (:Officer {uid: 'off-w-adm', staffId: 'W-ADM', name: 'Officer W-ADM',
                  roles: ['ADMIN'], clearance: 'SECRET', active: true})-[:MEMBER_OF]->(sps)
CREATE (l:Location {uid: 'loc-1', address: '1 Union Street', postcode: 'AB11 5BN'})
CREATE (l)-[:IN_AREA]->(la)
CREATE (n1)-[:RESIDED_AT {from: date('2024-01-01'), kind: 'HOME'}]->(l)
CREATE (n1)-[:ASSOCIATED_WITH {kind: 'ASSOCIATE', from: date('2023-06-01')}]->(n2)
CREATE (n3:Nominal {uid: 'nom-3', visorRef: 'VR-0000003', firstName: 'Ann', lastName: 'Other',
                    aliases: [], category: 'SCOT-1', level: 1, riskLevel: 'MEDIUM',
                    status: 'COMMUNITY', version: 1,
                    createdAt: datetime('2024-01-01T09:00:00Z')})
CREATE (out)-[:MANAGES {from: datetime('2024-01-01T09:00:00Z')}]->(n3)
"""


async def create_management_write_graph(db: Database) -> None:
    await create_write_graph(db)
    await db.write(EXTRA)
