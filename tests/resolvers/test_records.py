"""The record access rule and the record/provenance resolvers, called directly on a real Neo4j."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from graph.db import Database, Row
from loaders.records import build_record_loaders
from resolvers import provenance, records
from resolvers.actor import Actor, load_actor
from resolvers.errors import BadUserInput, Forbidden, NotFound, VisorError
from tests.record_graph import create_record_graph


def actor(uid: str = "of-x", clearance: str = "SECRET", agency: str = "ag-x") -> Actor:
    return Actor(
        uid=uid,
        staff_id=uid,
        name=uid,
        roles=frozenset({"PRACTITIONER"}),
        clearance=clearance,
        agency_uid=agency,
        agency_code=agency,
    )


STEWARDS: Row = {"manager": {"uid": "of-mgr", "name": "M"}, "partnerUids": ["of-prt"]}


def row(classification: str = "OFFICIAL", kind: str = "Note", **props: object) -> Row:
    return {
        "kind": kind,
        "classification": classification,
        "onBehalfOf": {"uid": "ag-psos", "name": "Police Scotland"},
        **props,
    }


INTEL_C: dict[str, Any] = {"kind": "Intelligence", "handlingCode": "C", "restricted": False}
INTEL_R: dict[str, Any] = {"kind": "Intelligence", "handlingCode": "P", "restricted": True}
INTEL_P: dict[str, Any] = {"kind": "Intelligence", "handlingCode": "P", "restricted": False}


@pytest.mark.parametrize(
    ("reader", "record", "readable"),
    [
        (actor(clearance="OFFICIAL"), row("OFFICIAL"), True),
        (actor(clearance="OFFICIAL"), row("OFFICIAL_SENSITIVE"), False),
        (actor(clearance="OFFICIAL_SENSITIVE"), row("OFFICIAL_SENSITIVE"), True),
        (actor(clearance="OFFICIAL_SENSITIVE"), row("SECRET"), False),
        (actor(clearance="SECRET"), row("SECRET"), True),
        (actor(clearance="UNKNOWN"), row("OFFICIAL"), False),
        (actor(clearance="SECRET"), row("TOP_SECRET"), False),
        (actor(), row(**INTEL_P), True),
        (actor(), row(**INTEL_C), False),
        (actor(), row(**INTEL_R), False),
        (actor(uid="of-mgr"), row(**INTEL_C), True),
        (actor(uid="of-prt"), row(**INTEL_R), True),
        (actor(agency="ag-psos"), row(**INTEL_C), True),
        (actor(agency="ag-psos"), row(**INTEL_R), True),
        # stewardship never overrides clearance
        (actor(uid="of-mgr", clearance="OFFICIAL"), row("SECRET", **INTEL_C), False),
        # handling code C restricts whatever the kind; `restricted` only on intelligence
        (actor(), row(handlingCode="C"), False),
        (actor(), row(restricted=True), True),
    ],
)
def test_may_read(reader: Actor, record: Row, readable: bool) -> None:
    assert records.may_read(reader, record, STEWARDS) is readable


MANAGER: Row = {
    "manager": {
        "uid": "m",
        "name": "Morag",
        "clearance": "SECRET",
        "agencyUid": "ag-psos",
        "agencyName": "PSOS",
    }
}


def test_notice_names_the_manager_and_the_entering_agency_who_can_grant_access() -> None:
    kept = row(**INTEL_C)
    assert records.restriction_notice(actor(), kept, MANAGER) == (
        "Restricted: contact the manager, Morag, PSOS."
    )
    partners = row(**INTEL_C) | {"onBehalfOf": {"uid": "ag-sps", "name": "SPS"}}
    assert records.restriction_notice(actor(), partners, MANAGER) == (
        "Restricted: contact the manager, Morag, PSOS or the entering agency, SPS."
    )
    assert records.restriction_notice(actor(), kept, {"manager": None}) == (
        "Restricted: contact the entering agency, Police Scotland."
    )
    # A manager whose own clearance is below the entry cannot share it.
    low_manager = {"manager": MANAGER["manager"] | {"clearance": "OFFICIAL"}}
    assert records.restriction_notice(
        actor(), row("OFFICIAL_SENSITIVE", **INTEL_C), low_manager
    ) == ("Restricted: contact the entering agency, Police Scotland.")
    assert records.restriction_notice(actor(), kept | {"onBehalfOf": None}, {"manager": None}) == (
        records.KEPT_TO_STEWARDS
    )


def test_notice_above_the_readers_clearance_names_no_one() -> None:
    for reader in (actor(clearance="OFFICIAL"), actor(uid="m", clearance="OFFICIAL")):
        assert records.restriction_notice(reader, row("SECRET", **INTEL_C), MANAGER) == (
            "Restricted: this entry is marked above your clearance."
        )


async def shown(db: Database, staff_id: str, **filters: object) -> list[tuple[str, bool]]:
    views = await records.nominal_records(
        loaders=build_record_loaders(db),
        actor=await load_actor(db=db, staff_id=staff_id),
        nominal_uid="nom-1",
        **filters,  # type: ignore[arg-type]
    )
    return [(view.row["uid"], view.restricted) for view in views]


async def test_nominal_records_apply_the_rule_to_each_entry(db: Database) -> None:
    await create_record_graph(db)
    partner = dict(await shown(db, "T-PRT"))
    assert [uid for uid, restricted in partner.items() if restricted] == ["rec-secret"]
    outsider = dict(await shown(db, "T-OUT"))
    assert [uid for uid, restricted in outsider.items() if restricted] == [
        "rec-int-r",
        "rec-int-c",
    ]
    assert await shown(db, "T-LOW", kinds=["Intelligence"]) == [
        ("rec-int-r", False),
        ("rec-int-c", True),
    ]


async def test_nominal_records_filters_latest_and_open_custody(db: Database) -> None:
    await create_record_graph(db)
    loaders = build_record_loaders(db)
    reader = await load_actor(db=db, staff_id="T-MGR")
    views = [
        await records.nominal_records(
            loaders=loaders, actor=reader, nominal_uid="nom-1", kinds=["CustodyPeriod"]
        ),
        await records.nominal_records(
            loaders=loaders,
            actor=reader,
            nominal_uid="nom-1",
            from_=datetime.date(2024, 4, 10),
            to=datetime.date(2024, 4, 20),
        ),
    ]
    assert [[view.row["uid"] for view in found] for found in views] == [
        ["rec-cust-2", "rec-cust-1"],
        ["rec-int-r", "rec-int-c"],
    ]
    open_period = await records.open_custody_period(
        loaders=loaders, actor=reader, nominal_uid="nom-1"
    )
    assert open_period is not None and open_period.row["uid"] == "rec-cust-2"
    latest = await records.latest_record(
        loaders=loaders, actor=reader, nominal_uid="nom-1", kind="RiskManagementPlan"
    )
    assert latest is not None and latest.row["uid"] == "rec-rmp-2"


@pytest.mark.parametrize(
    ("filters", "field"),
    [
        ({"first": 201}, "first"),
        ({"first": -1}, "first"),
        ({"from_": datetime.date(2024, 2, 2), "to": datetime.date(2024, 2, 1)}, "from"),
        ({"kinds": ["Record"]}, "kinds"),
        ({"kinds": ["AuditEvent"]}, "kinds"),
    ],
)
async def test_nominal_records_bad_input(
    db: Database, filters: dict[str, object], field: str
) -> None:
    await create_record_graph(db)
    with pytest.raises(BadUserInput) as raised:
        await shown(db, "T-MGR", **filters)
    assert raised.value.field == field


@pytest.mark.parametrize("start", ["rec-ra-1", "rec-ra-2", "rec-ra-3"])
async def test_revisions_from_any_version_are_the_whole_chain(db: Database, start: str) -> None:
    await create_record_graph(db)
    views = await records.record_revisions(
        loaders=build_record_loaders(db),
        actor=await load_actor(db=db, staff_id="T-LOW"),
        record_uid=start,
    )
    assert [(v.row["uid"], v.row["version"], v.restricted) for v in views] == [
        ("rec-ra-1", 1, True),
        ("rec-ra-2", 2, True),
        ("rec-ra-3", 3, True),
    ]


async def test_a_record_without_revisions_is_its_own_chain(db: Database) -> None:
    await create_record_graph(db)
    views = await records.record_revisions(
        loaders=build_record_loaders(db),
        actor=await load_actor(db=db, staff_id="T-MGR"),
        record_uid="rec-conv",
    )
    assert [v.row["uid"] for v in views] == ["rec-conv"]


async def test_nominal_provenance_summary(db: Database) -> None:
    await create_record_graph(db)
    manager = await load_actor(db=db, staff_id="T-MGR")
    summary = await provenance.nominal_provenance(
        loaders=build_record_loaders(db), actor=manager, nominal_uid="nom-1"
    )
    assert summary["totalEntries"] == 12
    assert [(e["agency"]["code"], e["entries"]) for e in summary["byAgency"]] == [
        ("PSOS", 9),
        ("SPS", 3),
    ]
    assert [(e["officer"]["staffId"], e["entries"]) for e in summary["byOfficer"]] == [
        ("T-MGR", 8),
        ("T-PRT", 3),
        ("T-COL", 1),
    ]
    unknown = await provenance.nominal_provenance(
        loaders=build_record_loaders(db), actor=manager, nominal_uid="nom-nobody"
    )
    assert unknown["totalEntries"] == 0 and unknown["byAgency"] == []


async def test_the_provenance_summary_counts_officers_over_what_the_reader_may_read(
    db: Database,
) -> None:
    await create_record_graph(db)
    loaders = build_record_loaders(db)
    low = await load_actor(db=db, staff_id="T-LOW")
    summary = await provenance.nominal_provenance(loaders=loaders, actor=low, nominal_uid="nom-1")
    current = await records.nominal_records(loaders=loaders, actor=low, nominal_uid="nom-1")
    readable: dict[str, int] = {}
    for view in current:
        if not view.restricted:
            staff_id = view.row["enteredBy"]["staffId"]
            readable[staff_id] = readable.get(staff_id, 0) + 1
    assert summary["totalEntries"] == 12  # agencies and totals count stubs too
    assert {e["officer"]["staffId"]: e["entries"] for e in summary["byOfficer"]} == readable
    assert sum(readable.values()) < 12  # T-LOW sees some entries only as stubs


async def contributions(db: Database, staff_id: str, **arguments: object) -> int:
    defaults: dict[str, object] = {
        "officer_uid": None,
        "agency_uid": None,
        "from_": None,
        "to": None,
        "first": 20,
        "after": None,
        "purpose": "contribution review",
    }
    page = await provenance.contributions(
        db=db,
        loaders=build_record_loaders(db),
        actor=await load_actor(db=db, staff_id=staff_id),
        **(defaults | arguments),  # type: ignore[arg-type]
    )
    return page.total


@pytest.mark.parametrize(
    ("staff_id", "arguments", "error"),
    [
        ("T-MGR", {"officer_uid": "of-mgr"}, Forbidden),
        ("T-SUP", {"officer_uid": "of-prt"}, Forbidden),
        ("T-SUP", {"agency_uid": "ag-sps"}, Forbidden),
        ("T-SPS", {"officer_uid": "of-mgr"}, Forbidden),
        ("T-SUP", {"officer_uid": "of-nobody"}, Forbidden),
        ("T-ADM", {"officer_uid": "of-nobody"}, NotFound),
        ("T-ADM", {"agency_uid": "ag-nobody"}, NotFound),
        ("T-ADM", {}, BadUserInput),
        ("T-ADM", {"officer_uid": "of-mgr", "agency_uid": "ag-psos"}, BadUserInput),
        ("T-ADM", {"officer_uid": "of-mgr", "after": "not base64!"}, BadUserInput),
        ("T-ADM", {"officer_uid": "of-mgr", "first": 1000}, BadUserInput),
    ],
)
async def test_contributions_refusals(
    db: Database, staff_id: str, arguments: dict[str, object], error: type[VisorError]
) -> None:
    await create_record_graph(db)
    with pytest.raises(error):
        await contributions(db, staff_id, **arguments)


async def test_contributions_totals_and_naive_times_read_as_utc(db: Database) -> None:
    await create_record_graph(db)
    assert await contributions(db, "T-SUP", officer_uid="of-mgr") == 10
    assert await contributions(db, "T-SUP", agency_uid="ag-psos") == 11
    assert await contributions(db, "T-SPS", agency_uid="ag-sps") == 4
    assert await contributions(db, "T-ADM", officer_uid="of-col") == 1
    assert (
        await contributions(
            db,
            "T-ADM",
            officer_uid="of-mgr",
            from_=datetime.datetime(2024, 4, 1, 10, 0),
            to=datetime.datetime(2024, 4, 10, 8, 0),
        )
        == 2
    )


def test_cursors_round_trip() -> None:
    key: list[object] = [1711965600, 5, "rec-ra-3"]
    assert provenance.decode_cursor(provenance.encode_cursor(key)) == key
    for bad in ["", "bm9wZQ==", provenance.encode_cursor([1, 2, "x"])[:-4]]:
        with pytest.raises(BadUserInput):
            provenance.decode_cursor(bad)
