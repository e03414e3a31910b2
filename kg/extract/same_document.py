"""Two names of one document joined into one node.

These are one document's names: ``《甲》（又称《乙》）`` (or 「乙」), ``（即《乙》）``, ``《甲》，简称《乙》``,
``《甲》，即《乙》``,
``《甲》和《乙》…总称《丙》``, a short form of a summit's other document
(``《中俄关于X的联合声明》`` of ``《中华人民共和国和俄罗斯联邦关于X的联合声明》``, ``《中美联合声明》``
of ``《中华人民共和国和美利坚合众国联合声明》``, ``《苏古友好合作条约》`` of ``《苏联和古巴共和国友好合作条约》``, the sides
and the kind alone of the summit's one statement of those sides about something: ``《甲乙联合宣言》`` of
``《甲乙关于建立某某伙伴关系的联合宣言》``, not where a sentence lists both), and a
document named by its kind alone where the summit has one of that kind named in full, and
a summit's statements named by their kind alone, whatever kind words (``三方声明``, ``联合声明``, ``声明``), and
one only described after a signing verb (``签署了全部销毁两国中程导弹的条约``; not a list's item, ``* 联合生产某炮弹的协议；``,
which names it) where the summit has one of that kind by name, and a name that ends the summit's one other name it ends
(``《某城宣言》`` of ``《甲乙第二次会议某城宣言》``, ``《五年行动计划》`` of ``《甲乙合作五年行动计划》``), and a word of the
summit's one name of a kind and the kind, written bare (``签署互助协定`` of ``《甲国与乙国互助总纲协定》``), and a name that
keeps the words of the summit's one other name of its kind in their order but leaves some out (``在第三国保护彼此国民的
谅解备忘录`` of ``在第三国出现紧急情况下保护彼此国民的谅解备忘录``); and one name
each side writes with itself first
(``…构建甲乙命运共同体的联合声明`` and ``…构建乙甲命运共同体的联合声明``). A name that holds another
title in 〈…〉, as one in 《…》 writes it (``《纪念〈甲乙条约〉签署十周年联合声明》``), is also named with
that title in 《…》, as the name standing alone writes it (``纪念《甲乙条约》签署十周年联合声明``).
"""

from __future__ import annotations

import re

from kg.extract.document_names import DOCUMENT_WORDS, GENERIC_KINDS, NAME_CHAR
from kg.extract.names import shown_text
from kg.extract.narrative import TITLE_MARKS
from kg.extract.reading import Reading
from kg.extract.scripts import script_of, to_hans, to_hant
from kg.model import EntityId, Kind, Label, Prop

#: A list's item that is a name alone, a note after it or none (``* 联合生产某炮弹的协议；``): written as a name, as one
#: in title marks is, not a description of one.
_AN_ITEM = re.compile(r"^[*#]+[ \t]*(?P<t>[^，,。；;：:《》「」“”<\[\]\n]+?)[ \t]*(?=[，,。；;<]|$)", re.M)

#: A title inside a document's title, which title marks around the whole write in 〈…〉.
_INNER_TITLE = re.compile(r"〈(?P<t>[^〈〉《》]+)〉")

def one_document_each(reading: Reading, summits) -> None:
    """Folds the names of one document into one node: names merged after a node was made
    for each (an infobox's 《乙》, then the prose's 《甲》（即《乙》）), a summit's short and
    full names of one statement, and a summit's document named by its kind alone where it
    has one of that kind named in full (or the same kind twice), and one name written by each
    side with itself first (中越, 越中)."""
    registry = reading.registry
    registry.refold(Kind.DOCUMENT)
    quoted = {to_hans(m["t"]) for sentence in reading.all_sentences() for m in TITLE_MARKS.finditer(sentence.hans)}
    quoted |= {m["t"] for m in TITLE_MARKS.finditer(to_hans(reading.document.text))}
    # * 联合生产某炮弹的协议；, * 在[[某城]]市设立某区的协议；: items as the reader sees them
    quoted |= {m["t"] for m in _AN_ITEM.finditer(shown_text(reading.document.text))}
    for summit in summits:
        documents = [d for d in registry.facts_about(summit, Prop.OUTCOME) if isinstance(d, EntityId)]
        named = [d for d in documents if d.kind is Kind.DOCUMENT and registry.kind_of(d.key) is Kind.DOCUMENT]
        for short, full in _short_and_full(named):
            registry.fold(short, full)
        for description in named:
            _called_by_its_kind(reading, description, quoted)
        for description, full in _described_and_named(named, quoted):
            if full is None:  # several of its kind by name: which one it describes is unknown
                registry.drop_one(summit, Prop.OUTCOME, description)
            else:
                registry.fold(description, full)
        for short, full in _sides_and_kind_of_one_about(reading, named):
            registry.fold(short, full)
        for short, full in _tail_of_a_name(reading, named, quoted):
            registry.fold(short, full)
        for short, full in _a_word_of_a_name_and_its_kind(reading, named, quoted):
            registry.fold(short, full)
        for short, full in _words_left_out(reading, named):
            registry.fold(short, full)
        for other, first in _each_side_first(named):
            registry.fold(other, first)
        for part, whole in _title_and_subtitle(named):
            registry.fold(part, whole)
        for document in named:
            _inner_title_in_title_marks(reading, document)
        named_words = {to_hans(name) for d in named for name in (d.key, *registry.surfaces(d))}
        seen: set[str] = set()
        for document in documents:
            word = next(iter(re.findall(GENERIC_KINDS, document.key)), None) if document not in named else None
            if word is None:
                continue
            if word in seen or any(name.endswith(word) for name in named_words):
                registry.forget(document)
            seen.add(word)
        _one_statement_by_its_kinds(reading, [d for d in registry.facts_about(summit, Prop.OUTCOME)
                                              if isinstance(d, EntityId) and d not in named])


#: The key of a document named by its kind alone: the key of the summit it was read for (its first day and a
#: hash of its participants then), then the kind (2031-05-08-1a2b3c4d-联合声明).
_KIND_ALONE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9a-f]+-(?P<name>[^-]+)$")


def _one_statement_by_its_kinds(reading: Reading, unnamed: list[EntityId]) -> None:
    """A summit's statements named by their kind alone are one statement, whatever kind words the text
    calls it by (a table's ``三方声明``, the prose's ``三国领导人发表联合声明``, ``发表声明``): the first one
    found stays, with the others' names as its own."""
    registry = reading.registry
    statements = [(d, kind["name"]) for d in unnamed if (kind := _KIND_ALONE.match(d.key)) and d.key.endswith("声明")]
    for other, name in statements[1:]:
        registry.label(statements[0][0], Label(name, "zh-Hans"))
        registry.label(statements[0][0], Label(to_hant(name), "zh-Hant"))
        registry.forget(other)


def _inner_title_in_title_marks(reading: Reading, document: EntityId) -> None:
    """A document named with another title inside its own, in 〈…〉 as title marks around the whole write it
    (``《纪念〈甲乙条约〉签署十周年联合声明》``), is also named as the name standing alone writes that
    title, in 《…》 (``纪念《甲乙条约》签署十周年联合声明``, as a citation's title gives it)."""
    registry = reading.registry
    for name in sorted(registry.surfaces(document)):
        if _INNER_TITLE.search(name):
            standing_alone = _INNER_TITLE.sub(lambda m: f"《{m['t']}》", name)
            registry.label(document, Label(standing_alone, script_of(standing_alone)))


def _short_and_full(named: list[EntityId]):
    """Pairs (short, full) of a summit's documents that are one: the same subject from
    关于 on (or but for the sides the full one names in it: ``关于深化两国伙伴关系的联合声明``
    of ``关于深化伙伴关系的联合声明``), the short one's issuers a subsequence of the full one's (中俄 of
    中华人民共和国和俄罗斯联邦, or none); or the same kind issued by the same sides, the
    short one naming each side by its first character (中美联合声明 of
    中华人民共和国和美利坚合众国联合声明, 中日 of 中华人民共和国政府和日本国政府)."""
    out = []
    for short in named:
        for full in named:
            if short == full or len(short.key) >= len(full.key):
                continue
            if "关于" in short.key and "关于" in full.key:
                s_head, s_tail = short.key.split("关于", 1)
                f_head, f_tail = full.key.split("关于", 1)
                if _same_subject(s_tail, f_tail) and len(s_tail) >= 8 and _subsequence(s_head, f_head):
                    out.append((short, full))
                    break
            elif _same_sides_and_kind(short.key, full.key):
                out.append((short, full))
                break
    return out


#: The sides as a subject's words name them (关于深化两国伙伴关系的…, 关于双方合作的…).
_SIDES_IN_A_SUBJECT = re.compile(r"两国|双方")


def _same_subject(short: str, full: str) -> bool:
    """Whether two subjects after 关于 are one: the same words, or the full one's but for the sides
    it names once (``深化两国伙伴关系的联合声明`` and ``深化伙伴关系的联合声明``, as a table's cell shortens the
    prose's name)."""
    if short == full:
        return True
    sides = list(_SIDES_IN_A_SUBJECT.finditer(full))
    return len(sides) == 1 and full[:sides[0].start()] + full[sides[0].end():] == short


#: What parts a title from its subtitle (某城精神：甲乙丙联合声明).
_SUBTITLE_COLON = re.compile(r"[：:]")


def _title_and_subtitle(named: list[EntityId]):
    """Pairs (part, whole) of a summit's documents that are one: a name written with a title and a subtitle
    parted by a colon (``《某城精神：甲乙丙联合声明》``, ``《甲乙首脑联合声明：面向未来的伙伴关系》``, as an infobox
    gives it) and a name that is its title or its subtitle alone (``《某城精神》``, ``《甲乙首脑联合声明》``), as the prose
    calls it. Not a part of fewer than two characters."""
    out = []
    for whole in named:
        parts = _SUBTITLE_COLON.split(whole.key)
        if len(parts) != 2:
            continue
        out.extend((part, whole) for part in named
                   if part != whole and part.key in parts and len(part.key) >= 2)
    return out


def _each_side_first(named: list[EntityId]):
    """Pairs (other, first) of a summit's documents that are one, each side naming itself
    first: the same name but for two sides' one-character names swapped (``…构建中越命运共同体的
    联合声明`` and ``…构建越中命运共同体的联合声明``); the one named first stays."""
    out = []
    folded: set[EntityId] = set()
    for i, first in enumerate(named):
        for other in named[i + 1:]:
            a, b = first.key, other.key
            if first in folded or other in folded or len(a) != len(b) or len(a) < 8:
                continue
            differ = [j for j in range(len(a)) if a[j] != b[j]]
            if len(differ) == 2 and differ[1] == differ[0] + 1 and a[differ[0]] == b[differ[1]] \
                    and a[differ[1]] == b[differ[0]] and a.endswith(DOCUMENT_WORDS):
                out.append((other, first))
                folded.add(other)
    return out


def _tail_of_a_name(reading: Reading, named: list[EntityId], quoted: set[str]):
    """Pairs (short, full) of a summit's documents that are one: a name, bare or in title marks,
    that ends the one other name of the summit's it ends (``签订边界条约`` of
    ``《中华人民共和国和缅甸联邦边界条约》``, a table's ``《某城宣言》`` of the prose's
    ``《甲乙合作第二次领导人会议某城宣言》``), or one of its other names (``签署了科技合作协定`` of
    ``《甲乙两国政府科学技术合作协定》（简称《甲乙科技合作协定》）``)."""
    out = []
    for short in named:
        if len(short.key) < 4 or not (short.key.endswith(DOCUMENT_WORDS) or _written_as_a_name(reading, short, quoted)):
            continue
        longer = [d for d in named if d != short and (d.key in quoted or "的" not in d.key)  # not 签订的边界条约
                  and any(len(name) > len(short.key) and name.endswith(short.key)
                          for name in {d.key} | {q for q in quoted if reading.index.key(q) == d.key})]
        if len(longer) == 1:
            out.append((short, longer[0]))
    return out


def _a_word_of_a_name_and_its_kind(reading: Reading, named: list[EntityId], quoted: set[str]):
    """Pairs (short, full) of a summit's documents that are one: a name written bare, a word and a kind
    (``正式签署互助协定``), and the one other document of that kind whose name holds the word before its kind
    word (``《甲国与乙国互助总纲协定》``): the text calls the document by what it is about. Not where two
    documents of that kind hold the word (which one it is is unknown), nor a name that holds the short one
    whole (``《关于某某协定附件的协定》`` cites it; one that ends with it is read by :func:`_tail_of_a_name`), nor where
    a sentence lists both (``签署了某港合作协定和某港合作计划框架协定``: two agreements)."""
    out = []
    for short in named:
        if "的" in short.key or not short.key.endswith(DOCUMENT_WORDS) or _written_as_a_name(reading, short, quoted):
            continue
        kind = max((w for w in DOCUMENT_WORDS if short.key.endswith(w)), key=len)
        word = short.key[:-len(kind)]
        if len(word) < 2:
            continue
        holding = [d for d in named if d != short and short.key not in d.key and d.key.endswith(kind)
                   and word in d.key[:-len(kind)] and (d.key in quoted or "的" not in d.key)]
        if len(holding) == 1 and not _one_sentence_names_both(reading, short.key, holding[0].key):
            out.append((short, holding[0]))
    return out


#: The joins a name writes between two things it is about, one as good as another (装备及技术, 装备与技术), and the
#: dashes between two sides' names, which the full name writes as words (甲国—乙国 of 甲国政府和乙国政府).
_ALIKE_JOINS = str.maketrans({"及": "和", "与": "和", "同": "和", "—": None, "－": None, "-": None, "–": None, "·": None})


def _words_left_out(reading: Reading, named: list[EntityId]):
    """Pairs (short, full) of a summit's documents that are one: a name that keeps the words of the other's
    in their order, of the same kind, but leaves some out (``在第三国保护彼此国民的谅解备忘录`` of
    ``在第三国出现紧急情况下保护彼此国民的谅解备忘录``, ``某产业合作备忘录`` of ``某产业发展合作备忘录``, ``甲国乙国自由贸易
    协定`` of ``甲国政府和乙国政府自由贸易协定``; 及, 与 and 和 alike: ``装备品及技术转移协定`` of ``甲乙有关装备品与技术
    转移的政府间协定``), as a table's cell, an infobox or a list shortens the prose's name: any name the short one
    is written by. Not a short one of fewer than five characters before its kind (``经济合作协定`` is a kind of
    agreement, not a name shortened), nor one more than one name holds so (which one it is is unknown), nor where
    a sentence lists both (``签署了技术合作协定和技术合作计划框架协定``: two agreements), nor a short name of what
    it is about (``关于深化伙伴关系的联合声明`` is not ``关于深化两国经贸伙伴关系的联合声明``: its subject is other words,
    :func:`_short_and_full` reads those)."""
    registry = reading.registry
    out = []
    for short in named:
        for name in sorted({to_hans(n) for n in (short.key, *registry.surfaces(short))}, key=len, reverse=True):
            kind = max((w for w in DOCUMENT_WORDS if name.endswith(w)), key=len, default=None)
            if kind is None or len(name) - len(kind) < 5 or "关于" in name:
                continue
            words = name[:-len(kind)].translate(_ALIKE_JOINS)
            holding = [d for d in named if d != short and len(d.key) > len(name) and d.key.endswith(kind)
                       and _subsequence(words, d.key[:-len(kind)].translate(_ALIKE_JOINS))]
            if len(holding) == 1 and not _one_sentence_names_both(reading, name, holding[0].key):
                out.append((short, holding[0]))
                break
    return out


def _called_by_its_kind(reading: Reading, document: EntityId, quoted: set[str]) -> None:
    """A document the text only describes, never in title marks (``发表了旨在推动民用核能合作的联合声明``,
    ``签署管道项目的政府间协议``), is called by the kind its description ends in, the words after its last 的
    (联合声明, 政府间协议): the description says what it is about, the kind is what it is named."""
    if not _described(document, quoted):
        return
    kind = document.key.rsplit("的", 1)[1]
    if 2 <= len(kind) <= 8 and kind.endswith(DOCUMENT_WORDS) and "、" not in kind:
        reading.registry.label(document, Label(kind, "zh-Hans"))
        reading.registry.label(document, Label(to_hant(kind), "zh-Hant"))


def _described(document: EntityId, quoted: set[str]) -> bool:
    """Whether a document's name only describes it (签署了全部销毁两国中程和短程核导弹的条约): words then 的 and
    its kind, never in title marks, not a name about something (关于…的联合声明)."""
    return "的" in document.key and not document.key.startswith("关于") and document.key not in quoted


def _written_as_a_name(reading: Reading, document: EntityId, quoted: set[str]) -> bool:
    """Whether the text writes this document's name as a name, in title marks or as a list's item alone
    (``《五年行动计划（2031—2035年）》``, ``* 合作纲要``), as a name of any kind is written; a name written
    bare in a sentence ends in a document's kind word (``签署了科技合作协定``)."""
    return any(reading.index.key(q) == document.key for q in quoted)


def _described_and_named(named: list[EntityId], quoted: set[str]):
    """Pairs (description, name) of a summit's documents that are one: a document the text
    only describes (签署了全部销毁两国中程和短程核导弹的条约, never in title marks) and the
    one document of that kind the summit has by name (its 条约); (description, None) where
    it has several of that kind by name."""
    def described(document: EntityId) -> bool:
        return _described(document, quoted)

    out = []
    for description in filter(described, named):
        kind = next(w for w in sorted(DOCUMENT_WORDS, key=len, reverse=True) if description.key.endswith(w)) \
            if description.key.endswith(DOCUMENT_WORDS) else None
        same_kind = [d for d in named if kind and d.key.endswith(kind) and not described(d)]
        if same_kind:
            out.append((description, same_kind[0] if len(same_kind) == 1 else None))
    return out


#: What joins the sides' names in a document's full name (中华人民共和国和美利坚合众国).
_SIDES_JOIN = "和与同"


def _same_sides_and_kind(short: str, full: str) -> bool:
    """Whether ``short`` names each side of ``full`` by its first character and goes on as it does: the
    same kind (中美联合声明 of 中华人民共和国和美利坚合众国联合声明) or the same name after the sides
    (苏古友好合作条约 of 苏联和古巴共和国友好合作条约)."""
    if "关于" in short or "关于" in full:
        return False
    for cut in (2, 3, 4):
        sides, rest = short[:cut], short[cut:]
        if len(rest) < 2 or not rest.endswith(DOCUMENT_WORDS) or not full.endswith(rest) or len(full) <= len(short):
            continue
        if not all(NAME_CHAR.match(c) for c in sides):
            return False
        pattern = re.escape(sides[0]) + ".*?" + "".join(f"[{_SIDES_JOIN}]{re.escape(c)}.*?" for c in sides[1:])
        if re.fullmatch(pattern, full[:-len(rest)]):
            return True
    return False


def _sides_and_kind_of_one_about(reading: Reading, named: list[EntityId]):
    """Pairs (short, full) of a summit's documents that are one: a name of the sides and the kind alone
    (``《甲乙联合宣言》``) and the summit's one name of what a statement of those sides and that kind is about
    (``《甲乙关于建立某某伙伴关系的联合宣言》``, ``《甲国和乙国政府关于某问题的联合宣言》``). Not where two such
    names are the summit's (which one it is is unknown), nor where a sentence lists both (``发表了《甲乙联合
    声明》和《甲乙关于某问题的联合声明》``: two statements)."""
    out = []
    for short in named:
        fulls = [full for full in named if full != short and _sides_and_kind_of_a_name_about(short.key, full.key)]
        if len(fulls) == 1 and not _one_sentence_names_both(reading, short.key, fulls[0].key):
            out.append((short, fulls[0]))
    return out


def _one_sentence_names_both(reading: Reading, one: str, other: str) -> bool:
    """Whether a sentence of the article names both documents (``签署了某港合作协定和某港合作计划框架协定``):
    a list of two, not one document called two ways."""
    return any(one in s.hans and other in s.hans for s in reading.all_sentences())


#: The kinds a statement of the sides is named by after them (甲乙联合宣言, 甲乙条约), longest first.
_KINDS_OF_SIDES = tuple(sorted({*DOCUMENT_WORDS, "联合宣言", "联合公报", "共同声明", "共同宣言"}, key=len, reverse=True))


def _sides_and_kind_of_a_name_about(short: str, full: str) -> bool:
    """Whether ``short`` is the sides and the kind alone (甲乙联合宣言) of ``full``, a name of what it is
    about whose sides before 关于 are the same (``甲乙关于建立某某伙伴关系的联合宣言``,
    ``甲国和乙国政府关于某问题的联合宣言``) and whose kind is the same: the text calls the statement by
    its sides. Not where the sides of ``full`` are more than theirs names (``甲乙两国首脑关于…``), nor one
    about something of no sides (``关于某问题的联合声明``)."""
    if "关于" in short or "关于" not in full:
        return False
    kind = next((w for w in _KINDS_OF_SIDES if short.endswith(w)), None)
    if kind is None or not full.endswith(kind):
        return False
    sides, head = short[:-len(kind)], full.split("关于", 1)[0]
    if not 2 <= len(sides) <= 4 or not head or not all(NAME_CHAR.match(c) for c in sides):
        return False
    if head == sides:
        return True
    pattern = re.escape(sides[0]) + ".*?" + "".join(f"[{_SIDES_JOIN}]{re.escape(c)}.*?" for c in sides[1:])
    return re.fullmatch(pattern, head) is not None


def _subsequence(short: str, full: str) -> bool:
    chars = iter(full)
    return all(c in chars for c in short)
