"""Root query fields for link analysis: thin calls into resolvers/analysis/."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry

from resolvers.analysis import colocated, nearby, ranking
from resolvers.analysis import network as networks
from resolvers.analysis import paths as shortest
from resolvers.analysis.limits import MAX_RADIUS_METRES
from resolvers.analysis.network import DEFAULT_LIMIT
from resolvers.nominals import Reach
from schema.context import Info
from schema.either_id import global_uid_or_key
from schema.query import Purpose
from schema.types.analysis_co_location import CoLocation
from schema.types.analysis_enums import CentralityMetric, LinkKind
from schema.types.analysis_graph import LinkGraph
from schema.types.analysis_nearby import NearbyResidence
from schema.types.analysis_ranking import Community, Ranking
from schema.types.nominal import Nominal

ACCESS = (
    "For analysts, supervisors and admins, and for the manager or a partner of the nominals it "
    "starts from (FORBIDDEN otherwise). Audited as one COMBINE event naming every nominal in "
    "the result; a link whose evidence the reader may not read is a hidden link, never passed "
    "through."
)


def _kinds(via: list[LinkKind] | None) -> list[str] | None:
    return None if via is None else [kind.value for kind in via]


@strawberry.type
class AnalysisQuery:
    @strawberry.field(
        description="All shortest paths (at most 25) between two nominals over visible links of "
        "the kinds in `via` (all kinds when not given), at most `maxHops` (1 to 6) long; with "
        "`at`, only links whose period contains that date. " + ACCESS
    )
    async def paths(
        self,
        info: Info,
        from_: Annotated[str, strawberry.argument(name="from")],
        to: str,
        max_hops: int = 4,
        via: list[LinkKind] | None = None,
        at: datetime.date | None = None,
        purpose: Purpose = None,
    ) -> LinkGraph:
        ctx = info.context
        value = await shortest.paths(
            db=ctx.db,
            loaders=ctx.loaders.records,
            actor=ctx.require_actor(),
            from_ref=from_,
            to_ref=to,
            max_hops=max_hops,
            via=_kinds(via),
            at=at,
            purpose=purpose or ctx.purpose,
        )
        return LinkGraph(value=value)

    @strawberry.field(
        description="The network of the seed nominals (visorRefs): every nominal within `depth` "
        "(1 to 3) visible links of the kinds in `via`, whose period overlaps [from, to], and "
        "the links among them; more than `limit` nominals (at most 2000) is BAD_USER_INPUT "
        "naming limit. " + ACCESS
    )
    async def network(
        self,
        info: Info,
        seed: list[str],
        depth: int = 1,
        via: list[LinkKind] | None = None,
        from_: Annotated[datetime.date | None, strawberry.argument(name="from")] = None,
        to: datetime.date | None = None,
        limit: int = DEFAULT_LIMIT,
        purpose: Purpose = None,
    ) -> LinkGraph:
        ctx = info.context
        value = await networks.network(
            db=ctx.db,
            loaders=ctx.loaders.records,
            actor=ctx.require_actor(),
            seed=seed,
            depth=depth,
            via=_kinds(via),
            from_=from_,
            to=to,
            limit=limit,
            purpose=purpose or ctx.purpose,
        )
        return LinkGraph(value=value)

    @strawberry.field(
        description="The nominals resident at the same location as `nominal` (a visorRef) in "
        "overlapping periods (both ends inclusive), with the overlap and the location; only "
        "overlaps meeting [from, to] (either end open) count. " + ACCESS
    )
    async def co_located(
        self,
        info: Info,
        nominal: str,
        from_: Annotated[datetime.date | None, strawberry.argument(name="from")] = None,
        to: datetime.date | None = None,
        purpose: Purpose = None,
    ) -> list[CoLocation]:
        ctx = info.context
        found = await colocated.co_located(
            db=ctx.db,
            loaders=ctx.loaders.records,
            actor=ctx.require_actor(),
            nominal_ref=nominal,
            from_=from_,
            to=to,
            purpose=purpose or ctx.purpose,
        )
        return [CoLocation.from_value(value) for value in found]

    @strawberry.field(
        description="The nominals resident, in periods overlapping [from, to] (either end "
        "open), at locations within `radiusMetres` (1 to "
        f"{MAX_RADIUS_METRES}) of `location` (its ID or uid; it must have a point), nearest "
        "first, by Neo4j point distance. For analysts, supervisors and admins (FORBIDDEN "
        "otherwise); audited as one COMBINE event naming every nominal in the result."
    )
    async def nearby(
        self,
        info: Info,
        location: str,
        radius_metres: int,
        from_: Annotated[datetime.date | None, strawberry.argument(name="from")] = None,
        to: datetime.date | None = None,
        purpose: Purpose = None,
    ) -> list[NearbyResidence]:
        ctx = info.context
        uid, key = global_uid_or_key(location, type_name="Location", field="location")
        found = await nearby.nearby(
            db=ctx.db,
            actor=ctx.require_actor(),
            location_uid=uid or key or "",
            radius_metres=radius_metres,
            from_=from_,
            to=to,
            purpose=purpose or ctx.purpose,
        )
        return [NearbyResidence.from_value(value) for value in found]

    @strawberry.field(
        description="The nominals of the network of `seed` (as `network` fetches it: links of "
        "the kinds in `via`, all kinds when not given, whose period overlaps [from, to], "
        "within `depth`, 1 to 3, at most 2000 nominals) ranked by `metric` over its visible "
        "links, highest first, at most `limit`; the same for the same seed. " + ACCESS
    )
    async def rank(
        self,
        info: Info,
        seed: list[str],
        metric: CentralityMetric,
        depth: int = 2,
        limit: int = ranking.DEFAULT_RANKED,
        via: list[LinkKind] | None = None,
        from_: Annotated[datetime.date | None, strawberry.argument(name="from")] = None,
        to: datetime.date | None = None,
        purpose: Purpose = None,
    ) -> Ranking:
        ctx = info.context
        value = await ranking.rank(
            db=ctx.db,
            loaders=ctx.loaders.records,
            actor=ctx.require_actor(),
            seed=seed,
            depth=depth,
            metric=metric.value,
            limit=limit,
            via=_kinds(via),
            from_=from_,
            to=to,
            purpose=purpose or ctx.purpose,
        )
        return Ranking.from_value(value)

    @strawberry.field(
        description="The Louvain communities (seed 0) of the network of `seed` (as `network` "
        "fetches it: links of the kinds in `via`, all kinds when not given, whose period "
        "overlaps [from, to], within `depth`, 1 to 3, at most 2000 nominals) over its visible "
        "links, largest first; the same for the same seed. " + ACCESS
    )
    async def communities(
        self,
        info: Info,
        seed: list[str],
        depth: int = 2,
        via: list[LinkKind] | None = None,
        from_: Annotated[datetime.date | None, strawberry.argument(name="from")] = None,
        to: datetime.date | None = None,
        purpose: Purpose = None,
    ) -> list[Community]:
        ctx = info.context
        found = await ranking.communities(
            db=ctx.db,
            loaders=ctx.loaders.records,
            actor=ctx.require_actor(),
            seed=seed,
            depth=depth,
            via=_kinds(via),
            from_=from_,
            to=to,
            purpose=purpose or ctx.purpose,
        )
        return [
            Community(
                members=[Nominal.from_row(row, reach=Reach.LINKED) for row in members],
                size=len(members),
            )
            for members in found
        ]
