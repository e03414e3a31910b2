"""The on-disk store kept between runs: the same files are loaded once, and what is in use is never removed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import Store

from kg import store_cache
from kg.errors import InputError
from kg.server import data
from kg.server.app import App, request
from kg.server.data import OVERVIEW_NAME, OVERVIEW_TRIPLES_NAME, ServedData
from kg.server.settings import Settings
from kg.store_cache import Staging, admit, open_kept, store_key

DATA = Path(__file__).parent / "data" / "query" / "fixture.trig"


def _copy(tmp_path: Path, name: str = "kg.trig") -> Path:
    copied = tmp_path / name
    shutil.copyfile(DATA, copied)
    return copied


def test_a_second_start_over_the_same_files_opens_the_kept_store_and_loads_nothing(tmp_path, monkeypatch):
    cache = tmp_path / "stores"
    first = ServedData.load_apart((DATA,), in_memory_quads=0, store_cache=cache)
    try:
        assert first.loaded == cache / store_key((DATA,))
        assert first.store_path.is_dir() and (first.loaded / OVERVIEW_NAME).is_file()
        assert not (first.directory / "store").exists()  # the private directory holds only the logs
        written = (first.loaded / OVERVIEW_TRIPLES_NAME).read_bytes()
    finally:
        first.close()
    assert not first.directory.exists() and first.loaded.is_dir()  # the kept store outlives the server

    def no_loading(*args):
        raise AssertionError("the files were loaded again")

    monkeypatch.setattr(data, "_load_elsewhere", no_loading)
    again = ServedData.load_apart((DATA,), in_memory_quads=0, store_cache=cache)
    try:
        assert again.loaded == first.loaded and again.overview == first.overview
        assert (again.loaded / OVERVIEW_TRIPLES_NAME).read_bytes() == written
        assert len(Store.read_only(str(again.store_path))) == len(_loaded(DATA))
    finally:
        again.close()


def _loaded(path: Path) -> Store:
    store = Store()
    store.load(path=path)
    return store


def test_small_data_found_kept_is_still_held_in_memory_by_the_parent(tmp_path):
    cache = tmp_path / "stores"
    ServedData.load_apart((DATA,), store_cache=cache).close()
    served = ServedData.load_apart((DATA,), store_cache=cache)
    try:
        assert served.store is not None and len(served.store) == len(_loaded(DATA))
    finally:
        served.close()


def test_a_kept_store_answers_the_pages_as_one_loaded_for_the_run(tmp_path):
    cache = tmp_path / "stores"
    ServedData.load_apart((DATA,), in_memory_quads=0, store_cache=cache).close()
    answers = []
    for store_cache_dir in (cache, None):
        served = ServedData.load_apart((DATA,), in_memory_quads=0, store_cache=store_cache_dir)
        app = App(Settings(port=0), data=(DATA,), served=ServedData.open(served.directory, loaded=served.loaded,
                                                                         in_memory_quads=0))
        try:
            answers.append([request(app, path, accept="text/turtle").body for path in ("/", "/summits")])
        finally:
            app.close()
            served.close()
    assert answers[0] == answers[1] and all(answers[0])


def test_an_edited_file_is_loaded_again_and_only_the_most_recent_stores_are_kept(tmp_path):
    cache = tmp_path / "stores"
    source = _copy(tmp_path)
    keys = []
    for edit in range(store_cache.MOST_KEPT + 1):
        with source.open("a", encoding="utf-8") as stream:
            stream.write(f"<https://example.org/e{edit}> <https://example.org/p> {edit} .\n")
        ServedData.load_apart((source,), in_memory_quads=0, store_cache=cache).close()
        keys.append(store_key((source,)))
    assert len(set(keys)) == len(keys)
    assert sorted(p.name for p in cache.iterdir()) == sorted(keys[-store_cache.MOST_KEPT:])


def test_a_store_in_use_is_not_removed_to_make_room(tmp_path):
    cache = tmp_path / "stores"
    sources = [_copy(tmp_path, f"kg{n}.trig") for n in range(store_cache.MOST_KEPT + 1)]
    in_use = ServedData.load_apart((sources[0],), in_memory_quads=0, store_cache=cache)
    try:
        for source in sources[1:]:
            ServedData.load_apart((source,), in_memory_quads=0, store_cache=cache).close()
        assert in_use.loaded.is_dir() and len(Store.read_only(str(in_use.store_path))) > 10
        assert len([p for p in cache.iterdir() if not p.name.startswith(".")]) == store_cache.MOST_KEPT + 1
    finally:
        in_use.close()
    ServedData.load_apart((_copy(tmp_path, "kg-next.trig"),), in_memory_quads=0, store_cache=cache).close()
    assert not in_use.loaded.exists()  # now it may go, the least recently opened
    assert len([p for p in cache.iterdir() if not p.name.startswith(".")]) == store_cache.MOST_KEPT


def test_a_store_another_process_kept_first_is_the_one_read(tmp_path):
    cache = tmp_path / "stores"
    key = store_key((DATA,))
    theirs, mine = Staging.make(cache), Staging.make(cache)
    (theirs.path / "store").mkdir()
    (mine.path / "store").mkdir()
    kept_first = admit(cache, key, theirs, quads=7)
    kept_second = admit(cache, key, mine, quads=8)
    assert kept_first.directory == kept_second.directory == cache / key and kept_second.quads == 7
    assert not mine.path.exists() and sorted(p.name for p in cache.iterdir()) == [key]


def test_what_a_process_killed_while_loading_left_is_removed_by_the_next(tmp_path):
    cache = tmp_path / "stores"
    cache.mkdir()
    made = subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; from kg.store_cache import Staging; "
                           "print(Staging.make(Path(sys.argv[1])).path); import os; os._exit(9)", str(cache)],
                          capture_output=True, text=True, check=False)
    left = Path(made.stdout.strip())
    assert made.returncode == 9 and left.is_dir()
    in_making = Staging.make(cache)  # a staging whose maker is alive is left alone
    Staging.make(cache).close()
    assert not left.exists() and in_making.path.is_dir()
    in_making.close()


def test_a_directory_left_by_a_maker_killed_before_it_locked_is_removed_once_old(tmp_path):
    import fcntl

    cache = tmp_path / "stores"
    old, new, held = cache / ".making-old", cache / ".making-new", cache / ".making-held"
    for made in (old, new, held):
        made.mkdir(parents=True)
    (old / "lock").touch()  # killed between opening its lock and taking it
    lock = os.open(held / "lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)  # alive, however long it took
    long_ago = os.stat(new).st_mtime - 2 * store_cache.MAKING_SECONDS
    for made in (old, held):
        os.utime(made, (long_ago, long_ago))
    Staging.make(cache).close()
    assert not old.exists() and new.is_dir() and held.is_dir()
    os.close(lock)


def test_a_cache_that_cannot_be_written_is_passed_by_with_one_line(tmp_path, capsys):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("", encoding="utf-8")
    served = ServedData.load_apart((DATA,), in_memory_quads=0, store_cache=blocked / "stores")
    try:
        assert served.loaded == served.directory and served.store_path.is_dir()
    finally:
        served.close()
    said = capsys.readouterr().err.strip().splitlines()
    assert len(said) == 1 and said[0].startswith(f"kg serve: {blocked / 'stores'}: cannot keep the store there")


def test_files_that_do_not_load_keep_nothing(tmp_path):
    cache = tmp_path / "stores"
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(InputError, match="broken.ttl: not valid Turtle"):
        ServedData.load_apart((broken,), store_cache=cache)
    assert list(cache.iterdir()) == []
    assert open_kept(cache, store_key((broken,))) is None


def test_a_kept_entry_that_cannot_be_read_is_a_miss(tmp_path):
    cache = tmp_path / "stores"
    ServedData.load_apart((DATA,), in_memory_quads=0, store_cache=cache).close()
    entry = cache / store_key((DATA,))
    (entry / "ready").write_text("garbled\n", encoding="utf-8")
    assert open_kept(cache, entry.name) is None
    os.remove(entry / "lock")
    assert open_kept(cache, entry.name) is None
    served = ServedData.load_apart((DATA,), in_memory_quads=0, store_cache=cache)  # loaded again, kept in its place
    try:
        assert served.loaded == entry and (entry / "lock").is_file() and served.kept.quads == len(_loaded(DATA))
    finally:
        served.close()


# --- kept by kg build --keep-store, read by kg serve --get ----------------------------------------------


def _no_loading(monkeypatch) -> None:
    def no_loading(*args):
        raise AssertionError("the files were loaded again")

    monkeypatch.setattr(data, "_load_elsewhere", no_loading)


def test_a_build_that_keeps_its_store_spares_the_first_start_the_loading(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import main

    cache = tmp_path / "stores"
    seed = Path(__file__).parent.parent / "corpus"
    built = CliRunner().invoke(main, ["build", str(seed), "--out", str(tmp_path / "out"), "--no-cache",
                                      "--keep-store", "--store-cache", str(cache)])
    assert built.exit_code == 0, built.output
    trig = tmp_path / "out" / "kg.trig"
    said = [line for line in built.output.splitlines() if line.startswith("kept for kg serve")]
    quads = len(_loaded(trig))
    assert said == [f"kept for kg serve: the store of {trig} ({quads} quads) in {cache}; "
                    f"`kg serve --data {trig} --store-cache {cache}` opens it at once"]
    _no_loading(monkeypatch)
    served = ServedData.load_apart((trig,), in_memory_quads=0, store_cache=cache)
    try:
        assert served.loaded == cache / store_key((trig,)) and served.kept.quads == quads
    finally:
        served.close()


def test_a_build_whose_store_cache_cannot_be_written_says_so_in_one_line_and_publishes(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    blocked = tmp_path / "not-a-directory"
    blocked.write_text("", encoding="utf-8")
    seed = Path(__file__).parent.parent / "corpus"
    built = CliRunner().invoke(main, ["build", str(seed), "--out", str(tmp_path / "out"), "--no-cache",
                                      "--keep-store", "--store-cache", str(blocked / "stores")])
    assert built.exit_code == 0 and (tmp_path / "out" / "kg.trig").is_file()
    said = [line for line in built.output.splitlines() if "store" in line and "kg build" in line]
    assert len(said) == 1 and said[0].startswith(f"kg build: {blocked / 'stores'}: cannot keep the store there")
    assert "the first kg serve over them loads them" in said[0]


def test_serve_get_keeps_the_store_and_reads_it_again(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import main

    cache = tmp_path / "stores"
    trig = _copy(tmp_path)
    asked = ["serve", "--data", str(trig), "--store-cache", str(cache), "--in-memory-quads", "0",
             "--get", "/void", "--accept", "application/n-triples"]
    first = CliRunner().invoke(main, asked)
    assert first.exit_code == 0 and "<http://rdfs.org/ns/void#Dataset>" in first.output
    assert [entry.name for entry in cache.iterdir()] == [store_key((trig,))]
    _no_loading(monkeypatch)
    again = CliRunner().invoke(main, asked)
    assert again.exit_code == 0 and again.output == first.output


def test_serve_get_keeping_no_store_leaves_no_cache(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    trig = _copy(tmp_path)
    got = CliRunner().invoke(main, ["serve", "--data", str(trig), "--store-cache", "", "--get", "/void",
                                    "--accept", "application/n-triples"], catch_exceptions=False)
    assert got.exit_code == 0 and "<http://rdfs.org/ns/void#Dataset>" in got.output
    assert sorted(path.name for path in tmp_path.iterdir()) == ["kg.trig"]
