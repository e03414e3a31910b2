"""Names compared in the Simplified view: one key per spelling, and how alike two keys are.

A key is the name in Simplified script (OpenCC, as entity keys are minted), NFKC-folded,
case-folded, without accents, spaces or punctuation, so every script and spelling of
one name shares it::

    >>> key("陳國華") == key("陈国华"), key("Chen Guo-hua"), key("８·１５ 광복절")
    (True, 'chenguohua', '815광복절')
    >>> similarity(key("2031年白雲館會晤"), key("2031年白云馆会晤"))
    100.0
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Indel

from kg.scripts import has_han, script_of, to_hans

_DROPPED = ("P", "Z", "C")  # punctuation, separators, controls


@lru_cache(maxsize=262144)
def key(name: str) -> str:
    """The comparison key of ``name`` (may be empty for a name of punctuation only)."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not "\u0300" <= ch <= "\u036f")  # accents off Latin letters
    folded = to_hans(unicodedata.normalize("NFKC", plain)).casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in _DROPPED)


def similarity(a: str, b: str) -> float:
    """How alike two keys are, 0–100 (100: the same key), by insertions and deletions.

    Numbers in names tell entities apart (years, months, ordinals), so two keys that both
    have digits and not the same ones count half:

    >>> similarity("2007年朝韩首脑会晤", "2007年朝韩首脑会谈"), similarity("2000年朝韩首脑会晤", "2007年朝韩首脑会晤")
    (90.91, 45.45)
    """
    if a == b:
        return 100.0
    alike = Indel.normalized_similarity(a, b) * 100
    digits_a, digits_b = _digits(a), _digits(b)
    if digits_a and digits_b and digits_a != digits_b:
        alike /= 2
    return round(alike, 2)


@lru_cache(maxsize=262144)
def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def grams(text: str) -> set[str]:
    """The character bigrams of a key (the key itself when it is one character long)."""
    if len(text) < 2:
        return {text} if text else set()
    return {text[i:i + 2] for i in range(len(text) - 1)}


def languages_for(text: str) -> tuple[str, ...]:
    """The label languages to answer a query in, best first: the query's own script or language.

    >>> languages_for("陳國華")[0], languages_for("陈国华")[0], languages_for("Chen Guo-hua")[0]
    ('zh-hant', 'zh-hans', 'en')
    """
    if has_han(text):
        return ("zh-hant", "zh-hans", "en") if script_of(text) == "zh-Hant" else ("zh-hans", "zh-hant", "en")
    if any("\uac00" <= ch <= "\ud7a3" for ch in text):
        return ("ko", "zh-hans", "zh-hant", "en")
    if any(ch.isascii() and ch.isalpha() for ch in text):
        return ("en", "ko-latn", "zh-hans", "zh-hant")
    return ("zh-hans", "zh-hant", "en")
