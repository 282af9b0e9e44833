"""GraphiQL that works offline and under the page's strict CSP.

strawberry's GraphiQL template loads React, GraphiQL and its explorer plugin from unpkg, with
integrity hashes, and carries an inline style and script. Here the same template points at the
exact same files, copied from npm into the web build (web/build.mjs: /app/vendor/<pkg>@<version>/),
its integrity hashes untouched: a strawberry upgrade that changes a pin finds no file, or a
file whose hash does not match, and the browser test of GraphiQL fails. The inline style and
script move, unchanged, to /app/graphiql/page.css and /app/graphiql/page.js."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from strawberry.http.ides import get_graphql_ide_html

UNPKG = "https://unpkg.com/"
VENDOR = "/app/vendor/"
STYLE_PATH = "/app/graphiql/page.css"
SCRIPT_PATH = "/app/graphiql/page.js"

_ICON = re.compile(r'<link\s+rel="icon"[^>]*/>', re.S)
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


@dataclass(frozen=True)
class GraphiQLPage:
    html: str
    style: str
    script: str


@cache
def graphiql_page() -> GraphiQLPage:
    """strawberry's template, rewritten once: unpkg URLs to the vendored copies, the inline
    style and script to files of their own, and the inline SVG icon (a data: URL) dropped."""
    template = get_graphql_ide_html(graphql_ide="graphiql")
    style = _STYLE.search(template)
    script = _INLINE_SCRIPT.search(template)
    if style is None or script is None or UNPKG not in template:
        raise RuntimeError("strawberry's GraphiQL template changed: visor/graphiql_page.py")
    html = _ICON.sub("", template, count=1)
    html = html.replace(style.group(0), f'<link rel="stylesheet" href="{STYLE_PATH}" />')
    html = html.replace(script.group(0), f'<script src="{SCRIPT_PATH}"></script>')
    return GraphiQLPage(
        html=html.replace(UNPKG, VENDOR), style=style.group(1), script=script.group(1)
    )
