"""The typed request context every field reads."""

from __future__ import annotations

from dataclasses import dataclass

import strawberry

from graph.db import Database
from loaders import Loaders
from resolvers.actor import Actor
from resolvers.errors import Unauthenticated, Unavailable
from resolvers.transfers.feed import TransferFeed
from resolvers.transfers.workflow import DEFAULT_HANDOVER_DAYS
from visor.settings import DEFAULT_RISK_REVIEW_DAYS


@dataclass
class Context:
    db: Database
    loaders: Loaders
    actor: Actor | None
    auth_error: str | None
    """Why there is no actor: the reason reported as UNAUTHENTICATED."""
    purpose: str | None
    """The X-Visor-Purpose header, used when a field is given no `purpose` argument."""
    connection_params: dict[str, object] | None = None
    """A WebSocket's `connection_init` payload (strawberry sets it)."""
    transfer_handover_days: int = DEFAULT_HANDOVER_DAYS
    """VISOR_TRANSFER_HANDOVER_DAYS, for acceptTransfer."""
    risk_review_days: tuple[tuple[str, int], ...] = DEFAULT_RISK_REVIEW_DAYS
    """VISOR_RISK_REVIEW_DAYS (days a risk assessment stays current, by level), for dataQuality."""
    transfer_feed: TransferFeed | None = None
    """This process's tail of transfer steps, for subscriptions (visor/app.py's lifespan)."""

    def require_actor(self) -> Actor:
        if self.actor is None:
            raise Unauthenticated(self.auth_error or "a bearer token is required")
        return self.actor

    def require_transfer_feed(self) -> TransferFeed:
        if self.transfer_feed is None:
            raise Unavailable("live transfer events are not served by this process")
        return self.transfer_feed


Info = strawberry.Info[Context, None]
