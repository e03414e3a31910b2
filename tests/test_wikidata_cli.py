"""``kg link`` and ``kg wikidata-diff``: wiring, messages and exit codes."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL

from fixtures.wikidata.graphs import SOURCE, linked_graph, small_graph
from fixtures.wikidata.server import serve, silent_server
from kg.cli import main
from kg.vocab import WD

HELD = Path(__file__).parent / "fixtures" / "wikidata" / "statements.ttl"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    with serve(tmp_path_factory.mktemp("store"), HELD) as url:
        yield url


def build_file(tmp_path: Path, graph: Graph) -> Path:
    dataset = Dataset()
    named = dataset.graph(SOURCE)
    for triple in graph:
        named.add(triple)
    path = tmp_path / "kg.trig"
    dataset.serialize(path, format="trig")
    return path


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def link_args(tmp_path: Path, url: str, *extra: str) -> list[str]:
    return ["link", "--data", str(build_file(tmp_path, small_graph())), "--endpoint", url,
            "--out", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache"), "--pause", "0", *extra]


def test_link_writes_links_and_review_and_summarises(endpoint, tmp_path):
    result = run(*link_args(tmp_path, endpoint))
    assert result.exit_code == 0, result.output
    assert "linked 3 (alias 1, sitelink 2)" in result.output
    assert "for review 1 (1 candidates)" in result.output
    assert "unlinked 2 (no candidate at all)" in result.output
    links = Graph().parse(tmp_path / "out" / "links.ttl", format="turtle")
    assert (URIRef("https://w3id.org/summit-kg/id/person/Kim_Jong-il"), OWL.sameAs, WD.Q10665) in links
    review = list(csv.DictReader(io.StringIO((tmp_path / "out" / "review.csv").read_text(encoding="utf-8"))))
    assert [row["qid"] for row in review] == ["Q18808", "", ""]


def test_link_offline_second_run_gives_the_same_files(endpoint, tmp_path):
    assert run(*link_args(tmp_path, endpoint)).exit_code == 0
    first = (tmp_path / "out" / "links.ttl").read_bytes(), (tmp_path / "out" / "review.csv").read_bytes()
    result = run(*link_args(tmp_path, endpoint, "--offline"))
    assert result.exit_code == 0, result.output
    assert "queries: 0 asked" in result.output
    assert ((tmp_path / "out" / "links.ttl").read_bytes(), (tmp_path / "out" / "review.csv").read_bytes()) == first


def test_link_with_endpoint_down_fails_in_one_line_and_keeps_the_last_links(endpoint, tmp_path):
    assert run(*link_args(tmp_path, endpoint)).exit_code == 0
    before = (tmp_path / "out" / "links.ttl").read_bytes()
    with silent_server() as url:
        down = url
    result = run(*link_args(tmp_path, down, "--tries", "2"))
    assert result.exit_code == 2, result.output
    assert result.output.startswith("kg: Wikidata endpoint http://127.0.0.1:") and "unreachable" in result.output
    assert "after 2 tries; try again later, or use --offline with the cache" in result.output
    assert "Traceback" not in result.output and result.output.count("\n") == 1
    assert (tmp_path / "out" / "links.ttl").read_bytes() == before


def test_link_accept_turns_a_reviewed_row_into_a_link(endpoint, tmp_path):
    assert run(*link_args(tmp_path, endpoint)).exit_code == 0
    review = tmp_path / "out" / "review.csv"
    rows = list(csv.DictReader(io.StringIO(review.read_text(encoding="utf-8"))))
    rows[1]["qid"], rows[1]["accept"] = "Q7", "yes"
    with review.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = run(*link_args(tmp_path, endpoint, "--accept", str(review)))
    assert result.exit_code == 0, result.output
    assert "linked 4 (alias 1, review 1, sitelink 2)" in result.output
    links = Graph().parse(tmp_path / "out" / "links.ttl", format="turtle")
    assert (URIRef(rows[1]["entity"]), OWL.sameAs, WD.Q7) in links
    rewritten = list(csv.DictReader(io.StringIO(review.read_text(encoding="utf-8"))))
    assert [(r["qid"], r["accept"]) for r in rewritten if r["entity"] == rows[1]["entity"]] == [("Q7", "yes")]
    again = run(*link_args(tmp_path, endpoint, "--accept", str(review)))  # the decision survives the rewrite
    assert again.exit_code == 0, again.output
    assert "linked 4 (alias 1, review 1, sitelink 2)" in again.output


def test_link_without_a_build_says_what_to_do(tmp_path):
    result = run("link", "--data", str(tmp_path / "none.trig"), "--offline", "--cache-dir", str(tmp_path))
    assert result.exit_code == 2
    assert "none.trig: no such build file; run `kg build`" in result.output


def test_wikidata_diff_writes_quickstatements_and_conflicts(endpoint, tmp_path):
    graph = linked_graph()
    links = tmp_path / "links.ttl"
    Graph().serialize(links, format="turtle")
    out, conflicts = tmp_path / "qs.txt", tmp_path / "conflicts.csv"
    result = run("wikidata-diff", "--data", str(build_file(tmp_path, graph)), "--links", str(links), "--endpoint", endpoint,
                 "--cache-dir", str(tmp_path / "cache"), "--out", str(out), "--conflicts", str(conflicts), "--retrieved", "2026-11-26")
    assert result.exit_code == 0, result.output
    assert "lacking 4 statements, already on Wikidata 2, conflicts 1" in result.output
    assert "Q999999001\tP710\tQ21001\tS4656\t" in out.read_text(encoding="utf-8")
    assert conflicts.read_text(encoding="utf-8").splitlines()[1].startswith("Q18808,P17,Q423,Q884,")
