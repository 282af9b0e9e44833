"""The one settings object, read from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Environment = Literal["development", "production"]

DEFAULT_BOLT_PORT = 7687
DEV_SECRET = "visor-development-secret-change-me"
MIN_SECRET_BYTES = 32


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
        )
