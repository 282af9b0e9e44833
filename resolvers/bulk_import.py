"""Bulk import of a CSV or JSON Lines file (docs/IMPORT.md): validation of every row before
any write, and the batched write transactions, each with its audit event. Who may import and
the checks against the graph are in resolvers/import_checks.py, a row's field rules in
resolvers/import_rows.py.

The file is streamed, never read whole; it is read in passes:

1. every row's fields (resolvers/import_rows.py), and the keys the file defines: its nominals'
   visorRefs and its source ids, as 8-byte digests (graph/importing/keys.py), and for each civil
   order its line and its nominal's digest (what is held grows with the file by these alone);
2. against the graph, in batches: the nominal rows first, then the other rows, breaches last
   (codes and areas exist, each referred nominal is in the file or the register and the importer
   may write to it, a source id already imported is the same kind of thing about the same
   nominal, a breach's order is a civil order of the same nominal in the file or imported
   before);
3. writing, when no row is bad (or with `skip_invalid`, skipping the bad ones): nominal rows
   first, then the rest, breaches last (they may breach a civil order of the file), `batch_size`
   rows per write transaction.

Each write transaction holds its rows' changes, their provenance (ENTERED_BY the importing
officer, ON_BEHALF_OF the importing agency, `sourceFile` and `sourceLine`) and, when it changed
anything, one audit event (COLLECT when it created something, ALTER otherwise) concerning the
nominals it touched. Writes merge on source keys, so an import cut off midway is completed by
running it again.
"""

from __future__ import annotations

import datetime
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.audit_chain import append_event
from graph.db import CountingTx, Database
from graph.importing import writer as writes
from graph.importing.entities import (
    ADDRESS,
    ALIAS,
    ASSOCIATION,
    BREACH,
    CIVIL_ORDER,
    KEYED_BY_SOURCE_ID,
    NOMINAL,
    ImportRow,
    Provenance,
    is_record,
)
from graph.importing.keys import KeySet, digest
from graph.importing.reading import RowProblem, RowReader, format_of
from graph.models.enums import AuditAction
from graph.queries.records import RECORD_KIND_LABELS
from resolvers.errors import BadUserInput, Conflict
from resolvers.import_checks import Importer, check_batch, load_importer
from resolvers.import_rows import RowError, check_row

DEFAULT_BATCH_SIZE = 1000
"""Rows per write transaction: the measured best (bench/ingest.py, README "Figures")."""
MAX_BATCH_SIZE = 20_000
KEPT_ERRORS = 1000
"""Errors kept in the report; every one is passed to `on_error` as it is found."""

Progress = Callable[[str, int, int], None]


@dataclass
class ImportReport:
    file: str
    rows: int = 0
    invalid_rows: int = 0
    written_rows: int = 0
    batches: int = 0
    changed_batches: int = 0
    seconds: float = 0.0
    dry_run: bool = False
    wrote: bool = False
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[RowError] = field(default_factory=list)


NOMINALS_FIRST, RECORDS_AND_THE_REST, BREACHES_LAST = PHASES = (0, 1, 2)
"""The passes over the rows, in order: nominal rows, then the rest but breaches, then breaches
(so the civil orders a breach breaches are checked and written before it)."""


def _phase(entity: object) -> int:
    if entity == NOMINAL:
        return NOMINALS_FIRST
    return BREACHES_LAST if entity == BREACH else RECORDS_AND_THE_REST


def _key(row: ImportRow) -> tuple[str, int] | None:
    """(field, digest) of the key a row defines in the file, if any."""
    if row.entity == NOMINAL:
        return "visorRef", digest(NOMINAL, row.visor_ref)
    if row.entity in KEYED_BY_SOURCE_ID:
        namespace = "Record" if is_record(row.entity) else row.entity
        return "sourceId", digest(namespace, str(row.source_id))
    return None


class _Run:
    """One import: the file's passes and what they learn."""

    def __init__(
        self,
        db: Database,
        importer: Importer,
        path: Path,
        fmt: str,
        report: ImportReport,
        on_error: Callable[[RowError], None],
        progress: Progress,
        batch_size: int,
    ) -> None:
        self.db, self.importer, self.path, self.fmt = db, importer, path, fmt
        self.report, self.on_error, self.progress = report, on_error, progress
        self.batch_size = batch_size
        self.bad_lines: set[int] = set()
        self.nominals = KeySet()
        self.keys = KeySet()
        self.duplicates: set[int] = set()
        self.first_lines: dict[int, int] = {}
        self.failed_nominals: set[str] = set()
        self.orders: dict[int, tuple[int, int]] = {}
        """The file's civil orders: source id digest → (line, digest of the nominal's visorRef)."""
        self.nominal_rows = 0
        self.other_rows = 0
        self.valid_rows = 0

    def error(self, error: RowError) -> None:
        if error.line not in self.bad_lines:
            self.report.invalid_rows += 1
        self.bad_lines.add(error.line)
        if len(self.report.errors) < KEPT_ERRORS:
            self.report.errors.append(error)
        self.on_error(error)

    def rows(self, *, phase: int) -> Iterator[ImportRow]:
        """The rows that passed so far, of one phase (_phase), in file order."""
        for item in RowReader(self.path, self.fmt):
            if isinstance(item, RowProblem) or item.line in self.bad_lines:
                continue
            if _phase(item.values.get("entity")) != phase:
                continue
            checked = check_row(item, clearance=self.importer.clearance)
            if isinstance(checked, ImportRow):
                yield checked

    def batches(self, *, phase: int) -> Iterator[list[ImportRow]]:
        batch: list[ImportRow] = []
        for row in self.unique_rows(phase=phase):
            batch.append(row)
            if len(batch) >= self.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    # pass 1 ---------------------------------------------------------------------------------

    def check_fields(self) -> None:
        reader = RowReader(self.path, self.fmt)
        for item in reader:
            self.report.rows += 1
            self.progress("checking file", reader.bytes_read, max(reader.size, 1))
            if isinstance(item, RowProblem):
                self.error(RowError(item.line, item.field, item.reason))
                continue
            checked = check_row(item, clearance=self.importer.clearance)
            if not isinstance(checked, ImportRow):
                for problem in checked:
                    self.error(problem)
                continue
            key = _key(checked)
            if checked.entity == NOMINAL:
                self.nominal_rows += 1
            else:
                self.other_rows += 1
            if key is not None:
                (self.nominals if checked.entity == NOMINAL else self.keys).add(key[1])
            if checked.entity == CIVIL_ORDER and key is not None:
                self.orders.setdefault(key[1], (checked.line, digest(NOMINAL, checked.visor_ref)))
        size = max(reader.size, 1)
        if reader.bytes_read < size:  # trailing blank lines: the bar still ends at 100%
            self.progress("checking file", size, size)
        self.duplicates = self.nominals.seal() | self.keys.seal()

    def in_file(self, ref: str) -> bool:
        """Whether the file defines the nominal `ref` (in a row found good so far)."""
        return digest(NOMINAL, ref) in self.nominals and ref not in self.failed_nominals

    def order_in_file(self, source_id: str) -> int | None:
        """The digest of the nominal (visorRef) of the civil order `source_id` the file defines
        in a row found good so far; None if it defines none."""
        found = self.orders.get(digest("Record", source_id))
        if found is None or found[0] in self.bad_lines:
            return None
        return found[1]

    def unique_rows(self, *, phase: int) -> Iterator[ImportRow]:
        """rows(), the second and later rows of a key given more than once reported."""
        for row in self.rows(phase=phase):
            key = _key(row)
            if key is not None and key[1] in self.duplicates:
                first = self.first_lines.setdefault(key[1], row.line)
                if first != row.line:
                    self.error(RowError(row.line, key[0], f"already given on line {first}"))
                    continue
            yield row

    # pass 2 ---------------------------------------------------------------------------------

    async def check_graph(self) -> None:
        total, done = self.nominal_rows + self.other_rows, 0
        for phase in PHASES:
            for batch in self.batches(phase=phase):
                problems = await check_batch(
                    self.db,
                    batch,
                    importer=self.importer,
                    in_file=self.in_file,
                    order_in_file=self.order_in_file,
                )
                for problem in problems:
                    self.error(problem)
                self.valid_rows += sum(1 for row in batch if row.line not in self.bad_lines)
                if phase == NOMINALS_FIRST:
                    for row in batch:
                        if row.line in self.bad_lines:
                            self.failed_nominals.add(row.visor_ref)
                done += len(batch)
                self.progress("checking graph", done, max(total, 1))

    # pass 3 ---------------------------------------------------------------------------------

    async def write(self) -> None:
        prov = Provenance(
            officer_uid=self.importer.officer_uid,
            agency_uid=self.importer.agency_uid,
            agency_code=self.importer.agency_code,
            source_file=self.path.name,
        )
        total = self.valid_rows
        done = 0
        async for batch, outcome in self._write_batches(prov):
            done += len(batch)
            self.report.batches += 1
            self.report.written_rows += len(batch)
            self.report.counts.update(outcome.counts)
            if outcome.changed:
                self.report.changed_batches += 1
                self.report.wrote = True
            self.progress("importing", done, max(total, done, 1))

    async def _write_batches(
        self, prov: Provenance
    ) -> AsyncIterator[tuple[list[ImportRow], writes.Outcome]]:
        for phase in PHASES:
            for batch in self.batches(phase=phase):
                yield batch, await self._write_in_tx(batch, prov)

    async def _write_in_tx(self, batch: list[ImportRow], prov: Provenance) -> writes.Outcome:
        async def work(tx: CountingTx) -> writes.Outcome:
            return await self._write_batch(tx, batch, prov)

        try:
            return await self.db.write_tx(work)
        except writes.ImportWriteError as exc:
            raise Conflict(f"lines {batch[0].line}-{batch[-1].line}: {exc}") from None

    async def _write_batch(
        self, tx: CountingTx, batch: list[ImportRow], prov: Provenance
    ) -> writes.Outcome:
        await writes.lock_audit_chain(tx)
        now = datetime.datetime.now(datetime.UTC)
        out = writes.Outcome()
        grouped = writes.by_entity(batch)
        if NOMINAL in grouped:
            await writes.write_nominals(tx, grouped[NOMINAL], prov, now, out)
        if ALIAS in grouped:
            await writes.write_aliases(tx, grouped[ALIAS], now, out)
        if ADDRESS in grouped:
            await writes.write_residences(tx, grouped[ADDRESS], prov, out)
        for kind in RECORD_KIND_LABELS:
            if kind in grouped:
                await writes.write_records(tx, kind, grouped[kind], prov, now, out)
        if ASSOCIATION in grouped:
            await writes.write_associations(tx, grouped[ASSOCIATION], prov, out)
        if out.changed:
            action = AuditAction.COLLECT if out.created else AuditAction.ALTER
            await append_event(
                tx,
                action=action.value,
                officer_uid=prov.officer_uid,
                nominal_uids=sorted(out.nominal_uids),
                purpose=f"import {prov.source_file}, lines {batch[0].line}-{batch[-1].line}",
            )
        return out


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


async def import_file(
    *,
    db: Database,
    path: Path,
    agency_code: str,
    staff_id: str,
    fmt: str | None = None,
    dry_run: bool = False,
    skip_invalid: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_error: Callable[[RowError], None] = lambda _: None,
    progress: Progress = _no_progress,
) -> ImportReport:
    """Imports `path` for the agency `agency_code`, entered by the officer `staff_id`.

    Raises NotFound or Forbidden (nothing read, nothing written) when the agency or the officer
    is unknown, the officer is inactive, not a member of the agency or not a practitioner or
    supervisor; BadUserInput for a format that cannot be told or a batch size out of range.
    Every bad row goes to `on_error` and the report; with any bad row nothing is written unless
    `skip_invalid`; with `dry_run` nothing is written at all. CONFLICT when a batch finds the
    graph changed since validation (that batch is rolled back; running the import again
    completes it).
    """
    if not 1 <= batch_size <= MAX_BATCH_SIZE:
        raise BadUserInput(
            f"batch size: between 1 and {MAX_BATCH_SIZE}, got {batch_size}", field="batchSize"
        )
    try:
        file_format = format_of(path, fmt)
    except ValueError as exc:
        raise BadUserInput(str(exc), field="format") from None
    started = time.monotonic()
    importer = await load_importer(db=db, agency_code=agency_code, staff_id=staff_id)
    report = ImportReport(file=str(path), dry_run=dry_run)
    run = _Run(db, importer, path, file_format, report, on_error, progress, batch_size)
    run.check_fields()
    await run.check_graph()
    if not dry_run and (not run.bad_lines or skip_invalid):
        await run.write()
    report.seconds = time.monotonic() - started
    return report
