"""tests/record_graph.py's graph plus what a subject access request needs, written with Cypher.

| staff id | name | agency | roles | clearance |
| --- | --- | --- | --- | --- |
| T-DPO | Dora Protection | PSOS | DATA_PROTECTION_OFFICER | OFFICIAL |
| T-ANL | Andy Analyst | PSOS | ANALYST | SECRET |

The DPO's clearance is the lowest on purpose: the disclosure package shows everything regardless.
VR-0000001 lived at 1 High Street, EH1 1AA (HOME, 2020-01-01 to 2022-01-01, in area EDI) and
is in custody at HMP Barlinnie, G33 2QX (CUSTODY, from 2024-06-01, no area). It is
ASSOCIATED_WITH VR-0000002 (CO_OFFENDER, from 2019-05-01).
"""

from __future__ import annotations

from graph.db import Database
from tests.record_graph import create_record_graph

EXTRA = """
MATCH (psos:Agency {uid: 'ag-psos'})
MATCH (n1:Nominal {uid: 'nom-1'}), (n2:Nominal {uid: 'nom-2'})
CREATE (:Officer {uid: 'of-dpo', staffId: 'T-DPO', name: 'Dora Protection',
                  roles: ['DATA_PROTECTION_OFFICER'], clearance: 'OFFICIAL',
                  active: true})-[:MEMBER_OF]->(psos)
CREATE (:Officer {uid: 'of-anl', staffId: 'T-ANL', name: 'Andy Analyst', roles: ['ANALYST'],
                  clearance: 'SECRET', active: true})-[:MEMBER_OF]->(psos)
CREATE (area:Area {uid: 'ar-edi', code: 'EDI', name: 'Edinburgh', kind: 'LOCAL_AUTHORITY'})
CREATE (home:Location {uid: 'loc-home', address: '1 High Street', postcode: 'EH1 1AA'})
       -[:IN_AREA]->(area)
CREATE (jail:Location {uid: 'loc-jail', address: 'HMP Barlinnie', postcode: 'G33 2QX'})
CREATE (n1)-[:RESIDED_AT {from: date('2020-01-01'), to: date('2022-01-01'), kind: 'HOME'}]->(home)
CREATE (n1)-[:RESIDED_AT {from: date('2024-06-01'), kind: 'CUSTODY'}]->(jail)
CREATE (n1)-[:ASSOCIATED_WITH {kind: 'CO_OFFENDER', from: date('2019-05-01')}]->(n2)
"""


async def create_subject_access_graph(db: Database) -> None:
    await create_record_graph(db)
    await db.write(EXTRA)
