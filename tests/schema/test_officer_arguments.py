"""Wherever an officer is named (contributions, accessLog), either form names them: the
officer's global id or their staff id, over real HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Database
from tests.access_matrix_graph import gid
from tests.graphql_client import error_codes, post_graphql
from tests.record_graph import create_record_graph
from tests.write_graph import changes_nothing
from visor.settings import Settings

CONTRIBUTIONS = """
query C($officer: ID) {
  contributions(officer: $officer, first: 50, purpose: "quality check") {
    totalCount edges { node { id kind } }
  }
}
"""
LOG = """
query L($officer: String!) {
  accessLog(officer: $officer, first: 50, purpose: "misuse check") {
    totalCount edges { node { seq action purpose officer { staffId } } }
  }
}
"""


def ask(
    base_url: str, settings: Settings, staff_id: str, query: str, **variables: Any
) -> dict[str, Any]:
    return post_graphql(base_url, query, variables, secret=settings.secret, staff_id=staff_id)


async def events(db: Database) -> int:
    return int((await db.read("MATCH (e:AuditEvent) RETURN count(e) AS n"))[0]["n"])


async def test_contributions_take_a_staff_id_or_a_global_id(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_record_graph(db)
    by_id = ask(base_url, settings, "T-SUP", CONTRIBUTIONS, officer=gid("Officer", "of-mgr"))
    by_staff_id = ask(base_url, settings, "T-SUP", CONTRIBUTIONS, officer="T-MGR")
    assert "errors" not in by_id and "errors" not in by_staff_id, (by_id, by_staff_id)
    assert by_id["data"]["contributions"]["totalCount"] > 0
    assert by_staff_id == by_id


@pytest.mark.parametrize(
    ("reader", "officer", "code"),
    [
        ("T-SUP", "NOBODY", "FORBIDDEN"),  # a supervisor: unknown is as another agency's
        ("T-SUP", "T-PRT", "FORBIDDEN"),  # another agency's officer
        ("T-MGR", "T-MGR", "FORBIDDEN"),  # not a supervisor
        ("T-ADM", "NOBODY", "NOT_FOUND"),  # an admin sees all: unknown is unknown
    ],
)
async def test_contributions_by_staff_id_refuse_as_by_id_and_write_nothing(
    db: Database, base_url: str, settings: Settings, reader: str, officer: str, code: str
) -> None:
    await create_record_graph(db)
    body = await changes_nothing(
        db, lambda: ask(base_url, settings, reader, CONTRIBUTIONS, officer=officer)
    )
    assert error_codes(body) == [code], body


async def test_access_log_takes_a_global_id_or_a_staff_id(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_record_graph(db)
    # T-SUP's reading makes events to look up.
    assert "errors" not in ask(base_url, settings, "T-SUP", CONTRIBUTIONS, officer="T-MGR")
    by_staff_id = ask(base_url, settings, "T-ADM", LOG, officer="T-SUP")
    assert "errors" not in by_staff_id, by_staff_id
    log = by_staff_id["data"]["accessLog"]
    assert log["totalCount"] == 1
    assert log["edges"][0]["node"]["officer"]["staffId"] == "T-SUP"
    by_id = ask(base_url, settings, "T-ADM", LOG, officer=gid("Officer", "of-sup"))
    assert "errors" not in by_id, by_id
    # The same events (reading the log is a consultation by T-ADM, not by T-SUP).
    assert by_id["data"]["accessLog"] == log
    unknown = ask(base_url, settings, "T-ADM", LOG, officer=gid("Officer", "no-such-officer"))
    assert error_codes(unknown) == ["NOT_FOUND"], unknown
    assert unknown["errors"][0]["extensions"]["field"] == "officer"
    other = ask(base_url, settings, "T-SPS", LOG, officer=gid("Officer", "of-mgr"))
    assert error_codes(other) == ["FORBIDDEN"], other
