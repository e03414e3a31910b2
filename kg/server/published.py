"""The project's published files, served where their IRIs point: the JSON-LD context and the shapes.

    >>> published("/contexts/skg.jsonld").media_type
    'application/ld+json'
    >>> published("/contexts/other.jsonld") is None
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.export import OUTPUT_NAMES, VOID_NAME, context_path
from kg.validate import default_shapes_dir

#: The stable path of the JSON-LD context (kg.jsonld and every served JSON-LD document name it).
CONTEXT_PATH = "/contexts/skg.jsonld"


@dataclass(frozen=True)
class Published:
    media_type: str
    body: bytes


def _files() -> dict[str, tuple[str, Path]]:
    files = {CONTEXT_PATH: ("application/ld+json", context_path())}
    shapes = sorted(default_shapes_dir().glob("*.ttl"))
    for file in shapes:
        files[f"/shapes/{file.name}"] = ("text/turtle", file)
    if len(shapes) == 1:  # the shapes' own address serves them whole
        files["/shapes"] = ("text/turtle", shapes[0])
    return files


def published(path: str) -> Published | None:
    """The file published at ``path``, or None when nothing is."""
    found = _files().get(path)
    if found is None:
        return None
    media_type, file = found
    return Published(media_type, file.read_bytes())


def shape_paths() -> tuple[str, ...]:
    """The paths the SHACL shapes are served at."""
    return tuple(path for path in _files() if path.startswith("/shapes"))


@dataclass(frozen=True)
class Dump:
    """A published data file the server hands out whole (``void:dataDump``)."""

    path: Path
    media_type: str


_DUMP_TYPES = {
    ".ttl": "text/turtle", ".nt": "application/n-triples", ".jsonld": "application/ld+json",
    ".trig": "application/trig", ".nq": "application/n-quads", ".rdf": "application/rdf+xml",
}


def published_dumps(data: Sequence[Path]) -> dict[str, Dump]:
    """The files to serve at ``/data/NAME``: each data file, and a build's outputs beside it.

    >>> sorted(published_dumps([Path("tests/data/query/fixture.trig")]))
    ['fixture.trig']
    """
    candidates = list(data)
    for path in data:
        candidates += [path.parent / name for name in (*OUTPUT_NAMES.values(), VOID_NAME)]
    dumps = {}
    for path in candidates:
        if path.is_file() and path.suffix in _DUMP_TYPES and path.name not in dumps:
            dumps[path.name] = Dump(path, _DUMP_TYPES[path.suffix])
    return dumps
