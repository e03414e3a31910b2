"""kg build end to end: what it publishes, that it is byte-stable, and that it refuses what does not validate."""

from __future__ import annotations


from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from conftest import ARTICLES, CORPUS_ARTICLE, jsonld_graph
from kg import pipeline
from kg.cli import main
from kg.vocab import SKG

OUTPUTS = ("kg.ttl", "kg.jsonld", "kg.nt", "kg.trig", "context.jsonld", "void.ttl")


def test_build_publishes_every_file_and_the_counts(bundled_build):
    build, out = bundled_build
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(OUTPUTS)
    assert build.report is not None and build.report.conforms
    counts = {c.what: (c.read, c.used) for c in build.counts()}
    assert counts["wikilinks"] == (48, counts["wikilinks"][1]) and counts["wikilinks"][1] >= 35
    assert counts["refs"] == (4, 4) and counts["categories"] == (2, 2)
    assert build.triples == len(Graph().parse(out / "kg.nt"))


def test_two_builds_are_byte_identical(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    pipeline.build([str(CORPUS_ARTICLE)], out=first)
    pipeline.build([str(CORPUS_ARTICLE)], out=second)
    for name in OUTPUTS:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_each_article_gets_its_own_named_graph(tmp_path):
    build = pipeline.build([str(ARTICLES)], out=tmp_path / "out")
    names = {g.value for g in build.store.named_graphs()}
    assert len(build.extractions) == 4
    assert {str(pipeline.rdf.article_of(e)) for e in build.extractions} <= names


def test_a_graph_that_does_not_validate_is_not_published(tmp_path, monkeypatch):
    out = tmp_path / "build"
    pipeline.build([str(CORPUS_ARTICLE)], out=out)
    before = {name: (out / name).read_bytes() for name in OUTPUTS}

    real = pipeline.rdf.page_triples

    def broken(extraction, *, minter):  # a summit that ends before it starts
        triples = real(extraction, minter=minter)
        summit = next(s for s, p, _ in triples if p == SKG.ordinal)
        for ended in [t for t in triples if t[0] == summit and t[1] == SKG.endDate]:
            triples.remove(ended)
        triples.add((summit, SKG.endDate, pipeline.rdf.Literal("1999-01-01", datatype=pipeline.rdf.XSD.date)))
        return triples

    monkeypatch.setattr(pipeline.rdf, "page_triples", broken)
    result = CliRunner().invoke(main, ["build", str(CORPUS_ARTICLE), "--out", str(out)])
    assert result.exit_code == 2, result.output  # its only page left out: nothing publishable
    assert "does not conform" in result.output and "SHACL report" in result.output
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before
    report = Graph().parse(out / pipeline.REPORT_NAME)
    assert (None, URIRef("http://www.w3.org/ns/shacl#conforms"), None) in report


def test_no_validate_says_so_loudly(tmp_path):
    result = CliRunner().invoke(main, ["build", str(CORPUS_ARTICLE), "--out", str(tmp_path / "o"), "--no-validate"])
    assert result.exit_code == 0, result.output
    assert "WITHOUT SHACL validation" in result.output
    assert "validation:" not in result.output


def test_build_summary_says_what_was_read_and_where_the_files_are(tmp_path):
    out = tmp_path / "o"
    result = CliRunner().invoke(main, ["build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "朝韩首脑会晤" in result.output and "5 summit" in result.output
    assert "triples:" in result.output and str(out / "kg.ttl") in result.output
    assert "kg query" in result.output


def test_the_formats_hold_the_same_graph(bundled_build):
    _, out = bundled_build
    turtle = Graph().parse(out / "kg.ttl")
    assert isomorphic(turtle, Graph().parse(out / "kg.nt"))
    assert isomorphic(turtle, jsonld_graph(out / "kg.jsonld"))


def test_kg_extract_prints_the_summits_and_issues():
    result = CliRunner().invoke(main, ["extract", str(ARTICLES / "us-dprk-summits.wiki")])
    assert result.exit_code == 0, result.output
    assert "Summits: 3" in result.output and "2019-02-27 – 2019-02-28" in result.output
    assert "Issues:" in result.output


def test_plain_text_without_wikitext_structure_is_refused(tmp_path):
    plain = tmp_path / "plain.wiki"
    plain.write_text("这只是一段普通的文字，没有任何维基标记。", encoding="utf-8")
    out = tmp_path / "o"
    result = CliRunner().invoke(main, ["build", str(plain), "--out", str(out)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "no wikitext structure" in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_the_same_article_twice_is_refused(tmp_path):
    copy = tmp_path / "copy.wiki"
    copy.write_bytes(CORPUS_ARTICLE.read_bytes())
    result = CliRunner().invoke(main, ["build", str(CORPUS_ARTICLE), str(copy), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and "already read" in result.output  # the copy is left out
    assert f"left out {copy}" in result.output and (tmp_path / "o" / "kg.ttl").is_file()


def test_articles_that_share_entities_build_one_graph_that_conforms(tmp_path):
    """金正恩, 板門店, the states... named by several articles: one node, one label per language."""
    first = pipeline.build([str(CORPUS_ARTICLE), str(ARTICLES)], out=tmp_path / "a")
    assert first.report.conforms, first.report.to_text()
    second = pipeline.build([str(ARTICLES), str(CORPUS_ARTICLE)], out=tmp_path / "b")
    assert second.report.conforms, second.report.to_text()
    for name in OUTPUTS:  # the order the articles are given in changes nothing
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    union = Graph().parse(tmp_path / "a" / "kg.nt")
    kim = [s for s, _, o in union.triples((None, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), None))
           if str(o) == "金正恩"]
    assert len(set(kim)) == 1


def test_a_literal_a_page_wrote_before_is_reused_only_for_the_same_value_of_the_same_type_datatype_and_language():
    """A page's writer keeps the literals it made (kg.rdf._literal): one asked again must be the
    literal rdflib would make, never one made for an equal value of another type (1 and True,
    a date and a datetime), another datatype or another language."""
    from datetime import date, datetime

    from rdflib import Literal
    from rdflib.namespace import XSD

    from kg.rdf import _literal

    asked = [("1", None, None), (1, XSD.integer, None), (True, XSD.integer, None), (1, XSD.gYear, None),
             ("1", None, "zh-Hans"), ("1", None, "zh-Hant"), (date(2020, 1, 2), XSD.date, None),
             (datetime(2020, 1, 2), XSD.date, None), ("2020", XSD.gYear, None)]
    for _ in range(2):  # made, then read back
        for value, datatype, language in asked:
            made = _literal(value, datatype, language=language)
            fresh = Literal(value, datatype=datatype, lang=language)
            assert (made.n3(), type(made.value)) == (fresh.n3(), type(fresh.value)), (value, datatype, language)
