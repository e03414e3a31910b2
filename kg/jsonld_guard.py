"""What a JSON-LD file may ask of its reader: nothing from the network, nothing too deep.

rdflib's JSON-LD parser fetches a remote ``@context`` (a string, or a list holding one) and
follows ``@import`` with urllib, and recurses once per level of nesting. A file is read
here first, and refused with one line when it would make the parser reach out or nest
deeper than it can follow.

    >>> check_jsonld(b'{"@context": {"name": "http://schema.org/name"}, "name": "x"}', origin="ok.jsonld")
    >>> check_jsonld(b'{"@context": "http://127.0.0.1:9/context.jsonld"}', origin="far.jsonld")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: far.jsonld: its @context names http://127.0.0.1:9/context.jsonld, which would be fetched; nothing is fetched here: inline the context in the file
"""

from __future__ import annotations

import json

from kg.errors import InputError

#: Deepest nesting of objects and arrays read (our exports nest 6 deep).
MAX_DEPTH = 200


def check_jsonld(data: bytes, *, origin: str) -> None:
    """Refuse JSON-LD text that is not JSON, nests too deep, or names a remote context or import.

    Raises :class:`~kg.errors.InputError` naming ``origin`` and what to do.
    """
    try:
        document = json.loads(data)
    except RecursionError:
        raise InputError(f"{origin}: JSON nested deeper than can be read here; flatten it") from None
    except ValueError as error:
        detail = " ".join(str(error).split())[:120]
        raise InputError(f"{origin}: not valid JSON ({detail}); fix the file or its suffix") from None
    stack = [(document, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH and isinstance(item, (dict, list)):
            raise InputError(f"{origin}: JSON nested more than {MAX_DEPTH} levels deep, more than read here; flatten it")
        if isinstance(item, dict):
            context = item.get("@context")
            for reference in _references(context):
                raise InputError(f"{origin}: its @context names {reference}, which would be fetched; "
                                 "nothing is fetched here: inline the context in the file")
            stack.extend((value, depth + 1) for value in item.values())
        elif isinstance(item, list):
            stack.extend((value, depth + 1) for value in item)


def _references(context: object) -> list[str]:
    """The contexts ``context`` would load from elsewhere: strings, and ``@import`` values."""
    found = []
    for entry in context if isinstance(context, list) else [context]:
        if isinstance(entry, str):
            found.append(entry)
        elif isinstance(entry, dict) and isinstance(entry.get("@import"), str):
            found.append(entry["@import"])
    return found
