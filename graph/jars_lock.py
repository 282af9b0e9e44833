"""The Neo4j jars pinned by repository path and SHA-256 in `jars.lock`, fetched in parallel.

Maven resolves the pom by fetching some 580 POMs one after another (85 s on a fresh machine);
the lock names the jars that resolution gives, so they download side by side (10 s for 213
jars, 128 MB) and each is checked against its hash. After a change to the pom, rewrite it with

    python -m graph.jars_lock
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

POM = Path(__file__).parent / "neo4j-server" / "pom.xml"
LOCK = POM.parent / "jars.lock"
CENTRAL = "https://repo.maven.apache.org/maven2"
PARALLEL_DOWNLOADS = 8
_HEADER = "# neo4j "


class JarFetchError(RuntimeError):
    """A locked jar could not be fetched (the repository is unreachable or lacks it)."""


class JarHashError(RuntimeError):
    """A fetched jar is not the one the lock pins: never used, whatever else is at hand."""


@dataclass(frozen=True, order=True)
class LockedJar:
    path: str
    """Where the jar lives inside a Maven repository."""
    sha256: str

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


def maven_repository() -> str:
    """The repository the jars come from: VISOR_MAVEN_REPOSITORY (a mirror), or Maven Central."""
    return os.environ.get("VISOR_MAVEN_REPOSITORY", "").strip().rstrip("/") or CENTRAL


def read_lock(version: str, lock: Path = LOCK) -> list[LockedJar] | None:
    """The jars `lock` pins for Neo4j `version`; None when there is no lock or it pins another."""
    if not lock.exists():
        return None
    lines = lock.read_text().splitlines()
    if not lines or lines[0] != _HEADER + version:
        return None
    jars = []
    for line in lines[1:]:
        path, sha256 = line.split()
        jars.append(LockedJar(path, sha256))
    return jars


def fetch_jars(jars: list[LockedJar], into: Path, repository: str) -> None:
    """Each jar into `into` under its own name, from Maven's local repository when it holds
    the same file, else from `repository`. Raises JarHashError or JarFetchError."""
    local = Path.home() / ".m2" / "repository"
    with ThreadPoolExecutor(PARALLEL_DOWNLOADS) as pool:
        list(pool.map(lambda jar: _fetch(jar, into / jar.name, repository, local), jars))


def _fetch(jar: LockedJar, target: Path, repository: str, local: Path) -> None:
    cached = local / jar.path
    if cached.is_file() and _sha256(cached) == jar.sha256:
        shutil.copyfile(cached, target)
        return
    url = f"{repository}/{jar.path}"
    try:
        with urllib.request.urlopen(url, timeout=120) as response, target.open("wb") as out:
            shutil.copyfileobj(response, out, 1 << 20)
    except (urllib.error.URLError, OSError) as error:
        raise JarFetchError(f"{url}: {error}") from error
    found = _sha256(target)
    if found != jar.sha256:
        raise JarHashError(f"{url} has SHA-256 {found}, not the {jar.sha256} that {LOCK.name} pins")


def _sha256(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def write_lock(version: str, pom: Path = POM, lock: Path = LOCK) -> int:
    """Resolves `pom` with Maven and writes the lock of its runtime jars; their number."""
    with tempfile.TemporaryDirectory() as scratch:
        listing = Path(scratch) / "dependencies.txt"
        subprocess.run(
            [
                "mvn",
                "-B",
                "-q",
                "-f",
                str(pom),
                "dependency:list",
                "-DincludeScope=runtime",
                "-DoutputAbsoluteArtifactFilename=true",
                f"-DoutputFile={listing}",
            ],
            check=True,
            timeout=1800,
        )
        files = re.findall(r":(/\S+\.jar)$", listing.read_text(), flags=re.MULTILINE)
    jars = sorted(
        LockedJar(file.split("/repository/", 1)[1], _sha256(Path(file))) for file in files
    )
    lines = [_HEADER + version] + [f"{jar.path} {jar.sha256}" for jar in jars]
    lock.write_text("\n".join(lines) + "\n")
    return len(jars)


def main() -> None:
    from graph.neo4j_jars import neo4j_version

    count = write_lock(neo4j_version())
    print(f"{LOCK}: {count} jars of Neo4j {neo4j_version()}", file=sys.stderr)


if __name__ == "__main__":
    main()
