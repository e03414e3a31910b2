"""``kg export``: wiring, output and exit codes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from conftest import jsonld_graph
from kg.cli import main

DATA = Path(__file__).parent / "data" / "validate"


def test_export_to_standard_output() -> None:
    result = CliRunner().invoke(main, ["export", str(DATA / "valid.ttl"), "--format", "nt"])

    assert result.exit_code == 0, result.output
    assert isomorphic(Graph().parse(data=result.stdout_bytes, format="nt"), Graph().parse(DATA / "valid.ttl"))


def test_export_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "kg.jsonld"

    result = CliRunner().invoke(main, ["export", str(DATA / "valid.ttl"), "--format", "jsonld", "--out", str(out)])

    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert isomorphic(jsonld_graph(out), Graph().parse(DATA / "valid.ttl"))


def test_an_unknown_format_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["export", str(DATA / "valid.ttl"), "--format", "rdfxml"])

    assert result.exit_code == 2, result.output
    assert "'rdfxml' is not one of 'ttl', 'jsonld', 'nt', 'trig'" in result.output


def test_a_missing_input_exits_2_with_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", str(tmp_path / "x.ttl"), "--format", "nt"])

    assert result.exit_code == 2, result.output
    assert result.output == f"kg: {tmp_path / 'x.ttl'}: no such file; give the path of a .ttl, .jsonld, .nt or .trig file\n"
