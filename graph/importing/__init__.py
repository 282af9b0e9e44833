"""Bulk import: reading rows from CSV or JSON Lines files, the entities a row may be, state
lookups for validation in batches, and the batched `UNWIND` writes (docs/IMPORT.md)."""
