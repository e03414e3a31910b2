"""kg.extract.scripts: the merged copy of OpenCC's s2tw converts as OpenCC's own does, and the
characters t2s may change tell every text it leaves as it is; each is used only while it was
made from the dictionaries installed."""

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
    for cached in (scripts._s2tw, scripts._t2s, scripts._t2s_changes, scripts.to_hant, scripts.to_hans):
        cached.cache_clear()
    yield
    for cached in (scripts._s2tw, scripts._t2s, scripts._t2s_changes, scripts.to_hant, scripts.to_hans):
        cached.cache_clear()


def _article_lines() -> set[str]:
    pages = sorted(REPOSITORY.glob("corpus/*.wiki")) + sorted(REPOSITORY.glob("tests/data/**/*.wiki"))
    return {line for page in pages for line in page.read_text(encoding="utf-8", errors="replace").splitlines()}


def _stale_copy(tmp_path: Path, name: str, source: str) -> Path:
    """kg/data/opencc copied, its file ``name`` saying it was made from another ``source``."""
    stale = tmp_path / "opencc"
    shutil.copytree(MERGED, stale)
    made = json.loads((stale / name).read_text(encoding="utf-8"))
    made["sha256"][source] = "0" * 64
    (stale / name).write_text(json.dumps(made), encoding="utf-8")
    return stale


def test_the_merged_copy_was_made_from_the_installed_opencc():
    made_from = json.loads((MERGED / "made-from.json").read_text(encoding="utf-8"))
    if made_from["opencc"] != opencc.__version__:
        pytest.skip(f"OpenCC {opencc.__version__} is installed, the copy was made from {made_from['opencc']}: "
                    "kg uses OpenCC's own s2tw (slower to open); run scripts/make-opencc-s2tw")
    assert scripts._merged_is_current(), "same OpenCC version, other dictionaries: run scripts/make-opencc-s2tw"


def test_to_hant_converts_every_line_of_the_articles_as_opencc_s2tw(fresh_converters):
    theirs = opencc.OpenCC("s2tw")
    lines = _article_lines()
    assert len(lines) > 1000
    assert [line for line in sorted(lines) if scripts.to_hant(line) != theirs.convert(line)] == []


def test_a_copy_made_from_other_dictionaries_is_not_used(tmp_path, monkeypatch, fresh_converters):
    monkeypatch.setattr(scripts, "_MERGED", _stale_copy(tmp_path, "made-from.json", "STPhrases.ocd2"))
    opened, original = [], opencc.OpenCC
    monkeypatch.setattr(opencc, "OpenCC", lambda config: opened.append(config) or original(config))
    assert not scripts._merged_is_current()
    assert scripts.to_hant("发展") == "發展"
    assert opened == ["s2tw"]


def test_a_missing_copy_is_not_used(tmp_path, monkeypatch, fresh_converters):
    monkeypatch.setattr(scripts, "_MERGED", tmp_path / "nowhere")
    assert not scripts._merged_is_current()
    assert scripts.to_hant("马英九") == "馬英九"


def test_the_characters_t2s_changes_were_read_from_the_installed_opencc():
    made = json.loads((MERGED / "t2s-changes.json").read_text(encoding="utf-8"))
    if made["opencc"] != opencc.__version__:
        pytest.skip(f"OpenCC {opencc.__version__} is installed, the characters were read from {made['opencc']}: "
                    "kg converts every text with OpenCC; run scripts/make-opencc-s2tw")
    assert scripts._t2s_changes() is not None, "same OpenCC version, other dictionaries: run scripts/make-opencc-s2tw"


def test_to_hans_converts_every_line_of_the_articles_as_opencc_t2s(fresh_converters):
    theirs = opencc.OpenCC("t2s")
    lines = _article_lines()
    assert [line for line in sorted(lines) if scripts.to_hans(line) != theirs.convert(line)] == []
    assert sum(scripts._t2s_changes().isdisjoint(line) for line in lines) > 1000  # read without OpenCC


def test_a_phrase_t2s_converts_is_converted_though_none_of_its_characters_is_alone(fresh_converters):
    """哩 and 沈 alone are as they are (沈 is a family name), 海哩 and 深沈 are 海里 and 深沉."""
    assert [scripts.to_hans(text) for text in ("哩", "沈", "海哩", "深沈", "馬英九")] == ["哩", "沈", "海里", "深沉", "马英九"]


def test_characters_read_from_other_dictionaries_are_not_used(tmp_path, monkeypatch, fresh_converters):
    monkeypatch.setattr(scripts, "_MERGED", _stale_copy(tmp_path, "t2s-changes.json", "TSPhrases.ocd2"))
    assert scripts._t2s_changes() is None
    converted, original = [], opencc.OpenCC

    class Counted(original):
        def convert(self, text):
            converted.append(text)
            return super().convert(text)

    monkeypatch.setattr(opencc, "OpenCC", Counted)
    assert [scripts.to_hans("中国"), scripts.to_hans("馬英九")] == ["中国", "马英九"]
    assert converted == ["中国", "馬英九"]
