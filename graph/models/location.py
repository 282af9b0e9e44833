"""`Location`: an address, optionally with a WGS-84 point for distance queries."""

from __future__ import annotations

from neomodel import (
    AsyncStructuredNode,
    AsyncZeroOrMore,
    StringProperty,
    UniqueIdProperty,
)

from graph.models.area import Area
from graph.models.properties import WGS84PointProperty
from graph.models.relationships import Residence, incoming, outgoing


class Location(AsyncStructuredNode):
    uid = UniqueIdProperty()
    address = StringProperty(required=True)
    postcode = StringProperty(required=True, index=True)
    point = WGS84PointProperty()

    in_area = outgoing(Area, "IN_AREA", AsyncZeroOrMore)
    residents = incoming("graph.models.nominal.Nominal", "RESIDED_AT", AsyncZeroOrMore, Residence)
