"""The neomodel (async) model layer: one module per concept, stored names as in MODEL.md.

`SCHEMA_CLASSES` are the classes whose constraints and indexes `graph.constraints.install_schema`
installs. Record kinds are left out on purpose: they inherit `Record`'s properties, and installing
them would duplicate `Record`'s `uid` constraint and `createdAt` index on every kind label.
"""

from __future__ import annotations

from neomodel import AsyncStructuredNode

from graph.models.agency import Agency
from graph.models.area import Area
from graph.models.audit import AuditEvent
from graph.models.enums import (
    AgencyKind,
    AreaKind,
    AssociationKind,
    AuditAction,
    Classification,
    HandlingCode,
    IntelligenceAssessment,
    Jurisdiction,
    MappaLevel,
    NominalStatus,
    ReferenceSet,
    ResidenceKind,
    RiskLevel,
    Role,
    SarDecision,
    SarStatus,
    SourceEvaluation,
    TransferStatus,
)
from graph.models.link_disclosure import LinkDisclosureRequest
from graph.models.location import Location
from graph.models.nominal import Nominal
from graph.models.officer import Officer
from graph.models.record import (
    RECORD_KINDS,
    Breach,
    CivilOrder,
    Conviction,
    CustodyPeriod,
    Intelligence,
    MeetingMinutes,
    Note,
    Notification,
    Record,
    RiskAssessment,
    RiskManagementPlan,
    WhereaboutsUnknown,
)
from graph.models.reference_code import ReferenceCode, reference_key
from graph.models.relationships import Association, Period, Residence, Stamp
from graph.models.subject_access import SubjectAccessRequest
from graph.models.transfer import Transfer, TransferStep

SCHEMA_CLASSES: tuple[type[AsyncStructuredNode], ...] = (
    Nominal,
    Agency,
    Officer,
    Area,
    Location,
    Record,
    Transfer,
    TransferStep,
    AuditEvent,
    SubjectAccessRequest,
    LinkDisclosureRequest,
    ReferenceCode,
)

__all__ = [
    "RECORD_KINDS",
    "SCHEMA_CLASSES",
    "Agency",
    "AgencyKind",
    "Area",
    "AreaKind",
    "Association",
    "AssociationKind",
    "AuditAction",
    "AuditEvent",
    "Classification",
    "Conviction",
    "CustodyPeriod",
    "HandlingCode",
    "Intelligence",
    "IntelligenceAssessment",
    "Jurisdiction",
    "Location",
    "MappaLevel",
    "MeetingMinutes",
    "Nominal",
    "NominalStatus",
    "Note",
    "Notification",
    "Breach",
    "CivilOrder",
    "WhereaboutsUnknown",
    "Officer",
    "Period",
    "Record",
    "ReferenceCode",
    "ReferenceSet",
    "Residence",
    "ResidenceKind",
    "RiskAssessment",
    "RiskLevel",
    "RiskManagementPlan",
    "Role",
    "SarDecision",
    "SarStatus",
    "SourceEvaluation",
    "Stamp",
    "SubjectAccessRequest",
    "LinkDisclosureRequest",
    "Transfer",
    "TransferStatus",
    "TransferStep",
    "reference_key",
]
