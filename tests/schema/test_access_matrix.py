"""Issue 4's access-control matrix over real HTTP: every root Query and Mutation field of the
schema, as each of the eight actors of tests/access_matrix_graph.py, on a fresh graph per cell.

A cell's outcome is ALLOWED (an answer with no restricted stub in it), STUBBED (an answer in
which what the actor may not read comes back as RestrictedRecord stubs) or the code of the only
error (FORBIDDEN). Whatever the outcome, no marker text of a record the actor may not read
appears in the response. An answered read writes exactly the CONSULT events of its row (officer,
nominals, purpose); an allowed write exactly its one audit event; a refused read or write writes
exactly one REFUSED event (officer, operation, the nominal its arguments name) and nothing else
(the whole graph is compared for writes).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from graph.db import Database
from resolvers.link_disclosure import hidden_link_id
from schema.build import build_schema
from tests import loopback
from tests.access_matrix_graph import (
    LINK_DISCLOSURE_UID,
    PURPOSE,
    ROLES,
    SAR_UID,
    TRANSFER_UID,
    A,
    B,
    C,
    forbidden_markers,
    fresh_access_matrix_graph,
    gid,
    shared_access_matrix_graph,
)
from tests.graphql_client import error_codes, post_graphql
from tests.schema.test_mutations_records import KINDS
from tests.write_graph import dump_without_audit
from visor.settings import Settings

ALLOWED = "ALLOWED"
STUBBED = "STUBBED"
FORBIDDEN = "FORBIDDEN"
ANSWERED = (ALLOWED, STUBBED)

Variables = Callable[[dict[str, str]], dict[str, Any]]
"""The variables of a document, from the uids of the graph's agencies by code."""


def table(default: str, **cells: str) -> dict[str, str]:
    """Every role's outcome: `default` unless given."""
    unknown = set(cells) - set(ROLES)
    assert not unknown, unknown
    return {role: cells.get(role, default) for role in ROLES}


def allowed_for(*roles: str) -> dict[str, str]:
    return table(FORBIDDEN, **dict.fromkeys(roles, ALLOWED))


@dataclass(frozen=True)
class Operation:
    document: str
    outcomes: dict[str, str]
    variables: Variables = lambda agencies: {}
    mutation: bool = False
    consults: tuple[tuple[str, ...], ...] = ()
    """A read: the nominals of each CONSULT event it appends, in order."""
    purpose: str = PURPOSE
    """A read: the purpose its CONSULT events carry."""
    action: str = "CONSULT"
    """A read: the action of its audit events (an analysis is one COMBINE event)."""
    audit: tuple[str, tuple[str, ...]] | None = None
    """A write: the action and the nominals of its audit event ("$new": the one it creates)."""
    discloses_everything: bool = False
    """The answer shows every marking by design (the DPO's disclosure package)."""
    sees_none: frozenset[str] = frozenset()
    """A read: the roles whose answer, by the rules, names no nominal and so consults none."""


SEEN = """
fragment Seen on Record {
  __typename id kind
  ... on RestrictedRecord { notice }
  ... on RecordEntry { summary classification }
  ... on Intelligence { text handlingConditions }
  ... on Note { text revisions { __typename ... on Note { summary text } } }
}
"""

# Reading A: the manager sees everything, everyone else something as a stub.
READ_A = table(STUBBED, manager=ALLOWED)
SUPERVISION = allowed_for("supervisor", "dpo", "admin")

QUERIES: dict[str, Operation] = {
    "node": Operation(
        SEEN
        + """query Q($id: ID!) { node(id: $id) {
          __typename id ... on Nominal { visorRef records { ...Seen } } } }""",
        READ_A,
        lambda agencies: {"id": gid("Nominal", "nom-1")},
        consults=((A,),),
    ),
    "nodes": Operation(
        SEEN
        + """query Q($ids: [ID!]!) { nodes(ids: $ids) {
          __typename id ...Seen ... on Transfer { status nominal { visorRef } } } }""",
        READ_A,
        lambda agencies: {
            "ids": [
                gid("Note", "rec-secret"),
                gid("Intelligence", "rec-int-c"),
                gid("Intelligence", "rec-int-r"),
                gid("Note", "rec-new"),
                gid("Transfer", TRANSFER_UID),
            ]
        },
        consults=((A,), (A,), (A,)),  # one lookup per type: Note, Intelligence, Transfer
    ),
    "nominal": Operation(
        SEEN
        + """query Q($ref: String!) { nominal(visorRef: $ref) {
          visorRef records { ...Seen }
          latestRiskAssessment { __typename } custodyStatus { status }
          provenance { totalEntries byOfficer { officer { staffId } entries } }
          manager { staffId } partners { officer { staffId } }
          associations { kind nominal { visorRef } } openTransfer { status } } }""",
        READ_A,
        lambda agencies: {"ref": A},
        consults=((A,),),
    ),
    "nominals": Operation(
        SEEN
        + """query Q { nominals(filter: {managerStaffId: "W-MGR"}) {
          totalCount edges { node { visorRef records { ...Seen } } } } }""",
        READ_A,
        consults=((A,),),
    ),
    "searchNominals": Operation(
        SEEN
        + """query Q { searchNominals(text: "John Smith", purpose: "access matrix") {
          totalCount edges { node { visorRef records { ...Seen } } } } }""",
        READ_A,
        consults=((A,),),
    ),
    "contributions": Operation(
        SEEN
        + """query Q($agency: ID) { contributions(agency: $agency) {
          totalCount edges { node { ...Seen } } } }""",
        # PSOS entered A's handling-code-C intelligence: the SPS admin gets it as a stub.
        table(FORBIDDEN, supervisor=ALLOWED, admin=STUBBED),
        lambda agencies: {"agency": gid("Agency", agencies["PSOS"])},
        consults=((A,),),  # every PSOS entry is about A
    ),
    "auditTrail": Operation(
        """query Q { auditTrail(visorRef: "VR-0000001") { totalCount edges { node {
          action purpose officer { staffId } nominals { visorRef } } } } }""",
        SUPERVISION,
        consults=((A, B),),
    ),
    "accessLog": Operation(
        """query Q { accessLog(officer: "W-MGR") {
          totalCount edges { node { action purpose nominals { visorRef } } } } }""",
        SUPERVISION,
        consults=((A, B),),
    ),
    "disclosurePackage": Operation(
        """query Q($request: ID!) { disclosurePackage(request: $request) {
          request { status } nominal { visorRef } records { id restricted content } } }""",
        allowed_for("dpo"),
        lambda agencies: {"request": gid("SubjectAccessRequest", SAR_UID)},
        consults=((A,),),
        purpose=f"subject access request {SAR_UID}",
        discloses_everything=True,
    ),
    "transfers": Operation(
        """query Q { transfers { totalCount edges { node { status nominal { visorRef } } } } }""",
        table(ALLOWED),
        consults=((A,),),
        # Transfers show to the agencies covering their areas: GMP covers nothing in Scotland.
        sees_none=frozenset({"other_agency"}),
    ),
    # Counts that name no one: no purpose, no consultation.
    "areaFlows": Operation(
        """query Q { areaFlows(from: "2024-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z") {
          flows { nominals } totals { inflow outflow } } }""",
        allowed_for("supervisor", "analyst", "admin"),
    ),
    # The minimum standards' counts name no one (first: 0): no purpose, no consultation.
    "dataQuality": Operation(
        """query Q { dataQuality(first: 0) { version overall { applicable breaching }
          rules { rule { id } applicable breaching } } }""",
        allowed_for("supervisor", "analyst", "admin"),
    ),
    # One nominal's standing: its manager, a supervisor covering its area, analysts, admins.
    "nominalStanding": Operation(
        """query Q { nominalStanding(nominal: "VR-0000001") { version visorRef applicable
          breaches { ruleId itemUid officer { staffId } } } }""",
        allowed_for("manager", "supervisor", "analyst", "admin"),
        consults=((A,),),
    ),
    # ldr-1 is W-ANL's request about A, which W-MGR manages: the others see none.
    "linkDisclosureRequests": Operation(
        """query Q { linkDisclosureRequests(first: 5) { totalCount edges { node {
          id status holder { visorRef } other { visorRef } } } } }""",
        table(ALLOWED),
        consults=((A, B),),
        purpose="link disclosure requests",
        sees_none=frozenset(
            {"practitioner", "partner", "supervisor", "dpo", "admin", "other_agency"}
        ),
    ),
    # Link analysis: analysts, supervisors and admins, or a steward of the start nominal.
    "paths": Operation(
        """query Q { paths(from: "VR-0000001", to: "VR-0000002") { paths { nodes } } }""",
        allowed_for("manager", "partner", "supervisor", "analyst", "admin"),
        consults=((A, B),),
        action="COMBINE",
    ),
    "network": Operation(
        """query Q { network(seed: ["VR-0000001"], via: [ASSOCIATION]) {
          nodes { visorRef } } }""",
        allowed_for("manager", "partner", "supervisor", "analyst", "admin"),
        consults=((A, B),),
        action="COMBINE",
    ),
    "annualReport": Operation(
        """query Q { annualReport(year: 2025, area: "SCO-MAPPA-A") { tables { id rows } } }""",
        allowed_for("supervisor", "analyst", "admin"),
    ),
    "statistics": Operation(
        """query Q { statistics(area: "SCO-MAPPA-A", asAt: "2026-03-31") {
          snapshot { total inCommunity rate { per100k } }
          timeliness { riskAssessmentReviewed { percent } } } }""",
        allowed_for("supervisor", "analyst", "admin"),
    ),
    "coLocated": Operation(
        """query Q { coLocated(nominal: "VR-0000001") { nominal { visorRef } from to } }""",
        allowed_for("manager", "partner", "supervisor", "analyst", "admin"),
        consults=((A, B),),
        action="COMBINE",
    ),
    "nearby": Operation(
        """query Q { nearby(location: "loc-1", radiusMetres: 100) {
          nominal { visorRef } distanceMetres } }""",
        allowed_for("supervisor", "analyst", "admin"),
        consults=((A, B),),
        action="COMBINE",
    ),
    "rank": Operation(
        """query Q { rank(seed: ["VR-0000001"], metric: DEGREE, depth: 1) {
          nominals { nominal { visorRef } score } sampled } }""",
        allowed_for("manager", "partner", "supervisor", "analyst", "admin"),
        consults=((A, B),),
        action="COMBINE",
    ),
    "communities": Operation(
        """query Q { communities(seed: ["VR-0000001"], depth: 1) {
          members { visorRef } size } }""",
        allowed_for("manager", "partner", "supervisor", "analyst", "admin"),
        consults=((A, B),),
        action="COMBINE",
    ),
    "subjectAccessRequests": Operation(
        """query Q { subjectAccessRequests(first: 5) { totalCount edges { node {
          id status receivedAt } } } }""",
        allowed_for("dpo"),
        consults=((A,),),
        purpose="subject access request register",
    ),
    # Who is signed in, the directory and reference data: any active officer; they name no
    # nominal, so they are not consultations.
    "me": Operation(
        """query Q { me { staffId roles clearance agency { code covers { code } } } }""",
        table(ALLOWED),
    ),
    "officers": Operation(
        """query Q { officers(first: 50) { totalCount edges { node {
          staffId roles clearance agency { code } } } } }""",
        table(ALLOWED),
    ),
    "areas": Operation(
        """query Q { areas(kind: MAPPA_AREA, partOf: "S92000003") {
          code population populationSource populationYear } }""",
        table(ALLOWED),
    ),
    "agencies": Operation(
        """query Q { agencies(covers: "S12000033") { code kind covers { code } } }""",
        table(ALLOWED),
    ),
    "categories": Operation(
        """query Q { categories(jurisdiction: SCOTLAND) { code name jurisdiction } }""",
        table(ALLOWED),
    ),
    "riskTools": Operation("""query Q { riskTools { code name } }""", table(ALLOWED)),
}

WRITERS = allowed_for("manager", "partner")
STEWARDS_OF_MANAGEMENT = allowed_for("manager", "supervisor", "admin")


def _add(mutation: str) -> Operation:
    type_name, fields, _ = KINDS[mutation]
    return Operation(
        f"""mutation M($input: Add{type_name}Input!) {{
          {mutation}(input: $input) {{ __typename id kind }} }}""",
        WRITERS,
        lambda agencies: {"input": {"visorRef": A, **fields}},
        mutation=True,
        audit=("COLLECT", (A,)),
    )


# tr-1 (A, SCO-MAPPA-A to SCO-MAPPA-C) is REQUESTED: the receiving side is a practitioner or
# supervisor of an agency covering SCO-MAPPA-C (PSOS and SPS cover Scotland), never the manager.
RECEIVING_SIDE = allowed_for("practitioner", "partner", "supervisor")
SENDING_SIDE = allowed_for("manager", "supervisor")


def _transfer_step(mutation: str, argument: str, value: str, allowed: dict[str, str]) -> Operation:
    """A step of tr-1 whose one other argument (a free text, or the receiving manager) is the
    variable named after it."""
    return Operation(
        f"""mutation M($t: String!, ${argument}: String!) {{
          {mutation}(transfer: $t, {argument}: ${argument}) {{ status history {{ action }} }} }}""",
        allowed,
        lambda agencies: {"t": gid("Transfer", TRANSFER_UID), argument: value},
        mutation=True,
        audit=("ALTER", (A,)),
    )


MUTATIONS: dict[str, Operation] = {
    "createNominal": Operation(
        """mutation M($input: CreateNominalInput!) { createNominal(input: $input) { visorRef } }""",
        # W-GMP's agency covers Greater Manchester only: not SCO-MAPPA-A (issue 9).
        allowed_for("practitioner", "manager", "partner", "supervisor"),
        lambda agencies: {
            "input": {
                "firstName": "Ann",
                "lastName": "Newcome",
                "category": "SCOT-1",
                "level": 1,
                "riskLevel": "LOW",
                "status": "COMMUNITY",
                "areaCode": "SCO-MAPPA-A",
            }
        },
        mutation=True,
        audit=("COLLECT", ("$new",)),
    ),
    "updateNominal": Operation(
        """mutation M($input: UpdateNominalInput!) { updateNominal(input: $input) {
          visorRef version } }""",
        WRITERS,
        lambda agencies: {"input": {"visorRef": A, "version": 1, "riskLevel": "VERY_HIGH"}},
        mutation=True,
        audit=("ALTER", (A,)),
    ),
    **{mutation: _add(mutation) for mutation in KINDS},
    "reviseRecord": Operation(
        """mutation M($input: ReviseRecordInput!) { reviseRecord(input: $input) {
          __typename id } }""",
        WRITERS,
        lambda agencies: {
            "input": {"id": gid("Note", "rec-note"), "version": 1, "changes": {"text": "Late."}}
        },
        mutation=True,
        audit=("ALTER", (A,)),
    ),
    "verifyRecord": Operation(
        """mutation M($input: VerifyRecordInput!) { verifyRecord(input: $input) {
          __typename id } }""",
        allowed_for("manager"),
        lambda agencies: {"input": {"id": gid("Note", "rec-note")}},
        mutation=True,
        audit=("ALTER", (A,)),
    ),
    "assignManager": Operation(
        """mutation M($input: AssignManagerInput!) { assignManager(input: $input) {
          visorRef manager { staffId } } }""",
        STEWARDS_OF_MANAGEMENT,
        lambda agencies: {"input": {"visorRef": A, "staffId": "W-SPS"}},
        mutation=True,
        audit=("ALTER", (A,)),
    ),
    "addPartner": Operation(
        """mutation M($input: AddPartnerInput!) { addPartner(input: $input) {
          visorRef partners { officer { staffId } } } }""",
        STEWARDS_OF_MANAGEMENT,
        lambda agencies: {"input": {"visorRef": A, "staffId": "W-SPS"}},
        mutation=True,
        audit=("ALTER", (A,)),
    ),
    "endPartnership": Operation(
        """mutation M($input: EndPartnershipInput!) { endPartnership(input: $input) {
          visorRef partners { officer { staffId } } } }""",
        STEWARDS_OF_MANAGEMENT,
        lambda agencies: {"input": {"visorRef": A, "staffId": "W-NAG"}},
        mutation=True,
        audit=("ALTER", (A,)),
    ),
    "recordAddress": Operation(
        """mutation M($input: RecordAddressInput!) { recordAddress(input: $input) {
          visorRef currentAddress { location { postcode } } } }""",
        WRITERS,
        lambda agencies: {
            "input": {
                "visorRef": A,
                "address": "2 Castle Street",
                "postcode": "AB10 1AA",
                "areaCode": "S12000033",
                "kind": "HOME",
                "from": "2025-01-01",
            }
        },
        mutation=True,
        audit=("COLLECT", (A,)),
    ),
    "linkNominals": Operation(
        """mutation M($input: LinkNominalsInput!) { linkNominals(input: $input) {
          visorRef associations { kind nominal { visorRef } } } }""",
        WRITERS,
        lambda agencies: {"input": {"visorRef": A, "kind": "FAMILY", "otherVisorRef": C}},
        mutation=True,
        audit=("COLLECT", (A, C)),
    ),
    "endAssociation": Operation(
        """mutation M($input: EndAssociationInput!) { endAssociation(input: $input) {
          visorRef associations { kind to nominal { visorRef } } } }""",
        WRITERS,
        lambda agencies: {"input": {"visorRef": A, "kind": "ASSOCIATE", "otherVisorRef": B}},
        mutation=True,
        audit=("ALTER", (A, B)),
    ),
    "createSubjectAccessRequest": Operation(
        """mutation M($input: CreateSubjectAccessRequestInput!) {
          createSubjectAccessRequest(input: $input) { id status } }""",
        allowed_for("dpo"),
        lambda agencies: {"input": {"visorRef": A, "receivedAt": "2025-01-03T09:00:00Z"}},
        mutation=True,
        audit=("COLLECT", (A,)),
    ),
    "decideSubjectAccessRequest": Operation(
        """mutation M($input: DecideSubjectAccessRequestInput!) {
          decideSubjectAccessRequest(input: $input) { id status decision } }""",
        allowed_for("dpo"),
        lambda agencies: {
            "input": {
                "request": gid("SubjectAccessRequest", SAR_UID),
                "decision": "DISCLOSE",
                "reasons": "Nothing is withheld",
            }
        },
        mutation=True,
        audit=("DISCLOSE", (A,)),
    ),
    # rec-int-r (about A, mentioning B) is hidden from all but its stewards and SPS: they may
    # ask; its readers have nothing hidden to ask about.
    "requestLinkDisclosure": Operation(
        """mutation M($link: ID!) { requestLinkDisclosure(hiddenLink: $link,
          reason: "network review") { id status } }""",
        table(ALLOWED, manager="NOT_FOUND", partner="NOT_FOUND", admin="NOT_FOUND"),
        lambda agencies: {"link": hidden_link_id("nom-1", "nom-2")},
        mutation=True,
        audit=("COLLECT", (A, B)),
    ),
    "decideLinkDisclosure": Operation(
        """mutation M($request: ID!) { decideLinkDisclosure(request: $request,
          decision: REFUSE, note: "not needed") { id status } }""",
        allowed_for("manager"),
        lambda agencies: {"request": gid("LinkDisclosureRequest", LINK_DISCLOSURE_UID)},
        mutation=True,
        audit=("ALTER", (A, B)),
    ),
    # A has tr-1 open, so those who may ask for another one are told it is already open.
    "requestTransfer": Operation(
        """mutation M($reason: String!) { requestTransfer(nominal: "VR-0000001",
          toArea: "SCO-MAPPA-E", reason: $reason) { status } }""",
        table(FORBIDDEN, manager="CONFLICT", supervisor="CONFLICT"),
        lambda agencies: {"reason": "moving"},
        mutation=True,
        audit=("ALTER", (A,)),
    ),
    "requestTransferInformation": _transfer_step(
        "requestTransferInformation", "question", "Is the address assessed?", RECEIVING_SIDE
    ),
    # Nothing was asked of tr-1, so the sending side has nothing to answer yet.
    "provideTransferInformation": _transfer_step(
        "provideTransferInformation",
        "answer",
        "Yes",
        table(FORBIDDEN, manager="CONFLICT", supervisor="CONFLICT"),
    ),
    "escalateTransfer": _transfer_step("escalateTransfer", "reason", "Level 3", RECEIVING_SIDE),
    "acceptTransfer": _transfer_step("acceptTransfer", "manager", "W-NEW", RECEIVING_SIDE),
    "declineTransfer": _transfer_step(
        "declineTransfer", "reason", "Victim lives nearby", RECEIVING_SIDE
    ),
    "cancelTransfer": _transfer_step("cancelTransfer", "reason", "Move fell through", SENDING_SIDE),
}

OPERATIONS: dict[str, Operation] = {**QUERIES, **MUTATIONS}
# Refused cells first: they share one graph (they write nothing, which each checks); every
# answered cell starts from a fresh one.
CELLS = sorted(
    [(name, role) for name in OPERATIONS for role in ROLES],
    key=lambda cell: OPERATIONS[cell[0]].outcomes[cell[1]] in ANSWERED,
)

EVENTS = """
MATCH (e:AuditEvent)-[:BY]->(o:Officer)
RETURN e.seq AS seq, e.action AS action, o.staffId AS officer, e.purpose AS purpose,
       COLLECT { MATCH (e)-[:CONCERNS]->(n:Nominal) RETURN n.visorRef ORDER BY n.visorRef }
         AS nominals
ORDER BY seq
"""
AGENCIES = "MATCH (a:Agency) RETURN a.code AS code, a.uid AS uid"


async def events(db: Database) -> list[dict[str, Any]]:
    return await db.read(EVENTS)


async def agencies(db: Database) -> dict[str, str]:
    return {row["code"]: row["uid"] for row in await db.read(AGENCIES)}


def ask(
    base_url: str, settings: Settings, op: Operation, staff_id: str, agency_uids: dict[str, str]
) -> dict[str, Any]:
    """A read states its purpose in the header; a write states none (its default purpose)."""
    return post_graphql(
        base_url,
        op.document,
        op.variables(agency_uids),
        secret=settings.secret,
        staff_id=staff_id,
        purpose=None if op.mutation else PURPOSE,
    )


def expected_events(op: Operation, staff_id: str, answer: Any) -> list[dict[str, Any]]:
    if not op.mutation:
        if next(role for role, staff in ROLES.items() if staff == staff_id) in op.sees_none:
            return []
        return [
            {"action": op.action, "officer": staff_id, "purpose": op.purpose, "nominals": list(n)}
            for n in op.consults
        ]
    assert op.audit is not None
    action, nominals = op.audit
    refs = [answer["visorRef"] if ref == "$new" else ref for ref in nominals]
    return [{"action": action, "officer": staff_id, "nominals": sorted(refs)}]


@pytest.mark.parametrize(("name", "role"), CELLS, ids=[f"{name}-{role}" for name, role in CELLS])
async def test_cell(
    session_db: Database, base_url: str, settings: Settings, name: str, role: str
) -> None:
    db = session_db
    op = OPERATIONS[name]
    expected = op.outcomes[role]
    staff_id = ROLES[role]
    if expected in ANSWERED:
        await fresh_access_matrix_graph(db)
    else:
        await shared_access_matrix_graph(db)
    agency_uids = await agencies(db)
    before = await events(db)
    graph_before = (
        await dump_without_audit(db) if op.mutation and expected not in ANSWERED else None
    )

    body = ask(base_url, settings, op, staff_id, agency_uids)

    text = json.dumps(body)
    if not op.discloses_everything:
        assert [m for m in forbidden_markers(staff_id) if m in text] == []
    after = await events(db)
    if expected in ANSWERED:
        assert "errors" not in body, body
        answer = body["data"][name]
        assert answer, body
        assert ('"RestrictedRecord"' in text) == (expected == STUBBED), body
        new = after[len(before) :]
        shown = [
            {key: event[key] for key in ("action", "officer", "purpose", "nominals")}
            if not op.mutation
            else {key: event[key] for key in ("action", "officer", "nominals")}
            for event in new
        ]
        assert shown == expected_events(op, staff_id, answer)
    else:
        assert error_codes(body) == [expected], body
        assert body.get("data") is None, body
        assert after[: len(before)] == before
        if expected == FORBIDDEN:
            # A refused attempt is audited: exactly one REFUSED event, and nothing else.
            assert [
                {key: event[key] for key in ("action", "officer", "nominals")}
                for event in after[len(before) :]
            ] == [{"action": "REFUSED", "officer": staff_id, "nominals": refused_names(name, op)}]
            assert after[-1]["purpose"].startswith(f"refused {name}: "), after[-1]
        else:
            assert after == before  # a CONFLICT is no refusal: no event at all
        if graph_before is not None:
            assert await dump_without_audit(db) == graph_before


# The refused reads whose arguments name a nominal (writes name those of their audit event).
REFUSED_READS_NAME = {
    "auditTrail": (A,),
    "disclosurePackage": (A,),
    "nominalStanding": (A,),
    "coLocated": (A,),
    "paths": (A, B),
    "network": (A,),
    "rank": (A,),
    "communities": (A,),
}


def refused_names(name: str, op: Operation) -> list[str]:
    if not op.mutation:
        return sorted(REFUSED_READS_NAME.get(name, ()))
    assert op.audit is not None
    return sorted(ref for ref in op.audit[1] if ref != "$new")


def test_every_root_field_has_a_row_in_the_matrix() -> None:
    """A new query or mutation cannot escape the matrix: the built schema's root fields are
    exactly the table's rows."""
    schema = build_schema()._schema
    assert schema.query_type is not None and schema.mutation_type is not None
    # Subscriptions run over WebSocket: tests/schema/test_transfer_events.py covers each one.
    assert schema.subscription_type is not None
    assert set(schema.subscription_type.fields) == {"transferEvents"}
    rows = {"Query": set(QUERIES), "Mutation": set(MUTATIONS)}
    fields = {"Query": set(schema.query_type.fields), "Mutation": set(schema.mutation_type.fields)}
    without_a_row = {root: sorted(fields[root] - rows[root]) for root in rows}
    without_a_field = {root: sorted(rows[root] - fields[root]) for root in rows}
    assert without_a_row == {"Query": [], "Mutation": []}, "add these operations to the matrix"
    assert without_a_field == {"Query": [], "Mutation": []}, "these rows name no field"


# The reads of a nominal's record that take their purpose from the argument or the header.
NEEDS_PURPOSE = ["node", "nodes", "nominal", "nominals", "contributions", "auditTrail", "accessLog"]


@pytest.mark.parametrize("name", NEEDS_PURPOSE)
async def test_a_read_without_a_purpose_is_refused_and_writes_nothing(
    session_db: Database, base_url: str, settings: Settings, name: str
) -> None:
    db = session_db
    op = QUERIES[name]
    role = next(role for role, outcome in op.outcomes.items() if outcome in ANSWERED)
    await shared_access_matrix_graph(db)
    before = await events(db)
    body = post_graphql(
        base_url,
        op.document,
        op.variables(await agencies(db)),
        secret=settings.secret,
        staff_id=ROLES[role],
    )
    assert error_codes(body) == ["BAD_USER_INPUT"], body
    assert body["errors"][0]["extensions"]["field"] == "purpose"
    assert await events(db) == before


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_without_a_token_every_operation_is_unauthenticated(base_url: str, name: str) -> None:
    op = OPERATIONS[name]
    fake_agencies = {"PSOS": "no-such-agency"}
    response = loopback.post(
        f"{base_url}/graphql",
        json={"query": op.document, "variables": op.variables(fake_agencies)},
        headers={"X-Visor-Purpose": PURPOSE},
        timeout=30,
    )
    body = response.json()
    # Issue 9: a request without a token is HTTP 401, the GraphQL error in the body.
    assert response.status_code == 401 and error_codes(body) == ["UNAUTHENTICATED"], body


# The reads with a `purpose` argument: it wins over the header. (role, document, nominals)
PURPOSE_ARGUMENTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "nominal": ("practitioner", 'nominal(visorRef: "VR-0000001", purpose: $p) { visorRef }', (A,)),
    "nominals": (
        "other_agency",
        'nominals(filter: {managerStaffId: "W-OUT"}, purpose: $p) { totalCount }',
        (B, C),
    ),
    "searchNominals": (
        "analyst",
        'searchNominals(text: "Jane", purpose: $p) { edges { node { visorRef } } }',
        (B,),
    ),
    "auditTrail": ("dpo", 'auditTrail(visorRef: "VR-0000002", purpose: $p) { totalCount }', (A, B)),
    "accessLog": ("admin", 'accessLog(officer: "W-PRT", purpose: $p) { totalCount }', (A,)),
    "contributions": (
        "supervisor",
        'contributions(agency: "$PSOS", purpose: $p) { totalCount }',
        (A,),  # every PSOS entry is about A
    ),
}


@pytest.mark.parametrize("name", list(PURPOSE_ARGUMENTS))
async def test_a_consultation_records_the_purpose_argument_over_the_header(
    session_db: Database, base_url: str, settings: Settings, name: str
) -> None:
    db = session_db
    role, selection, nominals = PURPOSE_ARGUMENTS[name]
    await fresh_access_matrix_graph(db)
    selection = selection.replace("$PSOS", str(gid("Agency", (await agencies(db))["PSOS"])))
    before = await events(db)
    body = post_graphql(
        base_url,
        f"query Q($p: String) {{ {selection} }}",
        {"p": "stated in the argument"},
        secret=settings.secret,
        staff_id=ROLES[role],
        purpose="stated in the header",
    )
    assert "errors" not in body, body
    new = (await events(db))[len(before) :]
    assert [(e["action"], e["officer"], e["purpose"], e["nominals"]) for e in new] == [
        ("CONSULT", ROLES[role], "stated in the argument", list(nominals))
    ]
