"""The graph of the access-control matrix and the object-level attack tests: the eight actors of
issue 4, a target nominal (A, VR-0000001) with records of several markings, a second nominal
(B, VR-0000002), a pending transfer, a subject access request and a few audit events.

It is tests/management_write_graph.py (reference data, the W- officers, A managed by W-MGR with
partners W-PRT and W-NAG, B and VR-0000003 managed by W-OUT, A's address and its link to B) plus:

| role | staff id | agency | roles | clearance | relation to A |
| --- | --- | --- | --- | --- | --- |
| practitioner | W-NEW | PSOS | PRACTITIONER | SECRET | none (the manager's agency) |
| manager | W-MGR | PSOS | PRACTITIONER | SECRET | manager |
| partner | W-PRT | SPS | PRACTITIONER | OFFICIAL_SENSITIVE | open partner |
| supervisor | W-SUP | PSOS | SUPERVISOR | SECRET | none (supervisor of the manager's agency) |
| analyst | W-ANL | PSOS | ANALYST | SECRET | none |
| dpo | W-DPO | PSOS | DATA_PROTECTION_OFFICER | OFFICIAL | none |
| admin | W-ADM | SPS | ADMIN | SECRET | none |
| other_agency | W-GMP | GMP (England) | PRACTITIONER | SECRET | none |

Records of A (current versions unless said), each restricted one carrying a marker text (in its
summary and content) that must never reach a reader who may not see it:

| uid | kind | marking | entered by (agency) | readable by (of the eight) |
| --- | --- | --- | --- | --- |
| rec-note | Note v1 | OFFICIAL | W-MGR (PSOS) | everyone |
| rec-int-c | Intelligence | OFFICIAL_SENSITIVE, code C | W-MGR (PSOS) | OS+ and PSOS or steward |
| rec-int-r | Intelligence | OFFICIAL, restricted, P | W-PRT (SPS) | SPS or steward |
| rec-secret | Note | SECRET | W-MGR (PSOS) | clearance SECRET |
| rec-old | Note v1, superseded | SECRET | W-MGR (PSOS) | clearance SECRET |
| rec-new | Note v2 REVISION_OF rec-old | OFFICIAL | W-MGR (PSOS) | everyone |

B has rec-b (Note, OFFICIAL, by W-OUT for NHSLOTHIAN) and rec-b-c (Intelligence, OFFICIAL,
handling code C, by W-OUT for NHSLOTHIAN, marker). rec-int-r MENTIONS B, and link disclosure
request ldr-1 (REQUESTED, by W-ANL, CONCERNS A, LINKS_TO B, EVIDENCE rec-int-r). Transfer tr-1
of A (REQUESTED, SCO-MAPPA-A to SCO-MAPPA-C, by W-MGR). B has lived at A's address (loc-1, given a
point) since 2024-06-01. Subject access request sar-1 about A
(RECEIVED, handled by W-DPO). Audit events: 1 CONSULT by W-MGR of A and B, 2 COLLECT by W-PRT
of A.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from strawberry.relay import GlobalID

from graph.audit_chain import append_event
from graph.db import CountingTx, Database
from graph.reset import delete_everything
from graph.writes import subject_access as sar_writes
from tests.management_write_graph import create_management_write_graph
from tests.record_graph import ENTRY, _entry

A, B, C = "VR-0000001", "VR-0000002", "VR-0000003"

ROLES: dict[str, str] = {
    "practitioner": "W-NEW",
    "manager": "W-MGR",
    "partner": "W-PRT",
    "supervisor": "W-SUP",
    "analyst": "W-ANL",
    "dpo": "W-DPO",
    "admin": "W-ADM",
    "other_agency": "W-GMP",
}

# Marker texts of the restricted records: unique strings that appear nowhere else.
MARKERS: dict[str, str] = {
    "rec-int-c": "Kestrel-7Q handling C intelligence",
    "rec-int-r": "Osprey-3V restricted intelligence",
    "rec-secret": "Heron-9K secret note",
    "rec-old": "Plover-2M superseded secret version",
    "rec-b-c": "Merlin-5T handling C intelligence of B",
}

# Who may read each restricted record in full (every other reader gets a RestrictedRecord),
# of the officers in this graph.
READERS: dict[str, frozenset[str]] = {
    "rec-int-c": frozenset({"W-MGR", "W-PRT", "W-NAG", "W-NEW", "W-SUP", "W-ANL"}),
    "rec-int-r": frozenset({"W-MGR", "W-PRT", "W-NAG", "W-SPS", "W-ADM"}),
    "rec-secret": frozenset(
        {"W-MGR", "W-NEW", "W-SUP", "W-ANL", "W-ADM", "W-GMP", "W-OUT", "W-NAG", "W-SPS", "W-EXP"}
    ),
    "rec-old": frozenset(
        {"W-MGR", "W-NEW", "W-SUP", "W-ANL", "W-ADM", "W-GMP", "W-OUT", "W-NAG", "W-SPS", "W-EXP"}
    ),
    "rec-b-c": frozenset({"W-OUT", "W-EXP"}),
}

SAR_UID = "sar-1"
TRANSFER_UID = "tr-1"
PURPOSE = "access matrix"


def forbidden_markers(staff_id: str) -> list[str]:
    """The marker texts `staff_id` may not read (outside a disclosure package)."""
    return [MARKERS[uid] for uid, readers in READERS.items() if staff_id not in readers]


def gid(type_name: str, uid: str) -> str:
    return str(GlobalID(type_name, uid))


EXTRA = """
MATCH (psos:Agency {code: 'PSOS'}), (gmp:Agency {code: 'GMP'})
MATCH (n1:Nominal {uid: 'nom-1'}), (mgr:Officer {staffId: 'W-MGR'})
MATCH (from:Area {code: 'SCO-MAPPA-A'}), (to:Area {code: 'SCO-MAPPA-C'})
CREATE (:Officer {uid: 'off-w-dpo', staffId: 'W-DPO', name: 'Officer W-DPO',
                  roles: ['DATA_PROTECTION_OFFICER'], clearance: 'OFFICIAL',
                  active: true})-[:MEMBER_OF]->(psos)
CREATE (:Officer {uid: 'off-w-gmp', staffId: 'W-GMP', name: 'Officer W-GMP',
                  roles: ['PRACTITIONER'], clearance: 'SECRET', active: true})-[:MEMBER_OF]->(gmp)
CREATE (t:Transfer {uid: $transfer, status: 'REQUESTED', reason: 'Moving to Glasgow',
                    requestedAt: datetime('2025-01-10T09:00:00Z')})
CREATE (t)-[:OF]->(n1), (t)-[:FROM_AREA]->(from), (t)-[:TO_AREA]->(to),
       (t)-[:REQUESTED_BY]->(mgr)
WITH n1
MATCH (old:Record {uid: 'rec-old'}), (new:Record {uid: 'rec-new'})
CREATE (new)-[:REVISION_OF]->(old)
"""

# rec-int-r mentions B: readers outside its stewards see a hidden link A-B; W-ANL has asked.
# B has lived at A's address since 2024-06-01: co-located with A (coLocated); the address has a
# point (nearby).
LINK_DISCLOSURE_UID = "ldr-1"
LINKS = """
MATCH (ri:Record {uid: 'rec-int-r'}), (n1:Nominal {uid: 'nom-1'}), (n2:Nominal {uid: 'nom-2'})
MATCH (anl:Officer {staffId: 'W-ANL'})
CREATE (ri)-[:MENTIONS]->(n2)
CREATE (d:LinkDisclosureRequest {uid: $uid, status: 'REQUESTED', reason: 'network review',
                                 requestedAt: datetime('2025-01-11T09:00:00Z')})
CREATE (d)-[:REQUESTED_BY]->(anl), (d)-[:CONCERNS]->(n1), (d)-[:LINKS_TO]->(n2),
       (d)-[:EVIDENCE]->(ri)
WITH n2
MATCH (l:Location {uid: 'loc-1'})
SET l.point = point({latitude: 57.1445, longitude: -2.1020})
CREATE (n2)-[:RESIDED_AT {from: date('2024-06-01'), kind: 'HOME'}]->(l)
"""

AGENCY_UIDS = "MATCH (a:Agency) WHERE a.code IN $codes RETURN a.code AS code, a.uid AS uid"


def _records(agency: dict[str, str]) -> list[dict[str, object]]:
    psos, sps, nhs = agency["PSOS"], agency["SPS"], agency["NHSLOTHIAN"]
    return [
        _entry(
            "rec-note",
            "Note",
            "OFFICIAL",
            "2024-03-01T09:00:00Z",
            "off-w-mgr",
            psos,
            "Appointment kept",
            text="Attended the appointment on time",
        ),
        _entry(
            "rec-int-c",
            "Intelligence",
            "OFFICIAL_SENSITIVE",
            "2024-04-10T08:00:00Z",
            "off-w-mgr",
            psos,
            f"Summary: {MARKERS['rec-int-c']}",
            sourceEvaluation="2",
            intelligenceAssessment="B",
            handlingCode="C",
            handlingConditions=f"Conditions: {MARKERS['rec-int-c']}",
            restricted=False,
            text=MARKERS["rec-int-c"],
        ),
        _entry(
            "rec-int-r",
            "Intelligence",
            "OFFICIAL",
            "2024-04-20T08:00:00Z",
            "off-w-prt",
            sps,
            f"Summary: {MARKERS['rec-int-r']}",
            sourceEvaluation="1",
            intelligenceAssessment="A",
            handlingCode="P",
            restricted=True,
            text=MARKERS["rec-int-r"],
        ),
        _entry(
            "rec-secret",
            "Note",
            "SECRET",
            "2024-05-01T09:00:00Z",
            "off-w-mgr",
            psos,
            f"Summary: {MARKERS['rec-secret']}",
            text=MARKERS["rec-secret"],
        ),
        _entry(
            "rec-old",
            "Note",
            "SECRET",
            "2024-02-01T09:00:00Z",
            "off-w-mgr",
            psos,
            f"Summary: {MARKERS['rec-old']}",
            text=MARKERS["rec-old"],
        ),
        _entry(
            "rec-new",
            "Note",
            "OFFICIAL",
            "2024-02-15T09:00:00Z",
            "off-w-mgr",
            psos,
            "Reviewed and downgraded",
            version=2,
            text="Reviewed: nothing of note",
        ),
        _entry(
            "rec-b",
            "Note",
            "OFFICIAL",
            "2024-01-05T09:00:00Z",
            "off-w-out",
            nhs,
            "Note on B",
            nominal="nom-2",
            text="Seen at the clinic",
        ),
        _entry(
            "rec-b-c",
            "Intelligence",
            "OFFICIAL",
            "2024-01-06T09:00:00Z",
            "off-w-out",
            nhs,
            f"Summary: {MARKERS['rec-b-c']}",
            nominal="nom-2",
            sourceEvaluation="2",
            intelligenceAssessment="C",
            handlingCode="C",
            handlingConditions="Health board only",
            restricted=False,
            text=MARKERS["rec-b-c"],
        ),
    ]


async def _history(tx: CountingTx) -> None:
    """The audit events already in the trail before any test acts."""
    await append_event(
        tx,
        action="CONSULT",
        officer_uid="off-w-mgr",
        nominal_uids=["nom-1", "nom-2"],
        purpose="caseload review",
    )
    await append_event(
        tx, action="COLLECT", officer_uid="off-w-prt", nominal_uids=["nom-1"], purpose="add note"
    )


async def _request(tx: CountingTx) -> Any:
    props = {
        "uid": SAR_UID,
        "receivedAt": datetime.datetime(2025, 1, 2, 9, 0, tzinfo=datetime.UTC),
        "status": "RECEIVED",
        "requesterName": "John Smith",
    }
    return await sar_writes.create_request(
        tx, props=props, nominal_uid="nom-1", officer_uid="off-w-dpo"
    )


async def create_access_matrix_graph(db: Database) -> None:
    """The graph of the module docstring, on an empty database."""
    await create_management_write_graph(db)
    rows = await db.read(AGENCY_UIDS, codes=["PSOS", "SPS", "NHSLOTHIAN"])
    await db.write(ENTRY, records=_records({row["code"]: row["uid"] for row in rows}))
    await db.write(EXTRA, transfer=TRANSFER_UID)
    await db.write(LINKS, uid=LINK_DISCLOSURE_UID)
    await db.write_tx(_request)
    await db.write_tx(_history)


# Marks the graph built by `shared_access_matrix_graph` in this test session.
SHARED_TOKEN = uuid.uuid4().hex
SHARED = "MATCH (m:AccessMatrixShared {token: $token}) RETURN count(m) AS found"
MARK_SHARED = "CREATE (:AccessMatrixShared {token: $token})"


async def fresh_access_matrix_graph(db: Database) -> None:
    """Empties the database and builds the graph: for a test that may change it."""
    await delete_everything(db)
    await create_access_matrix_graph(db)


async def shared_access_matrix_graph(db: Database) -> None:
    """The graph as the previous caller left it, rebuilt when anything else has emptied or
    rebuilt the database since: for tests that change nothing but append the audit events of
    reads, and check that they do (a refused write, a read), which saves a rebuild each."""
    if not (await db.read(SHARED, token=SHARED_TOKEN))[0]["found"]:
        await fresh_access_matrix_graph(db)
        await db.write(MARK_SHARED, token=SHARED_TOKEN)
