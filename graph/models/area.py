"""`Area`: a nation, MAPPA area, police division or local authority; areas nest by PART_OF."""

from __future__ import annotations

from neomodel import (
    AsyncStructuredNode,
    AsyncZeroOrMore,
    AsyncZeroOrOne,
    IntegerProperty,
    StringProperty,
    UniqueIdProperty,
)

from graph.models.enums import AreaKind
from graph.models.properties import EnumProperty
from graph.models.relationships import incoming, outgoing


class Area(AsyncStructuredNode):
    uid = UniqueIdProperty()
    code = StringProperty(required=True, unique_index=True)
    name = StringProperty(required=True)
    kind = EnumProperty(AreaKind, required=True, index=True)
    population = IntegerProperty()

    part_of = outgoing("graph.models.area.Area", "PART_OF", AsyncZeroOrOne)
    parts = incoming("graph.models.area.Area", "PART_OF", AsyncZeroOrMore)
    locations = incoming("graph.models.location.Location", "IN_AREA", AsyncZeroOrMore)
    covered_by = incoming("graph.models.agency.Agency", "COVERS", AsyncZeroOrMore)
