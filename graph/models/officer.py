"""`Officer`: a practitioner of one agency; roles and clearance decide what they may do."""

from __future__ import annotations

from neomodel import (
    ArrayProperty,
    AsyncOne,
    AsyncStructuredNode,
    AsyncZeroOrMore,
    BooleanProperty,
    StringProperty,
    UniqueIdProperty,
)

from graph.models.agency import Agency
from graph.models.enums import Classification, Role
from graph.models.nominal import Nominal
from graph.models.properties import EnumProperty
from graph.models.relationships import Period, Stamp, outgoing


class Officer(AsyncStructuredNode):
    uid = UniqueIdProperty()
    staff_id = StringProperty(required=True, unique_index=True, db_property="staffId")
    name = StringProperty(required=True)
    roles = ArrayProperty(EnumProperty(Role), required=True)
    clearance = EnumProperty(Classification, required=True)
    active = BooleanProperty(required=True)

    member_of = outgoing(Agency, "MEMBER_OF", AsyncOne)
    manages = outgoing(Nominal, "MANAGES", AsyncZeroOrMore, Period)
    partner_on = outgoing(Nominal, "PARTNER_ON", AsyncZeroOrMore, Period)
    verified = outgoing("graph.models.record.Record", "VERIFIED", AsyncZeroOrMore, Stamp)
