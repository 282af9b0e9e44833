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
"""


async def create_statistics_graph(db: Database) -> None:
    await create_write_graph(db)
    await db.write(STATISTICS)
