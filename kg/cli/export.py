"""``kg export``: convert an RDF file between Turtle, JSON-LD, N-Triples and TriG."""

from __future__ import annotations

from pathlib import Path

import click

from kg.errors import ConfigError
from kg.export import Format, convert


@click.command("export")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice([fmt.value for fmt in Format]), required=True,
    help="Format to write. ttl, jsonld and nt hold the union of all graphs; trig keeps them apart.",
)
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Write to this file instead of standard output.")
def export(file: Path, fmt: str, out: Path | None) -> None:
    """Convert the RDF FILE (its format taken from its suffix) to another format.

    \b
    Examples:
      kg export build/kg.trig --format jsonld --out kg.jsonld
      kg export build/kg.ttl --format nt | grep ontology#Summit
    """
    data = convert(file, to=Format(fmt))
    if out is None:
        click.get_binary_stream("stdout").write(data)
        return
    try:
        out.write_bytes(data)
    except OSError as error:
        raise ConfigError(f"--out {out}: cannot write it ({error.strerror}); pick a writable path") from None
