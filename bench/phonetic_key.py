"""A phonetic key for names, the alternative to full-text fuzzy terms that bench/name_search.py
measures (fuzzy terms ranked better on the demo names, so the service does not store it):
"Murrey" has Murray's key, "McDonald" MacDonald's, "Thompson" Thomson's.

The key is a Soundex-like code, not cut to four characters: upper-case letters only; the
Gaelic prefixes Mac and Mc are one prefix, and O' is dropped; PH sounds as F, and the P of
MPS is silent (Thompson, Simpson); the first letter is kept and every later consonant becomes
its class, neighbours of one class (H and W between them too) counting once; vowels and Y
are dropped but separate."""

from __future__ import annotations

import re
import unicodedata

_CLASSES = {
    **dict.fromkeys("BFPV", "1"),
    **dict.fromkeys("CGJKQSXZ", "2"),
    **dict.fromkeys("DT", "3"),
    "L": "4",
    **dict.fromkeys("MN", "5"),
    "R": "6",
}


def phonetic_key(name: str | None) -> str | None:
    """The key of one word of a name (None for no letters). Keys of each word of a name are
    what the graph stores (`phonetic_keys`)."""
    if name is None:
        return None
    letters = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper()
    letters = re.sub(r"^O['’]", "", letters.strip())
    letters = re.sub(r"[^A-Z]", "", letters)
    if not letters:
        return None
    letters = re.sub(r"^MAC(?=[^AEIOU])", "MC", letters)
    letters = letters.replace("PH", "F").replace("MPS", "MS")
    first, rest = letters[0], letters[1:]
    code = [first]
    last = _CLASSES.get(first)
    for letter in rest:
        digit = _CLASSES.get(letter)
        if digit is not None and digit != last:
            code.append(digit)
        last = digit if digit is not None else (last if letter in "HW" else None)
    return "".join(code)


def phonetic_keys(*names: str | None) -> list[str]:
    """The distinct keys of every word of the given names (first, middle, last names and
    aliases), in order: what a nominal's `nameKeys` property holds."""
    keys: list[str] = []
    for name in names:
        for word in re.split(r"[\s\-]+", name or ""):
            key = phonetic_key(word)
            if key is not None and key not in keys:
                keys.append(key)
    return keys
