"""Signed bearer tokens naming an officer.

The service issues HS256 tokens signed with VISOR_SECRET (`visor token issue`). It also accepts
RS256 tokens from an identity provider when a public key (VISOR_JWT_PUBLIC_KEY) or a JWKS file
(VISOR_JWKS_FILE, keys picked by `kid`) is configured; those must carry VISOR_JWT_ISSUER and
VISOR_JWT_AUDIENCE. Each algorithm is verified only with its own kind of key, so a token cannot
choose how it is checked: HS256 with the secret, RS256 with the public keys, nothing else.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from resolvers.errors import quoted
from visor.settings import (
    DEFAULT_AUDIENCE,
    DEFAULT_ISSUER,
    Settings,
    SettingsError,
)
from visor.settings import parse_ttl as parse_ttl  # `--ttl` reads durations as settings do

ISSUER = DEFAULT_ISSUER
AUDIENCE = DEFAULT_AUDIENCE
ALGORITHM = "HS256"
PUBLIC_KEY_ALGORITHM = "RS256"
DEFAULT_TTL_SECONDS = 8 * 3600
REQUIRED_CLAIMS = ["sub", "exp", "iat", "iss", "aud"]
MALFORMED = (
    "not a well-formed JWT (three base64url parts: a JSON header, a JSON payload, a signature)"
)


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


@dataclass(frozen=True)
class TokenVerifier:
    """Checks bearer tokens: HS256 against `secret` (the service's own issuer and audience), and
    RS256 against `public_keys` (by `kid`; the key `None` matches any) with `issuer` and
    `audience`."""

    secret: str
    public_keys: Mapping[str | None, RSAPublicKey] = field(default_factory=dict)
    issuer: str = ISSUER
    audience: str = AUDIENCE

    def verify(self, token: str) -> TokenClaims:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError as exc:
            raise TokenError(f"the bearer token is not valid: {_reason(exc)}") from None
        algorithm = header.get("alg")
        if algorithm == ALGORITHM:
            return _decode(token, self.secret, ALGORITHM, issuer=ISSUER, audience=AUDIENCE)
        if algorithm == PUBLIC_KEY_ALGORITHM and self.public_keys:
            key = self._public_key(header.get("kid"))
            return _decode(token, key, algorithm, issuer=self.issuer, audience=self.audience)
        raise TokenError(
            f"the bearer token is not valid: algorithm {quoted(algorithm)} not accepted"
        )

    def _public_key(self, kid: object) -> RSAPublicKey:
        if None in self.public_keys:
            return self.public_keys[None]
        if not isinstance(kid, str) or kid not in self.public_keys:
            raise TokenError(f"the bearer token is not valid: no known key with kid {quoted(kid)}")
        return self.public_keys[kid]


def verify_token(secret: str, token: str) -> TokenClaims:
    """An HS256 token signed with `secret` (as `visor token issue` makes)."""
    return TokenVerifier(secret).verify(token)


def load_verifier(settings: Settings) -> TokenVerifier:
    """The verifier the settings describe; key files are read and checked here."""
    keys: dict[str | None, RSAPublicKey] = {}
    if settings.jwt_public_key is not None:
        keys[None] = _pem_key(settings.jwt_public_key.read_bytes())
    if settings.jwks_file is not None:
        keys.update(_jwks_keys(settings.jwks_file.read_text()))
    return TokenVerifier(
        settings.secret, keys, issuer=settings.jwt_issuer, audience=settings.jwt_audience
    )


def _decode(token: str, key: Any, algorithm: str, *, issuer: str, audience: str) -> TokenClaims:
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=[algorithm],
            audience=audience,
            issuer=issuer,
            options={"require": REQUIRED_CLAIMS},
        )
    except jwt.ExpiredSignatureError:
        raise TokenError("the bearer token has expired") from None
    except jwt.InvalidTokenError as exc:
        raise TokenError(f"the bearer token is not valid: {_reason(exc)}") from None
    staff_id = claims.get("sub")
    if not isinstance(staff_id, str) or not staff_id:
        raise TokenError("the bearer token names no officer")
    return TokenClaims(staff_id=staff_id, expires_at=int(claims["exp"]))


def _reason(exc: jwt.InvalidTokenError) -> str:
    """Why a token was refused, in words that do not quote the decoder's internals (PyJWT's
    DecodeError messages carry codec and base64 errors such as "can't decode byte 0xb7")."""
    if isinstance(exc, jwt.InvalidSignatureError):
        return "Signature verification failed"
    if isinstance(exc, jwt.DecodeError):
        return MALFORMED
    return str(exc)


def _pem_key(data: bytes) -> RSAPublicKey:
    try:
        key = load_pem_public_key(data)
    except ValueError as exc:
        raise SettingsError(f"VISOR_JWT_PUBLIC_KEY: not a PEM public key: {exc}") from None
    if not isinstance(key, RSAPublicKey):
        raise SettingsError("VISOR_JWT_PUBLIC_KEY: not an RSA public key (RS256 needs one)")
    return key


def _jwks_keys(text: str) -> dict[str | None, RSAPublicKey]:
    try:
        document = json.loads(text)
        entries = document["keys"]
        assert isinstance(entries, list)
    except (ValueError, KeyError, TypeError, AssertionError):
        raise SettingsError('VISOR_JWKS_FILE: expected a JSON object {"keys": [...]}') from None
    keys: dict[str | None, RSAPublicKey] = {}
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("kty") != "RSA" or entry.get("use") == "enc":
            continue
        if entry.get("alg", PUBLIC_KEY_ALGORITHM) != PUBLIC_KEY_ALGORITHM:
            continue
        kid = entry.get("kid")
        if not isinstance(kid, str) or not kid:
            raise SettingsError("VISOR_JWKS_FILE: every RSA key needs a `kid`")
        try:
            key = jwt.PyJWK(entry, algorithm=PUBLIC_KEY_ALGORITHM).key
        except jwt.PyJWKError as exc:
            raise SettingsError(
                f"VISOR_JWKS_FILE: key {quoted(kid)} is not usable: {exc}"
            ) from None
        if not isinstance(key, RSAPublicKey):
            raise SettingsError(f"VISOR_JWKS_FILE: key {quoted(kid)} is not an RSA public key")
        keys[kid] = key
    if not keys:
        raise SettingsError("VISOR_JWKS_FILE: no RS256 signing keys in the file")
    return keys
