"""Composition root: settings, token verification, request context, the ASGI app and the CLI."""
