"""Names in the scripts and languages Wikidata uses, and the keys they are compared by.

Chinese names are compared in Simplified script (OpenCC ``t2s``), so ``馬英九`` and
``马英九`` share a key; Korean and English names are compared case- and space-folded::

    >>> name_key(Name("馬英九", "zh-Hant")) == name_key(Name("马英九", "zh"))
    True
    >>> name_key(Name("Kim  Jong-il", "en")) == name_key(Name("kim jong-il", "en"))
    True
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

import opencc

from kg.extract.scripts import to_hans

#: Wikidata's language codes for Chinese labels, searched for every Chinese name.
WIKIDATA_CHINESE_CODES = ("zh", "zh-hans", "zh-hant", "zh-cn", "zh-tw", "zh-hk", "zh-sg", "zh-mo", "zh-my")
#: OpenCC conversions that give the spellings a Chinese name may have on Wikidata.
_SCRIPT_CONVERSIONS = ("t2s", "s2t", "s2tw", "s2hk")


class Family(Enum):
    """The language families we compare names in."""

    CHINESE = "zh"
    KOREAN = "ko"
    ENGLISH = "en"


@dataclass(frozen=True, order=True)
class Name:
    """A name with its language tag (BCP 47 in our graph, Wikidata's codes on the other side)."""

    text: str
    lang: str

    @property
    def family(self) -> Family | None:
        """The family the name is compared in; ``None`` for a language we do not compare."""
        lang = self.lang.lower()
        if lang == "zh" or lang.startswith("zh-"):
            return Family.CHINESE
        if lang == "en" or lang.startswith(("en-", "ko-latn")):
            return Family.ENGLISH  # romanised Korean is how English names Korean people
        if lang == "ko" or lang.startswith("ko-"):
            return Family.KOREAN
        return None


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def name_key(name: Name) -> tuple[Family, str] | None:
    """What two names must share to match: their family and their folded text."""
    family = name.family
    if family is None:
        return None
    text = to_hans(name.text) if family is Family.CHINESE else name.text
    return family, _fold(text)


def chinese_spellings(text: str) -> tuple[str, ...]:
    """The text as written and in each script a Wikidata label or title may use, sorted."""
    return tuple(sorted({text, *(_converter(c).convert(text) for c in _SCRIPT_CONVERSIONS)}))


def search_names(name: Name) -> tuple[Name, ...]:
    """The literals (text, Wikidata code) under which Wikidata may hold ``name``, sorted."""
    family = name.family
    if family is Family.CHINESE:
        return tuple(Name(text, code) for text in chinese_spellings(name.text) for code in WIKIDATA_CHINESE_CODES)
    if family is Family.KOREAN:
        return (Name(name.text, "ko"),)
    if family is Family.ENGLISH:
        return (Name(name.text, "en"),)
    return ()
