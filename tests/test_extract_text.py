"""The extraction's plumbing: the Spotter (the names every article looks for compiled once, found
together with the article's own), given names written alone, remembered dates and document names."""

from __future__ import annotations

import random
import re

from kg.extract.names import NameIndex
from kg.extract.text import Spotter

_CHARACTERS = "甲乙丙丁戊己庚辛壬癸子丑"


def _one_pattern(names: set[str]) -> re.Pattern[str] | None:
    """The spotter's pattern before it was split: every name in one alternation, longest first."""
    ordered = sorted({n for n in names if len(n) > 1}, key=lambda n: (-len(n), n))
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None


def test_common_and_own_names_are_found_as_one_pattern_of_all_of_them_finds_them():
    pick = random.Random(15)
    index = NameIndex.build((), ())
    for case in range(400):
        words = {"".join(pick.choices(_CHARACTERS, k=pick.randint(1, 4))) for _ in range(pick.randint(0, 12))}
        common = frozenset(w for w in words if pick.random() < 0.5)
        pieces = sorted(words) + list(_CHARACTERS)
        text = "".join(pick.choices(pieces, k=pick.randint(0, 30)))  # names next to names, and inside others
        pattern = _one_pattern(words)
        expected = [(m.start(), m.end()) for m in pattern.finditer(text)] if pattern else []
        found = [(s.start, s.end) for s in Spotter(index, words, common=common).spots(text, text, (), 0)]
        assert found == expected, (case, sorted(words), sorted(common), text)
        assert [(s.start, s.end) for s in Spotter(index, words).spots(text, text, (), 0)] == expected


def test_names_that_begin_with_a_patterns_marks_are_found_as_one_pattern_finds_them():
    """An article's own names are looked for where one of their first characters is, a class
    of them: a name may begin with what a class reads as markup (``]``, ``^``, ``-``, ``\\``)."""
    pick = random.Random(16)
    index = NameIndex.build((), ())
    for case in range(300):
        words = {"".join(pick.choices("甲乙]^-\\[.", k=pick.randint(2, 4))) for _ in range(pick.randint(1, 8))}
        text = "".join(pick.choices(sorted(words) + list("甲乙]^-\\[.丙"), k=pick.randint(0, 30)))
        expected = [(m.start(), m.end()) for m in _one_pattern(words).finditer(text)]
        assert [(s.start, s.end) for s in Spotter(index, words).spots(text, text, (), 0)] == expected, (case, text)


def test_common_names_only_say_what_to_compile_once_not_what_to_look_for():
    index = NameIndex.build((), ())
    for common in (frozenset({"甲乙"}), frozenset({"甲乙", "丙丁"}), frozenset({"丙丁"})):
        spots = Spotter(index, {"甲乙"}, common=common).spots("甲乙丙丁", "甲乙丙丁", (), 0)
        assert [s.surface for s in spots] == ["甲乙"], common


def test_a_given_name_is_found_alone_where_one_pattern_per_name_found_it():
    from kg.extract.reading import _NAME_AFTER, _NAME_BEFORE, _written_alone

    pick = random.Random(7)
    for case in range(3000):
        name = "".join(pick.choices("阿比约翰", k=pick.randint(1, 3)))
        text = "".join(pick.choices("阿比约翰在与，。机场迎接和总统 \n（）表示的率", k=pick.randint(0, 30)))
        one_pattern = bool(re.search(f"{_NAME_BEFORE}{re.escape(name)}{_NAME_AFTER}", text))
        assert _written_alone(name, text) == one_pattern, (case, name, text)


def test_remembered_dates_are_handed_out_as_new_lists():
    from kg.extract.dates import find_dates, find_year_months

    first = find_dates("2018年4月27日，", year=None)
    first.clear()
    assert [d.start.isoformat() for d in find_dates("2018年4月27日，")] == ["2018-04-27"]
    months = find_year_months("2018年4月")
    months.append(None)
    assert len(find_year_months("2018年4月")) == 1


def test_remembered_document_names_are_handed_out_as_new_lists_each_of_its_own_sentence():
    from kg.extract.document_names import document_names
    from kg.extract.text import Sentence

    def sentence(text: str) -> Sentence:
        return Sentence(None, 0, len(text), text, text, None, 0, (), ())

    one = sentence("两国签署了《甲乙协定》。")
    first = document_names(one)
    first.clear()
    assert [name for _, _, name, _ in document_names(one)] == ["甲乙协定"]
    assert [name for _, _, name, _ in document_names(sentence("两国发表了《丙丁声明》。"))] == ["丙丁声明"]
    assert [name for _, _, name, _ in document_names(sentence("两国签署了《甲乙协定》。"))] == ["甲乙协定"]


def test_the_states_names_in_simplified_script_are_each_name_of_the_gazetteer_converted():
    from kg.extract.names import state_names_hans, states
    from kg.scripts import to_hans

    assert state_names_hans() == {to_hans(name) for row in states() for name in row}


def test_a_sentences_clause_starts_after_a_comma_a_semicolon_or_a_sentences_end_not_a_colon():
    from kg.extract.text import CLAUSE_BREAK, clause_start
    hans = "甲说：2017年1月14日，甲访问乙国；在某城同乙会谈。次日"
    assert clause_start(hans, hans.index("乙国")) == hans.index("甲访问")
    assert clause_start(hans, hans.index("在某城")) == hans.index("在某城")
    assert clause_start(hans, hans.index("次日")) == hans.index("次日")
    assert clause_start(hans, hans.index("2017")) == 0  # the colon parts no clause of the sentence
    assert clause_start("甲，乙", 1) == 0 and clause_start("甲，乙", 2) == 2  # a mark at ``at`` is the clause's end
    for at in range(len(hans) + 1):  # the pattern and the function say the same
        assert clause_start(hans, at) == max((m.end() for m in CLAUSE_BREAK.finditer(hans, 0, at)), default=0)


def test_a_clause_past_a_colon_starts_after_the_colon_too():
    from kg.extract.text import CLAUSE_OR_COLON_BREAK, clause_start_past_colon
    hans = "江泽民在会谈中说：这是他和总统先生第五次会晤，双方:第二次"
    assert clause_start_past_colon(hans, hans.index("第五次")) == hans.index("这是")
    assert clause_start_past_colon(hans, hans.index("第二次")) == hans.index("第二次")
    assert clause_start_past_colon(hans, hans.index("会谈")) == 0
    for at in range(len(hans) + 1):
        assert clause_start_past_colon(hans, at) == max((m.end() for m in CLAUSE_OR_COLON_BREAK.finditer(hans, 0, at)),
                                                        default=0)


def test_a_pattern_anchored_at_the_end_is_looked_for_only_as_far_back_as_it_reaches():
    """``_AT_A_PLACE`` and ``_MOVES`` are searched over the last few characters before a name, not the
    whole sentence before it: what each finds is what a search of all the text before the name finds."""
    from kg.extract.entities import _AT_A_PLACE, _AT_A_PLACE_REACH, _MOVES, _MOVES_REACH

    pick = random.Random(42)
    words = ["在", "于", "到", "访问", "抵达", "降落在", "转赴", "赴", "转", "城市", "海岛", "穿越", "了", "甲", "乙", "，", "\n"]
    for case in range(4000):
        text = "".join(pick.choices(words, k=pick.randint(0, 12)))
        end = pick.randint(0, len(text))
        for pattern, reach in ((_AT_A_PLACE, _AT_A_PLACE_REACH), (_MOVES, _MOVES_REACH)):
            whole = pattern.search(text[:end])
            near = pattern.search(text, max(0, end - reach), end)
            assert (whole and whole.span()) == (near and near.span()), (case, pattern.pattern, text, end)


def test_an_arrival_is_found_where_the_search_of_its_clause_ends():
    """``legs.arrival_in`` looks for the word of arriving alone: it ends where a search of ``_ARRIVES``
    (up to 40 characters, no 。 or ；, then the word) from the same place ends."""
    from kg.extract.legs import _ARRIVAL_WORD, _ARRIVES

    pick = random.Random(43)
    words = ["抵达", "抵", "达", "制", "前", "触", "飞抵", "到达", "降落", "甲", "乙乙乙乙乙乙乙乙", "。", "；", "，"]
    for case in range(4000):
        text = "".join(pick.choices(words, k=pick.randint(0, 16)))
        start = pick.randint(0, len(text))
        whole, word = _ARRIVES.search(text, start), _ARRIVAL_WORD.search(text, start)
        assert (whole and whole.end()) == (word and word.end()), (case, text, start)
