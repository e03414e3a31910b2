"""The w3id.org redirect rules (w3id/summit-kg/.htaccess) lead every IRI we mint to a page of the server.

The rules are read from the file and applied as Apache's mod_rewrite would in the
``summit-kg/`` folder (the path after it, matched in order, ``$1`` substituted, the query
string kept); the redirect's target on the placeholder host is then asked of a running
``kg serve``.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pyoxigraph import NamedNode

from kg.server.app import App, running
from kg.server.settings import Settings
from kg.store import load_store

ROOT = Path(__file__).parent.parent
HTACCESS = ROOT / "w3id" / "summit-kg" / ".htaccess"
FIXTURE = Path(__file__).parent / "data" / "query" / "fixture.trig"
W3ID = "https://w3id.org/summit-kg/"
PLACEHOLDER = "https://summit-kg.example.org"


def rules() -> list[tuple[re.Pattern, str, str]]:
    found = []
    for line in HTACCESS.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and parts[0] == "RewriteRule":
            found.append((re.compile(parts[1]), parts[2], parts[3]))
    return found


def redirect(iri: str) -> tuple[str, int]:
    """Where w3id.org sends ``iri``, and with which status."""
    parts = urlsplit(iri)
    assert iri.startswith(W3ID)
    path = parts.path[len(urlsplit(W3ID).path):]
    for pattern, target, flags in rules():
        match = pattern.match(path)
        if match:
            location = re.sub(r"\$(\d)", lambda m: match[int(m[1])] or "", target)
            status = int(re.search(r"R=(\d+)", flags)[1])
            return location + (f"?{parts.query}" if parts.query else ""), status
    raise AssertionError(f"no rule of {HTACCESS} matches {iri}")


@pytest.fixture(scope="module")
def server():
    app = App(Settings(port=0), data=(FIXTURE,))
    with running(app) as url:
        yield url
    app.close()


def get(url: str, accept: str) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_every_rule_is_permanent_in_form_and_points_at_the_server():
    assert len(rules()) >= 9
    for _, target, flags in rules():
        assert target.startswith(PLACEHOLDER + "/") and "L" in flags and re.search(r"R=30[2378]", flags)


def minted_iris() -> list[str]:
    store = load_store([FIXTURE])
    iris = set()
    for quad in store:
        for term in (quad.subject, quad.predicate, quad.object):
            if isinstance(term, NamedNode) and term.value.startswith(W3ID):
                iris.add(term.value.split("#")[0])  # the client keeps the fragment
    return sorted(iris)


def test_every_w3id_iri_in_the_data_reaches_the_server(server):
    iris = minted_iris()
    assert any("/id/person/" in iri for iri in iris) and W3ID + "ontology" in iris
    for iri in iris:
        location, status = redirect(iri)
        assert status in (302, 303)
        assert get(server + location[len(PLACEHOLDER):], "text/turtle") == 200, (iri, location)


@pytest.mark.parametrize(
    "path, accept, media_type",
    [("ontology", "text/turtle", "text/turtle"), ("ontology", "text/html", "text/html"),
     ("contexts/skg.jsonld", "*/*", "application/ld+json"), ("shapes", "*/*", "text/turtle"),
     ("void", "application/ld+json", "application/ld+json"), (".well-known/void", "text/turtle", "text/turtle"),
     ("data/fixture.trig", "*/*", "application/trig"), ("sparql?query=ASK%7B%7D", "*/*", "application/sparql-results+json"),
     ("", "text/html", "text/html"), ("timeline", "text/html", "text/html"), ("network", "text/html", "text/html")],
)
def test_each_published_path_redirects_to_what_the_server_serves(server, path, accept, media_type):
    location, _ = redirect(W3ID + path)
    request = urllib.request.Request(server + location[len(PLACEHOLDER):], headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.headers["Content-Type"].startswith(media_type)


def test_every_w3id_iri_the_server_and_the_build_write_about_a_build_reaches_it(bundled_build):
    _, out = bundled_build
    app = App(Settings(port=0), data=(out / "kg.trig",))
    try:
        with running(app) as url:
            with urllib.request.urlopen(urllib.request.Request(url + "/void", headers={"Accept": "application/n-triples"}), timeout=60) as answer:
                void = answer.read().decode()
            store = load_store([out / "kg.trig"])
            built = (out / "void.ttl").read_text(encoding="utf-8")  # the build's own: its dumps and the context
            assert "https://w3id.org/summit-kg/data/kg.ttl" in built and "https://w3id.org/summit-kg/contexts/" in built
            iris = set(re.findall(r"<(https://w3id\.org/summit-kg/[^>#]*)", void + built))
            iris |= {q.subject.value for q in store if isinstance(q.subject, NamedNode) and q.subject.value.startswith(W3ID)}
            assert len(iris) > 50
            for iri in sorted(iris):
                location, _ = redirect(iri)
                assert get(url + location[len(PLACEHOLDER):], "text/turtle") == 200, (iri, location)
    finally:
        app.close()
