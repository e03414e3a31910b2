"""``kg publish``: send the graph to a store that speaks the SPARQL 1.1 Graph Store Protocol."""

from __future__ import annotations

from pathlib import Path

import click

from kg.publish import publish as publish_graph
from kg.store import DEFAULT_DATA, data_paths, load_store


@click.command("publish")
@click.option("--endpoint", required=True, metavar="URL", help="The Graph Store Protocol address, e.g. http://127.0.0.1:7878/store (Oxigraph).")
@click.option("--graph", metavar="IRI", help="Put everything into this one named graph instead of one graph per article.")
@click.option("--append", is_flag=True, help="Add to what the graphs hold (POST) instead of replacing it (PUT).")
@click.option(
    "--data", "data", multiple=True, type=click.Path(path_type=Path),
    help=f"RDF file to send (repeatable). Default: the last build, {DEFAULT_DATA}.",
)
def publish(endpoint: str, graph: str | None, append: bool, data: tuple[Path, ...]) -> None:
    """Send the graph to ENDPOINT, one graph per source article plus the default graph.

    \b
    Example (Oxigraph):
      oxigraph serve --location store/ --bind 127.0.0.1:7878 &
      kg publish --endpoint http://127.0.0.1:7878/store
    """
    uploads = publish_graph(load_store(data_paths(data)), endpoint=endpoint, graph=graph, append=append)
    for upload in uploads:
        click.echo(f"{'POST' if append else 'PUT'} {upload.graph or '(default graph)'}: {upload.triples} triples, {upload.status}")
