"""kg.jsonld names the published context by its stable IRI and still reads offline: our own
tools answer that IRI from the shipped copy, and the README's recipes for pyld and rdflib work
with the network refused."""

from __future__ import annotations

import json
import re
import socket

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from conftest import ROOT
from kg.cli import main
from kg.export import context_path, read, union
from kg.server.data import ServedData
from kg.server.published import CONTEXT_PATH, published
from kg.store import load_store
from kg.vocab import CONTEXT_IRI
from kg.wikidata.subjects import read_graph


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails, as it would on a machine without a network."""
    def refuse(*args, **kwargs):
        raise OSError("no network here: a JSON-LD context was about to be fetched")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def _lines(nquads: str) -> set[str]:
    """N-Triples/N-Quads lines with language tags in one case (pyld lower-cases them, as JSON-LD allows)."""
    return {re.sub(r'"@([A-Za-z0-9-]+) \.$', lambda m: f'"@{m[1].lower()} .', line)
            for line in nquads.splitlines() if line.strip()}


def test_kg_jsonld_names_the_published_context_and_a_copy_ships_beside_it(bundled_build):
    _, out = bundled_build
    assert json.loads((out / "kg.jsonld").read_text(encoding="utf-8"))["@context"] == CONTEXT_IRI
    assert CONTEXT_IRI.endswith(CONTEXT_PATH)  # the path the server (and, by the w3id rules, the IRI) serves it at
    shipped = (out / "context.jsonld").read_bytes()
    assert shipped == context_path().read_bytes() == published(CONTEXT_PATH).body


def test_without_the_shipped_copy_rdflib_would_reach_out_for_it(bundled_build, no_network):
    """What the recipes guard against: the file's context really is remote."""
    _, out = bundled_build
    with pytest.raises(Exception, match="no network here"):
        rdflib.Graph().parse(out / "kg.jsonld", format="json-ld")


def test_our_tools_read_kg_jsonld_without_the_network(bundled_build, no_network):
    _, out = bundled_build
    reference = union(read(out / "kg.nt"))
    assert isomorphic(union(read(out / "kg.jsonld")), reference)  # kg validate, kg export
    assert len(load_store([out / "kg.jsonld"])) == len(reference)  # kg query, kg publish
    served = ServedData.load((out / "kg.jsonld",))  # kg serve
    try:
        assert len(served.store) == len(reference)
    finally:
        served.close()
    assert len(read_graph(out / "kg.jsonld")) == len(reference)  # kg link, kg wikidata-diff
    result = CliRunner().invoke(main, ["query", "summits", "--data", str(out / "kg.jsonld"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert len(result.output.strip().splitlines()) == 1 + 5


def _readme_recipes() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Reading `kg.jsonld` offline", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


@pytest.mark.parametrize("recipe", [0, 1], ids=["pyld", "rdflib"])
def test_the_readmes_recipes_read_kg_jsonld_offline(bundled_build, no_network, tmp_path, monkeypatch, recipe):
    _, out = bundled_build
    recipes = _readme_recipes()
    assert len(recipes) == 2 and "pyld" in recipes[0] and "rdflib" in recipes[1]
    (tmp_path / "build").symlink_to(out, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    names: dict = {}
    exec(recipes[recipe], names)  # noqa: S102 - the README's own code, run as a reader would
    if recipe == 0:
        got = _lines(names["nquads"])
    else:
        got = _lines(names["graph"].serialize(format="nt"))
    expected = _lines((out / "kg.nt").read_text(encoding="utf-8"))
    assert len(expected) > 1000 and got == expected


def test_a_loader_that_answers_only_the_published_iri_refuses_any_other(tmp_path):
    other = tmp_path / "other.jsonld"
    other.write_text(json.dumps({"@context": [CONTEXT_IRI, "https://example.org/context.jsonld"], "@id": "https://example.org/x"}))
    result = CliRunner().invoke(main, ["validate", str(other)])
    assert result.exit_code == 2 and "https://example.org/context.jsonld" in result.output
