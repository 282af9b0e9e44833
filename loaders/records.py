"""Loaders for record entries and their provenance (filled by the records work)."""

from __future__ import annotations

from dataclasses import dataclass

from graph.db import Database


@dataclass(frozen=True)
class RecordLoaders:
    pass


def build_record_loaders(db: Database) -> RecordLoaders:
    return RecordLoaders()
