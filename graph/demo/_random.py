"""The seeded source of everything random in the demo data, and the fixed reference instant."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

T = TypeVar("T")

REFERENCE_INSTANT = datetime(2025, 6, 30, 12, 0, tzinfo=UTC)
"""'Now' for the demo world: every timestamp is at or before it, so loads are reproducible."""


class DemoRandom(random.Random):
    """`random.Random` plus the few draws the generator needs, all derived from the seed."""

    def uid(self) -> str:
        return uuid.UUID(int=self.getrandbits(128), version=4).hex

    def weighted(self, values: Sequence[T], weights: Sequence[float]) -> T:
        return self.choices(values, weights)[0]

    def instant_between(self, start: datetime, end: datetime) -> datetime:
        """A whole-second instant in [start, end]."""
        span = max(0, int((end - start).total_seconds()))
        return start + timedelta(seconds=self.randint(0, span))

    def days_before(self, end: datetime, low: int, high: int) -> datetime:
        return self.instant_between(end - timedelta(days=high), end - timedelta(days=low))

    def date_between(self, start: date, end: date) -> date:
        return start + timedelta(days=self.randint(0, max(0, (end - start).days)))
