"""`visor standards check`, run as a real process over tests/standards_graph.py."""

from __future__ import annotations

from graph.db import Database
from tests.standards_graph import create_standards_graph
from tests.visor.test_cli import external_env, one_error_line, visor

__all__ = ["external_env"]

EVERY_AREA = """\
Minimum standards, rules file version 2026.1, scored on 2026-03-31, every area
rule                       applicable  breaching  compliant
manager-assigned                    5          1      80.0%
current-whereabouts                 5          1      80.0%
risk-assessment-current             5          2      60.0%
risk-management-plan                2          1      50.0%
minutes-timely                      2          1      50.0%
intelligence-graded                 1          1       0.0%
category-and-level                  5          0     100.0%
breach-timely                       1          1       0.0%
overall                             5          4      20.0%
"""


async def test_check_prints_the_summary(db: Database, external_env: dict[str, str]) -> None:
    await create_standards_graph(db)
    result = visor("standards", "check", "--on", "2026-03-31", env=external_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == EVERY_AREA
    south = visor("standards", "check", "--area", "MA-S", "--on", "2026-03-31", env=external_env)
    assert south.returncode == 0, south.stderr
    assert south.stdout.splitlines()[0].endswith("area MA-S")
    assert south.stdout.splitlines()[-1].split() == ["overall", "1", "1", "0.0%"]
    events = await db.read("MATCH (e:AuditEvent) RETURN count(e) AS n")
    assert events[0]["n"] == 0


async def test_check_as_a_supervisor_and_bad_arguments(
    db: Database, external_env: dict[str, str]
) -> None:
    await create_standards_graph(db)
    mine = visor("standards", "check", "--as", "S-SUP", "--on", "2026-03-31", env=external_env)
    assert mine.returncode == 0, mine.stderr
    assert mine.stdout.splitlines()[-1].split() == ["overall", "4", "3", "25.0%"]
    other = visor("standards", "check", "--as", "S-SUP", "--area", "MA-S", env=external_env)
    assert "not an area your agency covers" in one_error_line(other)
    unknown = visor("standards", "check", "--area", "NOWHERE", env=external_env)
    assert "no area with code 'NOWHERE'" in one_error_line(unknown)
    bad_date = visor("standards", "check", "--on", "31/03/2026", env=external_env)
    assert bad_date.returncode == 2 and "expected a date YYYY-MM-DD" in bad_date.stderr
