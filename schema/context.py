"""The typed request context every field reads."""

from __future__ import annotations

from dataclasses import dataclass

import strawberry

from graph.db import Database
from loaders import Loaders
from resolvers.actor import Actor
from resolvers.errors import Unauthenticated


@dataclass
class Context:
    db: Database
    loaders: Loaders
    actor: Actor | None
    auth_error: str | None
    """Why there is no actor: the reason reported as UNAUTHENTICATED."""
    purpose: str | None
    """The X-Visor-Purpose header, used when a field is given no `purpose` argument."""

    def require_actor(self) -> Actor:
        if self.actor is None:
            raise Unauthenticated(self.auth_error or "a bearer token is required")
        return self.actor


Info = strawberry.Info[Context, None]
