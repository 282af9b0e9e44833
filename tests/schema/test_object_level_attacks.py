"""Object-level attacks over real HTTP, on tests/access_matrix_graph.py: an officer entitled to
one object reaching for another. A partner of nominal A writing to nominal B, A's manager
verifying B's records, and restricted content fetched by global id, through connections, search,
provenance, revisions, the audit trail and the disclosure package. No marker text of a record
the caller may not read may appear anywhere in any response; a refused write writes nothing.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from strawberry.relay import GlobalID

from graph.db import Database
from tests.access_matrix_graph import (
    MARKERS,
    PURPOSE,
    READERS,
    ROLES,
    SAR_UID,
    TRANSFER_UID,
    A,
    B,
    forbidden_markers,
    fresh_access_matrix_graph,
    gid,
    shared_access_matrix_graph,
)
from tests.graphql_client import error_codes, post_graphql
from tests.schema.test_access_matrix import MUTATIONS, events
from tests.schema.test_mutations_records import KINDS
from tests.write_graph import changes_nothing
from visor.settings import Settings

# Everything a reader could ask of a record and its revisions, and of a nominal's records.
RECORD = """
fragment Content on Record {
  __typename id kind enteredAt onBehalfOf { code }
  ... on RestrictedRecord { notice }
  ... on RecordEntry {
    classification version summary createdAt enteredBy { staffId } verifiedBy { staffId }
  }
  ... on RiskAssessment { tool riskLevel assessedOn nextReviewOn }
  ... on RiskManagementPlan { startsOn reviewOn objectives }
  ... on MeetingMinutes { meetingOn level attendees minutes }
  ... on Intelligence {
    sourceEvaluation intelligenceAssessment handlingCode handlingConditions restricted text
  }
  ... on Conviction { offence convictedOn court sentence }
  ... on CustodyPeriod { establishment startedOn endedOn }
  ... on Notification { notifiedOn requirement details }
  ... on Note { text }
}
"""
VERSIONS = """
fragment Versions on Record {
  ...Content
  ... on RecordEntry { revisions { ...Content } }
}
"""
# Another nominal reached from the one read: its records without their revisions (the cost
# limit of schema/limits.py bounds how much one query may nest).
OTHER = (
    RECORD
    + """
fragment Other on Nominal {
  visorRef
  records(first: 20) { ...Content }
  latestRiskAssessment { ...Content }
  custodyStatus { openPeriod { ...Content } }
}
"""
)
# What a nominal shows when reached through another (an association, an audit event).
LINKED = """
fragment Linked on Nominal { id visorRef firstName middleNames lastName aliases dateOfBirth }
"""
FULL = (
    OTHER
    + LINKED
    + VERSIONS
    + """
fragment Nominal on Nominal {
  visorRef
  records(first: 20) { ...Versions }
  latestRiskAssessment { ...Content }
  currentRiskManagementPlan { ...Content }
  custodyStatus { openPeriod { ...Content } }
  provenance { totalEntries byAgency { agency { code } entries } byOfficer { officer { staffId } } }
  associations { nominal { ...Linked } }
  openTransfer { nominal { ...Other } }
  transfers { nominal { ...Other } }
}
"""
)

# Officers who are not stewards of A, and B's manager, who is not one of A.
ATTACKERS = [staff for role, staff in ROLES.items() if role != "manager"] + ["W-OUT"]
RECORD_TYPES = [
    "RiskAssessment",
    "RiskManagementPlan",
    "MeetingMinutes",
    "Intelligence",
    "Conviction",
    "CustodyPeriod",
    "Notification",
    "Note",
    "RestrictedRecord",
]
RESTRICTED_CELLS = [
    (uid, staff) for uid in MARKERS for staff in ATTACKERS if staff not in READERS[uid]
]


@pytest.fixture
async def graph(session_db: Database) -> Database:
    """The shared graph: every attack here is refused or a read, and checks it changed nothing
    (or only appended its CONSULT events)."""
    await shared_access_matrix_graph(session_db)
    return session_db


def ask(
    base_url: str,
    settings: Settings,
    staff_id: str,
    query: str,
    variables: dict[str, Any] | None = None,
    purpose: str | None = PURPOSE,
) -> dict[str, Any]:
    return post_graphql(
        base_url, query, variables, secret=settings.secret, staff_id=staff_id, purpose=purpose
    )


def assert_no_leak(staff_id: str, body: dict[str, Any]) -> None:
    text = json.dumps(body)
    leaked = [marker for marker in forbidden_markers(staff_id) if marker in text]
    assert leaked == [], f"{staff_id} was shown {leaked}"


def assert_refused(body: dict[str, Any], code: str = "FORBIDDEN") -> None:
    assert error_codes(body) == [code], body
    assert body.get("data") is None, body


# --- writing to another nominal ---------------------------------------------------------------

# Every mutation that names an existing nominal or record, aimed at B (or B's records) by A's
# partner; the management ones also by B's global id.
B_WRITES: dict[str, tuple[str, dict[str, Any]]] = {
    "updateNominal": ("UpdateNominalInput", {"visorRef": B, "version": 1, "riskLevel": "HIGH"}),
    "updateNominal-by-id": (
        "UpdateNominalInput",
        {"id": gid("Nominal", "nom-2"), "version": 1, "riskLevel": "HIGH"},
    ),
    **{
        mutation: (f"Add{type_name}Input", {"visorRef": B, **fields})
        for mutation, (type_name, fields, _) in KINDS.items()
    },
    "reviseRecord": (
        "ReviseRecordInput",
        {"id": gid("Note", "rec-b"), "version": 1, "changes": {"text": "Overwritten"}},
    ),
    "reviseRecord-restricted": (
        "ReviseRecordInput",
        {"id": gid("Intelligence", "rec-b-c"), "version": 1, "changes": {"summary": "Mine"}},
    ),
    "verifyRecord": ("VerifyRecordInput", {"id": gid("Note", "rec-b")}),
    "assignManager": ("AssignManagerInput", {"visorRef": B, "staffId": "W-PRT"}),
    "assignManager-by-id": (
        "AssignManagerInput",
        {"id": gid("Nominal", "nom-2"), "staffId": "W-PRT"},
    ),
    "addPartner": ("AddPartnerInput", {"visorRef": B, "staffId": "W-PRT"}),
    "addPartner-by-id": ("AddPartnerInput", {"id": gid("Nominal", "nom-2"), "staffId": "W-PRT"}),
    "endPartnership": ("EndPartnershipInput", {"visorRef": B, "staffId": "W-OUT"}),
    "recordAddress": (
        "RecordAddressInput",
        {
            "visorRef": B,
            "address": "9 False Street",
            "postcode": "AB10 1AA",
            "areaCode": "S12000033",
            "kind": "HOME",
            "from": "2025-01-01",
        },
    ),
    "linkNominals": (
        "LinkNominalsInput",
        {"visorRef": B, "kind": "ASSOCIATE", "otherVisorRef": A},
    ),
    # A partner of A may end a link of A's; not one between B and C (a pair they steward not).
    "endAssociation": (
        "EndAssociationInput",
        {"visorRef": B, "kind": "ASSOCIATE", "otherVisorRef": "VR-0000003"},
    ),
    "createSubjectAccessRequest": (
        "CreateSubjectAccessRequestInput",
        {"visorRef": B, "receivedAt": "2025-01-03T09:00:00Z"},
    ),
}
# Mutations that name no existing nominal or record of B: creating one, deciding a request, and
# the steps of a transfer, which name the transfer (every step by the wrong side is refused in
# tests/schema/test_transfer_workflow.py).
NOT_AIMED_AT_B = {
    "createNominal",
    "decideSubjectAccessRequest",
    "requestTransferInformation",
    "provideTransferInformation",
    "escalateTransfer",
    "acceptTransfer",
    "declineTransfer",
    "cancelTransfer",
    # A hidden link or a request, checked against the reader's hidden evidence and the holder's
    # manager in tests/schema/test_link_disclosure.py.
    "requestLinkDisclosure",
    "decideLinkDisclosure",
}
# Mutations that take their nominal as an argument of its own, not inside `input`.
B_TARGETS: dict[str, str] = {
    "requestTransfer": """mutation M($n: String!) { requestTransfer(nominal: $n,
      toArea: "SCO-MAPPA-E", reason: "moving") { status } }""",
}


def write(mutation: str, input_type: str) -> str:
    return f"mutation M($input: {input_type}!) {{ {mutation}(input: $input) {{ __typename }} }}"


def test_every_write_that_names_a_nominal_or_record_is_attacked() -> None:
    attacked = {name.split("-")[0] for name in B_WRITES} | set(B_TARGETS)
    assert attacked == set(MUTATIONS) - NOT_AIMED_AT_B


@pytest.mark.parametrize("name", list(B_TARGETS))
@pytest.mark.parametrize("target", [B, gid("Nominal", "nom-2")], ids=["visorRef", "id"])
async def test_a_partner_of_a_cannot_act_on_b_by_argument(
    graph: Database, base_url: str, settings: Settings, name: str, target: str
) -> None:
    body = await changes_nothing(
        graph,
        lambda: ask(base_url, settings, "W-PRT", B_TARGETS[name], {"n": target}),
        officer="W-PRT",
        nominals=[B],
    )
    assert_refused(body)
    assert_no_leak("W-PRT", body)


@pytest.mark.parametrize("name", list(B_WRITES))
async def test_a_partner_of_a_cannot_write_to_b(
    graph: Database, base_url: str, settings: Settings, name: str
) -> None:
    input_type, given = B_WRITES[name]
    body = await changes_nothing(
        graph,
        lambda: ask(
            base_url, settings, "W-PRT", write(name.split("-")[0], input_type), {"input": given}
        ),
        officer="W-PRT",
        nominals=[B, *([given["otherVisorRef"]] if "otherVisorRef" in given else [])],
    )
    assert_refused(body)
    assert_no_leak("W-PRT", body)


VERIFY = write("verifyRecord", "VerifyRecordInput")
REVISE = write("reviseRecord", "ReviseRecordInput")


@pytest.mark.parametrize(
    ("staff_id", "record_id"),
    [
        ("W-MGR", gid("Note", "rec-b")),
        ("W-MGR", gid("Intelligence", "rec-b-c")),
        ("W-OUT", gid("Note", "rec-note")),
        ("W-OUT", gid("Intelligence", "rec-int-c")),
    ],
)
async def test_a_manager_cannot_verify_or_revise_another_nominals_records(
    graph: Database, base_url: str, settings: Settings, staff_id: str, record_id: str
) -> None:
    for query, given in (
        (VERIFY, {"id": record_id}),
        (REVISE, {"id": record_id, "version": 1, "changes": {"summary": "Checked"}}),
    ):
        body = await changes_nothing(
            graph,
            lambda: ask(base_url, settings, staff_id, query, {"input": given}),  # noqa: B023
            officer=staff_id,
        )
        assert_refused(body)
        assert_no_leak(staff_id, body)


# --- restricted content by global id -----------------------------------------------------------

NODE = RECORD + VERSIONS + "query Q($id: ID!) { node(id: $id) { __typename id ...Versions } }"
NODES = RECORD + VERSIONS + "query Q($ids: [ID!]!) { nodes(ids: $ids) { __typename ...Versions } }"


@pytest.mark.parametrize(
    ("uid", "staff_id"), RESTRICTED_CELLS, ids=[f"{uid}-{staff}" for uid, staff in RESTRICTED_CELLS]
)
async def test_a_restricted_record_by_global_id_is_a_stub_whatever_the_type_named(
    graph: Database, base_url: str, settings: Settings, uid: str, staff_id: str
) -> None:
    # node(id:) under its own kind's name and the stub's; nodes(ids:) under every record type's.
    for type_name in ("Intelligence" if "int" in uid else "Note", "RestrictedRecord"):
        body = ask(base_url, settings, staff_id, NODE, {"id": gid(type_name, uid)})
        assert_no_leak(staff_id, body)
        assert "errors" not in body, body
        assert body["data"]["node"]["__typename"] == "RestrictedRecord"
    ids = [gid(type_name, uid) for type_name in RECORD_TYPES]
    body = ask(base_url, settings, staff_id, NODES, {"ids": ids})
    assert_no_leak(staff_id, body)
    assert "errors" not in body, body
    assert [node["__typename"] for node in body["data"]["nodes"]] == ["RestrictedRecord"] * len(ids)
    # Type names that are no record type find nothing.
    for type_name in ("Record", "RecordEntry", "Nominal"):
        body = ask(base_url, settings, staff_id, NODE, {"id": gid(type_name, uid)})
        assert_no_leak(staff_id, body)
        assert error_codes(body) == ["NOT_FOUND"], body


@pytest.mark.parametrize("staff_id", ATTACKERS)
async def test_every_restricted_record_at_once_by_nodes(
    graph: Database, base_url: str, settings: Settings, staff_id: str
) -> None:
    # Each id names its record's own kind (rec-b-c is intelligence): a readable record is
    # found only under its kind (issue 9), a restricted one is a stub under any.
    ids = [
        gid("Intelligence" if "int" in uid or uid == "rec-b-c" else "Note", uid) for uid in MARKERS
    ]
    ids += [gid("Nominal", "nom-1"), gid("Nominal", "nom-2"), gid("Transfer", TRANSFER_UID)]
    query = (
        FULL
        + """query Q($ids: [ID!]!) { nodes(ids: $ids) {
      __typename id ...Versions ... on Nominal { ...Nominal }
      ... on Transfer { nominal { ...Other } } } }"""
    )
    body = ask(base_url, settings, staff_id, query, {"ids": ids})
    assert "errors" not in body, body
    assert_no_leak(staff_id, body)
    shown = [node["__typename"] for node in body["data"]["nodes"]]
    for uid, typename in zip(MARKERS, shown, strict=False):
        restricted = staff_id not in READERS[uid]
        assert (typename == "RestrictedRecord") == restricted, (uid, shown)


# --- through connections, search, associations and transfers -------------------------------------

CONNECTIONS = {
    "nominals": "query Q { nominals(first: 5) { edges { node { ...Nominal } } } }",
    "searchNominals": """query Q {
      searchNominals(text: "Smith", first: 5, purpose: "access matrix") {
        edges { node { ...Nominal } } } }""",
    "nominal-A": 'query Q { nominal(visorRef: "VR-0000001") { ...Nominal } }',
    "nominal-B": 'query Q { nominal(visorRef: "VR-0000002") { ...Nominal } }',
    "node-transfer": f"""query Q {{ node(id: "{gid("Transfer", TRANSFER_UID)}") {{
      ... on Transfer {{ nominal {{ ...Nominal }} }} }} }}""",
}
CONNECTION_CELLS = [(name, staff) for name in CONNECTIONS for staff in ATTACKERS]


@pytest.mark.parametrize(
    ("name", "staff_id"),
    CONNECTION_CELLS,
    ids=[f"{name}-{staff}" for name, staff in CONNECTION_CELLS],
)
async def test_no_restricted_content_through_connections_or_search(
    graph: Database, base_url: str, settings: Settings, name: str, staff_id: str
) -> None:
    body = ask(base_url, settings, staff_id, FULL + CONNECTIONS[name])
    assert "errors" not in body, body
    assert_no_leak(staff_id, body)
    # B's only restricted entry is its code C intelligence; A's are many.
    reads_all_of_b = name == "nominal-B" and staff_id in READERS["rec-b-c"]
    if not reads_all_of_b:
        assert '"RestrictedRecord"' in json.dumps(body)


async def test_a_partner_of_a_linking_it_to_b_sees_only_who_b_is(
    db: Database, base_url: str, settings: Settings
) -> None:
    await fresh_access_matrix_graph(db)
    query = (
        LINKED
        + """mutation M($input: LinkNominalsInput!) { linkNominals(input: $input) {
          associations { nominal { ...Linked } } } }"""
    )
    given = {"visorRef": A, "kind": "FAMILY", "otherVisorRef": B}
    body = ask(base_url, settings, "W-PRT", query, {"input": given}, purpose=None)
    assert "errors" not in body, body
    linked = body["data"]["linkNominals"]["associations"]
    assert {a["nominal"]["visorRef"] for a in linked} == {B}
    assert_no_leak("W-PRT", body)
    assert MARKERS["rec-b-c"] not in json.dumps(body)


# --- through provenance and contributions -------------------------------------------------------

# Of A's records, W-MGR entered every one but rec-int-r, which W-PRT entered for SPS.
SUMMARY = """query Q { nominal(visorRef: "VR-0000001") { provenance { totalEntries
  byAgency { agency { code } entries } byOfficer { officer { staffId } entries } } } }"""


@pytest.mark.parametrize("staff_id", ATTACKERS)
async def test_the_provenance_summary_names_no_one_behind_a_stub(
    graph: Database, base_url: str, settings: Settings, staff_id: str
) -> None:
    body = ask(base_url, settings, staff_id, SUMMARY)
    assert "errors" not in body, body
    summary = body["data"]["nominal"]["provenance"]
    by_officer = {o["officer"]["staffId"]: o["entries"] for o in summary["byOfficer"]}
    # Totals and agencies count every entry: the stubs show kind, date and agency anyway.
    assert summary["totalEntries"] == 5
    assert sum(a["entries"] for a in summary["byAgency"]) == 5
    assert ("W-PRT" in by_officer) == (staff_id in READERS["rec-int-r"])
    readable_by_manager = [
        uid
        for uid in ("rec-note", "rec-int-c", "rec-secret", "rec-new")
        if uid not in READERS or staff_id in READERS[uid]
    ]
    assert by_officer.get("W-MGR", 0) == len(readable_by_manager)


CONTRIBUTIONS = (
    RECORD
    + VERSIONS
    + """query Q($officer: ID, $agency: ID) { contributions(officer: $officer, agency: $agency,
      first: 100) { totalCount edges { node { ...Versions } } } }"""
)


async def _agency(db: Database, code: str) -> str:
    rows = await db.read("MATCH (a:Agency {code: $code}) RETURN a.uid AS uid", code=code)
    return gid("Agency", rows[0]["uid"])


@pytest.mark.parametrize(
    ("staff_id", "officer", "agency"),
    [
        ("W-ADM", "off-w-mgr", None),
        ("W-ADM", "off-w-prt", None),
        ("W-ADM", "off-w-out", None),
        ("W-ADM", None, "PSOS"),
        ("W-ADM", None, "NHSLOTHIAN"),
        ("W-SPS", None, "SPS"),
        ("W-SPS", "off-w-prt", None),
        ("W-SUP", None, "PSOS"),
    ],
)
async def test_contributions_show_restricted_records_as_stubs(
    graph: Database,
    base_url: str,
    settings: Settings,
    staff_id: str,
    officer: str | None,
    agency: str | None,
) -> None:
    variables = {
        "officer": gid("Officer", officer) if officer else None,
        "agency": await _agency(graph, agency) if agency else None,
    }
    body = ask(base_url, settings, staff_id, CONTRIBUTIONS, variables)
    assert "errors" not in body, body
    assert body["data"]["contributions"]["totalCount"] > 0
    assert_no_leak(staff_id, body)


@pytest.mark.parametrize(
    ("staff_id", "officer", "agency"),
    [
        ("W-NEW", "off-w-mgr", None),
        ("W-MGR", None, "PSOS"),
        ("W-PRT", "off-w-mgr", None),
        ("W-ANL", None, "PSOS"),
        ("W-DPO", None, "PSOS"),
        ("W-GMP", "off-w-mgr", None),
        ("W-SUP", "off-w-prt", None),  # a supervisor of another agency's officer
        ("W-SUP", None, "SPS"),
        ("W-SPS", "off-w-mgr", None),
    ],
)
async def test_contributions_are_refused_outside_supervision(
    graph: Database,
    base_url: str,
    settings: Settings,
    staff_id: str,
    officer: str | None,
    agency: str | None,
) -> None:
    variables = {
        "officer": gid("Officer", officer) if officer else None,
        "agency": await _agency(graph, agency) if agency else None,
    }
    body = await changes_nothing(
        graph,
        lambda: ask(base_url, settings, staff_id, CONTRIBUTIONS, variables),
        officer=staff_id,
    )
    assert_refused(body)
    assert_no_leak(staff_id, body)


# --- through revisions ------------------------------------------------------------------------


@pytest.mark.parametrize("staff_id", ["W-PRT", "W-DPO"])
async def test_an_older_version_above_clearance_is_a_stub_in_revisions(
    graph: Database, base_url: str, settings: Settings, staff_id: str
) -> None:
    body = ask(base_url, settings, staff_id, NODE, {"id": gid("Note", "rec-new")})
    assert "errors" not in body, body
    assert_no_leak(staff_id, body)
    node = body["data"]["node"]
    assert node["__typename"] == "Note" and node["text"] == "Reviewed: nothing of note"
    assert [(GlobalID.from_id(r["id"]).node_id, r["__typename"]) for r in node["revisions"]] == [
        ("rec-old", "RestrictedRecord"),
        ("rec-new", "Note"),
    ]
    # The old version by its own id, and the chain seen from it, are stubs too.
    body = ask(base_url, settings, staff_id, NODE, {"id": gid("Note", "rec-old")})
    assert_no_leak(staff_id, body)
    assert body["data"]["node"]["__typename"] == "RestrictedRecord"


# --- through the audit trail, the access log and the disclosure package ------------------------

AUDIT = {
    "auditTrail": LINKED
    + """query Q { auditTrail(visorRef: "VR-0000001") { edges { node {
      action purpose officer { staffId } nominals { ...Linked } } } } }""",
    "auditTrail-B": LINKED
    + """query Q { auditTrail(visorRef: "VR-0000002") { edges { node {
      nominals { ...Linked } } } } }""",
    "accessLog": LINKED
    + """query Q { accessLog(officer: "W-MGR") { edges { node {
      action purpose nominals { ...Linked } } } } }""",
    "accessLog-partner": LINKED
    + """query Q { accessLog(officer: "W-PRT") { edges { node { nominals { ...Linked } } } } }""",
    "disclosurePackage": f"""query Q {{
      disclosurePackage(request: "{gid("SubjectAccessRequest", SAR_UID)}") {{
        nominal {{ visorRef }}
        records {{ id content summary restricted restrictionReasons }} }} }}""",
}
SUPERVISORS_OF = {
    "auditTrail": {"W-SUP", "W-DPO", "W-ADM", "W-SPS"},
    "auditTrail-B": {"W-SUP", "W-DPO", "W-ADM", "W-SPS"},
    "accessLog": {"W-SUP", "W-DPO", "W-ADM"},
    "accessLog-partner": {"W-SPS", "W-DPO", "W-ADM"},
    "disclosurePackage": {"W-DPO"},
}
AUDIT_CELLS = [(name, staff) for name in AUDIT for staff in [*ATTACKERS, "W-MGR", "W-SPS", "W-NAG"]]


@pytest.mark.parametrize(
    ("name", "staff_id"), AUDIT_CELLS, ids=[f"{name}-{staff}" for name, staff in AUDIT_CELLS]
)
async def test_audit_reads_are_for_supervision_and_never_leak(
    graph: Database, base_url: str, settings: Settings, name: str, staff_id: str
) -> None:
    if staff_id not in SUPERVISORS_OF[name]:
        body = await changes_nothing(
            graph, lambda: ask(base_url, settings, staff_id, AUDIT[name]), officer=staff_id
        )
        assert_refused(body)
        assert_no_leak(staff_id, body)
        return
    body = ask(base_url, settings, staff_id, AUDIT[name])
    assert "errors" not in body, body
    if name == "disclosurePackage":
        # The DPO's package holds everything, flagged for the decision.
        records = body["data"][name]["records"]
        shown = [r for r in records if any(m in json.dumps(r) for m in MARKERS.values())]
        assert len(shown) == 4 and all(r["restricted"] for r in shown)
        assert MARKERS["rec-b-c"] not in json.dumps(body)
    else:
        assert_no_leak(staff_id, body)


LINKED_RECORD_READS = {
    "association": """query Q { nominal(visorRef: "VR-0000001") {
      associations { nominal { visorRef records { ...Content } } } } }""",
    "association-risk": """query Q { nominal(visorRef: "VR-0000001") {
      associations { nominal { visorRef riskLevel } } } }""",
    "audit-event": """query Q { auditTrail(visorRef: "VR-0000002") { edges { node {
      nominals { visorRef records { ...Content } } } } } }""",
}


@pytest.mark.parametrize("path", list(LINKED_RECORD_READS))
async def test_a_linked_nominal_shows_only_who_it_is(
    graph: Database, base_url: str, settings: Settings, path: str
) -> None:
    """B reached through A's associations, or named by an audit event, is not a consultation of
    B: anything beyond its identifying fields is refused, so B's record is never read unaudited."""
    before = await events(graph)
    query = LINKED_RECORD_READS[path]
    body = ask(base_url, settings, "W-ADM", RECORD + query if "...Content" in query else query)
    assert error_codes(body) == ["BAD_USER_INPUT"], body
    assert "linked nominal shows only its identifying fields" in body["errors"][0]["message"]
    assert_no_leak("W-NEW", body)
    assert MARKERS["rec-b-c"] not in json.dumps(body)
    new = (await events(graph))[len(before) :]
    assert all(B not in e["nominals"] for e in new if path.startswith("association")), new
