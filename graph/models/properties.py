"""Property types the stored-name contract needs and neomodel does not ship.

neomodel's own `DateProperty` stores an ISO string and `DateTimeProperty` a float epoch; MODEL.md
requires Neo4j `Date` and UTC `DateTime` values, so these store the driver's native temporal types.
Enumerations are stored as their values and read back as enum members.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from enum import IntEnum, StrEnum
from typing import Any

import neo4j.time
from neo4j.spatial import WGS84Point
from neomodel import IntegerProperty, StringProperty
from neomodel.properties import Property, validator


def utc_now() -> datetime:
    return datetime.now(UTC)


def enum_choices(enum: type[StrEnum]) -> Mapping[str, str]:
    """neomodel `choices` for a StrEnum: stored value -> display label."""
    return {member.value: str(getattr(member, "label", member.value)) for member in enum}


class EnumProperty(StringProperty):
    """A string restricted to a StrEnum's values (neomodel `choices`); reads back the member."""

    def __init__(self, enum: type[StrEnum], **kwargs: Any) -> None:
        super().__init__(choices=enum_choices(enum), **kwargs)
        self.enum = enum

    def normalize(self, value: Any) -> str:
        return self.enum(super().normalize(value))


class IntEnumProperty(IntegerProperty):
    """An integer restricted to an IntEnum's values; reads back the member."""

    def __init__(self, enum: type[IntEnum], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.enum = enum
        self.choices = {member.value: member.name for member in enum}

    def _member(self, value: Any) -> IntEnum:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"Invalid choice: {value!r}")
        if value not in self.choices:
            raise ValueError(f"Invalid choice: {value!r}")
        return self.enum(value)

    @validator
    def inflate(self, value: Any) -> IntEnum:
        return self._member(value)

    @validator
    def deflate(self, value: Any) -> int:
        return int(self._member(value))


class NativeDateProperty(Property[date]):
    """A `datetime.date`, stored as a Neo4j `Date`."""

    form_field_class = "DateField"

    @validator
    def inflate(self, value: Any) -> date:
        if isinstance(value, neo4j.time.Date):
            return value.to_native()
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        raise TypeError(f"Neo4j Date expected, got {type(value).__name__}")

    @validator
    def deflate(self, value: Any) -> date:
        if isinstance(value, datetime) or not isinstance(value, date):
            raise ValueError(f"datetime.date expected, got {value!r}")
        return value


class UtcDateTimeProperty(Property[datetime]):
    """A timezone-aware `datetime`, stored as a Neo4j `DateTime` in UTC; naive ones are refused."""

    form_field_class = "DateTimeField"

    def __init__(self, default_now: bool = False, **kwargs: Any) -> None:
        if default_now:
            kwargs["default"] = utc_now
        super().__init__(**kwargs)

    @validator
    def inflate(self, value: Any) -> datetime:
        if isinstance(value, neo4j.time.DateTime):
            value = value.to_native()
        if isinstance(value, datetime) and value.utcoffset() is not None:
            return value.astimezone(UTC)
        raise TypeError(f"Neo4j DateTime with a time zone expected, got {value!r}")

    @validator
    def deflate(self, value: Any) -> datetime:
        if not isinstance(value, datetime) or value.utcoffset() is None:
            raise ValueError(f"timezone-aware datetime expected, got {value!r}")
        return value.astimezone(UTC)


class WGS84PointProperty(Property[WGS84Point]):
    """A WGS-84 point (longitude, latitude[, height]) stored as a Neo4j point."""

    @validator
    def inflate(self, value: Any) -> WGS84Point:
        if isinstance(value, WGS84Point):
            return value
        raise TypeError(f"WGS-84 point expected, got {value!r}")

    @validator
    def deflate(self, value: Any) -> WGS84Point:
        if isinstance(value, WGS84Point):
            return value
        raise ValueError(f"neo4j.spatial.WGS84Point expected, got {value!r}")
