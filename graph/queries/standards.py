"""The minimum standards scored in Cypher (the rules: graph/reference/standards.toml).

NOMINAL_STANDING gives, for each nominal in scope, the rules that apply to it and its failures,
each naming its rule and the failing item (a record's uid, or null for the nominal itself);
_BREACHES adds, for the nominals a query names, the officer responsible for mending each: the
open manager for MANAGER rules, the officer who entered the item for ENTERING_AGENCY rules.
In scope: nominals neither DECEASED nor REMOVED, managed (open MANAGED_IN) in one of `$areas`
(every area when null), or the one `$nominalUid`.
Only current versions of records count; a rule's records are read only when it is asked for.
Parameters: `$today` (date), `$reviewDays` (risk level to days), `$rmpLevels`, `$minutesDays`,
`$breachDays`, `$rules` (the rule ids asked for), `$recordKinds` (the record labels those rules
read), `$named` (whether the query names nominals: a summary reads a nominal's manager only for
the manager-assigned rule).
"""

from __future__ import annotations

import datetime
from typing import Any

from graph.db import Database, Row

# In scope: from the one nominal, else from the areas' open MANAGED_IN periods (an area's
# nominals are found from it, not by testing every nominal), else every nominal.
NOMINAL_STANDING = """
CALL {
  MATCH (n:Nominal {uid: $nominalUid})
  WHERE $areas IS NULL OR EXISTS {
          MATCH (n)-[m:MANAGED_IN]->(a:Area) WHERE m.to IS NULL AND a.code IN $areas }
  RETURN n
  UNION
  MATCH (a:Area) WHERE $nominalUid IS NULL AND a.code IN $areas
  MATCH (n:Nominal)-[m:MANAGED_IN]->(a) WHERE m.to IS NULL
  RETURN n
  UNION
  WITH $nominalUid IS NULL AND $areas IS NULL AS everyone
  WHERE everyone
  MATCH (n:Nominal)
  RETURN n
}
WITH n
WHERE NOT n.status IN ['DECEASED', 'REMOVED']
WITH n,
  CASE WHEN $named OR 'manager-assigned' IN $rules
       THEN COLLECT { MATCH (o:Officer)-[m:MANAGES]->(n) WHERE m.to IS NULL RETURN o }[0]
  END AS manager,
  COLLECT { MATCH (r)-[:ABOUT]->(n)
            WITH r, [k IN labels(r) WHERE k IN $recordKinds][0] AS kind
            WHERE CASE WHEN kind IS NULL THEN false
                       WHEN kind = 'RiskManagementPlan'
                            AND NOT coalesce(n.level IN $rmpLevels, false) THEN false
                       ELSE NOT EXISTS { (:Record)-[:REVISION_OF]->(r) } END
            RETURN {r: r, kind: kind} } AS records
WITH n, manager,
  COLLECT { UNWIND records AS x
            WITH x WHERE x.kind = 'RiskAssessment'
            RETURN x.r AS r ORDER BY r.assessedOn DESC, r.createdAt DESC LIMIT 1 }[0] AS ra,
  [x IN records WHERE x.kind = 'RiskManagementPlan' AND x.r.startsOn <= $today
     AND (x.r.reviewOn IS NULL OR x.r.reviewOn >= $today) | x.r.uid] AS plans,
  [x IN records WHERE x.kind = 'MeetingMinutes' |
     {r: x.r, late: date(x.r.createdAt) > x.r.meetingOn + duration({days: $minutesDays})}]
    AS minutes,
  [x IN records WHERE x.kind = 'Intelligence' |
     {r: x.r,
      bad: NOT (coalesce(x.r.sourceEvaluation IN ['1', '2', '3'], false)
                AND coalesce(x.r.intelligenceAssessment IN ['A', 'B', 'C', 'D', 'E'], false)
                AND coalesce(x.r.handlingCode IN ['P', 'C'], false)
                AND (x.r.handlingCode <> 'C'
                     OR trim(coalesce(x.r.handlingConditions, '')) <> ''))}] AS intel,
  [x IN records WHERE x.kind = 'Breach' |
     {r: x.r, late: x.r.reportedOn IS NULL
                    OR date(x.r.createdAt) > x.r.reportedOn + duration({days: $breachDays})}]
    AS breachRecords
WITH n, manager, [
    {rule: 'manager-assigned', applies: true,
     failing: CASE WHEN manager IS NULL THEN [null] ELSE [] END},
    {rule: 'current-whereabouts', applies: true,
     failing: CASE WHEN n.status IN ['CUSTODY', 'HOSPITAL', 'WHEREABOUTS_UNKNOWN']
                     OR EXISTS { MATCH (n)-[h:RESIDED_AT]->()
                                 WHERE 'current-whereabouts' IN $rules
                                   AND h.from <= $today AND (h.to IS NULL OR h.to >= $today) }
                   THEN [] ELSE [null] END},
    {rule: 'risk-assessment-current', applies: true,
     failing: CASE WHEN ra IS NULL THEN [null]
                   WHEN ra.assessedOn + duration({days: coalesce($reviewDays[ra.riskLevel], 0)})
                        < $today
                   THEN [ra.uid] ELSE [] END},
    {rule: 'risk-management-plan', applies: n.level IN $rmpLevels,
     failing: CASE WHEN n.level IN $rmpLevels AND size(plans) = 0 THEN [null] ELSE [] END},
    {rule: 'category-and-level', applies: true,
     failing: CASE WHEN n.category IS NULL OR trim(toString(n.category)) = ''
                     OR NOT n.level IN [1, 2, 3]
                   THEN [null] ELSE [] END}
  ] AS managerRules,
  [ {rule: 'minutes-timely', applies: size(minutes) > 0, items: [m IN minutes WHERE m.late]},
    {rule: 'intelligence-graded', applies: size(intel) > 0, items: [i IN intel WHERE i.bad]},
    {rule: 'breach-timely', applies: size(breachRecords) > 0,
     items: [b IN breachRecords WHERE b.late]}
  ] AS enteredRules
WITH n, manager,
  [r IN managerRules WHERE r.rule IN $rules AND r.applies | r.rule]
    + [r IN enteredRules WHERE r.rule IN $rules AND r.applies | r.rule] AS applicable,
  [r IN managerRules WHERE r.rule IN $rules AND r.applies AND size(r.failing) > 0 |
     {rule: r.rule, item: r.failing[0], record: null}]
  + reduce(acc = [], r IN [e IN enteredRules WHERE e.rule IN $rules AND e.applies] |
      acc + [i IN r.items | {rule: r.rule, item: i.r.uid, record: i.r}]) AS failures
"""

# Each failure of `failures` with the officer responsible for mending it: the manager for a
# rule of the nominal itself (no `record`), else whoever entered the record. Only for the
# nominals named, so a summary reads no officer.
_BREACHES = """
WITH n, applicable, COLLECT {
    UNWIND failures AS f
    WITH f, f.record AS rec
    OPTIONAL MATCH (rec)-[:ENTERED_BY]->(entered:Officer)
    WITH f, CASE WHEN rec IS NULL THEN manager ELSE entered END AS o
    RETURN {rule: f.rule, item: f.item,
            officer: CASE WHEN o IS NULL THEN null
                          ELSE {uid: o.uid, staffId: o.staffId, name: o.name} END} AS breach
  } AS breaches
"""

SUMMARY = (
    NOMINAL_STANDING
    + """
WITH applicable, [f IN failures | f.rule] AS breached
UNWIND $rules + [null] AS rule
WITH rule,
  sum(CASE WHEN rule IS NULL OR rule IN applicable THEN 1 ELSE 0 END) AS applicable,
  sum(CASE WHEN (rule IS NULL AND size(breached) > 0) OR rule IN breached THEN 1 ELSE 0 END)
    AS breaching
RETURN rule, applicable, breaching
"""
)

BREACHING_PAGE = (
    NOMINAL_STANDING
    + """
WITH n, manager, applicable, failures
WHERE size(failures) > 0 AND ($after IS NULL OR n.visorRef > $after)
WITH n, manager, applicable, failures ORDER BY n.visorRef LIMIT $limit
"""
    + _BREACHES
    + """
RETURN n.uid AS uid, n.visorRef AS visorRef, n.firstName AS firstName, n.lastName AS lastName,
       breaches
ORDER BY n.visorRef
"""
)

STANDING = (
    NOMINAL_STANDING
    + _BREACHES
    + """
RETURN n.uid AS uid, n.visorRef AS visorRef, applicable, breaches
"""
)


RECORD_KINDS = {
    "risk-assessment-current": "RiskAssessment",
    "risk-management-plan": "RiskManagementPlan",
    "minutes-timely": "MeetingMinutes",
    "intelligence-graded": "Intelligence",
    "breach-timely": "Breach",
}
"""The record kind each rule reads; a nominal's records are walked once, for the kinds of the
rules asked for."""


def _params(
    *,
    today: datetime.date,
    areas: frozenset[str] | None,
    nominal_uid: str | None,
    rules: list[str],
    review_days: dict[str, int],
    rmp_levels: list[int],
    minutes_days: int,
    breach_days: int,
) -> dict[str, Any]:
    return {
        "today": today,
        "areas": None if areas is None else sorted(areas),
        "nominalUid": nominal_uid,
        "rules": rules,
        "recordKinds": sorted({RECORD_KINDS[r] for r in rules if r in RECORD_KINDS}),
        "reviewDays": review_days,
        "rmpLevels": rmp_levels,
        "minutesDays": minutes_days,
        "breachDays": breach_days,
    }


async def compliance_summary(db: Database, **scope: Any) -> list[Row]:
    """One row per rule asked for (`rule`, `applicable`, `breaching` nominals) and one with
    `rule` null for all of them together."""
    return await db.read(SUMMARY, named=False, **_params(**scope))


async def breaching_page(db: Database, *, after: str | None, limit: int, **scope: Any) -> list[Row]:
    """Breaching nominals in visorRef order after `after`, at most `limit`, with their breaches."""
    return await db.read(BREACHING_PAGE, after=after, limit=limit, named=True, **_params(**scope))


async def nominal_standing(db: Database, **scope: Any) -> list[Row]:
    return await db.read(STANDING, named=True, **_params(**scope))


IS_MANAGER = """
RETURN EXISTS { MATCH (:Officer {uid: $officerUid})-[m:MANAGES]->(:Nominal {uid: $nominalUid})
                WHERE m.to IS NULL } AS yes
"""

MANAGED_IN_ANY = """
RETURN EXISTS { MATCH (:Nominal {uid: $nominalUid})-[m:MANAGED_IN]->(a:Area)
                WHERE m.to IS NULL AND a.code IN $areas } AS yes
"""


async def is_manager(db: Database, *, officer_uid: str, nominal_uid: str) -> bool:
    return bool(
        (await db.read(IS_MANAGER, officerUid=officer_uid, nominalUid=nominal_uid))[0]["yes"]
    )


async def managed_in_any(db: Database, *, nominal_uid: str, areas: frozenset[str]) -> bool:
    rows = await db.read(MANAGED_IN_ANY, nominalUid=nominal_uid, areas=sorted(areas))
    return bool(rows[0]["yes"])
