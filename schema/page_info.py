"""The Relay `PageInfo` of a forward-paged connection, shared by every connection field."""

from __future__ import annotations

from collections.abc import Sequence

from strawberry import relay


def page_info(cursors: Sequence[str], *, has_next: bool, after: str | None) -> relay.PageInfo:
    """`cursors` are the page's, in order; a page asked for `after` a cursor has one before it."""
    return relay.PageInfo(
        has_next_page=has_next,
        has_previous_page=after is not None,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )
