"""``kg validate``: wiring, messages and exit codes (0 conforms, 1 violations, 2 error)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH

from kg.cli import main
from kg.export import Format, serialize, read

DATA = Path(__file__).parent / "data" / "validate"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_a_conforming_file_exits_0_and_says_so() -> None:
    result = run("validate", str(DATA / "valid.ttl"))

    assert result.exit_code == 0, result.output
    assert result.output == "Conforms: 0 violations, 0 warnings, 0 infos on 0 nodes.\n"


def test_a_broken_graph_exits_1_with_a_report_a_person_understands() -> None:
    result = run("validate", str(DATA / "broken.ttl"))

    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        "Does not conform: 3 violations, 1 warning, 0 infos on 1 node.",
        "",
        "<https://w3id.org/summit-kg/id/summit/late> «倒序峰会»",
        "  Violation rdfs:label: Has no rdfs:label in Traditional Chinese (@zh-Hant).",
        "            from: section 二〇一八年, characters 10–30, “5月27日至26日，独自会晤。”, in https://zh.wikipedia.org/wiki/Broken",
        "  Violation skg:participant: A summit needs at least two skg:participant leaders.",
        "            from: section 二〇一八年, characters 10–30, “5月27日至26日，独自会晤。”, in https://zh.wikipedia.org/wiki/Broken",
        "  Violation skg:startDate: The summit ends before it starts: skg:startDate is after skg:endDate.",
        '            value: "2018-05-27"^^xsd:date',
        "            from: section 二〇一八年, characters 10–30, “5月27日至26日，独自会晤。”, in https://zh.wikipedia.org/wiki/Broken",
        "  Warning   skg:venue: No skg:venue: the source may not say where the summit was held; check the lead paragraph.",
        "            from: section 二〇一八年, characters 10–30, “5月27日至26日，独自会晤。”, in https://zh.wikipedia.org/wiki/Broken",
    ]
    assert result.stderr == f"kg: {DATA / 'broken.ttl'}: 3 violation(s); see the report above\n"


def test_report_writes_the_shacl_report_in_turtle(tmp_path: Path) -> None:
    report = tmp_path / "report.ttl"

    result = run("validate", str(DATA / "broken.ttl"), "--report", str(report))

    assert result.exit_code == 1, result.output
    graph = Graph().parse(report)
    (node,) = graph.subjects(RDF.type, SH.ValidationReport)
    assert graph.value(node, SH.conforms) == Literal(False)
    assert len(list(graph.objects(node, SH.result))) == 4


def test_files_are_validated_together_in_any_format(tmp_path: Path) -> None:
    graph = Graph().parse(DATA / "valid.ttl")
    triples = sorted(graph)
    first, second = Graph(), Graph()
    for index, triple in enumerate(triples):
        (first if index % 2 else second).add(triple)
    (tmp_path / "a.jsonld").write_bytes(first.serialize(format="json-ld", encoding="utf-8"))
    (tmp_path / "b.nt").write_bytes(second.serialize(format="nt", encoding="utf-8"))

    result = run("validate", str(tmp_path / "a.jsonld"), str(tmp_path / "b.nt"))

    assert result.exit_code == 0, result.output


def test_a_trig_build_output_validates(tmp_path: Path) -> None:
    path = tmp_path / "kg.trig"
    path.write_bytes(serialize(read(DATA / "valid.ttl"), Format.TRIG))

    result = run("validate", str(path))

    assert result.exit_code == 0, result.output


def test_a_file_that_does_not_parse_exits_2_with_one_line_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<https://a> <https://b> .\n", encoding="utf-8")

    result = run("validate", str(bad))

    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"kg: {bad}: not valid TURTLE (")
    assert result.output.count("\n") == 1
    assert "Traceback" not in result.output


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "nowhere.ttl"))

    assert result.exit_code == 2, result.output
    assert result.output == f"kg: {tmp_path / 'nowhere.ttl'}: no such file; give the path of a .ttl, .jsonld, .nt or .trig file\n"


def test_an_unknown_suffix_exits_2(tmp_path: Path) -> None:
    other = tmp_path / "kg.xml"
    shutil.copy(DATA / "valid.ttl", other)

    result = run("validate", str(other))

    assert result.exit_code == 2, result.output
    assert "unknown RDF file type '.xml'" in result.output


def test_a_missing_shapes_folder_exits_2(tmp_path: Path) -> None:
    result = run("validate", str(DATA / "valid.ttl"), "--shapes", str(tmp_path / "none"))

    assert result.exit_code == 2, result.output
    assert result.output == f"kg: shapes folder {tmp_path / 'none'} does not exist; pass --shapes DIR with the .ttl shapes\n"


def test_an_unwritable_report_exits_2(tmp_path: Path) -> None:
    result = run("validate", str(DATA / "valid.ttl"), "--report", str(tmp_path / "no" / "dir" / "r.ttl"))

    assert result.exit_code == 2, result.output
    assert "cannot write it" in result.output
