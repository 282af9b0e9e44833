"""`Transfer`: management of a nominal passing from one area to another."""

from __future__ import annotations

from neomodel import (
    AsyncOne,
    AsyncStructuredNode,
    AsyncZeroOrOne,
    StringProperty,
    UniqueIdProperty,
)

from graph.models.area import Area
from graph.models.enums import TransferStatus
from graph.models.nominal import Nominal
from graph.models.officer import Officer
from graph.models.properties import EnumProperty, UtcDateTimeProperty
from graph.models.relationships import outgoing


class Transfer(AsyncStructuredNode):
    uid = UniqueIdProperty()
    status = EnumProperty(TransferStatus, required=True)
    requested_at = UtcDateTimeProperty(required=True, db_property="requestedAt")
    decided_at = UtcDateTimeProperty(db_property="decidedAt")
    reason = StringProperty(required=True)

    of = outgoing(Nominal, "OF", AsyncOne)
    from_area = outgoing(Area, "FROM_AREA", AsyncOne)
    to_area = outgoing(Area, "TO_AREA", AsyncOne)
    requested_by = outgoing(Officer, "REQUESTED_BY", AsyncOne)
    decided_by = outgoing(Officer, "DECIDED_BY", AsyncZeroOrOne)
