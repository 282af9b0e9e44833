"""`LinkDisclosureRequest`: a reader's request to read the evidence of a hidden link (issue 11),
decided by the manager of the nominal holding it."""

from __future__ import annotations

from neomodel import AsyncStructuredNode, StringProperty, UniqueIdProperty

from graph.models.properties import UtcDateTimeProperty

LINK_DISCLOSURE_STATUSES = {"REQUESTED": "REQUESTED", "GRANTED": "GRANTED", "REFUSED": "REFUSED"}


class LinkDisclosureRequest(AsyncStructuredNode):
    uid = UniqueIdProperty()
    status = StringProperty(required=True, choices=LINK_DISCLOSURE_STATUSES)
    reason = StringProperty(required=True)
    requested_at = UtcDateTimeProperty(required=True, db_property="requestedAt")
    decided_at = UtcDateTimeProperty(db_property="decidedAt")
    note = StringProperty()
