"""The only module that knows the stage order: source → wikitext → extract → rdf → validate → export.

Nothing is published unless every stage succeeded: outputs are written to a temporary
directory beside ``--out`` and swapped in whole, so a failure leaves what was there before.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from rdflib import Dataset

from kg import export, rdf, void
from kg.errors import ConfigError, InputError, LinkError
from kg.extract import extract
from kg.model import Count, Extraction, Issue, Severity, SkippedPage
from kg.source import read_sources
from kg.validate import Report, validate
from kg.vocab import DEFAULT_BASE, SKG, Minter
from kg.wikitext import Document, parse

REPORT_NAME = "validation-report.ttl"


@dataclass(frozen=True)
class LinkOptions:
    """Ask Wikidata for links while building (``kg build --link``)."""

    endpoint: str
    cache_dir: Path
    offline: bool = False
    min_score: float = 0.8


@dataclass(frozen=True)
class Build:
    """What a build read, made and wrote."""

    extractions: tuple[Extraction, ...]
    skipped: tuple[SkippedPage, ...]
    dataset: Dataset
    report: Report | None  # None when validation was skipped
    written: tuple[Path, ...]  # empty when nothing was published
    link_note: str | None = None  # what happened with --link

    @property
    def published(self) -> bool:
        return bool(self.written)

    @property
    def triples(self) -> int:
        return len(export.union(self.dataset))

    def counts(self) -> tuple[Count, ...]:
        totals: dict[str, list[int]] = {}
        for extraction in self.extractions:
            for count in extraction.counts:
                totals.setdefault(count.what, [0, 0])
                totals[count.what][0] += count.read
                totals[count.what][1] += count.used
        return tuple(Count(what, read, used) for what, (read, used) in totals.items())


def read_documents(specs: Sequence[str], *, stdin: BinaryIO | None = None) -> Iterator[Document | SkippedPage]:
    """Parses page after page, keeping none: a page with no wikitext structure stops the
    build (a file: InputError) or is skipped (a page of an export)."""
    for item in read_sources(list(specs), stdin=stdin):
        if isinstance(item, SkippedPage):
            yield item
            continue
        document = parse(item)
        if has_structure(document):
            yield document
            continue
        reason = "has no wikitext structure (no links, templates, headings or bold title)"
        if item.revision_id is None:
            raise InputError(f"{item.origin}: {reason}; is it a Wikipedia article's wikitext?")
        yield SkippedPage(item.origin, reason)


def has_structure(document: Document) -> bool:
    return bool(document.links or document.templates or document.sections or document.bold
                or document.categories or document.refs)


def assemble(items: Iterable[Document | SkippedPage], *, base: str = DEFAULT_BASE
             ) -> tuple[tuple[Extraction, ...], tuple[SkippedPage, ...], Dataset]:
    """Extracts every document into its own named graph; documents are dropped as soon as they are read."""
    minter = Minter(base)
    dataset = export.new_dataset()
    extractions: list[Extraction] = []
    skipped: list[SkippedPage] = []
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, SkippedPage):
            skipped.append(item)
            continue
        extraction = extract(item)
        article = rdf.article_of(extraction)
        if str(article) in seen:
            raise InputError(f"{item.page.origin}: the article {extraction.source.title!r} was already read "
                             f"from {seen[str(article)]}; give each article once")
        seen[str(article)] = item.page.origin
        graph = dataset.graph(article)
        for triple in rdf.to_graph(extraction, minter=minter):
            graph.add(triple)
        extractions.append(extraction)
    rdf.settle_labels(dataset)
    if not extractions:
        raise InputError("no page could be built: " + "; ".join(f"{s.origin}: {s.reason}" for s in skipped)
                         if skipped else "no page to build; pass a wikitext file, a directory or an export")
    return tuple(extractions), tuple(skipped), dataset


def describe(dataset: Dataset, *, base: str, endpoint: str | None = None) -> None:
    """Puts the dataset description into the default graph (replacing an older one)."""
    dataset.remove((None, None, None, dataset.default_graph))
    for triple in void.describe(dataset, base=base, endpoint=endpoint):
        dataset.default_graph.add(triple)


def build(specs: Sequence[str], *, out: Path, base: str = DEFAULT_BASE, check: bool = True,
          link: LinkOptions | None = None, stdin: BinaryIO | None = None) -> Build:
    """Builds, validates and publishes the graph of ``specs`` into ``out``.

    Raises InputError for unreadable input and ConfigError for an unusable ``out``; in both
    cases nothing is written. A graph that does not validate is not published: its report
    is written to ``out/validation-report.ttl`` and the returned build has no files.
    """
    if out.exists() and not out.is_dir():
        raise ConfigError(f"--out {out} is a file; give a directory to publish into")
    extractions, skipped, dataset = assemble(read_documents(specs, stdin=stdin), base=base)
    link_note = _link(dataset, link, base) if link else None
    describe(dataset, base=base)
    report = validate(dataset) if check else None
    if report is not None and not report.conforms:
        out.mkdir(parents=True, exist_ok=True)
        _write_atomically(out / REPORT_NAME, report.to_graph().serialize(format="turtle", encoding="utf-8"))
        return Build(extractions, tuple(skipped), dataset, report, (), link_note)
    written = publish(dataset, out)
    return Build(extractions, tuple(skipped), dataset, report, written, link_note)


def _link(dataset: Dataset, options: LinkOptions, base: str) -> str:
    from kg.wikidata import link_entities, links_graph  # only a --link build pays for it

    union = export.union(dataset)
    try:
        links = link_entities(union, endpoint=options.endpoint, cache_dir=options.cache_dir,
                              offline=options.offline, min_score=options.min_score)
    except LinkError as error:
        return f"no Wikidata links: {error.message}; the graph is published without them"
    added = links_graph(links, minter_base=base)
    homes = [(context, set(context.subjects())) for context in dataset.contexts()
             if context.identifier != dataset.default_graph.identifier]
    for s, p, o in added:  # each link goes into the graph of the article its entity came from
        entity = added.value(s, SKG.linkSubject) or s
        for context, subjects in homes:
            if entity in subjects:
                context.add((s, p, o))
    waiting = {candidate.entity for candidate in links.candidates}
    unlinked = len(links.unlinked) - len(waiting)  # entities waiting for review count as unlinked too
    return f"{len(links.links)} linked to Wikidata, {len(waiting)} for review, {unlinked} with no candidate"


def publish(dataset: Dataset, out: Path) -> tuple[Path, ...]:
    """Writes every output file into a fresh directory and swaps it in for ``out`` at once."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        written = export.write_outputs(dataset, staging)
        if out.exists():
            for kept in out.iterdir():  # files other stages put there (links, review) stay
                if not (staging / kept.name).exists() and kept.name != REPORT_NAME:
                    shutil.move(str(kept), staging / kept.name)
            retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
            os.replace(out, retired / out.name)
            os.replace(staging, out)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return tuple(out / path.name for path in written)


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    os.replace(temporary, path)


def issues(build_result: Build) -> tuple[Issue, ...]:
    """Every issue the stages met, most severe first."""
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    found = [issue for extraction in build_result.extractions for issue in extraction.issues]
    return tuple(sorted(found, key=lambda i: (order[i.severity], i.origin, i.position or 0)))
