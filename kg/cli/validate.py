"""``kg validate``: check RDF files against the SHACL shapes and print a report people can read."""

from __future__ import annotations

from pathlib import Path

import click

from kg.errors import ConfigError, ValidationFailed
from kg.export import read_many
from kg.validate import Severity, validate


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--shapes", "shapes_dir", type=click.Path(path_type=Path), default=None,
    help="Folder of SHACL shapes (*.ttl). Default: the shipped shapes/.",
)
@click.option(
    "--ontology", type=click.Path(path_type=Path), default=None,
    help="Ontology checked with the data (subclasses). Default: the shipped ontology/skg.ttl.",
)
@click.option(
    "--report", "report_path", type=click.Path(path_type=Path), default=None,
    help="Also write the SHACL validation report, in Turtle, to this file.",
)
def validate_command(files: tuple[Path, ...], shapes_dir: Path | None, ontology: Path | None, report_path: Path | None) -> None:
    """Validate RDF FILES (.ttl, .jsonld, .nt, .trig) together against the shapes.

    Exit 0 when they conform (warnings allowed), 1 on a violation, 2 on an error.

    \b
    Examples:
      kg validate build/kg.trig
      kg validate build/kg.ttl --report build/report.ttl
    """
    report = validate(read_many(files), shapes_dir=shapes_dir, ontology=ontology)
    click.echo(report.to_text(), nl=False)
    if report_path is not None:
        try:
            report_path.write_bytes(report.to_graph().serialize(format="turtle", encoding="utf-8"))
        except OSError as error:
            raise ConfigError(f"--report {report_path}: cannot write it ({error.strerror}); pick a writable path") from None
    if not report.conforms:
        names = ", ".join(str(path) for path in files)
        raise ValidationFailed(f"{names}: {report.count(Severity.VIOLATION)} violation(s); see the report above")
