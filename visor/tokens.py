"""Signed bearer tokens naming an officer (HS256 with VISOR_SECRET)."""

from __future__ import annotations

import time
from dataclasses import dataclass

import jwt

ISSUER = "visor-graph"
AUDIENCE = "visor-graph"
ALGORITHM = "HS256"
DEFAULT_TTL_SECONDS = 8 * 3600


class TokenError(ValueError):
    """The bearer token is missing, malformed, expired or wrongly signed."""


@dataclass(frozen=True)
class TokenClaims:
    staff_id: str
    expires_at: int


def issue_token(
    secret: str, staff_id: str, *, ttl_seconds: int = DEFAULT_TTL_SECONDS, now: float | None = None
) -> str:
    if ttl_seconds <= 0:
        raise ValueError(f"ttl: must be a positive number of seconds, got {ttl_seconds}")
    issued = int(time.time() if now is None else now)
    claims = {
        "sub": staff_id,
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": issued,
        "exp": issued + ttl_seconds,
    }
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def verify_token(secret: str, token: str) -> TokenClaims:
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            audience=AUDIENCE,
            issuer=ISSUER,
            options={"require": ["sub", "exp", "iat", "iss", "aud"]},
        )
    except jwt.ExpiredSignatureError:
        raise TokenError("the bearer token has expired") from None
    except jwt.InvalidTokenError as exc:
        raise TokenError(f"the bearer token is not valid: {exc}") from None
    staff_id = claims.get("sub")
    if not isinstance(staff_id, str) or not staff_id:
        raise TokenError("the bearer token names no officer")
    return TokenClaims(staff_id=staff_id, expires_at=int(claims["exp"]))


def parse_ttl(text: str) -> int:
    """`3600`, `90s`, `30m`, `8h` or `7d` as seconds."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    value, unit = (text[:-1], text[-1]) if text and text[-1] in units else (text, "s")
    if not value.isdigit() or int(value) <= 0:
        raise ValueError(
            f"ttl: expected a positive duration such as 3600, 30m, 8h or 7d, got {text!r}"
        )
    return int(value) * units[unit]
