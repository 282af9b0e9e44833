"""Reading an import file as a stream of rows: CSV with a header line, or JSON Lines.

Nothing here holds the file: rows are yielded one at a time with the line they start on, and a
problem with one row (bad encoding, bad JSON, a row longer than the header) is yielded as a
`RowProblem` for that line while reading goes on. A problem with the whole file (it cannot be
opened, it has no header) is a `RowProblem` on line 0 or 1 and ends the stream.

A CSV cell left empty and a JSON value `null` both mean "not given". CSV cells are strings; JSON
values keep their JSON types.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMATS = ("csv", "jsonl")
_EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
ENTITY_FIELD = "entity"
MAX_LINE_BYTES = 1_000_000
"""A longer physical line is refused (a runaway quote or a binary file), not buffered."""


@dataclass(frozen=True)
class SourceRow:
    line: int
    values: dict[str, Any]
    """Given values only: empty cells and nulls are left out."""


@dataclass(frozen=True)
class RowProblem:
    line: int
    field: str
    reason: str


Item = SourceRow | RowProblem


def format_of(path: Path, given: str | None) -> str:
    """The format named, or the one the file's extension implies; ValueError otherwise."""
    if given is not None:
        if given not in FORMATS:
            raise ValueError(f"--format: expected one of {', '.join(FORMATS)}, got {given!r}")
        return given
    found = _EXTENSIONS.get(path.suffix.lower())
    if found is None:
        raise ValueError(
            f"--format: cannot tell the format of {path.name} from its extension "
            "(.csv, .jsonl); give --format csv or --format jsonl"
        )
    return found


class _Lines:
    """The file's physical lines decoded as UTF-8 one by one, counting lines and bytes; a line
    that is not UTF-8 is noted (and decoded with replacement characters so reading goes on)."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle
        self.number = 0
        self.bytes_read = 0
        self.bad_lines: dict[int, str] = {}

    def __iter__(self) -> Iterator[str]:
        while True:
            raw: bytes = self.handle.readline(MAX_LINE_BYTES + 1)
            if not raw:
                return
            self.number += 1
            self.bytes_read += len(raw)
            if len(raw) > MAX_LINE_BYTES:
                self.bad_lines[self.number] = f"line longer than {MAX_LINE_BYTES} bytes"
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                    raw = self.handle.readline(MAX_LINE_BYTES)
                    self.bytes_read += len(raw)
                yield "\n"
                continue
            if self.number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]  # a UTF-8 byte order mark
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                self.bad_lines[self.number] = f"not UTF-8 text (byte {exc.start + 1})"
                yield raw.decode("utf-8", errors="replace")


class RowReader:
    """Iterate to get the rows of `path`; `bytes_read` and `size` tell how far reading is."""

    def __init__(self, path: Path, fmt: str) -> None:
        self.path = path
        self.fmt = fmt
        self.size = 0
        self._lines: _Lines | None = None

    @property
    def bytes_read(self) -> int:
        return 0 if self._lines is None else self._lines.bytes_read

    def __iter__(self) -> Iterator[Item]:
        try:
            handle = self.path.open("rb")
            self.size = self.path.stat().st_size
        except OSError as exc:
            yield RowProblem(0, "file", f"cannot read {self.path}: {exc.strerror or exc}")
            return
        with handle:
            self._lines = _Lines(handle)
            if self.fmt == "csv":
                yield from self._csv(self._lines)
            else:
                yield from self._jsonl(self._lines)

    def _csv(self, lines: _Lines) -> Iterator[Item]:
        reader = csv.reader(lines, strict=True)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            yield RowProblem(1, "header", f"not a CSV header line: {exc}")
            return
        if header is None:
            yield RowProblem(1, "header", "the file is empty: a CSV file starts with a header")
            return
        header = [name.strip() for name in header]
        problem = _header_problem(header, lines.bad_lines.get(1))
        if problem is not None:
            yield RowProblem(1, "header", problem)
            return
        end = reader.line_num
        while True:
            start = end + 1
            try:
                cells = next(reader, None)
            except csv.Error as exc:
                end = reader.line_num
                yield RowProblem(start, "-", f"not a CSV row: {exc}")
                continue
            if cells is None:
                return
            end = reader.line_num
            bad = next(
                (lines.bad_lines[n] for n in range(start, end + 1) if n in lines.bad_lines), None
            )
            if bad is not None:
                yield RowProblem(start, "-", bad)
            elif not cells or cells == [""]:
                continue
            elif len(cells) > len(header):
                yield RowProblem(
                    start, "-", f"{len(cells)} cells but the header names {len(header)} columns"
                )
            else:
                values = {
                    name: cell for name, cell in zip(header, cells, strict=False) if cell != ""
                }
                yield SourceRow(start, values)

    def _jsonl(self, lines: _Lines) -> Iterator[Item]:
        for text in lines:
            number = lines.number
            if number in lines.bad_lines:
                yield RowProblem(number, "-", lines.bad_lines[number])
                continue
            if not text.strip():
                continue
            try:
                parsed = json.loads(text)
            except json.JSONDecodeError as exc:
                yield RowProblem(number, "-", f"not JSON: {exc.msg} at column {exc.colno}")
                continue
            if not isinstance(parsed, dict):
                yield RowProblem(number, "-", "each line must be one JSON object")
                continue
            yield SourceRow(number, {k: v for k, v in parsed.items() if v is not None})


def _header_problem(header: list[str], encoding_problem: str | None) -> str | None:
    if encoding_problem is not None:
        return encoding_problem
    if ENTITY_FIELD not in header:
        return f"no {ENTITY_FIELD!r} column (the header is {','.join(header)!r})"
    if "" in header:
        return "a column without a name"
    duplicates = sorted({name for name in header if header.count(name) > 1})
    if duplicates:
        return f"columns named twice: {', '.join(duplicates)}"
    return None
