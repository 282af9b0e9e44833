"""What a nominal's own fields derive from its record entries, so the record never contradicts
itself.

- Risk level: `Nominal.riskLevel` is the level of its latest current risk assessment (by
  `assessedOn`, then entry time, a revision's being its own). Adding or revising an assessment
  sets it in the same transaction; the nominal's version bumps when it changes, so an
  `updateNominal` from the version read before is a CONFLICT. While the nominal has an
  assessment, `updateNominal` may not set another level (BAD_USER_INPUT naming riskLevel).
  Without one, the level is the one given at creation or by `updateNominal`.
- Custody: a nominal's current custody periods do not overlap (an open one runs from its start
  onwards), so at most one is open. Adding an open period sets the status to CUSTODY (unless it
  is DECEASED or REMOVED); when no period is open any more (the open one revised with an end
  date), CUSTODY becomes COMMUNITY again; any other status stays. `updateNominal` may not set
  COMMUNITY while a period is open, nor CUSTODY while none is.
- Whereabouts: a nominal in the community with an open WhereaboutsUnknown entry (no `toOn`) is
  WHEREABOUTS_UNKNOWN, so its status shows the open entry (and the minimum standard "a current
  address or whereabouts status" counts it); when no entry is open any more (the open one revised
  with its `toOn`), it is COMMUNITY again. Any other status (custody, hospital) stays.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from graph.db import CountingTx, Row
from graph.models.enums import NominalStatus
from graph.writes import records as writes
from resolvers.errors import BadUserInput

KIND_RISK = "RiskAssessment"
KIND_CUSTODY = "CustodyPeriod"
KIND_WHEREABOUTS = "WhereaboutsUnknown"
CUSTODY_KEEPS = (NominalStatus.DECEASED.value, NominalStatus.REMOVED.value)
"""Statuses an open custody period does not change."""


def _date(value: Any) -> datetime.date | None:
    if value is None:
        return None
    native = getattr(value, "to_native", None)
    return native() if native is not None else value  # type: ignore[no-any-return]


def _span(period: Mapping[str, Any]) -> str:
    start, end = _date(period.get("startedOn")), _date(period.get("endedOn"))
    where = period.get("establishment") or "an establishment"
    return f"the custody period at {where} from {start}" + (
        f" to {end}" if end is not None else " (open)"
    )


async def check_custody_overlap(
    tx: CountingTx,
    *,
    nominal_uid: str,
    period: Mapping[str, Any],
    except_uid: str = "",
    prefix: str,
) -> None:
    """A custody period (its values as they would be stored) may not overlap another current
    one; periods that only touch (one ends the day the next starts) do not overlap."""
    start, end = _date(period.get("startedOn")), _date(period.get("endedOn"))
    if start is None:
        return
    for other in await writes.custody_periods(tx, nominal_uid=nominal_uid, except_uid=except_uid):
        other_start, other_end = _date(other["startedOn"]), _date(other.get("endedOn"))
        assert other_start is not None
        if (other_end is None or start < other_end) and (end is None or other_start < end):
            if other_start <= start:
                field = f"{prefix}.startedOn"
                reason = f"{start} falls within {_span(other)}"
            elif end is None:
                field = f"{prefix}.endedOn"
                reason = f"without an end date the period overlaps {_span(other)}"
            else:
                field = f"{prefix}.endedOn"
                reason = f"{end} runs into {_span(other)}"
            raise BadUserInput(
                f"{field}: {reason}; a nominal's custody periods may not overlap", field=field
            )


async def follow_records(
    tx: CountingTx, *, nominal_uids: list[str], kind: str, now: datetime.datetime
) -> None:
    """After an entry of `kind` was added or revised: the nominals' risk level, custody or
    whereabouts status follows their records again (in the same transaction)."""
    if kind == KIND_RISK:
        await writes.derive_risk_levels(tx, nominal_uids, now)
    elif kind == KIND_CUSTODY:
        await writes.derive_custody_status(
            tx,
            nominal_uids,
            now,
            custody=NominalStatus.CUSTODY.value,
            community=NominalStatus.COMMUNITY.value,
            kept=list(CUSTODY_KEEPS),
        )
    elif kind == KIND_WHEREABOUTS:
        await writes.derive_whereabouts_status(
            tx,
            nominal_uids,
            now,
            unknown=NominalStatus.WHEREABOUTS_UNKNOWN.value,
            community=NominalStatus.COMMUNITY.value,
        )


async def check_nominal_changes(
    tx: CountingTx, *, nominal_uid: str, current: Row, values: Mapping[str, Any]
) -> None:
    """`updateNominal` may not contradict the records: a risk level other than the latest
    assessment's, COMMUNITY while a custody period is open, CUSTODY while none is.
    `current` is the nominal's stored properties; unchanged values always pass."""
    wanted_risk, wanted_status = values.get("riskLevel"), values.get("status")
    risk_changes = wanted_risk is not None and wanted_risk != current.get("riskLevel")
    status_changes = wanted_status is not None and wanted_status != current.get("status")
    if not (risk_changes or status_changes):
        return
    facts = await writes.record_facts(tx, nominal_uid)
    if risk_changes and facts["riskLevel"] is not None and wanted_risk != facts["riskLevel"]:
        raise BadUserInput(
            f"input.riskLevel: the risk level follows the nominal's latest risk assessment "
            f"({facts['riskLevel']}); add or revise a risk assessment instead",
            field="input.riskLevel",
        )
    if not status_changes:
        return
    if facts["inCustody"] and wanted_status == NominalStatus.COMMUNITY.value:
        raise BadUserInput(
            "input.status: a custody period is open; revise it with its end date instead",
            field="input.status",
        )
    if not facts["inCustody"] and wanted_status == NominalStatus.CUSTODY.value:
        raise BadUserInput(
            "input.status: no custody period is open; add one instead",
            field="input.status",
        )
