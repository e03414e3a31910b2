"""Chinese scripts: Simplified ↔ Traditional conversion (OpenCC) and telling which one a string is in.

Character-level conversion keeps lengths, so offsets found in a converted text are offsets
in the original::

    >>> to_hans("馬英九"), to_hant("马英九"), script_of("國賓館"), script_of("平壤")
    ('马英九', '馬英九', 'zh-Hant', 'zh')
"""

from __future__ import annotations

from functools import lru_cache

import opencc

_T2S = opencc.OpenCC("t2s")
_S2T = opencc.OpenCC("s2tw")  # Traditional with Taiwan's standard forms (眾, 裡), as zh.wikipedia's zh-Hant


@lru_cache(maxsize=65536)
def to_hans(text: str) -> str:
    """Simplified script, same length as ``text`` (falls back to character by character)."""
    converted = _T2S.convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(c if len(c) == 1 else ch for ch, c in ((ch, _T2S.convert(ch)) for ch in text))


@lru_cache(maxsize=65536)
def to_hant(text: str) -> str:
    """Traditional script (Taiwan's standard character forms)."""
    return _S2T.convert(text)


def script_of(text: str) -> str:
    """``zh-Hans`` or ``zh-Hant`` when the text shows its script, ``zh`` when it reads the same in both."""
    if to_hans(text) != text:
        return "zh-Hant"
    if to_hant(text) != text:
        return "zh-Hans"
    return "zh"


def has_han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)
