"""The minimum standards as data: graph/reference/standards.toml, read with tomllib.

Each rule has an id, a description, its owner (MANAGER, or ENTERING_AGENCY: the officer who
entered the failing item), its thresholds and the file version it came in; the file has a version,
which every score names.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from resolvers.errors import BadUserInput, quoted

RULES_FILE = Path(__file__).resolve().parents[2] / "graph" / "reference" / "standards.toml"

Owner = Literal["MANAGER", "ENTERING_AGENCY"]
OWNERS: frozenset[str] = frozenset({"MANAGER", "ENTERING_AGENCY"})
KNOWN_RULES = (
    "manager-assigned",
    "current-whereabouts",
    "risk-assessment-current",
    "risk-management-plan",
    "minutes-timely",
    "intelligence-graded",
    "category-and-level",
    "breach-timely",
)
"""The rules the scoring Cypher (graph/queries/standards.py) knows how to check."""


@dataclass(frozen=True)
class Rule:
    id: str
    description: str
    owner: Owner
    since: str
    thresholds: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Standards:
    version: str
    rules: tuple[Rule, ...]

    def rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)

    def select(self, rule_ids: list[str] | None) -> tuple[Rule, ...]:
        """The rules asked for (all when None), in file order; an unknown id is BAD_USER_INPUT."""
        if rule_ids is None:
            return self.rules
        known = {r.id for r in self.rules}
        for rule_id in rule_ids:
            if rule_id not in known:
                raise BadUserInput(
                    f"rules: unknown rule {quoted(rule_id)} (rules file version {self.version}: "
                    f"{', '.join(sorted(known))})",
                    field="rules",
                )
        if not rule_ids:
            raise BadUserInput("rules: name at least one rule, or leave it out", field="rules")
        return tuple(r for r in self.rules if r.id in set(rule_ids))


def parse_standards(text: str) -> Standards:
    """The rules file's content; a malformed file is a ValueError naming what is wrong."""
    data = tomllib.loads(text)
    version = data.get("version")
    if not isinstance(version, str) or not version:
        raise ValueError("standards: the file needs a `version` string")
    rules: list[Rule] = []
    for entry in data.get("rule", []):
        rule_id = entry.get("id")
        if rule_id not in KNOWN_RULES:
            raise ValueError(f"standards: unknown rule id {rule_id!r}")
        if any(r.id == rule_id for r in rules):
            raise ValueError(f"standards: rule {rule_id!r} appears twice")
        owner = entry.get("owner")
        if owner not in OWNERS:
            raise ValueError(
                f"standards: rule {rule_id!r}: owner must be MANAGER or ENTERING_AGENCY"
            )
        for key in ("description", "since"):
            if not isinstance(entry.get(key), str) or not entry[key]:
                raise ValueError(f"standards: rule {rule_id!r} needs a `{key}` string")
        rules.append(
            Rule(
                id=rule_id,
                description=entry["description"],
                owner=owner,
                since=entry["since"],
                thresholds=dict(entry.get("thresholds", {})),
            )
        )
    if not rules:
        raise ValueError("standards: the file has no rules")
    return Standards(version=version, rules=tuple(rules))


@cache
def load_standards(path: Path = RULES_FILE) -> Standards:
    return parse_standards(path.read_text(encoding="utf-8"))
