"""The media type of a /graphql answer, chosen from the request's Accept header (GraphQL over
HTTP): `application/graphql-response+json` when the client lists it at least as high as
`application/json`, otherwise `application/json` (also with no Accept header, `*/*`, or only
types the service does not produce)."""

from __future__ import annotations

from collections.abc import Mapping

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


def response_media_type(headers: Mapping[str, str]) -> str:
    accepted = accepted_types(headers.get("accept", ""))
    graphql_response = accepted.get(GRAPHQL_RESPONSE, 0.0)
    if graphql_response > 0 and graphql_response >= accepted.get(JSON, 0.0):
        return GRAPHQL_RESPONSE
    return JSON


def accepted_types(accept: str) -> dict[str, float]:
    """`type/subtype` (lower case) -> its quality (`q`, default 1) for each media range named
    exactly; a malformed `q` counts as 0 (not acceptable)."""
    accepted: dict[str, float] = {}
    for media_range in accept.split(","):
        name, *params = (part.strip() for part in media_range.split(";"))
        if not name:
            continue
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                quality = _quality(value.strip())
        accepted[name.lower()] = max(quality, accepted.get(name.lower(), 0.0))
    return accepted


def _quality(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        return 0.0
    return value if 0.0 <= value <= 1.0 else 0.0
