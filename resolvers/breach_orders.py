"""The civil order a breach breaches (BREACHES): named exactly when the breach is of an ORDER,
and then a current CivilOrder of the same nominal."""

from __future__ import annotations

from typing import Any

from graph.db import CountingTx
from graph.models.enums import BreachOf
from graph.writes import records as writes
from resolvers.errors import BadUserInput

BREACH = "Breach"
ORDER_FIELD = "input.order"


def check_order(
    kind: str, values: dict[str, Any], order_uid: str | None, *, field: str = ORDER_FIELD
) -> str | None:
    """What can be told before the graph is read: only a breach of an ORDER names an order, and
    such a breach must name one (`field`: where the order is named; the import names it by its
    source id)."""
    if kind != BREACH:
        if order_uid is not None:
            raise BadUserInput(f"{field}: only a breach names an order", field=field)
        return None
    of_order = values.get("breaches") == BreachOf.ORDER.value
    if of_order and order_uid is None:
        raise BadUserInput(f"{field}: is required when breaches is ORDER", field=field)
    if not of_order and order_uid is not None:
        raise BadUserInput(
            f"{field}: only a breach of an ORDER names an order (breaches is "
            f"{values.get('breaches')})",
            field=field,
        )
    return order_uid


async def resolve_order(tx: CountingTx, *, order_uid: str | None, nominal_uid: str) -> None:
    """BAD_USER_INPUT unless `order_uid` (when given) is a current CivilOrder of the nominal."""
    if order_uid is None:
        return
    if not await writes.civil_order_of(tx, uid=order_uid, nominal_uid=nominal_uid):
        raise BadUserInput(
            f"{ORDER_FIELD}: not a current civil order of the nominal the breach is about",
            field=ORDER_FIELD,
        )


def check_revision(kind: str, old: dict[str, Any], changes: dict[str, Any]) -> None:
    """A revision keeps what a breach breaches: a breach of an ORDER BREACHES its order and one of
    the notification requirements breaches none, and a revision carries the link of the version
    it replaces, so `breaches` may not change (record the other breach with addBreach)."""
    wanted = changes.get("breaches")
    if kind == BREACH and wanted is not None and wanted != old.get("breaches"):
        field = "input.changes.breaches"
        raise BadUserInput(
            f"{field}: a breach of {old.get('breaches')} stays one (its BREACHES link to an "
            "order follows it); record the breach of "
            f"{wanted} with addBreach instead",
            field=field,
        )
