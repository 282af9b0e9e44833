"""What an answer of /graphql must never be, for the fuzzers (bench/fuzz.py,
bench/hostile_http.py): a 5xx, a trace, something other than a JSON object, or an error without
`extensions.code` or masked as internal; and the hypothesis settings both fuzzers run under."""

from __future__ import annotations

import json

from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

TRACE_MARKS = ("Traceback (most recent call last)", 'File "/')


def problem(status: int, text: str) -> str | None:
    """Why an answer breaks the rules, or None."""
    if status >= 500:
        return f"HTTP {status}"
    if any(mark in text for mark in TRACE_MARKS):
        return "a trace in the body"
    try:
        body = json.loads(text)
    except ValueError:
        return "not JSON"
    if not isinstance(body, dict):
        return "not a JSON object"
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("code") if isinstance(error, dict) else None
        if not code:
            return "an error without extensions.code"
        if code == "INTERNAL_SERVER_ERROR" or error.get("message") == "Unexpected error.":
            return f"a masked internal error ({code})"
    return None


def fuzz_settings(examples: int, random_seed: int | None) -> hypothesis_settings:
    """`examples` examples, no example database, no deadline and no health check; derandomized
    unless the caller seeds hypothesis itself (`random_seed`)."""
    return hypothesis_settings(
        max_examples=examples,
        derandomize=random_seed is None,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
