"""A small link graph with known answers for the analysis queries, written with plain Cypher.

Nominals VR-0000001 (A) .. VR-0000008 (H), each managed by its own officer M-1 .. M-8 (PSOS):

    A -ASSOCIATION (CO_OFFENDER, from 2020-01-01)- B
    B -SHARED_ADDRESS (loc-1; overlap 2021-06-01 .. 2021-12-31)- C
    C -CO_MENTION (rec-visible: ABOUT C, MENTIONS D, OFFICIAL, handling P; 2022-03-01)- D
    A -CO_MENTION (rec-hidden: ABOUT A, MENTIONS E, restricted, entered for SPS)- E
    E -ASSOCIATION (ASSOCIATE)- F: F is reachable from A only through the hidden co-mention
    F -SHARED_MANAGER (officer M-SH partner on both; overlap 2023-06-01 .. 2023-12-31)- G
    H has no links.

Officers: AN-1 (analyst, OFFICIAL_SENSITIVE, Analysis Unit), PR-1 (a practitioner with no
nominals). The hidden record's text is HIDDEN_MARKER, which no reader but its stewards sees.
"""

from __future__ import annotations

from graph.db import Database

HIDDEN_MARKER = "MARKER-7f3a restricted source says A met E"

LINK_GRAPH = """
CREATE (psos:Agency {uid: 'ag-psos', code: 'PSOS', name: 'Police Scotland', kind: 'POLICE',
                     jurisdiction: 'SCOTLAND', responsibleAuthority: true})
CREATE (sps:Agency {uid: 'ag-sps', code: 'SPS', name: 'Scottish Prison Service', kind: 'PRISON',
                    jurisdiction: 'SCOTLAND', responsibleAuthority: true})
CREATE (unit:Agency {uid: 'ag-unit', code: 'AU', name: 'Analysis Unit', kind: 'OTHER',
                     jurisdiction: 'SCOTLAND', responsibleAuthority: false})
CREATE (:Officer {uid: 'of-an', staffId: 'AN-1', name: 'Ann Analyst', roles: ['ANALYST'],
                  clearance: 'OFFICIAL_SENSITIVE', active: true})-[:MEMBER_OF]->(unit)
CREATE (:Officer {uid: 'of-pr', staffId: 'PR-1', name: 'Pete Practitioner',
                  roles: ['PRACTITIONER'], clearance: 'SECRET', active: true})-[:MEMBER_OF]->(psos)
CREATE (sh:Officer {uid: 'of-sh', staffId: 'M-SH', name: 'Sam Shared', roles: ['PRACTITIONER'],
                    clearance: 'OFFICIAL', active: true})-[:MEMBER_OF]->(sps)
WITH psos, sps, sh
UNWIND range(1, 8) AS i
CREATE (n:Nominal {uid: 'nom-' + i, visorRef: 'VR-000000' + i, firstName: 'Person',
                   lastName: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'][i - 1], aliases: [],
                   category: 'SCOT-1', level: 1, riskLevel: 'LOW', status: 'COMMUNITY',
                   createdAt: datetime('2025-01-01T00:00:00Z'), version: 1})
CREATE (m:Officer {uid: 'of-m' + i, staffId: 'M-' + i, name: 'Manager ' + i,
                   roles: ['PRACTITIONER'], clearance: 'SECRET', active: true})
CREATE (m)-[:MEMBER_OF]->(psos)
CREATE (m)-[:MANAGES {from: datetime('2025-01-01T00:00:00Z')}]->(n)
WITH psos, sps, sh, collect(n) AS ns
WITH psos, sps, sh, ns[0] AS a, ns[1] AS b, ns[2] AS c, ns[3] AS d, ns[4] AS e, ns[5] AS f,
     ns[6] AS g
CREATE (a)-[:ASSOCIATED_WITH {kind: 'CO_OFFENDER', from: date('2020-01-01')}]->(b)
CREATE (e)-[:ASSOCIATED_WITH {kind: 'ASSOCIATE'}]->(f)
CREATE (loc:Location {uid: 'loc-1', address: '5 Hostel Road', postcode: 'AB10 1AA'})
CREATE (b)-[:RESIDED_AT {from: date('2021-01-01'), to: date('2021-12-31'), kind: 'HOME'}]->(loc)
CREATE (c)-[:RESIDED_AT {from: date('2021-06-01'), kind: 'APPROVED_PREMISES'}]->(loc)
CREATE (vis:Record:Intelligence {uid: 'rec-visible', classification: 'OFFICIAL',
        createdAt: datetime('2022-03-01T10:00:00Z'), version: 1, sourceEvaluation: '1',
        intelligenceAssessment: 'A', handlingCode: 'P', restricted: false,
        text: 'C was seen with D'})
CREATE (vis)-[:ABOUT]->(c), (vis)-[:MENTIONS]->(d), (vis)-[:ON_BEHALF_OF]->(psos)
CREATE (hid:Record:Intelligence {uid: 'rec-hidden', classification: 'OFFICIAL',
        createdAt: datetime('2022-05-01T10:00:00Z'), version: 1, sourceEvaluation: '2',
        intelligenceAssessment: 'B', handlingCode: 'P', restricted: true, text: $marker})
CREATE (hid)-[:ABOUT]->(a), (hid)-[:MENTIONS]->(e), (hid)-[:ON_BEHALF_OF]->(sps)
CREATE (sh)-[:PARTNER_ON {from: datetime('2023-01-01T00:00:00Z')}]->(f)
CREATE (sh)-[:PARTNER_ON {from: datetime('2023-06-01T00:00:00Z'),
                          to: datetime('2023-12-31T00:00:00Z')}]->(g)
"""


async def create_link_graph(db: Database) -> None:
    await db.write(LINK_GRAPH, marker=HIDDEN_MARKER)
