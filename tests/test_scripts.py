"""kg.extract.scripts: the merged copy of OpenCC's s2tw converts as OpenCC's own does, and is
used only while it was made from the dictionaries installed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import opencc
import pytest

from kg import scripts  # the module itself: kg.extract.scripts re-exports what the extraction uses

REPOSITORY = Path(__file__).resolve().parent.parent
MERGED = REPOSITORY / "kg" / "data" / "opencc"


@pytest.fixture
def fresh_converters():
    """The converters and conversions opened again around the test (they are kept per process)."""
    for cached in (scripts._s2tw, scripts._t2s, scripts.to_hant, scripts.to_hans):
        cached.cache_clear()
    yield
    for cached in (scripts._s2tw, scripts._t2s, scripts.to_hant, scripts.to_hans):
        cached.cache_clear()


def test_the_merged_copy_was_made_from_the_installed_opencc():
    made_from = json.loads((MERGED / "made-from.json").read_text(encoding="utf-8"))
    if made_from["opencc"] != opencc.__version__:
        pytest.skip(f"OpenCC {opencc.__version__} is installed, the copy was made from {made_from['opencc']}: "
                    "kg uses OpenCC's own s2tw (slower to open); run scripts/make-opencc-s2tw")
    assert scripts._merged_is_current(), "same OpenCC version, other dictionaries: run scripts/make-opencc-s2tw"


def test_to_hant_converts_every_line_of_the_articles_as_opencc_s2tw(fresh_converters):
    theirs = opencc.OpenCC("s2tw")
    pages = sorted(REPOSITORY.glob("corpus/*.wiki")) + sorted(REPOSITORY.glob("tests/data/**/*.wiki"))
    lines = {line for page in pages for line in page.read_text(encoding="utf-8", errors="replace").splitlines()}
    assert len(lines) > 1000
    assert [line for line in sorted(lines) if scripts.to_hant(line) != theirs.convert(line)] == []


def test_a_copy_made_from_other_dictionaries_is_not_used(tmp_path, monkeypatch, fresh_converters):
    stale = tmp_path / "opencc"
    shutil.copytree(MERGED, stale)
    made_from = json.loads((stale / "made-from.json").read_text(encoding="utf-8"))
    made_from["sha256"]["STPhrases.ocd2"] = "0" * 64
    (stale / "made-from.json").write_text(json.dumps(made_from), encoding="utf-8")
    opened, original = [], opencc.OpenCC
    monkeypatch.setattr(scripts, "_MERGED", stale)
    monkeypatch.setattr(opencc, "OpenCC", lambda config: opened.append(config) or original(config))
    assert not scripts._merged_is_current()
    assert scripts.to_hant("发展") == "發展"
    assert opened == ["s2tw"]


def test_a_missing_copy_is_not_used(tmp_path, monkeypatch, fresh_converters):
    monkeypatch.setattr(scripts, "_MERGED", tmp_path / "nowhere")
    assert not scripts._merged_is_current()
    assert scripts.to_hant("马英九") == "馬英九"
