"""The GraphQL-over-HTTP specification's own audit (npm `graphql-http`, `serverAudits`) against
the real app on the session's Neo4j: every MUST and every SHOULD is ok.

The audit runs in Node (tests/http_audit/audit.mjs, packages pinned in its package-lock.json and
installed by `npm ci` into tests/http_audit/node_modules when they are missing); each of its
requests carries a valid bearer token, and nothing else is changed in what it sends."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from graph.db import Database
from tests.small_graph import create_small_graph
from visor.settings import Settings
from visor.tokens import issue_token

AUDIT_DIR = Path(__file__).resolve().parents[1] / "http_audit"
REQUIRED = ("MUST", "SHOULD")


def installed_audit() -> Path:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.fail("the GraphQL-over-HTTP audit needs Node.js and npm on the PATH")
    if not (AUDIT_DIR / "node_modules" / "graphql-http" / "package.json").exists():
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"],
            cwd=AUDIT_DIR,
            check=True,
            capture_output=True,
            timeout=300,
        )
    return Path(node)


def run_audit(url: str, token: str) -> list[dict[str, str | None]]:
    node = installed_audit()
    env = {**os.environ, "VISOR_AUDIT_URL": url, "VISOR_AUDIT_TOKEN": token}
    done = subprocess.run(
        [str(node), "audit.mjs"],
        cwd=AUDIT_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    results: list[dict[str, str | None]] = json.loads(done.stdout)
    return results


async def test_every_must_and_should_of_the_spec_audit_is_ok(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_small_graph(db)
    results = run_audit(f"{base_url}/graphql", issue_token(settings.secret, "T-MGR"))
    assert len(results) > 50, results  # the whole audit ran
    required = [r for r in results if str(r["name"]).startswith(REQUIRED)]
    assert any(str(r["name"]).startswith("SHOULD") for r in required)
    failing = [f"{r['id']} {r['name']}: {r['reason']}" for r in required if r["status"] != "ok"]
    assert failing == [], "\n".join(failing)
