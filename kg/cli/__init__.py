"""The ``kg`` command: parse options → call the library → format → exit code. No logic here.

Exit codes: 0 ok, 1 does not conform (validation), 2 error. Library errors
(:class:`kg.errors.KgError`) become one line on stderr, never a traceback.
"""

from __future__ import annotations

import gc
import importlib
import logging
import sys

import click

from kg.errors import KgError


#: Each command lives in its own module, imported only when that command runs (so
#: ``kg build`` does not pay for the server's or the Wikidata client's imports).
COMMANDS = {
    "build": "kg.cli.build:build",
    "extract": "kg.cli.extract:extract",
    "validate": "kg.cli.validate:validate_command",
    "export": "kg.cli.export:export",
    "query": "kg.cli.query:query",
    "serve": "kg.cli.serve:serve",
    "publish": "kg.cli.publish:publish",
    "link": "kg.cli.link:link",
    "wikidata-diff": "kg.cli.wikidata_diff:wikidata_diff_command",
}


class KgGroup(click.Group):
    """Loads commands on demand and turns library errors into one-line messages and exit codes."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, _, attribute = target.partition(":")
        if not _OWN_PROCESS:
            return getattr(importlib.import_module(module), attribute)
        gc.disable()
        try:
            return getattr(importlib.import_module(module), attribute)
        finally:
            gc.freeze()  # see run()
            gc.enable()

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
    # rdflib logs a traceback for each ill-typed literal ("2018-13-45"^^xsd:date) it reads;
    # the literal is kept as written and the shapes judge it, so the noise is dropped.
    logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)


#: Whether the command runs in a process of its own (:func:`run`), not called from other code.
_OWN_PROCESS = False


def run() -> None:
    """The ``kg`` console script: :func:`main`, in a process of its own.

    What a command imports (the libraries, the extractor's tables and patterns) lives as
    long as the process, so it is loaded with the cyclic garbage collector off and then
    moved out of its sight (``gc.freeze``, as Python's documentation advises before
    forking workers): the collections of the build, its workers' and the interpreter's
    last ones at exit do not walk it again (about a fifth of a one-article build's CPU).
    Only here: code that calls :func:`main` itself (tests, a notebook) keeps its collector as it is.
    """
    global _OWN_PROCESS
    _OWN_PROCESS = True
    main()
