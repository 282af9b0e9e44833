"""A progress line on stderr for long work: stage, done/total, percent and rate."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressLine:
    def __init__(self, stream: TextIO = sys.stderr, min_interval: float = 0.2) -> None:
        self.stream = stream
        self.interactive = stream.isatty()
        self.min_interval = min_interval
        self.started = time.monotonic()
        self.last_call = self.started
        self.last_shown = 0.0
        self.stage: str | None = None
        self.decile = -1.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        finished = done >= total
        if stage != self.stage:
            # A stage's first report comes after its first batch: its clock starts where the
            # previous report (or this progress line) left off.
            self.stage, self.started, self.decile = stage, self.last_call, -1.0
        self.last_call = now
        if not finished and now - self.last_shown < self.min_interval:
            return
        self.last_shown = now
        rate = done / max(now - self.started, 1e-9)
        percent = 100.0 * done / total if total else 100.0
        width = 30
        filled = int(width * percent / 100)
        bar = "#" * filled + "-" * (width - filled)
        line = f"{stage:<16} [{bar}] {done}/{total} {percent:5.1f}% {rate:,.0f}/s"
        if self.interactive:
            self.stream.write("\r" + line + ("\n" if finished else ""))
        elif finished or percent // 10 != self.decile:
            self.stream.write(line + "\n")
        self.decile = percent // 10
        self.stream.flush()
