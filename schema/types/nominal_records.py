"""A nominal's record entries: the record-view fields that read Records (filled by the records
work of the API issue)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry


@strawberry.type
class NominalRecordFields:
    if TYPE_CHECKING:
        uid: str
