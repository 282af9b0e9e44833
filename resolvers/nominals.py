"""Reading nominals: any authenticated active officer, each read an audited consultation.

A name search without a stated purpose is a hit list: it shows each hit's names, aliases and
date of birth (`IDENTITY_PROPERTIES`), audited with the purpose "name search". Anything beyond
that reads the nominal's record, which needs a stated purpose (`require_reach_beyond_identity`);
with one, the hits are full nominals and the search is audited with that purpose. Nominals shown
as the other end of an association are likewise identity only (`Reach.LINKED`).
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, replace
from enum import Enum

from graph.db import Database, Row
from graph.queries import nominals as queries
from graph.queries.nominals import NominalFilter
from graph.queries.record_view import ViewParts
from loaders import Loaders
from resolvers import paging
from resolvers.actor import Actor
from resolvers.audit import record_consultation, require_purpose
from resolvers.errors import BadUserInput, NotFound, quoted
from resolvers.record_view import prime_loaders

MAX_SEARCH_TEXT = 200
SEARCH_PURPOSE = "name search"
IDENTITY_PROPERTIES = frozenset(
    {"uid", "visorRef", "firstName", "middleNames", "lastName", "aliases", "dateOfBirth"}
)
"""What a nominal not consulted shows (a search hit without a stated purpose, the other end of
an association): enough to tell people apart, no more."""
MAPPA_LEVELS = (1, 2, 3)
# Ordering name (the GraphQL enum's value) → stored property: the only properties a page may be
# ordered by.
ORDERINGS = {
    "VISOR_REF": "visorRef",
    "LAST_NAME": "lastName",
    "DATE_OF_BIRTH": "dateOfBirth",
    "CREATED_AT": "createdAt",
}

FILTER_REFERENCES = {
    "categories": "MAPPA category",
    "areaCode": "area",
    "residenceAreaCode": "area",
    "managerStaffId": "officer",
    "managerAgencyCode": "agency",
}


@dataclass(frozen=True)
class Page:
    total: int
    rows: list[Row]
    cursors: list[str]
    has_next: bool


@dataclass(frozen=True)
class SearchPage(Page):
    reach: Reach
    """SEARCH_HIT when no purpose was stated (a hit list only), else CONSULTED."""


class Reach(Enum):
    """How a nominal was reached in a request, which decides how much of it may be read."""

    CONSULTED = "consulted"
    """Read for a stated purpose and audited as a consultation of it: all of it."""
    SEARCH_HIT = "search hit"
    """Found by a search without a stated purpose: its identifying fields only."""
    LINKED = "linked"
    """Shown as the other end of an association, or named by an audit event, while another
    nominal (or the audit trail) was consulted: its identifying fields only."""


def require_reach_beyond_identity(*, reach: Reach, field: str) -> None:
    """Reading `field`, beyond the identifying fields (`IDENTITY_PROPERTIES`), reads the
    nominal's record, which takes a consultation of that nominal: BAD_USER_INPUT unless it was
    reached as one."""
    if reach is Reach.SEARCH_HIT:
        raise BadUserInput(
            f"purpose: state a purpose to read beyond the hit list ({field} is not part of a "
            "search hit; give the `purpose` argument or the X-Visor-Purpose header)",
            field="purpose",
        )
    if reach is Reach.LINKED:
        raise BadUserInput(
            f"{field}: a linked nominal shows only its identifying fields; read its record with "
            "`nominal(visorRef:)` and a purpose, which is audited as a consultation of it",
            field=field,
        )


async def get_nominal(
    *,
    db: Database,
    actor: Actor,
    visor_ref: str,
    purpose: str | None,
    loaders: Loaders | None = None,
    parts: ViewParts | None = None,
) -> Row:
    """The nominal, audited as a consultation before anything of it is returned. With
    `loaders`, the `parts` of its record view are read in the same query and put in them
    (resolvers/record_view.py)."""
    stated = require_purpose(purpose)
    view = parts if loaders is not None and parts is not None else ViewParts()
    # The consultation is logged beside the read rather than after it (the read's time saved);
    # nothing is returned until both have succeeded.
    read, logged = await asyncio.gather(
        queries.nominal_view_by_visor_ref(db, visor_ref, view),
        record_consultation(
            db=db, actor=actor, nominal_uids=[], visor_refs=[visor_ref], purpose=stated
        ),
        return_exceptions=True,
    )
    for outcome in (read, logged):
        if isinstance(outcome, BaseException):
            raise outcome
    assert isinstance(read, tuple)
    nominal, found = read
    if nominal is None:
        raise NotFound(f"visorRef: no nominal {quoted(visor_ref)}", field="visorRef")
    if loaders is not None:
        prime_loaders(loaders=loaders, parts=view, found=found)
    return nominal


async def get_nominals_by_uid(
    *, db: Database, actor: Actor, uids: list[str], purpose: str | None
) -> list[Row | None]:
    """Nominals in the order of `uids` (None where there is none): a `node(id:)` lookup,
    audited like any other read."""
    stated = require_purpose(purpose)
    found = await queries.nominals_by_uid(db, uids)
    await record_consultation(db=db, actor=actor, nominal_uids=list(found), purpose=stated)
    return [found.get(uid) for uid in uids]


async def list_nominals(
    *,
    db: Database,
    actor: Actor,
    where: NominalFilter,
    order: str = "VISOR_REF",
    descending: bool = False,
    first: int,
    after: str | None,
    purpose: str | None,
    loaders: Loaders | None = None,
    parts: ViewParts | None = None,
) -> Page:
    """A page of nominals matching `where`, ordered, after a cursor of the same ordering; with
    `loaders`, the `parts` of their record views are read in the same query (as `get_nominal`)."""
    stated = require_purpose(purpose)
    paging.check_page_size(first)
    if order not in ORDERINGS:
        raise BadUserInput(f"orderBy: unknown ordering {quoted(order)}", field="orderBy")
    where = normalise_filter(where)
    await _check_filter(db, where)
    position = decode_cursor(after, order, descending) if after is not None else None
    view = parts if loaders is not None and parts is not None else ViewParts()
    total, rows, found = await queries.nominals_page_view(
        db,
        where=where,
        order_by=ORDERINGS[order],
        descending=descending,
        after=position,
        limit=first + 1,
        shown=first,
        parts=view,
    )
    page = rows[:first]
    await record_consultation(
        db=db, actor=actor, nominal_uids=[row["uid"] for row in page], purpose=stated
    )
    if loaders is not None:
        prime_loaders(loaders=loaders, parts=view, found=found)
    cursors = [encode_cursor(order, descending, row["sortKey"], row["visorRef"]) for row in page]
    return Page(total=total, rows=page, cursors=cursors, has_next=len(rows) > first)


async def search_nominals(
    *,
    db: Database,
    actor: Actor,
    text: str,
    first: int,
    after: str | None,
    purpose: str | None,
    fuzzy: bool = False,
) -> SearchPage:
    """Full-text search over names and aliases, best match first. Each hit row is
    `{nominal, score}`. The hit list is audited too, as a consultation of the nominals found:
    with the stated purpose, or, without one (the hits then bare), "name search"."""
    paging.check_page_size(first)
    lucene = lucene_query(text, fuzzy=fuzzy)
    offset = decode_offset(after) if after is not None else 0
    stated = require_purpose(purpose) if (purpose or "").strip() else None
    total, hits = await queries.search_nominals(db, lucene=lucene, offset=offset, limit=first)
    await record_consultation(
        db=db,
        actor=actor,
        nominal_uids=[hit["nominal"]["uid"] for hit in hits],
        purpose=stated or SEARCH_PURPOSE,
    )
    cursors = [encode_offset(offset + i + 1) for i in range(len(hits))]
    return SearchPage(
        total=total,
        rows=hits,
        cursors=cursors,
        has_next=offset + len(hits) < total,
        reach=Reach.SEARCH_HIT if stated is None else Reach.CONSULTED,
    )


FUZZY_MIN_LENGTH = 4
"""Words shorter than this match exactly or as a prefix only, even in a fuzzy search."""


def lucene_query(text: str, *, fuzzy: bool = False) -> str:
    """Each word of `text` as a required term, matched exactly or as a prefix; Lucene's syntax
    characters are escaped, so the text can never act as a query of its own. With `fuzzy`, a
    word of 4 or more letters also matches within one edit (two from 6 letters): "Murrey"
    finds Murray, "McDonald" MacDonald. Exact matches are boosted above prefixes, and
    prefixes above fuzzy matches, so the spelling given ranks first (bench/name_search.py
    measured this against a stored phonetic key on the demo names: fuzzy terms ranked
    better)."""
    words = text.split()
    if not words:
        raise BadUserInput("text: give at least one word to search for", field="text")
    if len(text) > MAX_SEARCH_TEXT:
        raise BadUserInput(
            f"text: at most {MAX_SEARCH_TEXT} characters, got {len(text)}", field="text"
        )
    escaped = [re.sub(r'([+\-&|!(){}\[\]^"~*?:\\/])', r"\\\1", word).lower() for word in words]
    if not fuzzy:
        return " AND ".join(f"({word} OR {word}*)" for word in escaped)
    terms = []
    for word, plain in zip(escaped, words, strict=True):
        term = f"{word}^4 OR {word}*^2"
        if len(plain) >= FUZZY_MIN_LENGTH:
            term += f" OR {word}~{1 if len(plain) < 6 else 2}"
        terms.append(f"({term})")
    return " AND ".join(terms)


POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?([0-9][A-Z]{2})?")
"""A UK postcode without its space, or its outward code alone."""
MIN_ADDRESS_TEXT = 3


def normalise_filter(where: NominalFilter) -> NominalFilter:
    """The practitioner's search fields as the graph compares them: a postcode upper-case
    without spaces, address text lower-case, a VISOR reference upper-case. A postcode that
    is neither a postcode nor an outward code, or address text too short to mean anything, is
    BAD_USER_INPUT naming the field."""
    postcode = visor_ref = address = None
    if where.postcode is not None:
        postcode = re.sub(r"\s+", "", where.postcode).upper()
        if not POSTCODE.fullmatch(postcode):
            raise BadUserInput(
                f"filter.postcode: not a postcode or an outward code: {quoted(where.postcode)}",
                field="filter.postcode",
            )
    if where.address is not None:
        address = " ".join(where.address.split()).lower()
        if len(address) < MIN_ADDRESS_TEXT:
            raise BadUserInput(
                f"filter.address: give at least {MIN_ADDRESS_TEXT} characters of the address",
                field="filter.address",
            )
    if where.visor_ref is not None:
        visor_ref = where.visor_ref.strip().upper()
        if not visor_ref:
            raise BadUserInput(
                "filter.visorRef: give a VISOR reference or its start", field="filter.visorRef"
            )
    return replace(where, postcode=postcode, address=address, visor_ref=visor_ref)


async def _check_filter(db: Database, where: NominalFilter) -> None:
    for level in where.levels or ():
        if level not in MAPPA_LEVELS:
            raise BadUserInput(
                f"filter.levels: MAPPA levels are 1, 2 and 3, got {level}", field="filter.levels"
            )
    params = where.parameters()
    if all(params[name] is None for name in FILTER_REFERENCES):
        return
    unknown = await queries.unknown_filter_references(db, where)
    if unknown:
        name = unknown[0]
        raise BadUserInput(
            f"filter.{name}: no such {FILTER_REFERENCES[name]} in the register",
            field=f"filter.{name}",
        )


def encode_cursor(order: str, descending: bool, sort_key: str, visor_ref: str) -> str:
    return paging.encode_cursor("nominals", order, descending, sort_key, visor_ref)


def decode_cursor(cursor: str, order: str, descending: bool) -> tuple[str, str]:
    cursor_order, cursor_descending, sort_key, visor_ref = paging.decode_cursor(
        cursor, "nominals", str, bool, str, str
    )
    if [cursor_order, cursor_descending] != [order, descending]:
        raise BadUserInput(
            "after: the cursor belongs to another ordering; start again without `after`",
            field="after",
        )
    return str(sort_key), str(visor_ref)


def encode_offset(offset: int) -> str:
    return paging.encode_cursor("search", offset)


def decode_offset(cursor: str) -> int:
    (offset,) = paging.decode_cursor(cursor, "search", int)
    if not isinstance(offset, int) or offset < 0:
        raise BadUserInput(
            f"after: not a cursor of this connection: {quoted(cursor)}", field="after"
        )
    return offset
