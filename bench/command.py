"""The command line every benchmark module shares: `python -m bench.NAME [--option VALUE ...]`,
one option per key of the module's DEFAULTS (`batch_sizes` as `--batch-sizes 50 1000`), typed like
its default; the module's `run` on the settings' Neo4j, its figures printed as JSON."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from visor.runtime import ensure_neo4j
from visor.settings import Settings


def parse_options(module: ModuleType, argv: Sequence[str] | None = None) -> dict[str, Any]:
    """The keyword arguments of the module's `run`: its DEFAULTS, as the command line changes
    them."""
    defaults: dict[str, Any] = module.DEFAULTS
    parser = argparse.ArgumentParser(description=module.__doc__)
    for key, default in defaults.items():
        flag = "--" + key.replace("_", "-")
        if isinstance(default, list | tuple):
            parser.add_argument(flag, dest=key, type=type(default[0]), nargs="+", default=default)
        else:
            parser.add_argument(flag, dest=key, type=type(default), default=default)
    options = vars(parser.parse_args(argv))
    return {
        key: type(defaults[key])(value) if isinstance(defaults[key], tuple) else value
        for key, value in options.items()
    }


def run_from_command_line(module: ModuleType) -> None:
    options = parse_options(module)
    settings = Settings.from_env()
    print(json.dumps(module.run(settings, ensure_neo4j(settings), **options), indent=2))
