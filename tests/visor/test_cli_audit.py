"""`visor audit verify` and `visor audit head` as a real process against the session's Neo4j."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from graph.audit_verify import STAGE
from graph.db import Database
from tests.graph.test_audit_verify import build_chain, rehash_from
from tests.visor.test_cli import external_env, visor

__all__ = ["external_env"]  # the fixture, shared with the other CLI tests


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    """The one error line, after any progress lines (stderr holds both)."""
    assert result.returncode == 1, result
    *progress, error = result.stderr.strip().splitlines()
    assert all(line.startswith(STAGE) for line in progress), result.stderr
    assert error.startswith("visor: error: "), result.stderr
    return error


async def test_verify_an_intact_chain_and_export_its_head(
    db: Database, external_env: dict[str, str], tmp_path: Path
) -> None:
    empty = visor("audit", "verify", env=external_env)
    assert empty.returncode == 0, empty.stderr
    assert empty.stdout == "audit chain intact: 0 events, head seq 0\n"

    await build_chain(db)
    printed = visor("audit", "head", env=external_env)
    assert printed.returncode == 0, printed.stderr
    head = json.loads(printed.stdout)
    assert head["chain"] == "main" and head["seq"] == 6 and len(head["hash"]) == 64

    head_file = tmp_path / "head.json"
    written = visor("audit", "head", "--output", str(head_file), env=external_env)
    assert written.returncode == 0 and f"wrote {head_file}" in written.stderr
    assert json.loads(head_file.read_text()) == head

    verified = visor("audit", "verify", "--against", str(head_file), env=external_env)
    assert verified.returncode == 0, verified.stderr
    assert f"{STAGE}  [" in verified.stderr and " 6/6 100.0% " in verified.stderr
    assert verified.stdout == (
        f"audit chain intact: 6 events, head seq 6, hash {head['hash']}; "
        "extends the head at seq 6\n"
    )


async def test_verify_names_the_first_tampered_event(
    db: Database, external_env: dict[str, str]
) -> None:
    uids = await build_chain(db)
    await db.write("MATCH (e:AuditEvent {seq: 3}) SET e.purpose = 'curiosity'")
    result = visor("audit", "verify", env=external_env)
    assert one_error_line(result) == (
        f"visor: error: audit chain broken at event seq 3 (uid {uids[3]}): "
        "hash does not match its content"
    )
    assert result.stdout == ""


async def test_verify_against_a_head_exported_before_history_was_rewritten(
    db: Database, external_env: dict[str, str], tmp_path: Path
) -> None:
    await build_chain(db)
    head_file = tmp_path / "head.json"
    assert visor("audit", "head", "--output", str(head_file), env=external_env).returncode == 0
    await db.write("MATCH (e:AuditEvent {seq: 2}) SET e.purpose = 'curiosity'")
    await rehash_from(db, 2)

    assert visor("audit", "verify", env=external_env).returncode == 0  # consistent in itself
    result = visor("audit", "verify", "--against", str(head_file), env=external_env)
    line = one_error_line(result)
    assert line.startswith(f"visor: error: audit chain does not extend {head_file}: event seq 6")
    assert line.endswith("history was rewritten")


def test_a_missing_or_malformed_head_file_is_a_one_line_error(
    external_env: dict[str, str], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.json"
    result = visor("audit", "verify", "--against", str(missing), env=external_env)
    assert f"--against: cannot read {missing}: No such file or directory" in one_error_line(result)

    bad = tmp_path / "bad.json"
    bad.write_text('{"seq": 3}')
    result = visor("audit", "verify", "--against", str(bad), env=external_env)
    assert "not an exported audit chain head" in one_error_line(result)
