"""Moved to visor.serving; kept while work in progress still imports it."""

from visor.serving import free_port, serving

__all__ = ["free_port", "serving"]
