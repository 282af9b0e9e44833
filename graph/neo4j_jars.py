"""Finding a Java that runs Neo4j 5.26, and the Neo4j Community jars.

The jars are fetched once into a cache under VISOR_HOME: the ones `jars.lock` pins, in parallel
(graph/jars_lock.py), or, when the lock is for another version or the repository cannot be
reached, as Maven resolves the pom beside this module (Maven's ~/.m2 caches its downloads).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from graph.jars_lock import (
    LOCK,
    POM,
    JarFetchError,
    JarHashError,
    fetch_jars,
    maven_repository,
    read_lock,
)

SUPPORTED_JAVA = (17, 21)
_COMPLETE_MARKER = ".complete"


class LocalServerError(RuntimeError):
    """The local Neo4j cannot be resolved, started or stopped; the message is one line."""


def neo4j_version(pom: Path = POM) -> str:
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    version = ET.parse(pom).getroot().find("m:properties/m:neo4j.version", ns)
    if version is None or not version.text:
        raise LocalServerError(f"{pom}: no <neo4j.version> property")
    return version.text.strip()


def find_java() -> Path:
    """A `java` of a version Neo4j 5.26 supports: $JAVA_HOME/bin/java first, then PATH."""
    java_home = os.environ.get("JAVA_HOME")
    candidate = Path(java_home) / "bin" / "java" if java_home else None
    if candidate is None or not candidate.exists():
        found = shutil.which("java")
        if found is None:
            raise LocalServerError(
                "Java 17 or 21 is required to run the local Neo4j, and no `java` is on PATH "
                "(install OpenJDK 17, or set NEO4J_URI to use another Neo4j)"
            )
        candidate = Path(found)
    major = java_major_version(candidate)
    if major not in SUPPORTED_JAVA:
        raise LocalServerError(
            f"Neo4j 5.26 runs on Java 17 or 21, but {candidate} is Java {major} "
            "(set JAVA_HOME to a Java 17 or 21 installation)"
        )
    return candidate


def java_major_version(java: Path) -> int:
    out = subprocess.run(
        [str(java), "-version"], capture_output=True, text=True, check=False, timeout=60
    )
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if match is None:
        raise LocalServerError(f"cannot tell the version of {java}: {out.stderr.strip()[:200]}")
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def ensure_jars(
    cache_dir: Path, *, pom: Path = POM, say: Callable[[str], None] = lambda _: None
) -> Path:
    """The directory holding the Neo4j jars, fetching them the first time.

    The copy goes to a temporary sibling directory that is renamed into place when complete, so
    an interrupted download never leaves a half-filled cache behind.
    """
    version = neo4j_version(pom)
    lib = cache_dir / version / "lib"
    if (lib / _COMPLETE_MARKER).exists():
        return lib
    lib.parent.mkdir(parents=True, exist_ok=True)
    locked = read_lock(version, pom.parent / LOCK.name)
    if locked is not None:
        staging = Path(tempfile.mkdtemp(prefix="lib-", dir=lib.parent))
        repository = maven_repository()
        say(f"fetching the {len(locked)} Neo4j {version} jars from {repository} into {lib} ...")
        try:
            fetch_jars(locked, staging, repository)
            return _complete(staging, lib, version)
        except JarHashError as error:
            raise LocalServerError(f"refusing a Neo4j jar: {error}") from error
        except JarFetchError as error:
            say(f"could not fetch a jar ({error}); resolving with Maven instead")
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return _resolve_with_maven(pom, lib, version, say)


def _resolve_with_maven(pom: Path, lib: Path, version: str, say: Callable[[str], None]) -> Path:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise LocalServerError(
            "Maven (`mvn`) is required to fetch the Neo4j jars the first time, and none is on "
            "PATH (install Maven, or set NEO4J_URI to use another Neo4j)"
        )
    staging = Path(tempfile.mkdtemp(prefix="lib-", dir=lib.parent))
    say(f"resolving Neo4j {version} jars with Maven into {lib} ...")
    result = subprocess.run(
        [
            mvn,
            "-B",
            "-q",
            "-f",
            str(pom),
            "dependency:copy-dependencies",
            "-DincludeScope=runtime",
            f"-DoutputDirectory={staging}",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    if result.returncode != 0 or not any(staging.glob("neo4j-*.jar")):
        shutil.rmtree(staging, ignore_errors=True)
        detail = _last_error_line(result.stdout + result.stderr)
        raise LocalServerError(f"could not resolve the Neo4j jars with Maven: {detail}")
    return _complete(staging, lib, version)


def _complete(staging: Path, lib: Path, version: str) -> Path:
    (staging / _COMPLETE_MARKER).write_text(version + "\n")
    if lib.exists():
        shutil.rmtree(lib)
    staging.rename(lib)
    return lib


def _last_error_line(output: str) -> str:
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line).strip() for line in output.splitlines()]
    lines = [line for line in lines if line]
    errors = [line for line in lines if "ERROR" in line]
    if errors:
        return errors[0][:300]
    return lines[-1][:300] if lines else "Maven printed nothing"
