"""`SubjectAccessRequest`: a data subject's request, decided case by case."""

from __future__ import annotations

from neomodel import AsyncStructuredNode, StringProperty, UniqueIdProperty

from graph.models.enums import SarDecision, SarStatus
from graph.models.properties import EnumProperty, UtcDateTimeProperty


class SubjectAccessRequest(AsyncStructuredNode):
    uid = UniqueIdProperty()
    received_at = UtcDateTimeProperty(required=True, db_property="receivedAt")
    status = EnumProperty(SarStatus, required=True)
    decision = EnumProperty(SarDecision)
    exemption = StringProperty()  # the exemption relied on when refusing or disclosing in part
