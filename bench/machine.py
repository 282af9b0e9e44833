"""What a set of figures was measured on: hardware, software and the commit."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path
from typing import Any

from graph.neo4j_jars import LocalServerError, find_java, java_major_version


def describe_machine(neo4j_agent: str) -> dict[str, Any]:
    """`neo4j_agent` is what the server reports of itself (e.g. "Neo4j/5.26.0")."""
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gb": _memory_gb(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "java": _java(),
        "neo4j": neo4j_agent.removeprefix("Neo4j/"),
        "commit": _commit(),
    }


def summary_line(machine: dict[str, Any]) -> str:
    return (
        f"{machine['cores']} cores ({machine['cpu']}), {machine['memory_gb']} GB, "
        f"{machine['os']}, Python {machine['python']}, Java {machine['java']}, "
        f"Neo4j {machine['neo4j']}, commit {machine['commit']}"
    )


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _java() -> str:
    try:
        return str(java_major_version(find_java()))
    except LocalServerError:
        return "none"


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).parent,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()
