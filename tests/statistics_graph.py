"""A fixture graph for management information, on top of tests/write_graph.py (nom-1 SCOT-1
level 2 and nom-2 SCOT-3 level 1, both managed in SCO-MAPPA-A since 2024-01-01).

Reporting year 2025 (2025-04-01 to 2026-03-31), snapshot on 2026-03-31:
S1  SCOT-1 L1, A; enters custody on 31 March 2026 (in custody that day)
S2  SCOT-2 L3, A; WANTED from 2026-01-10, open
S3  SCOT-1 L1, A; MISSING 2025-06-01 to 2026-03-31 (found that day: not missing on 31 March)
S4  SCOT-2 L2, A until 2025-10-01, then SCO-MAPPA-G (a move mid-year)
Breaches: nom-1 of the notification requirements 2025-05-01 CHARGED and 2025-06-01 REPORTED;
S4 of the notification requirements 2025-07-01 CONVICTED (then in A); nom-2 2025-03-31 (the year
before); nom-1 of its SHPO 2025-12-01 CAUTIONED.
Orders: nom-1 SHPO imposed 2025-09-01, open; nom-2 SRO imposed 2024-02-29 (a leap day) expiring
2026-03-30; nom-2 FOREIGN_TRAVEL_ORDER imposed 2024-02-29 expiring 2026-03-31 (in force that day).
Populations: SCO-MAPPA-A 300,000 and SCO-MAPPA-G 250,000 (fixture source "Test estimate", 2024).
S5  SCOT-3 L1, registered 2025-08-15 in Glasgow City (S12000049, part of SCO-MAPPA-G; the
    reference population, 622,820), in the community.
Convictions: nom-1 2025-11-15 (in A); S4 2025-11-20 (then in G); nom-2 2024-02-29 (a leap day).
Risk assessments (timeliness on 2026-03-31, review days LOW 365, HIGH 90): nom-1 HIGH 2025-12-31
(due 2026-03-31: due today, current); nom-2 LOW 2025-03-30 (due 2026-03-30: due yesterday, late);
S2 HIGH 2026-01-01 (current); S1 and S3 none (late).
Plans (levels 2 and 3): nom-1 (L2) reviewOn 2026-03-31 (current that day); S2 (L3) reviewOn
2026-03-30 (not current). Minutes (within 10 days): nom-1 meeting 2026-03-01 recorded 2026-03-11
(in time); nom-2 meeting 2026-03-01 recorded 2026-03-12 (late).
Transfers into SCO-MAPPA-G: S4 requested 2025-09-01 accepted 2025-10-01 (22 Scottish working
days, over the 20); nom-2 requested 2025-12-19 declined 2026-01-06 (8 working days: Christmas
and New Year holidays); nom-1 cancelled 2025-11-01 (no decision).
Officer S-GCC: a SUPERVISOR of GCCSW, which covers Glasgow City only (not SCO-MAPPA-G above it).
"""

from __future__ import annotations

from graph.db import Database
from tests.write_graph import create_write_graph

STATISTICS = """
MATCH (a:Area {code: 'SCO-MAPPA-A'}), (g:Area {code: 'SCO-MAPPA-G'})
SET a.population = 300000, a.populationSource = 'Test estimate', a.populationYear = 2024,
    g.population = 250000, g.populationSource = 'Test estimate', g.populationYear = 2024
WITH a, g
MATCH (n1:Nominal {uid: 'nom-1'}), (n2:Nominal {uid: 'nom-2'})
CREATE (s1:Nominal {uid: 'S1', visorRef: 'VR-0000011', firstName: 'S', lastName: 'One',
  aliases: [], category: 'SCOT-1', level: 1, riskLevel: 'LOW', status: 'CUSTODY', version: 1,
  createdAt: datetime('2024-06-01T09:00:00Z')})
CREATE (s2:Nominal {uid: 'S2', visorRef: 'VR-0000012', firstName: 'S', lastName: 'Two',
  aliases: [], category: 'SCOT-2', level: 3, riskLevel: 'HIGH',
  status: 'WHEREABOUTS_UNKNOWN', version: 1, createdAt: datetime('2024-06-01T09:00:00Z')})
CREATE (s3:Nominal {uid: 'S3', visorRef: 'VR-0000013', firstName: 'S', lastName: 'Three',
  aliases: [], category: 'SCOT-1', level: 1, riskLevel: 'LOW', status: 'COMMUNITY', version: 1,
  createdAt: datetime('2024-06-01T09:00:00Z')})
CREATE (s4:Nominal {uid: 'S4', visorRef: 'VR-0000014', firstName: 'S', lastName: 'Four',
  aliases: [], category: 'SCOT-2', level: 2, riskLevel: 'MEDIUM', status: 'COMMUNITY',
  version: 1, createdAt: datetime('2024-06-01T09:00:00Z')})
CREATE (s1)-[:MANAGED_IN {from: datetime('2024-06-01T09:00:00Z')}]->(a)
CREATE (s2)-[:MANAGED_IN {from: datetime('2024-06-01T09:00:00Z')}]->(a)
CREATE (s3)-[:MANAGED_IN {from: datetime('2024-06-01T09:00:00Z')}]->(a)
CREATE (s4)-[:MANAGED_IN {from: datetime('2024-06-01T09:00:00Z'),
                          to: datetime('2025-10-01T09:00:00Z')}]->(a)
CREATE (s4)-[:MANAGED_IN {from: datetime('2025-10-01T09:00:00Z')}]->(g)
CREATE (:Record:CustodyPeriod {uid: 'c1', classification: 'OFFICIAL', version: 1,
  establishment: 'HMP Test', startedOn: date('2026-03-31')})-[:ABOUT]->(s1)
CREATE (:Record:WhereaboutsUnknown {uid: 'w2', classification: 'OFFICIAL', version: 1,
  reason: 'WANTED', fromOn: date('2026-01-10')})-[:ABOUT]->(s2)
CREATE (:Record:WhereaboutsUnknown {uid: 'w3', classification: 'OFFICIAL', version: 1,
  reason: 'MISSING', fromOn: date('2025-06-01'), toOn: date('2026-03-31')})-[:ABOUT]->(s3)
CREATE (shpo:Record:CivilOrder {uid: 'o1', classification: 'OFFICIAL', version: 1,
  kind: 'SHPO', imposedOn: date('2025-09-01'), appliedBy: 'PSOS'})-[:ABOUT]->(n1)
CREATE (:Record:CivilOrder {uid: 'o2', classification: 'OFFICIAL', version: 1, kind: 'SRO',
  imposedOn: date('2024-02-29'), expiresOn: date('2026-03-30'), appliedBy: 'PSOS'})-[:ABOUT]->(n2)
CREATE (:Record:CivilOrder {uid: 'o3', classification: 'OFFICIAL', version: 1,
  kind: 'FOREIGN_TRAVEL_ORDER', imposedOn: date('2024-02-29'), expiresOn: date('2026-03-31'),
  appliedBy: 'PSOS'})-[:ABOUT]->(n2)
CREATE (:Record:Breach {uid: 'b1', classification: 'OFFICIAL', version: 1,
  requirement: 'notify a change of address', breaches: 'NOTIFICATION_REQUIREMENTS',
  reportedOn: date('2025-05-01'), outcome: 'CHARGED'})-[:ABOUT]->(n1)
CREATE (:Record:Breach {uid: 'b2', classification: 'OFFICIAL', version: 1,
  requirement: 'annual notification', breaches: 'NOTIFICATION_REQUIREMENTS',
  reportedOn: date('2025-06-01'), outcome: 'REPORTED'})-[:ABOUT]->(n1)
CREATE (:Record:Breach {uid: 'b3', classification: 'OFFICIAL', version: 1,
  requirement: 'notify foreign travel', breaches: 'NOTIFICATION_REQUIREMENTS',
  reportedOn: date('2025-07-01'), outcome: 'CONVICTED'})-[:ABOUT]->(s4)
CREATE (:Record:Breach {uid: 'b4', classification: 'OFFICIAL', version: 1,
  requirement: 'annual notification', breaches: 'NOTIFICATION_REQUIREMENTS',
  reportedOn: date('2025-03-31'), outcome: 'REPORTED'})-[:ABOUT]->(n2)
CREATE (b5:Record:Breach {uid: 'b5', classification: 'OFFICIAL', version: 1,
  requirement: 'no unsupervised contact', breaches: 'ORDER',
  reportedOn: date('2025-12-01'), outcome: 'CAUTIONED'})-[:ABOUT]->(n1)
CREATE (b5)-[:BREACHES]->(shpo)
WITH n1, n2, s2, s4, a, g
MATCH (glasgow:Area {code: 'S12000049'}), (gccsw:Agency {code: 'GCCSW'})
CREATE (:Officer {uid: 'off-s-gcc', staffId: 'S-GCC', name: 'Officer S-GCC', roles: ['SUPERVISOR'],
  clearance: 'SECRET', active: true})-[:MEMBER_OF]->(gccsw)
CREATE (s5:Nominal {uid: 'S5', visorRef: 'VR-0000015', firstName: 'S', lastName: 'Five',
  aliases: [], category: 'SCOT-3', level: 1, riskLevel: 'LOW', status: 'COMMUNITY',
  version: 1, createdAt: datetime('2025-08-15T10:00:00Z')})
CREATE (s5)-[:MANAGED_IN {from: datetime('2025-08-15T10:00:00Z')}]->(glasgow)
CREATE (:Record:Conviction {uid: 'cv1', classification: 'OFFICIAL', version: 1,
  offence: 'Test offence', convictedOn: date('2025-11-15')})-[:ABOUT]->(n1)
CREATE (:Record:Conviction {uid: 'cv2', classification: 'OFFICIAL', version: 1,
  offence: 'Test offence', convictedOn: date('2025-11-20')})-[:ABOUT]->(s4)
CREATE (:Record:Conviction {uid: 'cv3', classification: 'OFFICIAL', version: 1,
  offence: 'Test offence', convictedOn: date('2024-02-29')})-[:ABOUT]->(n2)
CREATE (:Record:RiskAssessment {uid: 'ra1', classification: 'OFFICIAL', version: 1,
  tool: 'RM2000', riskLevel: 'HIGH', assessedOn: date('2025-12-31'),
  createdAt: datetime('2025-12-31T12:00:00Z')})-[:ABOUT]->(n1)
CREATE (:Record:RiskAssessment {uid: 'ra2', classification: 'OFFICIAL', version: 1,
  tool: 'RM2000', riskLevel: 'LOW', assessedOn: date('2025-03-30'),
  createdAt: datetime('2025-03-30T12:00:00Z')})-[:ABOUT]->(n2)
CREATE (:Record:RiskAssessment {uid: 'ra3', classification: 'OFFICIAL', version: 1,
  tool: 'RM2000', riskLevel: 'HIGH', assessedOn: date('2026-01-01'),
  createdAt: datetime('2026-01-01T12:00:00Z')})-[:ABOUT]->(s2)
CREATE (:Record:RiskManagementPlan {uid: 'rmp1', classification: 'OFFICIAL', version: 1,
  startsOn: date('2025-06-01'), reviewOn: date('2026-03-31'), objectives: 'Test'})-[:ABOUT]->(n1)
CREATE (:Record:RiskManagementPlan {uid: 'rmp2', classification: 'OFFICIAL', version: 1,
  startsOn: date('2025-06-01'), reviewOn: date('2026-03-30'), objectives: 'Test'})-[:ABOUT]->(s2)
CREATE (:Record:MeetingMinutes {uid: 'mm1', classification: 'OFFICIAL', version: 1, level: 2,
  meetingOn: date('2026-03-01'), minutes: 'Test',
  createdAt: datetime('2026-03-11T12:00:00Z')})-[:ABOUT]->(n1)
CREATE (:Record:MeetingMinutes {uid: 'mm2', classification: 'OFFICIAL', version: 1, level: 1,
  meetingOn: date('2026-03-01'), minutes: 'Test',
  createdAt: datetime('2026-03-12T12:00:00Z')})-[:ABOUT]->(n2)
CREATE (t1:Transfer {uid: 't1', status: 'ACCEPTED', reason: 'Moving',
  requestedAt: datetime('2025-09-01T10:00:00Z'), decidedAt: datetime('2025-10-01T09:00:00Z'),
  dueBy: date('2025-09-29')})
CREATE (t1)-[:OF]->(s4), (t1)-[:FROM_AREA]->(a), (t1)-[:TO_AREA]->(g)
CREATE (t2:Transfer {uid: 't2', status: 'DECLINED', reason: 'Moving',
  requestedAt: datetime('2025-12-19T10:00:00Z'), decidedAt: datetime('2026-01-06T15:00:00Z'),
  dueBy: date('2026-01-22')})
CREATE (t2)-[:OF]->(n2), (t2)-[:FROM_AREA]->(a), (t2)-[:TO_AREA]->(g)
CREATE (t3:Transfer {uid: 't3', status: 'CANCELLED', reason: 'Moving',
  requestedAt: datetime('2025-10-01T10:00:00Z'), decidedAt: datetime('2025-11-01T10:00:00Z'),
  dueBy: date('2025-10-29')})
CREATE (t3)-[:OF]->(n1), (t3)-[:FROM_AREA]->(a), (t3)-[:TO_AREA]->(g)
"""


async def create_statistics_graph(db: Database) -> None:
    await create_write_graph(db)
    await db.write(STATISTICS)
