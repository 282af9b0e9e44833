from __future__ import annotations

from pathlib import Path

import pytest

from visor.settings import DEFAULT_BOLT_PORT, Settings, SettingsError


def test_defaults_use_the_local_server() -> None:
    settings = Settings.from_env({"HOME": "/home/someone"})
    assert settings.uses_local_server
    assert settings.bolt_port == DEFAULT_BOLT_PORT
    assert settings.bolt_uri == "bolt://127.0.0.1:7687"
    assert settings.env == "development"
    assert settings.neo4j_database == "neo4j"


def test_an_external_server_and_explicit_home(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {
            "NEO4J_URI": "neo4j://db.example:7687",
            "NEO4J_USER": "svc",
            "NEO4J_PASSWORD": "pw",
            "NEO4J_DATABASE": "visor",
            "VISOR_HOME": str(tmp_path),
            "VISOR_ENV": "production",
            "VISOR_SECRET": "x" * 32,
        }
    )
    assert not settings.uses_local_server
    assert settings.bolt_uri == "neo4j://db.example:7687"
    assert (settings.neo4j_user, settings.neo4j_password, settings.neo4j_database) == (
        "svc",
        "pw",
        "visor",
    )
    assert settings.visor_home == tmp_path.resolve()


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"NEO4J_URI": "http://localhost:7474"}, "NEO4J_URI: expected a bolt:// or neo4j://"),
        ({"VISOR_BOLT_PORT": "seven"}, "VISOR_BOLT_PORT: not a port number"),
        ({"VISOR_BOLT_PORT": "70000"}, "VISOR_BOLT_PORT: out of range"),
        ({"VISOR_ENV": "staging"}, "VISOR_ENV: expected development or production"),
        ({"VISOR_ENV": "production"}, "VISOR_SECRET: required when VISOR_ENV=production"),
        ({"VISOR_SECRET": "short"}, "VISOR_SECRET: at least 32 bytes"),
    ],
)
def test_bad_settings_name_the_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(env)


def test_limits_and_token_settings_have_defaults_and_overrides(tmp_path: Path) -> None:
    defaults = Settings.from_env({})
    assert (defaults.max_depth, defaults.max_aliases, defaults.max_tokens) == (10, 30, 5000)
    assert defaults.max_body_bytes == 1024 * 1024
    assert defaults.jwt_public_key is None and defaults.jwks_file is None
    assert defaults.jwt_issuer == defaults.jwt_audience == "visor-graph"
    key = tmp_path / "idp.pem"
    key.write_text("pem")
    settings = Settings.from_env(
        {
            "VISOR_MAX_DEPTH": "6",
            "VISOR_MAX_ALIASES": "5",
            "VISOR_MAX_TOKENS": "900",
            "VISOR_MAX_COST": "1000",
            "VISOR_MAX_BODY_BYTES": "65536",
            "VISOR_JWT_PUBLIC_KEY": str(key),
            "VISOR_JWT_ISSUER": "https://idp.example",
            "VISOR_JWT_AUDIENCE": "visor-api",
        }
    )
    assert (settings.max_depth, settings.max_aliases, settings.max_tokens) == (6, 5, 900)
    assert (settings.max_cost, settings.max_body_bytes) == (1000, 65536)
    assert settings.jwt_public_key == key.resolve()
    assert (settings.jwt_issuer, settings.jwt_audience) == ("https://idp.example", "visor-api")


def test_the_limit_defaults_match_the_schema_defaults() -> None:
    from schema import build

    defaults = Settings.from_env({})
    assert (build.MAX_DEPTH, build.MAX_ALIASES, build.MAX_TOKENS, build.MAX_COST) == (
        defaults.max_depth,
        defaults.max_aliases,
        defaults.max_tokens,
        defaults.max_cost,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"VISOR_MAX_DEPTH": "deep"}, "VISOR_MAX_DEPTH: not a whole number"),
        ({"VISOR_MAX_DEPTH": "0"}, "VISOR_MAX_DEPTH: must be at least 1"),
        ({"VISOR_MAX_ALIASES": "-1"}, "VISOR_MAX_ALIASES: must be at least 0"),
        ({"VISOR_MAX_TOKENS": "1.5"}, "VISOR_MAX_TOKENS: not a whole number"),
        ({"VISOR_MAX_COST": "0"}, "VISOR_MAX_COST: must be at least 1"),
        ({"VISOR_MAX_BODY_BYTES": "10"}, "VISOR_MAX_BODY_BYTES: must be at least 1024"),
        ({"VISOR_JWT_PUBLIC_KEY": "/no/such.pem"}, "VISOR_JWT_PUBLIC_KEY: no such file"),
        ({"VISOR_JWKS_FILE": "/no/such.json"}, "VISOR_JWKS_FILE: no such file"),
        ({"VISOR_JWT_ISSUER": " "}, "VISOR_JWT_ISSUER: must not be blank"),
        ({"VISOR_JWT_AUDIENCE": ""}, "VISOR_JWT_AUDIENCE: must not be blank"),
    ],
)
def test_bad_limit_and_token_settings_name_the_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(env)


def test_a_key_file_and_a_jwks_file_exclude_each_other(tmp_path: Path) -> None:
    (tmp_path / "k").write_text("x")
    both = {"VISOR_JWT_PUBLIC_KEY": str(tmp_path / "k"), "VISOR_JWKS_FILE": str(tmp_path / "k")}
    with pytest.raises(SettingsError, match="set one or the other"):
        Settings.from_env(both)


def test_cors_origins_default_to_none_and_are_read_as_a_list() -> None:
    assert Settings.from_env({}).cors_origins == ()
    settings = Settings.from_env(
        {"VISOR_CORS_ORIGINS": " https://Visor.example.org , http://localhost:5173,"}
    )
    assert settings.cors_origins == ("https://visor.example.org", "http://localhost:5173")


@pytest.mark.parametrize(
    "value", ["*", "visor.example.org", "https://visor.example.org/app", "ftp://x.org", "https://"]
)
def test_a_cors_origin_that_is_not_an_origin_is_refused(value: str) -> None:
    with pytest.raises(SettingsError, match="VISOR_CORS_ORIGINS: expected origins"):
        Settings.from_env({"VISOR_CORS_ORIGINS": value})


def test_the_longest_token_lifetime_defaults_to_12_hours() -> None:
    assert Settings.from_env({}).max_token_ttl == 12 * 3600
    assert Settings.from_env({"VISOR_MAX_TOKEN_TTL": "30m"}).max_token_ttl == 1800
    with pytest.raises(SettingsError, match="VISOR_MAX_TOKEN_TTL: expected a positive duration"):
        Settings.from_env({"VISOR_MAX_TOKEN_TTL": "forever"})


def test_the_transfer_handover_defaults_to_28_days() -> None:
    base = {"VISOR_SECRET": "x" * 32}
    assert Settings.from_env(base).transfer_handover_days == 28
    assert (
        Settings.from_env({**base, "VISOR_TRANSFER_HANDOVER_DAYS": "7"}).transfer_handover_days == 7
    )
    with pytest.raises(SettingsError, match="VISOR_TRANSFER_HANDOVER_DAYS"):
        Settings.from_env({**base, "VISOR_TRANSFER_HANDOVER_DAYS": "-1"})


def test_risk_review_days_default_and_override() -> None:
    assert dict(Settings.from_env({}).risk_review_days) == {
        "LOW": 365,
        "MEDIUM": 180,
        "HIGH": 90,
        "VERY_HIGH": 90,
    }
    chosen = Settings.from_env({"VISOR_RISK_REVIEW_DAYS": "HIGH=60, VERY_HIGH=30"})
    assert dict(chosen.risk_review_days) == {"LOW": 365, "MEDIUM": 180, "HIGH": 60, "VERY_HIGH": 30}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("EXTREME=10", "unknown risk level 'EXTREME'"),
        ("HIGH=soon", "HIGH: not a whole number of days: 'soon'"),
        ("LOW=0", "LOW: must be at least 1 day, got 0"),
    ],
)
def test_bad_risk_review_days_name_the_variable(text: str, message: str) -> None:
    with pytest.raises(SettingsError, match="VISOR_RISK_REVIEW_DAYS: " + message):
        Settings.from_env({"VISOR_RISK_REVIEW_DAYS": text})
