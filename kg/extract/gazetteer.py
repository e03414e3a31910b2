"""The reference gazetteer of well-known venues (``kg/data/venues.tsv``): general reference
data, not any article's facts, read once."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def well_known_venues() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Each venue's names (Simplified) and the place it lies in."""
    text = resources.files("kg").joinpath("data/venues.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            names, _, container = line.partition("\t")
            rows.append((tuple(n.strip() for n in names.split("|") if n.strip()), container.strip()))
    return tuple(rows)


@lru_cache(maxsize=1)
def well_known_names() -> frozenset[str]:
    """The names of the gazetteer's venues and of the towns they lie in: names a text writes
    without a link (``在北京会见了她``, ``在东京首相官邸``) that are places all the same."""
    return frozenset(name for names, container in well_known_venues() for name in (*names, container))
