"""The minimum standards' scores over GraphQL: compliance per rule and overall, the breaching
nominals with the officer to mend each breach, and one nominal's standing."""

from __future__ import annotations

from enum import Enum

import strawberry
from strawberry import relay

from resolvers.standards import data_quality as scores
from resolvers.standards.rules import Rule


@strawberry.enum(description="Who answers for a rule's breaches.")
class StandardOwner(Enum):
    MANAGER = "MANAGER"
    ENTERING_AGENCY = "ENTERING_AGENCY"


@strawberry.type(description="A minimum standard, as the rules file states it.")
class StandardRule:
    id: str
    description: str
    owner: StandardOwner | None = strawberry.field(
        description="Null for the overall line, which is all the rules asked for together."
    )
    since: str = strawberry.field(description="The rules-file version the rule came in.")

    @classmethod
    def of(cls, rule: Rule) -> StandardRule:
        return cls(
            id=rule.id,
            description=rule.description,
            owner=StandardOwner(rule.owner) if rule is not scores.OVERALL else None,
            since=rule.since,
        )


@strawberry.type(
    description="How many nominals a rule applies to, and how many breach it; 0 of 0 (all three "
    "counts 0) when no nominal is in scope."
)
class RuleCompliance:
    rule: StandardRule
    applicable: int
    breaching: int
    compliant: int

    @classmethod
    def of(cls, row: scores.RuleCompliance) -> RuleCompliance:
        return cls(
            rule=StandardRule.of(row.rule),
            applicable=row.applicable,
            breaching=row.breaching,
            compliant=row.compliant,
        )


@strawberry.type(description="The officer responsible for mending a breach.")
class ResponsibleOfficer:
    id: relay.GlobalID
    staff_id: str
    name: str


@strawberry.type(description="One failure of one rule.")
class StandardBreach:
    rule_id: str
    item_uid: str | None = strawberry.field(
        description="The failing record's uid, or null when the nominal's record as a whole "
        "fails the rule."
    )
    officer: ResponsibleOfficer | None = strawberry.field(
        description="Who mends it; null when no one is (no manager assigned)."
    )

    @classmethod
    def of(cls, breach: scores.Breach) -> StandardBreach:
        officer = breach.officer
        return cls(
            rule_id=breach.rule_id,
            item_uid=breach.item_uid,
            officer=None
            if officer is None
            else ResponsibleOfficer(
                id=relay.GlobalID("Officer", officer.uid),
                staff_id=officer.staff_id,
                name=officer.name,
            ),
        )
