"""Exact graphs for who manages a nominal and where, written with Cypher.

`create_management_graph`: one nominal (VR-0000001, John Smith) with the full management picture
and three others linked to it; `create_caseload`: `count` nominals all of the same shape, for
counting round trips.
"""

from __future__ import annotations

from graph.db import Database

# Scotland ⊃ two MAPPA areas ⊃ local authorities, plus a police division without a population.
GEOGRAPHY = """
CREATE (scot:Area {uid: 'ar-scot', code: 'SCO', name: 'Scotland', kind: 'NATION',
                   population: 5447000})
CREATE (lot:Area {uid: 'ar-lot', code: 'MAPPA-LOT', name: 'Lothian and Borders',
                  kind: 'MAPPA_AREA', population: 950000})
CREATE (gla:Area {uid: 'ar-gla', code: 'MAPPA-GLA', name: 'Glasgow', kind: 'MAPPA_AREA',
                  population: 635130})
CREATE (edi:Area {uid: 'ar-edi', code: 'LA-EDI', name: 'City of Edinburgh',
                  kind: 'LOCAL_AUTHORITY', population: 526470})
CREATE (mid:Area {uid: 'ar-mid', code: 'LA-MID', name: 'Midlothian', kind: 'LOCAL_AUTHORITY',
                  population: 93150})
CREATE (glc:Area {uid: 'ar-glc', code: 'LA-GLC', name: 'Glasgow City',
                  kind: 'LOCAL_AUTHORITY', population: 635130})
CREATE (pde:Area {uid: 'ar-pde', code: 'PD-E', name: 'Edinburgh Division',
                  kind: 'POLICE_DIVISION'})
CREATE (lot)-[:PART_OF]->(scot), (gla)-[:PART_OF]->(scot), (pde)-[:PART_OF]->(scot),
       (edi)-[:PART_OF]->(lot), (mid)-[:PART_OF]->(lot), (glc)-[:PART_OF]->(gla)

CREATE (psos:Agency {uid: 'ag-psos', code: 'PSOS', name: 'Police Scotland', kind: 'POLICE',
                     jurisdiction: 'SCOTLAND', responsibleAuthority: true})
CREATE (cec:Agency {uid: 'ag-cec', code: 'CEC', name: 'City of Edinburgh Council',
                    kind: 'LOCAL_AUTHORITY', jurisdiction: 'SCOTLAND', responsibleAuthority: true})
CREATE (gcc:Agency {uid: 'ag-gcc', code: 'GCC', name: 'Glasgow City Council',
                    kind: 'LOCAL_AUTHORITY', jurisdiction: 'SCOTLAND', responsibleAuthority: true})
CREATE (sps:Agency {uid: 'ag-sps', code: 'SPS', name: 'Scottish Prison Service',
                    kind: 'PRISON', jurisdiction: 'SCOTLAND', responsibleAuthority: true})
CREATE (nhs:Agency {uid: 'ag-nhs', code: 'NHSL', name: 'NHS Lothian', kind: 'HEALTH',
                    jurisdiction: 'SCOTLAND', responsibleAuthority: true})

CREATE (m1:Officer {uid: 'of-m1', staffId: 'T-M1', name: 'Alan First',
                    roles: ['PRACTITIONER'], clearance: 'OFFICIAL', active: true})
CREATE (m2:Officer {uid: 'of-m2', staffId: 'T-M2', name: 'Beth Second',
                    roles: ['PRACTITIONER'], clearance: 'OFFICIAL', active: true})
CREATE (m3:Officer {uid: 'of-m3', staffId: 'T-M3', name: 'Cara Current',
                    roles: ['PRACTITIONER'], clearance: 'SECRET', active: true})
CREATE (p1:Officer {uid: 'of-p1', staffId: 'T-P1', name: 'Dana Prison',
                    roles: ['PRACTITIONER'], clearance: 'OFFICIAL', active: true})
CREATE (p2:Officer {uid: 'of-p2', staffId: 'T-P2', name: 'Evan Health',
                    roles: ['PRACTITIONER'], clearance: 'OFFICIAL', active: true})
CREATE (p3:Officer {uid: 'of-p3', staffId: 'T-P3', name: 'Fay Police',
                    roles: ['PRACTITIONER'], clearance: 'OFFICIAL', active: true})
CREATE (m1)-[:MEMBER_OF]->(psos), (m2)-[:MEMBER_OF]->(cec), (m3)-[:MEMBER_OF]->(gcc),
       (p1)-[:MEMBER_OF]->(sps), (p2)-[:MEMBER_OF]->(nhs), (p3)-[:MEMBER_OF]->(psos)
"""

NOMINALS = """
UNWIND $rows AS row
CREATE (n:Nominal {uid: row.uid, visorRef: row.ref, firstName: row.first, lastName: row.last,
                   aliases: row.aliases, dateOfBirth: date(row.born), category: 'SCOT-1',
                   level: row.level, riskLevel: row.risk, status: 'COMMUNITY',
                   createdAt: datetime('2022-01-10T00:00:00Z'), version: 1})
"""

JOHN_SMITH = """
MATCH (n:Nominal {uid: 'nom-1'})
MATCH (m1:Officer {uid: 'of-m1'}), (m2:Officer {uid: 'of-m2'}), (m3:Officer {uid: 'of-m3'})
MATCH (p1:Officer {uid: 'of-p1'}), (p2:Officer {uid: 'of-p2'}), (p3:Officer {uid: 'of-p3'})
MATCH (lot:Area {uid: 'ar-lot'}), (gla:Area {uid: 'ar-gla'})
MATCH (edi:Area {uid: 'ar-edi'}), (glc:Area {uid: 'ar-glc'})
MATCH (n2:Nominal {uid: 'nom-2'}), (n3:Nominal {uid: 'nom-3'}), (n4:Nominal {uid: 'nom-4'})

CREATE (m1)-[:MANAGES {from: datetime('2022-01-10T09:00:00Z'),
                       to: datetime('2023-03-01T12:00:00Z')}]->(n)
CREATE (m2)-[:MANAGES {from: datetime('2023-03-01T12:00:00Z'),
                       to: datetime('2024-06-15T08:30:00Z')}]->(n)
CREATE (m3)-[:MANAGES {from: datetime('2024-06-15T08:30:00Z')}]->(n)

CREATE (p1)-[:PARTNER_ON {from: datetime('2022-02-01T00:00:00Z'),
                          to: datetime('2023-12-31T00:00:00Z')}]->(n)
CREATE (p2)-[:PARTNER_ON {from: datetime('2024-01-05T10:00:00Z')}]->(n)
CREATE (p3)-[:PARTNER_ON {from: datetime('2024-07-01T00:00:00Z')}]->(n)

CREATE (n)-[:MANAGED_IN {from: datetime('2022-01-10T09:00:00Z'),
                         to: datetime('2024-06-15T08:30:00Z')}]->(lot)
CREATE (n)-[:MANAGED_IN {from: datetime('2024-06-15T08:30:00Z')}]->(gla)

CREATE (l1:Location {uid: 'lo-1', address: '12 Leith Walk, Edinburgh', postcode: 'EH6 5AA',
                     point: point({latitude: 55.965, longitude: -3.177})})-[:IN_AREA]->(edi)
CREATE (l2:Location {uid: 'lo-2', address: '4 Dalry Road, Edinburgh',
                     postcode: 'EH11 2BA'})-[:IN_AREA]->(edi)
CREATE (l3:Location {uid: 'lo-3', address: 'Flat 2/1, 40 Duke Street, Glasgow',
                     postcode: 'G4 0UL',
                     point: point({latitude: 55.8597, longitude: -4.2353})})-[:IN_AREA]->(glc)
CREATE (n)-[:RESIDED_AT {from: date('2021-05-01'), to: date('2023-02-10'), kind: 'HOME'}]->(l1)
CREATE (n)-[:RESIDED_AT {from: date('2023-02-10'), to: date('2024-06-01'),
                         kind: 'APPROVED_PREMISES'}]->(l2)
CREATE (n)-[:RESIDED_AT {from: date('2024-06-01'), kind: 'HOME'}]->(l3)

CREATE (n)-[:ASSOCIATED_WITH {kind: 'CO_OFFENDER', from: date('2020-03-01')}]->(n2)
CREATE (n3)-[:ASSOCIATED_WITH {kind: 'PARENT_OF', from: date('2015-01-01'),
                               to: date('2022-12-31')}]->(n)
CREATE (n)-[:ASSOCIATED_WITH {kind: 'OFFENDER_AGAINST'}]->(n4)

CREATE (t1:Transfer {uid: 'tr-1', status: 'REJECTED', reason: 'Proposed hostel in Glasgow',
                     requestedAt: datetime('2023-01-15T10:00:00Z'),
                     decidedAt: datetime('2023-01-20T15:00:00Z')})
CREATE (t1)-[:OF]->(n), (t1)-[:FROM_AREA]->(lot), (t1)-[:TO_AREA]->(gla),
       (t1)-[:REQUESTED_BY]->(m1), (t1)-[:DECIDED_BY]->(m3)
CREATE (t2:Transfer {uid: 'tr-2', status: 'CANCELLED', reason: 'Move fell through',
                     requestedAt: datetime('2023-09-01T09:00:00Z'),
                     decidedAt: datetime('2023-09-10T09:00:00Z')})
CREATE (t2)-[:OF]->(n), (t2)-[:FROM_AREA]->(lot), (t2)-[:TO_AREA]->(gla),
       (t2)-[:REQUESTED_BY]->(m2), (t2)-[:DECIDED_BY]->(m2)
CREATE (t3:Transfer {uid: 'tr-3', status: 'ACCEPTED', reason: 'Moved to Glasgow',
                     requestedAt: datetime('2024-05-20T09:00:00Z'),
                     decidedAt: datetime('2024-06-14T16:30:00Z')})
CREATE (t3)-[:OF]->(n), (t3)-[:FROM_AREA]->(lot), (t3)-[:TO_AREA]->(gla),
       (t3)-[:REQUESTED_BY]->(m2), (t3)-[:DECIDED_BY]->(m3)
CREATE (t4:Transfer {uid: 'tr-4', status: 'REQUESTED', reason: 'Returning to family',
                     requestedAt: datetime('2025-02-01T10:00:00Z')})
CREATE (t4)-[:OF]->(n), (t4)-[:FROM_AREA]->(gla), (t4)-[:TO_AREA]->(lot),
       (t4)-[:REQUESTED_BY]->(m3)
"""

PEOPLE = [
    {
        "uid": "nom-1",
        "ref": "VR-0000001",
        "first": "John",
        "last": "Smith",
        "aliases": ["Jock"],
        "born": "1979-04-02",
        "level": 2,
        "risk": "HIGH",
    },
    {
        "uid": "nom-2",
        "ref": "VR-0000002",
        "first": "Kevin",
        "last": "Brown",
        "aliases": [],
        "born": "1981-11-20",
        "level": 1,
        "risk": "MEDIUM",
    },
    {
        "uid": "nom-3",
        "ref": "VR-0000003",
        "first": "Mary",
        "last": "Smith",
        "aliases": [],
        "born": "1955-07-09",
        "level": 1,
        "risk": "LOW",
    },
    {
        "uid": "nom-4",
        "ref": "VR-0000004",
        "first": "Lee",
        "last": "Grant",
        "aliases": ["Lee G"],
        "born": "1990-01-30",
        "level": 3,
        "risk": "VERY_HIGH",
    },
]


async def create_management_graph(db: Database) -> None:
    """Areas, agencies and officers (T-M1, T-M2 past managers, T-M3 current; T-P1 ended
    partner, T-P2 and T-P3 current), John Smith (VR-0000001) with his full management picture,
    and VR-0000002..4, who have none of their own beyond the associations with him."""
    await db.write(GEOGRAPHY)
    await db.write(NOMINALS, rows=PEOPLE)
    await db.write(JOHN_SMITH)


# Every nominal i: two past managers and one current, an ended and a current partner, two
# MANAGED_IN periods, three residences (two areas), an association to i+1 and one from i-1
# (wrapping), and three transfers of which one is open.
CASELOAD = """
MATCH (m1:Officer {uid: 'of-m1'}), (m2:Officer {uid: 'of-m2'}), (m3:Officer {uid: 'of-m3'})
MATCH (p1:Officer {uid: 'of-p1'}), (p2:Officer {uid: 'of-p2'})
MATCH (lot:Area {uid: 'ar-lot'}), (gla:Area {uid: 'ar-gla'})
MATCH (edi:Area {uid: 'ar-edi'}), (glc:Area {uid: 'ar-glc'})
UNWIND range(1, $count) AS i
MATCH (n:Nominal {uid: 'nom-' + i})
MATCH (next:Nominal {uid: 'nom-' + (i % $count + 1)})
CREATE (m1)-[:MANAGES {from: datetime('2022-01-01T00:00:00Z'),
                       to: datetime('2023-01-01T00:00:00Z')}]->(n)
CREATE (m2)-[:MANAGES {from: datetime('2023-01-01T00:00:00Z'),
                       to: datetime('2024-01-01T00:00:00Z')}]->(n)
CREATE (m3)-[:MANAGES {from: datetime('2024-01-01T00:00:00Z')}]->(n)
CREATE (p1)-[:PARTNER_ON {from: datetime('2022-01-01T00:00:00Z'),
                          to: datetime('2023-01-01T00:00:00Z')}]->(n)
CREATE (p2)-[:PARTNER_ON {from: datetime('2023-06-01T00:00:00Z')}]->(n)
CREATE (n)-[:MANAGED_IN {from: datetime('2022-01-01T00:00:00Z'),
                         to: datetime('2024-01-01T00:00:00Z')}]->(lot)
CREATE (n)-[:MANAGED_IN {from: datetime('2024-01-01T00:00:00Z')}]->(gla)
CREATE (n)-[:RESIDED_AT {from: date('2021-01-01'), to: date('2022-01-01'), kind: 'HOME'}]->
       (:Location {uid: 'lo-' + i + '-a', address: i + ' Leith Walk', postcode: 'EH6 5AA',
                   point: point({latitude: 55.9, longitude: -3.1})})-[:IN_AREA]->(edi)
CREATE (n)-[:RESIDED_AT {from: date('2022-01-01'), to: date('2023-12-01'),
                         kind: 'TEMPORARY'}]->
       (:Location {uid: 'lo-' + i + '-b', address: i + ' Dalry Road',
                   postcode: 'EH11 2BA'})-[:IN_AREA]->(edi)
CREATE (n)-[:RESIDED_AT {from: date('2023-12-01'), kind: 'HOME'}]->
       (:Location {uid: 'lo-' + i + '-c', address: i + ' Duke Street', postcode: 'G4 0UL',
                   point: point({latitude: 55.8, longitude: -4.2})})-[:IN_AREA]->(glc)
CREATE (n)-[:ASSOCIATED_WITH {kind: 'ASSOCIATE', from: date('2020-01-01')}]->(next)
CREATE (t1:Transfer {uid: 'tr-' + i + '-a', status: 'ACCEPTED', reason: 'Moved',
                     requestedAt: datetime('2023-12-01T00:00:00Z'),
                     decidedAt: datetime('2023-12-20T00:00:00Z')})
CREATE (t1)-[:OF]->(n), (t1)-[:FROM_AREA]->(lot), (t1)-[:TO_AREA]->(gla),
       (t1)-[:REQUESTED_BY]->(m2), (t1)-[:DECIDED_BY]->(m3)
CREATE (t2:Transfer {uid: 'tr-' + i + '-b', status: 'REJECTED', reason: 'No',
                     requestedAt: datetime('2022-06-01T00:00:00Z'),
                     decidedAt: datetime('2022-06-09T00:00:00Z')})
CREATE (t2)-[:OF]->(n), (t2)-[:FROM_AREA]->(lot), (t2)-[:TO_AREA]->(gla),
       (t2)-[:REQUESTED_BY]->(m1), (t2)-[:DECIDED_BY]->(m3)
CREATE (t3:Transfer {uid: 'tr-' + i + '-c', status: 'REQUESTED', reason: 'Back',
                     requestedAt: datetime('2025-01-01T00:00:00Z')})
CREATE (t3)-[:OF]->(n), (t3)-[:FROM_AREA]->(gla), (t3)-[:TO_AREA]->(lot),
       (t3)-[:REQUESTED_BY]->(m3)
"""


async def create_caseload(db: Database, *, count: int = 50) -> None:
    """The areas, agencies and officers of `create_management_graph`, and `count` nominals
    VR-0000001.. of identical shape (CASELOAD)."""
    await db.write(GEOGRAPHY)
    rows = [
        {
            "uid": f"nom-{i}",
            "ref": f"VR-{i:07d}",
            "first": f"First{i}",
            "last": f"Last{i}",
            "aliases": [],
            "born": "1980-01-01",
            "level": 1,
            "risk": "HIGH",
        }
        for i in range(1, count + 1)
    ]
    await db.write(NOMINALS, rows=rows)
    await db.write(CASELOAD, count=count)
