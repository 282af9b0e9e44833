"""`AuditEvent`: one link of the tamper-evident audit chain (`hash` covers `prevHash`)."""

from __future__ import annotations

from neomodel import (
    AsyncOne,
    AsyncStructuredNode,
    AsyncZeroOrMore,
    IntegerProperty,
    StringProperty,
    UniqueIdProperty,
)

from graph.models.enums import AuditAction
from graph.models.nominal import Nominal
from graph.models.officer import Officer
from graph.models.properties import EnumProperty, UtcDateTimeProperty
from graph.models.relationships import outgoing


class AuditEvent(AsyncStructuredNode):
    uid = UniqueIdProperty()
    seq = IntegerProperty(required=True, unique_index=True)
    at = UtcDateTimeProperty(required=True)
    action = EnumProperty(AuditAction, required=True)
    purpose = StringProperty()
    hash = StringProperty(required=True)
    prev_hash = StringProperty(db_property="prevHash")

    by = outgoing(Officer, "BY", AsyncOne)
    concerns = outgoing(Nominal, "CONCERNS", AsyncZeroOrMore)
