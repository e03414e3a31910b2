"""The benchmarks measure what the build runs (issue 15).

``benchmarks/extract_speed.py`` times a page's extraction with Python's collector set as
in a build's page worker; it writes the worker's thresholds itself so that ``--before``
can measure older code the same way, and must follow ``kg.pool`` when they change.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kg import pool

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import extract_speed  # noqa: E402


def test_extract_speed_collects_garbage_as_a_page_worker_does():
    assert extract_speed._WORKER_GC == pool._WORKER_GC
