from __future__ import annotations

import base64
import time

import jwt
import pytest

from visor.tokens import MALFORMED, TokenError, issue_token, parse_ttl, verify_token

SECRET = "a-test-secret-of-at-least-32-bytes!!"


def test_a_token_names_its_officer_and_expiry() -> None:
    token = issue_token(SECRET, "PSOS-0001", ttl_seconds=600, now=1_800_000_000)
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["sub"] == "PSOS-0001" and claims["exp"] == 1_800_000_600
    fresh = issue_token(SECRET, "PSOS-0001", ttl_seconds=600)
    assert verify_token(SECRET, fresh).staff_id == "PSOS-0001"


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        (lambda: issue_token(SECRET, "X", ttl_seconds=1, now=time.time() - 100), "expired"),
        (lambda: issue_token("another-secret-of-at-least-32-bytes", "X"), "not valid"),
        (lambda: "garbage", "not valid"),
        (
            lambda: jwt.encode(
                {
                    "sub": "X",
                    "iss": "visor-graph",
                    "aud": "someone-else",
                    "iat": int(time.time()),
                    "exp": int(time.time()) + 60,
                },
                SECRET,
                algorithm="HS256",
            ),
            "not valid",
        ),
        (
            lambda: jwt.encode(
                {
                    "sub": "X",
                    "iss": "visor-graph",
                    "aud": "visor-graph",
                    "iat": int(time.time()),
                    "exp": int(time.time()) + 60,
                },
                "",
                algorithm="none",
            ),
            "not valid",
        ),
    ],
    ids=["expired", "wrong-key", "garbage", "other-audience", "unsigned"],
)
def test_bad_tokens_are_refused(token: object, reason: str) -> None:
    with pytest.raises(TokenError, match=reason):
        verify_token(SECRET, token())  # type: ignore[operator]


@pytest.mark.parametrize(
    ("text", "seconds"), [("90", 90), ("30m", 1800), ("8h", 28800), ("7d", 604800)]
)
def test_ttl_forms(text: str, seconds: int) -> None:
    assert parse_ttl(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "-5", "1w", "h", "3.5h"])
def test_bad_ttls_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="ttl"):
        parse_ttl(text)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@pytest.mark.parametrize(
    "token",
    [
        _b64(b"\xb7\xff") + ".e30.c2ln",
        _b64(b"[1]") + ".e30.c2ln",
        "a.b.c",
        "only-one-part",
    ],
    ids=["header-not-utf8", "header-not-object", "bad-padding", "one-part"],
)
def test_a_malformed_token_is_refused_without_decoder_internals(token: str) -> None:
    with pytest.raises(TokenError) as refused:
        verify_token(SECRET, token)
    message = str(refused.value)
    assert message == f"the bearer token is not valid: {MALFORMED}"
    assert "codec" not in message and "0xb7" not in message
