"""Deterministic demo data: a seeded generator of nominals, officers, addresses, records and
transfers, written in `UNWIND $rows` batches.

`load_demo(db, nominals=..., seed=...)` loads the reference data and then the demo world into a
graph that holds no Nominal nodes yet (else `DemoError`).
"""

from graph.demo._loader import DemoError, DemoReport, Progress, load_demo

__all__ = ["DemoError", "DemoReport", "Progress", "load_demo"]
