"""The one settings object, read from the environment.

Besides Neo4j, the token keys and the query limits:

- VISOR_CORS_ORIGINS: the front-end origins (comma separated, e.g.
  `https://visor.example.org,http://localhost:5173`) whose pages may call /graphql from a
  browser: answers carry CORS headers for them, and a preflight for /graphql with the
  Authorization, Content-Type and X-Visor-Purpose headers is allowed; their pages may open the
  GraphQL WebSocket too. Empty (the default): no CORS headers at all, so browsers keep pages on
  other origins out. Each origin is `scheme://host[:port]`, without a path; `*` is refused.
- VISOR_MAX_TOKEN_TTL: the longest lifetime `visor token issue --ttl` may give a token
  (default 12h; 3600, 30m, 8h, 7d forms).
- VISOR_TRANSFER_HANDOVER_DAYS: how many days the sending manager stays on as a partner after
  the receiving area accepts a transfer (default 28).
- VISOR_RISK_REVIEW_DAYS: the review period of a risk assessment by its risk level, for the
  minimum standard `risk-assessment-current` (graph/reference/standards.toml): comma-separated
  `LEVEL=DAYS` pairs, e.g. `VERY_HIGH=90,HIGH=90,MEDIUM=180,LOW=365` (the default). Levels left
  out keep their default. An assessment made on day D is due on D + DAYS, breached the day after.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

Environment = Literal["development", "production"]

DEFAULT_BOLT_PORT = 7687
DEV_SECRET = "visor-development-secret-change-me"
MIN_SECRET_BYTES = 32
DEFAULT_ISSUER = "visor-graph"
DEFAULT_AUDIENCE = "visor-graph"

# Query limits: the defaults of `schema.build.build_schema`, overridable per deployment.
DEFAULT_MAX_DEPTH = 10
DEFAULT_MAX_ALIASES = 30
DEFAULT_MAX_TOKENS = 5000
DEFAULT_MAX_COST = 5_000_000
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
DEFAULT_MAX_TOKEN_TTL_SECONDS = 12 * 3600
DEFAULT_TRANSFER_HANDOVER_DAYS = 28
DEFAULT_RISK_REVIEW_DAYS: tuple[tuple[str, int], ...] = (
    ("LOW", 365),
    ("MEDIUM", 180),
    ("HIGH", 90),
    ("VERY_HIGH", 90),
)
DEFAULT_WEB_DIR = Path(__file__).resolve().parents[1] / "web" / "dist"


class SettingsError(ValueError):
    """A setting has a value the service cannot use."""


@dataclass(frozen=True)
class Settings:
    neo4j_uri: str | None
    """An external Neo4j to use; when unset, the project's local server is started."""
    neo4j_user: str
    neo4j_password: str
    neo4j_database: str
    visor_home: Path
    bolt_port: int
    secret: str
    env: Environment
    max_depth: int = DEFAULT_MAX_DEPTH
    max_aliases: int = DEFAULT_MAX_ALIASES
    max_tokens: int = DEFAULT_MAX_TOKENS
    max_cost: int = DEFAULT_MAX_COST
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    jwt_public_key: Path | None = None
    """A PEM public key accepted for RS256 tokens."""
    jwks_file: Path | None = None
    """A JWKS file whose keys (picked by `kid`) are accepted for RS256 tokens."""
    jwt_issuer: str = DEFAULT_ISSUER
    """The `iss` RS256 tokens must carry."""
    jwt_audience: str = DEFAULT_AUDIENCE
    """The `aud` RS256 tokens must carry."""
    cors_origins: tuple[str, ...] = ()
    """Front-end origins allowed to call /graphql from a browser (none: no CORS headers)."""
    max_token_ttl: int = DEFAULT_MAX_TOKEN_TTL_SECONDS
    """The longest lifetime, in seconds, `visor token issue` gives a token."""
    transfer_handover_days: int = DEFAULT_TRANSFER_HANDOVER_DAYS
    """Days the sending manager stays a partner after a transfer is accepted."""
    risk_review_days: tuple[tuple[str, int], ...] = DEFAULT_RISK_REVIEW_DAYS
    """Days a risk assessment stays current, by risk level (VISOR_RISK_REVIEW_DAYS)."""
    web_dir: Path = DEFAULT_WEB_DIR
    """The built web page (web/dist, made by `./dev` with esbuild), served at /app."""

    @property
    def uses_local_server(self) -> bool:
        return self.neo4j_uri is None

    @property
    def bolt_uri(self) -> str:
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.bolt_port}"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        uri = env.get("NEO4J_URI") or None
        if uri is not None and uri.split("://", 1)[0] not in {
            "bolt",
            "bolt+s",
            "bolt+ssc",
            "neo4j",
            "neo4j+s",
            "neo4j+ssc",
        }:
            raise SettingsError(f"NEO4J_URI: expected a bolt:// or neo4j:// URI, got {uri!r}")
        port_text = env.get("VISOR_BOLT_PORT", str(DEFAULT_BOLT_PORT))
        try:
            port = int(port_text)
        except ValueError:
            raise SettingsError(f"VISOR_BOLT_PORT: not a port number: {port_text!r}") from None
        if not 1 <= port <= 65535:
            raise SettingsError(f"VISOR_BOLT_PORT: out of range 1-65535: {port}")
        mode = env.get("VISOR_ENV", "development")
        if mode not in ("development", "production"):
            raise SettingsError(f"VISOR_ENV: expected development or production, got {mode!r}")
        secret = env.get("VISOR_SECRET") or ""
        if not secret:
            if mode == "production":
                raise SettingsError("VISOR_SECRET: required when VISOR_ENV=production")
            secret = DEV_SECRET
        if len(secret.encode()) < MIN_SECRET_BYTES:
            raise SettingsError(
                f"VISOR_SECRET: at least {MIN_SECRET_BYTES} bytes are needed to sign HS256 tokens "
                f"safely, got {len(secret.encode())}"
            )
        public_key = _file_setting(env, "VISOR_JWT_PUBLIC_KEY")
        jwks_file = _file_setting(env, "VISOR_JWKS_FILE")
        if public_key is not None and jwks_file is not None:
            raise SettingsError("VISOR_JWT_PUBLIC_KEY, VISOR_JWKS_FILE: set one or the other")
        home = Path(env.get("VISOR_HOME") or Path.home() / ".local" / "share" / "visor-graph")
        return cls(
            neo4j_uri=uri,
            neo4j_user=env.get("NEO4J_USER", "neo4j"),
            neo4j_password=env.get("NEO4J_PASSWORD", ""),
            neo4j_database=env.get("NEO4J_DATABASE", "neo4j"),
            visor_home=home.expanduser().resolve(),
            bolt_port=port,
            secret=secret,
            env=mode,  # type: ignore[arg-type]
            max_depth=_int_setting(env, "VISOR_MAX_DEPTH", DEFAULT_MAX_DEPTH, minimum=1),
            max_aliases=_int_setting(env, "VISOR_MAX_ALIASES", DEFAULT_MAX_ALIASES, minimum=0),
            max_tokens=_int_setting(env, "VISOR_MAX_TOKENS", DEFAULT_MAX_TOKENS, minimum=1),
            max_cost=_int_setting(env, "VISOR_MAX_COST", DEFAULT_MAX_COST, minimum=1),
            max_body_bytes=_int_setting(
                env, "VISOR_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, minimum=1024
            ),
            jwt_public_key=public_key,
            jwks_file=jwks_file,
            jwt_issuer=_text_setting(env, "VISOR_JWT_ISSUER", DEFAULT_ISSUER),
            jwt_audience=_text_setting(env, "VISOR_JWT_AUDIENCE", DEFAULT_AUDIENCE),
            cors_origins=_origins_setting(env, "VISOR_CORS_ORIGINS"),
            max_token_ttl=_ttl_setting(env, "VISOR_MAX_TOKEN_TTL", DEFAULT_MAX_TOKEN_TTL_SECONDS),
            transfer_handover_days=_int_setting(
                env, "VISOR_TRANSFER_HANDOVER_DAYS", DEFAULT_TRANSFER_HANDOVER_DAYS, minimum=0
            ),
            risk_review_days=_review_days_setting(env, "VISOR_RISK_REVIEW_DAYS"),
            web_dir=Path(env.get("VISOR_WEB_DIR") or DEFAULT_WEB_DIR),
        )


def _review_days_setting(env: Mapping[str, str], name: str) -> tuple[tuple[str, int], ...]:
    days = dict(DEFAULT_RISK_REVIEW_DAYS)
    text = env.get(name) or ""
    for part in filter(None, (p.strip() for p in text.split(","))):
        level, _, number = part.partition("=")
        level = level.strip()
        if level not in days:
            raise SettingsError(
                f"{name}: unknown risk level {level!r} (expected one of {', '.join(days)})"
            )
        try:
            value = int(number)
        except ValueError:
            raise SettingsError(
                f"{name}: {level}: not a whole number of days: {number!r}"
            ) from None
        if value < 1:
            raise SettingsError(f"{name}: {level}: must be at least 1 day, got {value}")
        days[level] = value
    return tuple(days.items())


def _int_setting(env: Mapping[str, str], name: str, default: int, *, minimum: int) -> int:
    text = env.get(name) or ""
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise SettingsError(f"{name}: not a whole number: {text!r}") from None
    if value < minimum:
        raise SettingsError(f"{name}: must be at least {minimum}, got {value}")
    return value


def _text_setting(env: Mapping[str, str], name: str, default: str) -> str:
    text = env.get(name)
    if text is None:
        return default
    if not text.strip():
        raise SettingsError(f"{name}: must not be blank")
    return text.strip()


def _file_setting(env: Mapping[str, str], name: str) -> Path | None:
    text = env.get(name) or ""
    if not text:
        return None
    path = Path(text).expanduser().resolve()
    if not path.is_file():
        raise SettingsError(f"{name}: no such file: {text!r}")
    return path


def _origins_setting(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    origins = []
    for item in (env.get(name) or "").split(","):
        origin = item.strip()
        if not origin:
            continue
        parts = urlsplit(origin)
        if (
            parts.scheme not in ("http", "https")
            or not parts.hostname
            or parts.path
            or parts.query
            or parts.fragment
            or parts.username
        ):
            raise SettingsError(
                f"{name}: expected origins such as https://visor.example.org or "
                f"http://localhost:5173 (scheme://host[:port], no path), got {origin!r}"
            )
        origins.append(origin.lower())
    return tuple(origins)


def _ttl_setting(env: Mapping[str, str], name: str, default: int) -> int:
    text = (env.get(name) or "").strip()
    if not text:
        return default
    try:
        return parse_ttl(text)
    except ValueError:
        raise SettingsError(
            f"{name}: expected a positive duration such as 3600, 30m, 12h or 7d, got {text!r}"
        ) from None


def parse_ttl(text: str) -> int:
    """`3600`, `90s`, `30m`, `8h` or `7d` as seconds."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    value, unit = (text[:-1], text[-1]) if text and text[-1] in units else (text, "s")
    if not value.isdigit() or int(value) <= 0:
        raise ValueError(
            f"ttl: expected a positive duration such as 3600, 30m, 8h or 7d, got {text!r}"
        )
    return int(value) * units[unit]
