"""Chinese scripts: Simplified ↔ Traditional conversion (OpenCC) and telling which one a string is in.

Character-level conversion keeps lengths, so offsets found in a converted text are offsets
in the original::

    >>> to_hans("馬英九"), to_hant("马英九"), script_of("國賓館"), script_of("平壤")
    ('马英九', '馬英九', 'zh-Hant', 'zh')

Read by the extraction (:mod:`kg.extract.scripts` re-exports it) and by ``kg serve``, which
so holds none of the extraction's modules. Each converter is opened on its first use (the
server never opens ``s2tw``, whose dictionaries take 42 MB). ``s2tw`` is read from
``kg/data/opencc`` (the same conversion from merged dictionaries, made by
``scripts/make-opencc-s2tw``: about 25 ms to open instead of 80) while that copy was made
from the dictionaries installed, and from OpenCC's own files otherwise.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache, lru_cache
from pathlib import Path

import opencc

_MERGED = Path(__file__).resolve().parent / "data" / "opencc"


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _s2tw() -> opencc.OpenCC:
    """Traditional with Taiwan's standard forms (眾, 裡), as zh.wikipedia's zh-Hant."""
    return opencc.OpenCC(str(_MERGED / "s2tw.json") if _merged_is_current() else "s2tw")


def _merged_is_current() -> bool:
    """Whether kg/data/opencc was made from the dictionaries and s2tw.json OpenCC has installed."""
    return _made_from_installed("made-from.json") is not None


@cache
def _t2s_changes() -> frozenset[str] | None:
    """The characters t2s may change (``kg/data/opencc/t2s-changes.json``, made by
    ``scripts/make-opencc-s2tw``, which says why a text without any converts to itself), and
    the surrogates, which OpenCC refuses; None unless that file was made from the dictionaries
    installed."""
    made = _made_from_installed("t2s-changes.json")
    if made is None or not isinstance(made.get("characters"), str):
        return None
    return frozenset(made["characters"]) | frozenset(map(chr, range(0xD800, 0xE000)))


def _made_from_installed(name: str) -> dict | None:
    """The file ``name`` of kg/data/opencc, if it was made from the files OpenCC has installed
    (the digests under its ``sha256``)."""
    installed = Path(opencc.__file__).resolve().parent / "clib" / "share" / "opencc"
    try:
        made = json.loads((_MERGED / name).read_text(encoding="utf-8"))
        current = all(hashlib.sha256((installed / source).read_bytes()).hexdigest() == digest
                      for source, digest in made["sha256"].items())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return made if current else None


@lru_cache(maxsize=65536)
def to_hans(text: str) -> str:
    """Simplified script, same length as ``text`` (falls back to character by character)."""
    changes = _t2s_changes()
    if changes is not None and changes.isdisjoint(text):  # nothing t2s changes (two thirds of the extraction's texts)
        return text
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(c if len(c) == 1 else ch for ch, c in ((ch, _t2s().convert(ch)) for ch in text))


@lru_cache(maxsize=65536)
def to_hant(text: str) -> str:
    """Traditional script (Taiwan's standard character forms)."""
    return _s2tw().convert(text)


def script_of(text: str) -> str:
    """``zh-Hans`` or ``zh-Hant`` when the text shows its script, ``zh`` when it reads the same in both."""
    if to_hans(text) != text:
        return "zh-Hant"
    if to_hant(text) != text:
        return "zh-Hans"
    return "zh"


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
