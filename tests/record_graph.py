"""An exact graph of record entries with provenance, written with Cypher, for the record view.

Agencies PSOS (Police Scotland), SPS (Scottish Prison Service), NHSL (NHS Lothian).

| staff id | name | agency | roles | clearance | relation to VR-0000001 |
| --- | --- | --- | --- | --- | --- |
| T-MGR | Morag Manager | PSOS | PRACTITIONER | SECRET | manager |
| T-PRT | Pat Partner | SPS | PRACTITIONER | OFFICIAL_SENSITIVE | open partner |
| T-EXP | Ewan Expartner | NHSL | PRACTITIONER | SECRET | closed partner |
| T-OUT | Olga Outsider | NHSL | PRACTITIONER | SECRET | none |
| T-COL | Colin Colleague | PSOS | PRACTITIONER | SECRET | none (entering agency) |
| T-LOW | Lou Lowclear | PSOS | PRACTITIONER | OFFICIAL | none (entering agency) |
| T-SUP | Sally Supervisor | PSOS | SUPERVISOR | SECRET | none |
| T-SPS | Sam Supervisor | SPS | SUPERVISOR | SECRET | none |
| T-ADM | Ada Admin | PSOS | ADMIN | SECRET | none |

Records of VR-0000001 (status CUSTODY), entered by / on behalf of, current versions newest first:

| uid | kind | classification | entered | by (agency) | notes |
| --- | --- | --- | --- | --- | --- |
| rec-cust-2 | CustodyPeriod | OFFICIAL | 2024-06-01T10:00Z | T-PRT (SPS) | open, HMP Barlinnie |
| rec-rmp-2 | RiskManagementPlan | OFFICIAL | 2024-05-20T09:00Z | T-MGR (PSOS) | |
| rec-secret | Note | SECRET | 2024-05-01T09:00Z | T-MGR (PSOS) | |
| rec-int-r | Intelligence | OFFICIAL | 2024-04-20T08:00Z | T-COL (PSOS) | restricted, P |
| rec-int-c | Intelligence | OFFICIAL_SENSITIVE | 2024-04-10T08:00Z | T-MGR (PSOS) | handling C |
| rec-ra-3 | RiskAssessment v3 | OFFICIAL_SENSITIVE | 2024-04-01T10:00Z | T-MGR (PSOS) | verified |
| rec-min | MeetingMinutes | OFFICIAL_SENSITIVE | 2024-03-10T14:00Z | T-PRT (SPS) | |
| rec-rmp-1 | RiskManagementPlan | OFFICIAL | 2024-02-15T12:00Z | T-MGR (PSOS) | |
| rec-notif | Notification | OFFICIAL | 2024-02-05T11:00Z | T-MGR (PSOS) | |
| rec-conv | Conviction | OFFICIAL | 2024-01-10T09:00Z | T-MGR (PSOS) | verified |
| rec-ra-b | RiskAssessment | OFFICIAL | 2023-06-01T09:00Z | T-MGR (PSOS) | |
| rec-cust-1 | CustodyPeriod | OFFICIAL | 2023-01-05T10:00Z | T-PRT (SPS) | ended |

rec-ra-3 REVISION_OF rec-ra-2 (2024-03-01T10:00Z, T-PRT for SPS) REVISION_OF rec-ra-1
(2024-02-01T10:00Z, T-MGR for PSOS). VR-0000002 has one Note (rec-n2, 2024-01-01T09:00Z, T-MGR).
"""

from __future__ import annotations

import datetime
from typing import Any

from graph.db import Database

SECRET_TEXTS = (
    "Witness protection arrangements in place",
    "Seen near a primary school on 3 April",
    "Covert source reports contact with a co-accused",
    "Not to be shared outside MAPPA partners",
)

PEOPLE = """
CREATE (psos:Agency {uid: 'ag-psos', code: 'PSOS', name: 'Police Scotland', kind: 'POLICE',
                     jurisdiction: 'SCOTLAND', responsibleAuthority: true})
CREATE (sps:Agency {uid: 'ag-sps', code: 'SPS', name: 'Scottish Prison Service', kind: 'PRISON',
                    jurisdiction: 'SCOTLAND', responsibleAuthority: true})
CREATE (nhs:Agency {uid: 'ag-nhsl', code: 'NHSL', name: 'NHS Lothian', kind: 'HEALTH',
                    jurisdiction: 'SCOTLAND', responsibleAuthority: true})
WITH psos, sps, nhs
UNWIND [
  ['of-mgr', 'T-MGR', 'Morag Manager', 'PRACTITIONER', 'SECRET', psos],
  ['of-prt', 'T-PRT', 'Pat Partner', 'PRACTITIONER', 'OFFICIAL_SENSITIVE', sps],
  ['of-exp', 'T-EXP', 'Ewan Expartner', 'PRACTITIONER', 'SECRET', nhs],
  ['of-out', 'T-OUT', 'Olga Outsider', 'PRACTITIONER', 'SECRET', nhs],
  ['of-col', 'T-COL', 'Colin Colleague', 'PRACTITIONER', 'SECRET', psos],
  ['of-low', 'T-LOW', 'Lou Lowclear', 'PRACTITIONER', 'OFFICIAL', psos],
  ['of-sup', 'T-SUP', 'Sally Supervisor', 'SUPERVISOR', 'SECRET', psos],
  ['of-sps', 'T-SPS', 'Sam Supervisor', 'SUPERVISOR', 'SECRET', sps],
  ['of-adm', 'T-ADM', 'Ada Admin', 'ADMIN', 'SECRET', psos]
] AS o
WITH o, o[5] AS agency
CREATE (:Officer {uid: o[0], staffId: o[1], name: o[2], roles: [o[3]], clearance: o[4],
                  active: true})-[:MEMBER_OF]->(agency)
"""

NOMINALS = """
UNWIND range(1, $count) AS i
MATCH (mgr:Officer {uid: 'of-mgr'}), (prt:Officer {uid: 'of-prt'}), (exp:Officer {uid: 'of-exp'})
CREATE (n:Nominal {uid: 'nom-' + i, visorRef: 'VR-' + right('0000000' + toString(i), 7),
                   firstName: 'First' + i, lastName: 'Last' + i, aliases: [],
                   category: 'SCOT-1', level: 2, riskLevel: 'HIGH',
                   status: CASE i WHEN 1 THEN 'CUSTODY' ELSE 'COMMUNITY' END,
                   createdAt: datetime('2023-01-01T00:00:00Z'), version: 1})
CREATE (mgr)-[:MANAGES {from: datetime('2023-01-01T00:00:00Z')}]->(n)
CREATE (prt)-[:PARTNER_ON {from: datetime('2023-01-01T00:00:00Z')}]->(n)
CREATE (exp)-[:PARTNER_ON {from: datetime('2023-01-01T00:00:00Z'),
                           to: datetime('2023-06-01T00:00:00Z')}]->(n)
"""

ENTRY = """
UNWIND $records AS rec
MATCH (n:Nominal {uid: rec.nominal}), (o:Officer {uid: rec.officer}), (a:Agency {uid: rec.agency})
CREATE (r:Record {uid: rec.uid, classification: rec.classification,
                  createdAt: datetime(rec.at), version: rec.version, summary: rec.summary})
SET r += rec.props
CREATE (r)-[:ABOUT]->(n), (r)-[:ENTERED_BY {at: datetime(rec.at)}]->(o), (r)-[:ON_BEHALF_OF]->(a)
SET r:$(rec.kind)
RETURN count(r) AS created
"""

LINKS = """
MATCH (ra1:Record {uid: 'rec-ra-1'}), (ra2:Record {uid: 'rec-ra-2'}), (ra3:Record {uid: 'rec-ra-3'})
CREATE (ra2)-[:REVISION_OF]->(ra1), (ra3)-[:REVISION_OF]->(ra2)
WITH ra3
MATCH (mgr:Officer {uid: 'of-mgr'}), (conv:Record {uid: 'rec-conv'})
CREATE (mgr)-[:VERIFIED {at: datetime('2024-04-02T09:30:00Z')}]->(ra3)
CREATE (mgr)-[:VERIFIED {at: datetime('2024-01-11T10:00:00Z')}]->(conv)
"""


def _d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _entry(
    uid: str,
    kind: str,
    classification: str,
    at: str,
    officer: str,
    agency: str,
    summary: str,
    nominal: str = "nom-1",
    version: int = 1,
    **props: object,
) -> dict[str, object]:
    return {
        "uid": uid,
        "kind": kind,
        "classification": classification,
        "at": at,
        "officer": officer,
        "agency": agency,
        "summary": summary,
        "nominal": nominal,
        "version": version,
        "props": props,
    }


RA: dict[str, Any] = {
    "tool": "RM2000",
    "assessedOn": _d("2024-02-01"),
    "nextReviewOn": _d("2024-08-01"),
}

FIXTURE_RECORDS = [
    _entry(
        "rec-conv",
        "Conviction",
        "OFFICIAL",
        "2024-01-10T09:00:00Z",
        "of-mgr",
        "ag-psos",
        "Conviction: sexual assault",
        offence="Sexual assault",
        convictedOn=_d("2020-05-01"),
        court="Edinburgh Sheriff Court",
        sentence="6 years",
    ),
    _entry(
        "rec-ra-1",
        "RiskAssessment",
        "OFFICIAL_SENSITIVE",
        "2024-02-01T10:00:00Z",
        "of-mgr",
        "ag-psos",
        "Risk assessed as medium",
        riskLevel="MEDIUM",
        **RA,
    ),
    _entry(
        "rec-ra-2",
        "RiskAssessment",
        "OFFICIAL_SENSITIVE",
        "2024-03-01T10:00:00Z",
        "of-prt",
        "ag-sps",
        "Risk assessed as high",
        version=2,
        riskLevel="HIGH",
        **RA,
    ),
    _entry(
        "rec-ra-3",
        "RiskAssessment",
        "OFFICIAL_SENSITIVE",
        "2024-04-01T10:00:00Z",
        "of-mgr",
        "ag-psos",
        "Risk assessed as very high",
        version=3,
        riskLevel="VERY_HIGH",
        **RA,
    ),
    _entry(
        "rec-ra-b",
        "RiskAssessment",
        "OFFICIAL",
        "2023-06-01T09:00:00Z",
        "of-mgr",
        "ag-psos",
        "Risk assessed as low",
        tool="SA07",
        riskLevel="LOW",
        assessedOn=_d("2023-06-01"),
    ),
    _entry(
        "rec-rmp-1",
        "RiskManagementPlan",
        "OFFICIAL",
        "2024-02-15T12:00:00Z",
        "of-mgr",
        "ag-psos",
        "Plan",
        startsOn=_d("2024-02-15"),
        reviewOn=_d("2024-05-15"),
        objectives="Curfew and exclusion zone",
    ),
    _entry(
        "rec-rmp-2",
        "RiskManagementPlan",
        "OFFICIAL",
        "2024-05-20T09:00:00Z",
        "of-mgr",
        "ag-psos",
        "Plan on release",
        startsOn=_d("2024-05-20"),
        objectives="Approved premises; weekly contact",
    ),
    _entry(
        "rec-min",
        "MeetingMinutes",
        "OFFICIAL_SENSITIVE",
        "2024-03-10T14:00:00Z",
        "of-prt",
        "ag-sps",
        "MAPPA level 2 meeting",
        meetingOn=_d("2024-03-10"),
        level=2,
        attendees=["Morag Manager", "Pat Partner"],
        minutes="Agreed a level 2 plan",
    ),
    _entry(
        "rec-int-c",
        "Intelligence",
        "OFFICIAL_SENSITIVE",
        "2024-04-10T08:00:00Z",
        "of-mgr",
        "ag-psos",
        "Intelligence report",
        sourceEvaluation="2",
        intelligenceAssessment="B",
        handlingCode="C",
        handlingConditions="Not to be shared outside MAPPA partners",
        restricted=False,
        text="Seen near a primary school on 3 April",
    ),
    _entry(
        "rec-int-r",
        "Intelligence",
        "OFFICIAL",
        "2024-04-20T08:00:00Z",
        "of-col",
        "ag-psos",
        "Intelligence report",
        sourceEvaluation="1",
        intelligenceAssessment="A",
        handlingCode="P",
        restricted=True,
        text="Covert source reports contact with a co-accused",
    ),
    _entry(
        "rec-secret",
        "Note",
        "SECRET",
        "2024-05-01T09:00:00Z",
        "of-mgr",
        "ag-psos",
        "Case note",
        text="Witness protection arrangements in place",
    ),
    _entry(
        "rec-cust-1",
        "CustodyPeriod",
        "OFFICIAL",
        "2023-01-05T10:00:00Z",
        "of-prt",
        "ag-sps",
        "Custody period",
        establishment="HMP Edinburgh",
        startedOn=_d("2022-01-01"),
        endedOn=_d("2023-01-01"),
    ),
    _entry(
        "rec-cust-2",
        "CustodyPeriod",
        "OFFICIAL",
        "2024-06-01T10:00:00Z",
        "of-prt",
        "ag-sps",
        "Custody period",
        establishment="HMP Barlinnie",
        startedOn=_d("2024-06-01"),
    ),
    _entry(
        "rec-notif",
        "Notification",
        "OFFICIAL",
        "2024-02-05T11:00:00Z",
        "of-mgr",
        "ag-psos",
        "Initial notification",
        notifiedOn=_d("2024-02-05"),
        requirement="Initial notification",
        details="Made in person",
    ),
    _entry(
        "rec-n2",
        "Note",
        "OFFICIAL",
        "2024-01-01T09:00:00Z",
        "of-mgr",
        "ag-psos",
        "Case note",
        nominal="nom-2",
        text="Other nominal note",
    ),
]


async def create_record_graph(db: Database) -> None:
    """The officers and records of the module docstring: VR-0000001 and VR-0000002."""
    await db.write(PEOPLE)
    await db.write(NOMINALS, count=2)
    await db.write(ENTRY, records=FIXTURE_RECORDS)
    await db.write(LINKS)


async def create_many_nominals(db: Database, count: int) -> None:
    """The officers, and `count` nominals each with the records of VR-0000001 (uids suffixed
    with the nominal's number): for counting round trips."""
    await db.write(PEOPLE)
    await db.write(NOMINALS, count=count)
    rows = [
        entry | {"uid": f"{entry['uid']}-{i}", "nominal": f"nom-{i}"}
        for i in range(1, count + 1)
        for entry in FIXTURE_RECORDS
        if entry["nominal"] == "nom-1"
    ]
    await db.write(ENTRY, records=rows)
    await db.write(
        """
        UNWIND range(1, $count) AS i
        MATCH (ra1:Record {uid: 'rec-ra-1-' + i}), (ra2:Record {uid: 'rec-ra-2-' + i}),
              (ra3:Record {uid: 'rec-ra-3-' + i}), (mgr:Officer {uid: 'of-mgr'})
        CREATE (ra2)-[:REVISION_OF]->(ra1), (ra3)-[:REVISION_OF]->(ra2)
        CREATE (mgr)-[:VERIFIED {at: datetime('2024-04-02T09:30:00Z')}]->(ra3)
        """,
        count=count,
    )
