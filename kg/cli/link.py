"""``kg link``: link the last build's entities to Wikidata; write links.ttl and review.csv."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import click

from kg.progress import Progress
from kg.vocab import DEFAULT_BASE
from kg.wikidata import DEFAULT_MIN_SCORE, WIKIDATA_ENDPOINT, Politeness, link_entities, links_graph
from kg.wikidata.review import accept as apply_review
from kg.wikidata.review import read_review, review_csv
from kg.wikidata.subjects import read_graph

DEFAULT_CACHE = Path(".kg-cache/wikidata")  # shared with `kg build --link`


@click.command("link")
@click.option("--data", type=click.Path(path_type=Path), default=Path("build/kg.trig"), show_default=True, help="The build to link.")
@click.option("--endpoint", default=WIKIDATA_ENDPOINT, show_default=True, help="SPARQL endpoint holding Wikidata.")
@click.option("--offline", is_flag=True, help="Use the cache alone; fail if it lacks an answer.")
@click.option(
    "--min-score", type=click.FloatRange(0, 1), default=DEFAULT_MIN_SCORE, show_default=True,
    help="Score from which a candidate becomes owl:sameAs; lower ones go to review.",
)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("build"), show_default=True, help="Where links.ttl and review.csv go.")
@click.option("--accept", "accepted", type=click.Path(dir_okay=False, path_type=Path), help="A review.csv with rows marked yes in 'accept': link those too.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_CACHE, show_default=True, help="On-disk cache of endpoint answers.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of the build, for link nodes.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=Politeness.timeout, show_default=True, help="Seconds to wait for one answer.")
@click.option("--tries", type=click.IntRange(min=1), default=Politeness.tries, show_default=True, help="Attempts per query, with back-off between them.")
@click.option("--pause", type=click.FloatRange(min=0), default=Politeness.min_interval, show_default=True, help="Seconds between two requests (0 only for your own endpoint).")
def link(
    data: Path, endpoint: str, offline: bool, min_score: float, out: Path, accepted: Path | None, cache_dir: Path, base: str,
    timeout: float, tries: int, pause: float,
) -> None:
    """Link entities of the last build to Wikidata items.

    \b
    Sitelinks first (the article's own wikilinks, in both scripts), then labels and aliases
    constrained by type and dates. Writes OUT/links.ttl (owl:sameAs + why) and OUT/review.csv
    (candidates a person can accept), and prints a summary.
    Example: kg link --offline; kg link --accept build/review.csv
    """
    decisions = read_review(accepted) if accepted else ()
    politeness = Politeness(timeout=timeout, tries=tries, min_interval=pause)
    with Progress("Wikidata queries answered") as progress:
        links = link_entities(
            read_graph(data), endpoint=endpoint, cache_dir=cache_dir, offline=offline, min_score=min_score,
            politeness=politeness, progress=progress,
        )
    if accepted:
        links = apply_review(links, decisions, origin=str(accepted))
    out.mkdir(parents=True, exist_ok=True)
    _write(out / "links.ttl", links_graph(links, minter_base=base).serialize(format="turtle"))
    _write(out / "review.csv", review_csv(links))
    methods = Counter(link.method.value for link in links.links)
    by_method = ", ".join(f"{name} {count}" for name, count in sorted(methods.items()))
    reviewed = len({c.entity for c in links.candidates})
    click.echo(f"linked {len(links.links)}" + (f" ({by_method})" if by_method else ""))
    click.echo(f"for review {reviewed} ({len(links.candidates)} candidates)")
    click.echo(f"unlinked {len(links.unlinked) - reviewed} (no candidate at all)")
    click.echo(f"queries: {links.queries_asked} asked, {links.queries_cached} from cache")
    click.echo(f"wrote {out / 'links.ttl'} and {out / 'review.csv'}")


def _write(path: Path, text: str) -> None:
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
