from __future__ import annotations

import io

from visor.progress import ProgressLine


def test_a_non_interactive_stream_gets_one_line_per_tenth_and_the_end() -> None:
    out = io.StringIO()
    progress = ProgressLine(out, min_interval=0.0)
    for done in range(0, 101, 5):
        progress("nominals", done, 100)
    lines = out.getvalue().splitlines()
    assert [line.split()[2] for line in lines] == [f"{d}/100" for d in range(0, 101, 10)]
    assert lines[-1].startswith("nominals") and "100.0%" in lines[-1]
    assert lines[-1].endswith("/s")


def test_each_stage_reports_separately() -> None:
    out = io.StringIO()
    progress = ProgressLine(out, min_interval=0.0)
    progress("officers", 10, 10)
    progress("nominals", 50, 50)
    stages = [line.split()[0] for line in out.getvalue().splitlines()]
    assert stages == ["officers", "nominals"]
