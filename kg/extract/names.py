"""Names → stable keys: one entity, one key, whatever script or regional variant the text uses.

A name's key is its Simplified form (OpenCC) with the article's regional variants
(``noteTA``, ``各地中文名``) replaced by their ``zh-hans`` form and disambiguators such as
`` (新加坡)`` stripped; then names the article says are the same thing (``[[目标|标签]]``,
the states gazetteer) are merged, and the group is keyed by its fullest name.

>>> index = NameIndex.build([VariantRule((Label("朝鲜", "zh-Hans"), Label("北韓", "zh-Hant-TW")))], [])
>>> index.key("北韓"), index.key("朝鮮"), index.key("大韓民國"), index.key("南韓")
('朝鲜民主主义人民共和国', '朝鲜民主主义人民共和国', '大韩民国', '大韩民国')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kg.extract.scripts import script_of, to_hans, to_hant
from kg.model import Label
from kg.wikitext import Document, Wikilink, plain

#: noteTA / -{ }- variant codes → BCP 47 tags.
VARIANT_TAGS = {
    "zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "zh-cn": "zh-Hans-CN", "zh-sg": "zh-Hans-SG",
    "zh-my": "zh-Hans-MY", "zh-tw": "zh-Hant-TW", "zh-hk": "zh-Hant-HK", "zh-mo": "zh-Hant-MO",
}
#: 各地中文名 parameters (either script) → BCP 47 tags.
REGION_TAGS = {
    "大陆": "zh-Hans-CN", "台湾": "zh-Hant-TW", "香港": "zh-Hant-HK", "澳门": "zh-Hant-MO",
    "新加坡": "zh-Hans-SG", "大马": "zh-Hans-MY", "马来西亚": "zh-Hans-MY", "港台": "zh-Hant",
}
NOTE_TA = ("noteta", "notetag", "note ta")
#: An inline conversion giving each variant its form (``-{zh-hans:普京; zh-tw:普丁;}-``).
_CONVERSION = re.compile(r"-\{(?=\s*zh-[a-z]+\s*:)([^{}]*)\}-")
_DISAMBIGUATOR = re.compile(r"\s*[（(][^（()）]*[）)]\s*$")
_RULE_ITEM = re.compile(r"(zh-[a-z]+)\s*:\s*([^;；]+)")
#: The years a plan runs, in brackets right after its name (某某行动计划（2031—2033年）, 某某规划（2031-2035）): part of
#: the name as the text writes it, not an article's disambiguator (``某条约 (2031年)``, one year after a space).
_PERIOD_AFTER = re.compile(r"(?<=\S)[（(][0-9]{4}年?\s*[—－\-–～~至到]+\s*[0-9]{2,4}年?[）)]$")


@dataclass(frozen=True)
class VariantRule:
    """One conversion group: the same word in several regional variants."""

    forms: tuple[Label, ...]

    @property
    def canonical(self) -> str:
        """The group's Simplified (zh-hans, else zh-cn, else first) form, in Simplified script."""
        by_tag = {form.language: form.text for form in self.forms}
        for tag in ("zh-Hans", "zh-Hans-CN", "zh-Hans-SG"):
            if tag in by_tag:
                return to_hans(by_tag[tag])
        return to_hans(self.forms[0].text)


def shown(text: str) -> str:
    """A link's label as a name: an inline conversion in it reads as its Simplified form
    (``[[弗拉基米尔·普京|-{zh-hans:普京; zh-tw:普丁;}-]]`` is 普京, as the page shows it)."""
    if "-{" not in text:
        return text
    return _CONVERSION.sub(lambda conversion: VariantRule(_forms(conversion[1])).canonical, text)


def _forms(items: str) -> tuple[Label, ...]:
    """The forms a conversion's or a noteTA's items give (``zh-hans:普京; zh-tw:普丁``)."""
    return tuple(Label(plain(text).strip(), VARIANT_TAGS[code.lower()])
                 for code, text in _RULE_ITEM.findall(items) if code.lower() in VARIANT_TAGS and plain(text).strip())


def strip_disambiguator(name: str) -> str:
    """``"香格里拉大酒店 (新加坡)"`` → ``"香格里拉大酒店"``."""
    if ")" not in name and "）" not in name:  # no disambiguator can end it
        return name.strip()
    stripped = _DISAMBIGUATOR.sub("", name).strip()
    return stripped or name.strip()


#: Names of a kind of building every capital has one of (the head of state's palace, the guest
#: house, the parliament): the name alone says which kind, not which building, so a link to one
#: by its article (``[[国家宫 (肯尼亚)|国家宫]]``) is that town's or state's, a place of its own.
GENERIC_BUILDINGS = frozenset({"国家宫", "总统府", "国宾馆", "议会大厦", "国会大厦", "总统官邸", "人民宫", "总理府",
                               "总理官邸", "王宫", "政府大楼", "政府大厦", "独立宫"})


def building_key(name: str, where: str) -> str:
    """The key of the generic building ``name`` in the town or state keyed ``where``: ``国家宫 (肯尼亚)``."""
    return f"{name} ({where})"


def generic_building(target: str) -> bool:
    """Whether a link's target is a generic building told apart by its town or state (``国家宫 (肯尼亚)``)."""
    return bool(disambiguator(target)) and to_hans(strip_disambiguator(target)) in GENERIC_BUILDINGS


def disambiguator(name: str) -> str | None:
    """``"国家宫 (肯尼亚)"`` → ``"肯尼亚"``: what an article's title adds in brackets to tell it apart."""
    found = _DISAMBIGUATOR.search(name)
    return found.group().strip().strip("（()）").strip() or None if found else None


_NAMESPACED = re.compile(r"^\s*(category|file|image|分类|分類|文件|檔案|图像|wikipedia|wp|template|模板|portal|主题)\s*:", re.I)


#: Offices written alone for the one person who holds them at the time (``教宗接受了邀请``: the
#: pope of the day, as ``总统`` alone is not), so that the linked word alone (``[[教宗]]``) is read
#: as its holder, while written before a name (``教宗[[方济各]]``) it is still the name's office;
#: the encyclopedia titles its holders' articles with it (``[[教宗方济各]]``).
HOLDERS_OFFICES = ("教宗", "教皇")


def without_holders_office(target: str) -> str | None:
    """The name a link's target gives after a holder's office (``教宗方济各`` → ``方济各``): the
    same person's, as the encyclopedia titles a pope's article; ``None`` when it starts with none."""
    for office in HOLDERS_OFFICES:
        rest = to_hans(target).removeprefix(office)
        if rest != to_hans(target) and len(rest) >= 2:
            return target[len(office):]
    return None


def short_form(name: str) -> str | None:
    """A transliterated foreign name is written short as its last part: ``唐纳德·特朗普`` → ``特朗普``;
    a one-character last part goes with the part before it (``穆罕默德·阿尤布·汗`` → ``阿尤布·汗``).
    An Arabic name that gives the father's after ``本`` (son of) is written short as the
    person's own first part (``某甲·本·某乙·阿勒某丙`` → ``某甲``): its later parts name the
    father and the family."""
    for dot in ("·", "‧", "•", "・"):
        if dot in name:
            parts = [part.strip() for part in strip_disambiguator(name).split(dot)]
            if len(parts) >= 3 and parts[1] in _SON_OF and len(parts[0]) >= 2:
                return parts[0]
            if len(parts[-1]) >= 2:
                return parts[-1]
            return dot.join(parts[-2:]) if len(parts) >= 3 and parts[-2] else None
    return None


#: A body's name, and the word for who heads or sits in it (某国国务委员会, 外交部; 委员长, 部长).
_BODIES = ("委员会", "主席团", "部", "委")
_HEADS = ("委员长", "主席", "书记", "部长", "主任")


def heads_the_body(target: str, label: str) -> bool:
    """Whether a link to a body is labelled with its head's office (``[[甲国国务委员会|甲国国务委员会委员长]]``,
    ``[[甲国外交部|外交部长]]``): the label names the office, not the body the link goes to."""
    body = to_hans(strip_disambiguator(target))
    return body.endswith(_BODIES) and to_hans(label).endswith(_HEADS) and not body.endswith(_HEADS)


#: ``本`` (son of) between an Arabic given name and the father's, in either script, and its other spellings.
_SON_OF = ("本", "宾", "賓", "伊本")


#: A patronymic, written between a Russian name's first and last parts (谢尔盖耶维奇, 伊里奇, 安德烈耶夫娜).
_PATRONYMIC = re.compile(r"(?:维奇|伊奇|里奇|夫娜|芙娜)$")


def _with_and_without_patronymic(names: set[str]):
    """Pairs of names that are one Russian name written without and with its patronymic
    (米哈伊尔·戈尔巴乔夫, 米哈伊尔·谢尔盖耶维奇·戈尔巴乔夫): one person. Any other middle part
    may tell two people apart (乔治·沃克·布什, 乔治·赫伯特·沃克·布什)."""
    for full in names:
        parts = full.split("·")
        if len(parts) == 3 and _PATRONYMIC.search(parts[1]):
            short = f"{parts[0]}·{parts[2]}"
            if short in names:
                yield short, full


#: A name in brackets right after a link: ``[[玛格丽特·戴卓尔]]（戴卓尔夫人）``.
_NAME_IN_BRACKETS = re.compile(r"^\s*[（(]([^（()）\[\]<>]{2,10}?夫人)[）)]")


#: Words written right before a spouse's name (偕夫人[[某丙]], 第一夫人[[某丙·某乙]]).
_SPOUSE_BEFORE = re.compile(r"(夫人|妻子|第一夫人|丈夫|配偶)\s*$")


def spouses_named(document: Document) -> frozenset[str]:
    """The link targets the text names as someone's spouse (``第一夫人[[帕特·尼克松]]``)."""
    text = document.page.text
    return frozenset(link.target for link in document.links
                     if _SPOUSE_BEFORE.search(to_hans(text[max(0, link.span.start - 8):link.span.start]).replace("[[", "").replace("]]", "")))


def own_names_in_brackets(document: Document) -> dict[str, str]:
    """A leader known by her family name and 夫人 (戴卓尔夫人), written so in brackets right
    after her full name, or as the label of a link to it (``[[玛丽·某甲|某甲夫人]]``): that name
    is hers, not a title of someone's spouse (name → link target)."""
    text = document.page.text
    out: dict[str, str] = {}
    for link in document.links:
        said = _NAME_IN_BRACKETS.match(text[link.span.end:link.span.end + 16])
        if said and any(to_hans(said[1][:-2]) == to_hans(short or "")
                        for short in (short_form(link.target), short_form(link.label or ""), link.label)):
            out[said[1]] = link.target
        label = shown(link.label or "").strip()
        if label.endswith("夫人") and len(label) > 3 and to_hans(label[:-2]) == to_hans(short_form(link.target) or ""):
            out[label] = link.target
    return out


#: A family name and 夫人 written right after an office (``[[甲国总统]]某乙夫人``, ``甲国总理某乙夫人``), not
#: followed by a name of her own (``甲国总统某乙夫人某丙``: the president's wife, named after her title).
_MADAM_AFTER_OFFICE = re.compile(r"(?:总统|总理|首相)(?:\]\])?([\u4e00-\u9fff·]{2,8}?)夫人"
                                 r"(?=$|[^\u4e00-\u9fff\[]|[和与同及在于举进会签出访表说率一等的])")


def madams_after_their_office(document: Document) -> dict[str, str]:
    """A leader known by her family name and 夫人, written right after her office
    (``同[[甲国总统]]某乙夫人举行会谈``, where the article links ``[[某丙·某乙]]``): the office is
    hers, so ``某乙夫人`` is her name, not a title of 某乙's spouse (``某乙总统夫人`` and
    ``某乙总统和夫人`` are the spouse's, and stay so) (name → link target)."""
    text = to_hans(document.page.text)
    by_family: dict[str, set[str]] = {}
    for link in document.links:
        if (short := short_form(link.target)) is not None:
            by_family.setdefault(to_hans(short), set()).add(link.target)
    out: dict[str, str] = {}
    for said in _MADAM_AFTER_OFFICE.finditer(text):
        targets = by_family.get(said[1], set())
        if len(targets) == 1:
            out[document.page.text[said.start(1):said.end()]] = next(iter(targets))
    return out


#: Another name in brackets right after a link (the bracket's words), after the name in its own
#: language where one comes first (``（{{lang|xx|Jan Mou}}，又译某丙）``, ``（Jan Mou，又译某丙）``).
_BRACKET_AFTER = re.compile(r"^\s*[（(](?:(?:\{\{lang\|[a-z-]+\|[^{}|]+\}\}|[A-Za-z][A-Za-z .'-]*)[，,]\s*)?"
                            r"(?P<words>[^（()）\[\]<>{}|]{2,40}?)[）)]")
#: The words that say a bracket's word is another name of the same: ``又译某乙``, ``简称某乙``, ``通称某乙``,
#: ``全名某乙``, ``某地译作「某乙」``.
_SAID = re.compile(r"^(?:(?:又|亦|或|另|也)?(?:译|称)(?:作|为)?|简称|通称|全名|全称|本名|[^、，,]{1,10}?译(?:作|为)?)")
_NAME_SEPARATORS = re.compile(r"[、，,；;]|或")
_NAME_QUOTES = re.compile(r"'{2,}|[「」“”『』\"]")
#: Words that make a bracket's word an office, a role, a group or a note rather than a name.
_NO_NAME = re.compile(r"总统|总理|首相|主席|部长|外长|大臣|代表|国王|女王|王储|书记|委员|特使|团长|议长|州长|夫人|局长"
                      r"|见证|签署|调停|线上|原定|主持|出席|陪同|随行|缺席|代为|组织|联盟|政府|党|军|国|省|州|市|年|月|日"
                      r"|前|时任|当选|左|右|译|称")
_A_NAME = re.compile(r"^[\u4e00-\u9fff·‧•・-]{2,12}$")


def other_names_in_brackets(document: Document) -> dict[str, str]:
    """Another name given in brackets right after a linked name, which the later text uses for
    the same one: ``甲国总统[[某甲·某乙]]（又译某丙、某丁）`` (某丙 and 某丁 are 某甲·某乙),
    ``（简称某丙）``, ``（通称某丙，某地译某戊）``; and a bare ``[[某甲·某乙]]（某丙）`` after a person's
    dotted name when the word is plainly a name written again elsewhere: Han characters only, no
    office (``（甲国总统）``), place, party, date or note (``（见证）``, ``（主持）``)
    (name → link target). A state's name is the gazetteer's to join."""
    text = document.page.text
    hans = None
    state_names = state_names_hans()  # the states' names are the gazetteer's to join
    out: dict[str, str] = {}
    for link in document.links:
        bracket = _BRACKET_AFTER.match(to_hans(text[link.span.end:link.span.end + 48]))
        if not bracket:
            continue
        pieces = [_NAME_QUOTES.sub("", piece).strip() for piece in _NAME_SEPARATORS.split(bracket["words"])]
        said = bool(_SAID.match(pieces[0]))
        if not said and not _DOTTED.search(link.target):
            continue
        for piece in pieces:
            name = _SAID.sub("", piece, count=1).strip() if said else piece
            if not _A_NAME.match(name) or name in state_names or name == to_hans(strip_disambiguator(link.target)):
                continue
            if not said:  # a bare word must look like a name, and be one the text uses
                hans = hans if hans is not None else to_hans(text)
                if _NO_NAME.search(name) or hans.count(name) < 2:
                    continue
            out[name] = link.target
    return out


#: Words written right after a leader's first name in place of the rest of it (穆罕默德王储, 穆罕默德总统).
_STYLED_BY = ("王储", "总统", "总理", "首相", "国王", "埃米尔", "亲王")
_DOTTED = re.compile("[·‧•・]")
#: A link as the text shows it: its label, else its target.
_SHOWN_LINK = re.compile(r"\[\[(?:[^\[\]|]*\|)?([^\[\]|]*)\]\]")


def first_names_styled(document: Document) -> dict[str, str]:
    """A first name several linked people share, written with an office word right after it
    (``穆罕默德王储``), where only one of them is linked right after a run of words holding
    that word (``甲国王储兼首相[[穆罕默德·某甲]]``, not ``[[乙国总统]][[穆罕默德·某乙]]``): that
    one's name (the name with the word → the link's target). The first name alone stays
    whoever a link's label makes it."""
    text = document.page.text
    sharing: dict[str, set[str]] = {}
    for link in document.links:
        parts = _DOTTED.split(to_hans(strip_disambiguator(link.target)))
        if len(parts) >= 2 and len(parts[0]) >= 2:
            sharing.setdefault(parts[0], set()).add(link.target)
    hans = None
    out: dict[str, str] = {}
    for first, targets in sharing.items():
        if len(targets) < 2:
            continue
        hans = hans if hans is not None else to_hans(text)
        for word in _STYLED_BY:
            if first + word not in hans:
                continue
            holders = {link.target for link in document.links if link.target in targets
                       and word in _OFFICE_WORD.findall(_written_before(text, link.span.start))}  # 副总统 is no 总统
            if len(holders) == 1:
                out[first + word] = holders.pop()
    return out


def shown_text(text: str) -> str:
    """Wikitext as the page shows it to a reader, its links by their text, in Simplified script."""
    return to_hans(_SHOWN_LINK.sub(r"\1", text))


def _written_before(text: str, end: int) -> str:
    """The clause's words right before ``end`` as the page shows them (links by their text), in Simplified script."""
    clause = re.split(r"[，。；;,\n>]", text[max(0, end - 40):end])[-1]
    return shown_text(clause)


def variant_rules(document: Document) -> tuple[VariantRule, ...]:
    """The regional-variant groups the article declares (``noteTA``, ``各地中文名``)."""
    rules: list[VariantRule] = []
    for template in document.templates:
        if template.key in NOTE_TA:
            for param in template.params:
                forms = _forms(param.raw)
                if len(forms) > 1:
                    rules.append(VariantRule(forms))
        elif to_hans(template.name) == "各地中文名":
            forms = tuple(Label(param.value, REGION_TAGS[to_hans(param.name)])
                          for param in template.params
                          if to_hans(param.name) in REGION_TAGS and param.value)
            if len(forms) > 1:
                rules.append(VariantRule(forms))
    return tuple(rules)


@lru_cache(maxsize=1)
def states() -> tuple[tuple[str, ...], ...]:
    """The gazetteer of states: each row is the key, then every other name (Simplified)."""
    text = resources.files("kg").joinpath("data/states.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, names = line.partition("\t")
            rows.append((key.strip(), *[n.strip() for n in names.split("|") if n.strip()]))
    return tuple(rows)


@lru_cache(maxsize=1)
def state_names() -> frozenset[str]:
    """Every name the gazetteer gives a state (Simplified)."""
    return frozenset(name for row in states() for name in row)


@lru_cache(maxsize=1)
def state_names_hans() -> frozenset[str]:
    """:func:`state_names` in Simplified script, converted once a process, not once an article."""
    return frozenset(to_hans(name) for name in state_names())


class NameIndex:
    """Keys for names, built once per article from its variant rules and its links."""

    def __init__(self, rules: tuple[VariantRule, ...]) -> None:
        self.rules = rules
        replacements: dict[str, str] = {}
        for rule in rules:
            for form in rule.forms:
                hans = to_hans(form.text)
                if hans != rule.canonical and len(hans) > 1:
                    replacements.setdefault(hans, rule.canonical)
        self._replacements = dict(sorted(replacements.items(), key=lambda kv: (-len(kv[0]), kv[0])))
        self._replacements_at: dict[str, list[tuple[str, str]]] = {}  # by first character, in that order
        for variant, canonical in self._replacements.items():
            self._replacements_at.setdefault(variant[0], []).append((variant, canonical))
        #: The canonical forms by first character, longest first: one written in full stays as it is, though a
        #: variant ends it (zh-cn:戴维·卡梅伦; zh-hk:卡梅倫: 戴维·卡梅伦 is not 戴维·戴维·卡梅伦).
        self._canonicals_at: dict[str, list[str]] = {}
        for canonical in sorted(set(self._replacements.values()) - self._replacements.keys(), key=lambda c: (-len(c), c)):
            self._canonicals_at.setdefault(canonical[0], []).append(canonical)  # not one another rule replaces
        self._parent: dict[str, str] = {}
        self._weight: dict[str, int] = {}
        self.state_keys: set[str] = set()
        self._normals: dict[str, str] = {}  # normal() of each name asked, while state_keys stays as it is
        self._keys: dict[str, str] = {}  # key() of each name asked, until a group changes
        self._forms: dict[str, list[Label]] | None = None  # regional_forms() by key, until a group's key changes
        #: What other modules worked out from the groups (roles.titles_before), until a group changes.
        self.remembered: dict = {}

    @classmethod
    def build(cls, rules, links: list[Wikilink] | tuple[Wikilink, ...], spouses: frozenset[str] = frozenset()) -> "NameIndex":
        """``spouses``: link targets the text names as someone's spouse (第一夫人[[帕特·尼克松]]),
        who never own the family name written alone: 尼克松 is the leader, not his wife."""
        index = cls(tuple(rules))
        if not any(variant in _state_names_text() or "\n" in variant for variant in index._replacements):
            index._take_states(_states_alone())  # no variant rule can touch a state's name: the same groups
            index._normals.update(_state_normals())  # and the same normal forms
        else:
            index._merge_states()
        links = [link for link in links if not _NAMESPACED.match(link.target)]  # [[Category:张三]] names no one
        # one Russian name linked with and without its patronymic is one person, whose family name is his
        one = dict(_with_and_without_patronymic({index.normal(link.target) for link in links}))
        owners: dict[str, set[str]] = {}  # a short name → the link targets it may stand for
        labelled = [(link, shown(link.label) if link.label else None) for link in links]
        for link, label in labelled:
            for name in (link.target, label or ""):
                surname = short_form(name)
                if surname and link.target not in spouses \
                        and (not label or label.strip() == surname or short_form(label) == surname):
                    # [[梅拉尼娅·特朗普|梅拉尼娅]] is 梅拉尼娅, [[乔治·赫伯特·沃克·布什|老布什]] is 老布什: neither is the bare surname
                    owners.setdefault(index.normal(surname), set()).add(index.normal(link.target))
            if label and not _DOTTED.search(label):  # [[某甲·本·某乙|某乙]]: the father, whom the son's last name names too
                owners.setdefault(index.normal(label), set()).add(index.normal(link.target))
        for link, label in labelled:
            target = index.normal(link.target)
            index._weight[target] = max(index._weight.get(target, 0), 2)
            if label and not heads_the_body(link.target, label):
                index.merge(link.target, label)
            for name in (link.target, label or ""):
                surname = short_form(name)
                if surname and {one.get(owner, owner) for owner in owners.get(index.normal(surname), ())} \
                        == {one.get(target, target)}:  # 甘迺迪 of two people is neither's
                    index.merge(link.target, surname)
        for short, full in one.items():
            index.merge(full, short)
        for link in links:  # [[教宗方济各]] and [[方济各]]: one person
            if name := without_holders_office(link.target):
                index.merge(link.target, name)
        index._merge_the_one_holder(links)
        return index

    def _merge_the_one_holder(self, links) -> None:
        """The office written alone for its holder (``教宗接见了他``) is the one holder the article links
        (``[[教宗某济各]]``, ``[[某济各 (教宗)|某济各]]``, not a list's ``[[教宗某某出访列表]]``): an article naming
        two popes leaves the word alone."""
        holders = {self.key(link.target) for link in links
                   if len(without_holders_office(link.target) or "") in range(2, 9)  # not [[教宗某某出访列表]]
                   or to_hans(disambiguator(link.target) or "") in HOLDERS_OFFICES}
        if len(holders) == 1:
            for office in HOLDERS_OFFICES:
                self.merge(next(iter(holders)), office)

    def _merge_states(self) -> None:
        """The gazetteer's states, each a group keyed by its first name."""
        for row in states():
            key = self.normal(row[0])
            if key not in self.state_keys:  # a name normal() read before may read differently now
                self.state_keys.add(key)
                self._changed(normals=True)
            self._weight[key] = 3
            for name in row[1:]:
                self.merge(key, name)

    def _take_states(self, other: "NameIndex") -> None:
        """The states' groups of ``other``, an index that holds nothing else (copied, not shared)."""
        self._parent = dict(other._parent)
        self._weight = dict(other._weight)
        self.state_keys = set(other.state_keys)
        self._changed(normals=True)

    def _changed(self, *, normals: bool = False) -> None:
        """Forget what was read from the groups (and the names' normal forms, when ``normals``)."""
        if normals:
            self._normals.clear()
        self._keys.clear()
        self._forms = None
        self.remembered.clear()

    def normal(self, name: str) -> str:
        """Simplified script, the article's regional variants folded, disambiguator stripped."""
        found = self._normals.get(name)
        if found is None:
            found = self._normals[name] = self._normal(name)
        return found

    def _normal(self, name: str) -> str:
        text = _folded(name)
        if not self._replacements or text in self.state_keys or self._replacements_at.keys().isdisjoint(text):
            return text
        out, i = [], 0
        while i < len(text):
            written = next((c for c in self._canonicals_at.get(text[i], ()) if text.startswith(c, i)), "")
            if written and not any(len(v) > len(written) and text.startswith(v, i) for v, _ in self._replacements_at.get(text[i], ())):
                out.append(written)  # longer than any variant written here: as it is
                i += len(written)
                continue
            for variant, canonical in self._replacements_at.get(text[i], ()):
                if text.startswith(variant, i):
                    out.append(canonical)  # 艾森豪 → 艾森豪威尔 (艾森豪威尔 written stays as it is, above)
                    i += len(variant)
                    break
            else:
                out.append(text[i])
                i += 1
        return "".join(out)

    def prefer(self, name: str) -> None:
        """Make ``name`` the key of its group (an office's normalised name, a document's first name)."""
        normal = self.normal(name)
        self._weight[normal] = max(self._weight.get(normal, 0), 4)
        root = self._find(normal)
        if root != normal:
            self._parent[root] = normal
            self._parent[normal] = normal
            self._changed()

    def _find(self, name: str) -> str:
        parent = self._parent.get(name, name)
        if parent == name:
            return name
        root = self._find(parent)
        self._parent[name] = root
        return root

    def merge(self, a: str, b: str) -> None:
        """Say that two names name the same thing."""
        ra, rb = self._find(self.normal(a)), self._find(self.normal(b))
        if ra == rb:
            return
        winner, loser = sorted((ra, rb), key=self._preference)
        self._parent[loser] = winner
        self._changed()

    def _preference(self, name: str) -> tuple:
        # the gazetteer's key, then a link target, then the longer name, then code point order
        return (-self._weight.get(name, 0), -len(name), name)

    def key(self, name: str) -> str:
        """The stable key of whatever ``name`` names."""
        found = self._keys.get(name)
        if found is None:
            found = self._keys[name] = self._find(self.normal(name))
        return found

    def is_state(self, name: str) -> bool:
        return self.key(name) in self.state_keys

    def same(self, a: str, b: str) -> bool:
        return self.key(a) == self.key(b)

    def regional_forms(self, key: str) -> tuple[Label, ...]:
        """Every regional form a variant rule gives for a name with this key."""
        if self._forms is None:
            self._forms = {}
            for rule in self.rules:
                self._forms.setdefault(self.key(rule.canonical), []).extend(rule.forms)
        return tuple(self._forms.get(key, ()))


@lru_cache(maxsize=65536)
def _folded(name: str) -> str:
    """A name as :meth:`NameIndex.normal` reads it before the article's variants: plain text (an
    inline conversion as its Simplified form) in Simplified script, no disambiguator, spaces folded (every article asks for the states' and
    the gazetteer's names: each is folded once a process)."""
    return " ".join(to_hans(strip_disambiguator(plain(shown(name)) if "[" in name or "{" in name else name)).split())


@lru_cache(maxsize=1)
def _states_alone() -> NameIndex:
    """An index of the states alone, without variant rules: every article's index starts with
    the same groups when none of its rules touches a state's name (merging them cost about
    a twentieth of the extraction)."""
    index = NameIndex(())
    index._merge_states()
    return index


@lru_cache(maxsize=1)
def _state_normals() -> dict[str, str]:
    """Each state's name and its normal form without variant rules (every article asks for them)."""
    return {name: _folded(name) for row in states() for name in row}


@lru_cache(maxsize=1)
def _state_names_text() -> str:
    """The states' names as :meth:`NameIndex.normal` reads them without rules, one a line: a
    variant rule changes a name only where its variant is written in it (a variant is one line)."""
    return "\n".join(_state_normals().values())


@lru_cache(maxsize=1)
def _states_other_names() -> dict[str, tuple[str, ...]]:
    """Each state's key and the other names the gazetteer gives it (日本 of 日本国)."""
    return {row[0]: row[1:] for row in states()}


def labels_for(key: str, surfaces: set[str], index: NameIndex) -> tuple[tuple[Label, ...], tuple[Label, ...]]:
    """Preferred ``zh-Hans``/``zh-Hant`` labels and alternative labels for an entity.

    Both are functions of the key alone, so an entity named by several articles gets the
    same labels from each; the text's own spellings, the regional forms and a state's other
    names (日本 of 日本国, which a flag template or the state's full name stands for) become
    alternative labels.
    """
    hans = key
    hant = to_hant(key)
    labels = (Label(hans, "zh-Hans"), Label(hant, "zh-Hant"))
    taken = {hans, hant}
    alts: set[Label] = set()
    for form in index.regional_forms(key):
        if form.text not in taken or form.language not in ("zh-Hans", "zh-Hant"):
            alts.add(form)
    for name in _states_other_names().get(key, ()) if key in index.state_keys else ():
        if name not in taken:  # a state written by its flag ({{JPN}}) or one form of its name has all its names
            alts.add(Label(name, script_of(name)))
    for surface in surfaces:
        clean = strip_disambiguator(surface)
        if clean not in taken:
            alts.add(Label(clean, script_of(clean)))
        if _PERIOD_AFTER.search(surface) and surface.strip() not in taken:  # 某某行动计划（2031—2033年）: its name too
            alts.add(Label(surface.strip(), script_of(surface.strip())))
    return labels, tuple(sorted(alts, key=lambda label: (label.text, label.language)))  # Label's order, no __lt__ a pair


#: An office word written with a leader's name, as one word: a deputy's (副总统) is no other office's.
_OFFICE_WORD = re.compile(r"副?(?:总统|总理|首相)|王储|国王(?!储)|女王|埃米尔|酋长|亲王|主席|苏丹")  # 甲国王储: no 国王
#: The offices written right before a name, joined by 兼 or 、 (``阿布扎比王储``, ``王储兼首相``), the last right at it.
_OFFICES_BEFORE = re.compile(f"(?:(?:{_OFFICE_WORD.pattern})[兼、]?)+$")
#: An office right after a name (``穆罕默德王储``, ``穆罕默德总统``).
_OFFICE_AFTER = re.compile(f"^(?:{_OFFICE_WORD.pattern})")


@dataclass(frozen=True)
class Namesake:
    """One of the people a short name is shared by, with the offices the text writes with their full name."""

    target: str  # the link's target
    offices: frozenset[str]  # office words (王储, 副总统)
    written: str  # the words right before their full name, where the offices are (阿布扎比王储, 迪拜酋长)


def namesakes(document: Document, index: NameIndex) -> dict[str, tuple[Namesake, ...]]:
    """The short names two or more linked people share and the index keys as no one's
    (``穆罕默德`` of ``[[穆罕默德·本·扎耶德]]`` and ``[[穆罕默德·本·拉希德]]``), each with its
    sharers and the offices the text writes right before each one's full name, linked or not
    (``阿布扎比王储穆罕默德·本·扎耶德``, ``[[某国副总统]]兼总理[[穆罕默德·本·拉希德]]``): what tells which
    of them an office written with the short name means."""
    owners: dict[str, dict[str, set[str]]] = {}  # short name → link target → its full names as written
    for link in document.links:
        if _NAMESPACED.match(link.target):
            continue
        short = short_form(link.target)
        if short:
            forms = owners.setdefault(index.normal(short), {}).setdefault(link.target, set())
            full = to_hans(strip_disambiguator(link.target))
            parts, dot = _DOTTED.split(full), (_DOTTED.findall(full) or ["·"])[0]
            forms |= {dot.join(parts[:size]) for size in range(3, len(parts) + 1)}  # 甲·本·乙 of 甲·本·乙·阿勒丙 too
            forms.add(full)
            if link.label and _DOTTED.search(link.label):
                forms.add(to_hans(shown(link.label)).strip())
    shared = {short: targets for short, targets in owners.items()
              if len({index.key(target) for target in targets}) >= 2 and index.key(short) not in
              {index.key(target) for target in targets} and not index.is_state(short)}
    if not shared:
        return {}
    text = shown_text(document.page.text)
    out = {}
    for short, targets in shared.items():
        sharers = []
        for target, forms in targets.items():
            written = []
            for form in forms:
                at = text.find(form)
                while at >= 0:
                    written.append(re.split(r"[，。；;,\n>|=]", text[max(0, at - 24):at])[-1])
                    at = text.find(form, at + len(form))
            words = " ".join(written)
            sharers.append(Namesake(target, frozenset(_OFFICE_WORD.findall(words)), words))
        out[short] = tuple(sharers)
    return out


def namesake_meant(hans: str, start: int, end: int, sharers: tuple[Namesake, ...]) -> Namesake | None:
    """Which of the people sharing the short name written at ``hans[start:end]`` the office written
    with it means: the one only whose full name the text writes with every office word written right
    before or after it (``阿布扎比王储穆罕默德``, ``穆罕默德总统``: not a ``副总统``'s); of several, the one only
    whose full name is written with the words before those offices (``阿布扎比``). ``None`` where no
    office is written with it, or it tells none of them apart."""
    before = _OFFICES_BEFORE.search(hans, max(0, start - 12), start)
    after = _OFFICE_AFTER.match(hans[end:end + 4])
    words = set(_OFFICE_WORD.findall(before.group())) if before else set()
    if after:
        words.add(after.group())
    if not words or not all(sharer.offices for sharer in sharers):
        return None  # one written with no office may have held this one (a father and a son, presidents in turn)
    holders = [sharer for sharer in sharers if words <= sharer.offices]
    if len(holders) > 1 and before:
        place = hans[max(0, before.start() - 6):before.start()]
        holders = [sharer for sharer in holders
                   if any(place[i:] in sharer.written for i in range(len(place) - 1))] or holders
    return holders[0] if len(holders) == 1 else None
