"""Sentences of a passage, and where known names occur in them.

Patterns in the extractors match the Simplified view of a sentence (``Sentence.hans``),
which has the same length as the text, so every match maps back to the page.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from kg.extract.names import NameIndex, Namesake, generic_building, namesake_meant
from kg.extract.scripts import to_hans
from kg.model import Evidence, Span
from kg.wikitext import Document, Mention, Passage, RefMark, Section, passage

_SENTENCE_END = "。！？!?\n"


#: What parts a sentence's clauses: a comma, a semicolon, or the sentence's own end
#: (``甲访问乙国，在某城同乙会谈。``). Rules that ask what a clause says of a name read from the last before it.
_CLAUSE_MARKS = "，,；;。"
CLAUSE_BREAK = re.compile(f"[{_CLAUSE_MARKS}]")

#: What parts clauses where a colon begins one too (``媒体称：这是两人第三次会晤``): the words said after
#: the colon are a clause of their own, for rules that read a number or a phrase with the words right before it.
_CLAUSE_OR_COLON_MARKS = _CLAUSE_MARKS + "：:"
CLAUSE_OR_COLON_BREAK = re.compile(f"[{_CLAUSE_OR_COLON_MARKS}]")


def clause_start(hans: str, at: int) -> int:
    """Where the sentence's clause holding ``at`` begins: after the last :data:`CLAUSE_BREAK`
    before it, else at 0.

    >>> clause_start("甲抵达某城，同乙会谈", 8)
    6
    """
    return max(hans.rfind(mark, 0, at) for mark in _CLAUSE_MARKS) + 1


def clause_end(hans: str, at: int) -> int:
    """Where the sentence's clause holding ``at`` ends: at the first :data:`CLAUSE_BREAK` from it, else
    at the sentence's end.

    >>> clause_end("甲抵达某城，同乙会谈", 2)
    5
    """
    found = CLAUSE_BREAK.search(hans, at)
    return found.start() if found else len(hans)


def clause_start_past_colon(hans: str, at: int) -> int:
    """Where the clause holding ``at`` begins, a colon parting clauses too: after the last
    :data:`CLAUSE_OR_COLON_BREAK` before it, else at 0.

    >>> clause_start_past_colon("媒体称：这是第三次会晤", 7)
    4
    """
    return max(hans.rfind(mark, 0, at) for mark in _CLAUSE_OR_COLON_MARKS) + 1


@dataclass(frozen=True)
class Spot:
    """A name found in a sentence: a wikilink or a known name written without one."""

    start: int  # in the sentence text
    end: int
    key: str  # the name's stable key
    surface: str  # as written
    hans: str  # in Simplified script
    link: Mention | None  # the wikilink, when the name is one


@dataclass(frozen=True)
class Sentence:
    passage: Passage
    start: int  # in passage.text
    end: int
    text: str
    hans: str  # Simplified view, same length as text
    section: Section | None
    paragraph: int  # index of the paragraph within its passage
    spots: tuple[Spot, ...]
    refs: tuple[RefMark, ...]

    @property
    def heading(self) -> str | None:
        return self.section.heading if self.section else None

    def evidence(self) -> Evidence:
        return self._evidence

    @cached_property
    def _evidence(self) -> Evidence:  # asked about four times a sentence, by the rules that read it
        return Evidence(self.passage.source_span(self.start, self.end), self.text.strip(), self.heading)

    def span_of(self, start: int, end: int) -> Span:
        return self.passage.source_span(self.start + start, self.start + end)

    def spots_in(self, start: int, end: int) -> tuple[Spot, ...]:
        return tuple(s for s in self.spots if s.start >= start and s.end <= end)


class Spotter:
    """Finds known names in text: every wikilink's target and label, in either script.

    ``common`` are names every article's spotter looks for (the states, the well-known
    venues): they are compiled into a pattern once per process, and only the article's own
    names into one per article (compiling the five hundred names together cost about 2 ms a
    page). The two patterns are read together so that what is found is what one pattern of
    all the names, longest first, finds: the leftmost name, the longest there.
    """

    def __init__(self, index: NameIndex, names: set[str], common: frozenset[str] = frozenset(),
                 namesakes: dict[str, tuple[Namesake, ...]] | None = None, alone: re.Pattern | None = None) -> None:
        """``alone``: a pattern of the names found only where written on their own (one character long)."""
        self.index = index
        self.namesakes = namesakes or {}  # a short name several people share → they (names.namesakes)
        if common and common <= names:
            shared = _hans_names(common)
            own = {to_hans(n) for n in names - common if len(n) > 1} - shared
        else:
            shared, own = frozenset(), {to_hans(n) for n in names if len(n) > 1}
        self._patterns = tuple(pattern for pattern in (_pattern_of(shared), _Names.of(own), alone) if pattern is not None)

    def spots(self, text: str, hans: str, mentions: tuple[Mention, ...], offset: int) -> tuple[Spot, ...]:
        """Links first; then known names in the text between them."""
        found: list[Spot] = []
        taken = None  # the characters the links cover, once one is found
        for mention in mentions:
            start, end = mention.start - offset, mention.end - offset
            if 0 <= start < end <= len(hans):
                key = self.index.key(mention.link.target)
                surface = mention.link.target.strip() if generic_building(mention.link.target) else text[start:end]
                found.append(Spot(start, end, key, surface, hans[start:end], mention))  # 国家宫 (肯尼亚): the town's
                if taken is None:
                    taken = [False] * len(hans)
                taken[start:end] = [True] * (end - start)
        for match in _names_in(hans, self._patterns):
            if (taken is None or not any(taken[match.start():match.end()])) and not self._another_monarch(hans, match) \
                    and not self._a_soviet_republics_body(hans, match):
                meant = self.namesakes and match.group() in self.namesakes \
                    and namesake_meant(hans, match.start(), match.end(), self.namesakes[match.group()])
                if meant:  # 阿布扎比王储穆罕默德: the one of two 穆罕默德 whose office it is, named by his full name
                    found.append(Spot(match.start(), match.end(), self.index.key(meant.target), meant.target,
                                      match.group(), None))
                    continue
                found.append(Spot(match.start(), match.end(), self.index.key(match.group()),
                                  text[match.start():match.end()], match.group(), None))
        if taken is None:  # names alone, found from left to right: in order already
            return tuple(found)
        return tuple(sorted(found, key=lambda s: s.start))


    def _a_soviet_republics_body(self, hans: str, match: re.Match) -> bool:
        """Whether a state's name, written without a link, names a republic of the Soviet Union by the body
        it goes on with (``甲斯坦部长会议``, ``甲斯坦苏维埃社会主义共和国``, ``甲斯坦加盟共和国``): the
        republic's council or soviet, not the state that bears its name today."""
        return _SOVIET_BODY.match(hans, match.end()) is not None and self.index.is_state(match.group())

    def _another_monarch(self, hans: str, match: re.Match) -> bool:
        """Whether the name goes on with a regnal number that makes it someone else's (``穆罕默德五世``
        where ``穆罕默德`` is the short name of 穆罕默德·本·某某, and 穆罕默德五世 is no name of his)."""
        end = match.end()
        if end >= len(hans) or hans[end] not in _REGNAL_DIGITS:
            return False
        regnal = _REGNAL_AFTER.match(hans, end)
        return regnal is not None and self.index.key(match.group() + regnal.group()) != self.index.key(match.group())


#: The bodies of a Soviet republic written right after its name (甲斯坦部长会议, 甲斯坦最高苏维埃).
_SOVIET_BODY = re.compile(r"部长会议|最高苏维埃|苏维埃|加盟共和国|社会主义共和国")

_REGNAL_DIGITS = frozenset("一二三四五六七八九十")
#: A regnal number right after a name (穆罕默德五世, 阿卜杜拉二世).
_REGNAL_AFTER = re.compile(r"[一二三四五六七八九十]{1,3}世")


def _alternation(names) -> re.Pattern[str] | None:
    """One pattern of ``names``, longest first: at each place it matches the longest name there."""
    ordered = sorted(names, key=lambda n: (-len(n), n))
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None


@lru_cache(maxsize=4)
def _hans_names(names: frozenset[str]) -> frozenset[str]:
    return frozenset(to_hans(n) for n in names if len(n) > 1)


@lru_cache(maxsize=4)
def _pattern_of(names: frozenset[str]) -> re.Pattern[str] | None:
    """What :func:`_alternation` matches, as a pattern of the names' common beginnings (甲国 and
    甲国联邦: ``甲国(?:联邦)?``), which the matcher reads about twice as fast: the names a text
    holds at one place begin with each other, so the deepest one is the longest. Compiled once
    a process (about twice as long to compile as the alternation)."""
    return re.compile(longest_first(names)) if names else None


def longest_first(names) -> str:
    """The text of a pattern of ``names`` that tries those at a place longest first, as an
    alternation of them longest first does, written as their common beginnings (see
    :func:`_pattern_of`)."""
    trie: dict = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    if "" not in node:
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + "|".join(branches) + ")?"  # a longer name first, else the one that ends here


class _Names:
    """Finds what :func:`_alternation`'s pattern of ``names`` finds (the leftmost name, the
    longest there, then on from its end) without compiling a pattern: compiling one of an
    article's own names cost more than reading its sentences a character at a time."""

    def __init__(self, names) -> None:
        self._by_first: dict[str, list[str]] = {}  # each name under its first character, longest first
        for name in sorted(names, key=lambda n: (-len(n), n)):
            self._by_first.setdefault(name[0], []).append(name)

    @classmethod
    def of(cls, names) -> "_Names | None":
        return cls(names) if names else None

    def search(self, text: str, pos: int = 0) -> "_Found | None":
        # Where a name may start, read a character at a time: a pattern of the first characters
        # (a class of a few hundred) cost more to compile, once a page, than every sentence's reading.
        get = self._by_first.get
        for at in range(pos, len(text)):
            names = get(text[at])
            if names is not None:
                for name in names:
                    if text.startswith(name, at):
                        return _Found(at, name)
        return None

    def finditer(self, text: str) -> Iterator["_Found"]:
        found = self.search(text)
        while found is not None:
            yield found
            found = self.search(text, found.end())


class _Found:
    """A name :class:`_Names` found, read as a pattern's match is."""

    __slots__ = ("_start", "_name")

    def __init__(self, start: int, name: str) -> None:
        self._start, self._name = start, name

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._start + len(self._name)

    def group(self) -> str:
        return self._name


def _names_in(hans: str, patterns: tuple) -> Iterator:
    """The matches one alternation of every pattern's names, longest first, would give: from
    where the last match ended, the one that starts first, the longer where two start together."""
    if len(patterns) == 1:
        yield from patterns[0].finditer(hans)
        return
    if len(patterns) == 2:
        yield from _names_of_two(hans, *patterns)
        return
    at = 0
    ahead = [pattern.search(hans, at) for pattern in patterns]
    while True:
        for i, match in enumerate(ahead):
            if match is not None and match.start() < at:  # overlapped by the last match: look again after it
                ahead[i] = patterns[i].search(hans, at)
        candidates = [match for match in ahead if match is not None]
        if not candidates:
            return
        best = min(candidates, key=lambda m: (m.start(), -m.end()))
        yield best
        at = best.end()


def _names_of_two(hans: str, first, second) -> Iterator:
    """:func:`_names_in` of two patterns (the shared names' and the article's own, every
    sentence's), without a list and a key function made at each step: the earlier match, the
    longer where both start together, the first pattern's where they end together too."""
    at = 0
    one, two = first.search(hans), second.search(hans)
    while True:
        if one is not None and one.start() < at:  # overlapped by the last match: look again after it
            one = first.search(hans, at)
        if two is not None and two.start() < at:
            two = second.search(hans, at)
        if one is None:
            if two is None:
                return
            best = two
        elif two is None:
            best = one
        else:
            best = two if (two.start(), -two.end()) < (one.start(), -one.end()) else one
        yield best
        at = best.end()


def sentences(document: Document, span: Span, section: Section | None, spotter: Spotter,
              *, clauses: bool = False) -> tuple[Sentence, ...]:
    """The sentences of ``span`` (or its clauses, split at ``；`` too, when ``clauses``)."""
    text_passage = passage(document, span)
    text = text_passage.text
    mentions = _ByStart(text_passage.mentions, [m.start for m in text_passage.mentions])
    refs = _ByStart(text_passage.refs, [r.at for r in text_passage.refs])
    out: list[Sentence] = []
    start, paragraph = 0, 0
    for end in (_CLAUSE_ENDS if clauses else _SENTENCE_ENDS).finditer(text + "\n"):
        i, char = end.start(), end.group()
        if char in "；;" and _inside_brackets(text, start, i):
            continue  # （英语：…；…）: the bracket's parts, not two clauses of the sentence
        stop = i + 1 if i < len(text) else i
        chunk = text[start:stop]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            s, e = start + lead, start + len(chunk.rstrip())
            hans = to_hans(text[s:e])
            inside = tuple(m for m in mentions.between(s, e) if m.end <= e)
            out.append(Sentence(text_passage, s, e, text[s:e], hans, section, paragraph,
                                spotter.spots(text[s:e], hans, inside, s), refs.between(s, e)))  # refs follow the 。
        if char == "\n" and i > 0 and text[i - 1] == "\n" and out:
            paragraph += 1  # a blank line ends a paragraph
        start = stop
    return tuple(out)


_SENTENCE_ENDS = re.compile(f"[{re.escape(_SENTENCE_END)}]")


def _inside_brackets(text: str, start: int, at: int) -> bool:
    """Whether ``at`` is inside a bracket opened after ``start``."""
    opened = text.count("（", start, at) + text.count("(", start, at)
    return opened > text.count("）", start, at) + text.count(")", start, at)
_CLAUSE_ENDS = re.compile(f"[{re.escape(_SENTENCE_END)}；;]")


class _ByStart:
    """A passage's mentions or refs by where each starts, for each sentence to take those
    inside it: by bisection when they come in that order (a link inside another's label may
    not), by a pass over all of them otherwise."""

    def __init__(self, items: tuple, starts: list[int]) -> None:
        self.items = items
        self.starts = starts
        self.ordered = all(a <= b for a, b in zip(starts, starts[1:]))

    def between(self, low: int, high: int) -> tuple:
        """The items that start from ``low`` to ``high``, both included, in their order."""
        if self.ordered:
            return self.items[bisect_left(self.starts, low):bisect_right(self.starts, high)]
        return tuple(item for item, at in zip(self.items, self.starts) if low <= at <= high)
