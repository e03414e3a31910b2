"""What several articles say is published once, and the named queries answer as before (issue 15).

A build of several articles that share entities (the bundled article and the test
articles: 金正恩, 板門店, the states...) keeps in each article's graph what it alone says
and puts what two or more say, once, into the shared graph; the queries over the union
then meet each fact once. Each named query must give, on that layout, the answer its
earlier text (``tests/data/query/before/``) gave on the same facts.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store

from conftest import ARTICLES, CORPUS_ARTICLE
from kg import pipeline
from kg.query import Boolean, Solutions, Triples, bind, execute, parse_named_query, resolve
from kg.rdf import publish_shared_once, shared_graph
from kg.store import load_store

BEFORE = Path(__file__).parent / "data" / "query" / "before"
PROV = "http://www.w3.org/ns/prov#"
VOID = "http://rdfs.org/ns/void#"
EX = "https://example.org/"


@pytest.fixture(scope="module")
def several(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("several")
    pipeline.build([str(CORPUS_ARTICLE), str(ARTICLES)], out=out)
    return out


def _quad(s: str, o: str, graph) -> Quad:
    return Quad(NamedNode(EX + s), NamedNode(EX + "p"), Literal(o), graph)


def test_a_triple_two_graphs_state_moves_to_the_shared_graph_once():
    one, two = NamedNode(EX + "article/1"), NamedNode(EX + "article/2")
    store = Store()
    store.extend([_quad("a", "both", one), _quad("a", "both", two), _quad("a", "first", one),
                  _quad("b", "second", two), _quad("a", "both", DefaultGraph())])
    union = {quad.triple for quad in store}
    shared = publish_shared_once(store, base=EX)
    assert shared == shared_graph(EX) == NamedNode(EX + "dataset/shared")
    assert {quad.triple for quad in store} == union  # nothing lost, nothing added
    assert [q.triple for q in store.quads_for_pattern(None, None, None, shared)] == [_quad("a", "both", one).triple]
    assert {q.object.value for q in store.quads_for_pattern(None, None, None, one)} == {"first"}
    assert {q.object.value for q in store.quads_for_pattern(None, None, None, two)} == {"second"}
    assert len(list(store.quads_for_pattern(None, None, None, DefaultGraph()))) == 1  # the description stays
    before = sorted(map(str, store))
    publish_shared_once(store, base=EX)  # a second run changes nothing
    assert sorted(map(str, store)) == before


@pytest.mark.parametrize("among", [["a", "b"], ["a", "b", "c"]])
def test_the_subjects_several_graphs_state_give_the_same_move(among):
    one, two = NamedNode(EX + "article/1"), NamedNode(EX + "article/2")
    quads = [_quad("a", "both", one), _quad("a", "both", two), _quad("a", "first", one), _quad("b", "second", two),
             _quad("b", "second", one), _quad("a", "both", DefaultGraph())]
    asked, told = Store(), Store()
    asked.extend(quads)
    told.extend(quads)
    publish_shared_once(asked, base=EX)
    publish_shared_once(told, base=EX, among=[NamedNode(EX + name) for name in among])  # more subjects do no harm
    assert sorted(map(str, told)) == sorted(map(str, asked))


def test_each_triple_of_a_build_is_in_one_named_graph(several):
    store = load_store([several / "kg.trig"])
    stated = Counter(quad.triple for quad in store if isinstance(quad.graph_name, NamedNode))
    assert stated and max(stated.values()) == 1
    shared = shared_graph()
    assert sum(1 for _ in store.quads_for_pattern(None, None, None, shared)) > 20  # the articles do share
    description = Quad(NamedNode("https://w3id.org/summit-kg/id/dataset"), NamedNode(VOID + "subset"), shared,
                       DefaultGraph())
    assert description in store


def test_every_shared_node_names_its_articles_in_their_own_graphs(several):
    store = load_store([several / "kg.trig"])
    shared, derived = shared_graph(), NamedNode(PROV + "wasDerivedFrom")
    subjects = {quad.subject for quad in store.quads_for_pattern(None, None, None, shared)}
    untraced = [s for s in subjects
                if not any(q.graph_name != shared for q in store.quads_for_pattern(s, derived, None))]
    assert subjects and untraced == []


# parameters beyond the defaults, so each query is compared where it finds something
CASES = [
    ("documents", {}), ("documents", {"lang": "zh-Hant"}), ("gaps", {}), ("inferred", {}),
    ("labels", {}), ("labels", {"lang": "zh-Hans"}), ("leaders-and-roles", {}),
    ("neighbourhood", {}), ("neighbourhood", {"ordinal": "1"}), ("sanity", {}), ("sources", {}),
    ("summits-of-person", {}), ("summits-of-person", {"name": "金正日"}),
    ("summits-of-person", {"name": "特朗普"}), ("summits-per-place", {}), ("summits", {}),
    ("summits", {"lang": "zh-Hant"}), ("who-met-whom", {}), ("wikidata-links", {}),
    # a language that matches several tags of a name (zh: zh-Hans, zh-Hant and zh; *: every tag)
    ("documents", {"lang": "zh"}), ("documents", {"lang": "*"}), ("documents", {"lang": "en"}),
    ("inferred", {"lang": "zh"}), ("inferred", {"lang": "*"}), ("leaders-and-roles", {"lang": "zh"}),
    ("leaders-and-roles", {"lang": "*"}), ("leaders-and-roles", {"lang": "en"}), ("neighbourhood", {"ordinal": "2"}),
]


@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}{p}" for n, p in CASES])
def test_each_named_query_answers_as_its_earlier_text_did(several, name, params):
    """The earlier text runs on the union as one graph (kg.nt), so that a fact several
    articles stated counts once there too; today's text runs on the published graphs."""
    earlier = parse_named_query((BEFORE / f"{name}.rq").read_text(encoding="utf-8"), name=name, origin=name)
    union = Store()
    union.bulk_load(path=several / "kg.nt", format=RdfFormat.N_TRIPLES)
    expected = execute(union, bind(earlier, params))
    found = execute(load_store([several / "kg.trig"]), bind(resolve(name), params))
    assert _comparable(found, joined=True) == _comparable(expected, joined=True)
    assert _comparable(found) not in ([], set(), False) or name == "summits-of-person"


#: The columns that join several values (GROUP_CONCAT) and their separators: the earlier texts
#: joined them in whatever order the engine met them, today's in the values' own order.
JOINED = {"otherNames": " | ", "participants": ", ", "evidence": " … "}


def _comparable(result, *, joined: bool = False):
    if isinstance(result, Boolean):
        return result.value
    if isinstance(result, Triples):
        return set(map(str, result.triples))
    assert isinstance(result, Solutions)
    rows = [tuple(None if term is None else str(term) for term in row) for row in result.rows]
    if joined:
        rows = [tuple(_parts(cell, JOINED[variable]) if variable in JOINED and cell else cell
                      for variable, cell in zip(result.variables, row)) for row in rows]
    return [result.variables, *rows]


def _parts(cell: str, separator: str) -> tuple:
    text, _, rest = cell[1:].rpartition('"')  # a literal as N-Triples writes it: "a | b"^^xsd:string
    return tuple(sorted(text.split(separator))), rest


def _looked_up_tags() -> set[str]:
    import re

    text = resolve("summits-of-person").text
    block = re.search(r"VALUES \?tag \{([^}]*)\}", text).group(1)
    return {tag.lower() for tag in re.findall(r'"([^"]*)"', block)}


def test_summits_of_person_looks_a_name_up_in_every_tag_our_labels_carry(several):
    """The query looks the name up by its exact literal, once per language tag it lists:
    every tag the extractor writes, and every tag of a person's name in a build, is there."""
    from kg.extract.names import REGION_TAGS, VARIANT_TAGS

    tags = _looked_up_tags()
    assert {tag.lower() for tag in (*VARIANT_TAGS.values(), *REGION_TAGS.values(), "zh", "zh-Hans", "zh-Hant")} <= tags
    store = load_store([several / "kg.trig"])
    found = {row["tag"].value for row in store.query(
        "SELECT DISTINCT (LCASE(LANG(?name)) AS ?tag) WHERE { ?person a <https://w3id.org/summit-kg/ontology#Person> ; "
        "<http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#altLabel> ?name }",
        use_default_graph_as_union=True)}
    assert found and found <= tags


SKG = "https://w3id.org/summit-kg/ontology#"
XSD_DATE = NamedNode("http://www.w3.org/2001/XMLSchema#date")
DAYS = {  # summits' start days: the same day twice, the same month, an earlier month, year, a gap of years
    "a": "2018-04-27", "b": "2018-04-27", "c": "2018-04-20", "d": "2018-02-10", "e": "2017-12-31",
    "f": "2015-06-01", "g": "2019-01-01", "h": "2019-01-15", "i": "2018-12-31", "j": "2018-04-01",
}


def _summits_on(days: dict[str, str]) -> Store:
    store, graph = Store(), NamedNode(EX + "article/1")
    kind, start, label = NamedNode(SKG + "Summit"), NamedNode(SKG + "startDate"), NamedNode(
        "http://www.w3.org/2000/01/rdf-schema#label")
    rdf_type = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    for key, day in days.items():
        summit = NamedNode(EX + "summit/" + key)
        store.add(Quad(summit, rdf_type, kind, graph))
        store.add(Quad(summit, start, Literal(day, datatype=XSD_DATE), graph))
        if key != "c":  # one summit without a label
            store.add(Quad(summit, label, Literal("峰会" + key, language="zh-Hans"), graph))
    store.add(Quad(NamedNode(EX + "not-a-summit"), start, Literal("2018-04-26", datatype=XSD_DATE), graph))
    return store


@pytest.mark.parametrize("days", [DAYS, {"a": "2018-04-27"}, {}], ids=["several", "one", "none"])
def test_gaps_finds_the_day_before_in_the_month_the_year_or_a_year_before(days):
    """gaps looks for the day before within the month, then the months, then the years
    (linear in the summits); it must answer as the text that compared every pair did."""
    store = _summits_on(days)
    earlier = parse_named_query((BEFORE / "gaps.rq").read_text(encoding="utf-8"), name="gaps", origin="gaps")
    header, *rows = _comparable(execute(store, earlier.text))
    rows.sort(key=lambda row: (row[0], row[1], row[3] or ""))  # today's text orders ties by the summit before
    assert _comparable(execute(store, resolve("gaps").text)) == [header, *rows]
    assert len(rows) == len(days) + (1 if len(days) > 2 else 0)  # summit i follows both a and b


def test_sources_looks_labels_up_before_a_citations_titles_and_dates_multiply_its_rows():
    """sources groups each summit's article and citations first and adds a citation's titles
    and dates after; a citation with two titles, two dates and a publisher with two labels
    must give the rows the earlier text gave (ties ordered by title and date)."""
    graph, store = NamedNode(EX + "article/1"), Store()
    rdfs, rdf, prov = "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", PROV

    def add(s, p, o):
        store.add(Quad(NamedNode(EX + s), NamedNode(p), o, graph))

    add("summit/a", rdf + "type", NamedNode(SKG + "Summit"))
    add("summit/a", SKG + "startDate", Literal("2018-04-27", datatype=XSD_DATE))
    add("summit/a", rdfs + "label", Literal("峰会甲", language="zh-Hans"))
    add("summit/a", prov + "wasDerivedFrom", NamedNode(EX + "article/1"))
    add("summit/a", SKG + "supportedBy", NamedNode(EX + "citation/1"))
    add("summit/a", SKG + "hasParticipation", NamedNode(EX + "participation/1"))
    add("participation/1", SKG + "supportedBy", NamedNode(EX + "citation/2"))
    add("statement/1", rdf + "subject", NamedNode(EX + "summit/a"))
    add("statement/1", SKG + "supportedBy", NamedNode(EX + "citation/2"))
    for citation, url in (("citation/1", "https://example.org/news/1"), ("citation/2", "https://example.org/news/2")):
        add(citation, SKG + "url", Literal(url, datatype=NamedNode("http://www.w3.org/2001/XMLSchema#anyURI")))
    for title in ("乙报道", "甲报道"):
        add("citation/1", SKG + "title", Literal(title))
    for day in ("2018-04-28", "2018-04-27"):
        add("citation/1", SKG + "publicationDate", Literal(day, datatype=XSD_DATE))
    add("citation/1", SKG + "publisher", NamedNode(EX + "organization/1"))
    for name in ("乙社", "甲社"):
        add("organization/1", rdfs + "label", Literal(name, language="zh-Hans"))
    earlier = parse_named_query((BEFORE / "sources.rq").read_text(encoding="utf-8"), name="sources", origin="sources")
    header, *rows = _comparable(execute(store, earlier.text))
    key = [header.index(name) for name in ("start", "summit", "kind", "url", "title", "date")]
    rows.sort(key=lambda row: tuple(row[i] or "" for i in key))  # today's text orders ties by title and date
    assert len(rows) == 1 + 4 + 1  # the article, citation 1's titles × dates, citation 2
    assert _comparable(execute(store, resolve("sources").text)) == [header, *rows]


def test_each_grouped_answer_is_fully_ordered():
    """A named query's ORDER BY names every variable it groups by, so that its rows come in one
    order whatever store answers it (a build's own store, or its kg.trig loaded again: the
    answers a build keeps must be the bytes kg query prints asking again)."""
    import re

    from kg.query import named_queries

    checked = 0
    for query in named_queries():
        text = query.text
        grouped = re.findall(r"^GROUP BY (.*)$", text, re.MULTILINE)
        ordered = re.findall(r"^ORDER BY (.*)$", text, re.MULTILINE)
        if not grouped or not ordered or text.rindex("GROUP BY") < text.rindex("}"):
            continue  # not grouped at the top (its groups are a subquery's)
        assert set(re.findall(r"\?\w+", grouped[-1])) <= set(re.findall(r"\?\w+", ordered[-1])), query.name
        checked += 1
    assert checked >= 8


@pytest.mark.parametrize("name", sorted(query.name for query in __import__("kg.query", fromlist=["x"]).named_queries()))
def test_each_named_query_answers_the_same_bytes_however_the_store_was_filled(several, name):
    """The same quads loaded in another order give the same answer, byte for byte: a build keeps
    the answers its own store gave (kg.answers), which kg query must print as if asking its
    kg.trig loaded again. GROUP_CONCAT joins values in the order the engine meets them, which
    hangs on how the store was filled, so the queries that join values sort them first."""
    import random

    from pyoxigraph import serialize

    from kg.query import Output, ResultFormat, render

    loaded = load_store([several / "kg.trig"])
    quads = list(loaded)
    random.Random(7).shuffle(quads)
    shuffled = Store()
    shuffled.load(serialize(quads, format=RdfFormat.N_QUADS), format=RdfFormat.N_QUADS)
    text = resolve(name).text
    asked = [render(execute(store, text, written_as=ResultFormat.JSON), Output.JSON) for store in (loaded, shuffled)]
    assert asked[0] == asked[1]


def test_documents_leaves_out_an_other_name_only_when_it_is_the_documents_one_name_in_the_language():
    """documents takes the document's label before its other names; an other name equal to a
    label in the language is left out only when the document has that one name there (with two,
    each row of the earlier text kept what the other row's name did not equal)."""
    graph, store = NamedNode(EX + "article/1"), Store()
    rdfs, skos = "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2004/02/skos/core#"

    def add(s, p, o):
        store.add(Quad(NamedNode(EX + s), NamedNode(p), o, graph))

    for key, names in (("a", {"zh-Hans": "甲", "zh-Hant": "乙"}), ("b", {"zh-Hans": "丙"}), ("c", {})):
        add(f"summit/{key}", SKG + "startDate", Literal("2018-04-27", datatype=XSD_DATE))
        add(f"summit/{key}", SKG + "outcome", NamedNode(EX + f"document/{key}"))
        add(f"summit/{key}", rdfs + "label", Literal("峰会", language="zh-Hans"))
        add(f"summit/{key}", rdfs + "label", Literal("峰會", language="zh-Hant"))
        for tag, name in names.items():
            add(f"document/{key}", rdfs + "label", Literal(name, language=tag))
        for other in ("甲", "乙", "丙", "丁"):
            add(f"document/{key}", skos + "altLabel", Literal(other))
    earlier = parse_named_query((BEFORE / "documents.rq").read_text(encoding="utf-8"), name="documents", origin="documents")
    for lang in ("zh-Hans", "zh-Hant", "zh", "en"):
        expected = _comparable(execute(store, bind(earlier, {"lang": lang})), joined=True)
        assert _comparable(execute(store, bind(resolve("documents"), {"lang": lang})), joined=True) == expected, lang
        assert len(expected) == 4
