"""Collects entities and facts as the extractors find them, and settles them at the end.

A named entity is known by its key (see :mod:`kg.extract.names`); when two extractors
type the same name differently the stronger kind wins (a state noted as a venue is still
a country), and every fact is rewritten to the settled kind.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import replace

from kg.extract.names import GENERIC_BUILDINGS, NameIndex, building_key, disambiguator, labels_for
from kg.model import Entity, EntityId, Evidence, Fact, Inference, Kind, Label, Prop

#: Kinds of entity named by their own name, strongest first.
NAMED = (Kind.COUNTRY, Kind.PERSON, Kind.POSITION, Kind.DOCUMENT, Kind.AWARD,
         Kind.ORGANIZATION, Kind.SERIES, Kind.EVENT, Kind.PLACE)
#: The kinds of named entity a property can point at (the shapes' ``sh:class``; a country is
#: a place). A name settled to another kind (首相官邸, a citation's publisher and a meeting's
#: venue, settles as an organization) cannot fill it: that fact is left out, not the article.
TAKES = {
    Prop.VENUE: (Kind.PLACE, Kind.COUNTRY), Prop.LOCATED_IN: (Kind.PLACE, Kind.COUNTRY),
    Prop.CROSSED: (Kind.PLACE, Kind.COUNTRY), Prop.PARTICIPANT: (Kind.PERSON,), Prop.AGENT: (Kind.PERSON,),
    Prop.SUCCEEDED_BY: (Kind.PERSON,), Prop.RECIPIENT: (Kind.PERSON,), Prop.ROLE: (Kind.POSITION,),
    Prop.OUTCOME: (Kind.DOCUMENT,), Prop.AWARD: (Kind.AWARD,), Prop.IN_SERIES: (Kind.SERIES,),
    Prop.PUBLISHER: (Kind.ORGANIZATION,),
}
#: The last words of a body's name (非盟, 某国政府, 明斯克小组, 某委员会) and of an award's (某某勋章): a name
#: written so is no person's, whichever rule took it for one by the words around it (乙国总统[[某某勋章]],
#: ``非盟主席`` in a table's column of leaders, 应[[某国政府]]的邀请, 接替乙出任[[某民族权力机构]]主席, 某解放阵线).
_A_BODYS = re.compile(r"(?:组织|联盟|盟|政府|小组|委员会|理事会|共同体|集团|议会|机构|当局|阵线)$")
_AN_AWARDS = re.compile(r"(?:勋章|奖章)$")


class Registry:
    def __init__(self, index: NameIndex) -> None:
        self.index = index
        self._kinds: dict[str, Kind] = {}
        self._surfaces: dict[str, set[str]] = defaultdict(set)
        self._articles: dict[str, str] = {}
        self._labels: dict[EntityId, set[Label]] = defaultdict(set)
        self._alts: dict[EntityId, set[Label]] = defaultdict(set)
        self._evidence: dict[EntityId, set[Evidence]] = defaultdict(set)
        self._unnamed: dict[EntityId, str | None] = {}
        self._facts: dict[tuple, Fact] = {}
        self._by_prop: dict[Prop, dict[tuple, None]] = {}  # the keys of _facts of each property, in its order
        self._by_subject: dict[tuple[Prop, str], dict[tuple, None]] = {}  # those of each subject's key, in that order
        self._by_node: dict[EntityId, dict[tuple, None]] = {}  # the keys of facts about or pointing at each entity
        self._in_basis: set[EntityId] = set()  # every entity a fact's basis has held
        self._qualified: dict[str, set[str]] = {}  # a generic building's key → the keys of each town's

    # ---------------------------------------------------------------- entities

    def named(self, kind: Kind, surface: str, *, article: str | None = None) -> EntityId:
        """The entity ``surface`` names, typed ``kind`` unless already typed more strongly."""
        key = self._building_key(surface, article) if kind is Kind.PLACE else self.index.key(surface)
        if kind is Kind.PERSON and (_A_BODYS.search(key) or _AN_AWARDS.search(key)):
            kind = Kind.AWARD if _AN_AWARDS.search(key) else Kind.ORGANIZATION
        known = self._kinds.get(key)
        if known is None or NAMED.index(kind) < NAMED.index(known):
            self._kinds[key] = kind
        self._surfaces[key].add(surface.strip())
        if article:
            self._surfaces[key].add(article)
            self._articles.setdefault(key, article)
        return EntityId(self._kinds[key], key)

    def _building_key(self, surface: str, article: str | None) -> str:
        """A generic building's key, with the key of the town or state its article's title names it
        by (``[[國家宮 (丙國)|國家宮]]`` → ``国家宫 (丙国)``; a state's key is its gazetteer name): two
        capitals' palaces of one name are two places, each the same in every article and script."""
        key = self.index.key(surface)
        named_by = surface if disambiguator(surface) else article or ""
        where = disambiguator(named_by)
        if key not in GENERIC_BUILDINGS or not where or self.index.key(named_by) != key:
            return key
        self._qualified.setdefault(key, set()).add(qualified := building_key(key, self.index.key(where)))
        return qualified

    def kind_of(self, name: str) -> Kind | None:
        """The kind of the entity ``name`` names, else of the first of the buildings of that name told
        apart by their towns, else None. Asked hundreds of times a page, mostly of names that name no
        entity: those cost two look-ups, not a sort and a generator."""
        key = self.index.key(name)
        known = self._kinds.get(key)
        if known is not None:
            return known
        qualified = self._qualified.get(key)
        return self._kinds[min(qualified)] if qualified else None

    def qualified(self, key: str) -> frozenset[str]:
        """The keys of the buildings of one generic name told apart so far (``国家宫 (肯尼亚)``...)."""
        return frozenset(self._qualified.get(key, ()))

    def keys_of(self, kind: Kind) -> list[str]:
        """The keys of the named entities of one kind, in the order they were first named."""
        return [key for key, known in self._kinds.items() if known is kind]

    def surfaces(self, entity: EntityId) -> frozenset[str]:
        return frozenset(self._surfaces.get(entity.key, ()))

    def is_a(self, name: str, *kinds: Kind) -> bool:
        return self.kind_of(name) in kinds

    def unnamed(self, kind: Kind, key: str, *, article: str | None = None) -> EntityId:
        """An entity without a name of its own (a summit, a citation), keyed by stable parts."""
        entity = EntityId(kind, key)
        if entity not in self._unnamed or article:
            self._unnamed[entity] = article or self._unnamed.get(entity)
        return entity

    def holds(self, entity: EntityId) -> bool:
        """Whether an unnamed entity is still there: made and not taken back (:meth:`forget`)."""
        return entity in self._unnamed

    def label(self, entity: EntityId, label: Label, *, preferred: bool = False) -> None:
        if label.text.strip():
            (self._labels if preferred else self._alts)[self._settle(entity)].add(
                Label(label.text.strip(), label.language))

    def has_preferred_label(self, entity: EntityId) -> bool:
        return bool(self._labels.get(self._settle(entity)))

    def evidence(self, entity: EntityId, *evidence: Evidence) -> None:
        self._evidence[self._settle(entity)].update(evidence)

    # ---------------------------------------------------------------- facts

    def fact(self, subject: EntityId, prop: Prop, value, *, evidence: tuple[Evidence, ...] = (),
             inference: Inference | None = None, basis: tuple[EntityId, ...] = ()) -> None:
        """Records a fact. Found again the same way, it gains evidence; a stated fact makes
        inferred copies of it redundant, and each way of inferring it is kept."""
        key = (subject, prop, value, inference)
        known = self._facts.get(key)
        if basis:
            self._in_basis.update(basis)
        if known is None:
            self._put(key, Fact(subject, prop, value, tuple(evidence), inference, tuple(basis)))
        else:
            self._facts[key] = Fact(subject, prop, value, tuple(dict.fromkeys(known.evidence + tuple(evidence))),
                                    inference, tuple(dict.fromkeys(known.basis + tuple(basis))))

    def facts_about(self, subject: EntityId, prop: Prop) -> list:
        settled, facts, settle = self._settle(subject), self._facts, self._settle
        values = [facts[key].value for key in self._by_subject.get((prop, subject.key), ()) if settle(key[0]) == settled]
        return list(dict.fromkeys(values))

    def facts_with(self, props: tuple[Prop, ...], value_key: str) -> list[Fact]:
        """Facts of these properties whose value is the named entity with this key."""
        return [f for f in self._facts.values() if f.prop in props
                and isinstance(f.value, EntityId) and f.value.key == value_key]

    def facts_recorded(self, subject: EntityId, prop: Prop) -> list[Fact]:
        """The facts of one property recorded of ``subject`` itself, in the order recorded, with their
        evidence (:meth:`facts_about` gives the values only, of the subject and whatever settled into it)."""
        facts = self._facts
        return [facts[key] for key in self._by_subject.get((prop, subject.key), ()) if key[0] == subject]

    def facts_of(self, prop: Prop) -> list[Fact]:
        """Every fact of one property, in the order recorded."""
        facts = self._facts
        return [facts[key] for key in self._by_prop.get(prop, ())]

    def has_fact(self, subject: EntityId, prop: Prop) -> bool:
        return bool(self.facts_about(subject, prop))

    def inferences(self, subject: EntityId, prop: Prop) -> set[Inference | None]:
        """How ``subject``'s ``prop`` facts were found: ``None`` for one its evidence states."""
        settled, facts, settle = self._settle(subject), self._facts, self._settle
        return {facts[key].inference for key in self._by_subject.get((prop, subject.key), ()) if settle(key[0]) == settled}

    def forget(self, entity: EntityId) -> None:
        """Takes back an unnamed entity, every fact about or pointing at it, the unnamed
        nodes that hang from it (a summit's participations), and its place in the basis of
        facts inferred from it."""
        hanging, gone = [], []
        for key in self._by_node.get(entity, ()):  # in the order of _facts
            gone.append(key)
            if key[0] == entity and isinstance(value := key[2], EntityId) and value.kind not in NAMED:
                hanging.append(value)
        for key in gone:
            self._drop(key)
        for store in (self._unnamed, self._labels, self._alts, self._evidence):
            store.pop(entity, None)
        for key, fact in list(self._facts.items()) if entity in self._in_basis else ():
            if fact.basis and entity in fact.basis:  # inferred from it: that much less basis, never a dangling one
                self._facts[key] = replace(fact, basis=tuple(b for b in fact.basis if b != entity))
        for node in hanging:
            if not any(k[2] == node for k in self._by_node.get(node, ())):
                self.forget(node)

    def move(self, source: EntityId, target: EntityId, prop: Prop) -> None:
        """Gives ``target`` every ``prop`` fact of ``source``, with its evidence (two
        witnesses of one summit become one)."""
        facts = self._facts
        for key, fact in [(key, facts[key]) for key in self._by_subject.get((prop, source.key), ()) if key[0] == source]:
            self.fact(target, prop, fact.value, evidence=fact.evidence, inference=fact.inference,
                      basis=fact.basis)

    def keep_only(self, subject: EntityId, prop: Prop, value) -> None:
        """Forgets the values of ``prop`` on ``subject`` other than ``value`` (a weaker
        witness of a functional property gives way to a stronger one)."""
        for key in [k for k in self._by_subject.get((prop, subject.key), ()) if k[0] == subject and k[2] != value]:
            self._drop(key)

    def drop_one(self, subject: EntityId, prop: Prop, value) -> None:
        """Forgets one value of ``prop`` on ``subject`` (a document only described, where
        the summit has several of that kind by name and which one it is is unknown)."""
        for key in [k for k in self._by_subject.get((prop, subject.key), ()) if k[:3] == (subject, prop, value)]:
            self._drop(key)

    def drop(self, subject: EntityId, prop: Prop) -> None:
        """Forgets every value of ``prop`` on ``subject`` (a venue made more specific)."""
        for key in [k for k in self._by_subject.get((prop, subject.key), ()) if k[0] == subject]:
            self._drop(key)

    def fold(self, loser: EntityId, winner: EntityId) -> None:
        """Two names found to name one entity after a node was made for each (a document's
        short and full names): the loser's names, labels, evidence and facts become the
        winner's, and the loser is no more."""
        if loser.key == winner.key or loser.key not in self._kinds or winner.key not in self._kinds:
            return
        loser, winner = self._settle(loser), self._settle(winner)
        self._surfaces[winner.key] |= self._surfaces.pop(loser.key, set())
        if loser.key in self._articles:
            self._articles.setdefault(winner.key, self._articles.pop(loser.key))
        del self._kinds[loser.key]
        for store in (self._labels, self._alts, self._evidence):
            if loser in store:
                store[winner] |= store.pop(loser)

        def swap(node):
            return winner if isinstance(node, EntityId) and node.key == loser.key and node.kind in NAMED else node

        for key, fact in list(self._facts.items()):
            if swap(fact.subject) != fact.subject or swap(fact.value) != fact.value:
                self._drop(key)
                self.fact(swap(fact.subject), fact.prop, swap(fact.value), evidence=fact.evidence,
                          inference=fact.inference, basis=fact.basis)
        self.index.merge(loser.key, winner.key)
        self.index.prefer(winner.key)

    def split(self, whole: EntityId, key_of) -> None:
        """Gives each fact about or pointing at ``whole`` to the entity of its kind keyed
        ``key_of(fact)``, each made with ``whole``'s names, labels and evidence (one generic
        building's name, 总统府, told apart by the town each fact puts it in); ``whole`` is no more."""
        keys = list(self._by_node.get(whole, ()))
        parts = {key: EntityId(whole.kind, key_of(self._facts[key])) for key in keys}
        for part in dict.fromkeys(parts.values()):
            self._kinds.setdefault(part.key, whole.kind)
            self._surfaces[part.key] |= self._surfaces.get(whole.key, set())
            if whole.key in self._articles:
                self._articles.setdefault(part.key, self._articles[whole.key])
            for store in (self._labels, self._alts, self._evidence):
                if whole in store:
                    store[part] = store.get(part, set()) | store[whole]
            self._qualified.setdefault(whole.key, set()).add(part.key)
        for key in keys:
            fact, part = self._facts[key], parts[key]
            self._drop(key)
            self.fact(part if fact.subject == whole else fact.subject, fact.prop,
                      part if fact.value == whole else fact.value,
                      evidence=fact.evidence, inference=fact.inference, basis=fact.basis)
        del self._kinds[whole.key]
        self._surfaces.pop(whole.key, None)
        self._articles.pop(whole.key, None)
        for store in (self._labels, self._alts, self._evidence):
            store.pop(whole, None)

    def refold(self, kind: Kind) -> None:
        """Folds each entity of this kind whose name was since merged with another's (``《甲》
        （即《乙》）`` read after 乙 had a node) into the entity its name now stands for."""
        for key in [k for k, known in self._kinds.items() if known is kind]:
            root = self.index.key(key)
            if root != key and key in self._kinds:
                self.fold(EntityId(kind, key), self.named(kind, root))

    def _put(self, key: tuple, fact: Fact) -> None:
        """Records a fact not yet known by its key."""
        self._facts[key] = fact
        self._by_prop.setdefault(key[1], {})[key] = None
        self._by_subject.setdefault((key[1], key[0].key), {})[key] = None
        for node in (key[0], key[2]) if type(key[2]) is EntityId else (key[0],):
            self._by_node.setdefault(node, {})[key] = None

    def _drop(self, key: tuple) -> None:
        del self._facts[key]
        del self._by_prop[key[1]][key]
        del self._by_subject[(key[1], key[0].key)][key]
        for node in (key[0], key[2]) if type(key[2]) is EntityId else (key[0],):
            self._by_node[node].pop(key, None)

    # ---------------------------------------------------------------- settling

    def _settle(self, entity):
        if isinstance(entity, EntityId) and entity.kind in NAMED:
            kind = self._kinds.get(entity.key)
            if kind is not None and kind is not entity.kind:
                return EntityId(kind, entity.key)
        return entity

    def finish(self) -> tuple[tuple[Entity, ...], tuple[Fact, ...], tuple[Fact, ...]]:
        """The settled entities and facts, in a stable order, and the facts left out because
        their value settled to a kind the property cannot take; a node whose agent is left out (a
        participation of a name settled as a body or a state) goes with every fact about or pointing at it."""
        entities: list[Entity] = []
        for key, kind in self._kinds.items():
            entity = EntityId(kind, key)
            labels, alts = labels_for(key, self._surfaces[key], self.index)
            entities.append(self._entity(entity, labels, alts, self._articles.get(key)))
        for entity, article in self._unnamed.items():
            entities.append(self._entity(entity, (), (), article))
        facts, left_out = [], []
        settle = self._settle
        read = [(fact, settle(fact.subject), settle(fact.value)) for fact in self._facts.values()]
        stated = {(subject, fact.prop, value) for fact, subject, value in read if fact.inference is None}
        for fact, subject, value in read:
            if fact.inference is not None and (subject, fact.prop, value) in stated:
                continue
            settled = fact if subject is fact.subject and value is fact.value else \
                Fact(subject, fact.prop, value, fact.evidence, fact.inference, fact.basis)
            (facts if _fits(settled) else left_out).append(settled)
        gone = {fact.subject for fact in left_out if fact.prop is Prop.AGENT}  # a participation of no person
        if gone:
            facts = [fact for fact in facts if fact.subject not in gone and fact.value not in gone]
            entities = [entity for entity in entities if entity.id not in gone]
        entities.sort(key=lambda e: e.id.sort_key)
        shown: dict[EntityId, str] = {}  # repr() of each entity a fact points at: the same for equal ones

        def order(fact: Fact) -> tuple:
            value = fact.value
            if type(value) is EntityId:
                written = shown.get(value)
                if written is None:
                    written = shown[value] = repr(value)
            else:
                written = repr(value)
            return (fact.subject.sort_key, fact.prop._value_, written,  # _value_: Enum's value, without its descriptor
                    fact.inference._value_ if fact.inference else "")

        return tuple(entities), tuple(sorted(facts, key=order)), tuple(sorted(left_out, key=order))

    def _entity(self, entity: EntityId, labels, alts, article) -> Entity:
        preferred = {label.language: label for label in labels}
        for label in sorted(self._labels.get(entity, ()), key=_label_order):
            preferred.setdefault(label.language, label)
        chosen = set(preferred.values())
        others = {a for a in set(alts) | self._alts.get(entity, set()) | self._labels.get(entity, set())
                  if a not in chosen}
        return Entity(entity, tuple(sorted(chosen, key=_label_order)), tuple(sorted(others, key=_label_order)),
                      article, tuple(sorted(self._evidence.get(entity, ()), key=_evidence_order)))


def _label_order(label: Label) -> tuple:
    """The order of labels (``Label``'s own, its fields in turn) without a call to its ``__lt__`` for each pair."""
    return label.text, label.language


def _evidence_order(evidence: Evidence) -> tuple:
    """The order of evidence (``Evidence``'s own: span, text, section), as :func:`_label_order`."""
    return evidence.span.start, evidence.span.end, evidence.text, evidence.section


def _fits(fact: Fact) -> bool:
    value = fact.value
    return not (isinstance(value, EntityId) and value.kind in NAMED and fact.prop in TAKES
                and value.kind not in TAKES[fact.prop])


def digest(keys: tuple[str, ...]) -> str:
    """The short, stable key of an unnamed node made of others' keys (a summit of its participants, a
    participation of its person): the same keys give the same key in every run and process.

    >>> digest(("甲", "乙"))
    'e07bb754'
    """
    return hashlib.sha256("|".join(keys).encode("utf-8")).hexdigest()[:8]
