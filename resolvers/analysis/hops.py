"""One step of a traversal: the links from a frontier of nominals, with each co-mention whose
record the reader may not read turned into a hidden link, which is never traversed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

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
    nominals: dict[str, Row] = field(default_factory=dict)
    """The other ends of the links and hidden links, by uid."""


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
) -> Hop:
    """The links from `frontier` (to `within` only, when given), one query."""
    if not frontier:
        return Hop()
    try:
        rows = await queries.links_from(
            db,
            frontier,
            kinds=step.kinds,
            from_=step.from_,
            to=step.to,
            within=within,
            limit=MAX_LINK_ROWS + 1,
            timeout=step.timeout,
        )
    except ClientError as exc:
        if not is_timeout(exc):
            raise
        raise BadUserInput(
            f"{step.limit_field}: the analysis ran past its time limit of {step.timeout:g} s "
            "(Neo4j's transaction timeout); ask for fewer hops, kinds or a narrower window",
            field=step.limit_field,
        ) from exc
    if len(rows) > MAX_LINK_ROWS:
        raise BadUserInput(
            f"{step.limit_field}: the analysis would fetch more than {MAX_LINK_ROWS} links in "
            "one step; ask for fewer hops, kinds or a narrower window",
            field=step.limit_field,
        )
    holders = sorted({row["holder"] for row in rows if row["record"] is not None})
    stewards = dict(zip(holders, await loaders.stewards.load_many(holders), strict=True))
    result = Hop()
    seen_hidden: set[tuple[str, str]] = set()
    for row in rows:
        other = row["other"]
        result.nominals[other["uid"]] = other
        record = row["record"]
        if record is not None and not may_read(actor, record, stewards[row["holder"]]):
            holder = row["holder"]
            pair = (holder, other["uid"] if holder == row["fromUid"] else row["fromUid"])
            if pair not in seen_hidden:
                seen_hidden.add(pair)
                result.hidden.append(HiddenLink(holder=pair[0], other=pair[1]))
            continue
        result.links.append(
            Link(
                source=row["fromUid"],
                target=other["uid"],
                kind=row["kind"],
                from_=as_date(row["from"]),
                to=as_date(row["to"]),
                evidence=row["evidence"],
            )
        )
    return result
