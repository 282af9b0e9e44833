"""Serving the ASGI app with uvicorn on a free loopback port, in a background thread or in a
process of its own, for tests and benchmarks that talk to it over real HTTP."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import httpx
import uvicorn
from starlette.applications import Starlette


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(app: Starlette, *, timeout: float = 20.0) -> Iterator[str]:
    """Yields the base URL while uvicorn serves `app`; shuts it down afterwards."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on port {port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)


@contextmanager
def serving_process(
    env: dict[str, str], *, workers: int = 1, timeout: float = 60.0
) -> Iterator[str]:
    """Yields the base URL while `visor serve --workers N` runs in a process of its own with
    `env` (its NEO4J_URI and VISOR_SECRET); terminates it afterwards. For tests and benchmarks
    of several processes over one Neo4j."""
    with serve_process(env, workers=workers, timeout=timeout) as (url, _):
        yield url


@contextmanager
def serve_process(
    env: dict[str, str], *, workers: int = 1, timeout: float = 60.0
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """serving_process, also yielding the `visor serve` process (for its pid: with workers,
    uvicorn's supervisor, whose children serve the requests)."""
    port = free_port()
    with ExitStack() as stack:
        log = stack.enter_context(tempfile.TemporaryFile())
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "visor.cli",
                "serve",
                "--port",
                str(port),
                "--workers",
                str(workers),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        stack.callback(process.wait, 20)
        stack.callback(process.terminate)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout
        while not _ready(url):
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(f"visor serve did not come up: {log.read().decode()[-2000:]}")
            time.sleep(0.2)
        yield url, process


def _ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/readyz", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False
