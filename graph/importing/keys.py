"""The keys an import file defines, held compactly: 8 bytes per row, not the keys themselves.

The first pass over a file adds each nominal's `visorRef` and each keyed row's source id as a
64-bit digest to a `KeySet`; `seal()` sorts them and returns the digests seen more than once
(a later pass names those rows). Membership is a binary search. With 64-bit digests a false
"already in the file" needs two of some millions of keys to collide: about one chance in 10^7
for a million keys.
"""

from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_left


def digest(namespace: str, key: str) -> int:
    data = f"{namespace}\0{key}".encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


class KeySet:
    """Digests in 256 arrays by their top byte, so sealing sorts one small array at a time."""

    def __init__(self) -> None:
        self._buckets = [array("Q") for _ in range(256)]
        self._sealed = False

    def add(self, value: int) -> None:
        self._buckets[value >> 56].append(value)

    def seal(self) -> set[int]:
        """Sorts the digests; returns the ones added more than once."""
        duplicates: set[int] = set()
        for index, bucket in enumerate(self._buckets):
            ordered = array("Q", sorted(bucket))
            self._buckets[index] = ordered
            duplicates.update(
                ordered[i] for i in range(1, len(ordered)) if ordered[i] == ordered[i - 1]
            )
        self._sealed = True
        return duplicates

    def __contains__(self, value: object) -> bool:
        if not self._sealed or not isinstance(value, int):
            raise ValueError("a KeySet answers membership once sealed, for digests")
        bucket = self._buckets[value >> 56]
        index = bisect_left(bucket, value)
        return index < len(bucket) and bucket[index] == value

    def __len__(self) -> int:
        return sum(len(bucket) for bucket in self._buckets)

    @property
    def bytes(self) -> int:
        return 8 * len(self)
