"""The phonetic name key (bench/phonetic_key.py): spellings practitioners confuse share a key,
different names do not."""

from __future__ import annotations

import pytest

from bench.phonetic_key import phonetic_key, phonetic_keys


@pytest.mark.parametrize(
    ("heard", "written"),
    [
        ("Murrey", "Murray"),
        ("McDonald", "MacDonald"),
        ("Mcdonald", "MACDONALD"),
        ("Thompson", "Thomson"),
        ("Stuart", "Stewart"),
        ("Smyth", "Smith"),
        ("Reed", "Reid"),
        ("Neill", "O'Neill"),
        ("Phillips", "Filips"),
        ("Kowalsky", "Kowalski"),
        ("Gallager", "Gallagher"),
    ],
)
def test_confusable_spellings_share_a_key(heard: str, written: str) -> None:
    assert phonetic_key(heard) == phonetic_key(written)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Murray", "Morris"), ("Smith", "Smart"), ("Kerr", "Kelly"), ("Reid", "Ross")],
)
def test_different_names_differ(one: str, other: str) -> None:
    assert phonetic_key(one) != phonetic_key(other)


def test_keys_of_a_whole_name() -> None:
    assert phonetic_keys("Ann Marie", "Smith-Jones", None, "") == ["A5", "M6", "S53", "J52"]
    assert phonetic_key("  ") is None and phonetic_key(None) is None
    assert phonetic_key("Zoë") == phonetic_key("Zoe")
