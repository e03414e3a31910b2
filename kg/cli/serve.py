"""``kg serve``: the read-only SPARQL endpoint and linked-data pages over the graph."""

from __future__ import annotations

from pathlib import Path


import click

from kg.server import processes
from kg.server.settings import SETTINGS, Settings
from kg.store import DEFAULT_DATA, data_paths


def _setting_options(command):
    """One option per row of the settings table, so help, defaults and names never drift."""
    for setting in reversed(SETTINGS):
        option = "--" + setting.name.replace("_", "-")
        if isinstance(setting.default, bool):
            command = click.option(option, setting.name, is_flag=True, default=setting.default, help=setting.help)(command)
        else:
            command = click.option(
                option, setting.name, type=type(setting.default), default=setting.default, show_default=True, help=setting.help
            )(command)
    return command


@click.command("serve")
@click.option(
    "--data", "data", multiple=True, type=click.Path(path_type=Path),
    help=f"RDF file to serve (repeatable). Default: the last build, {DEFAULT_DATA}.",
)
@_setting_options
@click.option("--get", "get_path", metavar="PATH", help="Answer one request for PATH in-process, print it, and exit.")
@click.option("--accept", default="text/html", show_default=True, help="The Accept header of the --get request.")
def serve(data: tuple[Path, ...], get_path: str | None, accept: str, **settings) -> None:
    """Serve the graph: SPARQL at /sparql, entity pages at /id/…, the summits at /, reconciliation at /reconcile.

    \b
    Examples:
      kg serve                                 # the last build on http://127.0.0.1:8000/
      kg serve --get /sparql?query=ASK%7B%7D --accept application/sparql-results+json
    """
    paths = data_paths(data)
    if get_path is None:
        processes.serve(Settings(**settings), paths, announce=lambda served: click.echo(
            f"Serving {', '.join(map(str, paths))} on http://{served.host}:{served.port}/ (Ctrl-C stops)", err=True))
        return
    from kg.server.app import App, request  # here: the serving parent holds none of the application
    from kg.server.data import ServedData

    chosen = Settings(**settings)
    served = None
    if chosen.store_cache:  # the store kept by a server or a build before, or loaded and kept for the next
        served = ServedData.load_apart(paths, in_memory_quads=chosen.in_memory_quads,
                                       store_cache=Path(chosen.store_cache)).with_store()
    app = App(chosen, data=paths, served=served)
    try:
        reply = request(app, get_path, accept=accept)
        click.echo(reply.body.decode("utf-8", errors="replace"), nl=False)
        if reply.status >= 400:
            click.echo(f"kg: GET {get_path} answered {reply.status}", err=True)
            raise SystemExit(2)
    finally:
        app.close()

