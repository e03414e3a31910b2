"""The report of a page's graph is the one of validation with no shortcut (kg/validate.py, kg/prescreen.py).

The build validates a page in place (:func:`kg.validate.validate_triples`): the screen spares
pySHACL the shapes it can clear, the ontology joins the SPARQL constraints' store as rdflib
wrote it once, and a row of theirs is kept by its focus node, read from the screen's index,
before the row's other terms are converted. Each of those must give
the very report the plain way gives: pySHACL with every shape, each SPARQL constraint run
over a store of the graph and of the ontology's file, its rows kept where ``$this`` is an
instance of a target class (read with rdflib). Compared over the articles of both corpora
and over mutated graphs (broken facts, odd literals and IRIs) that do give results.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from kg import rdf
from kg.extract import extract
from kg.model import Page
from kg.validate import (Report, Result, Severity, _gate, _label, _location, _order, _prefixes, _pyshacl_results,
                         _rdflib_term, _substitute, default_ontology, default_shapes_dir, validate, validate_triples)
from kg.vocab import SKG, Minter
from kg.wikitext import parse
from tests.test_prescreen import ARTICLES, mutated

REPOSITORY = Path(__file__).resolve().parent.parent
ID = "https://w3id.org/summit-kg/id/"
#: Every realistic article, a fixed sample of the held-out batch (every twelfth), the bundled and test articles.
PAGES = [*sorted((REPOSITORY / "tests" / "data" / "realistic").glob("*.wiki")),
         *sorted((REPOSITORY / "tests" / "data" / "heldout").glob("*.wiki"))[::12],
         *ARTICLES]


def gate():
    return _gate(default_shapes_dir(), default_ontology())


def reference(graph: Graph) -> Report:
    """The report of ``graph`` with no shortcut."""
    checked = Graph()
    for triple in (*graph, *gate().classes):
        checked.add(triple)
    found = _pyshacl_results(gate(), checked)
    store = pyoxigraph.Store()
    store.load(checked.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    store.load(path=default_ontology(), format=pyoxigraph.RdfFormat.TURTLE)
    shapes = gate().shapes
    for shape, constraint in gate().sparql:
        focus_nodes = {node for target in shapes.objects(shape, SH.targetClass)
                       for cls in checked.transitive_subjects(RDFS.subClassOf, target)
                       for node in checked.subjects(RDF.type, cls)}
        message = str(shapes.value(constraint, SH.message) or shapes.value(shape, SH.message))
        solutions = store.query(_prefixes(shapes, constraint) + str(shapes.value(constraint, SH.select)))
        names = [variable.value for variable in solutions.variables]
        for solution in solutions:
            bindings = {name: _rdflib_term(solution[name]) for name in names if solution[name] is not None}
            focus, path = bindings.get("this"), bindings.get("path")
            if focus in focus_nodes:
                found.append(Result(Severity.from_iri(shapes.value(shape, SH.severity) or SH.Violation),
                                    _substitute(message, bindings), focus, _label(checked, focus), path,
                                    bindings.get("value"), shape, SH.SPARQLConstraintComponent,
                                    _location(checked, focus, path)))
    results = tuple(sorted(found, key=_order))
    return Report(not any(result.severity is Severity.VIOLATION for result in results), results)


def page_triples(path: Path) -> rdf.Triples:
    page = Page(path.read_text(encoding="utf-8"), origin=str(path))
    return rdf.page_triples(extract(parse(page)), minter=Minter(ID))


def outcome(check, *arguments) -> tuple:
    """What ``check`` gives: its report, or the exception it raises (a page fails the same way)."""
    try:
        report = check(*arguments)
    except Exception as error:  # noqa: BLE001 - compared, not hidden
        return ("raised", type(error).__name__, str(error))
    return ("report", report, report.to_text(), report.to_graph().serialize(format="nt"))


def assert_same_report(graph: Graph, triples: rdf.Triples | None = None) -> tuple:
    expected = outcome(reference, graph)
    assert outcome(validate, graph) == expected
    if triples is not None:
        assert outcome(validate_triples, triples) == expected
    return expected


def page_outcomes(path: Path) -> tuple[tuple, tuple | None, tuple | None]:
    """What the plain way, :func:`validate` and :func:`validate_triples` give on ``path``'s page graph."""
    triples = page_triples(path)
    graph = triples.graph()
    return outcome(reference, graph), outcome(validate, graph), outcome(validate_triples, triples)


@pytest.fixture(scope="module")
def pages_checked(request) -> dict[Path, tuple]:
    """:func:`page_outcomes` of every page the test below is run on: over a hundred pages, each on its
    own in one of kg.pool's forked workers, on every core."""
    from kg.pool import default_jobs, in_order

    chosen = [item.callspec.params["path"] for item in request.session.items
              if getattr(item, "originalname", None) == "test_a_pages_report_is_the_one_with_no_shortcut"]
    done = in_order(chosen, page_outcomes, jobs=default_jobs(), deadline=600,
                    lost=lambda path, why: (("lost", why), None, None))
    return dict(zip(chosen, done))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_pages_report_is_the_one_with_no_shortcut(path: Path, pages_checked) -> None:
    expected, plain, in_place = pages_checked[path]  # as assert_same_report(graph, triples) compares them

    assert plain == expected
    assert in_place == expected


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_a_mutated_graphs_report_is_the_one_with_no_shortcut(path: Path) -> None:
    reported = 0
    for graph, _ in mutated(path, f"differential {path.stem}", 8):
        triples = rdf.Triples()
        for triple in graph:
            if triple not in gate().classes:
                triples.add(triple)
        graph = triples.graph()
        expected = assert_same_report(graph, triples)
        reported += expected[0] == "raised" or bool(expected[1].results)
    assert reported  # the mutations do give results (or failures) to compare


@pytest.mark.parametrize("odd", [
    # a term of the ontology typed in the page: its triples in the ontology join the SPARQL constraints' store
    [(SKG.Administration, RDF.type, SKG.Person)],
    # a blank node pointing at an IRI of the page's base that nothing types: pyoxigraph renames the blank node
    [(BNode("odd"), RDF.type, SKG.Person), (BNode("odd"), SKG.relatedTo, URIRef(f"{ID}person/nobody"))],
    # a label that is an IRI: reported, and the report names the node by no label (it used to raise)
    [(URIRef(f"{ID}person/nobody"), RDF.type, SKG.Person),
     (URIRef(f"{ID}person/nobody"), RDFS.label, URIRef(f"{ID}person/somebody"))],
], ids=["ontology-term", "blank-focus", "iri-label"])
def test_a_graph_with_odd_focus_nodes_gets_the_report_with_no_shortcut(odd: list) -> None:
    triples = page_triples(ARTICLES[0])
    for triple in odd:
        triples.add(triple)

    expected = assert_same_report(triples.graph(), triples)

    assert expected[0] == "report" and expected[1].results


@pytest.mark.parametrize("rows", [
    # a fact pointing at an IRI under the page's base that nothing types
    [(URIRef(f"{ID}person/somebody"), RDF.type, SKG.Person), (URIRef(f"{ID}person/somebody"), SKG.relatedTo,
                                                               URIRef(f"{ID}place/nowhere"))],
    # an IRI under the page's base that nothing types, pointing at a typed node
    [(URIRef(f"{ID}summit/untyped"), SKG.participant, URIRef(f"{ID}person/somebody")),
     (URIRef(f"{ID}person/somebody"), RDF.type, SKG.Person)],
    # a period whose years are out of order, and one whose years are no plain integers
    [(URIRef(f"{ID}period/p"), RDF.type, SKG.Period), (URIRef(f"{ID}period/p"), SKG.startYear, Literal("2001")),
     (URIRef(f"{ID}period/p"), SKG.endYear, Literal("1999"))],
    [(URIRef(f"{ID}period/q"), RDF.type, SKG.Period), (URIRef(f"{ID}period/q"), SKG.startYear, Literal(" 2001")),
     (URIRef(f"{ID}period/q"), SKG.endYear, Literal("2002"))],
    # two summits of one series with one ordinal
    [(URIRef(f"{ID}summit/{name}"), predicate, value) for name in ("a", "b") for predicate, value in
     ((RDF.type, SKG.Summit), (SKG.ordinal, Literal(1)), (SKG.inSeries, URIRef(f"{ID}series/s")))],
], ids=["dangling", "untyped-source", "years-reversed", "years-odd", "ordinal-shared"])
def test_what_the_sparql_screen_cannot_clear_gets_the_report_with_no_shortcut(rows: list) -> None:
    """The SPARQL screen (kg.prescreen.SparqlScreen) spares a page the constraints' store only when
    they surely find nothing: a page where they may runs them, and gets their report."""
    triples = page_triples(ARTICLES[0])
    for triple in rows:
        triples.add(triple)
    screen = gate().sparql_screen
    checked = rdf.Triples()
    for triple in (*triples, *gate().classes):
        checked.add(triple)
    targets = tuple(constraint.targets for constraint in gate().constraints)

    assert screen.clears(checked, gate().screen.index(checked), targets) is False
    assert_same_report(triples.graph(), triples)


def test_the_sparql_screen_clears_the_articles_and_knows_the_shipped_constraints() -> None:
    assert gate().sparql_screen.known == ("dangling", "untyped source", "years", "ordinals")
    cleared = 0
    for path in ARTICLES:
        checked = rdf.Triples()
        for triple in (*page_triples(path), *gate().classes):
            checked.add(triple)
        targets = tuple(constraint.targets for constraint in gate().constraints)
        cleared += gate().sparql_screen.clears(checked, gate().screen.index(checked), targets)
    assert cleared == len(ARTICLES)
