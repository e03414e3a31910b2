"""Date templates as the text a reader sees: ``{{Start date|2018|9|18}}`` reads ``2018年9月18日``.

Wikipedia writes dates in infobox fields, tables and prose through templates whose visible
text is the date. The document model renders them as Chinese dates so that every reader
of dates (``kg.extract.dates``) sees them as it sees a written date. Only the template's
name and its arguments are needed, so this module knows nothing of the parser.

>>> render_date("start date", ["2018", "9", "18"], {"df": "y"})
'2018年9月18日'
>>> render_date("dts", ["2019-03-07"], {})
'2019年3月7日'
>>> render_date("end date", ["1945", "2"], {})
'1945年2月'
>>> render_date("cite web", ["x"], {}) is None
True
"""

from __future__ import annotations

import re

#: Templates whose visible text is one date (English names and zh.wikipedia's aliases).
DATE_TEMPLATES = frozenset({
    "start date", "end date", "start date and age", "end date and age", "start-date", "end-date",
    "dts", "date", "date and age", "birth date", "death date", "start and end dates",
    "开始日期", "開始日期", "结束日期", "結束日期", "日期", "起始日期",
})
_ISO = re.compile(r"^\s*(\d{3,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")
_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
_WRITTEN = re.compile(r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号號])?)?")
_EN_MONTHS = {name: i for i, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_EN_DATE = re.compile(r"^\s*(?:(\d{1,2})\s+([a-z]+)|([a-z]+)\s+(\d{1,2}),?)\s+(\d{4})\s*$", re.I)


def is_date_template(key: str) -> bool:
    return " ".join(key.replace("_", " ").split()).lower() in DATE_TEMPLATES


def render_date(key: str, positional: list[str], named: dict[str, str]) -> str | None:
    """The date a date template shows, written the Chinese way; None for any other template
    or arguments that are no date (the caller then renders nothing, as before)."""
    if not is_date_template(key):
        return None
    args = [a.strip() for a in positional if a.strip()]
    if not args:
        return None
    if len(args) == 1 or not _NUMBER.match(args[1]):
        return _one_argument(args[0])
    numbers = []
    for arg in args[:3]:
        if not _NUMBER.match(arg):
            break
        numbers.append(int(arg))
    return _written(*numbers) if numbers and numbers[0] >= 100 else None


def _one_argument(arg: str) -> str | None:
    iso = _ISO.match(arg)
    if iso:
        return _written(*(int(g) for g in iso.groups() if g))
    written = _WRITTEN.search(arg)
    if written:
        return written.group()
    english = _EN_DATE.match(arg)
    if english:
        day = english.group(1) or english.group(4)
        month = _EN_MONTHS.get((english.group(2) or english.group(3)).lower())
        if month:
            return _written(int(english.group(5)), month, int(day))
    return None


def _written(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if month is not None and not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
        return None
    text = f"{year}年"
    if month:
        text += f"{month}月"
        if day:
            text += f"{day}日"
    return text
