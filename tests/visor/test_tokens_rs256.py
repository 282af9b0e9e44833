"""RS256 tokens from an identity provider: a PEM public key or a JWKS file, keys by `kid`."""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import time
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from visor.settings import Settings, SettingsError
from visor.tokens import TokenError, TokenVerifier, issue_token, load_verifier

SECRET = "a-test-secret-of-at-least-32-bytes!"
IDP = "https://idp.example/realms/visor"
AUD = "visor-api"

KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
PUBLIC_PEM = KEY.public_key().public_bytes(
    serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
)


def claims(**changes: Any) -> dict[str, Any]:
    now = int(time.time())
    return {"sub": "PSOS-0001", "iss": IDP, "aud": AUD, "iat": now, "exp": now + 600, **changes}


def rs256(key: rsa.RSAPrivateKey = KEY, kid: str | None = "k1", **changes: Any) -> str:
    headers = {"kid": kid} if kid else None
    return jwt.encode(claims(**changes), key, algorithm="RS256", headers=headers)


def settings_with(**changes: Any) -> Settings:
    base = Settings.from_env({"VISOR_SECRET": SECRET})
    return dataclasses.replace(base, jwt_issuer=IDP, jwt_audience=AUD, **changes)


@pytest.fixture
def pem_verifier(tmp_path: Path) -> TokenVerifier:
    path = tmp_path / "idp.pem"
    path.write_bytes(PUBLIC_PEM)
    return load_verifier(settings_with(jwt_public_key=path))


@pytest.fixture
def jwks_verifier(tmp_path: Path) -> TokenVerifier:
    keys = []
    for kid, key in (("k1", KEY), ("k2", OTHER_KEY)):
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
        keys.append({**jwk, "kid": kid, "use": "sig", "alg": "RS256"})
    path = tmp_path / "jwks.json"
    path.write_text(json.dumps({"keys": keys}))
    return load_verifier(settings_with(jwks_file=path))


def test_rs256_through_a_pem_key(pem_verifier: TokenVerifier) -> None:
    assert pem_verifier.verify(rs256()).staff_id == "PSOS-0001"
    assert pem_verifier.verify(rs256(kid=None)).staff_id == "PSOS-0001"


def test_rs256_through_a_jwks_picks_the_key_by_kid(jwks_verifier: TokenVerifier) -> None:
    assert jwks_verifier.verify(rs256(KEY, "k1")).staff_id == "PSOS-0001"
    assert jwks_verifier.verify(rs256(OTHER_KEY, "k2")).staff_id == "PSOS-0001"
    with pytest.raises(TokenError, match="Signature verification failed"):
        jwks_verifier.verify(rs256(OTHER_KEY, "k1"))
    with pytest.raises(TokenError, match="no known key with kid 'k9'"):
        jwks_verifier.verify(rs256(KEY, "k9"))
    with pytest.raises(TokenError, match="no known key with kid None"):
        jwks_verifier.verify(rs256(KEY, None))


def test_hs256_tokens_still_work_beside_rs256(jwks_verifier: TokenVerifier) -> None:
    assert jwks_verifier.verify(issue_token(SECRET, "PSOS-0002")).staff_id == "PSOS-0002"


@pytest.mark.parametrize(
    ("token", "message"),
    [
        (lambda: rs256(aud="another-service"), "Audience doesn't match"),
        (lambda: rs256(iss="https://evil.example"), "Invalid issuer"),
        (lambda: rs256(exp=int(time.time()) - 60), "expired"),
        (lambda: rs256(OTHER_KEY), "Signature verification failed"),
        (lambda: rs256(sub=""), "names no officer"),
    ],
    ids=["audience", "issuer", "expired", "wrong-key", "no-subject"],
)
def test_bad_rs256_tokens_are_refused(
    pem_verifier: TokenVerifier, token: Any, message: str
) -> None:
    with pytest.raises(TokenError, match=message):
        pem_verifier.verify(token())


def test_algorithm_confusion_is_refused(pem_verifier: TokenVerifier) -> None:
    # An HS256 token signed with the public key's text: checked only against the secret.
    header = jwt.utils.base64url_encode(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = jwt.utils.base64url_encode(json.dumps(claims()).encode())
    signing_input = header + b"." + payload
    signature = hmac.new(PUBLIC_PEM, signing_input, hashlib.sha256).digest()
    forged = (signing_input + b"." + jwt.utils.base64url_encode(signature)).decode()
    with pytest.raises(TokenError, match="not valid"):
        pem_verifier.verify(forged)


def test_alg_none_is_refused(pem_verifier: TokenVerifier) -> None:
    unsigned = jwt.encode(claims(), None, algorithm="none")
    with pytest.raises(TokenError, match="algorithm 'none' not accepted"):
        pem_verifier.verify(unsigned)


def test_rs256_is_refused_without_a_configured_key() -> None:
    with pytest.raises(TokenError, match="algorithm 'RS256' not accepted"):
        load_verifier(settings_with()).verify(rs256())


@pytest.mark.parametrize(
    ("field", "content", "message"),
    [
        ("jwt_public_key", "not a key", "VISOR_JWT_PUBLIC_KEY: not a PEM public key"),
        ("jwks_file", "[]", "VISOR_JWKS_FILE: expected a JSON object"),
        ("jwks_file", '{"keys": []}', "VISOR_JWKS_FILE: no RS256 signing keys"),
    ],
)
def test_unusable_key_files_name_the_variable(
    tmp_path: Path, field: str, content: str, message: str
) -> None:
    path = tmp_path / "key"
    path.write_text(content)
    with pytest.raises(SettingsError, match=message):
        load_verifier(settings_with(**{field: path}))
