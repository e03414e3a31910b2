"""One bad page never takes down a corpus: it is left out with one line saying why (issue 12);
one statement that contradicts another article's never takes down its page: it is withheld.

Exit codes of ``kg build``: 0 every page published whole, 1 published with pages left out
or statements withheld, 2 bad input or nothing publishable (and ``--strict`` with either).
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store
from rdflib import Graph, URIRef

from conftest import ARTICLES
from kg import pipeline, worker
from kg.cli import main
from kg.extract import extract
from kg.model import Page
from kg.validate import cross_article
from kg.vocab import SKG
from kg.wikitext import parse

GOOD = ("ma-xi-meeting", "us-dprk-summits")
MARK = "<!-- this page breaks the extractor -->"


def corpus(tmp_path: Path, *bad: tuple[str, bytes]) -> Path:
    """A directory of the good test articles (with their sidecars) and the ``bad`` files."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in GOOD:
        for path in ARTICLES.glob(f"{name}.*"):
            shutil.copy(path, folder / path.name)
    for name, data in bad:
        (folder / name).write_bytes(data)
    return folder


def article(text: str) -> bytes:
    """A small article that is fine until the extractor meets ``text`` in it."""
    return ("'''丙峰会'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 2001年 ==\n" + text + "\n").encode("utf-8")


def build(*arguments: str):
    return CliRunner().invoke(main, ["build", *arguments])


def titles(out: Path) -> set[str]:
    graph = Graph().parse(out / "kg.nt")
    return {str(graph.value(article, URIRef("http://purl.org/dc/terms/title")))
            for article in graph.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), SKG.SourceArticle)}


@pytest.fixture
def failing_extractor(monkeypatch):
    """The extractor raises, crashes the process or hangs on pages that carry a marker."""
    real = worker.extract

    def extract(document):
        text = document.page.text
        if "raise here" in text:
            raise KeyError("a bug the page revealed")
        if "crash here" in text:
            os.kill(os.getpid(), signal.SIGSEGV)
        if "hang here" in text:  # not even the per-page alarm can stop it: only a kill can
            signal.signal(signal.SIGALRM, signal.SIG_IGN)
            time.sleep(120)
        return real(document)

    monkeypatch.setattr(worker, "extract", extract)


def test_bad_pages_are_left_out_with_one_line_each_and_the_rest_published(tmp_path, failing_extractor):
    folder = corpus(tmp_path,
                    ("a-not-utf8.wiki", b"'''\xb3\xb3'''"),
                    ("b-raises.wiki", article("raise here " + MARK)),
                    ("c-crashes.wiki", article("crash here " + MARK)),
                    ("d-plain.wiki", "只是一句话。".encode("utf-8")))
    out = tmp_path / "out"
    result = build(str(folder), "--out", str(out), "--jobs", "2")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    left_out = [line for line in result.stderr.splitlines() if line.startswith("kg: left out ")]
    assert [line.split(":")[1].strip().removeprefix("left out ") for line in left_out] == [
        str(folder / name) for name in ("a-not-utf8.wiki", "b-raises.wiki", "c-crashes.wiki", "d-plain.wiki")]
    assert "is not UTF-8" in left_out[0]
    assert "KeyError" in left_out[1] and "extracting" in left_out[1]
    assert "worker process died" in left_out[2] and "SIGSEGV" in left_out[2]
    assert "no wikitext structure" in left_out[3]
    assert len((out / pipeline.QUARANTINE_NAME).read_text(encoding="utf-8").splitlines()) == 4
    assert titles(out) == {"馬習會", "美朝首腦會晤"}


def test_a_page_over_its_time_budget_is_left_out(tmp_path, failing_extractor):
    folder = corpus(tmp_path, ("slow.wiki", article("hang here " + MARK)))
    started = time.monotonic()
    result = build(str(folder), "--out", str(tmp_path / "out"), "--page-budget", "4", "--jobs", "1")
    assert result.exit_code == 1, result.output
    assert time.monotonic() - started < 60
    assert f"left out {folder / 'slow.wiki'}: took longer than" in result.output
    assert titles(tmp_path / "out") == {"馬習會", "美朝首腦會晤"}


def test_the_budget_stops_a_page_that_nests_too_deeply(tmp_path):
    """3,000 nested templates took 97 s to parse; the budget stops the page, the others publish."""
    folder = corpus(tmp_path, ("nested.wiki", article("{{a|" * 3000)))
    result = build(str(folder), "--out", str(tmp_path / "out"), "--page-budget", "3")
    assert result.exit_code in (0, 1), result.output  # 0 once parsing such nesting is linear
    assert titles(tmp_path / "out") >= {"馬習會", "美朝首腦會晤"}


def test_strict_publishes_nothing_when_a_page_is_left_out(tmp_path, failing_extractor):
    out = tmp_path / "out"
    assert build(str(ARTICLES / "ma-xi-meeting.wiki"), "--out", str(out)).exit_code == 0
    before = {name: (out / name).read_bytes() for name in ("kg.ttl", "kg.trig")}
    folder = corpus(tmp_path, ("raises.wiki", article("raise here " + MARK)))
    result = build(str(folder), "--out", str(out), "--strict")
    assert result.exit_code == 2, result.output
    assert "--strict" in result.output and "nothing was published" in result.output
    assert {name: (out / name).read_bytes() for name in before} == before
    assert "raises.wiki" in (out / pipeline.QUARANTINE_NAME).read_text(encoding="utf-8")


def test_a_clean_build_clears_the_account_of_an_earlier_one(tmp_path, failing_extractor):
    out = tmp_path / "out"
    folder = corpus(tmp_path, ("raises.wiki", article("raise here " + MARK)))
    assert build(str(folder), "--out", str(out)).exit_code == 1
    assert (out / pipeline.QUARANTINE_NAME).exists()
    assert build(str(ARTICLES / "ma-xi-meeting.wiki"), "--out", str(out)).exit_code == 0
    assert not (out / pipeline.QUARANTINE_NAME).exists()


def test_every_page_left_out_is_bad_input(tmp_path, failing_extractor):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "raises.wiki").write_bytes(article("raise here " + MARK))
    result = build(str(folder), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.output
    assert "raises.wiki" in result.stderr and not (tmp_path / "out").exists()


def test_a_citation_without_a_url_is_valid(tmp_path):
    """A book or a print newspaper cited by title is a citation, not a violation."""
    text = (ARTICLES / "us-dprk-summits.wiki").read_text(encoding="utf-8").replace(
        "舉行的會晤，", "舉行的會晤<ref>{{cite book|title=朝鮮半島的和平進程|publisher=人民出版社|date=2019-05-01}}</ref>，", 1)
    source = tmp_path / "book.wiki"
    source.write_text(text, encoding="utf-8")
    shutil.copy(ARTICLES / "us-dprk-summits.meta.json", tmp_path / "book.meta.json")
    built = pipeline.build([str(source)], out=tmp_path / "out")
    assert not built.quarantined and built.published, [q.reason for q in built.quarantined]
    graph = Graph().parse(tmp_path / "out" / "kg.nt")
    book = next(s for s, o in graph.subject_objects(SKG.title) if str(o) == "朝鮮半島的和平進程")
    assert (book, SKG.url, None) not in graph


def test_a_name_that_is_both_a_publisher_and_a_venue_costs_the_publisher_not_the_article(tmp_path):
    """首相官邸 publishes a cited page and is where two leaders meet: the text names it as a
    place, so the place stands as the venue and the citation is left without its publisher
    (a place cannot publish), with a note; the article, its summit and the rest are published.
    Before 50b047c the name settled as an organization and the venue was left out."""
    source = tmp_path / "venue.wiki"
    source.write_text(
        "'''甲乙会谈'''是[[甲国]]与[[乙国]]领导人的会谈。\n== 经过 ==\n"
        "2019年6月13日上午，甲国总统[[张三]]与乙国总理[[李四]]在首相官邸会谈，会后发表联合新闻公报"
        "<ref>{{cite web|url=https://example.org/a|title=会谈|publisher=首相官邸}}</ref>。\n",
        encoding="utf-8")
    built = pipeline.build([str(source)], out=tmp_path / "out")
    assert not built.quarantined and built.published, [q.reason for q in built.quarantined]
    graph = Graph().parse(tmp_path / "out" / "kg.nt")
    summit = next(graph.subjects(SKG.startDate, None))
    assert len(set(graph.objects(summit, SKG.participant))) == 2
    venues = set(graph.objects(summit, SKG.venue))
    assert len(venues) == 1 and all(str(venue).endswith(quote("首相官邸")) for venue in venues)
    assert not set(graph.subject_objects(SKG.publisher))
    extraction = extract(parse(Page(text=source.read_text(encoding="utf-8"), origin="venue.wiki")))
    assert any("left out 首相官邸 as a citation's publisher" in issue.message for issue in extraction.issues)


def test_build_page_says_why_and_never_raises():
    result = worker.build_page(Page(article("{{cite web|title=x}}").decode() + "[[Category:", origin="p.wiki",
                                    language="not a tag!"), worker.PageSettings())
    assert isinstance(result, worker.Quarantined) and result.origin == "p.wiki"
    assert "\n" not in result.reason and "minting" in result.reason


def test_pages_that_contradict_each_other_name_the_statements_that_clash():
    summit, series = NamedNode("https://w3id.org/summit-kg/id/summit/s1"), NamedNode("https://w3id.org/summit-kg/id/series/x")
    other = NamedNode("https://w3id.org/summit-kg/id/summit/s2")
    rdf_type, date = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), NamedNode(str(SKG.startDate))
    xsd_date = NamedNode("http://www.w3.org/2001/XMLSchema#date")
    first, second = NamedNode("https://zh.wikipedia.org/wiki/A"), NamedNode("https://zh.wikipedia.org/wiki/B")
    store = Store()
    store.add(Quad(summit, rdf_type, NamedNode(str(SKG.Summit)), first))
    store.add(Quad(summit, date, Literal("2000-06-13", datatype=xsd_date), first))
    store.add(Quad(summit, rdf_type, NamedNode(str(SKG.Summit)), second))
    store.add(Quad(summit, date, Literal("2000-06-14", datatype=xsd_date), second))
    assert [sorted(c.graphs) for c in cross_article(store)] == [[first.value, second.value]]
    assert "exactly one skg:startDate" in cross_article(store)[0].message
    assert [(s.graph, s.subject, s.property, s.value) for s in cross_article(store)[0].statements] == [
        (first.value, summit, date, Literal("2000-06-13", datatype=xsd_date)),
        (second.value, summit, date, Literal("2000-06-14", datatype=xsd_date))]  # each graph's value
    store.remove_graph(second)
    ordinal = NamedNode(str(SKG.ordinal))
    one = Literal("1", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    for graph, node in ((first, summit), (second, other)):  # one ordinal for two summits of a series
        store.add(Quad(node, rdf_type, NamedNode(str(SKG.Summit)), graph))
        store.add(Quad(node, NamedNode(str(SKG.inSeries)), series, graph))
        store.add(Quad(node, ordinal, one, graph))
    store.add(Quad(series, rdf_type, NamedNode(str(SKG.SummitSeries)), first))
    found = cross_article(store)
    assert found and all(c.graphs == {first.value, second.value} for c in found)
    assert all("ordinal" in c.message for c in found)
    assert sorted((s.graph, s.subject.value, s.value) for c in found for s in c.statements) == [
        (first.value, summit.value, one), (second.value, other.value, one)]  # each focus node's ordinal, where said


MEETING = "甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行"
ONE_DAY = "'''{}'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 经过 ==\n2019年6月13日至{}日，" + MEETING + "会晤。\n"


def two_last_days(folder: Path) -> Path:
    """Two articles on one summit (2019-06-13): its last day the 14th in a.wiki, the 15th in b.wiki."""
    folder.mkdir()
    (folder / "a.wiki").write_text(ONE_DAY.format("甲乙会晤", 14), encoding="utf-8")
    (folder / "b.wiki").write_text(ONE_DAY.format("张三访问乙国", 15), encoding="utf-8")
    return folder


def graphs(out: Path) -> dict[str, set[tuple[str, str, str]]]:
    """The triples of each article's named graph in ``out/kg.trig`` (N-Triples terms), by the article's title."""
    store = Store()
    store.load(path=str(out / "kg.trig"), format=RdfFormat.TRIG)
    found: dict[str, set[tuple[str, str, str]]] = {}
    for quad in store.quads_for_pattern(None, NamedNode("http://purl.org/dc/terms/title"), None):
        if quad.graph_name == quad.subject:
            found[quad.object.value] = {(str(q.subject), str(q.predicate), str(q.object))
                                        for q in store.quads_for_pattern(None, None, None, quad.subject)}
    return found


def withheld(out: Path) -> list[list[str]]:
    return [line.split("\t") for line in (out / pipeline.WITHHELD_NAME).read_text(encoding="utf-8").splitlines()]


SUMMIT = "<https://w3id.org/summit-kg/id/summit/{}-4871b628>"  # 张三 and 李四's meeting of that day


def test_two_last_days_for_one_summit_withhold_the_later_pages(tmp_path):
    folder, out = two_last_days(tmp_path / "corpus"), tmp_path / "out"
    result = build(str(folder), "--out", str(out), "--jobs", "1")
    assert result.exit_code == 1, result.output
    assert "withheld: 1 statement(s) of 1 page(s)" in result.stdout and "left out" not in result.output
    assert "published without 1 statement(s) of 1 page(s) withheld" in result.stderr
    summit, end = SUMMIT.format("2019-06-13"), f"<{SKG.endDate}>"
    day = '"2019-06-{}"^^<http://www.w3.org/2001/XMLSchema#date>'
    said = graphs(out)
    assert set(said) == {"甲乙会晤", "张三访问乙国"}  # both pages published
    assert (summit, end, day.format(14)) in said["甲乙会晤"]
    assert [(s, p, o) for s, p, o in said["张三访问乙国"] if (s, p) == (summit, end)] == []
    assert summit in {s for s, _, _ in said["张三访问乙国"]}  # the rest of what the page says of it stays
    assert withheld(out) == [[str(folder / "b.wiki"), summit, end, day.format(15),
                              f"contradicts {folder / 'a.wiki'}: {summit[1:-1]}: A summit needs exactly one "
                              "skg:endDate (its last day; equal to the start for a one-day summit)."]]
    assert not (out / pipeline.QUARANTINE_NAME).exists()
    assert build(str(folder / "a.wiki"), "--out", str(out)).exit_code == 0
    assert not (out / pipeline.WITHHELD_NAME).exists()  # a clean build clears the account


def test_strict_publishes_nothing_when_a_statement_is_withheld(tmp_path):
    folder, out = two_last_days(tmp_path / "corpus"), tmp_path / "out"
    assert build(str(folder / "a.wiki"), "--out", str(out)).exit_code == 0
    before = (out / "kg.trig").read_bytes()
    result = build(str(folder), "--out", str(out), "--strict")
    assert result.exit_code == 2, result.output
    assert "--strict: 1 statement(s) of 1 page(s) withheld, so nothing was published" in result.stderr
    assert (out / "kg.trig").read_bytes() == before
    assert len(withheld(out)) == 1


def test_two_summits_of_a_series_numbered_alike_withhold_the_later_pages_ordinal(tmp_path):
    """a.wiki numbers 2019-06-13 the third of its series; b.wiki puts 2019-06-13 in its own
    series with 2020-05-01, which it numbers the third too."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.wiki").write_text(
        "'''甲乙首脑会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n"
        f"== 2018年 ==\n2018年3月1日，{MEETING}第二次甲乙首脑会晤。\n"
        f"== 2019年 ==\n2019年6月13日，{MEETING}第三次甲乙首脑会晤。\n", encoding="utf-8")
    (folder / "b.wiki").write_text(
        "'''张三与李四的会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n"
        f"== 2019年 ==\n2019年6月13日，{MEETING}会晤。\n"
        f"== 2020年 ==\n2020年5月1日，{MEETING}第三次甲乙首脑会晤。\n", encoding="utf-8")
    built = pipeline.build([str(folder)], out=tmp_path / "out", jobs=1)
    assert built.published and not built.quarantined
    ordinal, third = f"<{SKG.ordinal}>", '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    first, later = SUMMIT.format("2019-06-13"), SUMMIT.format("2020-05-01")
    said = graphs(tmp_path / "out")
    assert (first, ordinal, third) in said["甲乙首脑会晤"]
    assert (later, ordinal, third) not in said["张三与李四的会晤"]
    assert (later, f"<{SKG.inSeries}>") in {(s, p) for s, p, _ in said["张三与李四的会晤"]}
    assert [(w.origin, w.subject, w.property, w.value) for w in built.withheld] == [
        (str(folder / "b.wiki"), later, ordinal, third)]
    assert built.withheld[0].reason.startswith(f"contradicts {folder / 'a.wiki'}: {later[1:-1]}: skg:ordinal 3 ")


USERS_SHAPE = '''
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix skg: <https://w3id.org/summit-kg/ontology#> .
<urn:mine:OneArticle> a sh:NodeShape ;
    sh:targetClass skg:Summit ;
    sh:message "A summit is told by one article." ;
    sh:sparql [ sh:select """
        SELECT $this WHERE { $this <http://www.w3.org/ns/prov#wasDerivedFrom> ?a, ?b . FILTER (?a != ?b) }
    """ ] .
'''


def test_a_users_sparql_conflict_that_tells_no_statement_leaves_the_later_page_out(tmp_path, monkeypatch):
    """A constraint of the user's that binds no ?path and ?value (a summit told by two articles)
    tells no statement to withhold: the later page is left out, as before."""
    from kg import validate

    shapes = tmp_path / "shapes"
    shapes.mkdir()
    shutil.copy(validate.default_shapes_dir() / "skg-shapes.ttl", shapes / "skg-shapes.ttl")
    (shapes / "mine.ttl").write_text(USERS_SHAPE, encoding="utf-8")
    monkeypatch.setattr(validate, "default_shapes_dir", lambda: shapes)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.wiki").write_text(ONE_DAY.format("甲乙会晤", 14), encoding="utf-8")
    (folder / "b.wiki").write_text(ONE_DAY.format("甲乙首脑会晤", 14), encoding="utf-8")  # they agree
    built = pipeline.build([str(folder)], out=tmp_path / "out", jobs=1)
    assert [(q.origin, q.reason) for q in built.quarantined] == [
        (str(folder / "b.wiki"), f"contradicts {folder / 'a.wiki'}: {SUMMIT.format('2019-06-13')[1:-1]}: "
                                 "A summit is told by one article.")]
    assert not built.withheld and not (tmp_path / "out" / pipeline.WITHHELD_NAME).exists()
    assert set(graphs(tmp_path / "out")) == {"甲乙会晤"}
