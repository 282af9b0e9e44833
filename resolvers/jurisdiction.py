"""Jurisdiction rules of a nominal (DESIGN.md glossary: the MAPPA category scheme is per
jurisdiction): its category comes from the scheme of its managing area's jurisdiction, and an
officer creates nominals only in areas their agency covers (admins excepted)."""

from __future__ import annotations

from graph.db import Row
from graph.models.enums import Role
from resolvers.actor import Actor
from resolvers.errors import BadUserInput, Forbidden


def category_problem(area: Row, category: str) -> str | None:
    """Why `category` may not be the category of a nominal managed in `area` (a row of
    graph/queries/jurisdiction.py), or None when it may. A code that is no category at all is
    not this rule's to report (the reference check says so)."""
    allowed = list(area["categories"] or ())
    if category in allowed or category not in (area["known"] or ()):
        return None
    jurisdiction = area["jurisdiction"] or "no jurisdiction"
    if not allowed:
        return f"{area['code']} is in {jurisdiction}, which has no MAPPA category scheme"
    return (
        f"{category} is not a category of {jurisdiction}, where {area['code']} is "
        f"(one of {', '.join(allowed)})"
    )


def require_category(area: Row, category: str, *, field: str) -> None:
    problem = category_problem(area, category)
    if problem is not None:
        raise BadUserInput(f"{field}: {problem}", field=field)


def may_create_in(*, roles: frozenset[str], area: Row) -> bool:
    return Role.ADMIN.value in roles or bool(area["covered"])


def require_covered(actor: Actor, area: Row, *, field: str) -> None:
    """Creating a nominal managed in `area`: the actor's agency covers it, or they are an admin."""
    if not may_create_in(roles=actor.roles, area=area):
        raise Forbidden(
            f"{field}: your agency does not cover {area['code']}; officers create nominals "
            "only in areas their agency covers",
            field=field,
        )
