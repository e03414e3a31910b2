"""``kg build``: read articles, publish their validated graph."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg import pipeline
from kg.model import Severity
from kg.progress import Progress
from kg.store_cache import DEFAULT_DIR as DEFAULT_STORE_CACHE
from kg.vocab import DEFAULT_BASE
from kg.worker import DEFAULT_BUDGET


@click.command()
@click.argument("sources", nargs=-1)
@click.option("--out", type=click.Path(path_type=Path), default=Path("build"), show_default=True,
              help="Directory to publish into; its files are swapped in all at once, others left alone.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of the entities.")
@click.option("--no-validate", "skip_validation", is_flag=True,
              help="Publish without SHACL validation (debugging only).")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Pages built at once, each in a process of its own  [default: the number of cores]")
@click.option("--page-budget", "budget", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_BUDGET,
              show_default=True, help="Seconds one page may take before it is left out.")
@click.option("--strict", is_flag=True, help="Publish nothing when any page is left out.")
@click.option("--page-cache", type=click.Path(file_okay=False, path_type=Path), default=Path(".kg-cache/build"),
              show_default=True, envvar="KG_BUILD_CACHE",
              help="Where built pages are kept, by their text's SHA-256 and the code's version "
                   "(and the shapes as read and checked).")
@click.option("--no-cache", is_flag=True,
              help="Build every page again, whatever the page cache holds (the shapes it keeps are still used).")
@click.option("--keep-store", is_flag=True,
              help="Also load the published kg.trig into the store cache kg serve reads, so that its first start "
                   "over this build opens the store at once (about 30 s of CPU a million triples).")
@click.option("--store-cache", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_STORE_CACHE,
              show_default=True, help="The store cache --keep-store fills (kg serve --store-cache).")
@click.option("--link", "with_links", is_flag=True, help="Link entities to Wikidata while building.")
@click.option("--endpoint", default=None, help="SPARQL endpoint for --link (default: Wikidata Query Service).")
@click.option("--offline", is_flag=True, help="With --link, use cached Wikidata answers only.")
@click.option("--cache", "cache_dir", type=click.Path(path_type=Path), default=Path(".kg-cache/wikidata"),
              show_default=True, help="Where --link caches Wikidata answers.")
def build(sources, out, base, skip_validation, jobs, budget, strict, page_cache, no_cache, keep_store, store_cache,
          with_links, endpoint, offline, cache_dir) -> None:
    """Build the graph of SOURCE... (wikitext files, directories, '-' for stdin, MediaWiki
    .xml/.xml.bz2 exports) into --out; with no SOURCE, the bundled corpus.

    A page that cannot be built (it fails, does not conform to the shapes, or takes longer
    than --page-budget) is left out with one line saying why, and the others are published.
    A statement of a page that contradicts an earlier page's (two last days for one summit)
    is withheld from that page's graph, listed in OUT/withheld.tsv, and the page published.
    Exit codes: 0 every page published whole; 1 published, some pages left out (listed, and
    in OUT/quarantined.tsv) or statements withheld (OUT/withheld.tsv); 2 bad input, nothing
    publishable, or --strict with a page left out or a statement withheld.
    """
    link = None
    if with_links:
        from kg.wikidata import WIKIDATA_ENDPOINT
        link = pipeline.LinkOptions(endpoint=endpoint or WIKIDATA_ENDPOINT, cache_dir=cache_dir, offline=offline)
    if skip_validation:
        click.echo("kg: WARNING: --no-validate: the graph is published WITHOUT SHACL validation", err=True)
    with Progress("pages built") as progress:
        result = pipeline.build(list(sources), out=out, base=base, check=not skip_validation, link=link,
                                stdin=sys.stdin.buffer if "-" in sources else None, jobs=jobs, budget=budget,
                                strict=strict, cache_dir=None if no_cache else page_cache, shapes_cache=page_cache,
                                progress=progress)
    _summary(result, out)
    if keep_store and result.published:
        _keep_store(out / "kg.trig", store_cache)
    if not result.quarantined and not result.withheld:
        return
    for page in result.quarantined:
        click.echo(f"kg: left out {page.origin}: {page.reason}", err=True)
    missing, where = [], []
    if result.quarantined:
        missing.append(f"{len(result.quarantined)} page(s) left out")
        where.append(f"{out / pipeline.QUARANTINE_NAME}" + (
            f", SHACL report in {out / pipeline.REPORT_NAME}" if any(q.report for q in result.quarantined) else ""))
    if result.withheld:
        missing.append(f"{_withheld(result)} withheld")
        where.append(f"{out / pipeline.WITHHELD_NAME}")
    if not result.published:
        click.echo(f"kg: --strict: {' and '.join(missing)}, so nothing was published (see {'; '.join(where)})",
                   err=True)
        sys.exit(2)
    click.echo(f"kg: published without {' and '.join(missing)} (see {'; '.join(where)})", err=True)
    sys.exit(1)


def _keep_store(trig: Path, cache: Path) -> None:
    from kg.server.data import keep_store  # here: a build that keeps no store imports none of the server

    quads = keep_store((trig,), cache)
    if quads is not None:
        chosen = "" if cache == DEFAULT_STORE_CACHE else f" --store-cache {cache}"
        click.echo(f"kept for kg serve: the store of {trig} ({quads} quads) in {cache}; "
                   f"`kg serve --data {trig}{chosen}` opens it at once")


def _withheld(result: pipeline.Build) -> str:
    pages = len({item.origin for item in result.withheld})
    return f"{len(result.withheld)} statement(s) of {pages} page(s)"


def _summary(result: pipeline.Build, out: Path) -> None:
    for page in result.pages:
        source = page.source
        click.echo(f"read {source.origin}: {source.title} ({source.wiki}, sha256 {source.sha256[:12]}…)")
    for skipped in result.skipped:
        click.echo(f"skipped {skipped.origin}: {skipped.reason}")
    if result.incremental:
        click.echo("rebuilt after an edit: the pages the last build published were reused, "
                   "and only what the changed pages touch was worked out and written again")
    if result.quarantined:
        click.echo(f"left out: {len(result.quarantined)} page(s), listed below")
    if result.withheld:
        click.echo(f"withheld: {_withheld(result)} that contradict earlier pages, "
                   f"listed in {out / pipeline.WITHHELD_NAME}")
    kinds: dict[str, int] = {}
    for page in result.pages:
        for kind, count in page.kinds:
            kinds[kind] = kinds.get(kind, 0) + count
    click.echo(f"entities: {sum(kinds.values())} (" + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + ")")
    click.echo(f"triples: {result.triples}")
    click.echo("read and used: " + "; ".join(f"{c.what} {c.used}/{c.read}" for c in result.counts()))
    problems = pipeline.issues(result)
    if problems:
        worst = sum(1 for i in problems if i.severity is not Severity.INFO)
        click.echo(f"issues: {len(problems)} ({worst} warnings); see `kg extract FILE`")
    if result.link_note:
        click.echo(f"wikidata: {result.link_note}")
    if result.report is not None:
        verdict = "conforms" if result.report.conforms else "does NOT conform"
        click.echo(f"validation: {verdict} ({result.report.to_text().splitlines()[0]})")
    if result.published:
        click.echo("wrote: " + ", ".join(str(p) for p in result.written))
        click.echo(f"try:   kg query summits --data {out / 'kg.trig'}")
