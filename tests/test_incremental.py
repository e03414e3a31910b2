"""An edit rebuilt with the page cache gives the bytes of a clean build of the edited corpus (issue 15).

The build after an edit works out only the subjects the changed articles state
(:mod:`kg.incremental`); these tests hold it to a clean ``--no-cache`` build of the same
corpus, file for file, for an edit, a page taken out, a page added, pages that come to
contradict one another and cease to, and a kept state that no longer matches its files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ARTICLES, CORPUS_ARTICLE
from kg import pipeline, worker

OUTPUTS = ("kg.ttl", "kg.jsonld", "kg.nt", "kg.trig", "context.jsonld", "void.ttl")
REALISTIC = ARTICLES.parent / "realistic"


def files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


@pytest.fixture()
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted(REALISTIC.glob("*.wiki"))[:10]:
        shutil.copy(path, folder / path.name)
    shutil.copy(CORPUS_ARTICLE, folder / CORPUS_ARTICLE.name)
    return folder


def counted_extractions(monkeypatch, log: Path) -> Path:
    """``log`` gets the origin of each page extracted from now on, in whichever worker process."""
    real = worker.extract

    def extract(document):
        with open(log, "a", encoding="utf-8") as stream:
            stream.write(document.page.origin + "\n")
        return real(document)

    monkeypatch.setattr(worker, "extract", extract)
    return log


def rebuilt_and_clean(folder: Path, tmp_path: Path, cache: Path, *, jobs: int = 1) -> tuple[pipeline.Build, pipeline.Build]:
    edited = pipeline.build([str(folder)], out=tmp_path / "out", cache_dir=cache, jobs=jobs)
    clean = pipeline.build([str(folder)], out=tmp_path / "clean", jobs=jobs)
    return edited, clean


def assert_same(edited: pipeline.Build, clean: pipeline.Build, tmp_path: Path) -> None:
    made, clean_files = files(tmp_path / "out"), files(tmp_path / "clean")
    assert [name for name in OUTPUTS if made[name] != clean_files[name]] == []
    assert edited.triples == clean.triples
    assert edited.report == clean.report
    assert [p.source.origin for p in edited.pages] == [p.source.origin for p in clean.pages]
    assert edited.counts() == clean.counts()
    assert [q.origin for q in edited.quarantined] == [q.origin for q in clean.quarantined]
    assert edited.withheld == clean.withheld


@pytest.mark.parametrize("edit", ["cut", "comment", "remove", "add"])
def test_an_edit_rebuilt_with_the_cache_is_a_clean_build_of_the_edited_corpus(corpus, tmp_path, monkeypatch, edit):
    cache = tmp_path / "cache"
    spare = corpus.parent / "spare.wiki"
    pages = sorted(corpus.glob("*.wiki"))
    if edit == "add":
        shutil.move(pages[3], spare)
    first = pipeline.build([str(corpus)], out=tmp_path / "out", cache_dir=cache)
    assert not first.incremental and not first.quarantined
    target = pages[3]
    if edit == "cut":
        text = target.read_text(encoding="utf-8")
        target.write_text(text[: len(text) * 2 // 3], encoding="utf-8")
    elif edit == "comment":
        target.write_text(target.read_text(encoding="utf-8") + "\n<!-- edited -->\n", encoding="utf-8")
    elif edit == "remove":
        target.unlink()
    else:
        shutil.move(spare, target)
    log = counted_extractions(monkeypatch, tmp_path / "extracted.log")
    edited = pipeline.build([str(corpus)], out=tmp_path / "out", cache_dir=cache)
    extracted = log.read_text(encoding="utf-8").split() if log.exists() else []
    assert edited.incremental
    assert extracted == ([] if edit == "remove" else [str(target)])  # the other pages were not built again
    clean = pipeline.build([str(corpus)], out=tmp_path / "clean")
    assert_same(edited, clean, tmp_path)
    assert {e.source.origin for e in edited.extractions} == {e.source.origin for e in clean.extractions}


def test_edits_one_after_another_stay_a_clean_build(corpus, tmp_path):
    cache = tmp_path / "cache"
    pipeline.build([str(corpus)], out=tmp_path / "out", cache_dir=cache)
    for number, page in enumerate(sorted(corpus.glob("*.wiki"))[:3]):
        text = page.read_text(encoding="utf-8")
        page.write_text(text[: len(text) // 2 + number], encoding="utf-8")
        edited, clean = rebuilt_and_clean(corpus, tmp_path, cache)
        assert edited.incremental
        assert_same(edited, clean, tmp_path)


def dump_of(path: Path, timestamp: str) -> str:
    """``path``'s article as the one page of a MediaWiki export, revised at ``timestamp``."""
    from xml.sax.saxutils import escape

    return ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="zh">'
            "<siteinfo><sitename>Wikipedia</sitename><dbname>zhwiki</dbname>"
            "<base>https://zh.wikipedia.org/wiki/A</base></siteinfo>"
            f"<page><title>{path.stem}</title><ns>0</ns><id>5</id><revision><id>9</id>"
            f"<timestamp>{timestamp}</timestamp><model>wikitext</model><format>text/x-wiki</format>"
            f'<text xml:space="preserve">{escape(path.read_text(encoding="utf-8"))}</text></revision></page>'
            "</mediawiki>")


@pytest.mark.parametrize("edited_page", ["the dump's", "another"])
def test_a_literal_the_store_writes_otherwise_is_spliced_as_a_clean_build_writes_it(corpus, tmp_path, edited_page):
    """A revision stamped ``+00:00`` is an ``xsd:dateTime`` the store keeps as ``Z``: the files an
    edit splices must hold it as the clean build's do, whether or not its page was the one edited."""
    cache = tmp_path / "cache"
    pages = sorted(corpus.glob("*.wiki"))
    dumped = pages[4]
    dump = tmp_path / "dump.xml"
    dump.write_text(dump_of(dumped, "2034-05-01T08:30:00+00:00"), encoding="utf-8")
    dumped.unlink()
    inputs = [str(corpus), str(dump)]
    pipeline.build(inputs, out=tmp_path / "out", cache_dir=cache)
    if edited_page == "another":
        pages[2].write_text(pages[2].read_text(encoding="utf-8") + "\n<!-- edited -->\n", encoding="utf-8")
    else:
        dump.write_text(dump.read_text(encoding="utf-8").replace("</text>", "\n&lt;!-- edited --&gt;</text>"), encoding="utf-8")
    edited = pipeline.build(inputs, out=tmp_path / "out", cache_dir=cache)
    clean = pipeline.build(inputs, out=tmp_path / "clean")
    assert edited.incremental
    assert_same(edited, clean, tmp_path)
    assert b'"2034-05-01T08:30:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>' in files(tmp_path / "out")["kg.nt"]


def said(out: Path, statement: pipeline.Withheld) -> bool:
    """Whether any graph of ``out/kg.trig`` says the withheld statement."""
    from pyoxigraph import RdfFormat, Store

    store = Store()
    store.load(path=str(out / "kg.trig"), format=RdfFormat.TRIG)
    return any(str(quad.predicate) == statement.property and str(quad.object) == statement.value
               for quad in store.quads_for_pattern(None, None, None) if str(quad.subject) == statement.subject)


def test_an_edit_that_contradicts_another_article_withholds_its_statement_and_one_that_ends_it_restores_it(
        corpus, tmp_path):
    cache = tmp_path / "cache"
    pipeline.build([str(corpus)], out=tmp_path / "out", cache_dir=cache)
    # the realistic article that contradicts china-us-summits.wiki (one summit, two last days)
    shutil.copy(REALISTIC / "xi-jinping-us-visit-2015.wiki", corpus / "xi-jinping-us-visit-2015.wiki")
    shutil.copy(REALISTIC / "china-us-summits.wiki", corpus / "china-us-summits.wiki")
    edited, clean = rebuilt_and_clean(corpus, tmp_path, cache)
    assert not edited.incremental and not edited.quarantined and edited.withheld
    assert {w.origin for w in edited.withheld} == {str(corpus / "xi-jinping-us-visit-2015.wiki")}  # the later page
    assert_same(edited, clean, tmp_path)
    assert not said(tmp_path / "out", edited.withheld[0])
    (corpus / "china-us-summits.wiki").unlink()  # the page it contradicted goes: its statement is published again
    restored, clean = rebuilt_and_clean(corpus, tmp_path, cache)
    assert not restored.withheld and said(tmp_path / "out", edited.withheld[0])
    assert_same(restored, clean, tmp_path)
    again = pipeline.build([str(corpus)], out=tmp_path / "out", cache_dir=cache)  # agreeing again, kept for an edit
    assert again.incremental and files(tmp_path / "out") == files(tmp_path / "clean")


def test_kept_files_changed_since_are_not_spliced(corpus, tmp_path):
    cache = tmp_path / "cache"
    pipeline.build([str(corpus)], out=tmp_path / "out", cache_dir=cache)
    published = (tmp_path / "out" / "kg.nt").resolve()
    published.write_bytes(published.read_bytes()[:-40])  # the file the next build would copy from
    page = sorted(corpus.glob("*.wiki"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- edited -->\n", encoding="utf-8")
    edited, clean = rebuilt_and_clean(corpus, tmp_path, cache)
    assert not edited.incremental
    assert_same(edited, clean, tmp_path)


def test_a_lost_state_means_a_full_build(corpus, tmp_path):
    cache = tmp_path / "cache"
    pipeline.build([str(corpus)], out=tmp_path / "out", cache_dir=cache)
    for state in cache.rglob("state.pickle"):
        state.write_bytes(b"cut short")
    edited, clean = rebuilt_and_clean(corpus, tmp_path, cache)
    assert not edited.incremental
    assert_same(edited, clean, tmp_path)
    again = pipeline.build([str(corpus)], out=tmp_path / "out", cache_dir=cache)
    assert again.incremental and files(tmp_path / "out") == files(tmp_path / "clean")


def test_a_file_that_cannot_be_spliced_means_a_full_build(corpus, tmp_path, monkeypatch):
    from kg import entries

    cache = tmp_path / "cache"
    pipeline.build([str(corpus)], out=tmp_path / "out", cache_dir=cache)
    page = sorted(corpus.glob("*.wiki"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- edited -->\n", encoding="utf-8")

    def vanished(*args, **kwargs):
        raise FileNotFoundError("the last build's file is gone")

    monkeypatch.setattr(entries, "splice", vanished)
    edited, clean = rebuilt_and_clean(corpus, tmp_path, cache)
    assert not edited.incremental
    assert_same(edited, clean, tmp_path)


def stores(cache: Path) -> list[Path]:
    """The raw stores kept (directories), and lines not yet loaded into one (``raw-*.nq``)."""
    return sorted(path for path in cache.glob("last-build/*/raw-*") if path.is_dir() or path.suffix == ".nq")


def test_the_raw_store_loaded_a_batch_at_a_time_serves_the_next_edit(corpus, tmp_path, monkeypatch):
    from kg import raw_store

    monkeypatch.setattr(raw_store, "BATCH", 1000)  # a bulk load every page or two
    cache = tmp_path / "cache"
    pipeline.build([str(corpus)], out=tmp_path / "out", cache_dir=cache)
    for state in cache.rglob("state.pickle"):
        state.unlink()
    assert not pipeline.build([str(corpus)], out=tmp_path / "out", cache_dir=cache).incremental
    assert [path.is_dir() for path in stores(cache)] == [True]  # the new one only, loaded; the one before removed
    page = sorted(corpus.glob("*.wiki"))[1]
    page.write_text(page.read_text(encoding="utf-8").replace("。", "。\n", 3), encoding="utf-8")
    edited, clean = rebuilt_and_clean(corpus, tmp_path, cache)
    assert edited.incremental
    assert_same(edited, clean, tmp_path)


def test_a_raw_store_that_cannot_be_written_means_a_full_build_next(corpus, tmp_path, monkeypatch):
    from kg import raw_store

    class Full:  # a disk that fills up under the raw store
        def __init__(self, path):
            Path(path).mkdir()

        def bulk_load(self, *args, **kwargs):
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(raw_store, "Store", Full)
    cache = tmp_path / "cache"
    first = pipeline.build([str(corpus)], out=tmp_path / "out", cache_dir=cache)
    assert first.published and not stores(cache) and not list(cache.rglob("state.pickle"))
    monkeypatch.undo()
    page = sorted(corpus.glob("*.wiki"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- edited -->\n", encoding="utf-8")
    edited, clean = rebuilt_and_clean(corpus, tmp_path, cache)
    assert not edited.incremental
    assert_same(edited, clean, tmp_path)


def test_a_corpus_leaves_its_raw_store_to_a_process_after_it_and_an_edit_waits_for_it(corpus, tmp_path,
                                                                                       monkeypatch):
    """A build of a corpus writes the raw store's lines and leaves loading them to a process of its
    own; an edit made at once waits for that process (or loads them itself) and is still spliced."""
    from kg import raw_store

    monkeypatch.setattr(pipeline, "OTHER_CORE_FROM", 2)  # these eleven pages built as a corpus is
    started = []
    real = raw_store.fill_later
    monkeypatch.setattr(raw_store, "fill_later", lambda path: (started.append(path), real(path)))
    cache = tmp_path / "cache"
    pipeline.build([str(corpus)], out=tmp_path / "out", cache_dir=cache)
    assert len(started) == 1 and started[0] in stores(cache) + [path.with_suffix("") for path in stores(cache)]
    page = sorted(corpus.glob("*.wiki"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- edited -->\n", encoding="utf-8")
    edited, clean = rebuilt_and_clean(corpus, tmp_path, cache)
    assert edited.incremental
    assert_same(edited, clean, tmp_path)
    assert [path.is_dir() for path in stores(cache)] == [True]  # loaded, its lines gone


def test_raw_lines_no_process_loaded_are_loaded_by_the_edit(corpus, tmp_path, monkeypatch):
    from kg import raw_store

    monkeypatch.setattr(pipeline, "OTHER_CORE_FROM", 2)
    monkeypatch.setattr(raw_store, "fill_later", lambda path: None)  # the process could not start
    cache = tmp_path / "cache"
    pipeline.build([str(corpus)], out=tmp_path / "out", cache_dir=cache)
    assert [path.suffix for path in stores(cache)] == [".nq"]  # lines only: nothing loaded them
    page = sorted(corpus.glob("*.wiki"))[2]
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- edited -->\n", encoding="utf-8")
    edited, clean = rebuilt_and_clean(corpus, tmp_path, cache)
    assert edited.incremental
    assert_same(edited, clean, tmp_path)
    assert [path.is_dir() for path in stores(cache)] == [True]


def test_a_store_whose_load_was_stopped_is_loaded_again_from_its_lines(tmp_path):
    from pyoxigraph import NamedNode, Quad, Literal

    from kg import raw_store

    path = tmp_path / "raw-1"
    lines = raw_store.RawLines(path)
    lines.add("https://example.org/a", b'<https://example.org/s> <https://example.org/p> "x" .\n')
    lines.add("https://example.org/b", b'<https://example.org/s> <https://example.org/p> "y" .\n')
    assert lines.close()
    path.mkdir()  # a load killed half way: a directory, its lines still beside it
    (path / "half").write_bytes(b"half a store")
    store = raw_store.whole(path)
    p = NamedNode("https://example.org/p")
    assert sorted(str(quad) for quad in store.quads_for_pattern(None, p, None)) == sorted(str(quad) for quad in [
        Quad(NamedNode("https://example.org/s"), p, Literal("x"), NamedNode("https://example.org/a")),
        Quad(NamedNode("https://example.org/s"), p, Literal("y"), NamedNode("https://example.org/b"))])
    assert not raw_store.lines_of(path).exists() and not (path / "half").exists()


def test_an_edit_waits_for_the_process_loading_the_raw_store(tmp_path, monkeypatch):
    import threading
    import time

    from kg import raw_store

    path = tmp_path / "raw-1"
    lines = raw_store.RawLines(path)
    lines.add("https://example.org/a", b'<https://example.org/s> <https://example.org/p> "x" .\n')
    assert lines.close()
    loads, real = [], raw_store._load
    loading = threading.Event()

    def slow(*args):  # the loading process, holding the lock a while
        loads.append(time.monotonic())
        loading.set()
        time.sleep(0.5)
        return real(*args)

    monkeypatch.setattr(raw_store, "_load", slow)
    filler = threading.Thread(target=raw_store.whole, args=(path,), kwargs={"keep": False})
    filler.start()
    assert loading.wait(10)
    store = raw_store.whole(path)  # waits, then finds it whole: not loaded twice
    filler.join()
    assert len(loads) == 1 and time.monotonic() - loads[0] >= 0.5
    assert len(store) == 1 and not raw_store.lines_of(path).exists()


def test_a_page_with_a_blank_node_keeps_no_raw_store(tmp_path):
    from kg import raw_store

    lines = raw_store.RawLines(tmp_path / "raw-1")
    lines.add("https://example.org/a", b'<https://example.org/s> <https://example.org/p> "_:x" .\n')
    assert lines.whole  # a literal's text, not a blank node
    lines.add("https://example.org/b", b'<https://example.org/s> <https://example.org/p> _:b0 .\n')
    assert not lines.close()


def test_an_edit_whose_files_are_not_published_keeps_no_state(corpus, tmp_path, monkeypatch):
    from kg import outdir

    cache = tmp_path / "cache"
    pipeline.build([str(corpus)], out=tmp_path / "out", cache_dir=cache)
    page = sorted(corpus.glob("*.wiki"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- edited -->\n", encoding="utf-8")

    def interrupted(path):  # the files written (the new state being written meanwhile), not yet published
        raise RuntimeError("interrupted")

    monkeypatch.setattr(outdir, "_fsync", interrupted)
    with pytest.raises(RuntimeError):
        pipeline.build([str(corpus)], out=tmp_path / "out", cache_dir=cache)
    assert not list(cache.rglob("state.pickle")) and not list(cache.rglob(".state.*"))
    monkeypatch.undo()
    edited, clean = rebuilt_and_clean(corpus, tmp_path, cache)
    assert not edited.incremental
    assert_same(edited, clean, tmp_path)


def test_a_state_a_killed_build_was_writing_is_cleared_by_the_next(corpus, tmp_path):
    cache = tmp_path / "cache"
    pipeline.build([str(corpus)], out=tmp_path / "out", cache_dir=cache)
    (kept,) = cache.glob("last-build/*")
    left = kept / ".state.4242.0.tmp"  # a build killed while its thread wrote the state
    left.write_bytes(b"half a pickle")
    page = sorted(corpus.glob("*.wiki"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- edited -->\n", encoding="utf-8")
    edited, clean = rebuilt_and_clean(corpus, tmp_path, cache)
    assert edited.incremental
    assert_same(edited, clean, tmp_path)
    assert not left.exists() and not list(kept.glob(".state.*")) and (kept / "state.pickle").exists()


def test_a_process_left_after_a_build_lowers_its_sessions_priority_too():
    """The process a build leaves loading the raw store runs in a session of its own; where the kernel shares the
    CPU between sessions (autogroups), its niceness alone would not lower its share against the user's next command."""
    import subprocess
    import sys

    code = ("import os; os.setsid(); from kg.pool import lower_priority; lower_priority(7); "
            "print(os.nice(0)); print(open('/proc/self/autogroup').read() if os.path.exists('/proc/self/autogroup') "
            "else 'none')")
    said = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parent.parent).stdout.split("\n")
    assert said[0] == "7"
    assert said[1] == "none" or said[1].endswith("nice 7")
