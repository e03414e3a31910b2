"""``kg wikidata-diff``: QuickStatements for what Wikidata lacks about our linked entities."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from kg.wikidata import WIKIDATA_ENDPOINT
from kg.wikidata.quickstatements import conflicts_csv, quickstatements, wikidata_diff
from kg.wikidata.subjects import read_graph

DEFAULT_CACHE = Path(".kg-cache/wikidata")  # shared with `kg build --link`


@click.command("wikidata-diff")
@click.option("--data", type=click.Path(path_type=Path), default=Path("build/kg.trig"), show_default=True, help="The build.")
@click.option("--links", type=click.Path(path_type=Path), default=Path("build/links.ttl"), show_default=True, help="Links written by `kg link`.")
@click.option("--endpoint", default=WIKIDATA_ENDPOINT, show_default=True, help="SPARQL endpoint holding Wikidata.")
@click.option("--offline", is_flag=True, help="Use the cache alone; fail if it lacks an answer.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_CACHE, show_default=True, help="On-disk cache of endpoint answers.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("build/quickstatements.txt"), show_default=True, help="QuickStatements v1 file to write.")
@click.option("--conflicts", type=click.Path(dir_okay=False, path_type=Path), default=Path("build/conflicts.csv"), show_default=True, help="Statements Wikidata contradicts, for a person to judge.")
@click.option("--retrieved", type=click.DateTime(["%Y-%m-%d"]), help="Retrieval date of the references (P813). Default: today (UTC).")
def wikidata_diff_command(
    data: Path, links: Path, endpoint: str, offline: bool, cache_dir: Path, out: Path, conflicts: Path, retrieved: dt.datetime | None
) -> None:
    """Write QuickStatements (v1) for statements Wikidata lacks about linked entities.

    \b
    Each statement is referenced to the article (P4656 + P813) and to the sources it cites
    (P854 + P813). Statements that contradict Wikidata are never written: they go to
    the conflicts file. Example: kg wikidata-diff --offline --retrieved 2026-11-26
    """
    day = retrieved.date() if retrieved else dt.datetime.now(dt.timezone.utc).date()
    graph = read_graph(data, links)
    diff = wikidata_diff(graph, endpoint=endpoint, cache_dir=cache_dir, offline=offline)
    for path, text in ((out, quickstatements(diff, retrieved=day)), (conflicts, conflicts_csv(diff, graph))):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.with_suffix(path.suffix + ".tmp").write_text(text, encoding="utf-8")
        os.replace(path.with_suffix(path.suffix + ".tmp"), path)
    click.echo(f"lacking {len(diff.lacking)} statements, already on Wikidata {len(diff.present)}, conflicts {len(diff.conflicts)}")
    click.echo(f"wrote {out} and {conflicts}")
