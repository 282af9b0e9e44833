"""One step of a traversal: the links from a frontier of nominals, with each co-mention whose
record the reader may not read turned into a hidden link, which is never traversed.

A step names the nominals it reaches by uid; their properties are read once the traversal knows
which nominals its answer holds (`nominal_rows`): a search that reaches 4,000 nominals to return a
path through five reads five."""

from __future__ import annotations

import datetime
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import TypeVar

from neo4j.exceptions import ClientError

from graph.db import Database, Row, is_timeout
from graph.queries import links as queries
from loaders.records import RecordLoaders
from resolvers.actor import Actor
from resolvers.analysis.limits import MAX_LINK_ROWS, TIMEOUT_SECONDS
from resolvers.analysis.model import HiddenLink, Link
from resolvers.errors import BadUserInput
from resolvers.records import may_read


@dataclass(frozen=True)
class Step:
    """What a traversal follows: link kinds, a time window, and the bounds it keeps."""

    kinds: list[str]
    from_: datetime.date | None
    to: datetime.date | None
    limit_field: str
    """The argument named when a step fetches more than MAX_LINK_ROWS links."""
    timeout: float = TIMEOUT_SECONDS


@dataclass
class Hop:
    links: list[Link] = field(default_factory=list)
    hidden: list[HiddenLink] = field(default_factory=list)
    others: set[str] = field(default_factory=set)
    """The uids of the other ends of the links and hidden links."""


T = TypeVar("T")


async def _bounded(step: Step, work: Awaitable[T]) -> T:
    """`work`, a query bounded by the step's transaction timeout; past it BAD_USER_INPUT naming
    the step's limit field."""
    try:
        return await work
    except ClientError as exc:
        if not is_timeout(exc):
            raise
        raise BadUserInput(
            f"{step.limit_field}: the analysis ran past its time limit of {step.timeout:g} s "
            "(Neo4j's transaction timeout); ask for fewer hops, kinds or a narrower window",
            field=step.limit_field,
        ) from exc


async def nominal_rows(*, db: Database, uids: list[str] | set[str], step: Step) -> dict[str, Row]:
    """The properties of the nominals `uids`, by uid, read under the step's time limit."""
    if not uids:
        return {}
    return await _bounded(step, queries.nominals_by_uid(db, sorted(uids), timeout=step.timeout))


def as_date(value: object) -> datetime.date | None:
    to_native = getattr(value, "to_native", None)
    native = to_native() if to_native is not None else value
    return native if isinstance(native, datetime.date) else None


async def hop(
    *,
    db: Database,
    loaders: RecordLoaders,
    actor: Actor,
    frontier: list[str],
    step: Step,
    within: list[str] | None = None,
    seen: list[str] | None = None,
) -> Hop:
    """The links from `frontier` (to `within` only, when given; none of the kinds that are never
    hidden to `seen`, nominals the traversal has already reached), one query."""
    if not frontier:
        return Hop()
    rows = await _bounded(
        step,
        queries.links_from(
            db,
            frontier,
            kinds=step.kinds,
            from_=step.from_,
            to=step.to,
            within=within,
            seen=seen,
            limit=MAX_LINK_ROWS,
            timeout=step.timeout,
        ),
    )
    if rows is None:
        raise BadUserInput(
            f"{step.limit_field}: the analysis would fetch more than {MAX_LINK_ROWS} links in "
            "one step; ask for fewer hops, kinds or a narrower window",
            field=step.limit_field,
        )
    rows.sort(key=lambda row: (row["fromUid"], row["otherUid"], row["kind"], row["evidence"]))
    holders = sorted({row["holder"] for row in rows if row["record"] is not None})
    stewards = dict(zip(holders, await loaders.stewards.load_many(holders), strict=True))
    result = Hop()
    seen_hidden: set[tuple[str, str]] = set()
    for row in rows:
        other = row["otherUid"]
        result.others.add(other)
        record = row["record"]
        if record is not None and not may_read(actor, record, stewards[row["holder"]]):
            holder = row["holder"]
            pair = (holder, other if holder == row["fromUid"] else row["fromUid"])
            if pair not in seen_hidden:
                seen_hidden.add(pair)
                result.hidden.append(HiddenLink(holder=pair[0], other=pair[1]))
            continue
        result.links.append(
            Link(
                source=row["fromUid"],
                target=other,
                kind=row["kind"],
                from_=as_date(row["from"]),
                to=as_date(row["to"]),
                evidence=row["evidence"],
            )
        )
    return result
