"""`Transfer`: management of a nominal passing from one area to another, and `TransferStep`, one
step of its history."""

from __future__ import annotations

from neomodel import (
    AsyncOne,
    AsyncStructuredNode,
    AsyncZeroOrMore,
    AsyncZeroOrOne,
    DateProperty,
    IntegerProperty,
    StringProperty,
    UniqueIdProperty,
)

from graph.models.area import Area
from graph.models.enums import TransferAction, TransferStatus
from graph.models.nominal import Nominal
from graph.models.officer import Officer
from graph.models.properties import EnumProperty, UtcDateTimeProperty
from graph.models.relationships import outgoing

TRANSFER_WORKING_DAYS = 20
"""`dueBy`: the whole transfer is due this many working days after the request (HMPPS Case
Transfer Policy Framework; MAPPA guidance for Scotland, Annex 7)."""
ALLOCATION_WORKING_DAYS = 10
"""`allocationDueBy`: a receiving manager is due to be allocated (and the address assessed)
this many working days after the request."""


class TransferStep(AsyncStructuredNode):
    uid = UniqueIdProperty()
    seq = IntegerProperty(required=True)
    """The step's place in its transfer's history, from 1."""
    audit_seq = IntegerProperty(unique_index=True, db_property="auditSeq")
    """The seq of the audit event written with the step: the order in which subscribers on any
    process receive steps (`transferEvents(afterSeq:)`). Every step the workflow writes has one;
    the demo data's steps, which no audit event records, have none."""
    at = UtcDateTimeProperty(required=True)
    action = EnumProperty(TransferAction, required=True)
    note = StringProperty()

    by = outgoing(Officer, "BY", AsyncOne)


class Transfer(AsyncStructuredNode):
    uid = UniqueIdProperty()
    status = EnumProperty(TransferStatus, required=True)
    requested_at = UtcDateTimeProperty(required=True, db_property="requestedAt")
    decided_at = UtcDateTimeProperty(db_property="decidedAt")
    reason = StringProperty(required=True)
    expected_move_on = DateProperty(db_property="expectedMoveOn")
    due_by = DateProperty(db_property="dueBy")
    allocation_due_by = DateProperty(db_property="allocationDueBy")

    of = outgoing(Nominal, "OF", AsyncOne)
    from_area = outgoing(Area, "FROM_AREA", AsyncOne)
    to_area = outgoing(Area, "TO_AREA", AsyncOne)
    requested_by = outgoing(Officer, "REQUESTED_BY", AsyncOne)
    decided_by = outgoing(Officer, "DECIDED_BY", AsyncZeroOrOne)
    steps = outgoing(TransferStep, "HAS_STEP", AsyncZeroOrMore)
