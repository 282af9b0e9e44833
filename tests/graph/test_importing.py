"""Reading import files (graph/importing/reading.py) and the compact key set (keys.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.importing.keys import KeySet, digest
from graph.importing.reading import RowProblem, RowReader, SourceRow, format_of


def read(path: Path, content: bytes, fmt: str) -> list[SourceRow | RowProblem]:
    path.write_bytes(content)
    return list(RowReader(path, fmt))


def test_csv_rows_carry_the_line_they_start_on(tmp_path: Path) -> None:
    content = (
        b'\xef\xbb\xbfentity,text,summary\r\nNote,"two\nlines",\n\nNote,third,s\n'
        b'Note,"caf\xc3\xa9",\n'
    )
    rows = read(tmp_path / "a.csv", content, "csv")
    assert rows == [
        SourceRow(2, {"entity": "Note", "text": "two\nlines"}),
        SourceRow(5, {"entity": "Note", "text": "third", "summary": "s"}),
        SourceRow(6, {"entity": "Note", "text": "café"}),
    ]


def test_a_bad_line_is_reported_and_reading_goes_on(tmp_path: Path) -> None:
    csv_rows = read(tmp_path / "b.csv", b"entity,text\nNote,caf\xe9\nNote,fine\n", "csv")
    assert csv_rows == [
        RowProblem(2, "-", "not UTF-8 text (byte 9)"),
        SourceRow(3, {"entity": "Note", "text": "fine"}),
    ]
    json_rows = read(
        tmp_path / "b.jsonl", b'{"entity": "Note"}\n\n{oops\n{"entity": null, "x": 1}\n', "jsonl"
    )
    assert json_rows[0] == SourceRow(1, {"entity": "Note"})
    assert isinstance(json_rows[1], RowProblem) and json_rows[1].line == 3
    assert json_rows[2] == SourceRow(4, {"x": 1})


def test_a_runaway_line_is_refused_without_being_held(tmp_path: Path) -> None:
    huge = b'{"entity": "Note", "text": "' + b"x" * 1_100_000 + b'"}\n{"entity": "Note"}\n'
    rows = read(tmp_path / "c.jsonl", huge, "jsonl")
    assert rows[0] == RowProblem(1, "-", "line longer than 1000000 bytes")
    assert rows[1] == SourceRow(2, {"entity": "Note"})


def test_the_format_comes_from_the_option_or_the_extension() -> None:
    assert format_of(Path("x.CSV"), None) == "csv"
    assert format_of(Path("x.ndjson"), None) == "jsonl"
    assert format_of(Path("x.txt"), "jsonl") == "jsonl"
    with pytest.raises(ValueError, match="--format"):
        format_of(Path("x.txt"), None)
    with pytest.raises(ValueError, match="--format"):
        format_of(Path("x.csv"), "xml")


def test_a_key_set_finds_keys_given_twice() -> None:
    keys = KeySet()
    for key in ("a", "b", "c", "b"):
        keys.add(digest("Record", key))
    assert keys.seal() == {digest("Record", "b")}
    assert digest("Record", "c") in keys and digest("Record", "d") not in keys
    assert digest("Address", "c") not in keys
    assert keys.bytes == 4 * 8
