"""What every cursor connection shares: page sizes, time windows and opaque cursors."""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from collections.abc import Sized

from resolvers.errors import BadUserInput, quoted

MAX_PAGE_SIZE = 100


MAX_NODE_IDS = 100
"""The most global ids one `nodes(ids:)` looks up (a page's worth)."""


def check_id_count(ids: Sized, maximum: int = MAX_NODE_IDS) -> None:
    """A lookup of at most `maximum` ids; more is BAD_USER_INPUT naming `ids`."""
    if len(ids) > maximum:
        raise BadUserInput(f"ids: at most {maximum} ids, got {len(ids)}", field="ids")


def check_page_size(first: int, maximum: int = MAX_PAGE_SIZE) -> None:
    if not 0 <= first <= maximum:
        raise BadUserInput(f"first: must be between 0 and {maximum}, got {first}", field="first")


def as_utc(moment: datetime.datetime, *, field: str = "from") -> datetime.datetime:
    """A datetime given without an offset is read as UTC, as the graph stores times; one whose
    UTC time falls outside the years Python can hold (9999-12-31T23:59:59-14:00) is
    BAD_USER_INPUT naming `field`."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=datetime.UTC)
    try:
        return moment.astimezone(datetime.UTC)
    except (OverflowError, ValueError):
        raise BadUserInput(
            f"{field}: {moment.isoformat()} is out of range in UTC", field=field
        ) from None


def time_window(
    from_: datetime.datetime | None, to: datetime.datetime | None
) -> tuple[datetime.datetime | None, datetime.datetime | None]:
    """The window in UTC; `from` after `to` is BAD_USER_INPUT."""
    start = as_utc(from_, field="from") if from_ is not None else None
    end = as_utc(to, field="to") if to is not None else None
    if start is not None and end is not None and start > end:
        raise BadUserInput(f"from: {start.isoformat()} is after to", field="from")
    return start, end


def encode_cursor(connection: str, *position: object) -> str:
    """An opaque cursor: the connection's name and the position after which the next page
    starts, so a cursor of one connection is refused by another."""
    return base64.urlsafe_b64encode(json.dumps([connection, *position]).encode()).decode()


def decode_cursor(cursor: str, connection: str, *types: type) -> list[object]:
    """The position in a cursor of `connection`, each part of the given type."""
    try:
        parsed = json.loads(base64.urlsafe_b64decode(cursor.encode()).decode())
    except (binascii.Error, UnicodeDecodeError, ValueError):
        parsed = None
    if (
        not isinstance(parsed, list)
        or len(parsed) != len(types) + 1
        or parsed[0] != connection
        or not all(
            isinstance(part, kind) and not (kind is int and isinstance(part, bool))
            for part, kind in zip(parsed[1:], types, strict=True)
        )
    ):
        raise BadUserInput(
            f"after: not a cursor of this connection: {quoted(cursor)}", field="after"
        )
    return parsed[1:]
