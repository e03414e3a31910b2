"""The screen may only say "nothing to report" where pySHACL reports nothing (kg/prescreen.py)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg import rdf
from kg.extract import extract
from kg.export import new_graph
from kg.model import Page
from kg.prescreen import Screen
from kg.validate import _gate, _pyshacl_results, default_ontology, default_shapes_dir, validate
from kg.vocab import Minter
from kg.wikitext import parse
from tests.test_validate import CASES, broken, fixture_graph, local

REPOSITORY = Path(__file__).resolve().parent.parent
ARTICLES = [REPOSITORY / "corpus" / "zhwiki-inter-korean-summits.wiki",
            *sorted((REPOSITORY / "tests" / "data" / "articles").glob("*summit*.wiki"))]
#: Objects a mutation may put in place of a fact's object: wrong kinds, ill-formed and out-of-range literals.
ODD_OBJECTS = [Literal("x"), Literal("x", lang="en"), Literal("x", lang="zh-Hans"), Literal("x", lang="zh-hans"),
               Literal("2018-13-01", datatype=XSD.date), Literal("2030-01-01", datatype=XSD.date),
               Literal("0", datatype=XSD.integer), Literal("-1", datatype=XSD.integer),
               Literal("abc", datatype=XSD.integer), Literal("5", datatype=XSD.decimal), Literal("1", datatype=XSD.gYear),
               BNode("odd"), URIRef("http://www.wikidata.org/entity/Q1"), URIRef("http://www.wikidata.org/entity/X1"),
               URIRef("https://w3id.org/summit-kg/id/person/nobody")]


def gate():
    return _gate(default_shapes_dir(), default_ontology())


def checked(graph: Graph) -> Graph:
    """``graph`` with the ontology's classes, as the gate checks it."""
    out = new_graph()
    for triple in graph:
        out.add(triple)
    for triple in gate().classes:
        out.add(triple)
    return out


def pyshacl_finds(graph: Graph) -> bool:
    """Whether pySHACL itself reports anything (or fails) on ``graph``."""
    try:
        return bool(_pyshacl_results(gate(), graph))
    except Exception:  # noqa: BLE001 - pySHACL refusing a graph counts as reporting on it
        return True


def article_graph(path: Path) -> Graph:
    page = Page(path.read_text(encoding="utf-8"), origin=str(path))
    return rdf.to_graph(extract(parse(page)), minter=Minter("https://w3id.org/summit-kg/id/"))


def test_the_shipped_shapes_are_all_read_by_the_screen() -> None:
    assert gate().screen.targeted is not None


def test_the_conforming_fixture_is_clean() -> None:
    assert gate().screen.clean(checked(fixture_graph()))


@pytest.mark.parametrize("shape", sorted(CASES))
def test_breaking_any_shape_pyshacl_runs_is_never_clean(shape: str) -> None:
    graph = checked(broken(CASES[shape]))

    if shape in {local(node) for node, _ in gate().sparql}:  # run in pyoxigraph on every graph, screened or not
        assert not pyshacl_finds(graph)
    else:
        assert pyshacl_finds(graph) and not gate().screen.clean(graph)


@pytest.mark.parametrize("shape", sorted(CASES))
def test_pyshacl_run_with_the_doubtful_shapes_alone_gives_every_result(shape: str) -> None:
    graph = checked(broken(CASES[shape]))
    doubtful = gate().screen.doubtful(graph)

    assert doubtful != () or shape in {local(node) for node, _ in gate().sparql}
    assert _pyshacl_results(gate(), graph, doubtful) == _pyshacl_results(gate(), graph)


def test_one_shape_broken_leaves_the_others_out_of_pyshacl() -> None:
    graph = checked(broken(CASES["Summit-dates-order"]))

    assert gate().screen.doubtful(graph) == (URIRef("https://w3id.org/summit-kg/shapes#SummitShape"),)


def mutated(path: Path, seed: str, times: int) -> Iterator[tuple[Graph, list]]:
    """``times`` copies of ``path``'s graph, each with one to three facts broken, as the gate
    checks them, each with the original triples."""
    rng = random.Random(seed)
    original = list(article_graph(path))
    predicates = sorted({p for _, p, _ in original})
    subjects = sorted({s for s, _, _ in original})
    for _ in range(times):
        graph = new_graph()
        for triple in original:
            graph.add(triple)
        for _ in range(rng.randint(1, 3)):
            s, p, o = rng.choice(original)
            change = rng.randrange(4)
            if change == 0:
                graph.remove((s, p, o))
            elif change == 1:
                graph.remove((s, p, o))
                graph.add((s, p, rng.choice(ODD_OBJECTS + [t[2] for t in original[:40]])))
            elif change == 2:
                graph.add((rng.choice(subjects), rng.choice(predicates), rng.choice(ODD_OBJECTS)))
            else:
                graph.remove((s, p, o))
                graph.add((s, rng.choice(predicates), o))
        yield checked(graph), original


@pytest.mark.parametrize("path", ARTICLES[:2], ids=lambda p: p.stem)
def test_the_doubtful_shapes_give_every_result_on_mutated_articles(path: Path) -> None:
    compared = 0
    for graph, _ in mutated(path, f"doubtful {path.stem}", 6):
        doubtful = gate().screen.doubtful(graph)
        if doubtful:
            compared += 1
            assert _pyshacl_results(gate(), graph, doubtful) == _pyshacl_results(gate(), graph)
    assert compared  # the mutations do break shapes


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_clean_means_pyshacl_finds_nothing_on_mutated_articles(path: Path) -> None:
    clean = 0
    for graph, original in mutated(path, path.stem, 25):
        if gate().screen.clean(graph):
            clean += 1
            assert not pyshacl_finds(graph), sorted(set(graph) - set(original))
    assert clean < 25  # the mutations do break shapes


def test_an_article_pyshacl_finds_nothing_in_is_clean() -> None:
    graph = checked(article_graph(ARTICLES[0]))

    assert gate().screen.clean(graph) is not pyshacl_finds(graph)


@pytest.mark.parametrize("extra", [
    "sh:targetNode <https://example.org/a>",
    "sh:node skgsh:Other",
    "sh:property [ sh:path skg:x ; sh:qualifiedValueShape [ sh:datatype xsd:string ] ; sh:qualifiedMaxCount 1 ]",
    "sh:property [ sh:path [ sh:zeroOrMorePath skg:x ] ; sh:minCount 1 ]",
    "sh:deactivated true",
])
def test_shapes_the_screen_does_not_read_send_every_graph_to_pyshacl(extra: str) -> None:
    shapes = Graph().parse(data=(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix skg: <https://w3id.org/summit-kg/ontology#> .\n"
        "@prefix skgsh: <https://w3id.org/summit-kg/shapes#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        f"skgsh:S a sh:NodeShape ; sh:targetClass skg:Summit ; {extra} .\n"), format="turtle")

    screen = Screen.of(shapes)

    assert screen.targeted is None and not screen.clean(Graph())


def test_checking_in_place_gives_the_same_report_and_leaves_the_graph_as_it_was() -> None:
    graph = broken(CASES["Summit-dates-order"])
    before = sorted(graph)

    report = validate(graph, in_place=True)

    assert report == validate(broken(CASES["Summit-dates-order"]))
    assert sorted(graph) == before
