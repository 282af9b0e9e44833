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
