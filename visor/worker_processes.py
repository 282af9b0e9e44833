"""`visor serve --workers N`: uvicorn's supervisor of N worker processes, on a listening socket
that keeps Nagle's algorithm off.

uvicorn binds the socket the workers share with its protocol number left at 0; the sockets
accepted from it inherit that, and asyncio turns TCP_NODELAY on only for sockets that say
IPPROTO_TCP (Kludex/uvicorn#3149). Every answer on a kept-alive connection after the first then
waited for the client's delayed ACK: about 45 ms, on `{ __typename }` as on a record view.
"""

from __future__ import annotations

import socket
from typing import Any

import uvicorn
from uvicorn.supervisors import Multiprocess


class TcpSocketConfig(uvicorn.Config):
    """uvicorn's configuration, binding a socket that says it is TCP."""

    def bind_socket(self) -> socket.socket:
        bound = super().bind_socket()
        if bound.family not in (socket.AF_INET, socket.AF_INET6):
            return bound
        # The same descriptor, as a socket that says which protocol it is.
        return socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, bound.detach())


def serve_workers(app: str, *, host: str, port: int, workers: int, **options: Any) -> None:
    """What `uvicorn.run(app, workers=workers, ...)` does, on a TCP_NODELAY socket. `app` is an
    import string (each worker imports it)."""
    config = TcpSocketConfig(app, host=host, port=port, workers=workers, **options)
    listening = config.bind_socket()
    try:
        Multiprocess(config, sockets=[listening]).run()
    except KeyboardInterrupt:
        pass
    finally:
        listening.close()
