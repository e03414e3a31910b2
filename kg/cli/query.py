"""``kg query``: ask the graph a named question, a .rq file, or SPARQL text."""

from __future__ import annotations

from pathlib import Path

import click

from kg.answers import DEFAULT_DIR, AnswerCache, answer_key, precomputed
from kg.errors import ConfigError
from kg.query import Output, bind, execute_within, named_queries, render, resolve, written_format
from kg.server.settings import Settings
from kg.store import DEFAULT_DATA, data_paths, load_store


_SERVER_TIMEOUT = Settings.query_timeout


@click.command("query")
@click.argument("spec", metavar="NAME|FILE|SPARQL", required=False)
@click.option(
    "--data", "data", multiple=True, type=click.Path(path_type=Path),
    help=f"RDF file to query (.trig, .ttl, .nt, .jsonld; repeatable). Default: the last build, {DEFAULT_DATA}.",
)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Set a parameter of a named query (repeatable).")
@click.option(
    "--format", "output", type=click.Choice([o.value for o in Output]), default=Output.TABLE.value, show_default=True,
    help="SELECT/ASK: table, csv, tsv or SPARQL JSON. CONSTRUCT: Turtle, N-Triples (csv/tsv) or JSON-LD (json).",
)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and their parameters.")
@click.option(
    "--timeout", type=click.FloatRange(min=0, min_open=True), default=_SERVER_TIMEOUT, show_default=True,
    help="Seconds of CPU time the query may use (or ten times that of wall time) before it is stopped.",
)
@click.option(
    "--answers", "answers_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_DIR, show_default=True,
    help="Where printed answers are kept: the same query over the same files is answered from there.",
)
@click.option("--no-cache", is_flag=True, help="Ask the engine again, whatever answer is kept (the new one is kept).")
def query(spec: str | None, data: tuple[Path, ...], params: tuple[str, ...], output: str, list_queries: bool,
          timeout: float, answers_dir: Path, no_cache: bool) -> None:
    """Run a named query (see --list), a .rq file, or SPARQL text over the graph.

    \b
    Examples:
      kg query summits
      kg query summits-of-person --param name=NAME   (either script)
      kg query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --data build/kg.ttl
    """
    if list_queries:
        for named in named_queries():
            click.echo(f"{named.name}: {named.title}")
            for param in named.params:
                click.echo(f"    --param {param.name}=… ({param.kind.value}, default {param.default}) {param.description}")
        return
    if spec is None:
        raise click.UsageError("give a query NAME, FILE or SPARQL text, or --list")
    chosen = resolve(spec)
    sparql = bind(chosen, dict(_pair(p) for p in params))
    chosen_output = Output(output)
    paths = data_paths(data)
    kept, key = AnswerCache(answers_dir), answer_key(sparql, chosen_output.value, paths)
    answer = kept.get(key) or precomputed(key, paths) if key is not None and not no_cache else None
    if answer is None:
        result = execute_within(timeout, load_store(paths), sparql, written_as=written_format(chosen_output))
        answer = render(result, chosen_output)
        if key is not None and answer_key(sparql, chosen_output.value, paths) == key:  # the files did not change meanwhile
            kept.put(key, answer)
    click.echo(answer.decode("utf-8"), nl=False)


def _pair(text: str) -> tuple[str, str]:
    name, equals, value = text.partition("=")
    if not equals or not name:
        raise ConfigError(f"--param {text!r}: write NAME=VALUE, e.g. --param lang=zh-Hant")
    return name.strip(), value
