"""The only module that knows the stage order: source → wikitext → extract → rdf → validate → export.

Every page is built on its own (:mod:`kg.worker`), in worker processes (:mod:`kg.pool`):
a page that fails in any stage, does not conform to the shapes or overruns its time
budget is quarantined with one line saying why, and the rest is built and published. The
pages' graphs are merged in input order and checked across articles: a statement of a page
that contradicts an earlier page's is withheld from its graph, with one line saying why.
What is left is published in ``--out`` all at once (:mod:`kg.outdir`), so a failure leaves
what was there before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, serialize
from rdflib import URIRef
from rdflib import Literal as RdflibLiteral

from kg import answers, entries, export, incremental, outdir, raw_store, rdf, void
from kg.cache import PageCache, code_version
from kg.errors import ConfigError, InputError, LinkError
from kg.model import Count, Extraction, Issue, Page, Severity, SkippedPage, SourceInfo
from kg.pool import default_jobs, in_order
from kg.progress import Progress
from kg.source import read_sources
from kg.turtle import canonical_lines
from kg.validate import Conflict, Report, Statement, cross_article, reads_strictly
from kg.validate import prepare as prepare_validation
from kg.vocab import DEFAULT_BASE, SKG
from kg.wikitext import Document, parse
from kg.worker import DEFAULT_BUDGET, NO_STRUCTURE, BuiltPage, PageSettings, Quarantined, build_page, has_structure

REPORT_NAME = "validation-report.ttl"  # the SHACL report of the quarantined pages, beside the outputs
QUARANTINE_NAME = "quarantined.tsv"  # one line per quarantined page: origin, tab, why
WITHHELD_NAME = "withheld.tsv"  # one line per statement withheld from a published page: origin, triple, why
#: Seconds the pool waits past a page's budget before it kills the worker building it.
_GRACE = 2.0
#: Pages from which a build's last steps use other processes (kg.trig written while the other files
#: are) and a process after it keeps the named queries' answers: below it a fork costs more than it saves.
OTHER_CORE_FROM = 50


@dataclass(frozen=True)
class LinkOptions:
    """Ask Wikidata for links while building (``kg build --link``)."""

    endpoint: str
    cache_dir: Path
    offline: bool = False
    min_score: float = 0.8


@dataclass(frozen=True)
class PageSummary:
    """What the CLI says of one published page: where it came from, what it held and what went wrong."""

    source: SourceInfo
    kinds: tuple[tuple[str, int], ...]  # entity kind → how many
    counts: tuple[Count, ...]
    issues: tuple[Issue, ...]

    @classmethod
    def of(cls, extraction: Extraction) -> PageSummary:
        kinds: dict[str, int] = {}
        for entity in extraction.entities:
            kinds[entity.id.kind.value] = kinds.get(entity.id.kind.value, 0) + 1
        return cls(extraction.source, tuple(sorted(kinds.items())), extraction.counts, extraction.issues)


@dataclass(frozen=True)
class KeptPage:
    """A page a worker built and kept in the page cache, as it gives it to the build: its
    graph and what is said of it, its extraction left in the cache, to be read back by its
    key when asked for (pickled, sent and read back, an extraction costs about a
    millisecond of each process a page)."""

    origin: str
    article: str
    key: str  # the page cache's key of the BuiltPage
    title: str
    summary: PageSummary
    ntriples: bytes
    report: Report | None

    @classmethod
    def of(cls, built: BuiltPage, key: str) -> KeptPage:
        return cls(built.origin, built.article, key, built.extraction.source.title, PageSummary.of(built.extraction),
                   built.ntriples, built.report)


@dataclass(frozen=True)
class Withheld:
    """A statement left out of a published page's graph because it contradicts an earlier page's, and why."""

    origin: str
    subject: str  # the triple's terms in N-Triples form
    property: str
    value: str
    reason: str

    @classmethod
    def of(cls, origin: str, statement: Statement, reason: str) -> Withheld:
        return cls(origin, str(statement.subject), str(statement.property), str(statement.value), reason)

    def line(self) -> str:
        """Its line of ``withheld.tsv``: origin, subject, property, value and why, tab-separated."""
        return "\t".join((self.origin, self.subject, self.property, self.value, " ".join(self.reason.split()))) + "\n"


@dataclass(frozen=True)
class Build:
    """What a build read, made and wrote."""

    extractions: Sequence[Extraction]  # read back from the page cache on demand after an incremental build
    skipped: tuple[SkippedPage, ...]
    made: Store | None  # the built store; None after an incremental build (``store`` reads the written kg.trig)
    report: Report | None  # of the published pages; None when validation was skipped
    written: tuple[Path, ...]  # empty when nothing was published
    link_note: str | None = None  # what happened with --link
    quarantined: tuple[Quarantined, ...] = ()  # pages left out, in input order
    pages: tuple[PageSummary, ...] = ()  # of the published pages, in input order
    lines: int | None = None  # distinct triples, when known without the store
    incremental: bool = False  # only what the edits touched was worked out again
    withheld: tuple[Withheld, ...] = ()  # statements left out of published pages, in input order

    @property
    def published(self) -> bool:
        return bool(self.written)

    @property
    def store(self) -> Store:
        """A named graph per article, one for what several say, the dataset description in the default."""
        if self.made is not None:
            return self.made
        from kg.store import load_store

        trig = next(path for path in self.written if path.name == export.OUTPUT_NAMES[export.Format.TRIG])
        return load_store([trig])

    @property
    def triples(self) -> int:
        """Distinct triples of every graph, the dataset description included (as kg.nt holds)."""
        if self.lines is not None:
            return self.lines
        return int(next(iter(self.store.query(
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
            "{ ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } }")))["n"].value)

    def counts(self) -> tuple[Count, ...]:
        totals: dict[str, list[int]] = {}
        for page in self.pages:
            for count in page.counts:
                totals.setdefault(count.what, [0, 0])
                totals[count.what][0] += count.read
                totals[count.what][1] += count.used
        return tuple(Count(what, read, used) for what, (read, used) in totals.items())


def read_documents(specs: Sequence[str], *, stdin: BinaryIO | None = None) -> Iterator[Document | SkippedPage]:
    """Parses page after page, keeping none: a page with no wikitext structure stops the
    reading (a file: InputError) or is skipped (a page of an export)."""
    for item in read_sources(list(specs), stdin=stdin):
        if isinstance(item, SkippedPage):
            yield item
            continue
        document = parse(item)
        if has_structure(document):
            yield document
            continue
        if item.revision_id is None:
            raise InputError(f"{item.origin}: {NO_STRUCTURE}; is it a Wikipedia article's wikitext?")
        yield SkippedPage(item.origin, NO_STRUCTURE)


def build_pages(items: Iterable[Page | SkippedPage], settings: PageSettings, *, jobs: int | None = None,
                cache: PageCache | None = None, shapes_cache: Path | None = None,
                known: dict[str, incremental.PageRecord] | None = None, keys: dict[str, str] | None = None
                ) -> Iterator[BuiltPage | KeptPage | Quarantined | SkippedPage | incremental.PageRecord]:
    """Every page built on its own in ``jobs`` processes (default: one per core), in input order;
    with a ``cache``, pages built before with the same text and code are read back instead.
    ``shapes_cache`` keeps the shapes as read and checked for the next build (:func:`kg.validate.prepare`).
    A page ``known`` by its cache key (one the last build published) is given as its record,
    neither built nor read back; ``keys`` receives the cache key of each page, by its origin."""
    if cache is not None:
        code_version()  # once, before the workers are forked
    if settings.check:
        prepare_validation(keep_in=shapes_cache)  # the shapes read once here, shared by the forked workers
    task = _Task(settings, cache, known or {}, keys)
    return in_order(items, task, jobs=jobs or default_jobs(), deadline=settings.budget + _GRACE,
                    lost=lambda item, why: Quarantined(item.origin, f"{why}; the page was left out"),
                    ready=task.cached if cache is not None else None)


@dataclass(frozen=True)
class _Task:
    settings: PageSettings
    cache: PageCache | None = None
    known: dict[str, incremental.PageRecord] = field(default_factory=dict)
    keys: dict[str, str] | None = None

    def __call__(self, item: Page | SkippedPage) -> BuiltPage | KeptPage | Quarantined | SkippedPage:
        if isinstance(item, SkippedPage):
            return item
        outcome = build_page(item, self.settings)
        if self.cache is not None and isinstance(outcome, BuiltPage):
            key = self.cache.key(item, base=self.settings.base, check=self.settings.check)
            if self.cache.keep(key, outcome):
                return KeptPage.of(outcome, key)
        return outcome

    def cached(self, item: Page | SkippedPage) -> BuiltPage | SkippedPage | incremental.PageRecord | None:
        """What needs no worker: a skipped page, a page the last build published, or a page
        the cache holds (read in this process)."""
        if isinstance(item, SkippedPage) or self.cache is None:
            return item if isinstance(item, SkippedPage) else None
        key = self.cache.key(item, base=self.settings.base, check=self.settings.check)
        if key in self.known:
            return self.known[key]
        if self.keys is not None:
            self.keys.setdefault(item.origin, key)
        found = self.cache.read(key)
        return found if isinstance(found, BuiltPage) and found.origin == item.origin else None


@dataclass(frozen=True)
class Merged:
    """A page merged into the build: what is said of it, and its extraction or the page-cache key to read it back by."""

    origin: str
    article: str
    summary: PageSummary
    report: Report | None
    extraction: Extraction | str


@dataclass(frozen=True)
class Assembly:
    """The pages of a build sorted into what is published, what was left out and what skipped."""

    built: tuple[Merged, ...]
    quarantined: tuple[Quarantined, ...]
    skipped: tuple[SkippedPage, ...]
    store: Store
    contradicted: bool = False  # a page was left out, or statements withheld, for contradicting another
    withheld: tuple[Withheld, ...] = ()  # statements left out of the published pages' graphs, in input order
    several: tuple[NamedNode, ...] | None = None  # every subject two pages or more state (and some left out
    # since); None when one cannot be read back from its line (rdf.publish_shared_once asks the store)


def assemble(outcomes: Iterable[BuiltPage | KeptPage | Quarantined | SkippedPage],
             raw: raw_store.RawLines | None = None,
             key: Callable[[BuiltPage], str | None] | None = None) -> Assembly:
    """Bulk-loads the built pages into one store, a named graph each, and checks them across articles.

    A page whose article was already read is quarantined. A statement of a page that contradicts
    an earlier page's (two first days for one summit, one ordinal for two summits of a series)
    is withheld from its graph; a page whose contradiction does not say which statements clash
    is quarantined. ``raw``, when given, is given each merged page's lines as they are loaded
    (the raw store kept for the next edit: :mod:`kg.raw_store`).
    ``key``, when given, says under which key the page cache holds a page (or None): the
    extraction of such a page is read back from there when asked for, not kept in memory,
    as it is for a :class:`KeptPage`.
    """
    store = Store()
    strictly_read: bool | None = None  # whether a validated page's lines were read so in its worker (kg.validate)
    built: list[tuple[int, Merged]] = []
    quarantined: list[tuple[int, Quarantined]] = []
    skipped: list[SkippedPage] = []
    seen: dict[str, str] = {}
    stated: dict[bytes, bool] = {}  # each subject of the merged pages' lines: whether two pages or more state it
    for position, outcome in enumerate(outcomes):
        if isinstance(outcome, SkippedPage) and outcome.failed:
            quarantined.append((position, Quarantined(outcome.origin, outcome.reason)))
        elif isinstance(outcome, SkippedPage):
            skipped.append(outcome)
        elif isinstance(outcome, Quarantined):
            quarantined.append((position, outcome))
        elif outcome.article in seen:
            title = outcome.title if isinstance(outcome, KeptPage) else outcome.extraction.source.title
            why = f"the article {title!r} was already read from {seen[outcome.article]}; give each article once"
            quarantined.append((position, Quarantined(outcome.origin, why)))
        else:
            seen[outcome.article] = outcome.origin
            if strictly_read is None and outcome.report is not None:
                strictly_read = reads_strictly()
            # a page's few hundred lines: a plain load costs about two thirds of a bulk load's CPU,
            # which pays for its threads and sorted runs at every call; a lenient one (its IRIs and
            # language tags not checked again) about four fifths of a strict one
            store.load(outcome.ntriples, RdfFormat.N_TRIPLES, to_graph=NamedNode(outcome.article),
                       lenient=outcome.report is not None and strictly_read)
            if raw is not None:
                raw.add(outcome.article, outcome.ntriples)
            for subject in set(_SUBJECT.findall(outcome.ntriples)):
                stated[subject] = subject in stated
            if isinstance(outcome, KeptPage):
                merged = Merged(outcome.origin, outcome.article, outcome.summary, outcome.report, outcome.key)
            else:
                kept = key(outcome) if key is not None else None
                merged = Merged(outcome.origin, outcome.article, PageSummary.of(outcome.extraction), outcome.report,
                                kept or outcome.extraction)
            built.append((position, merged))  # the store holds its triples
    built, conflicts, withheld = _without_conflicts(built, store)  # what it leaves out is not kept: no raw store
    rdf.settle_labels(store)
    left_out = tuple(q for _, q in sorted([*quarantined, *conflicts], key=lambda pair: pair[0]))
    several = [subject for subject, again in stated.items() if again]
    return Assembly(tuple(page for _, page in built), left_out, tuple(skipped), store, bool(conflicts or withheld),
                    withheld, tuple(NamedNode(subject[1:-1].decode()) for subject in several)
                    if all(_PLAIN_IRI.fullmatch(subject) for subject in several) else None)


#: A run of a page's N-Triples lines with one subject, and that subject: a page's lines are sorted, so each
#: subject is one run (0.3 s of CPU at 3,000 pages, where a match a line took 1.0); were they not, a subject
#: read twice is still one of the page's.
_SUBJECT = re.compile(rb"^([^ \n]+) [^\n]*\n?(?:\1 [^\n]*\n?)*", re.MULTILINE)
#: A subject that is an IRI written as it is (no escape in it): its text is its IRI's.
_PLAIN_IRI = re.compile(rb"<[^\\>]*>")


def _without_conflicts(built: list[tuple[int, Merged]], store: Store
                       ) -> tuple[list[tuple[int, Merged]], list[tuple[int, Quarantined]], tuple[Withheld, ...]]:
    """Settles the clashes between pages, latest first, until no page contradicts an earlier one:
    a clashing statement of a later page is withheld from its graph (:func:`_withholding`), or,
    when no conflict tells one, the latest page of the first conflict is left out.
    Returns the pages kept, those left out and the statements withheld from the pages kept."""
    if len(built) < 2:
        return built, [], ()
    left_out: list[tuple[int, Quarantined]] = []
    withheld: list[tuple[int, Withheld]] = []
    while conflicts := cross_article(store):
        told = _withholding(conflicts, built)
        if told is not None:
            position, page, statement, reason = told
            store.remove(statement.quad())
            withheld.append((position, Withheld.of(page.origin, statement, reason)))
            continue
        involved = _involved(conflicts[0], built)
        if not involved:  # a clash no article's graph says (cannot happen with named graphs only)
            break
        position, latest = involved[-1]
        earlier = f"contradicts {involved[0][1].origin}: " if len(involved) > 1 else "once merged: "
        left_out.append((position, Quarantined(latest.origin, earlier + conflicts[0].message)))
        store.remove_graph(NamedNode(latest.article))
        built = [(p, page) for p, page in built if page is not latest]
    kept = {position for position, _ in built}
    return built, left_out, tuple(item for position, item in sorted(
        withheld, key=lambda pair: (pair[0], pair[1].subject, pair[1].property, pair[1].value)) if position in kept)


def _involved(conflict: Conflict, built: list[tuple[int, Merged]]) -> list[tuple[int, Merged]]:
    """The pages whose graphs give the clashing facts, in input order."""
    return [(position, page) for position, page in built if page.article in conflict.graphs]


def _withholding(conflicts: Sequence[Conflict], built: list[tuple[int, Merged]]
                 ) -> tuple[int, Merged, Statement, str] | None:
    """The clashing statement to withhold next, the page it is withheld from, and why.

    A conflict tells the statements that clash (:attr:`~kg.validate.Conflict.statements`);
    one first said by a later page than the conflict's first contradicts what came before it.
    Of those, the one first said latest is withheld from the latest page that says it (from
    an earlier page that says it too on the next turn). None when no conflict tells such a
    statement (a SPARQL constraint that binds no ``?path`` and ``?value``)."""
    pages = {page.article: (position, page) for position, page in built}
    best: tuple[tuple[int, int], Statement, str] | None = None
    for conflict in conflicts:
        involved = _involved(conflict, built)
        sayers: dict[tuple[str, str, str], list[tuple[int, Statement]]] = {}
        for statement in conflict.statements:
            if statement.graph in pages:
                sayers.setdefault(statement.key()[1:], []).append((pages[statement.graph][0], statement))
        for said in sayers.values():
            said.sort(key=lambda pair: pair[0])
            when = (said[0][0], said[-1][0])  # first said, last said
            if involved and when[0] > involved[0][0] and (best is None or when > best[0]):
                best = (when, said[-1][1], f"contradicts {involved[0][1].origin}: {conflict.message}")
    if best is None:
        return None
    _, statement, reason = best
    position, page = pages[statement.graph]
    return position, page, statement, reason


def describe(store: Store, *, base: str, endpoint: str | None = None, stats: void.Stats | None = None) -> void.Stats:
    """Puts the dataset description into the default graph (replacing an older one); returns its counts.

    ``stats``, when given, are the counts of the named graphs (what several say moved to the
    shared graph or not: the move changes none of them but the shared graph's size)."""
    store.clear_graph(DefaultGraph())
    if stats is None:
        stats = void.stats_of(store, base=base)
    else:
        stats.shared = void.shared_size(store, base=base)
    description = void.description_lines(stats, base=base, endpoint=endpoint)
    store.bulk_load("".join(f"{line}\n" for line in description).encode("utf-8"), RdfFormat.N_TRIPLES,
                    to_graph=DefaultGraph())
    return stats


def build(specs: Sequence[str], *, out: Path, base: str = DEFAULT_BASE, check: bool = True,
          link: LinkOptions | None = None, stdin: BinaryIO | None = None, jobs: int | None = None,
          budget: float = DEFAULT_BUDGET, strict: bool = False, cache_dir: Path | None = None,
          shapes_cache: Path | None = None, progress: Progress | None = None) -> Build:
    """Builds, validates and publishes the graph of ``specs`` into ``out``.

    Pages that fail are quarantined and the others published; the returned build lists
    them, and ``out/quarantined.tsv`` (and ``out/validation-report.ttl`` for pages that do
    not conform) say why, beside the published files. A page's statement that contradicts an
    earlier page's is withheld from its graph, the page published, and ``out/withheld.tsv``
    lists it. With ``strict``, one quarantined page or withheld statement stops the build and
    nothing is published. Raises InputError for unreadable input or when no page can be
    built, ConfigError for an unusable ``out``; then nothing is published.
    With ``cache_dir``, pages built before (same text, same code) are read back from there;
    ``shapes_cache`` (by default ``cache_dir``) keeps the shapes as read and checked, even
    for a build that reads no page back. ``progress`` counts the pages as they are built.
    """
    if out.exists() and not out.is_dir():
        raise ConfigError(f"--out {out} is a file; give a directory to publish into")
    settings = PageSettings(base=base, check=check, budget=budget)
    cache = PageCache(cache_dir) if cache_dir is not None else None
    read = lambda: read_sources(list(specs), stdin=stdin)  # noqa: E731 - read again by a full build after an edit
    kept = incremental.Kept.open(cache_dir, settings=(base, str(check)), files=_inputs()) \
        if cache_dir is not None and link is None and stdin is None else None
    try:
        state = kept.load() if kept is not None else None
        if state is not None:
            rebuilt = _rebuild(kept, state, read, out=out, settings=settings, jobs=jobs, cache=cache,
                               shapes_cache=shapes_cache or cache_dir, strict=strict, progress=progress)
            if rebuilt is not None:
                return rebuilt
            if progress is not None:
                progress.done = 0
        return _build(read, out=out, settings=settings, link=link, jobs=jobs, strict=strict, cache=cache,
                      shapes_cache=shapes_cache or cache_dir, progress=progress, kept=kept)
    finally:
        if kept is not None:
            kept.close()


def _inputs() -> list[Path]:
    """The files besides the code that decide what a build publishes."""
    from kg.validate import default_ontology, default_shapes_dir

    shapes = default_shapes_dir()
    return [*sorted(shapes.glob("*.ttl")), default_ontology(), export.context_path()]


def _build(read: Callable[[], Iterable[Page | SkippedPage]], *, out: Path, settings: PageSettings,
           link: LinkOptions | None, jobs: int | None, strict: bool, cache: PageCache | None,
           shapes_cache: Path | None, progress: Progress | None, kept: incremental.Kept | None) -> Build:
    """The whole build: every page merged, checked, described and written; with ``kept``, what
    it published is kept for the next build to splice."""
    base = settings.base
    keys: dict[str, str] = {}
    outcomes = build_pages(read(), settings, jobs=jobs, cache=cache, shapes_cache=shapes_cache, keys=keys)
    fill = kept.filling() if kept is not None else None  # the raw store's lines, written as the pages merge
    adopted = False
    held = (lambda page: keys[page.origin] if page.origin in keys and cache.holds(keys[page.origin]) else None) \
        if cache is not None else None
    assembly = assemble(progress.over(outcomes) if progress is not None else outcomes,
                        raw=fill, key=held)
    extractions = _Extractions([page.extraction for page in assembly.built], cache)
    report = _combined([page.report for page in assembly.built]) if settings.check else None
    nothing = Build(extractions, assembly.skipped, assembly.store, report, (), None, assembly.quarantined,
                    pages=tuple(page.summary for page in assembly.built), withheld=assembly.withheld)
    try:
        _report_quarantine(assembly.quarantined, out, any_built=bool(assembly.built), withheld=assembly.withheld)
        if not assembly.built:
            raise InputError(_nothing_to_publish(assembly, out))
        if strict and (assembly.quarantined or assembly.withheld):
            return nothing
        link_note = _link(assembly.store, link, base) if link else None
        parallel = len(assembly.built) >= OTHER_CORE_FROM
        shared = rdf.publish_shared_once(assembly.store, base=base, among=None if link else assembly.several)
        counted, subjects = void.published_stats(assembly.store, base=base)  # each distinct triple in one graph now
        stats = describe(assembly.store, base=base, stats=counted)
        indexes: dict[str, entries.Index] = {}
        version: list[Path] = []

        def write(directory: Path) -> None:
            version.append(directory)
            export.write_store(assembly.store, directory, base=base, indexes=indexes, parallel=parallel,
                               subjects=subjects)

        written = outdir.publish(out, export.PUBLISHED_NAMES, write)
        if fill is not None and not assembly.contradicted and len(indexes) == len(incremental.FILES):
            description = canonical_lines(assembly.store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph()))
            pages = {keys[page.origin]: incremental.PageRecord(keys[page.origin], page.origin, page.article,
                                                               summary, page.report)
                     for page, summary in zip(assembly.built, nothing.pages) if page.origin in keys}
            if len(pages) == len(assembly.built) and (adopted := kept.adopt(fill, later=parallel)):
                files = {kind: (str(version[0] / name), incremental.identity(str(version[0] / name)))
                         for kind, name in incremental.FILES.items()}
                kept.save(incremental.State(pages, stats, description, indexes[entries.NT].lines, indexes, files,
                                            shared.value, kept.raw_name))
                if parallel:  # loaded into the store by a process after this one (or by the edit that needs it)
                    raw_store.fill_later(fill.path)
        if len(assembly.built) >= answers.ANSWERED_AHEAD_FROM:  # by a process after it, kept beside the files
            answers.answer_later(version[0])
        lines = indexes[entries.NT].lines if entries.NT in indexes else None
        return replace(nothing, written=written, link_note=link_note, lines=lines)
    finally:
        if fill is not None and not adopted:
            fill.discard()


def _rebuild(kept: incremental.Kept, state: incremental.State, read: Callable[[], Iterable[Page | SkippedPage]], *,
             out: Path, settings: PageSettings, jobs: int | None, cache: PageCache, shapes_cache: Path | None,
             strict: bool, progress: Progress | None) -> Build | None:
    """The build after an edit: the pages the last build published are not read back, the
    changed ones are built, and only the subjects they touch are worked out again
    (:mod:`kg.incremental`). None when it cannot be done so (an article given twice, pages
    that now contradict one another, many pages changed): then a full build does it."""
    keys: dict[str, str] = {}
    outcomes = build_pages(read(), settings, jobs=jobs, cache=cache, shapes_cache=shapes_cache, known=state.pages,
                           keys=keys)
    published: list[BuiltPage | KeptPage | incremental.PageRecord] = []
    quarantined: list[Quarantined] = []
    skipped: list[SkippedPage] = []
    seen: set[str] = set()
    for outcome in progress.over(outcomes) if progress is not None else outcomes:
        if isinstance(outcome, SkippedPage) and outcome.failed:
            quarantined.append(Quarantined(outcome.origin, outcome.reason))
        elif isinstance(outcome, SkippedPage):
            skipped.append(outcome)
        elif isinstance(outcome, Quarantined):
            quarantined.append(outcome)
        elif outcome.article in seen:
            return None  # the full build says which page is left out
        else:
            seen.add(outcome.article)
            published.append(outcome)
    fresh = [page for page in published if isinstance(page, (BuiltPage, KeptPage))]
    if not published or len(fresh) > max(8, len(published) // 20) or (strict and quarantined):
        return None
    before = {record.article for record in state.pages.values()}
    gone = before - {page.article for page in published if isinstance(page, incremental.PageRecord)}
    try:
        store = kept.raw()
    except OSError:  # another process holds it
        return None
    kept.forget()  # the raw store changes now: until the new state is saved, the next build is a full one
    edit = incremental.apply(store, gone=gone, came={page.article: page.ntriples for page in fresh})
    around = sorted({*edit.before}, key=str)
    if around and cross_article(store, around=[node for node in around if isinstance(node, NamedNode)]):
        return None
    try:
        plan = incremental.plan(state, edit, store, base=settings.base, context=export.context())
    except entries.Unindexable:  # a node the JSON-LD writer leaves to rdflib: written whole by a full build
        return None
    _report_quarantine(tuple(quarantined), out, any_built=True)
    records = {page.key: page for page in published if isinstance(page, incremental.PageRecord)}
    pages = []
    for page in published:
        if isinstance(page, (BuiltPage, KeptPage)):
            summary = page.summary if isinstance(page, KeptPage) else PageSummary.of(page.extraction)
            records[keys[page.origin]] = incremental.PageRecord(keys[page.origin], page.origin, page.article,
                                                                summary, page.report)
            pages.append(summary)
        else:
            pages.append(page.summary)
    saving: list[incremental.Saving] = []
    version: list[Path] = []

    def write(directory: Path) -> None:
        version.append(directory)
        made = incremental.splice_files(state, plan, directory)
        paths = [directory / export.OUTPUT_NAMES[fmt] for fmt in export.Format]
        paths.append(export._write_context(directory))
        export.write_void(directory, plan.description, paths, base=settings.base,
                          digests={incremental.FILES[kind]: (index.size, index.sha256) for kind, index in made.items()})
        files = {kind: (str(directory / name), incremental.identity(str(directory / name)))
                 for kind, name in incremental.FILES.items()}
        # the new state written by a thread while the files are published (synced, the old ones removed)
        saving.append(kept.saving(incremental.State(records, plan.stats, plan.description, plan.lines, made, files,
                                                    state.shared, state.raw)))

    try:
        written = outdir.publish(out, export.PUBLISHED_NAMES, write)
    except BaseException as error:
        for unpublished in saving:
            unpublished.drop()
        if isinstance(error, (entries.Unindexable, OSError)):  # the last build's files changed under us: a full build
            return None
        raise
    if len(published) >= OTHER_CORE_FROM:  # a corpus's named queries answered anew beside its files (kg.answers)
        answers.answer_later(version[0])
    saving[0].keep()
    report = _combined([page.report for page in published]) if settings.check else None
    extractions = _Extractions([page.extraction if isinstance(page, BuiltPage) else page.key for page in published],
                               cache)  # a KeptPage's key, as a PageRecord's
    return Build(extractions, tuple(skipped), None, report, written, None, tuple(quarantined), tuple(pages),
                 lines=plan.lines, incremental=True)


class _Extractions(Sequence):
    """The extractions of a build's pages, those the page cache holds read back from there when asked for
    (a corpus's extractions are many times its graph in memory)."""

    def __init__(self, items: list, cache: PageCache | None) -> None:
        self._items = items
        self._cache = cache

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        item = self._items[index]
        if isinstance(item, str):
            built = self._cache.read(item)
            if not isinstance(built, BuiltPage):
                raise LookupError(f"the page cache no longer holds page {item[:12]}…; build again with --no-cache")
            item = self._items[index] = built.extraction
        return item


def _combined(reports: list[Report | None]) -> Report:
    """The warnings and infos of the published pages, each once, in a stable order."""
    unique = {(str(r.focus), str(r.path), r.message, str(r.value), str(r.source_shape)): r
              for found in reports if found is not None for r in found.results}
    return Report(conforms=True, results=tuple(unique[key] for key in sorted(unique)))


def _report_quarantine(quarantined: tuple[Quarantined, ...], out: Path, *, any_built: bool,
                       withheld: tuple[Withheld, ...] = ()) -> None:
    """Writes why pages or their statements were left out beside the published files, or clears an older account.

    When no page was built the error line says it all, and only a SHACL report is written."""
    reports = [q.report for q in quarantined if q.report is not None]
    if reports:
        merged = Report(conforms=False, results=tuple(r for report in reports for r in report.results))
        outdir.write_beside(out, REPORT_NAME, merged.to_graph().serialize(format="turtle", encoding="utf-8"))
    if not any_built:
        return
    if not reports:
        outdir.remove_beside(out, REPORT_NAME)
    if quarantined:
        lines = "".join(f"{q.origin}\t{' '.join(q.reason.split())}\n" for q in quarantined)
        outdir.write_beside(out, QUARANTINE_NAME, lines.encode("utf-8"))
    else:
        outdir.remove_beside(out, QUARANTINE_NAME)
    if withheld:
        outdir.write_beside(out, WITHHELD_NAME, "".join(item.line() for item in withheld).encode("utf-8"))
    else:
        outdir.remove_beside(out, WITHHELD_NAME)


def _nothing_to_publish(assembly: Assembly, out: Path) -> str:
    failures = [*assembly.quarantined, *assembly.skipped]
    if not failures:
        return "no page to build; pass a wikitext file, a directory or an export"
    where = f"; {out / REPORT_NAME} holds the SHACL report" if any(q.report for q in assembly.quarantined) else ""
    if len(failures) == 1:
        hint = "; is it a Wikipedia article's wikitext?" if failures[0].reason == NO_STRUCTURE else ""
        return f"{failures[0].origin}: {failures[0].reason}{hint}{where}"
    return "no page could be built: " + "; ".join(f"{f.origin}: {f.reason}" for f in failures[:5]) + \
        (f"; and {len(failures) - 5} more" if len(failures) > 5 else "") + where


def _link(store: Store, options: LinkOptions, base: str) -> str:
    from kg.wikidata import link_entities, links_graph  # only a --link build pays for it

    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    merged = export.new_graph()
    merged.parse(data="\n".join(canonical_lines(serialize(triples, format=RdfFormat.N_TRIPLES))), format="nt")
    try:
        links = link_entities(merged, endpoint=options.endpoint, cache_dir=options.cache_dir,
                              offline=options.offline, min_score=options.min_score)
    except LinkError as error:
        return f"no Wikidata links: {error.message}; the graph is published without them"
    added = links_graph(links, minter_base=base)
    for s, p, o in added:  # each link goes into the graph of the article its entity came from
        entity = added.value(s, SKG.linkSubject) or s
        homes = {quad.graph_name for quad in store.quads_for_pattern(NamedNode(str(entity)), None, None)
                 if isinstance(quad.graph_name, NamedNode)}
        for home in homes:
            store.add(Quad(_term(s), _term(p), _term(o), home))
    waiting = {candidate.entity for candidate in links.candidates}
    unlinked = len(links.unlinked) - len(waiting)  # entities waiting for review count as unlinked too
    return f"{len(links.links)} linked to Wikidata, {len(waiting)} for review, {unlinked} with no candidate"


def _term(node):
    """An rdflib term as a pyoxigraph one."""
    if isinstance(node, URIRef):
        return NamedNode(str(node))
    if isinstance(node, RdflibLiteral):
        if node.language:
            return Literal(str(node), language=node.language)
        return Literal(str(node), datatype=NamedNode(str(node.datatype))) if node.datatype else Literal(str(node))
    return BlankNode(str(node))


def issues(build_result: Build) -> tuple[Issue, ...]:
    """Every issue the stages met, most severe first."""
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    found = [issue for page in build_result.pages for issue in page.issues]
    return tuple(sorted(found, key=lambda i: (order[i.severity], i.origin, i.position or 0)))
