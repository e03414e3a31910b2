"""What a JSON-LD file may ask of its reader: nothing from the network, nothing too deep.

rdflib's JSON-LD parser fetches a remote ``@context`` (a string, or a list holding one) and
follows ``@import`` with urllib, and recurses once per level of nesting; pyoxigraph's
refuses any remote context. A file is read here first, and refused with one line when it
would make the parser reach out or nest deeper than it can follow.

One remote context is allowed: the project's published context, which ``kg.jsonld`` names
by its stable IRI (:data:`~kg.iris.CONTEXT_IRI`). :func:`offline` is the document loader
our readers use: it puts the shipped copy in place of that IRI, so the parsers see an
inline context and nothing is fetched.

    >>> check_jsonld(b'{"@context": {"name": "http://schema.org/name"}, "name": "x"}', origin="ok.jsonld")
    >>> check_jsonld(b'{"@context": "http://127.0.0.1:9/context.jsonld"}', origin="far.jsonld")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: far.jsonld: its @context names http://127.0.0.1:9/context.jsonld, which would be fetched; nothing is fetched here: inline the context in the file or name https://w3id.org/summit-kg/contexts/skg.jsonld
    >>> json.loads(offline(b'{"@context": "https://w3id.org/summit-kg/contexts/skg.jsonld"}', origin="kg.jsonld"))["@context"]["@vocab"]
    'https://w3id.org/summit-kg/ontology#'
"""

from __future__ import annotations

import json

from kg.errors import InputError
from kg.iris import CONTEXT_IRI

#: Deepest nesting of objects and arrays read (our exports nest 6 deep).
MAX_DEPTH = 200


def check_jsonld(data: bytes, *, origin: str) -> None:
    """Refuse JSON-LD text that is not JSON, nests too deep, or names a remote context or import
    other than the published context.

    Raises :class:`~kg.errors.InputError` naming ``origin`` and what to do.
    """
    _checked(data, origin=origin)


def offline(data: bytes, *, origin: str) -> bytes:
    """``data`` checked as :func:`check_jsonld` does, with the shipped published context in
    place of every ``@context`` that names it: JSON-LD any parser reads without fetching.

    ``data`` itself when it names no context (nothing to put in place, no new copy).
    """
    document, named = _checked(data, origin=origin)
    if not named:
        return data
    shipped = _shipped_context()
    stack = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if "@context" in item:
                item["@context"] = _in_place(item["@context"], shipped)
            stack.extend(value for key, value in item.items() if key != "@context")
        elif isinstance(item, list):
            stack.extend(item)
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _in_place(context: object, shipped: dict) -> object:
    """A ``@context`` value with the published context's IRI (alone or in a list, or as an
    ``@import``) replaced by what that IRI holds."""
    if context == CONTEXT_IRI:
        return shipped
    if isinstance(context, list):
        return [_in_place(entry, shipped) for entry in context]
    if isinstance(context, dict) and context.get("@import") == CONTEXT_IRI:
        return {**shipped, **{key: value for key, value in context.items() if key != "@import"}}
    return context


def _shipped_context() -> dict:
    from kg.export import context  # kg.export reads JSON-LD through this module

    return context()


def _checked(data: bytes, *, origin: str) -> tuple[object, bool]:
    """The parsed document, and whether it names the published context anywhere."""
    try:
        document = json.loads(data)
    except RecursionError:
        raise InputError(f"{origin}: JSON nested deeper than can be read here; flatten it") from None
    except ValueError as error:
        detail = " ".join(str(error).split())[:120]
        raise InputError(f"{origin}: not valid JSON ({detail}); fix the file or its suffix") from None
    stack = [(document, 1)]
    named = False
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH and isinstance(item, (dict, list)):
            raise InputError(f"{origin}: JSON nested more than {MAX_DEPTH} levels deep, more than read here; flatten it")
        if isinstance(item, dict):
            context = item.get("@context")
            for reference in _references(context):
                if reference == CONTEXT_IRI:
                    named = True
                    continue
                raise InputError(f"{origin}: its @context names {reference}, which would be fetched; "
                                 f"nothing is fetched here: inline the context in the file or name {CONTEXT_IRI}")
            stack.extend((value, depth + 1) for value in item.values())
        elif isinstance(item, list):
            stack.extend((value, depth + 1) for value in item)
    return document, named


def _references(context: object) -> list[str]:
    """The contexts ``context`` would load from elsewhere: strings, and ``@import`` values."""
    found = []
    for entry in context if isinstance(context, list) else [context]:
        if isinstance(entry, str):
            found.append(entry)
        elif isinstance(entry, dict) and isinstance(entry.get("@import"), str):
            found.append(entry["@import"])
    return found
