"""Benchmarks: each prints JSON figures; none asserts a time."""
