"""One page built in isolation: parsed, extracted, minted and validated, or quarantined.

:func:`build_page` never raises for anything in the page: a failure in any stage, a page
that does not conform to the shapes, or a page that takes longer than its time budget
gives a :class:`Quarantined` value with one line saying why (and the SHACL report when
the shapes found it), so the other pages of a corpus are still built. It runs in the
worker processes of :mod:`kg.pool`; its result is plain data that crosses the pipe::

    >>> from kg.model import Page
    >>> build_page(Page("just a sentence", origin="note.txt"), PageSettings()).reason
    'has no wikitext structure (no links, templates, headings or bold title)'
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from kg import rdf
from kg.export import as_written
from kg.extract import extract
from kg.model import Extraction, Page
from kg.validate import Report, validate_triples
from kg.vocab import DEFAULT_BASE, Minter
from kg.wikitext import Document, parse

#: Seconds one page may take before it is quarantined (``kg build --page-budget``).
DEFAULT_BUDGET = 10.0
NO_STRUCTURE = "has no wikitext structure (no links, templates, headings or bold title)"


@dataclass(frozen=True)
class PageSettings:
    """What every page of a build is built with."""

    base: str = DEFAULT_BASE
    check: bool = True  # validate with the shapes (``--no-validate`` turns it off)
    budget: float = DEFAULT_BUDGET


@dataclass(frozen=True)
class BuiltPage:
    """A page that was built and conforms: its graph as sorted N-Triples lines."""

    origin: str
    article: str  # the article's IRI, which also names its graph
    extraction: Extraction
    ntriples: bytes
    report: Report | None  # warnings and infos; None when validation is off


@dataclass(frozen=True)
class Quarantined:
    """A page left out of the build, and why (one line)."""

    origin: str
    reason: str
    report: Report | None = None  # the SHACL report, when the page does not conform


#: rdflib logs a warning per odd IRI; what is wrong with a page is said once, in its reason.
logging.getLogger("rdflib.term").setLevel(logging.ERROR)


class PageTimeout(Exception):
    """The page took longer than its budget."""


def build_page(page: Page, settings: PageSettings) -> BuiltPage | Quarantined:
    """The graph of one page, or why it was left out."""
    stage = "reading"
    try:
        with _deadline(settings.budget):
            document = parse(page)
            if not has_structure(document):
                return Quarantined(page.origin, NO_STRUCTURE)
            stage = "extracting"
            extraction = extract(document)
            stage = "minting"
            triples = rdf.page_triples(extraction, minter=Minter(settings.base))
            article = str(rdf.article_of(extraction))
            stage = "validating"
            report = validate_triples(triples) if settings.check else None
            stage = "writing"
            ntriples = _sorted_ntriples(triples)
    except PageTimeout:
        return Quarantined(page.origin, f"took longer than {settings.budget:g} s while {stage} it "
                                        "(the per-page budget; raise it with --page-budget)")
    except RecursionError:
        return Quarantined(page.origin, f"is nested too deeply to finish {stage} it")
    except Exception as error:  # noqa: BLE001 - one page's failure must not end the corpus
        detail = " ".join(str(error).split())[:160] or "no message"
        return Quarantined(page.origin, f"failed while {stage} it ({type(error).__name__}: {detail}); "
                                        "please report it with this page")
    if report is not None and not report.conforms:
        return Quarantined(page.origin, f"does not conform to the shapes ({report.to_text().splitlines()[0]})",
                           report)
    return BuiltPage(page.origin, article, extraction, ntriples, report)


def has_structure(document: Document) -> bool:
    return bool(document.links or document.templates or document.sections or document.bold
                or document.categories or document.refs)


def _sorted_ntriples(triples: rdf.Triples) -> bytes:
    """The page's distinct N-Triples lines, sorted, as rdflib's serialiser writes each, every
    literal in the lexical form Turtle's shorthand gives it (``4.0`` for an xsd:decimal 4),
    so every published format holds the same terms."""
    lines = triples.lines(as_written)
    text = "".join(lines)
    if text.count("\n") == len(lines) and "\r" not in text:  # one line each, as rdflib writes every triple's
        try:  # each with its newline: no line starts another, so they sort as they do without it; deduplicated
            # in order, not by a set, so the sort meets the runs of each subject's lines (about half the time)
            return b"".join(sorted(dict.fromkeys(line.encode() for line in lines)))
        except UnicodeEncodeError:
            pass  # raised below as it was
    return b"".join(line + b"\n" for line in sorted(set(filter(None, text.encode().splitlines()))))


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raises PageTimeout in the block after ``seconds`` (main thread only; elsewhere the
    pool's kill is the only deadline)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise PageTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
