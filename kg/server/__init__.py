"""``kg serve``: the read-only SPARQL endpoint and linked-data server, one module per concern.

- :mod:`kg.server.app` the WSGI application and its routes;
- :mod:`kg.server.http` the HTTP server (granian) it runs on;
- :mod:`kg.server.processes` the server's processes: the data loaded once, one socket, an HTTP process per core;
- :mod:`kg.server.settings` the settings table;
- :mod:`kg.server.negotiation` which format and which script a client asked for;
- :mod:`kg.server.query_pool` SPARQL queries in worker processes, within the limits;
- :mod:`kg.server.pages` the HTML pages.

The application's names are imported when first used, so that ``kg serve``'s parent
process, which only loads the data and waits, holds none of the application's modules.
"""

from importlib import import_module

__all__ = ["App", "Settings", "create_server", "request", "running"]

_HOMES = {"App": "kg.server.app", "create_server": "kg.server.app", "request": "kg.server.app",
          "running": "kg.server.app", "Settings": "kg.server.settings"}


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'kg.server' has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)
