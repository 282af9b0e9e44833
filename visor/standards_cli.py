"""`visor standards check [--area CODE] [--on DATE] [--as STAFFID]`: the minimum standards'
compliance summary (resolvers/standards/data_quality.py), per rule and overall.

The summary names no one, so it writes no consultation. `--as` scores with that officer's
access (a supervisor: the areas their agency covers); without it, the operator at the command
line, who holds the database itself, scores every area.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import sys

from graph.db import Database
from resolvers.actor import Actor, load_actor
from resolvers.errors import VisorError
from resolvers.standards.data_quality import DataQuality, RuleCompliance, data_quality
from resolvers.transfers.clocks import uk_today
from visor.runtime import database, ensure_neo4j
from visor.settings import Settings

OPERATOR = Actor(
    uid="",
    staff_id="(command line)",
    name="command line operator",
    roles=frozenset({"ADMIN"}),
    clearance="OFFICIAL",
    agency_uid=None,
    agency_code=None,
)


async def command_actor(db: Database, staff_id: str | None) -> Actor:
    """The officer named by `--as`, or the command-line operator when none is named."""
    return OPERATOR if staff_id is None else await load_actor(db=db, staff_id=staff_id)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The actions of `visor standards`, on its parser."""
    standards = parser.add_subparsers(required=True, metavar="ACTION")
    check = standards.add_parser("check", help="print compliance per rule and overall")
    check.add_argument("--area", metavar="CODE", help="an area and its parts (default: all)")
    check.add_argument(
        "--on",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="score as on this day (default: today, UK)",
    )
    check.add_argument("--as", dest="staff_id", metavar="STAFFID", help="score with this access")
    check.set_defaults(handler=standards_check)


def iso_date(text: str) -> datetime.date:
    """An argparse type: a YYYY-MM-DD day, or a usage error saying so."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def standards_check(settings: Settings, args: argparse.Namespace) -> int:
    uri = ensure_neo4j(settings, say=lambda text: print(text, file=sys.stderr, flush=True))

    async def run() -> DataQuality:
        db: Database = database(settings, uri)
        try:
            actor = await command_actor(db, args.staff_id)
            return await data_quality(
                db=db,
                actor=actor,
                area_code=args.area,
                rule_ids=None,
                first=0,
                after=None,
                purpose=None,
                today=args.on or uk_today(),
                review_days=dict(settings.risk_review_days),
            )
        finally:
            await db.close()

    try:
        result = asyncio.run(run())
    except VisorError as exc:
        raise ValueError(f"standards check refused: {exc.message}") from None
    print(describe(result, area=args.area))
    return 0


def _share(row: RuleCompliance) -> str:
    if row.applicable == 0:
        return "-"
    return f"{100 * row.compliant / row.applicable:.1f}%"


def describe(result: DataQuality, *, area: str | None) -> str:
    lines = [
        f"Minimum standards, rules file version {result.version}, scored on "
        f"{result.scored_on.isoformat()}, {'area ' + area if area else 'every area'}",
        f"{'rule':<26} {'applicable':>10} {'breaching':>10} {'compliant':>10}",
    ]
    for row in (*result.rules, result.overall):
        lines.append(
            f"{row.rule.id:<26} {row.applicable:>10} {row.breaching:>10} {_share(row):>10}"
        )
    return "\n".join(lines)
