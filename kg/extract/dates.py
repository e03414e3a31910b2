"""Dates, years and numbers as Chinese text writes them.

>>> [(r.start.isoformat(), r.end.isoformat()) for r in find_dates("2015年11月6日至7日，")]
[('2015-11-06', '2015-11-07')]
>>> [(r.start.isoformat(), r.end.isoformat()) for r in find_dates("6月12日举行", year=2018)]
[('2018-06-12', '2018-06-12')]
>>> [r.end.isoformat() for r in find_dates("2019年2月27日－28日")], chinese_number("二十一"), chinese_number("260万")
(['2019-02-28'], 21, 2600000)
>>> [(r.start.isoformat(), r.end.isoformat()) for r in find_dates("二〇一五年十一月六日至七日")]
[('2015-11-06', '2015-11-07')]
>>> [(r.start.isoformat(), r.end.isoformat()) for r in find_dates("3月9日和10日；4月2日和5月6日", year=2031)]
[('2031-03-09', '2031-03-10'), ('2031-04-02', '2031-04-02'), ('2031-05-06', '2031-05-06')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from contextlib import suppress
from datetime import date
from decimal import Decimal
from functools import lru_cache

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
NUMBER = r"[0-9０-９.]+|[〇零一二两兩三四五六七八九十百千]+"
_FULLWIDTH = str.maketrans("０１２３４５６７８９－～", "0123456789-~")

#: Separators of a range: 至, 到, hyphens and dashes of every width; or the words that join two days
#: (``4月27日和28日``), a range only where the days follow each other (:func:`_joined`).
_RANGE = r"\s*(?:至|到|－|—|–|-|~|～|〜|(?P<joined>和|及|与|與|、))\s*"
_Y = r"(?P<y{n}>\d{{4}})\s*年\s*"
_M = r"(?P<m{n}>\d{{1,2}})\s*月\s*"
_D = r"(?P<d{n}>\d{{1,2}})\s*[日号號]"
_DATE = re.compile(
    "(?:" + _Y.format(n=1) + ")?" + _M.format(n=1) + _D.format(n=1)
    + "(?:" + _RANGE + "(?:(?:" + _Y.format(n=2) + ")?" + _M.format(n=2) + ")?" + _D.format(n=2) + ")?"
)
_CN = "[〇零一二三四五六七八九十]"
_CN_DATE = re.compile(
    rf"(?:(?P<y1>{_CN}{{4}})年)?(?P<m1>{_CN}{{1,3}})月(?P<d1>{_CN}{{1,3}})[日号號]"
    rf"(?:{_RANGE.replace('?P<joined>', '?:')}(?:(?:(?P<y2>{_CN}{{4}})年)?(?P<m2>{_CN}{{1,3}})月)?(?P<d2>{_CN}{{1,3}})[日号號])?"
)
_CN_MONTH = re.compile(f"{_CN}月")  # what every match of _CN_DATE holds (read first: it is found four times faster)
_YEAR_MONTH = re.compile(r"(?P<y>\d{4})\s*年\s*(?:(?P<m>\d{1,2})\s*月)?(?![0-9\s]*[日号號])")
#: Words that give two joined days one thing each (``分别于11月25日和26日``, ``11日和12日先后前往甲城和乙城``).
_EACH = ("分别", "分別", "先后", "先後")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_YEAR_RANGE = re.compile(r"(?P<a>\d{4})\s*(?:年)?\s*(?:至|到|－|—|–|-|~|～|〜)\s*(?P<b>\d{4})?")


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date
    at: int  # where the expression starts in the text searched
    stop: int
    year_given: bool  # False when the year came from context


@dataclass(frozen=True)
class YearMonth:
    year: int
    month: int | None
    at: int
    stop: int


_HAS_FULLWIDTH = re.compile("[０-９－～]")


#: Right after a day: the kind of place it names (``某都“5月9日国际机场”``, ``某城十月一日广场``): the day is part of
#: that place's name, no date of the text.
_NAMES_A_PLACE = re.compile(r"[”」』\"]?(?:国际机场|國際機場|机场|機場|广场|廣場|大街|大道|大桥|大橋|体育场|體育場)")


#: Right before a date written without its year: the year after the one the text is in (``2031年11月，…将出席次年5月9日的
#: 纪念活动``: 2032's May 9th; ``一年后的11月16日``), which the date gives as plainly as a year written out.
_THE_NEXT_YEAR = re.compile(r"(?:次年|翌年|第二年|隔年|一年后的?|一年之后的?)$")
#: Right before a date written without its year: the year the sentence named last (``…上一次访问是在2036年：当年11月18日，
#: …``: 2036's, not the year the text had reached before the sentence).
#: The words for the year the text is in (当年, 同年 …).
THAT_YEAR_WORDS = "当年|同年|该年|是年"
_THAT_YEAR = re.compile(rf"(?:{THAT_YEAR_WORDS})的?$")
_A_YEAR = re.compile(r"(?<![0-9])([0-9]{4})年")


def normalize_digits(text: str) -> str:
    """Full-width digits and dashes as ASCII; the length is kept."""
    return text.translate(_FULLWIDTH) if _HAS_FULLWIDTH.search(text) else text


def find_dates(text: str, *, year: int | None = None, month: int | None = None) -> list[DateRange]:
    """Every day-precise date or date range in ``text``; ``year`` fills in ``4月27日``, unless a date written
    with its year comes before it in the text (``于1963年4月12日抵达…；4月20日…``: of 1963)."""
    return list(_dates_in(text, year))


@lru_cache(maxsize=8192)
def _dates_in(text: str, year: int | None) -> tuple[DateRange, ...]:
    """:func:`find_dates`, remembered: many rules read the same sentence's dates."""
    found: list[DateRange] = []
    if "月" not in text:  # every date names its month
        return ()
    text = normalize_digits(text)
    matches = [(m, int) for m in _DATE.finditer(text)]
    if _CN_MONTH.search(text):  # a month in Chinese numerals: one text in a thousand
        matches = sorted(matches + [(m, _cn_int) for m in _CN_DATE.finditer(text)], key=lambda pair: pair[0].start())
    written = None  # the year of the last date written with its year: a day after it in the text is of that year
    for match, number in matches:  # in the order they start (one pattern's are so already)
        if match.groupdict().get("joined"):
            found.extend(_joined(text, match, year if written is None else written))
            continue
        y1 = number(match["y1"]) if match["y1"] else year if written is None or year is None else written
        next_year = not match["y1"] and y1 is not None and _THE_NEXT_YEAR.search(text, 0, match.start()) is not None
        if next_year:
            y1 += 1
        named = [int(m.group(1)) for m in _A_YEAR.finditer(text, 0, match.start())] \
            if not match["y1"] and _THAT_YEAR.search(text, 0, match.start()) else []
        if named:
            y1, next_year = named[-1], True  # the year the sentence named, as plainly given
        if match["y1"] or next_year:
            written = y1
        if y1 is None or _NAMES_A_PLACE.match(text, match.end()):
            continue  # 抵达某都“5月9日国际机场”: an airport's name, no day
        m1, d1 = number(match["m1"]), number(match["d1"])
        y2 = number(match["y2"]) if match["y2"] else y1
        m2 = number(match["m2"]) if match["m2"] else m1
        d2 = number(match["d2"]) if match["d2"] else d1
        try:
            start, end = date(y1, m1, d1), date(y2, m2, d2)
        except ValueError:
            continue
        if end < start:
            continue
        found.append(DateRange(start, end, match.start(), match.end(), bool(match["y1"]) or next_year))
    return tuple(found)


def _joined(text: str, match: re.Match, year: int | None) -> list[DateRange]:
    """Two days joined by 和 (``2018年4月27日和28日``): one span when they follow each other and the words
    around them do not give each day its own event (``分别于…``, ``…先后前往甲城和乙城``); else each date
    as if written alone (``4月27日和5月26日``; a bare ``13日`` is no date of its own)."""
    first = _day(match["y1"], match["m1"], match["d1"], year)
    second = _day(match["y2"], match["m2"] or match["m1"], match["d2"], int(match["y1"]) if match["y1"] else year)
    before, after = text[max(0, match.start() - 3):match.start()], text[match.end():match.end() + 4].lstrip()
    if first and second and (second - first).days == 1 and not any(
            word in before or after.startswith(word) for word in _EACH):
        return [DateRange(first, second, match.start(), match.end(), bool(match["y1"]))]
    alone = [DateRange(first, first, match.start(), match.start("joined"), bool(match["y1"]))] if first else []
    if match["m2"] and (second := _day(match["y2"], match["m2"], match["d2"], year)):
        at = match.start("y2") if match["y2"] else match.start("m2")
        alone.append(DateRange(second, second, at, match.end(), bool(match["y2"])))
    return alone


def _day(y: str | None, m: str, d: str, year: int | None) -> date | None:
    with suppress(ValueError, TypeError):
        return date(int(y) if y else year, int(m), int(d))
    return None


def _cn_int(text: str) -> int:
    """``二〇〇〇`` → 2000 (digit by digit), ``十五`` → 15."""
    if len(text) == 4 and "十" not in text:
        return int("".join(str(_DIGITS[c]) for c in text))
    return chinese_number(text) or 0


def find_year_months(text: str) -> list[YearMonth]:
    """Years with an optional month and no day: ``2000年``, ``2018年4月``."""
    return list(_year_months_in(text))


@lru_cache(maxsize=8192)
def _year_months_in(text: str) -> tuple[YearMonth, ...]:
    if "年" not in text:  # every one names its year
        return ()
    return tuple(YearMonth(int(m["y"]), int(m["m"]) if m["m"] else None, m.start(), m.end())
                 for m in _YEAR_MONTH.finditer(normalize_digits(text)))


def parse_date(text: str) -> date | None:
    """An ISO date (``2018-03-06``) or a Chinese one (``2018年4月27日``), else ``None``."""
    text = normalize_digits(text or "")
    iso = _ISO.match(text)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        found = find_dates(text)
        return found[0].start if found and found[0].year_given else None
    except ValueError:
        return None


def year_range(text: str) -> tuple[int, int | None] | None:
    """``（1998－2003）`` → (1998, 2003); ``（2017－）`` → (2017, None)."""
    match = _YEAR_RANGE.search(normalize_digits(text))
    if not match:
        return None
    return int(match["a"]), int(match["b"]) if match["b"] else None


def chinese_number(text: str) -> int | None:
    """An integer written in digits, Chinese numerals, or either with 万/亿: ``第五`` → 5."""
    value = chinese_decimal(text)
    return int(value) if value is not None and value == int(value) else None


def chinese_decimal(text: str) -> Decimal | None:
    text = normalize_digits(text.strip())
    if not text:
        return None
    multiplier = 1
    while text and text[-1] in _BIG:
        multiplier *= _BIG[text[-1]]
        text = text[:-1]
    if not text:
        return None
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", text):
        return Decimal(text) * multiplier
    total, current = 0, 0
    for char in text:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char in _UNITS:
            total += (current or 1) * _UNITS[char]
            current = 0
        else:
            return None
    return Decimal(total + current) * multiplier
