"""Every benchmark's command line is built from its DEFAULTS: each key an option typed like its
default, lists and tuples taking several values."""

from __future__ import annotations

import pytest

from bench import ingest, load, record_view
from bench.command import parse_options
from bench.suite import BENCHMARKS


@pytest.mark.parametrize("name", list(BENCHMARKS))
def test_no_options_give_the_defaults(name: str) -> None:
    module = BENCHMARKS[name]
    assert parse_options(module, []) == module.DEFAULTS


def test_options_change_their_keys_only() -> None:
    assert parse_options(record_view, ["--nominals", "500", "--seed", "3"]) == {
        **record_view.DEFAULTS, "nominals": 500, "seed": 3,
    }  # fmt: skip
    assert parse_options(load, ["--concurrency", "2", "4", "--workers", "1"]) == {
        **load.DEFAULTS, "concurrency": [2, 4], "workers": [1],
    }  # fmt: skip
    assert parse_options(ingest, ["--batch-sizes", "100", "500"])["batch_sizes"] == (100, 500)


def test_a_value_of_the_wrong_type_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_options(record_view, ["--nominals", "many"])
    assert "--nominals: invalid int value: 'many'" in capsys.readouterr().err
