"""A nominal's record entries and their provenance over real HTTP, on tests/record_graph.py."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from starlette.applications import Starlette

from graph.db import Database
from tests.graphql_client import post_graphql
from tests.record_graph import SECRET_TEXTS, create_many_nominals, create_record_graph
from visor.settings import Settings

ENTRY = """
fragment Entry on Record {
  __typename id kind enteredAt onBehalfOf { code }
  ... on RestrictedRecord { notice }
  ... on RecordEntry {
    classification version summary createdAt
    enteredBy { staffId agency { code } } verifiedBy { staffId } verifiedAt
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

RECORDS = (
    ENTRY
    + """
query Records($ref: String!, $kinds: [RecordKind!], $from: Date, $to: Date, $first: Int) {
  nominal(visorRef: $ref) {
    records(kinds: $kinds, from: $from, to: $to, first: $first) { ...Entry }
  }
}
"""
)

REVISIONS = """
query Revisions($ref: String!) {
  nominal(visorRef: $ref) {
    latestRiskAssessment {
      __typename
      ... on RecordEntry {
        version
        revisions {
          __typename id
          ... on RecordEntry { version enteredAt enteredBy { staffId } onBehalfOf { code } }
          ... on RiskAssessment { riskLevel }
          ... on RestrictedRecord { notice }
        }
      }
    }
  }
}
"""

VIEW = (
    ENTRY
    + """
query View($ref: String!) {
  nominal(visorRef: $ref) {
    latestRiskAssessment { ...Entry }
    currentRiskManagementPlan { ...Entry }
    custodyStatus { status openPeriod { ...Entry } }
    provenance {
      totalEntries lastEntryAt
      byAgency { agency { code } entries lastEntryAt }
      byOfficer { officer { staffId name } entries lastEntryAt }
    }
  }
}
"""
)

CONTRIBUTIONS = """
query Contributions($officer: ID, $agency: ID, $from: DateTime, $to: DateTime, $first: Int!,
                    $after: String) {
  contributions(officer: $officer, agency: $agency, from: $from, to: $to, first: $first,
                after: $after) {
    totalCount
    edges { cursor node { __typename id ... on RestrictedRecord { notice } } }
    pageInfo { hasNextPage hasPreviousPage }
  }
}
"""


def gid(type_name: str, uid: str) -> str:
    return base64.b64encode(f"{type_name}:{uid}".encode()).decode()


def post(
    base_url: str, settings: Settings, staff_id: str, query: str, **variables: object
) -> dict[str, Any]:
    return post_graphql(
        base_url,
        query,
        variables,
        secret=settings.secret,
        staff_id=staff_id,
        purpose="record view test",
    )


def data(base_url: str, settings: Settings, staff_id: str, query: str, **variables: object) -> Any:
    body = post(base_url, settings, staff_id, query, **variables)
    assert "errors" not in body, body
    return body["data"]


def errors(
    base_url: str, settings: Settings, staff_id: str, query: str, **variables: object
) -> Any:
    body = post(base_url, settings, staff_id, query, **variables)
    return [(e["extensions"]["code"], e["extensions"].get("field")) for e in body["errors"]]


def records(base_url: str, settings: Settings, staff_id: str, **variables: object) -> Any:
    variables.setdefault("ref", "VR-0000001")
    return data(base_url, settings, staff_id, RECORDS, **variables)["nominal"]["records"]


def uids(items: list[dict[str, Any]]) -> list[str]:
    return [base64.b64decode(item["id"]).decode().split(":", 1)[1] for item in items]


PSOS: dict[str, Any] = {"code": "PSOS"}
SPS: dict[str, Any] = {"code": "SPS"}
MGR: dict[str, Any] = {"staffId": "T-MGR", "agency": PSOS}
PRT: dict[str, Any] = {"staffId": "T-PRT", "agency": SPS}
NOTICE = "Restricted: contact the manager, Morag Manager, Police Scotland."
ABOVE_CLEARANCE = "Restricted: this entry is marked above your clearance."
CLEARANCES = ("OFFICIAL", "OFFICIAL_SENSITIVE", "SECRET")
READER_CLEARANCE = {"T-PRT": "OFFICIAL_SENSITIVE", "T-LOW": "OFFICIAL"}


def entry(
    type_name: str,
    uid: str,
    at: str,
    classification: str,
    summary: str,
    by: dict[str, Any] = MGR,
    *,
    version: int = 1,
    verified: str | None = None,
    **fields: object,
) -> dict[str, object]:
    kind = {
        "RiskAssessment": "RISK_ASSESSMENT",
        "RiskManagementPlan": "RISK_MANAGEMENT_PLAN",
        "MeetingMinutes": "MEETING_MINUTES",
        "Intelligence": "INTELLIGENCE",
        "Conviction": "CONVICTION",
        "CustodyPeriod": "CUSTODY_PERIOD",
        "Notification": "NOTIFICATION",
        "Note": "NOTE",
    }[type_name]
    stamp = f"{at}+00:00"
    return {
        "__typename": type_name,
        "id": gid(type_name, uid),
        "kind": kind,
        "enteredAt": stamp,
        "onBehalfOf": by["agency"],
        "classification": classification,
        "version": version,
        "summary": summary,
        "createdAt": stamp,
        "enteredBy": by,
        "verifiedBy": {"staffId": "T-MGR"} if verified else None,
        "verifiedAt": f"{verified}+00:00" if verified else None,
        **fields,
    }


def stub(
    uid: str, kind: str, at: str, agency: dict[str, str] = PSOS, notice: str = NOTICE
) -> object:
    return {
        "__typename": "RestrictedRecord",
        "id": gid("RestrictedRecord", uid),
        "kind": kind,
        "enteredAt": f"{at}+00:00",
        "onBehalfOf": agency,
        "notice": notice,
    }


RA: dict[str, Any] = {"tool": "RM2000", "assessedOn": "2024-02-01", "nextReviewOn": "2024-08-01"}
INT_C: dict[str, Any] = {
    "sourceEvaluation": "UNTESTED",
    "intelligenceAssessment": "B",
    "handlingCode": "C",
    "handlingConditions": "Not to be shared outside MAPPA partners",
    "restricted": False,
    "text": "Seen near a primary school on 3 April",
}
INT_R: dict[str, Any] = {
    "sourceEvaluation": "RELIABLE",
    "intelligenceAssessment": "A",
    "handlingCode": "P",
    "handlingConditions": None,
    "restricted": True,
    "text": "Covert source reports contact with a co-accused",
}

FULL = {
    "rec-cust-2": entry(
        "CustodyPeriod",
        "rec-cust-2",
        "2024-06-01T10:00:00",
        "OFFICIAL",
        "Custody period",
        PRT,
        establishment="HMP Barlinnie",
        startedOn="2024-06-01",
        endedOn=None,
    ),
    "rec-rmp-2": entry(
        "RiskManagementPlan",
        "rec-rmp-2",
        "2024-05-20T09:00:00",
        "OFFICIAL",
        "Plan on release",
        startsOn="2024-05-20",
        reviewOn=None,
        objectives="Approved premises; weekly contact",
    ),
    "rec-secret": entry(
        "Note",
        "rec-secret",
        "2024-05-01T09:00:00",
        "SECRET",
        "Case note",
        text="Witness protection arrangements in place",
    ),
    "rec-int-r": entry(
        "Intelligence",
        "rec-int-r",
        "2024-04-20T08:00:00",
        "OFFICIAL",
        "Intelligence report",
        {"staffId": "T-COL", "agency": PSOS},
        **INT_R,
    ),
    "rec-int-c": entry(
        "Intelligence",
        "rec-int-c",
        "2024-04-10T08:00:00",
        "OFFICIAL_SENSITIVE",
        "Intelligence report",
        **INT_C,
    ),
    "rec-ra-3": entry(
        "RiskAssessment",
        "rec-ra-3",
        "2024-04-01T10:00:00",
        "OFFICIAL_SENSITIVE",
        "Risk assessed as very high",
        version=3,
        verified="2024-04-02T09:30:00",
        riskLevel="VERY_HIGH",
        **RA,
    ),
    "rec-min": entry(
        "MeetingMinutes",
        "rec-min",
        "2024-03-10T14:00:00",
        "OFFICIAL_SENSITIVE",
        "MAPPA level 2 meeting",
        PRT,
        meetingOn="2024-03-10",
        level=2,
        attendees=["Morag Manager", "Pat Partner"],
        minutes="Agreed a level 2 plan",
    ),
    "rec-rmp-1": entry(
        "RiskManagementPlan",
        "rec-rmp-1",
        "2024-02-15T12:00:00",
        "OFFICIAL",
        "Plan",
        startsOn="2024-02-15",
        reviewOn="2024-05-15",
        objectives="Curfew and exclusion zone",
    ),
    "rec-notif": entry(
        "Notification",
        "rec-notif",
        "2024-02-05T11:00:00",
        "OFFICIAL",
        "Initial notification",
        notifiedOn="2024-02-05",
        requirement="Initial notification",
        details="Made in person",
    ),
    "rec-conv": entry(
        "Conviction",
        "rec-conv",
        "2024-01-10T09:00:00",
        "OFFICIAL",
        "Conviction: sexual assault",
        verified="2024-01-11T10:00:00",
        offence="Sexual assault",
        convictedOn="2020-05-01",
        court="Edinburgh Sheriff Court",
        sentence="6 years",
    ),
    "rec-ra-b": entry(
        "RiskAssessment",
        "rec-ra-b",
        "2023-06-01T09:00:00",
        "OFFICIAL",
        "Risk assessed as low",
        tool="SA07",
        riskLevel="LOW",
        assessedOn="2023-06-01",
        nextReviewOn=None,
    ),
    "rec-cust-1": entry(
        "CustodyPeriod",
        "rec-cust-1",
        "2023-01-05T10:00:00",
        "OFFICIAL",
        "Custody period",
        PRT,
        establishment="HMP Edinburgh",
        startedOn="2022-01-01",
        endedOn="2023-01-01",
    ),
}
CURRENT = list(FULL)


def stubbed(uid: str, reader: str) -> object:
    """The stub `reader` gets: above their clearance it names no one (nobody can grant
    clearance); an entry kept to its stewards names the manager (whose agency entered them)."""
    full: Any = FULL[uid]
    agency = full["onBehalfOf"]
    held = CLEARANCES.index(READER_CLEARANCE.get(reader, "SECRET"))
    above = CLEARANCES.index(full["classification"]) > held
    notice = ABOVE_CLEARANCE if above else NOTICE
    return stub(uid, full["kind"], full["enteredAt"][:-6], agency, notice)


def content(uid: str) -> set[str]:
    """The text values of an entry's content (everything a stub must not show)."""
    hidden = {"__typename", "id", "kind", "enteredAt", "createdAt", "onBehalfOf"}
    values: list[object] = [v for k, v in FULL[uid].items() if k not in hidden]
    texts = set()
    while values:
        value = values.pop()
        if isinstance(value, dict):
            values += value.values()
        elif isinstance(value, list):
            values += value
        elif isinstance(value, str):
            texts.add(value)
    return texts


async def test_the_manager_sees_every_current_entry_in_full_newest_first(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_record_graph(db)
    assert records(base_url, settings, "T-MGR") == [FULL[uid] for uid in CURRENT]


@pytest.mark.parametrize(
    ("staff_id", "restricted"),
    [
        ("T-PRT", {"rec-secret"}),  # partner with OFFICIAL_SENSITIVE clearance
        ("T-LOW", {"rec-secret", "rec-int-c", "rec-ra-3", "rec-min"}),  # OFFICIAL clearance
        ("T-OUT", {"rec-int-c", "rec-int-r"}),  # other agency, no relation
        ("T-EXP", {"rec-int-c", "rec-int-r"}),  # a partnership that has ended
        ("T-COL", set()),  # officer of the entering agency
    ],
)
async def test_entries_a_reader_may_not_see_are_stubs_without_content(
    db: Database, base_url: str, settings: Settings, staff_id: str, restricted: set[str]
) -> None:
    await create_record_graph(db)
    body = post(base_url, settings, staff_id, RECORDS, ref="VR-0000001")
    raw = json.dumps(body)
    shown = body["data"]["nominal"]["records"]
    assert shown == [stubbed(uid, staff_id) if uid in restricted else FULL[uid] for uid in CURRENT]
    shown_in_full = {text for uid in CURRENT if uid not in restricted for text in content(uid)}
    for uid in restricted:
        for text in content(uid) - shown_in_full:
            assert json.dumps(text) not in raw, (uid, text)
    if "rec-secret" in restricted:
        assert SECRET_TEXTS[0] not in raw


async def test_revisions_are_the_whole_chain_oldest_to_newest(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_record_graph(db)
    latest = data(base_url, settings, "T-MGR", REVISIONS, ref="VR-0000001")["nominal"][
        "latestRiskAssessment"
    ]
    assert latest["version"] == 3
    assert latest["revisions"] == [
        {
            "__typename": "RiskAssessment",
            "id": gid("RiskAssessment", uid),
            "version": version,
            "enteredAt": at,
            "enteredBy": {"staffId": by},
            "onBehalfOf": {"code": agency},
            "riskLevel": risk,
        }
        for uid, version, at, by, agency, risk in [
            ("rec-ra-1", 1, "2024-02-01T10:00:00+00:00", "T-MGR", "PSOS", "MEDIUM"),
            ("rec-ra-2", 2, "2024-03-01T10:00:00+00:00", "T-PRT", "SPS", "HIGH"),
            ("rec-ra-3", 3, "2024-04-01T10:00:00+00:00", "T-MGR", "PSOS", "VERY_HIGH"),
        ]
    ]
    # A low-clearance reader gets the stub, which has no revisions at all.
    low = data(base_url, settings, "T-LOW", REVISIONS, ref="VR-0000001")
    assert low["nominal"]["latestRiskAssessment"] == {"__typename": "RestrictedRecord"}


async def test_latest_plan_custody_status_and_provenance(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_record_graph(db)
    view = data(base_url, settings, "T-MGR", VIEW, ref="VR-0000001")["nominal"]
    assert view == {
        "latestRiskAssessment": FULL["rec-ra-3"],
        "currentRiskManagementPlan": FULL["rec-rmp-2"],
        "custodyStatus": {"status": "CUSTODY", "openPeriod": FULL["rec-cust-2"]},
        "provenance": {
            "totalEntries": 12,
            "lastEntryAt": "2024-06-01T10:00:00+00:00",
            "byAgency": [
                {"agency": PSOS, "entries": 9, "lastEntryAt": "2024-05-20T09:00:00+00:00"},
                {"agency": SPS, "entries": 3, "lastEntryAt": "2024-06-01T10:00:00+00:00"},
            ],
            "byOfficer": [
                {
                    "officer": {"staffId": "T-MGR", "name": "Morag Manager"},
                    "entries": 8,
                    "lastEntryAt": "2024-05-20T09:00:00+00:00",
                },
                {
                    "officer": {"staffId": "T-PRT", "name": "Pat Partner"},
                    "entries": 3,
                    "lastEntryAt": "2024-06-01T10:00:00+00:00",
                },
                {
                    "officer": {"staffId": "T-COL", "name": "Colin Colleague"},
                    "entries": 1,
                    "lastEntryAt": "2024-04-20T08:00:00+00:00",
                },
            ],
        },
    }
    low = data(base_url, settings, "T-LOW", VIEW, ref="VR-0000001")["nominal"]
    assert low["latestRiskAssessment"] == stubbed("rec-ra-3", "T-LOW")
    other = data(base_url, settings, "T-MGR", VIEW, ref="VR-0000002")["nominal"]
    assert other == {
        "latestRiskAssessment": None,
        "currentRiskManagementPlan": None,
        "custodyStatus": {"status": "COMMUNITY", "openPeriod": None},
        "provenance": {
            "totalEntries": 1,
            "lastEntryAt": "2024-01-01T09:00:00+00:00",
            "byAgency": [
                {"agency": PSOS, "entries": 1, "lastEntryAt": "2024-01-01T09:00:00+00:00"}
            ],
            "byOfficer": [
                {
                    "officer": {"staffId": "T-MGR", "name": "Morag Manager"},
                    "entries": 1,
                    "lastEntryAt": "2024-01-01T09:00:00+00:00",
                }
            ],
        },
    }


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"kinds": ["CUSTODY_PERIOD"]}, ["rec-cust-2", "rec-cust-1"]),
        (
            {"kinds": ["INTELLIGENCE", "RISK_ASSESSMENT"]},
            ["rec-int-r", "rec-int-c", "rec-ra-3", "rec-ra-b"],
        ),
        ({"from": "2024-04-01", "to": "2024-04-30"}, ["rec-int-r", "rec-int-c", "rec-ra-3"]),
        ({"from": "2024-05-20"}, ["rec-cust-2", "rec-rmp-2"]),
        ({"to": "2023-06-01"}, ["rec-ra-b", "rec-cust-1"]),
        ({"kinds": ["NOTE"], "to": "2024-04-30"}, []),
        ({"first": 2}, ["rec-cust-2", "rec-rmp-2"]),
        ({"first": 0}, []),
        ({"kinds": []}, []),
        ({"ref": "VR-0000002"}, ["rec-n2"]),
    ],
)
async def test_records_filters(
    db: Database,
    base_url: str,
    settings: Settings,
    variables: dict[str, object],
    expected: list[str],
) -> None:
    await create_record_graph(db)
    assert uids(records(base_url, settings, "T-MGR", **variables)) == expected


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"first": 201}, ("BAD_USER_INPUT", "first")),
        ({"first": -1}, ("BAD_USER_INPUT", "first")),
        ({"from": "2024-05-02", "to": "2024-05-01"}, ("BAD_USER_INPUT", "from")),
    ],
)
async def test_records_bad_input(
    db: Database,
    base_url: str,
    settings: Settings,
    variables: dict[str, object],
    expected: tuple[str, str],
) -> None:
    await create_record_graph(db)
    assert errors(base_url, settings, "T-MGR", RECORDS, ref="VR-0000001", **variables) == [expected]


def contributions(base_url: str, settings: Settings, staff_id: str, **variables: object) -> Any:
    variables.setdefault("first", 20)
    return data(base_url, settings, staff_id, CONTRIBUTIONS, **variables)["contributions"]


async def test_contributions_of_an_officer_paginate_newest_first(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_record_graph(db)
    seen: list[str] = []
    after = None
    for expected_count, expected_next in [(4, True), (4, True), (2, False)]:
        page = contributions(
            base_url, settings, "T-SUP", officer=gid("Officer", "of-mgr"), first=4, after=after
        )
        assert page["totalCount"] == 10
        assert len(page["edges"]) == expected_count
        assert page["pageInfo"] == {
            "hasNextPage": expected_next,
            "hasPreviousPage": after is not None,
        }
        seen += uids([edge["node"] for edge in page["edges"]])
        after = page["edges"][-1]["cursor"]
    assert seen == [
        "rec-rmp-2",
        "rec-secret",
        "rec-int-c",
        "rec-ra-3",
        "rec-rmp-1",
        "rec-notif",
        "rec-ra-1",
        "rec-conv",
        "rec-n2",
        "rec-ra-b",
    ]


async def test_contributions_by_agency_in_a_window_apply_the_access_rule(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_record_graph(db)
    window = {"from": "2024-02-01T10:00:00Z", "to": "2024-04-30T23:59:59Z"}
    page = contributions(base_url, settings, "T-SPS", agency=gid("Agency", "ag-sps"), **window)
    # SPS entries: ra-2 (a superseded version is a contribution too) and the minutes.
    assert page["totalCount"] == 2
    assert [edge["node"] for edge in page["edges"]] == [
        {"__typename": "MeetingMinutes", "id": gid("MeetingMinutes", "rec-min")},
        {"__typename": "RiskAssessment", "id": gid("RiskAssessment", "rec-ra-2")},
    ]
    page = contributions(base_url, settings, "T-ADM", agency=gid("Agency", "ag-psos"), **window)
    assert page["totalCount"] == 6
    assert uids([edge["node"] for edge in page["edges"]]) == [
        "rec-int-r",
        "rec-int-c",
        "rec-ra-3",
        "rec-rmp-1",
        "rec-notif",
        "rec-ra-1",
    ]


async def test_contributions_access(db: Database, base_url: str, settings: Settings) -> None:
    await create_record_graph(db)
    mgr, prt = gid("Officer", "of-mgr"), gid("Officer", "of-prt")
    psos, sps = gid("Agency", "ag-psos"), gid("Agency", "ag-sps")
    allowed = [("T-SUP", {"officer": mgr}), ("T-SUP", {"agency": psos}), ("T-ADM", {"agency": sps})]
    for staff_id, variables in allowed:
        assert contributions(base_url, settings, staff_id, **variables)["totalCount"] > 0
    refused: list[tuple[str, dict[str, Any], tuple[str, str | None]]] = [
        ("T-SUP", {"agency": sps}, ("FORBIDDEN", None)),
        ("T-SUP", {"officer": prt}, ("FORBIDDEN", None)),
        ("T-MGR", {"officer": mgr}, ("FORBIDDEN", None)),
        ("T-MGR", {"agency": psos}, ("FORBIDDEN", None)),
        ("T-SUP", {}, ("BAD_USER_INPUT", "officer")),
        ("T-SUP", {"officer": mgr, "agency": psos}, ("BAD_USER_INPUT", "officer")),
        ("T-SUP", {"officer": psos}, ("BAD_USER_INPUT", "officer")),
        ("T-SUP", {"agency": "not-an-id"}, ("BAD_USER_INPUT", "agency")),
        ("T-SUP", {"officer": mgr, "first": 101}, ("BAD_USER_INPUT", "first")),
        ("T-SUP", {"officer": mgr, "after": "bm9wZQ=="}, ("BAD_USER_INPUT", "after")),
        (
            "T-SUP",
            {"officer": mgr, "from": "2024-02-01T00:00:00Z", "to": "2024-01-01T00:00:00Z"},
            ("BAD_USER_INPUT", "from"),
        ),
        ("T-ADM", {"officer": gid("Officer", "of-nobody")}, ("NOT_FOUND", "officer")),
        ("T-ADM", {"agency": gid("Agency", "ag-nobody")}, ("NOT_FOUND", "agency")),
    ]
    for staff_id, arguments, expected in refused:
        arguments.setdefault("first", 20)
        got = errors(base_url, settings, staff_id, CONTRIBUTIONS, **arguments)
        assert got == [expected], (staff_id, arguments)


FULL_VIEW = (
    ENTRY
    + """
query Page($first: Int!) {
  nominals(first: $first) {
    edges { node {
      records {
        ...Entry
        ... on RecordEntry { revisions { ...Entry } }
      }
      latestRiskAssessment { ...Entry }
      currentRiskManagementPlan { ...Entry }
      custodyStatus { status openPeriod { ...Entry } }
      provenance { totalEntries byAgency { agency { code } entries } byOfficer { entries } }
    } }
  }
}
"""
)


@pytest.mark.parametrize("staff_id", ["T-MGR", "T-OUT", "T-LOW"])
async def test_round_trips_do_not_grow_with_the_page(
    db: Database, app: Starlette, base_url: str, settings: Settings, staff_id: str
) -> None:
    await create_many_nominals(db, 50)
    counts = []
    for first in (1, 50):
        app.state.db.counter.reset()
        view = data(base_url, settings, staff_id, FULL_VIEW, first=first)
        edges = view["nominals"]["edges"]
        assert len(edges) == first
        assert all(len(edge["node"]["records"]) == 12 for edge in edges)
        counts.append(app.state.db.counter.count)
    assert counts[0] == counts[1], counts
