"""The same output whatever --jobs, and whether pages come from the page cache or not (issue 15)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ARTICLES, CORPUS_ARTICLE
from kg import cache, pipeline, worker

OUTPUTS = ("kg.ttl", "kg.jsonld", "kg.nt", "kg.trig", "context.jsonld", "void.ttl")


def files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for path in ARTICLES.iterdir():
        if path.suffix in (".wiki", ".json"):
            shutil.copy(path, folder / path.name)
    shutil.copy(CORPUS_ARTICLE, folder / CORPUS_ARTICLE.name)
    return folder


def test_the_output_is_the_same_whatever_jobs(corpus, tmp_path, monkeypatch):
    one = pipeline.build([str(corpus)], out=tmp_path / "one", jobs=1)
    monkeypatch.setattr(pipeline, "OTHER_CORE_FROM", 1)  # the last steps in two processes, as a corpus's are
    two = pipeline.build([str(corpus)], out=tmp_path / "two", jobs=2)
    assert len(one.extractions) == len(two.extractions) >= 4 and not one.quarantined
    assert files(tmp_path / "one") == files(tmp_path / "two")
    assert [e.source.origin for e in one.extractions] == [e.source.origin for e in two.extractions]


def test_cached_and_uncached_builds_are_the_same(corpus, tmp_path, monkeypatch):
    pages = tmp_path / "cache"
    pipeline.build([str(corpus)], out=tmp_path / "uncached")
    first = pipeline.build([str(corpus)], out=tmp_path / "filling", cache_dir=pages)
    monkeypatch.setattr(worker, "extract", lambda document: (_ for _ in ()).throw(RuntimeError("extracted")))
    second = pipeline.build([str(corpus)], out=tmp_path / "cached", cache_dir=pages, jobs=2)
    assert not second.quarantined, [q.reason for q in second.quarantined]  # nothing was extracted again
    assert files(tmp_path / "cached") == files(tmp_path / "filling") == files(tmp_path / "uncached")
    assert [e.source.sha256 for e in second.extractions] == [e.source.sha256 for e in first.extractions]


def test_withheld_statements_are_the_same_whatever_jobs_and_cache(tmp_path):
    """Two articles that contradict each other (one summit, two last days): the same statement
    withheld and the same files with one process or two, from the page cache or not."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("china-us-summits.wiki", "xi-jinping-us-visit-2015.wiki"):
        shutil.copy(ARTICLES.parent / "realistic" / name, folder / name)
    cache_dir = tmp_path / "cache"
    builds = {label: pipeline.build([str(folder)], out=tmp_path / label, jobs=jobs, cache_dir=cached)
              for label, jobs, cached in (("one", 1, None), ("two", 2, None), ("filled", 2, cache_dir),
                                          ("cached", 1, cache_dir))}
    assert builds["one"].withheld and not builds["one"].quarantined
    for label in ("two", "filled", "cached"):
        assert builds[label].withheld == builds["one"].withheld
        assert files(tmp_path / label) == files(tmp_path / "one")
        assert (tmp_path / label / pipeline.WITHHELD_NAME).read_bytes() == \
            (tmp_path / "one" / pipeline.WITHHELD_NAME).read_bytes()


def test_a_build_with_the_page_cache_reads_its_extractions_back_from_it(corpus, tmp_path):
    pages = tmp_path / "cache"
    held = pipeline.build([str(corpus)], out=tmp_path / "held", jobs=2)
    cached = pipeline.build([str(corpus)], out=tmp_path / "cached", cache_dir=pages, jobs=2)
    assert all(isinstance(item, str) for item in cached.extractions._items)  # keys, no extraction in memory
    assert [e.source for e in cached.extractions] == [e.source for e in held.extractions]
    assert [e.counts for e in cached.extractions] == [e.counts for e in held.extractions]
    assert cached.pages == held.pages and cached.counts() == held.counts()


def test_editing_one_article_extracts_that_article_only(corpus, tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    shutil.copytree(corpus, folder)
    pages = tmp_path / "cache"
    pipeline.build([str(folder)], out=tmp_path / "out", cache_dir=pages)
    edited = folder / "us-dprk-summits.wiki"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n<!-- edited -->\n", encoding="utf-8")
    monkeypatch.setattr(worker, "extract", lambda document: (_ for _ in ()).throw(RuntimeError("extracted")))
    again = pipeline.build([str(folder)], out=tmp_path / "out", cache_dir=pages)
    assert [q.origin for q in again.quarantined] == [str(edited)]


def test_a_new_code_version_misses_the_cache(corpus, tmp_path, monkeypatch):
    pages = tmp_path / "cache"
    pipeline.build([str(ARTICLES / "ma-xi-meeting.wiki")], out=tmp_path / "a", cache_dir=pages)
    monkeypatch.setattr(cache, "code_version", lambda: "another version of the code")
    monkeypatch.setattr(worker, "extract", lambda document: (_ for _ in ()).throw(RuntimeError("extracted")))
    with pytest.raises(pipeline.InputError, match="extracted"):
        pipeline.build([str(ARTICLES / "ma-xi-meeting.wiki")], out=tmp_path / "b", cache_dir=pages)


def test_a_damaged_cache_file_is_a_miss(tmp_path):
    pages = tmp_path / "cache"
    pipeline.build([str(ARTICLES / "ma-xi-meeting.wiki")], out=tmp_path / "a", cache_dir=pages)
    for stored in pages.rglob("*.pickle"):
        stored.write_bytes(b"not a pickle")
    again = pipeline.build([str(ARTICLES / "ma-xi-meeting.wiki")], out=tmp_path / "b", cache_dir=pages)
    assert again.published and files(tmp_path / "a") == files(tmp_path / "b")


def test_the_code_version_is_a_digest_of_the_package():
    assert len(cache.code_version()) == 64 and cache.code_version() == cache.code_version()
