"""`Record` and its kinds: every entry in a nominal's record carries labels `Record` and its kind.

A kind is a subclass, so neomodel writes both labels (e.g. `:Record:RiskAssessment`) and resolves
such a node back to the subclass. Provenance: ABOUT exactly one nominal, ENTERED_BY exactly one
officer (`at`), ON_BEHALF_OF exactly one agency. An edit is a new Record that is a REVISION_OF the
one it replaces.
"""

from __future__ import annotations

from neomodel import (
    ArrayProperty,
    AsyncOne,
    AsyncStructuredNode,
    AsyncZeroOrMore,
    AsyncZeroOrOne,
    BooleanProperty,
    IntegerProperty,
    StringProperty,
    UniqueIdProperty,
)
from neomodel.exceptions import RequiredProperty

from graph.models.agency import Agency
from graph.models.enums import (
    BreachOf,
    BreachOutcome,
    CivilOrderKind,
    Classification,
    HandlingCode,
    IntelligenceAssessment,
    MappaLevel,
    RiskLevel,
    SourceEvaluation,
    WhereaboutsReason,
)
from graph.models.nominal import Nominal
from graph.models.officer import Officer
from graph.models.properties import (
    EnumProperty,
    IntEnumProperty,
    NativeDateProperty,
    UtcDateTimeProperty,
)
from graph.models.relationships import Stamp, incoming, outgoing

_RECORD = "graph.models.record.Record"


class Record(AsyncStructuredNode):
    uid = UniqueIdProperty()
    classification = EnumProperty(Classification, required=True)
    created_at = UtcDateTimeProperty(default_now=True, index=True, db_property="createdAt")
    version = IntegerProperty(default=1)
    summary = StringProperty()

    about = outgoing(Nominal, "ABOUT", AsyncOne)
    entered_by = outgoing(Officer, "ENTERED_BY", AsyncOne, Stamp)
    on_behalf_of = outgoing(Agency, "ON_BEHALF_OF", AsyncOne)
    revision_of = outgoing(_RECORD, "REVISION_OF", AsyncZeroOrOne)
    revised_by = incoming(_RECORD, "REVISION_OF", AsyncZeroOrOne)
    verified_by = incoming(Officer, "VERIFIED", AsyncZeroOrMore, Stamp)


class RiskAssessment(Record):
    tool = StringProperty(required=True)  # a ReferenceCode of set RISK_TOOL
    risk_level = EnumProperty(RiskLevel, required=True, db_property="riskLevel")
    assessed_on = NativeDateProperty(required=True, db_property="assessedOn")
    next_review_on = NativeDateProperty(db_property="nextReviewOn")


class RiskManagementPlan(Record):
    starts_on = NativeDateProperty(required=True, db_property="startsOn")
    review_on = NativeDateProperty(db_property="reviewOn")
    objectives = StringProperty(required=True)


class MeetingMinutes(Record):
    meeting_on = NativeDateProperty(required=True, db_property="meetingOn")
    level = IntEnumProperty(MappaLevel, required=True)
    attendees = ArrayProperty(StringProperty())
    minutes = StringProperty(required=True)


class Intelligence(Record):
    """3x5x2-graded intelligence; handling code C requires the conditions to be recorded."""

    source_evaluation = EnumProperty(
        SourceEvaluation, required=True, db_property="sourceEvaluation"
    )
    intelligence_assessment = EnumProperty(
        IntelligenceAssessment, required=True, db_property="intelligenceAssessment"
    )
    handling_code = EnumProperty(HandlingCode, required=True, db_property="handlingCode")
    handling_conditions = StringProperty(db_property="handlingConditions")
    restricted = BooleanProperty(required=True)
    text = StringProperty(required=True)

    def pre_save(self) -> None:
        if self.handling_code == HandlingCode.C and not self.handling_conditions:
            raise RequiredProperty("handling_conditions", type(self))


class Conviction(Record):
    offence = StringProperty(required=True)
    convicted_on = NativeDateProperty(required=True, db_property="convictedOn")
    court = StringProperty()
    sentence = StringProperty()


class CustodyPeriod(Record):
    establishment = StringProperty(required=True)
    started_on = NativeDateProperty(required=True, db_property="startedOn")
    ended_on = NativeDateProperty(db_property="endedOn")


class Notification(Record):
    notified_on = NativeDateProperty(required=True, db_property="notifiedOn")
    requirement = StringProperty(required=True)
    details = StringProperty()


class Note(Record):
    text = StringProperty(required=True)


class CivilOrder(Record):
    kind = EnumProperty(CivilOrderKind, required=True)
    imposed_on = NativeDateProperty(required=True, db_property="imposedOn")
    expires_on = NativeDateProperty(required=True, db_property="expiresOn")
    applied_by = StringProperty(required=True, db_property="appliedBy")


class Breach(Record):
    """A breach of the notification requirements, or of an order it BREACHES."""

    requirement = StringProperty(required=True)
    reported_on = NativeDateProperty(required=True, db_property="reportedOn")
    outcome = EnumProperty(BreachOutcome, required=True)
    breaches = EnumProperty(BreachOf, required=True)

    order = outgoing(CivilOrder, "BREACHES", AsyncZeroOrOne)


class WhereaboutsUnknown(Record):
    """The nominal's whereabouts unknown from `fromOn` until `toOn` (open while null)."""

    reason = EnumProperty(WhereaboutsReason, required=True)
    from_on = NativeDateProperty(required=True, db_property="fromOn")
    to_on = NativeDateProperty(db_property="toOn")


RECORD_KINDS: tuple[type[Record], ...] = (
    RiskAssessment,
    RiskManagementPlan,
    MeetingMinutes,
    Intelligence,
    Conviction,
    CustodyPeriod,
    Notification,
    Note,
    Breach,
    CivilOrder,
    WhereaboutsUnknown,
)
"""The kind labels, in MODEL.md order; a run-time label choice must come from this allow-list."""
