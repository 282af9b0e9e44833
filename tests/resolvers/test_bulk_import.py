"""The bulk import (resolvers/bulk_import.py) against a real Neo4j: samples, idempotence,
validation, dry runs, skipping bad rows, newer exports, provenance, audit, who may import."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from graph.audit_verify import verify_chain
from graph.db import Database
from resolvers.bulk_import import ImportReport, import_file
from resolvers.errors import Forbidden, NotFound, VisorError
from resolvers.import_rows import RowError
from tests.write_graph import audit_events, create_write_graph, dump

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "import"
# Nominals first: the other samples refer to them.
SAMPLE_STEMS = [
    "nominals",
    "aliases",
    "addresses",
    "associations",
    "risk_assessments",
    "risk_management_plans",
    "meeting_minutes",
    "intelligence",
    "convictions",
    "custody_periods",
    "notifications",
    "notes",
    "civil_orders",
    "breaches",
    "whereabouts_unknown",
]

COUNTS = """
CALL () { MATCH (n) UNWIND labels(n) AS label RETURN label AS name, count(*) AS n
          UNION ALL
          MATCH ()-[r]->() RETURN type(r) AS name, count(*) AS n }
RETURN name, sum(n) AS n ORDER BY name
"""


async def counts(db: Database) -> dict[str, int]:
    return {row["name"]: row["n"] for row in await db.read(COUNTS)}


async def run(db: Database, path: Path, staff_id: str = "W-MGR", **options: Any) -> ImportReport:
    errors: list[RowError] = []
    report = await import_file(
        db=db,
        path=path,
        agency_code=options.pop("agency", "PSOS"),
        staff_id=staff_id,
        on_error=errors.append,
        **options,
    )
    assert report.errors == errors[: len(report.errors)]
    return report


def jsonl(path: Path, *rows: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def nominal(ref: str, **fields: Any) -> dict[str, Any]:
    return {
        "entity": "Nominal",
        "visorRef": ref,
        "areaCode": "SCO-MAPPA-A",
        "firstName": "Ann",
        "lastName": "Bell",
        "category": "SCOT-1",
        "level": 1,
        "riskLevel": "LOW",
        "status": "COMMUNITY",
        **fields,
    }


def note(ref: str, source_id: str, text: str = "a note", **fields: Any) -> dict[str, Any]:
    return {"entity": "Note", "visorRef": ref, "sourceId": source_id, "text": text, **fields}


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_write_graph(db)
    await db.write(
        """
        MATCH (g:Agency {code: 'PSOS'})
        CREATE (:Officer {uid: 'off-w-old', staffId: 'W-OLD', name: 'Officer W-OLD',
                          roles: ['PRACTITIONER'], clearance: 'SECRET', active: false})
               -[:MEMBER_OF]->(g)
        """
    )
    return db


@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
async def test_every_sample_file_imports_and_a_second_run_changes_nothing(
    graph: Database, suffix: str
) -> None:
    for stem in SAMPLE_STEMS:
        report = await run(graph, SAMPLES / f"{stem}.{suffix}")
        assert report.invalid_rows == 0, (stem, report.errors)
        assert report.wrote, stem
    after_first = await dump(graph)
    for stem in SAMPLE_STEMS:
        report = await run(graph, SAMPLES / f"{stem}.{suffix}")
        assert not report.wrote and report.invalid_rows == 0, stem
    assert await dump(graph) == after_first

    found = await counts(graph)
    assert found["Nominal"] == 2 + 3
    assert found["Record"] == 13 + 4
    assert found["BREACHES"] == 1
    assert found["RESIDED_AT"] == 3 and found["ASSOCIATED_WITH"] == 2
    assert (await verify_chain(graph)).problem is None


async def test_both_formats_of_the_samples_say_the_same(graph: Database) -> None:
    for stem in SAMPLE_STEMS:
        await run(graph, SAMPLES / f"{stem}.csv")
    for stem in SAMPLE_STEMS:
        report = await run(graph, SAMPLES / f"{stem}.jsonl")
        assert not report.wrote, stem


async def test_import_records_provenance_management_and_audit(graph: Database) -> None:
    for stem in ("nominals", "addresses", "notes"):
        await run(graph, SAMPLES / f"{stem}.csv")
    rows = await graph.read(
        """
        MATCH (n:Nominal {visorRef: 'VR-9000001'})
        MATCH (o:Officer)-[m:MANAGES]->(n) WHERE m.to IS NULL
        MATCH (n)-[managed:MANAGED_IN]->(a:Area)
        MATCH (r:Note {sourceId: 'NOTE-9001'})-[:ABOUT]->(n)
        MATCH (r)-[e:ENTERED_BY]->(w:Officer), (r)-[:ON_BEHALF_OF]->(g:Agency)
        MATCH (n)-[res:RESIDED_AT {sourceId: 'ADDR-1001'}]->(l:Location)-[:IN_AREA]->(la:Area)
        RETURN o.staffId AS manager, a.code AS area, w.staffId AS writer, g.code AS agency,
               r.sourceFile AS file, r.sourceLine AS line, r.sourceAgency AS sourceAgency,
               r.version AS version, r.classification AS classification, e.at IS NOT NULL AS at,
               n.sourceFile AS nominalFile, n.version AS nominalVersion,
               res.from AS since, res.to AS until, l.postcode AS postcode, la.code AS la,
               l.point.latitude AS latitude, res.sourceLine AS addressLine,
               [managed.recordedBy, res.recordedBy] = [w.uid, w.uid] AS recordedByImporter
        """
    )
    assert len(rows) == 1
    row = rows[0]
    assert (row["manager"], row["area"], row["writer"], row["agency"]) == (
        "W-MGR",
        "SCO-MAPPA-A",
        "W-MGR",
        "PSOS",
    )
    assert (row["file"], row["line"], row["sourceAgency"]) == ("notes.csv", 2, "PSOS")
    assert (row["version"], row["classification"], row["at"]) == (1, "OFFICIAL", True)
    assert (row["nominalFile"], row["nominalVersion"]) == ("nominals.csv", 1)
    assert str(row["since"]) == "2019-03-01" and str(row["until"]) == "2023-06-30"
    assert (row["postcode"], row["la"], row["latitude"]) == ("AB11 6BA", "S12000033", 57.1446)
    assert row["addressLine"] == 2
    assert row["recordedByImporter"], "the managing area and the residence name who imported them"

    events = await audit_events(graph)
    assert [(e["action"], e["officer"], e["purpose"]) for e in events] == [
        ("COLLECT", "W-MGR", "import nominals.csv, lines 2-4"),
        ("COLLECT", "W-MGR", "import addresses.csv, lines 2-4"),
        ("COLLECT", "W-MGR", "import notes.csv, lines 2-3"),
    ]
    assert sorted(events[0]["nominals"]) == ["VR-9000001", "VR-9000002", "VR-9000003"]
    assert (await verify_chain(graph)).problem is None


async def test_batches_are_transactions_each_with_its_audit_event(
    graph: Database, tmp_path: Path
) -> None:
    rows = [nominal(f"VR-91000{i:02d}") for i in range(10)]
    rows += [note(f"VR-91000{i:02d}", f"N-{i}") for i in range(10)]
    report = await run(graph, jsonl(tmp_path / "x.jsonl", *rows), batch_size=3)
    assert report.batches == 4 + 4 and report.changed_batches == 8
    events = await audit_events(graph)
    assert [e["purpose"] for e in events][:2] == [
        "import x.jsonl, lines 1-3",
        "import x.jsonl, lines 4-6",
    ]
    assert len(events) == 8
    assert (await verify_chain(graph)).problem is None


async def test_nominals_may_come_after_the_rows_that_refer_to_them(
    graph: Database, tmp_path: Path
) -> None:
    path = jsonl(
        tmp_path / "late.jsonl",
        note("VR-9100001", "N-1"),
        {"entity": "Alias", "visorRef": "VR-9100001", "alias": "Annie"},
        nominal("VR-9100001"),
    )
    report = await run(graph, path, batch_size=1)
    assert report.invalid_rows == 0
    rows = await graph.read(
        "MATCH (n:Nominal {visorRef: 'VR-9100001'})<-[:ABOUT]-(r:Note) RETURN n.aliases AS a"
    )
    assert rows == [{"a": ["Annie"]}]


async def test_a_newer_export_revises_changed_records_and_leaves_the_rest_alone(
    graph: Database, tmp_path: Path
) -> None:
    first = jsonl(
        tmp_path / "export-1.jsonl",
        nominal("VR-9100001"),
        note("VR-9100001", "N-1", "unchanged"),
        note("VR-9100001", "N-2", "first wording", summary="to be dropped"),
        {
            "entity": "Address",
            "visorRef": "VR-9100001",
            "sourceId": "A-1",
            "address": "1 High Street",
            "postcode": "AB10 1AA",
            "areaCode": "S12000033",
            "kind": "HOME",
            "from": "2020-01-01",
        },
    )
    await run(graph, first)
    before = await graph.read(
        "MATCH (r:Note) RETURN r.sourceId AS id, r.uid AS uid, r.sourceFile AS file ORDER BY id"
    )
    second = jsonl(
        tmp_path / "export-2.jsonl",
        nominal("VR-9100001", riskLevel="HIGH"),
        note("VR-9100001", "N-2", "second wording"),
        note("VR-9100001", "N-1", "unchanged"),
        {
            "entity": "Address",
            "visorRef": "VR-9100001",
            "sourceId": "A-1",
            "address": "1 High Street",
            "postcode": "AB10 1AA",
            "areaCode": "S12000033",
            "kind": "HOME",
            "from": "2020-01-01",
            "to": "2024-05-31",
        },
    )
    report = await run(graph, second)
    assert report.counts == {
        "Nominal.updated": 1,
        "Note.revised": 1,
        "Note.unchanged": 1,
        "Address.updated": 1,
    }
    notes = await graph.read(
        """
        MATCH (r:Note)
        OPTIONAL MATCH (r)-[:REVISION_OF]->(old:Note)
        RETURN r.sourceId AS id, r.version AS version, r.text AS text, r.summary AS summary,
               r.sourceFile AS file, r.sourceLine AS line, old.uid AS replaces, r.uid AS uid,
               EXISTS { (r)-[:ENTERED_BY]->(:Officer {staffId: 'W-MGR'}) } AS entered,
               EXISTS { (r)-[:ABOUT]->(:Nominal {visorRef: 'VR-9100001'}) } AS about
        ORDER BY id, version
        """
    )
    uids = {row["id"]: row["uid"] for row in before}
    assert [(n["id"], n["version"], n["text"], n["summary"], n["file"]) for n in notes] == [
        ("N-1", 1, "unchanged", None, "export-1.jsonl"),
        ("N-2", 1, "first wording", "to be dropped", "export-1.jsonl"),
        ("N-2", 2, "second wording", None, "export-2.jsonl"),
    ]
    assert notes[0]["uid"] == uids["N-1"] and notes[2]["replaces"] == uids["N-2"]
    assert notes[2]["line"] == 2 and all(n["entered"] and n["about"] for n in notes)
    nominal_row = await graph.read(
        "MATCH (n:Nominal {visorRef: 'VR-9100001'}) "
        "RETURN n.riskLevel AS risk, n.version AS version, n.updatedAt IS NOT NULL AS updated"
    )
    assert nominal_row == [{"risk": "HIGH", "version": 2, "updated": True}]
    residence = await graph.read("MATCH ()-[r:RESIDED_AT]->() RETURN toString(r.to) AS to")
    assert residence == [{"to": "2024-05-31"}]
    assert [e["action"] for e in await audit_events(graph)] == [
        "COLLECT",  # first export: nominals
        "COLLECT",  # first export: the rest
        "ALTER",  # nominal updated
        "ALTER",  # record revised, address updated
    ]
    assert (await verify_chain(graph)).problem is None


async def test_dry_run_writes_nothing(graph: Database) -> None:
    before = await dump(graph)
    report = await run(graph, SAMPLES / "nominals.csv", dry_run=True)
    assert (report.rows, report.invalid_rows, report.wrote) == (3, 0, False)
    assert await dump(graph) == before


BAD_ROWS: list[tuple[dict[str, Any], str, str]] = [
    ({"visorRef": "VR-9100001"}, "entity", "is required"),
    ({"entity": "Spaceship", "visorRef": "VR-9100001"}, "entity", "unknown entity 'Spaceship'"),
    (nominal("VR-91"), "visorRef", "VR- followed by 7 digits"),
    (nominal("VR-9100001", lastName=None), "lastName", "is required"),
    (nominal("VR-9100001", lastName="x" * 201), "lastName", "at most 200 characters, got 201"),
    (nominal("VR-9100001", level=4), "level", "MAPPA levels are 1, 2 and 3, got 4"),
    (nominal("VR-9100001", riskLevel="EXTREME"), "riskLevel", "unknown value 'EXTREME'"),
    (nominal("VR-9100001", dateOfBirth="2090-01-01"), "dateOfBirth", "is in the future"),
    (nominal("VR-9100001", dateOfBirth="01/02/1980"), "dateOfBirth", "must be a date"),
    (nominal("VR-9100001", shoeSize=9), "shoeSize", "not a field of Nominal"),
    (nominal("VR-9100001", category="SCOT-9"), "category", "'SCOT-9' is not a code"),
    (nominal("VR-9100001", areaCode="NOWHERE"), "areaCode", "no area with code 'NOWHERE'"),
    (nominal("VR-9100001", areaCode=None), "areaCode", "is required for a nominal new"),
    (nominal("VR-0000002"), "visorRef", "neither its manager nor a partner"),
    (note("VR-9999999", "N-1"), "visorRef", "no nominal VR-9999999 in this file or the register"),
    (note("VR-0000001", "N-1", "x" * 20_001), "text", "at most 20000 characters"),
    (note("VR-0000001", "N-1", classification="TOP_SECRET"), "classification", "unknown value"),
    (
        {
            "entity": "CustodyPeriod",
            "visorRef": "VR-0000001",
            "sourceId": "C-1",
            "establishment": "HMP Edinburgh",
            "startedOn": "2024-02-01",
            "endedOn": "2024-01-01",
        },
        "endedOn",
        "2024-01-01 is before startedOn 2024-02-01",
    ),
    (
        {
            "entity": "RiskAssessment",
            "visorRef": "VR-0000001",
            "sourceId": "R-1",
            "tool": "CRYSTAL_BALL",
            "riskLevel": "HIGH",
            "assessedOn": "2024-01-01",
        },
        "tool",
        "'CRYSTAL_BALL' is not a code of RISK_TOOL",
    ),
    (
        {
            "entity": "Intelligence",
            "visorRef": "VR-0000001",
            "sourceId": "I-1",
            "sourceEvaluation": "2",
            "intelligenceAssessment": "B",
            "handlingCode": "C",
            "text": "t",
        },
        "handlingConditions",
        "handling code C needs its conditions recorded",
    ),
    (
        {
            "entity": "Address",
            "visorRef": "VR-0000001",
            "sourceId": "A-1",
            "address": "1 High Street",
            "postcode": "NOT A POSTCODE",
            "areaCode": "S12000033",
            "kind": "HOME",
            "from": "2020-01-01",
        },
        "postcode",
        "is not a UK postcode",
    ),
    (
        {
            "entity": "Address",
            "visorRef": "VR-0000001",
            "sourceId": "A-1",
            "address": "1 High Street",
            "postcode": "AB10 1AA",
            "areaCode": "SCO-MAPPA-A",
            "kind": "HOME",
            "from": "2020-01-01",
        },
        "areaCode",
        "SCO-MAPPA-A is a MAPPA_AREA; an address is in a local authority",
    ),
    (
        {
            "entity": "Address",
            "visorRef": "VR-0000001",
            "sourceId": "A-1",
            "address": "1 High Street",
            "postcode": "AB10 1AA",
            "areaCode": "S12000033",
            "kind": "HOME",
            "from": "2021-01-01",
            "to": "2020-01-01",
        },
        "to",
        "2020-01-01 is before from 2021-01-01",
    ),
    (
        {
            "entity": "Association",
            "visorRef": "VR-0000001",
            "otherVisorRef": "VR-0000001",
            "sourceId": "L-1",
            "kind": "FAMILY",
        },
        "otherVisorRef",
        "cannot be linked to itself",
    ),
    (
        {
            "entity": "Association",
            "visorRef": "VR-0000001",
            "otherVisorRef": "VR-9999999",
            "sourceId": "L-1",
            "kind": "FAMILY",
        },
        "otherVisorRef",
        "no nominal VR-9999999",
    ),
    (
        {
            "entity": "MeetingMinutes",
            "visorRef": "VR-0000001",
            "sourceId": "M-1",
            "meetingOn": "2024-01-01",
            "level": 2,
            "minutes": "m",
            "attendees": 5,
        },
        "attendees",
        "must be a list",
    ),
    ({"entity": "Alias", "visorRef": "VR-0000001"}, "alias", "is required"),
]


@pytest.mark.parametrize(
    ("row", "field", "reason"), BAD_ROWS, ids=[f"{r[1]}-{i}" for i, r in enumerate(BAD_ROWS)]
)
async def test_a_bad_row_is_reported_with_line_field_reason_and_nothing_is_written(
    graph: Database, tmp_path: Path, row: dict[str, Any], field: str, reason: str
) -> None:
    path = jsonl(tmp_path / "bad.jsonl", note("VR-0000001", "GOOD-1"), row, nominal("VR-9100009"))
    before = await dump(graph)
    report = await run(graph, path)
    assert report.invalid_rows == 1 and not report.wrote
    assert [(e.line, e.field) for e in report.errors] == [(2, field)], report.errors
    assert reason in report.errors[0].reason
    assert await dump(graph) == before


async def test_every_bad_row_is_reported_not_only_the_first(
    graph: Database, tmp_path: Path
) -> None:
    path = jsonl(
        tmp_path / "bad.jsonl",
        nominal("VR-9100001", level=9, riskLevel="NONE"),
        note("VR-0000001", "N-1"),
        note("VR-0000001", "N-1"),
        note("VR-9999999", "N-2"),
    )
    report = await run(graph, path)
    assert [(e.line, e.field) for e in report.errors] == [
        (1, "level"),
        (1, "riskLevel"),
        (3, "sourceId"),
        (4, "visorRef"),
    ]
    assert report.invalid_rows == 3


def test_file_level_problems_are_row_errors(tmp_path: Path) -> None:
    from graph.importing.reading import RowProblem, RowReader

    missing = list(RowReader(tmp_path / "nope.csv", "csv"))
    assert isinstance(missing[0], RowProblem) and missing[0].line == 0


@pytest.mark.parametrize(
    ("name", "content", "fmt", "line", "field", "reason"),
    [
        ("empty.csv", b"", None, 1, "header", "the file is empty"),
        ("noheader.csv", b"visorRef,text\nVR-0000001,x\n", None, 1, "header", "no 'entity' column"),
        ("twice.csv", b"entity,text,text\n", None, 1, "header", "columns named twice: text"),
        ("bad.jsonl", b'{"entity": "Note"\n', None, 1, "-", "not JSON"),
        ("list.jsonl", b"[1, 2]\n", None, 1, "-", "each line must be one JSON object"),
        ("latin1.jsonl", b'{"entity": "Note", "text": "caf\xe9"}\n', None, 1, "-", "not UTF-8"),
        ("wide.csv", b"entity,text\nNote,a,b\n", None, 2, "-", "3 cells but the header names 2"),
        ("quote.csv", b'entity,text\nNote,"open\n', None, 2, "-", "not a CSV row"),
        ("json-as-csv.txt", b'{"entity": "Note"}\n', "csv", 1, "header", "no 'entity' column"),
        ("missing.csv", None, None, 0, "file", "cannot read"),
    ],
)
async def test_unreadable_or_malformed_files_are_reported_and_nothing_is_written(
    graph: Database,
    tmp_path: Path,
    name: str,
    content: bytes | None,
    fmt: str | None,
    line: int,
    field: str,
    reason: str,
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    before = await dump(graph)
    report = await run(graph, path, fmt=fmt)
    assert [(e.line, e.field) for e in report.errors] == [(line, field)], report.errors
    assert reason in report.errors[0].reason
    assert await dump(graph) == before


async def test_a_format_that_cannot_be_told_is_refused(graph: Database, tmp_path: Path) -> None:
    with pytest.raises(VisorError, match="--format"):
        await run(graph, tmp_path / "rows.txt")


async def test_skip_invalid_writes_the_good_rows_and_reports_the_rest(
    graph: Database, tmp_path: Path
) -> None:
    path = jsonl(
        tmp_path / "mixed.jsonl",
        nominal("VR-9100001"),
        nominal("VR-9100002", level=7),
        note("VR-9100001", "N-1"),
        note("VR-9100002", "N-2"),  # its nominal is bad, so it is too
        note("VR-0000002", "N-3"),  # not the importer's nominal
    )
    report = await run(graph, path, skip_invalid=True)
    assert [(e.line, e.field) for e in report.errors] == [
        (2, "level"),
        (4, "visorRef"),
        (5, "visorRef"),
    ]
    assert (report.invalid_rows, report.written_rows) == (3, 2)
    rows = await graph.read(
        "MATCH (r:Note)-[:ABOUT]->(n) RETURN r.sourceId AS id, n.visorRef AS ref"
    )
    assert rows == [{"id": "N-1", "ref": "VR-9100001"}]
    assert not await graph.read("MATCH (n:Nominal {visorRef: 'VR-9100002'}) RETURN n")


async def test_a_source_id_cannot_change_what_it_is(graph: Database, tmp_path: Path) -> None:
    await run(graph, jsonl(tmp_path / "one.jsonl", note("VR-0000001", "X-1")))
    before = await dump(graph)
    changed = jsonl(
        tmp_path / "two.jsonl",
        {
            "entity": "Conviction",
            "visorRef": "VR-0000001",
            "sourceId": "X-1",
            "offence": "Theft",
            "convictedOn": "2020-01-01",
        },
    )
    report = await run(graph, changed)
    assert [(e.line, e.field) for e in report.errors] == [(1, "sourceId")]
    assert "imported as a Note about VR-0000001" in report.errors[0].reason
    assert await dump(graph) == before


async def test_another_agency_keeps_its_own_source_ids(graph: Database, tmp_path: Path) -> None:
    await run(graph, jsonl(tmp_path / "a.jsonl", note("VR-0000001", "X-1")))
    report = await run(
        graph,
        jsonl(tmp_path / "b.jsonl", note("VR-0000001", "X-1")),
        staff_id="W-PRT",
        agency="SPS",
    )
    assert report.counts == {"Note.created": 1}


@pytest.mark.parametrize(
    ("staff_id", "agency", "error", "message"),
    [
        ("W-MGR", "NOPE", NotFound, "agency: no agency with code 'NOPE'"),
        ("NOBODY", "PSOS", NotFound, "officer: no officer with staff id 'NOBODY'"),
        ("W-OLD", "PSOS", Forbidden, "officer: W-OLD is not active"),
        ("W-MGR", "SPS", Forbidden, "officer: W-MGR is not a member of SPS"),
        ("W-ANL", "PSOS", Forbidden, "only practitioners and supervisors"),
    ],
)
async def test_an_importer_who_may_not_import_is_refused_and_nothing_is_written(
    graph: Database, staff_id: str, agency: str, error: type[VisorError], message: str
) -> None:
    before = await dump(graph)
    with pytest.raises(error, match=message):
        await run(graph, SAMPLES / "nominals.csv", staff_id=staff_id, agency=agency)
    assert await dump(graph) == before


async def test_a_classification_above_the_importers_clearance_is_a_row_error(
    graph: Database, tmp_path: Path
) -> None:
    path = jsonl(tmp_path / "s.jsonl", note("VR-0000001", "S-1", classification="SECRET"))
    report = await run(graph, path, staff_id="W-PRT", agency="SPS")
    assert [(e.line, e.field) for e in report.errors] == [(1, "classification")]
    assert "above your clearance" in report.errors[0].reason


async def test_concurrent_imports_of_one_file_write_everything_once(
    graph: Database, tmp_path: Path
) -> None:
    rows = [nominal(f"VR-93000{i:02d}") for i in range(30)]
    rows += [note(f"VR-93000{i:02d}", f"N-{i}") for i in range(30)]
    path = jsonl(tmp_path / "same.jsonl", *rows)
    reports = await asyncio.gather(*(run(graph, path, batch_size=4) for _ in range(3)))
    assert sum(r.counts["Nominal.created"] for r in reports) == 30
    assert sum(r.counts["Note.created"] for r in reports) == 30
    found = await counts(graph)
    assert (found["Nominal"], found["Note"]) == (2 + 30, 30)
    assert (await verify_chain(graph)).problem is None
