"""Posting GraphQL to the served app over real HTTP, as a front-end would."""

from __future__ import annotations

from typing import Any

from tests import loopback
from visor.tokens import issue_token


def post_graphql(
    base_url: str,
    query: str,
    variables: dict[str, Any] | None = None,
    *,
    secret: str | None = None,
    staff_id: str | None = None,
    purpose: str | None = None,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The response body; a token for `staff_id` (signed with `secret`) and the purpose header
    are added when given. GraphQL answers with HTTP 200 even for errors, except a request without
    a valid token, which is HTTP 401 with only UNAUTHENTICATED errors: anything else fails."""
    sent = dict(headers or {})
    if staff_id is not None:
        assert secret is not None, "a token needs the signing secret"
        sent["Authorization"] = f"Bearer {issue_token(secret, staff_id)}"
    if purpose is not None:
        sent["X-Visor-Purpose"] = purpose
    response = loopback.post(
        f"{base_url}/graphql",
        json={"query": query, "variables": variables or {}},
        headers=sent,
        timeout=30,
    )
    assert response.status_code in (200, 401), response.text
    body: dict[str, Any] = response.json()
    unauthenticated = bool(body.get("errors")) and set(error_codes(body)) == {"UNAUTHENTICATED"}
    assert (response.status_code == 401) == unauthenticated, (response.status_code, body)
    return body


def error_codes(body: dict[str, Any]) -> list[str]:
    return [error["extensions"]["code"] for error in body.get("errors") or []]
