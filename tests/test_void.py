"""kg.void: the dataset description is computed from the data and credits its sources."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID

from kg.export import new_dataset
from kg.validate import validate
from kg.vocab import CC, CC_BY_SA_4, SKG
from kg.void import describe

DATA = Path(__file__).parent / "data" / "validate"
BASE = "https://w3id.org/summit-kg/id/"
DATASET = URIRef(BASE + "dataset")
FIRST = URIRef("https://zh.wikipedia.org/wiki/Test_summits")
SECOND = URIRef("https://zh.wikipedia.org/wiki/%E6%9C%9D%E9%9F%A9%E9%A6%96%E8%84%91%E4%BC%9A%E6%99%A4")


def two_article_dataset():
    """The validation fixture as one article's graph, plus a second article sharing one triple."""
    dataset = new_dataset()
    first = dataset.graph(FIRST)
    for triple in Graph().parse(DATA / "valid.ttl"):
        first.add(triple)
    second = dataset.graph(SECOND)
    second.add((SECOND, RDF.type, SKG.SourceArticle))
    second.add((URIRef(BASE + "person/A"), RDF.type, SKG.Person))  # also in the first graph
    return dataset


def test_the_dataset_is_void_and_dcat_with_an_open_licence() -> None:
    graph = describe(two_article_dataset(), base=BASE)

    assert set(graph.objects(DATASET, RDF.type)) == {VOID.Dataset, DCAT.Dataset}
    assert graph.value(DATASET, DCTERMS.license) == CC_BY_SA_4
    assert graph.value(DATASET, CC.license) == CC_BY_SA_4
    assert Literal("首脑会晤知识图谱", lang="zh-Hans") in set(graph.objects(DATASET, DCTERMS.title))
    assert graph.value(DATASET, VOID.uriSpace) == Literal(BASE)


def test_every_source_article_is_credited_by_iri_and_title() -> None:
    graph = describe(two_article_dataset(), base=BASE)

    assert set(graph.objects(DATASET, DCTERMS.source)) == {FIRST, SECOND}
    assert set(graph.objects(DATASET, CC.attributionURL)) == {FIRST, SECOND}
    assert graph.value(FIRST, DCTERMS.title) == Literal("Test summits")
    assert graph.value(SECOND, DCTERMS.title) == Literal("朝韩首脑会晤")
    assert graph.value(SECOND, DCTERMS.license) == CC_BY_SA_4
    rights = str(graph.value(DATASET, DCTERMS.rights))
    assert "“Test summits”" in rights and "“朝韩首脑会晤”" in rights and "CC BY-SA 4.0" in rights


def test_counts_are_of_distinct_triples_across_the_named_graphs() -> None:
    dataset = two_article_dataset()
    expected = len(Graph().parse(DATA / "valid.ttl")) + 1  # the shared triple counts once

    graph = describe(dataset, base=BASE)

    assert graph.value(DATASET, VOID.triples) == Literal(expected)


def test_the_counts_after_the_shared_triples_moved_are_those_before() -> None:
    from kg.rdf import publish_shared_once
    from kg.void import _store_of, published_stats, stats_of

    store = _store_of(two_article_dataset())
    store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(str(FIRST)), pyoxigraph.NamedNode(str(DCTERMS.title)),
                              pyoxigraph.Literal("Test summits"), pyoxigraph.DefaultGraph()))  # a description's
    before = stats_of(store, BASE)
    publish_shared_once(store, base=BASE)

    after, subjects = published_stats(store, base=BASE)

    assert after.shared == 1
    after.shared = before.shared
    assert after == before
    named = {str(quad.subject) for quad in store if not isinstance(quad.graph_name, pyoxigraph.DefaultGraph)}
    assert sorted(subjects) == sorted(named) and len(subjects) == before.subjects


def test_an_earlier_description_in_the_default_graph_is_not_counted() -> None:
    dataset = two_article_dataset()
    before = describe(dataset, base=BASE)
    for triple in before:
        dataset.default_graph.add(triple)

    after = describe(dataset, base=BASE)

    assert after.serialize(format="nt") == before.serialize(format="nt")


def test_class_and_property_partitions_count_what_is_used() -> None:
    graph = describe(two_article_dataset(), base=BASE)

    summits = URIRef(BASE + "dataset/class-skg-Summit")
    participants = URIRef(BASE + "dataset/property-skg-participant")
    assert summits in set(graph.objects(DATASET, VOID.classPartition))
    assert graph.value(summits, VOID["class"]) == SKG.Summit
    assert graph.value(summits, VOID.entities) == Literal(2)
    assert graph.value(participants, VOID.property) == SKG.participant
    assert graph.value(participants, VOID.triples) == Literal(4)
    assert URIRef("https://w3id.org/summit-kg/ontology#") in set(graph.objects(DATASET, VOID.vocabulary))


def test_the_summits_are_the_example_resources() -> None:
    graph = describe(two_article_dataset(), base=BASE)

    assert set(graph.objects(DATASET, VOID.exampleResource)) == {URIRef(BASE + "summit/one"), URIRef(BASE + "summit/two")}


def test_the_sparql_endpoint_is_said_only_when_served() -> None:
    served = describe(two_article_dataset(), base=BASE, endpoint="http://127.0.0.1:8000/sparql")
    unserved = describe(two_article_dataset(), base=BASE)

    assert served.value(DATASET, VOID.sparqlEndpoint) == URIRef("http://127.0.0.1:8000/sparql")
    assert unserved.value(DATASET, VOID.sparqlEndpoint) is None


def test_another_base_moves_the_description() -> None:
    graph = describe(two_article_dataset(), base="https://example.org/kg/")

    assert (URIRef("https://example.org/kg/dataset"), RDF.type, VOID.Dataset) in graph
    assert (DATASET, RDF.type, VOID.Dataset) not in graph


def test_data_plus_description_passes_the_dataset_shape() -> None:
    dataset = two_article_dataset()
    for triple in describe(dataset, base=BASE):
        dataset.default_graph.add(triple)
    dataset.graph(SECOND).remove((URIRef(BASE + "person/A"), None, None))

    assert validate(dataset).results == ()


def test_the_description_is_deterministic() -> None:
    first = describe(two_article_dataset(), base=BASE).serialize(format="turtle")

    assert describe(two_article_dataset(), base=BASE).serialize(format="turtle") == first


def test_the_examples_in_kg_void_run() -> None:
    import doctest

    import kg.void

    outcome = doctest.testmod(kg.void)

    assert outcome.attempted > 0
    assert outcome.failed == 0


# --- the build's void.ttl: a dump and a distribution for each published data file ----------------

DATA_FILES = ("kg.jsonld", "kg.nt", "kg.trig", "kg.ttl")


def _distributions(void: Graph, dataset: URIRef) -> dict[str, URIRef]:
    return {str(void.value(d, DCTERMS.title)): d for d in void.objects(dataset, DCAT.distribution)}


def test_the_build_void_lists_each_data_file_with_its_media_type_size_and_checksum(bundled_build):
    import hashlib

    from kg.export import Format
    from kg.vocab import CONTEXT_IRI, SPDX

    _, out = bundled_build
    void = Graph().parse(out / "void.ttl")
    site = "https://w3id.org/summit-kg/data/"
    assert sorted(str(o) for o in void.objects(DATASET, VOID.dataDump)) == [site + name for name in DATA_FILES]
    distributions = _distributions(void, DATASET)
    assert sorted(distributions) == list(DATA_FILES)
    for name, distribution in distributions.items():
        data, media_type = (out / name).read_bytes(), Format.from_path(Path(name)).media_type
        assert (distribution, RDF.type, DCAT.Distribution) in void
        assert void.value(distribution, DCAT.downloadURL) == URIRef(site + name)
        assert void.value(distribution, DCAT.mediaType) == URIRef("https://www.iana.org/assignments/media-types/" + media_type)
        assert str(void.value(distribution, DCTERMS["format"])) == media_type
        assert int(void.value(distribution, DCAT.byteSize)) == len(data) > 1000
        checksum = void.value(distribution, SPDX.checksum)
        assert void.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        assert str(void.value(checksum, SPDX.checksumValue)) == hashlib.sha256(data).hexdigest()
    assert void.value(distributions["kg.jsonld"], DCTERMS.conformsTo) == URIRef(CONTEXT_IRI)
    assert not re.search(r"127\.0\.0\.1|localhost|:8000", (out / "void.ttl").read_text(encoding="utf-8"))


def test_the_build_void_puts_the_dumps_under_the_configured_base(tmp_path):
    from kg import pipeline

    base = "https://example.org/kg/id/"
    out = tmp_path / "out"
    pipeline.build([], out=out, base=base, check=False)
    void = Graph().parse(out / "void.ttl")
    dumps = sorted(str(o) for o in void.objects(URIRef(base + "dataset"), VOID.dataDump))
    assert dumps == [f"https://example.org/kg/data/{name}" for name in DATA_FILES]
    assert "w3id.org/summit-kg/data" not in (out / "void.ttl").read_text(encoding="utf-8")
