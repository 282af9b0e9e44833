"""dataQuality: the minimum standards scored over an area's nominals, or one nominal's standing.

Compliance per rule and overall is counted in Cypher (graph/queries/standards.py); the page of
breaching nominals, which names people, is one audited consultation of the nominals it names.
SUPERVISOR (the areas their agency covers), ANALYST and ADMIN may score areas; a nominal's
standing is also open to its manager.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from graph.db import Database
from graph.queries import standards as queries
from graph.queries.nominals import nominal_by_visor_ref
from graph.queries.transfers import area_and_parts
from resolvers.actor import Actor
from resolvers.audit import record_consultation, require_purpose
from resolvers.errors import Forbidden, NotFound, quoted
from resolvers.paging import check_page_size, decode_cursor, encode_cursor
from resolvers.standards.rules import Rule, Standards, load_standards
from resolvers.statistics_scope import readable_areas

CONNECTION = "dataQuality"
WIDE_ROLES = frozenset({"ANALYST", "ADMIN"})


@dataclass(frozen=True)
class RuleCompliance:
    rule: Rule
    applicable: int
    """Nominals the rule applies to."""
    breaching: int

    @property
    def compliant(self) -> int:
        return self.applicable - self.breaching


@dataclass(frozen=True)
class ResponsibleOfficer:
    uid: str
    staff_id: str
    name: str


@dataclass(frozen=True)
class Breach:
    rule_id: str
    item_uid: str | None
    """The failing record, or None when the nominal's record as a whole fails the rule."""
    officer: ResponsibleOfficer | None
    """Who mends it; None when no one is (no manager assigned)."""


@dataclass(frozen=True)
class BreachingNominal:
    uid: str
    visor_ref: str
    first_name: str
    last_name: str
    breaches: tuple[Breach, ...]
    cursor: str


@dataclass(frozen=True)
class DataQuality:
    version: str
    """The rules-file version the scores were made against."""
    scored_on: datetime.date
    rules: tuple[RuleCompliance, ...]
    overall: RuleCompliance
    """All rules asked for together: nominals in scope, and those breaching any of them."""
    breaching: tuple[BreachingNominal, ...]
    has_next_page: bool


@dataclass(frozen=True)
class NominalStanding:
    version: str
    scored_on: datetime.date
    nominal_uid: str
    visor_ref: str
    applicable: tuple[str, ...]
    breaches: tuple[Breach, ...]


OVERALL = Rule(id="overall", description="All the rules asked for", owner="MANAGER", since="")


def rule_thresholds(standards: Standards, review_days: dict[str, int]) -> dict[str, Any]:
    def threshold(rule_id: str, key: str, default: Any) -> Any:
        return standards.rule(rule_id).thresholds.get(key, default)

    return {
        "review_days": review_days,
        "rmp_levels": list(threshold("risk-management-plan", "levels", [2, 3])),
        "minutes_days": int(threshold("minutes-timely", "maxDays", 10)),
        "breach_days": int(threshold("breach-timely", "maxDays", 1)),
    }


def _breach(row: dict[str, Any]) -> Breach:
    officer = row["officer"]
    return Breach(
        rule_id=row["rule"],
        item_uid=row["item"],
        officer=None
        if officer is None
        else ResponsibleOfficer(
            uid=officer["uid"], staff_id=officer["staffId"], name=officer["name"]
        ),
    )


async def _scope_areas(
    *, db: Database, actor: Actor, area_code: str | None
) -> frozenset[str] | None:
    """The area codes scored (None: every area), after the reader's access rule: the scope of
    management information (resolvers/statistics_scope.py), the areas a supervisor's agency
    covers and their parts."""
    readable = await readable_areas(db=db, actor=actor, what="dataQuality: scoring an area")
    areas: frozenset[str] | None = None
    if area_code is not None:
        areas = await area_and_parts(db, area_code)
        if not areas:
            raise NotFound(f"area: no area with code {quoted(area_code)}", field="area")
    if readable is None:
        return areas
    if areas is None:
        return readable
    if area_code not in readable:
        raise Forbidden(
            f"area: {quoted(area_code)} is not an area your agency covers", field="area"
        )
    return areas & readable


async def data_quality(
    *,
    db: Database,
    actor: Actor,
    area_code: str | None,
    rule_ids: list[str] | None,
    first: int,
    after: str | None,
    purpose: str | None,
    today: datetime.date,
    review_days: dict[str, int],
    standards: Standards | None = None,
) -> DataQuality:
    """Compliance with the minimum standards in an area (every area the reader may score when
    None), and a page of `first` breaching nominals after the cursor `after`. A page that names
    nominals needs a purpose and is one consultation of them."""
    standards = standards or load_standards()
    check_page_size(first)
    rules = standards.select(rule_ids)
    start = str(decode_cursor(after, CONNECTION, str)[0]) if after else None
    if first > 0:
        purpose = require_purpose(purpose)
    areas = await _scope_areas(db=db, actor=actor, area_code=area_code)
    scope: dict[str, Any] = {
        "today": today,
        "areas": areas,
        "nominal_uid": None,
        "rules": [r.id for r in rules],
        **rule_thresholds(standards, review_days),
    }
    counts = {row["rule"]: row for row in await queries.compliance_summary(db, **scope)}

    def compliance(rule: Rule, key: str | None) -> RuleCompliance:
        row = counts.get(key)  # no rows at all when no nominal is in scope: 0 of 0
        if row is None:
            return RuleCompliance(rule=rule, applicable=0, breaching=0)
        return RuleCompliance(
            rule=rule, applicable=int(row["applicable"]), breaching=int(row["breaching"])
        )

    page: list[dict[str, Any]] = []
    if first > 0:
        page = await queries.breaching_page(db, after=start, limit=first + 1, **scope)
    named = page[:first]
    if named:
        await record_consultation(
            db=db, actor=actor, nominal_uids=[row["uid"] for row in named], purpose=str(purpose)
        )
    return DataQuality(
        version=standards.version,
        scored_on=today,
        rules=tuple(compliance(r, r.id) for r in rules),
        overall=compliance(OVERALL, None),
        breaching=tuple(
            BreachingNominal(
                uid=row["uid"],
                visor_ref=row["visorRef"],
                first_name=row["firstName"],
                last_name=row["lastName"],
                breaches=tuple(_breach(b) for b in row["breaches"]),
                cursor=encode_cursor(CONNECTION, row["visorRef"]),
            )
            for row in named
        ),
        has_next_page=len(page) > first,
    )


async def nominal_standing(
    *,
    db: Database,
    actor: Actor,
    nominal_uid: str | None,
    rule_ids: list[str] | None,
    purpose: str | None,
    today: datetime.date,
    review_days: dict[str, int],
    visor_ref: str | None = None,
    standards: Standards | None = None,
) -> NominalStanding:
    """One nominal's standing against the rules (named by uid, or by `visor_ref` when the uid
    is None): its manager, or a supervisor of an agency covering its area, an analyst or an
    admin; one audited consultation."""
    standards = standards or load_standards()
    rules = standards.select(rule_ids)
    purpose = require_purpose(purpose)
    if nominal_uid is None:
        found = None if visor_ref is None else await nominal_by_visor_ref(db, visor_ref)
        if found is None:
            raise NotFound("nominal: no such nominal", field="nominal")
        nominal_uid = str(found["uid"])
    scope: dict[str, Any] = {
        "today": today,
        "areas": None,
        "nominal_uid": nominal_uid,
        "rules": [r.id for r in rules],
        **rule_thresholds(standards, review_days),
    }
    rows = await queries.nominal_standing(db, **scope)
    if not rows:
        raise NotFound("nominal: no such nominal", field="nominal")
    if not (actor.roles & WIDE_ROLES):
        is_manager = await queries.is_manager(db, officer_uid=actor.uid, nominal_uid=nominal_uid)
        in_area = actor.has_role("SUPERVISOR") and await queries.managed_in_any(
            db,
            nominal_uid=nominal_uid,
            areas=await readable_areas(db=db, actor=actor, what="dataQuality") or frozenset(),
        )
        if not (is_manager or in_area):
            raise Forbidden(
                "dataQuality: a nominal's standing is for its manager, a supervisor of an agency "
                "covering its area, an analyst or an admin"
            )
    await record_consultation(db=db, actor=actor, nominal_uids=[nominal_uid], purpose=purpose)
    row = rows[0]
    return NominalStanding(
        version=standards.version,
        scored_on=today,
        nominal_uid=row["uid"],
        visor_ref=row["visorRef"],
        applicable=tuple(row["applicable"]),
        breaches=tuple(_breach(b) for b in row["breaches"]),
    )
