"""kg.export: every format round-trips, other parsers read it, and two writes are the same bytes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, VOID, XSD

from kg.errors import InputError
from kg.export import (
    Format,
    context,
    context_path,
    convert,
    new_dataset,
    read,
    serialize,
    union,
    write_outputs,
)
from kg.jsonld_guard import offline
from kg.vocab import CONTEXT_IRI, PREFIXES

DATA = Path(__file__).parent / "data" / "validate"
FIRST = URIRef("https://zh.wikipedia.org/wiki/Test_summits")
SECOND = URIRef("https://zh.wikipedia.org/wiki/Other")
OXIGRAPH_FORMATS = {
    Format.TURTLE: pyoxigraph.RdfFormat.TURTLE,
    Format.JSONLD: pyoxigraph.RdfFormat.JSON_LD,
    Format.NTRIPLES: pyoxigraph.RdfFormat.N_TRIPLES,
    Format.TRIG: pyoxigraph.RdfFormat.TRIG,
}


def fixture_dataset() -> Dataset:
    """Two article graphs and a dataset description in the default graph, as a build has."""
    dataset = new_dataset()
    triples = sorted(Graph().parse(DATA / "valid.ttl"))
    for index, triple in enumerate(triples):
        dataset.graph(FIRST if index % 3 else SECOND).add(triple)
    dataset.default_graph.add((URIRef("https://w3id.org/summit-kg/id/dataset"), DCTERMS.title, Literal("t", lang="en")))
    return dataset


def graphs_of(dataset: Dataset) -> dict[str, Graph]:
    named: dict[str, Graph] = {}
    for subject, predicate, obj, name in dataset.quads((None, None, None, None)):
        named.setdefault(str(name), Graph()).add((subject, predicate, obj))
    return named


@pytest.mark.parametrize("fmt", list(Format))
def test_parse_serialize_parse_is_isomorphic(fmt: Format, tmp_path: Path) -> None:
    original = fixture_dataset()
    path = tmp_path / f"kg{fmt.suffix}"
    path.write_bytes(serialize(original, fmt))

    again = read(path)

    if fmt.keeps_graphs:
        expected, actual = graphs_of(original), graphs_of(again)
        assert sorted(actual) == sorted(expected)
        assert all(isomorphic(actual[name], expected[name]) for name in expected)
    else:
        assert isomorphic(union(again), union(original))
    path.write_bytes(serialize(again, fmt))
    assert isomorphic(union(read(path)), union(original))


@pytest.mark.parametrize("fmt", list(Format))
def test_pyoxigraph_reads_the_same_number_of_triples(fmt: Format) -> None:
    dataset = fixture_dataset()

    text = serialize(dataset, fmt)
    quads = list(pyoxigraph.parse(offline(text, origin="kg.jsonld") if fmt is Format.JSONLD else text, format=OXIGRAPH_FORMATS[fmt]))

    expected = len(list(dataset.quads((None, None, None, None)))) if fmt.keeps_graphs else len(union(dataset))
    assert len(quads) == expected
    if fmt.keeps_graphs:
        names = {str(quad.graph_name) for quad in quads}
        assert names == {"DEFAULT", f"<{FIRST}>", f"<{SECOND}>"}


def test_write_outputs_writes_the_five_files_and_void_is_the_default_graph(tmp_path: Path) -> None:
    paths = write_outputs(fixture_dataset(), tmp_path)

    assert [path.name for path in paths] == ["kg.ttl", "kg.jsonld", "kg.nt", "kg.trig", "context.jsonld", "void.ttl"]
    void = Graph().parse(tmp_path / "void.ttl")
    assert len(set(void.objects(None, VOID.dataDump))) == 4
    assert void.value(URIRef("https://w3id.org/summit-kg/id/dataset"), DCTERMS.title) == Literal("t", lang="en")


def test_two_writes_in_processes_with_different_hash_seeds_are_byte_identical(tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[2]);"
        "from test_export import fixture_dataset; from kg.export import write_outputs;"
        "write_outputs(fixture_dataset(), Path(sys.argv[1]))"
    )
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        out.mkdir()
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(out), str(Path(__file__).parent)], check=True, env=environment)
        outputs.append({path.name: path.read_bytes() for path in sorted(out.iterdir())})

    assert list(outputs[0]) == ["context.jsonld", "kg.jsonld", "kg.nt", "kg.trig", "kg.ttl", "void.ttl"]
    assert outputs[0] == outputs[1]


def test_ntriples_lines_are_sorted_and_unique() -> None:
    lines = serialize(fixture_dataset(), Format.NTRIPLES).decode("utf-8").splitlines()

    assert lines == sorted(set(lines))
    assert not any(line.startswith("_:") for line in lines)


def test_trig_puts_the_default_graph_first_then_graphs_by_name() -> None:
    text = serialize(fixture_dataset(), Format.TRIG).decode("utf-8")

    openings = [line for line in text.splitlines() if line.endswith("{")]
    assert openings == ["{", f"<{SECOND}> {{", f"<{FIRST}> {{"]


@pytest.mark.parametrize("fmt", [Format.TURTLE, Format.TRIG])
def test_every_declared_prefix_is_used_and_comes_from_the_vocabulary(fmt: Format) -> None:
    text = serialize(fixture_dataset(), fmt).decode("utf-8")
    declared = re.findall(r"^@prefix (\w+): <([^>]+)> \.$", text, flags=re.MULTILINE)
    body = "\n".join(line for line in text.splitlines() if not line.startswith("@prefix"))

    assert declared
    for prefix, namespace in declared:
        assert str(PREFIXES[prefix]) == namespace
        assert f"{prefix}:" in body


def test_jsonld_is_compacted_with_the_shipped_context() -> None:
    document = json.loads(serialize(fixture_dataset(), Format.JSONLD))

    assert document["@context"] == CONTEXT_IRI  # the published context, by its stable IRI
    document = json.loads(offline(serialize(fixture_dataset(), Format.JSONLD), origin="kg.jsonld"))
    assert document["@context"] == json.loads(context_path().read_text(encoding="utf-8"))["@context"]
    nodes = {node["id"]: node for node in document["@graph"]}
    summit = nodes["https://w3id.org/summit-kg/id/summit/one"]
    assert summit["type"] == "Summit"
    assert summit["startDate"] == "2000-06-13"
    assert summit["ordinal"] == 1
    assert summit["label"] == {"zh-Hans": "第一次峰会", "zh-Hant": "第一次峰會"}
    assert summit["participant"] == ["https://w3id.org/summit-kg/id/person/A", "https://w3id.org/summit-kg/id/person/B"]
    assert summit["wasDerivedFrom"] == str(FIRST)
    assert list(nodes) == sorted(nodes)


def test_the_context_declares_every_published_prefix() -> None:
    terms = context()

    assert {prefix: terms[prefix] for prefix in PREFIXES} == {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def test_convert_between_formats(tmp_path: Path) -> None:
    source = tmp_path / "kg.trig"
    source.write_bytes(serialize(fixture_dataset(), Format.TRIG))

    ntriples = convert(source, to=Format.NTRIPLES)

    assert isomorphic(Graph().parse(data=ntriples, format="nt"), union(fixture_dataset()))


def test_format_from_an_unknown_suffix_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"kg\.rdf: unknown RDF file type '\.rdf'; use one of \.ttl, \.jsonld, \.nt, \.trig"):
        Format.from_path(Path("kg.rdf"))


def test_reading_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.ttl: no such file"):
        read(tmp_path / "missing.ttl")


@pytest.mark.parametrize("name", ["bad.ttl", "bad.nt", "bad.trig", "bad.jsonld"])
def test_reading_a_broken_file_is_an_input_error_naming_it(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text("<https://a> <https://b> \"unterminated .\n{", encoding="utf-8")

    with pytest.raises(InputError, match=rf"{re.escape(name)}: not valid"):
        read(path)


def test_every_format_holds_the_same_terms_for_literals_turtle_abbreviates(tmp_path: Path) -> None:
    dataset = new_dataset()
    gift = URIRef("https://w3id.org/summit-kg/id/gift/g")
    graph = dataset.graph(FIRST)
    graph.add((gift, URIRef("https://w3id.org/summit-kg/ontology#quantity"), Literal("4", datatype=XSD.decimal)))
    graph.add((gift, URIRef("https://w3id.org/summit-kg/ontology#score"), Literal("0.5E1", datatype=XSD.double)))
    graph.add((gift, URIRef("https://w3id.org/summit-kg/ontology#known"), Literal("TRUE", datatype=XSD.boolean)))

    parsed = []
    for fmt in Format:
        path = tmp_path / f"kg{fmt.suffix}"
        path.write_bytes(serialize(dataset, fmt))
        parsed.append(union(read(path)))

    assert all(isomorphic(graph, parsed[0]) for graph in parsed[1:])
    assert Literal("4.0", datatype=XSD.decimal) in set(parsed[0].objects())


# The bundled article, built for real: what `make run` publishes.


@pytest.fixture(scope="module")
def bundled_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five files of the bundled article, published without validation (tested apart)."""
    from kg import pipeline
    from kg.source import default_corpus

    out = tmp_path_factory.mktemp("bundled") / "out"
    pipeline.build([str(default_corpus())], out=out, check=False)
    return out


def test_the_bundled_build_writes_the_five_files(bundled_build: Path) -> None:
    assert {"kg.ttl", "kg.jsonld", "kg.nt", "kg.trig", "void.ttl"} <= {path.name for path in bundled_build.iterdir()}


@pytest.mark.parametrize("fmt", list(Format))
def test_each_bundled_file_has_the_same_graph_for_rdflib_and_pyoxigraph(bundled_build: Path, fmt: Format) -> None:
    reference = union(read(bundled_build / "kg.nt"))
    path = bundled_build / f"kg{fmt.suffix}"

    ours = union(read(path))
    text = offline(path.read_bytes(), origin=str(path)) if fmt is Format.JSONLD else path.read_bytes()
    theirs = {(quad.subject, quad.predicate, quad.object) for quad in pyoxigraph.parse(text, format=OXIGRAPH_FORMATS[fmt])}

    assert isomorphic(ours, reference)
    assert len(theirs) == len(reference) > 500


def test_the_bundled_trig_keeps_one_graph_per_article_and_the_description_apart(bundled_build: Path) -> None:
    quads = list(pyoxigraph.parse(path=str(bundled_build / "kg.trig"), format=pyoxigraph.RdfFormat.TRIG))
    names = {str(quad.graph_name) for quad in quads}

    assert names == {"DEFAULT", "<https://zh.wikipedia.org/wiki/%E6%9C%9D%E9%9F%A9%E9%A6%96%E8%84%91%E4%BC%9A%E6%99%A4>"}
    described = {str(quad.subject) for quad in quads if str(quad.graph_name) == "DEFAULT"}
    assert "<https://w3id.org/summit-kg/id/dataset>" in described


def test_the_bundled_void_counts_the_data_it_describes(bundled_build: Path) -> None:
    from rdflib.namespace import VOID

    void = Graph().parse(bundled_build / "void.ttl")
    data = read(bundled_build / "kg.trig")
    named = Graph()
    for subject, predicate, obj, name in data.quads((None, None, None, None)):
        if str(name) != "urn:x-rdflib:default":
            named.add((subject, predicate, obj))

    dataset = URIRef("https://w3id.org/summit-kg/id/dataset")
    assert int(void.value(dataset, VOID.triples)) == len(named)
    assert len(set(void.objects(dataset, VOID.exampleResource))) == 5


def test_the_bundled_jsonld_is_readable(bundled_build: Path) -> None:
    document = json.loads((bundled_build / "kg.jsonld").read_text(encoding="utf-8"))
    summits = [node for node in document["@graph"] if node.get("type") == "Summit"]

    assert sorted(node["startDate"] for node in summits) == [
        "2000-06-13", "2007-10-02", "2018-04-27", "2018-05-26", "2018-09-18",
    ]
    assert all(set(node["label"]) >= {"zh-Hans", "zh-Hant"} for node in summits)


def test_two_builds_with_different_hash_seeds_are_byte_identical(tmp_path: Path) -> None:
    from kg.source import default_corpus

    files = []
    for seed in ("0", "12345"):
        out = tmp_path / f"out{seed}"
        command = [sys.executable, "-c", "from kg.cli import main; main()", "build", str(default_corpus()), "--out", str(out), "--no-validate"]
        subprocess.run(command, check=True, env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True)
        files.append({path.name: path.read_bytes() for path in sorted(out.iterdir()) if path.is_file() and path.name != "validation-report.ttl"})

    assert {"kg.ttl", "kg.jsonld", "kg.nt", "kg.trig", "void.ttl"} <= set(files[0])
    assert files[0] == files[1]


def test_the_context_types_every_property_of_the_ontology() -> None:
    from rdflib.namespace import OWL, RDF, RDFS

    from kg.validate import default_ontology

    ontology = Graph().parse(default_ontology())
    skg = str(PREFIXES["skg"])
    terms = context()
    untyped_ranges = {XSD.string, XSD.integer, RDF.langString, None}

    def coercion(prop: URIRef) -> object:
        term = terms.get(str(prop)[len(skg):])
        return term.get("@type") if isinstance(term, dict) else None

    objects = [p for p in ontology.subjects(RDF.type, OWL.ObjectProperty) if str(p).startswith(skg)]
    datatypes = [p for p in ontology.subjects(RDF.type, OWL.DatatypeProperty) if str(p).startswith(skg)]
    assert objects and datatypes
    assert sorted(str(p) for p in objects if coercion(p) != "@id") == []
    assert sorted(
        str(p) for p in datatypes
        if coercion(p) != (None if ontology.value(p, RDFS.range) in untyped_ranges else ontology.namespace_manager.normalizeUri(ontology.value(p, RDFS.range)))
    ) == []


def test_the_examples_in_kg_export_run() -> None:
    import doctest

    import kg.export

    outcome = doctest.testmod(kg.export)

    assert outcome.attempted > 0
    assert outcome.failed == 0


def _graphs_as_lines(store: pyoxigraph.Store) -> list[tuple[str | None, list[str]]]:
    from kg.turtle import canonical_lines

    graphs = [(None, canonical_lines(store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES,
                                                from_graph=pyoxigraph.DefaultGraph())))]
    for name in sorted(graph.value for graph in store.named_graphs()):
        graphs.append((name, canonical_lines(store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES,
                                                        from_graph=pyoxigraph.NamedNode(name)))))
    return graphs


@pytest.mark.parametrize("blank", [False, True], ids=["flat", "with a blank node"])
def test_the_store_written_a_subject_at_a_time_gives_the_bytes_of_its_lines(bundled_build, tmp_path, blank) -> None:
    from kg.export import write_graphs, write_store

    out = bundled_build
    store = pyoxigraph.Store()
    store.bulk_load(path=out / "kg.trig", format=pyoxigraph.RdfFormat.TRIG)
    if blank:  # JSON-LD is then written whole, by rdflib
        store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(str(FIRST)), pyoxigraph.NamedNode(str(DCTERMS.source)),
                                  pyoxigraph.BlankNode("b0"), pyoxigraph.NamedNode(str(SECOND))))
    streamed, listed = tmp_path / "streamed", tmp_path / "listed"
    streamed.mkdir()
    listed.mkdir()
    indexes: dict = {}
    written = write_store(store, streamed, indexes=indexes, parallel=True)
    expected: dict = {}
    write_graphs(_graphs_as_lines(store), listed, indexes=expected)
    assert [path.name for path in written] == ["kg.ttl", "kg.jsonld", "kg.nt", "kg.trig", "context.jsonld", "void.ttl"]
    differ = [path.name for path in written if path.read_bytes() != (listed / path.name).read_bytes()]
    if blank:  # rdflib names a blank node afresh each time it writes one: the same but for that name (and the checksum)
        assert differ in ([], ["kg.jsonld", "void.ttl"])
        anonymous = lambda path: re.sub(rb"_:N[0-9a-f]{32}", b"_:b", path.read_bytes())  # noqa: E731
        assert anonymous(streamed / "kg.jsonld") == anonymous(listed / "kg.jsonld")
    else:
        assert differ == []
    assert indexes == expected and ("jsonld" in indexes) is not blank
    if not blank:
        assert [path.read_bytes() for path in written] == [(out / path.name).read_bytes() for path in written]


def test_work_given_to_a_process_that_dies_is_done_here() -> None:
    from kg.pool import elsewhere

    parent = os.getpid()

    def work(value: int) -> int:
        if os.getpid() != parent:
            os._exit(3)  # the forked process dies without a word
        return value * 2

    assert elsewhere(work, 21)() == 42
    with pytest.raises(ZeroDivisionError):
        elsewhere(lambda: 1 / 0)()


def test_canonical_lines_give_each_object_its_written_form():
    """A language tag in its canonical case and an integral decimal as 4.0, whatever the object
    ends in; the lines without either are kept as they are (IRIs, plain and other typed literals)."""
    from kg.turtle import canonical_lines

    decimal, integer = "<http://www.w3.org/2001/XMLSchema#decimal>", "<http://www.w3.org/2001/XMLSchema#integer>"
    given = [f'<urn:a> <urn:p> "4"^^{decimal} .', f'<urn:a> <urn:p> "4.5"^^{decimal} .', f'<urn:a> <urn:p> "-7"^^{decimal} .',
             f'<urn:a> <urn:p> "1"^^{integer} .', '<urn:a> <urn:p> "甲"@zh-hans .', '<urn:a> <urn:p> "x"@en-us .',
             '<urn:a> <urn:p> "a\\"@en ." .', '<urn:a> <urn:p> "@en" .', '<urn:a> <urn:p> <urn:b> .', '<urn:a> <urn:p> _:b .',
             '_:c <urn:p> "q"@x-ab-cd .', '<urn:a> <urn:p> "乙"@zh-hant-tw .']
    assert canonical_lines("\n".join(given).encode("utf-8")) == sorted([
        f'<urn:a> <urn:p> "4.0"^^{decimal} .', f'<urn:a> <urn:p> "4.5"^^{decimal} .', f'<urn:a> <urn:p> "-7.0"^^{decimal} .',
        f'<urn:a> <urn:p> "1"^^{integer} .', '<urn:a> <urn:p> "甲"@zh-Hans .', '<urn:a> <urn:p> "x"@en-US .',
        '<urn:a> <urn:p> "a\\"@en ." .', '<urn:a> <urn:p> "@en" .', '<urn:a> <urn:p> <urn:b> .', '<urn:a> <urn:p> _:b .',
        '_:c <urn:p> "q"@x-ab-cd .', '<urn:a> <urn:p> "乙"@zh-Hant-TW .'])


#: A literal with every line end that ``str.splitlines`` knows and the serialisers leave as it is.
LINE_ENDS = "a\u2028b\u2029c\x85d\x1ce\x0bf\x0cg\nh\"i"


def test_canonical_lines_end_a_line_at_a_line_feed_only() -> None:
    from kg.turtle import canonical_lines

    triple = pyoxigraph.Triple(pyoxigraph.NamedNode("urn:a"), pyoxigraph.NamedNode("urn:p"), pyoxigraph.Literal(LINE_ENDS))
    lines = canonical_lines(pyoxigraph.serialize([triple], format=pyoxigraph.RdfFormat.N_TRIPLES))
    assert len(lines) == 1
    assert [quad.triple for quad in pyoxigraph.parse(lines[0].encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)] == [triple]


@pytest.mark.parametrize("fmt", list(Format), ids=lambda fmt: fmt.name)
def test_a_literal_holding_line_ends_is_written_as_it_is(fmt: Format) -> None:
    dataset = new_dataset()
    dataset.graph(FIRST).add((FIRST, DCTERMS.title, Literal(LINE_ENDS)))
    dataset.graph(SECOND).add((SECOND, DCTERMS.title, Literal("x")))
    written = serialize(dataset, fmt)
    text = offline(written, origin="kg.jsonld") if fmt is Format.JSONLD else written
    assert {quad.object.value for quad in pyoxigraph.parse(text, format=OXIGRAPH_FORMATS[fmt])} == {LINE_ENDS, "x"}


def test_the_store_writes_a_literal_holding_line_ends_as_it_is(tmp_path: Path) -> None:
    from kg.export import write_store

    store = pyoxigraph.Store()
    for name, value in ((FIRST, LINE_ENDS), (SECOND, "x")):
        store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(str(name)), pyoxigraph.NamedNode(str(DCTERMS.title)),
                                  pyoxigraph.Literal(value), pyoxigraph.NamedNode(str(name))))
    for path in write_store(store, tmp_path)[:4]:
        fmt = Format.from_path(path)
        text = offline(path.read_bytes(), origin=str(path)) if fmt is Format.JSONLD else path.read_bytes()
        assert {quad.object.value for quad in pyoxigraph.parse(text, format=OXIGRAPH_FORMATS[fmt])} == {LINE_ENDS, "x"}, path.name
