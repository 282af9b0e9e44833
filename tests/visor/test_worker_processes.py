"""The socket `visor serve --workers N` listens on hands out connections with Nagle's algorithm
off (visor/worker_processes.py), where uvicorn's own leaves it on (Kludex/uvicorn#3149): real
sockets, accepted by asyncio as a worker accepts them."""

from __future__ import annotations

import asyncio
import socket

import pytest
import uvicorn

from visor.worker_processes import TcpSocketConfig


async def nodelay_of_an_accepted_socket(listener: socket.socket) -> int:
    loop = asyncio.get_running_loop()
    seen: asyncio.Future[int] = loop.create_future()

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            accepted = transport.get_extra_info("socket")
            seen.set_result(accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    server = await loop.create_server(Probe, sock=listener)
    try:
        _, writer = await asyncio.open_connection(*listener.getsockname()[:2])
        writer.close()
        return await asyncio.wait_for(seen, 10)
    finally:
        server.close()
        await server.wait_closed()


@pytest.mark.parametrize(
    ("config_class", "nagle_off"), [(TcpSocketConfig, True), (uvicorn.Config, False)]
)
async def test_the_workers_listener_turns_nagle_off(
    config_class: type[uvicorn.Config], nagle_off: bool
) -> None:
    config = config_class("visor.app:app_from_environment", host="127.0.0.1", port=0, workers=2)
    listener = config.bind_socket()
    # uvicorn's own socket is the control: once uvicorn sets the protocol itself, this case
    # fails, and visor/worker_processes.py can go.
    assert bool(await nodelay_of_an_accepted_socket(listener)) is nagle_off
