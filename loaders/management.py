"""Loaders for management, geography, residence, associations and transfers (filled by the
management work)."""

from __future__ import annotations

from dataclasses import dataclass

from graph.db import Database


@dataclass(frozen=True)
class ManagementLoaders:
    pass


def build_management_loaders(db: Database) -> ManagementLoaders:
    return ManagementLoaders()
