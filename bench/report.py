"""The README's figures table, rewritten from a suite run between two marker comments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.machine import summary_line

START = "<!-- bench-figures:start -->"
END = "<!-- bench-figures:end -->"


class ReadmeMarkersMissing(Exception):
    pass


def figures_table(figures: dict[str, Any], rows: list[tuple[str, str]]) -> str:
    machine = figures["machine"]
    day = figures["measured_at"][:10]
    lines = [
        f"Measured by `python -m bench` on {day}: {summary_line(machine)}.",
        "",
        "| what | figure |",
        "| --- | --- |",
        *(f"| {what} | {figure} |" for what, figure in rows),
    ]
    return "\n".join(lines)


def update_readme(readme: Path, figures: dict[str, Any], rows: list[tuple[str, str]]) -> None:
    text = readme.read_text()
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise ReadmeMarkersMissing(f"{readme}: no {START} … {END} section to rewrite")
    table = figures_table(figures, rows)
    readme.write_text(text[: start + len(START)] + "\n" + table + "\n" + text[end:])
