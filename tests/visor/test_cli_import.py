"""`visor import` as a real process: output and exit codes, refusals, and an import killed
midway (SIGKILL) then run again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from graph.audit_verify import verify_chain
from graph.db import Database
from graph.reset import delete_everything
from tests.visor.test_cli import one_error_line, visor
from tests.write_graph import create_write_graph, dump
from visor.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "import"

# Everything but the audit trail, which a cut-off run and its completion split differently.
CONTENT_COUNTS = """
CALL () { MATCH (n) WHERE NOT n:AuditEvent AND NOT n:AuditChain
          UNWIND labels(n) AS label RETURN label AS name, count(*) AS n
          UNION ALL
          MATCH ()-[r]->() WHERE NOT type(r) IN ['BY', 'CONCERNS']
          RETURN type(r) AS name, count(*) AS n }
RETURN name, sum(n) AS n ORDER BY name
"""


@pytest.fixture
def external_env(settings: Settings, neo4j_uri: str) -> dict[str, str]:
    """The environment of a user pointing `visor` at the test session's Neo4j."""
    return {**os.environ, "NEO4J_URI": neo4j_uri, "VISOR_SECRET": settings.secret}


async def content_counts(db: Database) -> dict[str, int]:
    return {row["name"]: row["n"] for row in await db.read(CONTENT_COUNTS)}


def write_big_file(path: Path, nominals: int) -> Path:
    with path.open("w") as out:
        for i in range(nominals):
            ref = f"VR-92{i:05d}"
            row = {
                "entity": "Nominal",
                "visorRef": ref,
                "areaCode": "SCO-MAPPA-A",
                "firstName": "Kim",
                "lastName": f"Number{i}",
                "category": "SCOT-1",
                "level": 1,
                "riskLevel": "LOW",
                "status": "COMMUNITY",
            }
            out.write(json.dumps(row) + "\n")
            note = {"entity": "Note", "visorRef": ref, "sourceId": f"N-{i}", "text": f"note {i}"}
            out.write(json.dumps(note) + "\n")
    return path


async def test_import_prints_a_summary_and_a_second_run_changes_nothing(
    db: Database, external_env: dict[str, str]
) -> None:
    await create_write_graph(db)
    args = ("import", str(SAMPLES / "nominals.csv"), "--agency", "PSOS", "--officer", "W-MGR")
    first = visor(*args, env=external_env)
    assert first.returncode == 0, first.stderr
    assert "3 rows, 0 bad; imported 3 rows" in first.stdout and "Nominal.created 3" in first.stdout
    assert "importing" in first.stderr and "/s" in first.stderr  # the progress bar
    before = await dump(db)
    second = visor(*args, env=external_env)
    assert second.returncode == 0 and "Nominal.unchanged 3" in second.stdout
    assert await dump(db) == before

    verified = visor("audit", "verify", env=external_env)
    assert verified.returncode == 0 and "audit chain intact" in verified.stdout


async def test_bad_rows_are_listed_by_line_and_nothing_is_written(
    db: Database, external_env: dict[str, str], tmp_path: Path
) -> None:
    await create_write_graph(db)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "entity,visorRef,sourceId,text\n"
        "Note,VR-0000001,N-1,fine\n"
        "Note,VR-0000001,N-2,\n"
        "Note,VR-9999999,N-3,orphan\n"
    )
    before = await dump(db)
    args = ("import", str(bad), "--agency", "PSOS", "--officer", "W-MGR")
    result = visor(*args, env=external_env)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith(str(bad))]
    assert errors == [
        f"{bad}:3: text: is required",
        f"{bad}:4: visorRef: no nominal VR-9999999 in this file or the register",
    ]
    assert "2 bad; nothing written" in result.stdout
    dry = visor(*args, "--dry-run", env=external_env)
    assert dry.returncode == 1 and "dry run" in dry.stdout
    assert await dump(db) == before

    skipped = visor(*args, "--skip-invalid", env=external_env)
    assert skipped.returncode == 2 and "Note.created 1" in skipped.stdout
    notes = await db.read("MATCH (r:Note) RETURN r.sourceId AS id")
    assert notes == [{"id": "N-1"}]


async def test_a_refused_import_is_one_error_line(
    db: Database, external_env: dict[str, str]
) -> None:
    await create_write_graph(db)
    before = await dump(db)
    sample = str(SAMPLES / "nominals.csv")
    wrong_agency = visor(
        "import", sample, "--agency", "SPS", "--officer", "W-MGR", env=external_env
    )
    assert "import refused: officer: W-MGR is not a member of SPS" in one_error_line(wrong_agency)
    unknown = visor("import", sample, "--agency", "XX", "--officer", "W-MGR", env=external_env)
    assert "no agency with code 'XX'" in one_error_line(unknown)
    no_format = visor(
        "import", "rows.txt", "--agency", "PSOS", "--officer", "W-MGR", env=external_env
    )
    assert "--format" in one_error_line(no_format)
    assert await dump(db) == before


async def test_an_import_killed_midway_is_completed_by_running_it_again(
    db: Database, external_env: dict[str, str], tmp_path: Path
) -> None:
    path = write_big_file(tmp_path / "big.jsonl", nominals=400)
    args = [sys.executable, "-m", "visor.cli", "import", str(path)]
    args += ["--agency", "PSOS", "--officer", "W-MGR", "--batch-size", "5"]

    await create_write_graph(db)
    clean = subprocess.run(args, env=external_env, cwd=ROOT, capture_output=True, check=False)
    assert clean.returncode == 0, clean.stderr
    expected = await content_counts(db)
    assert expected["Nominal"] == 402 and expected["Note"] == 400

    await delete_everything(db)
    await create_write_graph(db)
    seen = []
    with subprocess.Popen(
        args,
        env=external_env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stderr is not None
        for line in process.stderr:
            seen.append(line)
            if line.startswith("importing") and not line.split()[2].startswith("0/"):
                os.kill(process.pid, signal.SIGKILL)
                break
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "".join(seen)
    partial = await content_counts(db)
    assert 2 < partial.get("Nominal", 0) <= 402
    assert partial.get("Note", 0) < 400, "the import finished before it was killed"

    again = subprocess.run(args, env=external_env, cwd=ROOT, capture_output=True, check=False)
    assert again.returncode == 0, again.stderr
    assert await content_counts(db) == expected
    distinct = await db.read("MATCH (r:Note) RETURN count(DISTINCT r.sourceId) AS n")
    assert distinct == [{"n": 400}]
    assert (await verify_chain(db)).problem is None
