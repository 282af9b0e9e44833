"""Relationship models: the properties stored on relationships (MODEL.md, "Relationships").

`from` is a Python keyword, so the attribute is `from_` mapped to the stored name `from`.
Node modules declare relationships with `outgoing` / `incoming`, which type them as managers.
"""

from __future__ import annotations

from typing import TypeVar, cast

from neomodel import (
    AsyncRelationshipFrom,
    AsyncRelationshipManager,
    AsyncRelationshipTo,
    AsyncStructuredNode,
    AsyncStructuredRel,
)

from graph.models.enums import AssociationKind, ResidenceKind
from graph.models.properties import EnumProperty, NativeDateProperty, UtcDateTimeProperty


class Period(AsyncStructuredRel):
    """MANAGES, PARTNER_ON, MANAGED_IN: open while `to` is null; closed ones are history."""

    from_ = UtcDateTimeProperty(required=True, db_property="from")
    to = UtcDateTimeProperty()


class Residence(AsyncStructuredRel):
    """RESIDED_AT: dates of residence and its kind."""

    from_ = NativeDateProperty(required=True, db_property="from")
    to = NativeDateProperty()
    kind = EnumProperty(ResidenceKind, required=True)


class Association(AsyncStructuredRel):
    """ASSOCIATED_WITH between two nominals."""

    kind = EnumProperty(AssociationKind, required=True)
    from_ = NativeDateProperty(db_property="from")
    to = NativeDateProperty()


class Stamp(AsyncStructuredRel):
    """ENTERED_BY and VERIFIED: when it happened."""

    at = UtcDateTimeProperty(required=True)


M = TypeVar("M", bound=AsyncRelationshipManager)


def outgoing(
    target: str | type[AsyncStructuredNode],
    rel_type: str,
    cardinality: type[M],
    model: type[AsyncStructuredRel] | None = None,
) -> M:
    """An outgoing relationship definition, typed as the manager instances get.

    neomodel replaces the definition by a `cardinality` manager on every instance, so
    `record.about.single()` type-checks. Give `target` as a class or a dotted path.
    """
    definition = AsyncRelationshipTo(target, rel_type, cardinality=cardinality, model=model)
    return cast(M, definition)


def incoming(
    source: str | type[AsyncStructuredNode],
    rel_type: str,
    cardinality: type[M],
    model: type[AsyncStructuredRel] | None = None,
) -> M:
    """An incoming relationship definition (the reverse side), typed like `outgoing`."""
    definition = AsyncRelationshipFrom(source, rel_type, cardinality=cardinality, model=model)
    return cast(M, definition)
