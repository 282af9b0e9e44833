"""`Nominal`: the person a record is about."""

from __future__ import annotations

from neomodel import (
    ArrayProperty,
    AsyncStructuredNode,
    AsyncZeroOrMore,
    IntegerProperty,
    StringProperty,
    UniqueIdProperty,
)

from graph.models.area import Area
from graph.models.enums import MappaLevel, NominalStatus, RiskLevel
from graph.models.location import Location
from graph.models.properties import (
    EnumProperty,
    IntEnumProperty,
    NativeDateProperty,
    UtcDateTimeProperty,
)
from graph.models.relationships import Association, Period, Residence, incoming, outgoing

_NOMINAL = "graph.models.nominal.Nominal"
_OFFICER = "graph.models.officer.Officer"


class Nominal(AsyncStructuredNode):
    uid = UniqueIdProperty()
    visor_ref = StringProperty(required=True, unique_index=True, db_property="visorRef")
    first_name = StringProperty(required=True, db_property="firstName")
    middle_names = StringProperty(db_property="middleNames")
    last_name = StringProperty(required=True, index=True, db_property="lastName")
    aliases = ArrayProperty(StringProperty())
    date_of_birth = NativeDateProperty(db_property="dateOfBirth")
    gender = StringProperty()
    # MAPPA category is reference data (ReferenceCode set MAPPA_CATEGORY), e.g. "SCOT-1".
    category = StringProperty(required=True, index=True)
    level = IntEnumProperty(MappaLevel, required=True, index=True)
    risk_level = EnumProperty(RiskLevel, required=True, index=True, db_property="riskLevel")
    status = EnumProperty(NominalStatus, required=True, index=True)
    created_at = UtcDateTimeProperty(default_now=True, db_property="createdAt")
    updated_at = UtcDateTimeProperty(db_property="updatedAt")
    version = IntegerProperty(default=1)

    managed_in = outgoing(Area, "MANAGED_IN", AsyncZeroOrMore, Period)
    resided_at = outgoing(Location, "RESIDED_AT", AsyncZeroOrMore, Residence)
    associated_with = outgoing(_NOMINAL, "ASSOCIATED_WITH", AsyncZeroOrMore, Association)
    associated_by = incoming(_NOMINAL, "ASSOCIATED_WITH", AsyncZeroOrMore, Association)
    records = incoming("graph.models.record.Record", "ABOUT", AsyncZeroOrMore)
    managers = incoming(_OFFICER, "MANAGES", AsyncZeroOrMore, Period)
    partners = incoming(_OFFICER, "PARTNER_ON", AsyncZeroOrMore, Period)
