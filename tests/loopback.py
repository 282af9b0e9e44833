"""Requests to the served app over real HTTP on loopback, sharing one TLS context.

httpx builds a TLS context for every top-level call, loading the CA bundle (17 ms on a quiet
machine, 50 ms on a busy one: more than many tests take), although these URLs are plain http.
"""

from __future__ import annotations

import ssl
from typing import Any

import httpx

TLS_CONTEXT = ssl.create_default_context()


def post(url: str, **options: Any) -> httpx.Response:
    return httpx.post(url, verify=TLS_CONTEXT, **options)


def get(url: str, **options: Any) -> httpx.Response:
    return httpx.get(url, verify=TLS_CONTEXT, **options)
