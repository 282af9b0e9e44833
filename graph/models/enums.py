"""Enumerations of the graph model (MODEL.md, "Enumerations").

Stored values are the member values. They equal the member names except for the 3x5x2 source
evaluation ("1", "2", "3") and the MAPPA level, which is stored as an integer. The MAPPA category
is reference data (`ReferenceCode` set MAPPA_CATEGORY), deliberately not an enumeration here.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class AgencyKind(StrEnum):
    POLICE = "POLICE"
    PRISON = "PRISON"
    PROBATION = "PROBATION"
    LOCAL_AUTHORITY = "LOCAL_AUTHORITY"
    HEALTH = "HEALTH"
    GOVERNMENT = "GOVERNMENT"
    OTHER = "OTHER"


class Jurisdiction(StrEnum):
    SCOTLAND = "SCOTLAND"
    ENGLAND_WALES = "ENGLAND_WALES"
    NORTHERN_IRELAND = "NORTHERN_IRELAND"
    UK = "UK"


class AreaKind(StrEnum):
    NATION = "NATION"
    MAPPA_AREA = "MAPPA_AREA"
    POLICE_DIVISION = "POLICE_DIVISION"
    LOCAL_AUTHORITY = "LOCAL_AUTHORITY"


class Role(StrEnum):
    PRACTITIONER = "PRACTITIONER"
    SUPERVISOR = "SUPERVISOR"
    ANALYST = "ANALYST"
    DATA_PROTECTION_OFFICER = "DATA_PROTECTION_OFFICER"
    ADMIN = "ADMIN"


class Classification(StrEnum):
    """Government security classification, ordered by `rank`; `label` is the marking as written."""

    OFFICIAL = "OFFICIAL"
    OFFICIAL_SENSITIVE = "OFFICIAL_SENSITIVE"
    SECRET = "SECRET"

    @property
    def rank(self) -> int:
        return _CLASSIFICATION_ORDER.index(self)

    @property
    def label(self) -> str:
        return self.value.replace("_", "-")

    def permits(self, marking: Classification) -> bool:
        """True when a holder of this clearance may read material marked `marking`."""
        return self.rank >= marking.rank


_CLASSIFICATION_ORDER = (
    Classification.OFFICIAL,
    Classification.OFFICIAL_SENSITIVE,
    Classification.SECRET,
)


class RiskLevel(StrEnum):
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    VERY_HIGH = "VERY_HIGH"


class NominalStatus(StrEnum):
    COMMUNITY = "COMMUNITY"
    CUSTODY = "CUSTODY"
    HOSPITAL = "HOSPITAL"
    WHEREABOUTS_UNKNOWN = "WHEREABOUTS_UNKNOWN"
    DECEASED = "DECEASED"
    REMOVED = "REMOVED"


class MappaLevel(IntEnum):
    """1 ordinary (single-agency), 2 multi-agency risk management, 3 public protection panel."""

    LEVEL_1 = 1
    LEVEL_2 = 2
    LEVEL_3 = 3


class ResidenceKind(StrEnum):
    HOME = "HOME"
    TEMPORARY = "TEMPORARY"
    APPROVED_PREMISES = "APPROVED_PREMISES"
    CUSTODY = "CUSTODY"
    HOSPITAL = "HOSPITAL"
    NO_FIXED_ABODE = "NO_FIXED_ABODE"


class AssociationKind(StrEnum):
    """How one end of an ASSOCIATED_WITH relates to the other. Stored on the relationship as
    seen from its start node: (a)-[:ASSOCIATED_WITH {kind: 'VICTIM_OF'}]->(b) is "a is the
    victim of b", read from b as OFFENDER_AGAINST (ASSOCIATION_INVERSES)."""

    FAMILY = "FAMILY"
    PARENT_OF = "PARENT_OF"
    CHILD_OF = "CHILD_OF"
    SIBLING = "SIBLING"
    CO_OFFENDER = "CO_OFFENDER"
    ASSOCIATE = "ASSOCIATE"
    VICTIM_OF = "VICTIM_OF"
    OFFENDER_AGAINST = "OFFENDER_AGAINST"


ASSOCIATION_INVERSES: dict[AssociationKind, AssociationKind] = {
    AssociationKind.PARENT_OF: AssociationKind.CHILD_OF,
    AssociationKind.CHILD_OF: AssociationKind.PARENT_OF,
    AssociationKind.VICTIM_OF: AssociationKind.OFFENDER_AGAINST,
    AssociationKind.OFFENDER_AGAINST: AssociationKind.VICTIM_OF,
}
"""The kind read from the other end; kinds not listed (FAMILY, SIBLING, ...) read the same."""


def association_inverse(kind: str) -> str:
    """`kind` as the other end of the association sees it."""
    return ASSOCIATION_INVERSES.get(AssociationKind(kind), AssociationKind(kind)).value


class TransferStatus(StrEnum):
    """REQUESTED -> (INFORMATION_REQUESTED <-> REQUESTED) -> ESCALATED? -> ACCEPTED | DECLINED |
    CANCELLED. REJECTED is the stored value DECLINED replaced (`visor db migrate` rewrites it)."""

    REQUESTED = "REQUESTED"
    INFORMATION_REQUESTED = "INFORMATION_REQUESTED"
    ESCALATED = "ESCALATED"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"
    REJECTED = "REJECTED"
    CANCELLED = "CANCELLED"


OPEN_TRANSFER_STATUSES = frozenset(
    {TransferStatus.REQUESTED, TransferStatus.INFORMATION_REQUESTED, TransferStatus.ESCALATED}
)


class TransferAction(StrEnum):
    """What one step of a transfer's history did (`TransferStep.action`)."""

    REQUESTED = "REQUESTED"
    INFORMATION_REQUESTED = "INFORMATION_REQUESTED"
    INFORMATION_PROVIDED = "INFORMATION_PROVIDED"
    ESCALATED = "ESCALATED"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"
    CANCELLED = "CANCELLED"


class AuditAction(StrEnum):
    COLLECT = "COLLECT"
    ALTER = "ALTER"
    CONSULT = "CONSULT"
    DISCLOSE = "DISCLOSE"
    COMBINE = "COMBINE"
    ERASE = "ERASE"
    REFUSED = "REFUSED"


class SarStatus(StrEnum):
    RECEIVED = "RECEIVED"
    DECIDED = "DECIDED"


class SarDecision(StrEnum):
    DISCLOSE = "DISCLOSE"
    PARTIAL = "PARTIAL"
    REFUSE = "REFUSE"


class SourceEvaluation(StrEnum):
    """3x5x2 source evaluation; stored as the strings "1", "2", "3"."""

    RELIABLE = "1"
    UNTESTED = "2"
    NOT_RELIABLE = "3"


class IntelligenceAssessment(StrEnum):
    """3x5x2 intelligence assessment."""

    A = "A"  # known directly
    B = "B"  # known indirectly, corroborated
    C = "C"  # known indirectly
    D = "D"  # not known
    E = "E"  # suspected to be false


class HandlingCode(StrEnum):
    """3x5x2 handling code: P lawful sharing permitted, C sharing with (recorded) conditions."""

    P = "P"
    C = "C"


class BreachOutcome(StrEnum):
    """What came of a reported breach."""

    REPORTED = "REPORTED"
    CHARGED = "CHARGED"
    CAUTIONED = "CAUTIONED"
    CONVICTED = "CONVICTED"
    NO_FURTHER_ACTION = "NO_FURTHER_ACTION"


class BreachOf(StrEnum):
    """What a breach breaches: the notification requirements, or a civil order (BREACHES)."""

    NOTIFICATION_REQUIREMENTS = "NOTIFICATION_REQUIREMENTS"
    ORDER = "ORDER"


class CivilOrderKind(StrEnum):
    SHPO = "SHPO"
    INTERIM_SHPO = "INTERIM_SHPO"
    SRO = "SRO"
    INTERIM_SRO = "INTERIM_SRO"
    FOREIGN_TRAVEL_ORDER = "FOREIGN_TRAVEL_ORDER"
    NOTIFICATION_ORDER = "NOTIFICATION_ORDER"


class WhereaboutsReason(StrEnum):
    """Why a nominal's whereabouts are unknown: a live warrant (WANTED) or MISSING."""

    WANTED = "WANTED"
    MISSING = "MISSING"


class ReferenceSet(StrEnum):
    """The sets of `ReferenceCode` nodes."""

    MAPPA_CATEGORY = "MAPPA_CATEGORY"
    RISK_TOOL = "RISK_TOOL"
    SOURCE_EVALUATION = "SOURCE_EVALUATION"
    INTELLIGENCE_ASSESSMENT = "INTELLIGENCE_ASSESSMENT"
    HANDLING_CODE = "HANDLING_CODE"
