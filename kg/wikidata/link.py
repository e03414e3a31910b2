"""Deciding which of our entities are the same as which Wikidata item.

For every linkable entity: look its article titles up as zh.wikipedia sitelinks (in both
scripts), look its names up as labels and aliases (every Chinese script and variant,
Korean, English), describe every item found, score each (:mod:`kg.wikidata.score`), and
decide. Links must be right more than they must be many, so an entity is linked only when
one candidate reaches ``min_score``, no other comes close, and no other entity claims the
same item; everything else is left unlinked with its candidates kept for review.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from rdflib import Graph

from kg.progress import Progress
from kg.wikidata.candidates import Item, by_name, by_sitelink, describe
from kg.wikidata.endpoint import Endpoint, Politeness
from kg.wikidata.names import Name, chinese_spellings, search_names
from kg.wikidata.score import Fit, Method, assess
from kg.wikidata.subjects import Subject, subjects

DEFAULT_MIN_SCORE = 0.8
#: A runner-up this close to the best candidate makes the choice a guess.
AMBIGUITY_MARGIN = Decimal("0.10")


@dataclass(frozen=True)
class Link:
    """Our entity is the Wikidata item ``qid``; ``evidence`` says why, in words a reviewer can check."""

    entity: str
    label: str
    qid: str
    score: Decimal
    method: Method
    evidence: str
    source: str | None  # the article the entity was derived from


@dataclass(frozen=True)
class Candidate:
    """An item that might be our entity but was not linked; ``reason`` says why not."""

    entity: str
    label: str
    qid: str
    item_label: str
    description: str
    score: Decimal
    method: Method | None
    evidence: str
    reason: str


@dataclass(frozen=True)
class Unlinked:
    """An entity left without a link, and why."""

    entity: str
    label: str
    reason: str
    source: str | None = None  # the article the entity was derived from


@dataclass(frozen=True)
class Links:
    """The outcome of linking one graph; every tuple sorted by entity, then item."""

    links: tuple[Link, ...]
    candidates: tuple[Candidate, ...]
    unlinked: tuple[Unlinked, ...]
    queries_asked: int = 0  # requests that went to the endpoint
    queries_cached: int = 0  # answers taken from the cache


def _candidate(entity: str, label: str, item: Item, fit: Fit, reason: str) -> Candidate:
    return Candidate(
        entity=entity, label=label, qid=item.qid, item_label=item.label(),
        description=item.description(), score=fit.score, method=fit.method, evidence=fit.evidence, reason=reason,
    )


def decide(subject: Subject, fits: list[tuple[Item, Fit]], *, min_score: float) -> Link | list[Candidate] | Unlinked:
    """The decision for one entity: a link, candidates for review, or nothing found."""
    if not fits:
        return Unlinked(subject.iri, subject.label, "no item has its zh.wikipedia title or any of its names", subject.source)
    threshold = Decimal(str(min_score))
    ranked = sorted(fits, key=lambda pair: (-pair[1].score, int(pair[0].qid[1:])))
    viable = [(item, fit) for item, fit in ranked if fit.clash is None and fit.score >= threshold]
    if viable and (len(viable) == 1 or viable[0][1].score - viable[1][1].score >= AMBIGUITY_MARGIN):
        item, fit = viable[0]
        assert fit.method is not None  # a fit without a method has score 0
        return Link(subject.iri, subject.label, item.qid, fit.score, fit.method, fit.evidence, subject.source)
    rivals = ", ".join(f"{item.qid} {fit.score}" for item, fit in viable)
    return [
        _candidate(
            subject.iri, subject.label, item, fit,
            fit.clash or (f"ambiguous: {rivals}" if fit.score >= threshold else f"below {threshold}"),
        )
        for item, fit in ranked
    ]


def _claims_once(links: list[Link], candidates: list[Candidate], items: dict[str, Item], fits: dict[tuple[str, str], Fit]) -> list[Link]:
    """Links whose item no other entity claims; the others are turned into candidates."""
    claims: dict[str, list[Link]] = defaultdict(list)
    for link in links:
        claims[link.qid].append(link)
    kept = []
    for link in links:
        rivals = [other.label for other in claims[link.qid] if other.entity != link.entity]
        if not rivals:
            kept.append(link)
            continue
        reason = f"{link.qid} also fits {', '.join(sorted(rivals))}"
        candidates.append(_candidate(link.entity, link.label, items[link.qid], fits[(link.entity, link.qid)], reason))
    return kept


@dataclass(frozen=True)
class _Found:
    """What the look-ups found: which item each entity's title or names led to."""

    sitelinks: dict[tuple[str, str], str]  # (entity, qid) -> the title it was found by
    named: dict[str, set[str]]  # entity -> qids found by its names
    items: dict[str, Item]

    def candidates(self, subject: Subject) -> list[Item]:
        qids = {qid for (iri, qid) in self.sitelinks if iri == subject.iri} | self.named.get(subject.iri, set())
        return [self.items[qid] for qid in sorted(qids, key=lambda q: int(q[1:]))]


def _look_up(found: tuple[Subject, ...], endpoint: Endpoint) -> _Found:
    """Sitelink and name look-ups for every entity, then a description of every item found."""
    by_title: dict[str, set[str]] = defaultdict(set)
    searched: dict[Name, set[str]] = defaultdict(set)
    for subject in found:
        for spelling in (s for title in subject.titles for s in chinese_spellings(title)):
            by_title[spelling].add(subject.iri)
        for literal in (lit for name in subject.names for lit in search_names(name)):
            searched[literal].add(subject.iri)
    sitelinks = {(iri, hit.qid): hit.title for hit in by_sitelink(endpoint, by_title) for iri in sorted(by_title[hit.title])}
    named: dict[str, set[str]] = defaultdict(set)
    for hit in by_name(endpoint, searched):
        for iri in searched[hit.name]:
            named[iri].add(hit.qid)
    wanted = {qid for _, qid in sitelinks} | {qid for qids in named.values() for qid in qids}
    return _Found(sitelinks, dict(named), {item.qid: item for item in describe(endpoint, wanted)})


def link_subjects(found: tuple[Subject, ...], endpoint: Endpoint, *, min_score: float) -> Links:
    """Link already-read entities through ``endpoint`` (see :func:`link_entities`)."""
    looked_up = _look_up(found, endpoint)
    links, candidates, unlinked = [], [], []
    fits: dict[tuple[str, str], Fit] = {}
    for subject in found:
        pairs = []
        for item in looked_up.candidates(subject):
            fits[(subject.iri, item.qid)] = fit = assess(subject, item, sitelink=looked_up.sitelinks.get((subject.iri, item.qid)))
            pairs.append((item, fit))
        decision = decide(subject, pairs, min_score=min_score)
        if isinstance(decision, Link):
            links.append(decision)
        elif isinstance(decision, Unlinked):
            unlinked.append(decision)
        else:
            candidates.extend(decision)
    links = _claims_once(links, candidates, looked_up.items, fits)
    linked = {link.entity for link in links}
    for subject in found:
        mine = [c for c in candidates if c.entity == subject.iri]
        if mine and subject.iri not in linked:
            best = max(mine, key=lambda c: c.score)
            unlinked.append(Unlinked(subject.iri, subject.label, f"for review: best {best.qid} {best.score}, {best.reason}", subject.source))
    return Links(
        links=tuple(sorted(links, key=lambda link: link.entity)),
        candidates=tuple(sorted(candidates, key=lambda c: (c.entity, -c.score, int(c.qid[1:])))),
        unlinked=tuple(sorted(unlinked, key=lambda u: u.entity)),
        queries_asked=endpoint.asked,
        queries_cached=endpoint.cached,
    )


def link_entities(
    graph: Graph,
    *,
    endpoint: str,
    cache_dir: Path,
    offline: bool = False,
    min_score: float = DEFAULT_MIN_SCORE,
    politeness: Politeness | None = None,
    progress: Progress | None = None,
) -> Links:
    """Link the entities of ``graph`` to Wikidata items.

    Every answer of the endpoint is cached in ``cache_dir``, so a second run asks nothing;
    with ``offline`` the cache alone is used. Raises LinkError when the endpoint is down,
    too slow or answers nonsense (answers already received stay cached), and when
    ``offline`` and the cache lacks an answer. The graph is not modified. ``progress``
    counts the endpoint's answers.

    >>> import tempfile
    >>> links = link_entities(Graph(), endpoint="http://127.0.0.1:9/sparql", cache_dir=Path(tempfile.mkdtemp()))
    >>> links.links, links.unlinked
    ((), ())
    """
    client = Endpoint(url=endpoint, cache_dir=cache_dir, offline=offline, politeness=politeness or Politeness(),
                      on_answer=progress.advance if progress is not None else None)
    return link_subjects(subjects(graph), client, min_score=min_score)
