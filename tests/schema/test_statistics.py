"""`statistics` over HTTP on tests/statistics_graph.py, with the exact expected figures: the
snapshot (31 March 2026 and the day before), the period (reporting year 2025, a leap-day month),
the roll-up of sub-areas, the timeliness shares, the transfer durations, bad input and who may
read it. The figures are worked out by hand in the comments."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from graph.db import Database
from tests.statistics_graph import create_statistics_graph
from tests.write_graph import audit_events, changes_nothing, error, gql
from visor.settings import Settings

RATE = "count population populationSource populationYear per100k"
SNAPSHOT = f"""query($area: String!, $asAt: Date) {{
  statistics(area: $area, asAt: $asAt) {{
    area {{ code }} period {{ to }}
    snapshot {{ asAt total inCustody inCommunity wanted missing
      byCategoryLevelStatus {{ category level status count }}
      rate {{ {RATE} }} parts {{ area {{ code }} rate {{ {RATE} }} }} }}
    timeliness {{ scoredOn standardsVersion minutesMaxDays
      riskAssessmentReviewed {{ applicable compliant percent }}
      planCurrent {{ applicable compliant percent }}
      minutesTimely {{ applicable compliant percent }}
      transfers {{ decided }} }} }} }}"""
PERIOD = """query($area: String!, $from: Date, $to: Date) {
  statistics(area: $area, from: $from, to: $to) {
    snapshot { total }
    period { from to registrations transfersIn transfersOut breachTotal convictions
      breaches { breaches orderKind outcome count }
      months { month nominals registrations transfersIn transfersOut breaches convictions } }
    timeliness { scoredOn transfers { decided measured medianWorkingDays overLimit
                                      limitWorkingDays } } } }"""
ANY = """query($area: String!, $asAt: Date, $from: Date, $to: Date) {
  statistics(area: $area, asAt: $asAt, from: $from, to: $to) { area { code } } }"""


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_statistics_graph(db)
    return db


def _stats(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["statistics"]
    return result


def _snapshot(base_url: str, settings: Settings, area: str, as_at: str) -> dict[str, Any]:
    body = gql(base_url, settings, "W-ANL", SNAPSHOT, {"area": area, "asAt": as_at})
    return _stats(body)


def _period(base_url: str, settings: Settings, area: str, start: str, end: str) -> dict[str, Any]:
    body = gql(base_url, settings, "W-ANL", PERIOD, {"area": area, "from": start, "to": end})
    return _stats(body)


def _groups(snap: dict[str, Any]) -> list[tuple[str, int, str, int]]:
    return [
        (g["category"], g["level"], g["status"], g["count"]) for g in snap["byCategoryLevelStatus"]
    ]


async def test_snapshot_on_31_march(graph: Database, base_url: str, settings: Settings) -> None:
    before = await audit_events(graph)
    stats = _snapshot(base_url, settings, "SCO-MAPPA-A", "2026-03-31")
    snap = stats["snapshot"]
    assert stats["area"] == {"code": "SCO-MAPPA-A"} and stats["period"] is None
    # In A on 31 March: nom-1, nom-2, S1 (custody from that day), S2 (wanted), S3 (found that
    # day, so not missing); S4 moved to G, S5 is in G.
    assert _groups(snap) == [
        ("SCOT-1", 1, "COMMUNITY", 1),
        ("SCOT-1", 1, "CUSTODY", 1),
        ("SCOT-1", 2, "COMMUNITY", 1),
        ("SCOT-2", 3, "WANTED", 1),
        ("SCOT-3", 1, "COMMUNITY", 1),
    ]
    assert (snap["total"], snap["inCustody"], snap["inCommunity"]) == (5, 1, 4)
    assert (snap["wanted"], snap["missing"]) == (1, 0)
    # Per 100,000 by hand: 4 * 100,000 / 300,000 = 1.333... -> 1.3.
    assert snap["rate"] == {
        "count": 4,
        "population": 300000,
        "populationSource": "Test estimate",
        "populationYear": 2024,
        "per100k": 1.3,
    }
    # No nominal is managed in A's parts themselves.
    assert snap["parts"] and all(p["rate"]["count"] == 0 for p in snap["parts"])
    assert await audit_events(graph) == before  # counts name no one: no consultation


async def test_snapshot_the_day_before(graph: Database, base_url: str, settings: Settings) -> None:
    snap = _snapshot(base_url, settings, "SCO-MAPPA-A", "2026-03-30")["snapshot"]
    # 30 March: S1 not yet in custody, S3 still missing.
    assert _groups(snap) == [
        ("SCOT-1", 1, "COMMUNITY", 1),
        ("SCOT-1", 1, "MISSING", 1),
        ("SCOT-1", 2, "COMMUNITY", 1),
        ("SCOT-2", 3, "WANTED", 1),
        ("SCOT-3", 1, "COMMUNITY", 1),
    ]
    assert (snap["inCustody"], snap["inCommunity"], snap["wanted"], snap["missing"]) == (0, 5, 1, 1)
    assert snap["rate"]["per100k"] == 1.7  # 5 * 100,000 / 300,000 = 1.666...


async def test_sub_areas_roll_up(graph: Database, base_url: str, settings: Settings) -> None:
    g = _snapshot(base_url, settings, "SCO-MAPPA-G", "2026-03-31")["snapshot"]
    # G: S4 (moved in on 2025-10-01) and S5, managed in Glasgow City, a part of G.
    assert _groups(g) == [("SCOT-2", 2, "COMMUNITY", 1), ("SCOT-3", 1, "COMMUNITY", 1)]
    assert g["rate"]["per100k"] == 0.8  # 2 * 100,000 / 250,000
    glasgow = next(p for p in g["parts"] if p["area"]["code"] == "S12000049")
    # The reference population of Glasgow City: 1 * 100,000 / 622,820 = 0.16 -> 0.2.
    assert glasgow["rate"]["count"] == 1 and glasgow["rate"]["population"] == 622820
    assert glasgow["rate"]["per100k"] == 0.2
    council = _snapshot(base_url, settings, "S12000049", "2026-03-31")["snapshot"]
    assert _groups(council) == [("SCOT-3", 1, "COMMUNITY", 1)]
    nation = _snapshot(base_url, settings, "S92000003", "2026-03-31")["snapshot"]
    assert (nation["total"], nation["inCustody"], nation["inCommunity"]) == (7, 1, 6)
    parts = {p["area"]["code"]: p["rate"]["count"] for p in nation["parts"]}
    assert (parts["SCO-MAPPA-A"], parts["SCO-MAPPA-G"]) == (4, 2)
    assert sum(parts.values()) == nation["inCommunity"]


async def test_timeliness_on_31_march(graph: Database, base_url: str, settings: Settings) -> None:
    timeliness = _snapshot(base_url, settings, "SCO-MAPPA-A", "2026-03-31")["timeliness"]
    assert timeliness["scoredOn"] == "2026-03-31" and timeliness["standardsVersion"] == "2026.1"
    # nom-1 due today and S2 current; nom-2 due yesterday, S1 and S3 never assessed: 2 of 5.
    assert timeliness["riskAssessmentReviewed"] == {
        "applicable": 5,
        "compliant": 2,
        "percent": 40.0,
    }
    # Level 2 and 3: nom-1's plan is reviewed on the day (current), S2's the day before.
    assert timeliness["planCurrent"] == {"applicable": 2, "compliant": 1, "percent": 50.0}
    # Minutes: nom-1's recorded 10 days after the meeting (in time), nom-2's 11 (late).
    assert timeliness["minutesMaxDays"] == 10
    assert timeliness["minutesTimely"] == {"applicable": 2, "compliant": 1, "percent": 50.0}
    assert timeliness["transfers"] is None  # a snapshot has no window
    # A day later nom-1's assessment is late too, and its plan no longer current.
    later = _snapshot(base_url, settings, "SCO-MAPPA-A", "2026-04-01")["timeliness"]
    assert later["riskAssessmentReviewed"]["compliant"] == 1
    assert later["planCurrent"]["compliant"] == 0


async def test_period_of_a_reporting_year(
    graph: Database, base_url: str, settings: Settings
) -> None:
    stats = _period(base_url, settings, "SCO-MAPPA-A", "2025-04-01", "2026-03-31")
    period = stats["period"]
    assert stats["snapshot"] is None
    assert (period["from"], period["to"]) == ("2025-04-01", "2026-03-31")
    # S5 registered in G; S4 moved out to G on 2025-10-01; nom-1 convicted 2025-11-15 (S4's
    # conviction came after it left).
    assert (period["registrations"], period["transfersIn"], period["transfersOut"]) == (0, 0, 1)
    assert period["convictions"] == 1
    # b1, b2, b3 (S4, still in A on 2025-07-01) and b5 of the SHPO; b4 is the year before.
    assert period["breaches"] == [
        {
            "breaches": "NOTIFICATION_REQUIREMENTS",
            "orderKind": None,
            "outcome": "CHARGED",
            "count": 1,
        },
        {
            "breaches": "NOTIFICATION_REQUIREMENTS",
            "orderKind": None,
            "outcome": "CONVICTED",
            "count": 1,
        },
        {
            "breaches": "NOTIFICATION_REQUIREMENTS",
            "orderKind": None,
            "outcome": "REPORTED",
            "count": 1,
        },
        {"breaches": "ORDER", "orderKind": "SHPO", "outcome": "CAUTIONED", "count": 1},
    ]
    assert period["breachTotal"] == 4
    months = {m["month"]: m for m in period["months"]}
    assert list(months) == [f"2025-{m:02d}-01" for m in range(4, 13)] + [
        f"2026-{m:02d}-01" for m in range(1, 4)
    ]
    # Six nominals in A to September, five once S4 left.
    assert [m["nominals"] for m in period["months"]] == [6] * 6 + [5] * 6
    assert [m["breaches"] for m in period["months"]] == [0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0]
    assert months["2025-10-01"]["transfersOut"] == 1
    assert months["2025-11-01"]["convictions"] == 1
    assert sum(m["transfersOut"] for m in period["months"]) == 1
    assert stats["timeliness"]["scoredOn"] == "2026-03-31"
    assert stats["timeliness"]["transfers"] is None  # no transfer into A


async def test_period_of_the_receiving_area(
    graph: Database, base_url: str, settings: Settings
) -> None:
    stats = _period(base_url, settings, "SCO-MAPPA-G", "2025-04-01", "2026-03-31")
    period = stats["period"]
    # S5 registered in Glasgow City (rolled up), S4 moved in and was convicted there.
    assert (period["registrations"], period["transfersIn"], period["transfersOut"]) == (1, 1, 0)
    assert (period["convictions"], period["breachTotal"]) == (1, 0)
    assert [m["nominals"] for m in period["months"]] == [0, 0, 0, 0, 1, 1] + [2] * 6
    # Working days from request to decision: S4's 22 (2025-09-01 to 2025-10-01), nom-2's 8
    # (2025-12-19 to 2026-01-06, Christmas and New Year left out); the cancelled one is no
    # decision. Median (22 + 8) / 2 = 15; one over the 20.
    assert stats["timeliness"]["transfers"] == {
        "decided": 2,
        "measured": 2,
        "medianWorkingDays": 15.0,
        "overLimit": 1,
        "limitWorkingDays": 20,
    }
    nation = _period(base_url, settings, "S92000003", "2025-04-01", "2026-03-31")["period"]
    # Within Scotland a move from A to G is neither in nor out.
    assert (nation["transfersIn"], nation["transfersOut"]) == (0, 0)
    assert (nation["registrations"], nation["convictions"], nation["breachTotal"]) == (1, 2, 4)


async def test_a_leap_day_month(graph: Database, base_url: str, settings: Settings) -> None:
    period = _period(base_url, settings, "SCO-MAPPA-A", "2024-02-01", "2024-02-29")["period"]
    # nom-2's conviction on 29 February 2024; nom-1 and nom-2 were the only nominals then.
    assert period["convictions"] == 1
    assert period["months"] == [
        {
            "month": "2024-02-01",
            "nominals": 2,
            "registrations": 0,
            "transfersIn": 0,
            "transfersOut": 0,
            "breaches": 0,
            "convictions": 1,
        }
    ]
    # The cap is five years: from a leap day, up to the day before 1 March five years on.
    body = gql(
        base_url,
        settings,
        "W-ANL",
        ANY,
        {"area": "SCO-MAPPA-A", "from": "2020-02-29", "to": "2025-02-28"},
    )
    assert "errors" not in body, body


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({}, "asAt"),
        ({"asAt": "2026-03-31", "from": "2025-04-01"}, "asAt"),
        ({"asAt": "2026-03-31", "to": "2026-03-31"}, "asAt"),
        ({"from": "2025-04-01"}, "to"),
        ({"to": "2026-03-31"}, "from"),
        ({"from": "2026-04-01", "to": "2026-03-31"}, "from"),
        ({"from": "2020-02-29", "to": "2025-03-01"}, "to"),
        ({"from": "2020-04-01", "to": "2025-04-01"}, "to"),
        ({"asAt": "2199-01-01"}, "asAt"),
        ({"asAt": "1899-12-31"}, "asAt"),
    ],
)
async def test_bad_dates_are_refused(
    graph: Database,
    base_url: str,
    settings: Settings,
    variables: dict[str, str],
    field: str,
) -> None:
    body = await changes_nothing(
        graph, lambda: gql(base_url, settings, "W-ANL", ANY, {"area": "SCO-MAPPA-A", **variables})
    )
    assert error(body) == ("BAD_USER_INPUT", field)
    assert body["errors"][0]["message"].startswith(f"{field}: ")


async def test_unknown_area_is_refused(graph: Database, base_url: str, settings: Settings) -> None:
    body = await changes_nothing(
        graph,
        lambda: gql(base_url, settings, "W-ANL", ANY, {"area": "NOWHERE", "asAt": "2026-03-31"}),
    )
    assert error(body) == ("BAD_USER_INPUT", "area")


@pytest.mark.parametrize("staff_id", ["W-MGR", "W-PRT"])
async def test_practitioners_may_not_read_it(
    graph: Database, base_url: str, settings: Settings, staff_id: str
) -> None:
    body = await changes_nothing(
        graph,
        lambda: gql(
            base_url, settings, staff_id, ANY, {"area": "SCO-MAPPA-A", "asAt": "2026-03-31"}
        ),
        officer=staff_id,
        nominals=[],
    )
    assert error(body)[0] == "FORBIDDEN"


async def test_a_supervisor_reads_the_areas_their_agency_covers(
    graph: Database, base_url: str, settings: Settings
) -> None:
    # GCCSW covers Glasgow City: its figures, but not those of the MAPPA area above it.
    council = gql(
        base_url, settings, "S-GCC", SNAPSHOT, {"area": "S12000049", "asAt": "2026-03-31"}
    )
    assert _stats(council)["snapshot"]["total"] == 1
    for area in ("SCO-MAPPA-G", "S92000003"):
        variables = {"area": area, "asAt": "2026-03-31"}
        body = await changes_nothing(
            graph, partial(gql, base_url, settings, "S-GCC", ANY, variables), officer="S-GCC"
        )
        assert error(body)[0] == "FORBIDDEN"
    # Police Scotland covers Scotland: every Scottish area.
    nation = gql(base_url, settings, "W-SUP", SNAPSHOT, {"area": "S92000003", "asAt": "2026-03-31"})
    assert _stats(nation)["snapshot"]["total"] == 7


DATA_QUALITY = """query($area: String) {
  dataQuality(area: $area, first: 0, rules: ["manager-assigned"]) {
    overall { applicable } } }"""


async def test_data_quality_takes_the_same_scope(
    graph: Database, base_url: str, settings: Settings
) -> None:
    # Every area S-GCC may score: Glasgow City and its parts, where S5 alone is managed (not S4,
    # managed in SCO-MAPPA-G above it).
    body = gql(base_url, settings, "S-GCC", DATA_QUALITY, {})
    assert "errors" not in body, body
    assert body["data"]["dataQuality"]["overall"]["applicable"] == 1
    body = await changes_nothing(
        graph,
        lambda: gql(base_url, settings, "S-GCC", DATA_QUALITY, {"area": "SCO-MAPPA-G"}),
        officer="S-GCC",
    )
    assert error(body) == ("FORBIDDEN", "area")


async def test_greater_manchester_has_its_whole_population(
    graph: Database, base_url: str, settings: Settings
) -> None:
    # The reference file lists 3 of Greater Manchester's 10 districts (1,118,000 together); the
    # area states the Census 2021 figure for all ten instead of that sum.
    rate = _snapshot(base_url, settings, "EW-MAPPA-GM", "2026-03-31")["snapshot"]["rate"]
    assert (rate["count"], rate["population"], rate["populationYear"]) == (0, 2867800, 2021)
    assert rate["populationSource"].startswith("ONS, Census 2021")
    assert rate["per100k"] == 0.0
    # No nominal there: no rule applies, and no share is given.
    timeliness = _snapshot(base_url, settings, "EW-MAPPA-GM", "2026-03-31")["timeliness"]
    assert timeliness["riskAssessmentReviewed"] == {
        "applicable": 0,
        "compliant": 0,
        "percent": None,
    }
