"""A record view read in one query: the parts its selection needs are put in the request's
loaders (graph/queries/record_view.py reads them), so the fields that read them through the
loaders find them there and the rules of resolvers/records.py, resolvers/provenance.py and the
management fields apply to them unchanged. What a part does not cover, the loaders still read.
"""

from __future__ import annotations

from graph.db import Row
from graph.queries.record_view import ViewParts
from loaders import Loaders


def prime_loaders(*, loaders: Loaders, parts: ViewParts, found: dict[str, Row]) -> None:
    """Puts each nominal's parts into the loaders that would have read them."""
    for uid, part in found.items():
        if "picture" in part:
            picture = part["picture"]
            loaders.management.picture.prime(uid, picture)
            for period in [*picture["managers"], *picture["partners"]]:
                loaders.officer_agency.prime(period["officer"]["uid"], period["agency"])
            for period in picture["areas"]:
                loaders.management.area_parent.prime(period["area"]["uid"], period["parent"])
        if "stewards" in part:
            loaders.records.stewards.prime(uid, part["stewards"])
        if "provenance" in part:
            loaders.records.provenance.prime(uid, part["provenance"])
        for index, rows in enumerate(part.get("records", ())):
            loaders.records.by_nominal.prime(parts.records_key(uid, index), rows)
