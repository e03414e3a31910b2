"""The JSON-LD writer over sorted N-Triples lines takes rdflib's compaction decisions, in linear time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg import jsonld
from kg.export import _jsonld_in_chunks, _jsonld_of_lines, context
from kg.turtle import canonical_lines
from kg.vocab import CONTEXT_IRI

ARTICLE = "<https://zh.wikipedia.org/wiki/A>"
SKG = "https://w3id.org/summit-kg/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"


def read(document: str) -> Graph:
    """A written document read with the shipped context in place of its IRI (nothing fetched)."""
    data = json.loads(document)
    assert data["@context"] == CONTEXT_IRI
    data["@context"] = context()
    return Graph().parse(data=json.dumps(data), format="json-ld")


def lines_of(*triples: str) -> list[str]:
    return canonical_lines("".join(f"{triple} .\n" for triple in triples).encode("utf-8"))


def test_the_bundled_build_is_written_as_rdflib_compacts_it(bundled_build) -> None:
    _, out = bundled_build
    lines = canonical_lines((out / "kg.nt").read_bytes())

    assert jsonld.document(lines, context(), name=CONTEXT_IRI) == _jsonld_in_chunks(lines).decode("utf-8")
    assert (out / "kg.jsonld").read_text(encoding="utf-8") == jsonld.document(lines, context(), name=CONTEXT_IRI)


def test_terms_types_languages_and_numbers_are_compacted_by_the_context() -> None:
    summit = "<https://w3id.org/summit-kg/id/summit/one>"
    lines = lines_of(
        f"{summit} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SKG}Summit>",
        f"{summit} <{SKG}startDate> \"2000-06-13\"^^<{XSD}date>",
        f"{summit} <{SKG}ordinal> \"1\"^^<{XSD}integer>",
        f"{summit} <http://www.w3.org/2000/01/rdf-schema#label> \"第一次\"@zh-Hans",
        f"{summit} <http://www.w3.org/2000/01/rdf-schema#label> \"第一次\"@zh-Hant",
        f"{summit} <{SKG}participant> <https://w3id.org/summit-kg/id/person/B>",
        f"{summit} <{SKG}participant> <https://w3id.org/summit-kg/id/person/A>",
        f"{summit} <https://example.org/odd> \"x\\\"y\\\\z\\n\"",
        f"{summit} <https://example.org/typed> \"7\"^^<https://example.org/unit>",
    )

    written = jsonld.document(lines, context(), name=CONTEXT_IRI)
    node = json.loads(written)

    assert written == _jsonld_in_chunks(lines).decode("utf-8")
    assert node["type"] == "Summit" and node["startDate"] == "2000-06-13" and node["ordinal"] == 1
    assert node["label"] == {"zh-Hans": "第一次", "zh-Hant": "第一次"}
    assert node["participant"] == ["https://w3id.org/summit-kg/id/person/A", "https://w3id.org/summit-kg/id/person/B"]
    assert node["https://example.org/odd"] == 'x"y\\z\n'
    assert isomorphic(read(written),
                      Graph().parse(data="\n".join(lines), format="nt"))


def test_a_timestamp_keeps_the_lexical_form_the_other_files_give_it() -> None:
    """rdflib rewrites 2026-01-01T00:00:00Z as +00:00 when it parses; kg.nt, kg.ttl and kg.trig keep Z."""
    lines = lines_of(f"{ARTICLE} <{SKG}revisionTimestamp> \"2026-01-01T00:00:00Z\"^^<{XSD}dateTime>")

    assert json.loads(jsonld.document(lines, context(), name=CONTEXT_IRI))["revisionTimestamp"] == "2026-01-01T00:00:00Z"


@pytest.mark.parametrize("triple", [
    f"_:b0 <{SKG}ordinal> \"1\"^^<{XSD}integer>",
    f"{ARTICLE} <{SKG}evidence> _:b0",
])
def test_a_blank_node_is_left_to_rdflib(triple: str) -> None:
    lines = lines_of(triple)

    with pytest.raises(jsonld.Unsupported):
        jsonld.document(lines, context(), name=CONTEXT_IRI)
    assert isomorphic(read(_jsonld_of_lines(lines)),
                      Graph().parse(data="\n".join(lines), format="nt"))


def test_many_subjects_give_one_graph_in_id_order(tmp_path: Path) -> None:
    lines = lines_of(*(f"<https://w3id.org/summit-kg/id/person/{n}> <{SKG}birthYear> \"19{n:02d}\"^^<{XSD}gYear>"
                       for n in (3, 1, 2)))

    document = json.loads(jsonld.document(lines, context(), name=CONTEXT_IRI))

    assert [node["id"] for node in document["@graph"]] == [
        f"https://w3id.org/summit-kg/id/person/{n}" for n in (1, 2, 3)]
