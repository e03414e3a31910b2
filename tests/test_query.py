"""Named queries, parameter binding, local SPARQL and ``kg query`` (on the hand-made fixture)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import parse_query_results

from kg.errors import InputError, QueryError, QueryTimeout
from kg.query import (
    Boolean,
    GraphFormat,
    Output,
    ResultFormat,
    Solutions,
    Triples,
    Written,
    bind,
    execute,
    named_queries,
    parse_named_query,
    render,
    render_table,
    resolve,
    write_graph,
    write_results,
)
from kg.query_guard import read
from kg.store import load_store

DATA = Path(__file__).parent / "data" / "query"
FIXTURE = DATA / "fixture.trig"
SKG = "https://w3id.org/summit-kg/ontology#"
ID = "https://w3id.org/summit-kg/id/"


@pytest.fixture(scope="module")
def store():
    return load_store([FIXTURE])


def run(store, query_name: str, **params: str):
    return execute(store, bind(resolve(query_name), params))


def column(result: Solutions, name: str) -> list[str]:
    index = result.variables.index(name)
    return [row[index].value if row[index] is not None else None for row in result.rows]


# --- the catalogue ---------------------------------------------------------------------------


def test_at_least_twelve_named_queries_each_with_a_title_and_description():
    queries = named_queries()
    assert len(queries) >= 12
    for query in queries:
        assert query.title and query.description, query.origin


def test_every_named_query_runs_on_the_fixture(store):
    for query in named_queries():
        result = execute(store, bind(query, {}))
        if isinstance(result, Solutions):
            assert result.rows, f"{query.name} found nothing in the fixture"
        elif isinstance(result, Boolean):
            assert result.value, query.name
        else:
            assert result.triples, query.name


def test_the_query_forms_the_issue_asks_for_are_there():
    forms = {q.name: q.text for q in named_queries()}
    assert "CONSTRUCT" in forms["neighbourhood"]
    assert "ASK" in forms["sanity"]


# --- expected answers on the fixture ---------------------------------------------------------


def test_summits_in_date_order_with_venue_city_and_participants(store):
    result = run(store, "summits")
    assert column(result, "start") == ["2000-06-13", "2007-10-02", "2018-04-27", "2018-05-26", "2018-09-18"]
    assert column(result, "venueLabel")[0] == "百花园国宾馆"
    assert column(result, "cityLabel") == ["平壤", "平壤", "板门店", "板门店", "平壤"]
    assert set(column(result, "participants")[1].split(", ")) == {"卢武铉", "金正日"}


def test_summits_labelled_in_traditional_script(store):
    result = run(store, "summits", lang="zh-Hant")
    assert set(column(result, "participants")[1].split(", ")) == {"盧武鉉", "金正日"}


def test_summits_of_a_person_found_by_either_script(store):
    for name in ("盧武鉉", "卢武铉"):
        assert column(run(store, "summits-of-person", name=name), "start") == ["2007-10-02"]
    assert column(run(store, "summits-of-person", name="文在寅"), "start") == ["2018-04-27", "2018-05-26", "2018-09-18"]


def test_who_met_whom_counts_shared_summits(store):
    result = run(store, "who-met-whom")
    pairs = {frozenset((a, b)): int(n) for a, b, n in zip(column(result, "aLabel"), column(result, "bLabel"), column(result, "times"))}
    assert pairs == {frozenset({"文在寅", "金正恩"}): 3, frozenset({"金大中", "金正日"}): 1, frozenset({"卢武铉", "金正日"}): 1}


def test_summits_per_place_follows_containment(store):
    result = run(store, "summits-per-place")
    counts = {label: (int(s), int(v)) for label, s, v in zip(column(result, "placeLabel"), column(result, "summits"), column(result, "asVenue"))}
    assert counts["平壤"] == (3, 1)
    assert counts["板门店"] == (2, 0)
    assert counts["百花园国宾馆"] == (2, 2)
    assert counts["朝鲜民主主义人民共和国"] == (3, 0)


def test_documents_with_their_other_names(store):
    result = run(store, "documents")
    first = dict(zip(result.variables, (t.value if t else None for t in result.rows[0])))
    assert first["documentLabel"] == "北南共同宣言"
    assert set(first["otherNames"].split(" | ")) == {"南北共同宣言", "June 15th North-South Joint Declaration", "6·15 남북 공동선언"}


def test_leaders_with_roles_and_without(store):
    result = run(store, "leaders-and-roles")
    roles = {(p, r) for p, r in zip(column(result, "personLabel"), column(result, "roleLabel")) if r}
    assert roles == {("金大中", "韩国总统"), ("金正日", "朝鲜劳动党总书记")}
    assert len(result.rows) == 10  # two leaders at each of five summits, no spurious roles
    sides = {(p, side) for p, side in zip(column(result, "personLabel"), column(result, "sideLabel")) if side}
    assert sides == {("金大中", "大韩民国"), ("金正日", "朝鲜民主主义人民共和国")}


def test_gaps_between_summits(store):
    result = run(store, "gaps")
    assert column(result, "months") == [None, "88", "126", "1", "4"]
    assert column(result, "years")[1:3] == ["7.3", "10.5"]


def test_labels_in_a_language_include_its_subtags(store):
    labels = column(run(store, "labels", lang="zh-Hant"), "label")
    assert "盧武鉉" in labels and "卢武铉" not in labels
    assert column(run(store, "labels", lang="en"), "label") == ["June 15th North-South Joint Declaration", "inter-Korean summit"]


def test_wikidata_linked_and_unlinked(store):
    result = run(store, "wikidata-links")
    status = dict(zip(column(result, "label"), column(result, "status")))
    assert status["金大中"] == "linked" and status["卢武铉"] == "unlinked"
    assert set(column(result, "wikidata")) >= {"http://www.wikidata.org/entity/Q14347", None}


def test_sources_of_a_summit(store):
    result = run(store, "sources")
    citations = [(label, url) for label, kind, url in zip(column(result, "summitLabel"), column(result, "kind"), column(result, "url")) if kind == "citation"]
    assert citations == [("2018年4月朝韩首脑会晤", "http://example.org/news/1"), ("2018年5月朝韩首脑会晤", "http://example.org/news/2")]
    publishers = {p for p, k in zip(column(result, "publisher"), column(result, "kind")) if k == "article"}
    assert publishers == {None}  # an article row must not borrow some organisation's label


def test_inferred_statements_with_method_and_evidence(store):
    result = run(store, "inferred")
    assert column(result, "method") == ["citation-title"]
    assert column(result, "objectLabel") == ["金正恩"]
    assert "統一閣" in column(result, "evidence")[0]


def test_neighbourhood_of_a_summit_is_a_graph_around_it(store):
    result = run(store, "neighbourhood", ordinal="4")
    assert isinstance(result, Triples)
    subjects = {t.subject.value for t in result.triples}
    assert ID + "summit/s4" in subjects and ID + "summit/s3" not in subjects
    assert any(t.predicate.value == SKG + "participant" for t in result.triples)


def test_sanity_ask_is_false_when_a_summit_lacks_a_venue(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        f'<{ID}summit/x> a <{SKG}Summit> ; <{SKG}startDate> "2001-01-01"^^<http://www.w3.org/2001/XMLSchema#date> ;'
        f' <{SKG}participant> <{ID}person/p> ; <http://www.w3.org/2000/01/rdf-schema#label> "x"@zh-Hans, "x"@zh-Hant .',
        encoding="utf-8",
    )
    assert run(load_store([broken]), "sanity") == Boolean(False)


# --- parameters ------------------------------------------------------------------------------


def test_a_parameter_value_cannot_change_the_query(store):
    hostile = '文在寅" } ?s ?p ?o { "'
    result = run(store, "summits-of-person", name=hostile)
    assert result.rows == ()


def test_a_parameter_value_is_never_read_as_another_parameters_block(store):
    # the values used to be spliced one after another, so the second parameter's block
    # was also found inside the first one's value and its quotes opened the query up
    query = resolve("summits-of-person")
    sparql = bind(query, {"lang": 'VALUES ?name { "x" }', "name": "} ?s ?p ?o {"})
    assert execute(store, sparql).rows == ()
    assert '"VALUES ?name { \\"x\\" }"' in sparql and '"} ?s ?p ?o {"' in sparql


def test_unknown_parameter_and_bad_kind_are_query_errors():
    with pytest.raises(QueryError, match="no parameter 'nmae'"):
        bind(resolve("summits-of-person"), {"nmae": "x"})
    with pytest.raises(QueryError, match="not an integer"):
        bind(resolve("neighbourhood"), {"ordinal": "third"})


def test_a_declared_parameter_needs_its_values_block():
    with pytest.raises(QueryError, match="VALUES"):
        parse_named_query("# param: who string — someone\nSELECT * { ?s ?p ?who }", name="x", origin="x.rq")


def test_resolve_a_file_text_or_unknown_name(tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text("# title: Mine\nASK {}", encoding="utf-8")
    assert resolve(str(path)).title == "Mine"
    assert resolve("ASK { ?s ?p ?o }").name == "<inline>"
    with pytest.raises(QueryError, match="kg query --list"):
        resolve("no-such-query")
    with pytest.raises(QueryError, match="no such query file"):
        resolve(str(tmp_path / "missing.rq"))
    long_line = "SELECT * WHERE { ?s ?p ?o } # " + "x" * 300  # longer than a file name may be
    assert resolve(long_line).text == long_line


# --- running and limits ----------------------------------------------------------------------


def test_result_limit_is_a_clear_error(store):
    with pytest.raises(QueryError, match="more than 3 rows"):
        execute(store, "SELECT * { ?s ?p ?o }", max_results=3)
    assert len(execute(store, "SELECT * { ?s a ?o } LIMIT 3", max_results=3).rows) == 3


def test_service_is_refused_unless_allowed(store):
    query = "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with pytest.raises(QueryError, match="SERVICE calls .* disabled"):
        execute(store, query)
    with pytest.raises(QueryError, match="failed"):  # allowed: the engine itself tries (and port 9 is refused)
        execute(store, query, allow_service=True)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("select * { service <http://x/> { ?s ?p ?o } }", True),
        ("SELECT * { \\u0053ERVICE <http://x/> { ?s ?p ?o } }", True),
        ("SELECT * { ?s <http://x/SERVICE> 'SERVICE' } # SERVICE", False),
        ("PREFIX ex: <http://x/> SELECT ?SERVICE { ?SERVICE ex:SERVICE ?o }", False),
    ],
)
def test_service_detection(query, expected):
    assert read(query).has_service is expected


def test_updates_and_syntax_errors_are_query_errors(store):
    with pytest.raises(QueryError, match="read-only"):
        execute(store, "INSERT DATA { <http://a> <http://b> <http://c> }")
    with pytest.raises(QueryError, match="does not parse"):
        execute(store, "SELEC * {}")


def test_named_graphs_can_be_chosen(store):
    article = "https://zh.wikipedia.org/wiki/%E6%9C%9D%E9%9F%A9%E9%A6%96%E8%84%91%E4%BC%9A%E6%99%A4"
    from pyoxigraph import NamedNode

    only_article = execute(store, "ASK { ?d a <http://rdfs.org/ns/void#Dataset> }", default_graphs=[NamedNode(article)])
    assert only_article == Boolean(False)
    assert execute(store, "ASK { ?d a <http://rdfs.org/ns/void#Dataset> }") == Boolean(True)


# --- writing ---------------------------------------------------------------------------------


@pytest.mark.parametrize("result_format", list(ResultFormat))
def test_results_round_trip_through_every_format(store, result_format):
    result = run(store, "summits")
    written = write_results(result, result_format)
    if result_format is ResultFormat.CSV:  # lossy: pyoxigraph does not read it back
        assert len(written.decode("utf-8").splitlines()) == 6
        return
    parsed = parse_query_results(written, format=result_format.value)
    assert len(list(parsed)) == 5


@pytest.mark.parametrize("result_format", list(ResultFormat))
def test_an_answer_written_by_the_engine_is_what_write_results_gives(store, result_format):
    """kg query writes CSV, TSV and JSON with the engine, without a Python object per row: the
    same bytes, language tags as minted, for every named query (an ASK in CSV or TSV is not
    written so: it is printed as true or false)."""
    for query in named_queries():
        result = execute(store, query.text)
        if isinstance(result, Triples):
            assert not isinstance(execute(store, query.text, written_as=result_format), Written)
            continue
        written = execute(store, query.text, written_as=result_format)
        if isinstance(result, Boolean) and result_format in (ResultFormat.CSV, ResultFormat.TSV):
            assert written == result
            continue
        assert written == Written(write_results(result, result_format), result_format), query.name
    if result_format is not ResultFormat.CSV:  # CSV writes no language tags
        tagged = execute(store, resolve("labels").text, written_as=result_format).data
        assert b"zh-hant" not in tagged and b"zh-Hant" in tagged


def test_an_answer_written_past_its_deadline_is_a_timeout(store):
    with pytest.raises(QueryTimeout, match="still writing its answer"):
        execute(store, resolve("labels").text, written_as=ResultFormat.CSV, deadline=0.0)
    with pytest.raises(QueryError, match="more than 2 rows"):  # a row limit is counted row by row
        execute(store, resolve("labels").text, written_as=ResultFormat.CSV, max_results=2)


def test_ask_cannot_be_csv():
    with pytest.raises(QueryError, match="ASK"):
        write_results(Boolean(True), ResultFormat.CSV)
    assert json.loads(write_results(Boolean(True), ResultFormat.JSON)) == {"head": {}, "boolean": True}


def test_graph_output_is_deterministic_and_prefixed(store):
    result = run(store, "neighbourhood")
    turtle = write_graph(result, GraphFormat.TURTLE)
    assert turtle == write_graph(run(store, "neighbourhood"), GraphFormat.TURTLE)
    assert b"@prefix skg:" in turtle


def test_table_aligns_wide_characters():
    from pyoxigraph import Literal

    result = Solutions(("name", "n"), ((Literal("金正恩"), Literal("1")), (Literal("Kim", language="en"), None)))
    assert render_table(result).splitlines() == ["name    n", "------  -", "金正恩  1", "Kim@en", "(2 rows)"]


def test_a_table_drawn_from_the_json_answer_is_the_one_drawn_from_the_engines_terms(store):
    """A kept answer's table is drawn from the SPARQL JSON the engine wrote, not from terms read
    back: every kind of cell (our entities' escaped keys, prefixed and other IRIs, tagged, typed and
    plain literals, blank nodes, unbound) must come out as render_table draws it; an ASK answer is
    left to the engine."""
    from pyoxigraph import BlankNode, Literal, NamedNode

    from kg.query import printed_from, table_of_json

    cells = (NamedNode(ID + "person/%E9%A9%AC%E8%8B%B1%E4%B9%9D"), NamedNode(SKG + "Summit"),
             NamedNode("http://example.org/x"), Literal("金正恩", language="zh-hant-tw"), Literal("Kim", language="en"),
             Literal("3", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer")), Literal("ｘ"), BlankNode("b0"))
    result = Solutions(("a", "b"), tuple((cell, other) for cell in cells for other in (None, cells[3], cells[0])))
    written = write_results(result, ResultFormat.JSON)
    assert table_of_json(written) == render_table(result)
    for query in named_queries():
        asked = execute(store, query.text)
        if isinstance(asked, Solutions):
            answer = Written(write_results(asked, ResultFormat.JSON), ResultFormat.JSON)
            assert printed_from(answer, Output.TABLE) == render(asked, Output.TABLE), query.name
    assert table_of_json(write_results(Boolean(True), ResultFormat.JSON)) is None


def test_the_table_csv_and_tsv_printed_from_one_reading_are_the_engines_bytes(store):
    """A build prints each named query's table, CSV and TSV from one reading of the engine's JSON
    (``printed_each``), with each term's forms made once for all the queries: every output must be
    the bytes ``printed_from`` gives (the engine reading the JSON back and writing CSV and TSV),
    for every named query and for terms the writers treat apart (quotes, commas, escapes, control
    characters, numbers written bare or not, tags to mint, blank nodes, unbound); a term the engine
    might write otherwise is left to it, whatever answer it is in."""
    from pyoxigraph import BlankNode, Literal, NamedNode

    from kg.query import Cells, printed_each, printed_from

    xsd = "http://www.w3.org/2001/XMLSchema#"
    typed = [Literal(value, datatype=NamedNode(xsd + kind)) for kind, values in (
        ("integer", ("3", "-1", "+07", "1.0", "")), ("decimal", ("0.1", "-.5", "1.", "10")),
        ("boolean", ("true", "false", "1")), ("double", ("1e3",)), ("date", ("2018-04-27", 'x"y')),
        ("gYear", ("2018",))) for value in values]
    plain = [Literal(value) for value in ('say "hi"@en', "a,b", "line\nbreak\r\tx", "back\\slash",
                                          "ctrl\x01\x08\x0c\x7f", "", " 金正恩 ", "ｘ", "xml:lang")]
    tagged = [Literal("金正恩", language="zh-hant-tw"), Literal('a"b', language="zh-Hans"), Literal("Kim", language="en")]
    iris = [NamedNode(ID + "person/%E9%A9%AC%E8%8B%B1%E4%B9%9D"), NamedNode(SKG + "Summit"),
            NamedNode("http://example.org/a,b"), BlankNode("b0")]
    cells = (*typed, *plain, *tagged, *iris)
    outputs = list(Output)
    shared = Cells()
    left_to_the_engine = typed[12:13]  # a double
    for kept in (cells, [cell for cell in cells if cell not in left_to_the_engine]):
        result = Solutions(("a", "b"), tuple((cell, other) for cell in kept for other in (None, tagged[0], iris[0])))
        answer = Written(write_results(result, ResultFormat.JSON), ResultFormat.JSON)
        assert printed_each(answer, outputs, shared) == {output: printed_from(answer, output) for output in outputs}
    assert len(shared.known) >= len(cells) - len(left_to_the_engine)  # the second answer printed from one reading
    empty = Written(write_results(Solutions(("a", "b"), ()), ResultFormat.JSON), ResultFormat.JSON)
    assert printed_each(empty, outputs) == {output: printed_from(empty, output) for output in outputs}
    for query in named_queries():
        answer = execute(store, query.text, written_as=ResultFormat.JSON)
        assert printed_each(answer, outputs, shared) == {output: printed_from(answer, output) for output in outputs}, query.name


def test_a_cells_width_counts_each_wide_or_fullwidth_character_twice():
    """The table measures a cell by a table of each character's width read once per process; it
    must give what Unicode's East Asian Width says, character by character."""
    import random
    import unicodedata

    from kg.query import _width

    def expected(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(character) in "WF" else 1 for character in text)

    every = [chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000]
    chosen = random.Random(15)
    texts = ["", "abc", "金正恩", "Ｋｉｍ", "id:person/马英九", "\u3000x"] + [
        "".join(chosen.choice(every) for _ in range(chosen.randint(1, 12))) for _ in range(20_000)]
    assert [_width(text) for text in texts] == [expected(text) for text in texts]
    assert _width("".join(every)) == expected("".join(every))


def test_render_construct_as_n_triples_for_csv(store):
    assert render(run(store, "neighbourhood"), Output.CSV).endswith(b" .\n")


# --- the store -------------------------------------------------------------------------------


def test_missing_build_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    from kg.store import DEFAULT_DATA

    with pytest.raises(InputError, match="run `kg build` first"):
        load_store([DEFAULT_DATA])


def test_bad_rdf_and_unknown_extension_are_input_errors(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl: not valid Turtle"):
        load_store([bad])
    with pytest.raises(InputError, match="unknown RDF file extension"):
        load_store([tmp_path / "graph.xyz"])


# --- the command -----------------------------------------------------------------------------


def invoke(*args: str):
    from kg.cli import main

    return CliRunner().invoke(main, ["query", *args])


def test_cli_list_shows_every_named_query_and_its_parameters():
    result = invoke("--list")
    assert result.exit_code == 0, result.output
    for query in named_queries():
        assert f"{query.name}: {query.title}" in result.output
    assert "--param name=" in result.output


def test_cli_runs_a_named_query_with_a_parameter():
    result = invoke("summits-of-person", "--data", str(FIXTURE), "--param", "name=盧武鉉")
    assert result.exit_code == 0, result.output
    assert "2007-10-02" in result.output and "(1 rows)" in result.output


def test_cli_json_and_csv():
    result = invoke("summits", "--data", str(FIXTURE), "--format", "json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)["results"]["bindings"]) == 5
    result = invoke("summits", "--data", str(FIXTURE), "--format", "csv")
    assert result.output.splitlines()[0].startswith("start,end,ordinal,summit")
    assert result.stdout_bytes == write_results(run(load_store([FIXTURE]), "summits"), ResultFormat.CSV)


def test_cli_inline_sparql_and_ask():
    result = invoke("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/summit-kg/ontology#Summit> }", "--data", str(FIXTURE))
    assert result.exit_code == 0, result.output
    assert "5" in result.output.splitlines()[2]
    assert invoke("sanity", "--data", str(FIXTURE)).output == "true\n"


def test_cli_errors_are_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("summits")
    assert result.exit_code == 2, result.output
    assert "run `kg build` first" in result.output and "Traceback" not in result.output
    result = invoke("summits", "--data", str(FIXTURE), "--param", "lang")
    assert result.exit_code == 2 and "NAME=VALUE" in result.output
    result = invoke("summits", "--data", str(FIXTURE), "--param", "who=x")
    assert result.exit_code == 2 and "no parameter 'who'" in result.output


# --- the bundled article: what every named query answers on the real build -----------------

STARTS = ["2000-06-13", "2007-10-02", "2018-04-27", "2018-05-26", "2018-09-18"]


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    """The store of ``kg build`` on the bundled article (the facts are in seed-facts.md)."""
    from kg.cli import main

    out = tmp_path_factory.mktemp("build")
    result = CliRunner().invoke(main, ["build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return load_store([out / "kg.trig"])


def hant(store, query_name: str, **params: str) -> Solutions:
    return run(store, query_name, lang="zh-Hant", **params)


def test_bundled_summits(bundled):
    result = hant(bundled, "summits")
    assert column(result, "start") == STARTS
    assert column(result, "end") == ["2000-06-15", "2007-10-04", "2018-04-27", "2018-05-26", "2018-09-20"]
    people = [set(p.split(", ")) for p in column(result, "participants")]
    assert people == [{"金大中", "金正日"}, {"盧武鉉", "金正日"}] + [{"文在寅", "金正恩"}] * 3
    assert column(result, "venueLabel") == ["百花園國賓館", "百花園國賓館", "和平之家", "統一閣", "平壤"]
    assert column(result, "cityLabel") == ["平壤", "平壤", "板門店", "板門店", "平壤"]
    assert column(result, "ordinal") == ["1", "2", "3", "4", "5"]


def test_bundled_summits_of_person_in_either_script(bundled):
    for name in ("盧武鉉", "卢武铉"):
        assert column(hant(bundled, "summits-of-person", name=name), "start") == ["2007-10-02"]
    assert column(hant(bundled, "summits-of-person", name="金正日"), "start") == STARTS[:2]
    assert column(hant(bundled, "summits-of-person", name="文在寅"), "start") == STARTS[2:]


def test_bundled_who_met_whom(bundled):
    result = hant(bundled, "who-met-whom")
    pairs = {frozenset((a, b)): int(n) for a, b, n in zip(column(result, "aLabel"), column(result, "bLabel"), column(result, "times"))}
    assert pairs == {frozenset({"文在寅", "金正恩"}): 3, frozenset({"金大中", "金正日"}): 1, frozenset({"盧武鉉", "金正日"}): 1}


def test_bundled_summits_per_place(bundled):
    result = hant(bundled, "summits-per-place")
    counts = {label: (int(s), int(v)) for label, s, v in zip(column(result, "placeLabel"), column(result, "summits"), column(result, "asVenue"))}
    assert counts["平壤"] == (3, 1)
    assert counts["百花園國賓館"] == (2, 2)
    assert counts["板門店"] == (2, 0)
    assert counts["和平之家"] == (1, 1) and counts["統一閣"] == (1, 1)


def test_bundled_documents(bundled):
    result = hant(bundled, "documents")
    assert column(result, "start") == ["2000-06-13", "2007-10-02", "2018-04-27", "2018-09-18", "2018-09-18"]
    first = set(column(result, "otherNames")[0].split(" | "))
    assert {"南北共同宣言", "June 15th North-South Joint Declaration", "6·15 남북 공동선언"} <= first


def test_bundled_leaders_and_roles(bundled):
    result = run(bundled, "leaders-and-roles", lang="zh-Hans")
    roles: dict[tuple[str, str], set[str]] = {}
    for start, person, role in zip(column(result, "start"), column(result, "personLabel"), column(result, "roleLabel")):
        roles.setdefault((start, person), set()).add(role)
    assert set(roles) == {("2000-06-13", "金大中"), ("2000-06-13", "金正日"), ("2007-10-02", "卢武铉"), ("2007-10-02", "金正日")} | {
        (start, person) for start in STARTS[2:] for person in ("文在寅", "金正恩")
    }
    assert all(None not in held for held in roles.values()), roles  # everyone has a role at the time
    assert len(roles[("2000-06-13", "金正日")]) == 2  # General Secretary and NDC Chairman
    presidents = {r for (start, person), held in roles.items() if person in ("金大中", "卢武铉", "文在寅") for r in held}
    assert presidents and all("总统" in role for role in presidents), presidents  # President of South Korea
    sides: dict[str, set[str]] = {}
    for start, side in zip(column(result, "start"), column(result, "sideLabel")):
        sides.setdefault(start, set()).add(side)
    assert sides == {start: {"大韩民国", "朝鲜民主主义人民共和国"} for start in STARTS}


def test_bundled_gaps(bundled):
    assert column(hant(bundled, "gaps"), "months") == [None, "88", "126", "1", "4"]


def test_bundled_labels_by_script(bundled):
    traditional = set(column(run(bundled, "labels", lang="zh-Hant"), "label"))
    simplified = set(column(run(bundled, "labels", lang="zh-Hans"), "label"))
    assert {"盧武鉉", "板門店", "統一閣"} <= traditional and "卢武铉" not in traditional
    assert {"卢武铉", "板门店", "统一阁"} <= simplified and "盧武鉉" not in simplified


def test_bundled_wikidata_links_cover_every_core_entity(bundled):
    result = hant(bundled, "wikidata-links")
    assert set(column(result, "status")) <= {"linked", "unlinked"}
    assert column(result, "type").count(SKG + "Summit") == 5
    assert {"金大中", "金正日", "盧武鉉", "文在寅", "金正恩"} <= set(column(result, "label"))


def test_bundled_sources(bundled):
    result = hant(bundled, "sources")
    cited = {(s, u) for s, k, u in zip(column(result, "start"), column(result, "kind"), column(result, "url")) if k == "citation"}
    assert ("2018-05-26", "http://chinese.yonhapnews.co.kr/domestic/2018/05/26/0401000000ACK20180526000200881.HTML") in cited
    assert any(s == "2018-04-27" and "hk01.com" in u for s, u in cited)
    assert set(column(result, "start")) == set(STARTS)  # every summit names its article


def test_bundled_inferred(bundled):
    result = hant(bundled, "inferred")
    assert set(column(result, "method")) <= {"lead-paragraph", "section-administration", "citation-title", "leader-in-office", "earlier-role",
                                                "citation-date", "neighbouring-summits"}
    facts = set(zip(column(result, "predicate"), column(result, "objectLabel")))
    assert (SKG + "participant", "金正恩") in facts
    assert (SKG + "venue", "百花園國賓館") in facts


def test_bundled_neighbourhood(bundled):
    result = run(bundled, "neighbourhood", ordinal="3")
    labels = {t.object.value for t in result.triples if t.predicate.value.endswith("#label")}
    assert {"文在寅", "金正恩", "和平之家"} <= labels


def test_bundled_sanity(bundled):
    assert run(bundled, "sanity") == Boolean(True)
