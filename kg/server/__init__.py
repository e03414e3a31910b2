"""``kg serve``: the read-only SPARQL endpoint and linked-data server, one module per concern.

- :mod:`kg.server.app` the WSGI application and its routes;
- :mod:`kg.server.settings` the settings table;
- :mod:`kg.server.negotiation` which format and which script a client asked for;
- :mod:`kg.server.query_pool` SPARQL queries in worker processes, within the limits;
- :mod:`kg.server.pages` the HTML pages.
"""

from kg.server.app import App, create_server, request, running
from kg.server.settings import Settings

__all__ = ["App", "Settings", "create_server", "request", "running"]
