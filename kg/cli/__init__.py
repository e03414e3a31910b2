"""The ``kg`` command: parse options → call the library → format → exit code. No logic here.

Exit codes: 0 ok, 1 does not conform (validation), 2 error. Library errors
(:class:`kg.errors.KgError`) become one line on stderr, never a traceback.
"""

from __future__ import annotations

import sys

import click

from kg.errors import KgError


class KgGroup(click.Group):
    """A click group that turns library errors into one-line messages and exit codes."""

    def invoke(self, ctx: click.Context):  # noqa: D401 - click hook
        try:
            return super().invoke(ctx)
        except KgError as error:
            click.echo(f"kg: {error.message}", err=True)
            sys.exit(error.exit_code)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="summit-kg")
def main() -> None:
    """Summit KG: Wikipedia articles about summit meetings, published as linked data."""


# Each command lives in its own module; register it here, one line each.
from kg.cli.build import build  # noqa: E402
from kg.cli.extract import extract  # noqa: E402
from kg.cli.export import export  # noqa: E402
from kg.cli.link import link  # noqa: E402
from kg.cli.publish import publish  # noqa: E402
from kg.cli.query import query  # noqa: E402
from kg.cli.wikidata_diff import wikidata_diff_command  # noqa: E402
from kg.cli.serve import serve  # noqa: E402
from kg.cli.validate import validate_command  # noqa: E402

main.add_command(build)
main.add_command(extract)
main.add_command(export)
main.add_command(link)
main.add_command(publish)
main.add_command(query)
main.add_command(wikidata_diff_command)
main.add_command(serve)
main.add_command(validate_command)
