"""An exact graph for the minimum standards (graph/reference/standards.toml), scored on 31 March
2026 with the default review periods (LOW 365, MEDIUM 180, HIGH 90 days).

Areas: Scotland S92000003 (NATION) with two MAPPA areas, MA-N and MA-S. PSOS covers MA-N only.

| staff id | agency | roles |
| --- | --- | --- |
| S-MGR | PSOS | PRACTITIONER (manager of VR-1, VR-2, VR-4, VR-6) |
| S-ENT | SPS | PRACTITIONER (entered the intelligence, minutes of VR-3 and the breach) |
| S-SUP | PSOS | SUPERVISOR |
| S-ANA | PSOS | ANALYST |
| S-ADM | PSOS | ADMIN |
| S-PRC | PSOS | PRACTITIONER (manages no one) |

Nominals (area, status, level: what the rules find):

- VR-0000001 (MA-N, COMMUNITY, 1): compliant; a LOW assessment of 2025-03-31 is due today;
  minutes recorded on day 10 after the meeting.
- VR-0000002 (MA-N, COMMUNITY, 2): a HIGH assessment of 2025-12-30 was due yesterday; no plan;
  intelligence with handling code C and no conditions (entered by S-ENT).
- VR-0000003 (MA-N, WHEREABOUTS_UNKNOWN, 3): no manager; minutes on day 11 (S-ENT); a breach
  recorded 2 days after it was reported (S-ENT).
- VR-0000004 (MA-S, COMMUNITY, 1): no current address.
- VR-0000005 (MA-N, DECEASED, 1): out of scope (no manager, nothing recorded).
- VR-0000006 (MA-N, CUSTODY, 1): address ended, but in custody (compliant); its 2026-03-01 HIGH
  assessment was corrected to 2025-11-01, so it is overdue since 2026-01-30.
"""

from __future__ import annotations

from graph.db import Database

TODAY = "2026-03-31"

GRAPH = """
CREATE (sc:Area {uid: 'ar-sc', code: 'S92000003', name: 'Scotland', kind: 'NATION'})
CREATE (mn:Area {uid: 'ar-mn', code: 'MA-N', name: 'North', kind: 'MAPPA_AREA'})-[:PART_OF]->(sc)
CREATE (ms:Area {uid: 'ar-ms', code: 'MA-S', name: 'South', kind: 'MAPPA_AREA'})-[:PART_OF]->(sc)
CREATE (psos:Agency {uid: 'ag-psos', code: 'PSOS', name: 'Police Scotland', kind: 'POLICE',
                     jurisdiction: 'SCOTLAND', responsibleAuthority: true})-[:COVERS]->(mn)
CREATE (sps:Agency {uid: 'ag-sps', code: 'SPS', name: 'Scottish Prison Service', kind: 'PRISON',
                    jurisdiction: 'SCOTLAND', responsibleAuthority: true})
WITH sc, mn, ms, psos, sps
UNWIND [['S-MGR', 'Mhairi Manager', 'PSOS', ['PRACTITIONER']],
        ['S-ENT', 'Euan Entrant', 'SPS', ['PRACTITIONER']],
        ['S-SUP', 'Sheena Supervisor', 'PSOS', ['SUPERVISOR']],
        ['S-ANA', 'Angus Analyst', 'PSOS', ['ANALYST']],
        ['S-ADM', 'Ailsa Admin', 'PSOS', ['ADMIN']],
        ['S-PRC', 'Peter Practitioner', 'PSOS', ['PRACTITIONER']]] AS o
MATCH (ag:Agency {code: o[2]})
CREATE (:Officer {uid: 'of-' + o[0], staffId: o[0], name: o[1], roles: o[3],
                  clearance: 'SECRET', active: true})-[:MEMBER_OF]->(ag)
WITH count(*) AS officers
UNWIND [[1, 'MA-N', 'COMMUNITY', 1, 'LOW', true], [2, 'MA-N', 'COMMUNITY', 2, 'HIGH', true],
        [3, 'MA-N', 'WHEREABOUTS_UNKNOWN', 3, 'MEDIUM', false],
        [4, 'MA-S', 'COMMUNITY', 1, 'LOW', true], [5, 'MA-N', 'DECEASED', 1, 'LOW', false],
        [6, 'MA-N', 'CUSTODY', 1, 'HIGH', true]] AS row
MATCH (a:Area {code: row[1]}), (mgr:Officer {staffId: 'S-MGR'})
CREATE (n:Nominal {uid: 'nm-' + row[0], visorRef: 'VR-000000' + row[0], firstName: 'First' + row[0],
                   lastName: 'Last' + row[0], category: 'SCOT-1', level: row[3], riskLevel: row[4],
                   status: row[2], createdAt: datetime('2024-01-01T09:00Z'), version: 1})
CREATE (n)-[:MANAGED_IN {from: datetime('2024-01-01T09:00Z')}]->(a)
FOREACH (_ IN CASE WHEN row[5] THEN [1] ELSE [] END |
  CREATE (mgr)-[:MANAGES {from: datetime('2024-01-01T09:00Z')}]->(n))
WITH count(*) AS nominals
MATCH (n1:Nominal {uid: 'nm-1'}), (n2:Nominal {uid: 'nm-2'}), (n3:Nominal {uid: 'nm-3'}),
      (n6:Nominal {uid: 'nm-6'})
CREATE (l:Location {uid: 'lc-1', address: '1 High Street', postcode: 'IV1 1AA'})
CREATE (n1)-[:RESIDED_AT {from: date('2025-01-01'), kind: 'HOME'}]->(l)
CREATE (n2)-[:RESIDED_AT {from: date('2025-01-01'), kind: 'HOME'}]->(l)
CREATE (n6)-[:RESIDED_AT {from: date('2025-01-01'), to: date('2026-01-01'), kind: 'HOME'}]->(l)
"""

RECORDS = """
UNWIND $records AS r
MATCH (n:Nominal {uid: r.about}), (o:Officer {staffId: r.by})-[:MEMBER_OF]->(ag:Agency)
CREATE (rec:Record {uid: r.uid, classification: 'OFFICIAL', createdAt: datetime(r.createdAt),
                    version: 1})
SET rec += r.props
CREATE (rec)-[:ABOUT]->(n)
CREATE (rec)-[:ENTERED_BY {at: datetime(r.createdAt)}]->(o)
CREATE (rec)-[:ON_BEHALF_OF]->(ag)
WITH rec, r
FOREACH (_ IN CASE WHEN r.kind = 'RiskAssessment' THEN [1] ELSE [] END | SET rec:RiskAssessment)
FOREACH (_ IN CASE WHEN r.kind = 'RiskManagementPlan' THEN [1] ELSE [] END |
  SET rec:RiskManagementPlan)
FOREACH (_ IN CASE WHEN r.kind = 'MeetingMinutes' THEN [1] ELSE [] END | SET rec:MeetingMinutes)
FOREACH (_ IN CASE WHEN r.kind = 'Intelligence' THEN [1] ELSE [] END | SET rec:Intelligence)
FOREACH (_ IN CASE WHEN r.kind = 'Breach' THEN [1] ELSE [] END | SET rec:Breach)
RETURN count(*) AS n
"""


def _record(
    uid: str, kind: str, about: str, by: str, created: str, **props: object
) -> dict[str, object]:
    return {
        "uid": uid,
        "kind": kind,
        "about": about,
        "by": by,
        "createdAt": created,
        "props": props,
    }


async def create_standards_graph(db: Database) -> None:
    await db.write(GRAPH)
    records = [
        _record(
            "ra-1",
            "RiskAssessment",
            "nm-1",
            "S-MGR",
            "2025-03-31T10:00Z",
            tool="RM2000",
            riskLevel="LOW",
            assessedOn="2025-03-31",
        ),
        _record(
            "mm-1",
            "MeetingMinutes",
            "nm-1",
            "S-MGR",
            "2026-03-11T10:00Z",
            meetingOn="2026-03-01",
            level=1,
            minutes="Reviewed.",
        ),
        _record(
            "ra-2",
            "RiskAssessment",
            "nm-2",
            "S-MGR",
            "2025-12-30T10:00Z",
            tool="RM2000",
            riskLevel="HIGH",
            assessedOn="2025-12-30",
        ),
        _record(
            "in-2",
            "Intelligence",
            "nm-2",
            "S-ENT",
            "2026-01-05T10:00Z",
            sourceEvaluation="2",
            intelligenceAssessment="B",
            handlingCode="C",
            restricted=False,
            text="Seen.",
        ),
        _record(
            "ra-3",
            "RiskAssessment",
            "nm-3",
            "S-MGR",
            "2026-01-01T10:00Z",
            tool="RM2000",
            riskLevel="MEDIUM",
            assessedOn="2026-01-01",
        ),
        _record(
            "rp-3",
            "RiskManagementPlan",
            "nm-3",
            "S-MGR",
            "2026-01-02T10:00Z",
            startsOn="2026-01-02",
            reviewOn="2026-06-01",
            objectives="Locate.",
        ),
        _record(
            "mm-3",
            "MeetingMinutes",
            "nm-3",
            "S-ENT",
            "2026-02-12T10:00Z",
            meetingOn="2026-02-01",
            level=3,
            minutes="Missing.",
        ),
        _record(
            "br-3",
            "Breach",
            "nm-3",
            "S-ENT",
            "2026-03-03T10:00Z",
            reportedOn="2026-03-01",
            requirement="Notify address",
            outcome="REPORTED",
        ),
        _record(
            "ra-4",
            "RiskAssessment",
            "nm-4",
            "S-MGR",
            "2026-01-01T10:00Z",
            tool="RM2000",
            riskLevel="LOW",
            assessedOn="2026-01-01",
        ),
        _record(
            "ra-6a",
            "RiskAssessment",
            "nm-6",
            "S-MGR",
            "2026-03-01T10:00Z",
            tool="RM2000",
            riskLevel="HIGH",
            assessedOn="2026-03-01",
        ),
    ]
    await db.write(RECORDS, records=records)
    await db.write(
        """
        MATCH (r:Record) WHERE r.assessedOn IS NOT NULL OR r.meetingOn IS NOT NULL
           OR r.startsOn IS NOT NULL OR r.reportedOn IS NOT NULL
        SET r.assessedOn = CASE WHEN r.assessedOn IS NULL THEN null ELSE date(r.assessedOn) END,
            r.meetingOn = CASE WHEN r.meetingOn IS NULL THEN null ELSE date(r.meetingOn) END,
            r.startsOn = CASE WHEN r.startsOn IS NULL THEN null ELSE date(r.startsOn) END,
            r.reviewOn = CASE WHEN r.reviewOn IS NULL THEN null ELSE date(r.reviewOn) END,
            r.reportedOn = CASE WHEN r.reportedOn IS NULL THEN null ELSE date(r.reportedOn) END
        """
    )
    # ra-6a (assessed 2026-03-01) was corrected by ra-6c: assessed 2025-11-01, due 2026-01-30.
    await db.write(
        """
        MATCH (old:Record {uid: 'ra-6a'})
        CREATE (new:Record:RiskAssessment {uid: 'ra-6c', classification: 'OFFICIAL',
                createdAt: datetime('2026-03-01T10:00Z'), version: 2, tool: 'RM2000',
                riskLevel: 'HIGH', assessedOn: date('2025-11-01')})-[:REVISION_OF]->(old)
        WITH old, new
        MATCH (old)-[:ABOUT]->(n), (o:Officer {staffId: 'S-MGR'})-[:MEMBER_OF]->(ag)
        CREATE (new)-[:ABOUT]->(n), (new)-[:ENTERED_BY {at: new.createdAt}]->(o),
               (new)-[:ON_BEHALF_OF]->(ag)
        """
    )
