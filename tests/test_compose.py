"""docker-compose.yml and the Dockerfile cannot run here (no Docker engine): check by reading."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent


def compose() -> dict[str, Any]:
    parsed: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return parsed


def test_neo4j_service_is_526_community_with_healthcheck_volume_and_required_auth() -> None:
    neo4j = compose()["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert re.fullmatch(r"neo4j/\$\{NEO4J_PASSWORD:\?.+\}", neo4j["environment"]["NEO4J_AUTH"])
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"])
    volume = neo4j["volumes"][0].split(":")[0]
    assert volume in compose()["volumes"]


def test_app_waits_for_a_healthy_neo4j_and_gets_what_it_needs() -> None:
    app = compose()["services"]["app"]
    assert app["build"] == "."
    assert app["depends_on"] == {"neo4j": {"condition": "service_healthy"}}
    env = app["environment"]
    assert env["NEO4J_URI"] == "bolt://neo4j:7687"
    for required in ("NEO4J_PASSWORD", "VISOR_SECRET"):
        assert re.fullmatch(rf"\$\{{{required}:\?.+\}}", env[required]), required
    assert env["VISOR_ENV"] == "production"


def test_dockerfile_installs_every_package_and_migrates_before_serving() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    for package in ("visor", "graph", "schema", "resolvers", "loaders"):
        assert f"COPY {package} ./{package}" in dockerfile
    assert "pip install" in dockerfile
    assert "visor db migrate && exec visor serve --host 0.0.0.0" in dockerfile
