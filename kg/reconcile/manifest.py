"""The service manifest: what ``GET /reconcile`` answers, so a client knows what to ask.

Addresses in it (entity pages, previews, suggest, property proposals) are built from the
server's public address (``kg serve --public-url``, or its host and port), never from a
request's Host header:

    >>> m = manifest(base="https://w3id.org/summit-kg/id/", root="http://127.0.0.1:8765")
    >>> m["identifierSpace"], m["view"]["url"], [t["id"] for t in m["defaultTypes"]]
    ('https://w3id.org/summit-kg/id/', 'http://127.0.0.1:8765/id/{{id}}', ['Summit', 'Person', 'Place', 'Document'])
"""

from __future__ import annotations

from kg import __version__
from kg.reconcile.terms import SKG, TYPES, EntityType

#: Where the service lives under the server's root.
PATH = "/reconcile"


def type_json(entity_type: EntityType) -> dict:
    """A type as the v0.2 ``type.json`` schema has it: named in English and Chinese."""
    return {"id": entity_type.id, "name": f"{entity_type.name} ({entity_type.name_zh})", "description": entity_type.description}


def manifest(*, base: str, root: str) -> dict:
    """The v0.2 manifest of the service at ``root + PATH`` over entities under ``base``."""
    service = root + PATH
    return {
        "versions": ["0.2"],
        "name": "Summit KG",
        "identifierSpace": base,
        "schemaSpace": SKG,
        "serviceVersion": __version__,
        "defaultTypes": [type_json(t) for t in TYPES if t.default],
        "view": {"url": root + "/id/{{id}}"},
        "preview": {"url": service + "/preview?id={{id}}", "width": 420, "height": 180},
        "suggest": {
            "entity": {"service_url": service, "service_path": "/suggest/entity"},
            "type": {"service_url": service, "service_path": "/suggest/type"},
            "property": {"service_url": service, "service_path": "/suggest/property"},
        },
        "extend": {"propose_properties": {"service_url": service, "service_path": "/properties"}},
    }
