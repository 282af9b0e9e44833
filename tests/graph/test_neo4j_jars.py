"""Resolving the Neo4j jars and finding a Java, with their one-line errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.neo4j_jars import (
    POM,
    LocalServerError,
    ensure_jars,
    find_java,
    java_major_version,
    neo4j_version,
)


def test_the_pom_pins_a_526_release() -> None:
    assert neo4j_version().startswith("5.26.")


def test_the_java_found_is_one_neo4j_526_supports() -> None:
    assert java_major_version(find_java()) in (17, 21)


def test_a_java_of_another_version_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_home = tmp_path / "jdk"
    (fake_home / "bin").mkdir(parents=True)
    java = fake_home / "bin" / "java"
    java.write_text("#!/bin/sh\necho 'openjdk version \"25.0.1\" 2025-10-21' >&2\n")
    java.chmod(0o755)
    monkeypatch.setenv("JAVA_HOME", str(fake_home))
    with pytest.raises(
        LocalServerError, match="Neo4j 5.26 runs on Java 17 or 21, but .* is Java 25"
    ):
        find_java()


@pytest.mark.slow
def test_unresolvable_jars_give_a_one_line_error_and_no_cache(tmp_path: Path) -> None:
    pom = tmp_path / "pom.xml"
    pom.write_text(POM.read_text().replace(neo4j_version(), "5.26.999999"))
    cache = tmp_path / "cache"
    with pytest.raises(
        LocalServerError, match="could not resolve the Neo4j jars with Maven"
    ) as info:
        ensure_jars(cache, pom=pom)
    assert "\n" not in str(info.value)
    assert not (cache / "5.26.999999" / "lib").exists()
    assert os.listdir(cache / "5.26.999999") == []


def test_cached_jars_are_reused_without_maven(
    tmp_path: Path, neo4j_jars: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    (cache / neo4j_version()).mkdir(parents=True)
    (cache / neo4j_version() / "lib").symlink_to(neo4j_jars)
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools-here"))
    assert ensure_jars(cache) == cache / neo4j_version() / "lib"
