"""Apache Jena's ``rsparql`` (Debian's libapache-jena-java, set up by scripts/ensure-jena) against ``kg serve``.

Jena asks with its own Accept headers (``application/sparql-results+xml, */*;q=0.1`` and
the like), parses what it gets strictly, and fails loudly on an HTML page.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kg.server.app import App, running
from kg.server.settings import Settings

ROOT = Path(__file__).parent.parent
CLASSPATH = ROOT / ".jena" / "classpath"
FIXTURE = Path(__file__).parent / "data" / "query" / "fixture.trig"
SKG = "https://w3id.org/summit-kg/ontology#"
ROH = "https://w3id.org/summit-kg/id/person/%E5%8D%A2%E6%AD%A6%E9%93%89"

pytestmark = pytest.mark.skipif(
    not CLASSPATH.is_file() or shutil.which("java") is None,
    reason="Jena is not set up: run `make test` (scripts/ensure-jena installs libapache-jena-java as root)",
)


@pytest.fixture(scope="module")
def endpoint():
    app = App(Settings(port=0), data=(FIXTURE,))
    with running(app) as url:
        yield url + "/sparql"
    app.close()


def rsparql(endpoint: str, query: str, *extra: str) -> str:
    command = ["java", "-cp", CLASSPATH.read_text().strip(), "arq.rsparql", "--service", endpoint, "--query=/dev/stdin", *extra]
    done = subprocess.run(command, input=query, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_select(endpoint):
    out = rsparql(endpoint, f"SELECT ?s WHERE {{ ?s a <{SKG}Summit> }} ORDER BY ?s", "--results=TSV")
    assert out.splitlines()[0] == "?s"
    assert sorted(out.splitlines()[1:]) == [f"<https://w3id.org/summit-kg/id/summit/s{n}>" for n in range(1, 6)]


def test_ask(endpoint):
    assert rsparql(endpoint, "ASK { ?s ?p ?o }").strip() == "Ask => Yes"
    assert rsparql(endpoint, "ASK { <urn:x:none> ?p ?o }").strip() == "Ask => No"


def test_construct(endpoint):
    out = rsparql(endpoint, f"CONSTRUCT {{ ?s a <{SKG}Summit> }} WHERE {{ ?s a <{SKG}Summit> }}", "--results=NT")
    assert len([line for line in out.splitlines() if line.endswith(f"<{SKG}Summit> .")]) == 5


def test_describe(endpoint):
    out = rsparql(endpoint, f"DESCRIBE <{ROH}>", "--results=NT")
    lines = out.splitlines()
    label = f"<{ROH}> <http://www.w3.org/2000/01/rdf-schema#label> \"盧武鉉\"@zh-Hant ."  # the tag as minted
    assert label in lines
    assert not any("<!DOCTYPE" in line for line in lines)
