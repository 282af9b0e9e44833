"""Resolving the Neo4j jars and finding a Java, with their one-line errors."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from graph.jars_lock import POM, read_lock
from graph.neo4j_jars import (
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
def test_unresolvable_jars_give_a_one_line_error_and_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A jar the lock names is missing from the repository: Maven is tried instead, and fails."""
    version = "5.26.999999"
    pom = tmp_path / "pom.xml"
    pom.write_text(POM.read_text().replace(neo4j_version(), version))
    (tmp_path / "jars.lock").write_text(
        f"# neo4j {version}\norg/example/gone/1/gone-1.jar {'0' * 64}\n"
    )
    monkeypatch.setenv("VISOR_MAVEN_REPOSITORY", (tmp_path / "repository").as_uri())
    cache = tmp_path / "cache"
    said: list[str] = []
    with pytest.raises(
        LocalServerError, match="could not resolve the Neo4j jars with Maven"
    ) as info:
        ensure_jars(cache, pom=pom, say=said.append)
    assert "\n" not in str(info.value)
    assert any("gone-1.jar" in line and "resolving with Maven instead" in line for line in said)
    assert not (cache / version / "lib").exists()
    assert os.listdir(cache / version) == []


def locked_repository(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    served: dict[str, bytes],
    pinned: dict[str, bytes],
) -> Path:
    """A pom of this Neo4j version, a lock beside it pinning the hashes of `pinned`, and a
    file repository serving `served`, which VISOR_MAVEN_REPOSITORY names."""
    repository = tmp_path / "repository"
    for path, content in served.items():
        (repository / path).parent.mkdir(parents=True, exist_ok=True)
        (repository / path).write_bytes(content)
    pins = "".join(
        f"{path} {hashlib.sha256(content).hexdigest()}\n" for path, content in pinned.items()
    )
    (tmp_path / "jars.lock").write_text(f"# neo4j {neo4j_version()}\n{pins}")
    monkeypatch.setenv("VISOR_MAVEN_REPOSITORY", repository.as_uri())
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no ~/.m2 to copy from
    pom = tmp_path / "pom.xml"
    pom.write_text(POM.read_text())
    return pom


GOOD, OTHER = "org/example/good/1/good-1.jar", "org/example/other/2/other-2-linux.jar"


def test_the_lock_pins_the_jars_of_the_poms_neo4j() -> None:
    jars = read_lock(neo4j_version())
    assert jars is not None and len(jars) > 100
    assert any(jar.name == f"neo4j-{neo4j_version()}.jar" for jar in jars)


def test_locked_jars_are_fetched_by_their_file_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jars = {GOOD: b"good", OTHER: b"other"}
    pom = locked_repository(tmp_path, monkeypatch, served=jars, pinned=jars)
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools-here"))  # and no Maven
    lib = ensure_jars(tmp_path / "cache", pom=pom)
    assert sorted(p.name for p in lib.iterdir()) == [".complete", "good-1.jar", "other-2-linux.jar"]
    assert (lib / "other-2-linux.jar").read_bytes() == b"other"


def test_a_jar_that_is_not_the_locked_one_is_refused_and_nothing_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pom = locked_repository(
        tmp_path,
        monkeypatch,
        served={GOOD: b"good", OTHER: b"tampered"},
        pinned={GOOD: b"good", OTHER: b"other"},
    )
    with pytest.raises(
        LocalServerError,
        match=r"refusing a Neo4j jar: .*other-2-linux\.jar has SHA-256 [0-9a-f]{64}, not",
    ) as info:
        ensure_jars(tmp_path / "cache", pom=pom)
    assert "\n" not in str(info.value)
    assert os.listdir(tmp_path / "cache" / neo4j_version()) == []


def test_cached_jars_are_reused_without_maven(
    tmp_path: Path, neo4j_jars: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    (cache / neo4j_version()).mkdir(parents=True)
    (cache / neo4j_version() / "lib").symlink_to(neo4j_jars)
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools-here"))
    assert ensure_jars(cache) == cache / neo4j_version() / "lib"
