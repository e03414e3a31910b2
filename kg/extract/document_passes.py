"""Passes over the whole article that give a summit the documents its own sentences do not.

An infobox of the document (``{{Infobox treaty}}``, ``{{Infobox document}}``) names the summit on whose days
it was signed, and where the box says it was signed places that summit; a leader's visit's infobox
(``{{Infobox diplomatic visit}}``) names in its ``outcome`` what the one summit of the visit's days signed or issued;
a sentence anywhere in the prose that
dates a document to one summit's days and no other's names that summit's (a table's row the prose tells of);
and what the account of a meeting told in its own section says was signed is that meeting's.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kg.extract.dates import find_dates
from kg.extract.document_names import DOCUMENT_ENDINGS, SIGNED
from kg.extract.documents import GOES_ON, REFERS_BACK, outcomes, sentence_outcomes
from kg.extract.entries import cell_chains, entries_in
from kg.extract.infobox import outcome_documents, states_toured, summit_infoboxes
from kg.extract.narrative import ASIDE, TITLE_MARKS, Told, bare_days, next_about, times_in, told_after, year_of
from kg.extract.reading import Reading
from kg.extract.scripts import script_of, to_hans
from kg.extract.visited_states import VISIT_BOX
from kg.model import EntityId, Evidence, Kind, Label, Prop
from kg.wikitext import bold_lead_term

TREATY_BOX = re.compile(r"^(infobox\s*)?(treaty|document|条约|條約|协定|宣言|文件)(\s*信息框|\s*资讯框)?$")


def documents_of_treaty_boxes(reading: Reading, summits) -> None:
    """An infobox of a treaty or a declaration (``{{Infobox treaty}}``: name, long_name,
    date_signed; ``{{Infobox document}}``: document_name, date_created) names a document signed on its day: the outcome of the summit whose days
    hold that day (the day after included), where exactly one does. Its name and long name
    are one document's, unless the long name lists several in title marks (``《甲》和《乙》``,
    of which the name is the common name): then those are the documents."""
    registry = reading.registry
    for box in reading.document.templates:
        if box.nested_in is not None or not TREATY_BOX.match(to_hans(box.key)):
            continue
        signed = [d for d in find_dates(box.get("date_signed") or box.get("date_created") or "") if d.year_given]
        if not signed:
            continue
        day = signed[0].start
        on_that_day = [s for s in summits if s.start <= day <= s.end + timedelta(days=1)]
        if len(on_that_day) != 1:
            continue
        name = (box.get("name") or box.get("document_name") or "").strip()
        long_name = (box.get("long_name") or "").strip()
        listed = [m["t"] for m in TITLE_MARKS.finditer(long_name)]
        names = [[n] for n in listed] if len(listed) > 1 else [[n for n in (name, long_name.strip("《》"),
                                                                             _the_documents_subject(reading)) if n]]
        evidence = Evidence(box.span, f"{{{{{box.name}}}}}", None)
        for same in filter(None, names):
            document = registry.named(Kind.DOCUMENT, same[0])
            for other in same[1:]:
                registry.label(document, Label(other, script_of(other)))
                reading.index.merge(document.key, other)
            registry.fact(on_that_day[0].id, Prop.OUTCOME, document, evidence=(evidence,))
            registry.evidence(document, evidence)
        signed_at = next((p for p in box.params if p.name in _SIGNED_AT_FIELDS and p.value.strip()), None)
        if signed_at is not None:
            _venue_signed(reading, on_that_day[0].id, signed_at.span, evidence)
        if len(summits) == 1 and _made_by_the_box(reading, summits[0], box):
            _documents_of_the_signings_account(reading, summits[0])


def _documents_of_the_signings_account(reading: Reading, summit) -> None:
    """What the lead or the article's own account of the signing (not its background, aftermath or
    reactions: 背景, 影响, 后续 ...) says was signed then is the signing's too (``与议定书同时签署的文件还包括：``)."""
    span = (summit.start, summit.end)
    outcomes(reading, summit.id, reading.lead, span)
    for section, sentences in reading.by_section.items():
        if not ASIDE.match(to_hans(section.heading).strip()):
            outcomes(reading, summit.id, sentences, span)


def _made_by_the_box(reading: Reading, summit, box) -> bool:
    """Whether the summit is the signing the treaty's box tells, none the prose or a summit's box told (its days
    are the treaty box's): the article about the treaty is the account of that signing (``与议定书同时签署的文件
    还包括：`` then a list of 《…》, a line each, names its documents too)."""
    return summit.anchor is None and any(e.span == box.span for fact in reading.registry.facts_recorded(summit.id, Prop.START_DATE)
                                         for e in fact.evidence)


def documents_of_visit_boxes(reading: Reading, summits) -> None:
    """A leader's visit's infobox (``{{Infobox diplomatic visit}}``, ``{{Infobox 外交訪問}}``) names in its
    ``outcome`` what the visit signed or issued, read as a summit infobox's is (``《甲乙联合声明》；关于…的谅解备忘录``:
    title marks, or unquoted after a signing verb or as an item of its own): the outcomes of the one summit held
    within the days of its ``date``. Where several were, as on a tour (a box of a tour's stops makes no summit of
    its own, :func:`kg.extract.infobox.infobox_summit`), a document is the one summit's whose own sentences name it
    (``兩國元首隨即舉行會談，並見證兩國外長簽署《甲乙基本合作協定》``); else which of them signed it is unknown."""
    registry = reading.registry
    for box in reading.document.templates:
        if box.nested_in is not None or not (VISIT_BOX.match(to_hans(box.key).strip().lower())
                                             or box in summit_infoboxes(reading) and len(states_toured(reading, box)) > 1):
            continue
        days = [d for d in find_dates(box.get("date") or box.get("dates") or box.get("日期") or "") if d.year_given]
        if not days:
            continue
        start, end = days[0].start, max(d.end for d in days[:2])
        held = [s for s in summits if start <= s.start and s.end <= end]
        evidence = Evidence(box.span, f"{{{{{box.name}}}}}", None)
        for name, article in outcome_documents(reading, box):
            signed = held if len(held) == 1 else [s for s in held if _names_it(reading, s, to_hans(name))]
            if len(signed) != 1:
                continue
            given = [d for d in registry.facts_about(signed[0].id, Prop.OUTCOME) if isinstance(d, EntityId)]
            longer = next((d for d in given if _shortened(to_hans(name), d.key)), None)
            if longer is not None:  # 关于购买某战机的协议 of the prose's 关于甲国购买某战机的协议: the box shortens its name,
                registry.label(longer, Label(name, script_of(name)))  # which is one of its names
                continue
            document = registry.named(Kind.DOCUMENT, name, article=article)
            registry.fact(signed[0].id, Prop.OUTCOME, document, evidence=(evidence,))
            registry.evidence(document, evidence)


def _names_it(reading: Reading, summit, name: str) -> bool:
    """Whether the prose names the document ``name`` on the summit's days: in a sentence whose paragraph has
    told, by then, a day within them (``3月31日，甲抵达某都。當晚，…兩國元首隨即舉行會談，並見證…簽署《某協定》``)."""
    for told in reading.by_section.values():
        for i, sentence in enumerate(told):
            at = sentence.hans.find(name)
            if at < 0:
                continue
            paragraph = [s.hans for s in told[:i] if s.paragraph == sentence.paragraph] + [sentence.hans[:at]]
            days = [d for hans in paragraph for d in find_dates(hans, year=summit.start.year)]
            if days and summit.start <= days[-1].start <= summit.end:
                return True
    return False


def _shortened(short: str, full: str) -> bool:
    """Whether ``short`` writes ``full`` with words left out: its characters, in order, end in the same
    document word (关于购买某战机的协议 of 关于甲国购买某战机的协议)."""
    word = next((w for w in DOCUMENT_ENDINGS if short.endswith(w)), None)
    if word is None or len(short) < 8 or len(short) >= len(full) or not full.endswith(word):
        return False
    chars = iter(full)
    return all(c in chars for c in short)


def _the_documents_subject(reading: Reading) -> str | None:
    """The lead's bold name, when it names a document (a bold 亚伯拉罕协议 opening the lead under a box
    whose name is 亞伯拉罕協定): the article is about the box's document, by another of its names."""
    document = reading.document
    name = (bold_lead_term(document.text, document.bold, document.lead.end) or "").strip("《》 ")
    return name if name and to_hans(name).endswith(DOCUMENT_ENDINGS) else None


#: The field of a treaty's infobox that says where it was signed.
_SIGNED_AT_FIELDS = ("location_signed", "place_signed")


def _venue_signed(reading: Reading, summit: EntityId, span, evidence: Evidence) -> None:
    """The place a treaty's infobox says it was signed (``location_signed = [[法国]][[巴黎]][[爱丽舍宫]]``),
    big to small, is the venue of the summit of its day, where the summit is placed nowhere
    else or at a place of that chain (the prose's 巴黎); not where the text places the summit
    elsewhere (a treaty signed in the capital after talks at a retreat)."""
    registry = reading.registry
    entries = entries_in(reading, span)
    if len(entries) != 1:
        return  # several places: which one held the meeting is unknown
    places = [registry.named(Kind.COUNTRY if reading.index.is_state(name) else Kind.PLACE, name, article=article)
              for name, article in cell_chains(reading, entries)[0]]
    places = [p for p in places if p.kind in (Kind.PLACE, Kind.COUNTRY)]
    if not places or places[-1].kind is Kind.COUNTRY:
        return
    venues = [v for v in registry.facts_about(summit, Prop.VENUE) if isinstance(v, EntityId)]
    if len(venues) > 1 or venues and venues[0].key not in {p.key for p in places}:
        return
    for outer, inner in zip(places, places[1:]):
        if inner.kind is Kind.PLACE and inner != outer:
            registry.fact(inner, Prop.LOCATED_IN, outer, evidence=(evidence,))
    registry.fact(summit, Prop.VENUE, places[-1], evidence=(evidence,))
    registry.keep_only(summit, Prop.VENUE, places[-1])


def documents_by_their_days(reading: Reading, summits) -> None:
    """A document a sentence anywhere in the prose dates to one summit's days, and to no
    other summit's, is that summit's (a table's row whose documents the prose names:
    ``1988年12月28日晚，甲抵达某都……12月31日下午，两国签订了《…》、《…》和《…》三个协定``); a
    sentence that gives no time of its own is left to the readers of its summit's account.
    Not a table's row, whose cells the table reader reads."""
    tables = [table.span for table in reading.document.tables]
    parts = [reading.lead] + list(reading.by_section.values())
    for sentences in parts:
        told: Told | None = None
        for i, sentence in enumerate(sentences):
            if i and (sentences[i - 1].paragraph != sentence.paragraph or sentences[i - 1].passage is not sentence.passage):
                told = None
            when = _own_times(sentence.hans, told)
            yearless = not when and not any(year_of(s.hans, None) for s in sentences[:i + 1])
            if (when or yearless) and SIGNED.search(sentence.hans) and \
                    not any(t.start <= sentence.span_of(0, 0).start < t.end for t in tables):
                on_those_days = {s.id: s for s in summits
                                 if any(start <= s.end + timedelta(days=1) and s.start <= last
                                        for start, last in when or _days_in_its_years(sentence.hans, s))}
                if len(on_those_days) == 1:
                    (summit,) = on_those_days.values()
                    sentence_outcomes(reading, summit.id, sentence, (summit.start, summit.end), told, False,
                                       next_about(sentences, i, REFERS_BACK))
            elif told is None and not when and SIGNED.search(sentence.hans) and \
                    (summit := _the_summit_of_its_year(sentence, summits)) is not None:
                sentence_outcomes(reading, summit.id, sentence, (summit.start, summit.end), None, False,
                                   next_about(sentences, i, REFERS_BACK))
            told = told_after(sentence.hans, (date.min, date.min), told)


#: The heading of a section of a series' account that is a year alone (== 2031年 ==).
_A_YEARS_HEADING = re.compile(r"^\s*(?P<y>[0-9]{4})年\s*$")


def _the_summit_of_its_year(sentence, summits):
    """The one summit of the year a section's heading is (``== 2031年 ==``), where a paragraph of it that has told
    no time yet says something was signed (``两国总理共同见证了…一系列协议的签署，包括《…》``): the section is that
    year's account, and a paragraph that gives no time of its own goes on in it. None where the year holds
    no summit or several."""
    heading = _A_YEARS_HEADING.match(to_hans(sentence.heading or ""))
    if heading is None:
        return None
    year = int(heading["y"])
    held = [s for s in summits if s.start.year == year]
    return held[0] if len(held) == 1 else None


def _days_in_its_years(hans: str, summit) -> tuple[tuple[date, date], ...]:
    """The days a sentence gives by month and day alone, read in the years of the summit's days, where
    nothing before it in its section gave a year (``== 成果 ==`` then ``10月17日，两国发表《…》``, the year
    the lead's): a day of that summit's, if it is one."""
    return tuple(t for t in times_in(hans, (summit.start, summit.end)).times if (t[1] - t[0]).days < 28)


def documents_of_the_meeting_told(reading: Reading, summits) -> None:
    """Meetings of one day told one after another in a paragraph (``…举行三方会谈。三方会后发表联合
    声明。当天，甲与乙举行会晤；丙也分别会见了甲和乙``): a document a sentence names is of the
    meetings told at or before it, not of one the paragraph tells only after it."""
    registry = reading.registry
    sentences = reading.all_sentences()
    where = {id(s): i for i, s in enumerate(sentences)}
    at_span = {s.evidence().span: i for i, s in enumerate(sentences)}
    told = [(s, where[id(s.anchor)]) for s in summits if s.anchor is not None and id(s.anchor) in where]
    said: dict[tuple, list[int | None]] = {}
    for fact in registry.facts_of(Prop.OUTCOME):
        said.setdefault((fact.subject, fact.value), []).extend(at_span.get(e.span) for e in fact.evidence or (None,))
    for summit, at in told:
        anchor = summit.anchor
        earlier = [a for other, a in told if other is not summit and other.start == summit.start and a < at
                   and other.anchor.paragraph == anchor.paragraph and other.anchor.passage is anchor.passage]
        if not earlier:
            continue
        for document in [d for d in registry.facts_about(summit.id, Prop.OUTCOME) if isinstance(d, EntityId)]:
            places = said.get((summit.id, document), [None])
            if all(i is not None and min(earlier) <= i < at and sentences[i].paragraph == anchor.paragraph
                   for i in places):
                registry.drop_one(summit.id, Prop.OUTCOME, document)


def _own_times(hans: str, told: Told | None) -> tuple[tuple[date, date], ...]:
    """The days a sentence gives, with their years or in the year its paragraph told, by
    their number alone in the month it told, or the days it told where the sentence says it
    goes on at them (当天下午); a year or a month alone is too wide."""
    year = year_of(hans, told.year if told else None)
    if year is None:
        return ()
    days = tuple(t for t in times_in(hans, (date(year, 1, 1), date(year, 1, 1)), year).times if (t[1] - t[0]).days < 28)
    if not days and told is not None and GOES_ON.search(hans):  # 当天下午5时30分，《…》签字仪式举行
        days = tuple(t for t in told.times if (t[1] - t[0]).days < 28)
    return days or bare_days(hans, told)
