"""`ReferenceCode`: reference data kept as data (MAPPA categories, risk tools, 3x5x2 codes)."""

from __future__ import annotations

from neomodel import AsyncStructuredNode, StringProperty, UniqueIdProperty

from graph.models.enums import ReferenceSet
from graph.models.properties import EnumProperty


def reference_key(code_set: ReferenceSet | str, code: str) -> str:
    """The unique `key` of a reference code: `SET:CODE`."""
    return f"{code_set}:{code}"


class ReferenceCode(AsyncStructuredNode):
    uid = UniqueIdProperty()
    key = StringProperty(required=True, unique_index=True)
    set = EnumProperty(ReferenceSet, required=True)
    code = StringProperty(required=True)
    name = StringProperty(required=True)
    scheme = StringProperty()  # for MAPPA_CATEGORY: the jurisdiction's scheme, e.g. SCOTLAND
