"""End to end in headless Chromium: the index lists the summits, a summit page links its people.

Chromium comes from Debian (``scripts/ensure-chromium``, run by ``make test``); without it
these tests are skipped and say why.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest

from kg.server import App, Settings, running

DATA = Path(__file__).parent / "data" / "query"
FILES = (DATA / "fixture.trig", DATA / "hostile.ttl")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on PATH; run `sh scripts/ensure-chromium` (Debian, as root) to install it"
)


@pytest.fixture(scope="module")
def site():
    application = App(Settings(port=0, query_timeout=5.0), data=FILES)
    try:
        with running(application) as url:
            yield url
    finally:
        application.close()


def dom(url: str, tmp_path: Path, *, language: str = "zh-CN") -> str:
    """The DOM Chromium builds for ``url``, after scripts ran."""
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", f"--lang={language}", "--dump-dom", url,
    ]
    done = subprocess.run(command, capture_output=True, timeout=90)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return done.stdout.decode("utf-8")


def test_index_lists_the_five_summits(site, tmp_path):
    page = dom(site + "/", tmp_path)
    rows = re.findall(r'<tr class="summit">(.*?)</tr>', page, re.DOTALL)
    assert len(rows) == 5
    assert "2000年朝韩首脑会晤" in rows[0] and "2018年9月朝韩首脑会晤" in rows[4]


def test_a_summit_page_links_its_participants(site, tmp_path):
    index = dom(site + "/", tmp_path)
    first_summit = re.search(r'<tr class="summit"><td>[^<]*</td><td><a href="([^"]+)"', index)[1]
    page = dom(site + first_summit.replace("&amp;", "&"), tmp_path)
    participants = re.findall(r'<a href="(/id/person/[^"?]+)[^"]*">([^<]+)</a>', page)
    assert {name for _, name in participants} >= {"金大中", "金正日"}
    person = dom(site + participants[0][0], tmp_path)
    assert "<h1>" in person and "prov:wasDerivedFrom" in person


def test_the_query_page_runs_a_query(site, tmp_path):
    query = "SELECT ?summit WHERE { ?summit a <https://w3id.org/summit-kg/ontology#Summit> } ORDER BY ?summit"
    page = dom(f"{site}/sparql?format=html&query={quote(query)}", tmp_path)
    table = re.search(r'<table id="results">(.*?)</table>', page, re.DOTALL)[1]
    assert table.count("<tr><td>") == 5


def test_hostile_labels_stay_text_in_the_browser(site, tmp_path):
    page = dom(site + "/id/person/mallory", tmp_path)
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
