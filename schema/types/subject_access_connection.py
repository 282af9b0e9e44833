"""The subject access request register, newest received first, as a cursor connection."""

from __future__ import annotations

import strawberry
from strawberry import relay

from schema.types.subject_access_request import SubjectAccessRequest


@strawberry.type
class SubjectAccessRequestEdge:
    cursor: str
    node: SubjectAccessRequest


@strawberry.type
class SubjectAccessRequestConnection:
    edges: list[SubjectAccessRequestEdge]
    page_info: relay.PageInfo
    total_count: int
