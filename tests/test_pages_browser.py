"""End to end in headless Chromium on the bundled article's build: the index lists the five
summits, a summit page links its participants.

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
from click.testing import CliRunner

from kg.server.app import App, running
from kg.server.settings import Settings

HOSTILE = Path(__file__).parent / "data" / "query" / "hostile.ttl"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on PATH; run `sh scripts/ensure-chromium` (Debian, as root) to install it"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from kg.cli import main

    out = tmp_path_factory.mktemp("build")
    built = CliRunner().invoke(main, ["build", "--out", str(out)])
    assert built.exit_code == 0, built.output
    application = App(Settings(port=0, query_timeout=5.0), data=(out / "kg.trig", HOSTILE))
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
    assert [row.split("</td>")[0] for row in rows] == [
        "<td>2000-06-13 – 2000-06-15", "<td>2007-10-02 – 2007-10-04", "<td>2018-04-27", "<td>2018-05-26", "<td>2018-09-18 – 2018-09-20"
    ]
    assert "卢武铉" in rows[1] and "百花园国宾馆" in rows[1]


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


CJK_FONTS = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout.strip() if shutil.which("fc-list") else ""


def screenshot(url: str, path: Path, profile: Path) -> bytes:
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", "--window-size=1100,1500", f"--screenshot={path}", url,
    ]
    done = subprocess.run(command, capture_output=True, timeout=120)
    assert done.returncode == 0 and path.is_file(), done.stderr.decode(errors="replace")[-2000:]
    return path.read_bytes()


@pytest.mark.skipif(not CJK_FONTS, reason="no CJK font: run `sh scripts/ensure-chromium` (installs fonts-noto-cjk, as root)")
def test_screenshots_of_the_pages_people_read(site, tmp_path):
    """Index, a summit, a person, the timeline and the network, as Chromium draws them.

    Set KG_SCREENSHOTS=DIR to keep the pictures (they are looked at, not compared).
    """
    import os
    import struct

    keep = Path(os.environ.get("KG_SCREENSHOTS") or tmp_path)
    keep.mkdir(parents=True, exist_ok=True)
    index = dom(site + "/", tmp_path)
    summit = re.findall(r'<tr class="summit"><td>[^<]*</td><td><a href="([^"?]+)', index)[2]  # 2018-04-27: quotes with citations
    person = re.search(r'<a href="(/id/person/[^"?]+)', index)[1]
    pages = {"index": "/?lang=zh-Hans", "summit": summit + "?lang=zh-Hans", "person": person + "?lang=zh-Hant",
             "timeline": "/timeline?lang=en", "network": "/network?lang=zh-Hans"}
    for name, path in pages.items():
        png = screenshot(site + path, keep / f"{name}.png", tmp_path / "profile")
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", png[16:24])
        assert (width, height) == (1100, 1500) and len(png) > 20_000, name  # a drawn page, not a blank one
