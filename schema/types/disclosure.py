"""The disclosure package of a subject access request: everything held about the person, for
the data protection officer's decision.

Deliberately flat and separate from the reader-facing types (which apply clearance and stub
restricted records): nothing here is withheld, each restricted record says why it is, and each
associated person is flagged as third-party data. The sub-types live in this one module since
they have no use outside the package.
"""

from __future__ import annotations

import datetime
from typing import Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from graph.db import Row
from schema.types.enums import NominalStatus, RiskLevel
from schema.types.management_enums import AssociationKind, ResidenceKind
from schema.types.record import RecordKind
from schema.types.record_enums import Classification
from schema.types.subject_access_request import SubjectAccessRequest

# Properties every record has; the rest of a record's properties are its kind's fields.
COMMON_RECORD_PROPERTIES = frozenset({"uid", "classification", "createdAt", "version", "summary"})


def native(value: Any) -> Any:
    """A Neo4j temporal value as its Python equivalent (None stays None)."""
    return None if value is None else value.to_native()


def json_value(value: Any) -> Any:
    """A stored property as JSON: temporal values as ISO 8601 text."""
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if isinstance(value, list):
        return [json_value(item) for item in value]
    return value


@strawberry.type(description="An officer as named in a disclosure package.")
class DisclosedOfficer:
    staff_id: str
    name: str

    @classmethod
    def from_row(cls, row: Row | None) -> DisclosedOfficer | None:
        return cls(staff_id=row["staffId"], name=row["name"]) if row else None


@strawberry.type(description="The person's core record.")
class DisclosedNominal:
    id: strawberry.ID
    visor_ref: str
    first_name: str
    middle_names: str | None
    last_name: str
    aliases: list[str]
    date_of_birth: datetime.date | None
    gender: str | None
    category: str
    level: int
    risk_level: RiskLevel
    status: NominalStatus
    created_at: datetime.datetime
    updated_at: datetime.datetime | None
    version: int

    @classmethod
    def from_row(cls, row: Row) -> DisclosedNominal:
        return cls(
            id=strawberry.ID(str(relay.GlobalID("Nominal", row["uid"]))),
            visor_ref=row["visorRef"],
            first_name=row["firstName"],
            middle_names=row.get("middleNames"),
            last_name=row["lastName"],
            aliases=list(row.get("aliases") or []),
            date_of_birth=native(row.get("dateOfBirth")),
            gender=row.get("gender"),
            category=row["category"],
            level=int(row["level"]),
            risk_level=RiskLevel(row["riskLevel"]),
            status=NominalStatus(row["status"]),
            created_at=native(row["createdAt"]),
            updated_at=native(row.get("updatedAt")),
            version=int(row["version"]),
        )


@strawberry.type(
    description="One version of a record entry, whatever its marking, with its provenance."
)
class DisclosedRecord:
    id: strawberry.ID
    kind: RecordKind
    classification: Classification
    version: int
    current: bool = strawberry.field(description="No newer version replaces this one.")
    replaces: strawberry.ID | None = strawberry.field(
        description="The ID of the version this one revised."
    )
    created_at: datetime.datetime
    summary: str | None
    entered_by: DisclosedOfficer | None
    entered_at: datetime.datetime
    on_behalf_of: str | None = strawberry.field(description="The entering agency's name.")
    verified_by: DisclosedOfficer | None = strawberry.field(description="The last verifier.")
    verified_at: datetime.datetime | None
    content: JSON = strawberry.field(description="The kind's fields, by their stored names.")
    restricted: bool = strawberry.field(
        description="Above OFFICIAL, handling code C or restricted intelligence: "
        "consider before disclosing."
    )
    restriction_reasons: list[str]

    @classmethod
    def from_row(cls, row: Row) -> DisclosedRecord:
        props, kind = row["props"], row["kind"]
        verification = row.get("verification") or {}
        agency = row.get("onBehalfOf")
        replaces = row.get("replaces")
        return cls(
            id=strawberry.ID(str(relay.GlobalID(kind, props["uid"]))),
            kind=RecordKind(kind),
            classification=Classification(props["classification"]),
            version=int(props["version"]),
            current=bool(row["current"]),
            replaces=strawberry.ID(str(relay.GlobalID(kind, replaces))) if replaces else None,
            created_at=native(props["createdAt"]),
            summary=props.get("summary"),
            entered_by=DisclosedOfficer.from_row(row.get("enteredBy")),
            entered_at=native(row["enteredAt"]),
            on_behalf_of=agency["name"] if agency else None,
            verified_by=DisclosedOfficer.from_row(verification.get("officer")),
            verified_at=native(verification.get("at")),
            content=JSON(
                {
                    key: json_value(value)
                    for key, value in sorted(props.items())
                    if key not in COMMON_RECORD_PROPERTIES
                }
            ),
            restricted=bool(row["restrictionReasons"]),
            restriction_reasons=list(row["restrictionReasons"]),
        )


@strawberry.type(description="A period at an address.")
class DisclosedResidence:
    address: str
    postcode: str
    area: str | None = strawberry.field(description="The name of the location's area.")
    kind: ResidenceKind
    from_: datetime.date = strawberry.field(name="from")
    to: datetime.date | None

    @classmethod
    def from_row(cls, row: Row) -> DisclosedResidence:
        area = row.get("area")
        return cls(
            address=row["location"]["address"],
            postcode=row["location"]["postcode"],
            area=area["name"] if area else None,
            kind=ResidenceKind(row["kind"]),
            from_=native(row["from"]),
            to=native(row.get("to")),
        )


@strawberry.type(description="A person the subject is associated with: third-party data.")
class DisclosedAssociation:
    visor_ref: str
    first_name: str
    last_name: str
    kind: AssociationKind
    from_: datetime.date | None = strawberry.field(name="from")
    to: datetime.date | None
    third_party: bool = strawberry.field(
        description="Always true: data about someone else, to consider for redaction."
    )

    @classmethod
    def from_row(cls, row: Row) -> DisclosedAssociation:
        other = row["nominal"]
        return cls(
            visor_ref=other["visorRef"],
            first_name=other["firstName"],
            last_name=other["lastName"],
            kind=AssociationKind(row["kind"]),
            from_=native(row.get("from")),
            to=native(row.get("to")),
            third_party=bool(row["thirdParty"]),
        )


@strawberry.type(description="A period during which an officer managed or partnered on the case.")
class DisclosedStewardship:
    officer: DisclosedOfficer
    agency: str | None = strawberry.field(description="The officer's agency's name.")
    from_: datetime.datetime = strawberry.field(name="from")
    to: datetime.datetime | None

    @classmethod
    def from_row(cls, row: Row) -> DisclosedStewardship:
        officer = DisclosedOfficer.from_row(row["officer"])
        assert officer is not None
        agency = row.get("agency")
        return cls(
            officer=officer,
            agency=agency["name"] if agency else None,
            from_=native(row["from"]),
            to=native(row.get("to")),
        )


@strawberry.type(description="Everything held about the person of a subject access request.")
class DisclosurePackage:
    request: SubjectAccessRequest
    nominal: DisclosedNominal
    records: list[DisclosedRecord] = strawberry.field(
        description="Every version of every record, oldest first, whatever its marking."
    )
    residences: list[DisclosedResidence] = strawberry.field(description="Newest first.")
    associations: list[DisclosedAssociation]
    managers: list[DisclosedStewardship] = strawberry.field(description="Newest first.")
    partners: list[DisclosedStewardship] = strawberry.field(description="Newest first.")

    @classmethod
    def from_row(cls, row: Row) -> DisclosurePackage:
        return cls(
            request=SubjectAccessRequest.from_row(row["request"]),
            nominal=DisclosedNominal.from_row(row["nominal"]),
            records=[DisclosedRecord.from_row(record) for record in row["records"]],
            residences=[DisclosedResidence.from_row(r) for r in row["residences"]],
            associations=[DisclosedAssociation.from_row(a) for a in row["associations"]],
            managers=[DisclosedStewardship.from_row(m) for m in row["managers"]],
            partners=[DisclosedStewardship.from_row(p) for p in row["partners"]],
        )
