"""Where a paragraph's account has got to: the time it told last, and the sentence right
after one that speaks of what that one told.

An undated sentence is read at the time its paragraph reached (``12月19日上午…。当天下午，
《…》签字仪式举行``); a day without its year is read in the year its paragraph is in; a
sentence that begins by referring back (``该协议于…签署``, ``这是…第三次会议``) says more
of what the sentence before it told, and a clause that does (``…，这是继2000年某人之后首次…``) is an
aside whose years the paragraph has not got to. The document reader and the ordinal reader both
follow a paragraph this way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from kg.extract.dates import find_dates, find_year_months
from kg.extract.text import Sentence

TITLE_MARKS = re.compile(r"《(?P<t>[^《》]+)》")
#: The years a titled plan runs, in brackets right after its name (《甲乙三年战略合作计划》（2031—2033年）): part of how
#: the text names it, no time the account has got to.
_PERIOD_AFTER_A_TITLE = re.compile(r"(?<=》)[（(][0-9]{4}年?\s*[—－\-–～~至到]+\s*[0-9]{2,4}年?[）)]")
#: A day said to come after the meeting (在…会议后的9月17日): the meeting's.
_AFTER_THE_MEETING = re.compile(r"(会议|会谈|会晤|峰会|会)(结束)?(之)?后的?$")
#: Sections that tell of other times than the summit's own (背景, 后续, 影响 ...).
ASIDE = re.compile(r"^(背景|历史背景|起源|前因|缘起|历史|筹备|准备|后续|反应|评价|影响|回应|各方反应|国际反应|争议|意义)")
#: A day by its number alone, its month and year those told before (17日，…；18日，…); not a number of days
#: (对甲国公民实施20日单方面免签, 须在30日内离境, 停留10日左右).
_BARE_DAY = re.compile(r"(?<![0-9０-９月年号號.－—–~～至到\-])([0-9]{1,2})日(?!(?:以|之)?内|单方面|免签|签证|停留|左右)")
#: After a year: the year frames a time (2030年前, 1980年代, 2013年以来) and dates nothing.
YEAR_FRAME = re.compile(r"^(前|后|以来|以后|以前|之前|之后|来|起|间|代)")
#: A year that is the time of a document named after it (1972年的《甲乙联合声明》, 2018年签署的《…》,
#: 2008年所签引渡条约): an earlier one the sentence refers to, not a time its paragraph goes on at.
_A_DOCUMENTS_YEAR = re.compile(r"[0-9]{4}年(?=(?:的|所?签(?:署|订)?的?)?《|所签)")


#: A part of a year written after it (2024年初, 1998年底, 2010年上半年): those months, not the year.
_PART_OF_A_YEAR = re.compile(r"上半年|下半年|初(?![次步期衷])|底|末")
_PARTS_OF_A_YEAR = {"初": ((1, 1), (3, 31)), "底": ((10, 1), (12, 31)), "末": ((10, 1), (12, 31)),
                    "上半年": ((1, 1), (6, 30)), "下半年": ((7, 1), (12, 31))}


@dataclass(frozen=True)
class Told:
    """The time a paragraph has reached: the days or months it gave last, whether they were
    said to come after the meeting (then they are the meeting's), and the year it is in."""

    times: tuple[tuple[date, date], ...] = ()
    after_the_meeting: bool = False
    year: int | None = None
    last: tuple[date, date] | None = None  # the time told last in the text, where not the last of ``times``

    @property
    def told_last(self) -> tuple[date, date] | None:
        return self.last or (self.times[-1] if self.times else None)


def times_in(text: str, span: tuple[date, date], year: int | None = None) -> Told:
    """The times ``text`` gives; a day without its year is read in ``year`` (the one its
    paragraph is in), else in each year the span touches (a visit from 12月16日 to 2月17日
    holds 2月14日)."""
    return _times_in(text, (year,) if year else tuple(range(span[0].year, span[1].year + 1)), year)


@lru_cache(maxsize=4096)  # a sentence is read about seven times a page, by several rules
def _times_in(text: str, years: tuple[int, ...], year: int | None) -> Told:
    text = _PERIOD_AFTER_A_TITLE.sub(lambda m: "〃" * len(m.group()),
                                     TITLE_MARKS.sub(lambda m: "《" + "〃" * len(m["t"]) + "》", text))  # names date nothing
    times: list[tuple[int, date, date]] = []  # with where the text tells each: the last told is where it got to
    days = find_dates(text, year=years[0])
    for day in days:
        if _AFTER_THE_MEETING.search(text[:day.at]):
            return Told((), True, year)
        times.append((day.at, day.start, day.end))
        if not day.year_given and len(years) > 1:
            times.extend((day.at, d.start, d.end) for d in find_dates(text[day.at:day.stop], year=years[-1])[:1])
    for time in find_year_months(text):
        if any(d.at <= time.at < d.stop for d in days) or YEAR_FRAME.match(text[time.stop:]):
            continue
        first = date(time.year, time.month or 1, 1)
        last = date(time.year, 12, 31) if time.month is None else \
            (date(time.year + time.month // 12, time.month % 12 + 1, 1) - timedelta(days=1))
        part = _PART_OF_A_YEAR.match(text, time.stop) if time.month is None else None
        if part is not None:  # 2024年初: its first months, not the whole year
            first, last = (date(time.year, month, day) for month, day in _PARTS_OF_A_YEAR[part[0]])
        times.append((time.at, first, last))
    # 2034年3月就任后，…于6月4日至8日访问: the visit's days are told last, a bare 8日 after it is of June
    last = max(reversed(times), key=lambda t: t[0])[1:] if times else None
    return Told(tuple((first, end) for _, first, end in times), False, year, last)


def year_of(hans: str, before: int | None) -> int | None:
    """The year a text is in: the last one it names that frames no time (not 2030年前),
    else ``before`` (its paragraph's)."""
    year = _last_year(hans)
    return before if year is None else year


@lru_cache(maxsize=4096)  # a sentence is read about seven times a page, by several rules
def _last_year(hans: str) -> int | None:
    return next((y.year for y in reversed(find_year_months(hans)) if not YEAR_FRAME.match(hans[y.stop:])), None)


def told_after(hans: str, span: tuple[date, date], before: Told | None) -> Told | None:
    """The time a paragraph has reached after this sentence: the sentence's own, else the
    one before (an undated sentence goes on at the last time told: 当天下午，…签字)."""
    hans = _blanked(hans)
    year = year_of(hans, before.year if before else None)
    told = times_in(hans, span, year)
    if not told.times and not told.after_the_meeting and bare_days(hans, before):
        told = Told(bare_days(hans, before), False, year)
    return told if told.times or told.after_the_meeting else (Told(before.times, before.after_the_meeting, year, before.last)
                                                              if before else Told((), False, year))


@lru_cache(maxsize=4096)  # a sentence is read once for each summit's days, by several rules
def _blanked(hans: str) -> str:
    """The sentence as :func:`told_after` reads it: its targets', earlier documents', asides' and recalled years blanked."""
    return recalled_years_blanked(asides_blanked(documents_years_blanked(_PERIOD_AFTER_A_TITLE.sub(
        lambda m: "〃" * len(m.group()), _TARGET_YEAR.sub(lambda m: "〃" * len(m.group()), hans)))))


#: A year something is to be done by (宣布到2040年将对乙国的援助增至10亿美元, 力争到2040年实现贸易额翻番): a target,
#: not a time the account has got to; not the end of a span (2031年至2033年).
_TARGET_YEAR = re.compile(r"(?<![0-9年])(?:到|至)[0-9]{4}年(?:时|底|末)?(?=[，,]?(?:将|要|把|使|实现|达到|增至|翻))")


def documents_years_blanked(hans: str) -> str:
    """The sentence with the years of the earlier documents it names blanked (``两国签署了9项协议，包括…、
    落实2008年所签引渡条约的文书``): the sentence after it is not told in that year."""
    return _A_DOCUMENTS_YEAR.sub(lambda m: "〃" * len(m.group()), hans) if "年" in hans else hans


#: A sentence that opens with a day told without its year (1月15日，…; 6月20日上午，…): the day is in the year its
#: paragraph is in.
_OPENS_WITH_A_BARE_DAY = re.compile(r"^(?:[0-9]{1,2}月)?[0-9]{1,2}日")
#: A year heading a phrase that describes something by when it happened, ending in 时 or 的 (访问2007年复交的乙国,
#: 甲表示，2014年乙访问甲国时两国建立了…): the time of what it describes, not one the account has got to.
_RECALLED_YEAR = re.compile(r"(?<![0-9])[0-9]{4}年"
                            r"(?=[^，,。；;：:0-9年月日]{1,16}?(?:(?<![同小当届临及按准暂])时(?![任隔间期代刻])|的))")


def recalled_years_blanked(hans: str) -> str:
    """A sentence that opens with a day without its year, with the years blanked that head a phrase describing
    something by when it happened (``1月15日，甲首度访问2007年复交的乙国，…签署联合公报``, ``6月20日上午，…；乙表示，
    2014年丙访问乙国时两国建立了…``): the sentence, and the paragraph after it, are still in the paragraph's year."""
    if "年" not in hans or not _OPENS_WITH_A_BARE_DAY.match(hans):
        return hans
    return _RECALLED_YEAR.sub(lambda m: "〃" * len(m.group()), hans)


#: A clause that says what the one before it told is, in a time of its own (…开始对乙国的国事访问，这是继2000年
#: 某人之后…首次; …，也是1990年以来…首次): an aside to its part's end, whose times the account has not got to; not
#: a bare 是, which opens the clause that says what the article's subject is (``甲乙会谈，是甲与乙于2000年…举行的会谈``).
_ASIDE_CLAUSE = re.compile(r"(?<=[，,])(?:(?:这|此)(?:也|亦|则|正)?(?:是|为|系)|(?:也|亦)是)(?![0-9])[^；;]*")


def asides_blanked(hans: str) -> str:
    """The sentence with its aside clauses blanked (``6月1日，甲抵达某城，这是继2000年乙之后…首次``):
    the sentence after it goes on in the paragraph's year, not the aside's."""
    return _ASIDE_CLAUSE.sub(lambda m: "〃" * len(m.group()), hans) if "年" in hans else hans


def bare_days(text: str, told: Told | None) -> tuple[tuple[date, date], ...]:
    """The days a text gives by their number alone (``17日，…；18日，…``), in the month its
    paragraph told last; none where it told no month."""
    last = told.told_last if told is not None else None
    if last is None or last[0].replace(day=1) != last[1].replace(day=1):
        return ()  # no month told (a year, or days across months)
    month = last[0]
    out = []
    for match in _BARE_DAY.finditer(TITLE_MARKS.sub(lambda m: "《" + "〃" * len(m["t"]) + "》", text)):
        try:
            out.append((month.replace(day=int(match[1])),) * 2)
        except ValueError:
            continue
    return tuple(out)


#: A month without its year or day opening a text (同年12月，…; 次年3月，…; 12月，…): the year
#: before it, if any, is the one the text is at (同年, 当年) or the one after (次年, 翌年).
_MONTH_OPENING = re.compile(r"^(?:同年|当年|该年|(?P<next>次年|翌年|第二年|隔年|来年))?(?P<m>1[0-2]|[1-9])月(?![0-9])")


def month_opening(text: str, year: int | None, span: tuple[date, date]) -> tuple[tuple[date, date], ...]:
    """The month a text opens with, told without its year or day (``同年12月，…签署《…》``),
    in ``year`` (the one its paragraph is in; the next after 次年), else in each year the
    span touches; a month inside the text (``…6月的国事访问所达成的共识…``) is another time's."""
    match = _MONTH_OPENING.match(text)
    if match is None:
        return ()
    month, out = int(match["m"]), []
    for in_year in (year,) if year else range(span[0].year, span[1].year + 1):
        in_year += bool(match["next"])
        out.append((date(in_year, month, 1), date(in_year + month // 12, month % 12 + 1, 1) - timedelta(days=1)))
    return tuple(out)


def day_numbers(text: str) -> set[int]:
    """The days a text gives by their number alone (``19日，…``), whatever their month."""
    masked = TITLE_MARKS.sub(lambda m: "《" + "〃" * len(m["t"]) + "》", text)
    return {int(match[1]) for match in _BARE_DAY.finditer(masked)}


def next_about(sentences, i: int, refers_back: re.Pattern) -> Sentence | None:
    """The sentence after ``sentences[i]`` in its paragraph, where it begins by referring
    back to what that one told (``该协议于2014年9月签署``, ``这是…第三次会议``); else ``None``."""
    following = sentences[i + 1] if i + 1 < len(sentences) else None
    if following is None or following.paragraph != sentences[i].paragraph or not refers_back.match(following.hans):
        return None
    return following
