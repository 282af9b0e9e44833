"""`Agency`: a responsible authority or partner agency; officers are MEMBER_OF one."""

from __future__ import annotations

from neomodel import (
    AsyncStructuredNode,
    AsyncZeroOrMore,
    BooleanProperty,
    StringProperty,
    UniqueIdProperty,
)

from graph.models.area import Area
from graph.models.enums import AgencyKind, Jurisdiction
from graph.models.properties import EnumProperty
from graph.models.relationships import incoming, outgoing


class Agency(AsyncStructuredNode):
    uid = UniqueIdProperty()
    code = StringProperty(required=True, unique_index=True)
    name = StringProperty(required=True)
    kind = EnumProperty(AgencyKind, required=True)
    jurisdiction = EnumProperty(Jurisdiction, required=True)
    responsible_authority = BooleanProperty(required=True, db_property="responsibleAuthority")

    covers = outgoing(Area, "COVERS", AsyncZeroOrMore)
    members = incoming("graph.models.officer.Officer", "MEMBER_OF", AsyncZeroOrMore)
    records = incoming("graph.models.record.Record", "ON_BEHALF_OF", AsyncZeroOrMore)
