"""Publishing into --out never loses data: mount points, kill -9 at any moment, permissions, reports.

Issue 12, "Data that must never be lost". Each test here failed on the old publish(),
which moved the user's files into a staging directory and renamed --out itself.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ARTICLES
from kg import export, outdir, pipeline
from kg.cli import main

PUBLISHED = ("kg.ttl", "kg.jsonld", "kg.nt", "kg.trig", "context.jsonld", "void.ttl")
SMALL = ARTICLES / "ma-xi-meeting.wiki"
OTHER = ARTICLES / "us-dprk-summits.wiki"


def users_files(out: Path) -> dict[str, bytes]:
    """Files that other commands and the user put in ``out``."""
    (out / "mine").mkdir(parents=True, exist_ok=True)
    (out / "links.ttl").write_bytes(b"# links from kg link\n")
    (out / "review.csv").write_bytes(b"entity,label\n")
    (out / "notes.txt").write_bytes(b"my own notes\n")
    (out / "mine" / "draft.rq").write_bytes(b"SELECT * WHERE { ?s ?p ?o }\n")
    return others(out)


def others(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.is_symlink() and p.name not in PUBLISHED
            and outdir.VERSIONS not in p.parts
            and p.name not in (pipeline.REPORT_NAME, pipeline.QUARANTINE_NAME, pipeline.WITHHELD_NAME)}


def published(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in PUBLISHED if (out / name).exists()}


def test_publishing_into_a_mount_point_keeps_every_other_file(tmp_path, monkeypatch):
    """--out is a mount point: renaming it fails with EBUSY. Before: the user's files were deleted."""
    out = tmp_path / "out"
    mine = users_files(out)
    real_replace, real_rename = os.replace, os.rename

    def busy(function):
        def guarded(source, target, *args, **kwargs):
            if Path(source).absolute() == out.absolute() or Path(target).absolute() == out.absolute():
                raise OSError(errno.EBUSY, "Device or resource busy", str(source))
            return function(source, target, *args, **kwargs)
        return guarded

    monkeypatch.setattr(os, "replace", busy(real_replace))
    monkeypatch.setattr(os, "rename", busy(real_rename))
    try:
        pipeline.build([str(SMALL)], out=out)
    except OSError:
        pass  # the old code gave up here, after deleting what it had moved
    assert others(out) == mine
    assert set(published(out)) == set(PUBLISHED)


def test_the_permission_bits_of_out_are_kept(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    os.chmod(out, 0o751)
    pipeline.build([str(SMALL)], out=out, check=False)
    assert stat.S_IMODE(out.stat().st_mode) == 0o751
    pipeline.build([str(SMALL)], out=out, check=False)
    assert stat.S_IMODE(out.stat().st_mode) == 0o751
    assert all(os.access(out / name, os.R_OK) for name in PUBLISHED)


def test_a_rebuild_keeps_other_files_and_leaves_nothing_behind(tmp_path):
    out = tmp_path / "out"
    pipeline.build([str(SMALL)], out=out, check=False)
    mine = users_files(out)
    pipeline.build([str(OTHER)], out=out, check=False)
    assert others(out) == mine
    versions = sorted(p.name for p in (out / outdir.VERSIONS).iterdir())
    assert len(versions) == 3 and versions[:2] == ["current", "lock"], versions  # and the one version
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # nothing beside --out either


def _crash_at(step: int, out: Path, write) -> int:
    """Publishes in a forked child that dies (os._exit, like kill -9) before its step-th file operation."""
    pid = os.fork()
    if pid == 0:  # the child: no cleanup code may run, as after kill -9
        count = [0]

        def dying(function):
            def wrapped(*args, **kwargs):
                count[0] += 1
                if count[0] == step:
                    os._exit(9)
                return function(*args, **kwargs)
            return wrapped

        for module, name in ((os, "replace"), (os, "rename"), (os, "symlink"), (os, "mkdir"), (os, "fsync"),
                             (os, "unlink"), (os, "chmod"), (os, "rmdir"), (shutil, "rmtree")):
            setattr(module, name, dying(getattr(module, name)))
        try:
            outdir.publish(out, export.PUBLISHED_NAMES, write)
        finally:
            os._exit(0 if count[0] < step else 9)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def test_kill_9_at_any_moment_leaves_the_old_or_the_new_build_and_every_other_file(tmp_path):
    old_build = pipeline.build([str(SMALL)], out=tmp_path / "old", check=False)
    new_build = pipeline.build([str(OTHER)], out=tmp_path / "new", check=False)
    old, new = published(tmp_path / "old"), published(tmp_path / "new")
    assert old != new and old_build.published and new_build.published

    def write_new(directory: Path) -> None:
        for name, data in new.items():
            (directory / name).write_bytes(data)

    out = tmp_path / "out"
    finished = False
    step = 0
    while not finished:
        step += 1
        assert step < 200, "publish never finished"
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(tmp_path / "old", out, symlinks=True)
        mine = users_files(out)
        finished = _crash_at(step, out, write_new) == 0
        assert published(out) in (old, new), f"a mix of builds after a crash at step {step}"
        assert others(out) == mine, f"a user's file changed after a crash at step {step}"
        outdir.publish(out, export.PUBLISHED_NAMES, write_new)  # the next build cleans up after the crash
        assert published(out) == new and others(out) == mine
        assert len(list((out / outdir.VERSIONS).glob("v-*"))) == 1, f"stale versions after step {step}"
        assert not [p for p in out.iterdir() if p.name.startswith(".") and p.name != outdir.VERSIONS]
    assert step > 5  # the crash points really were reached


def test_kill_9_of_a_real_build_process_loses_nothing(tmp_path):
    out = tmp_path / "out"
    pipeline.build([str(SMALL)], out=out, check=False)
    old = published(out)
    mine = users_files(out)
    command = [sys.executable, "-c", "from kg.cli import main; main()", "build", str(OTHER), "--out", str(out),
               "--no-validate", "--jobs", "1"]
    outcomes = set()
    for delay in (0.4, 1.2, 30):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
        now = published(out)
        assert now == old or set(now) == set(PUBLISHED) and now != old
        outcomes.add("old" if now == old else "new")
        assert others(out) == mine
        if now != old:
            break
    assert "new" in outcomes  # the last, unhurried build published
    result = CliRunner().invoke(main, ["build", str(OTHER), "--out", str(out), "--no-validate"])
    assert result.exit_code == 0, result.output
    assert len(list((out / outdir.VERSIONS).glob("v-*"))) == 1


def test_the_report_of_a_page_that_does_not_conform_is_beside_the_published_files(tmp_path, monkeypatch):
    out = tmp_path / "out"
    real = pipeline.rdf.page_triples

    def broken(extraction, *, minter):  # the second article's summit ends before it starts
        triples = real(extraction, minter=minter)
        if extraction.source.title == "美朝首腦會晤":
            summit = next(s for s, p, _ in triples if p == pipeline.SKG.ordinal)
            for ended in [t for t in triples if t[0] == summit and t[1] == pipeline.SKG.endDate]:
                triples.remove(ended)
            triples.add((summit, pipeline.SKG.endDate, pipeline.rdf.Literal("1999-01-01",
                                                                            datatype=pipeline.rdf.XSD.date)))
        return triples

    monkeypatch.setattr(pipeline.rdf, "page_triples", broken)
    result = CliRunner().invoke(main, ["build", str(SMALL), str(OTHER), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert (out / pipeline.REPORT_NAME).is_file() and not (out / pipeline.REPORT_NAME).is_symlink()
    current = out / outdir.VERSIONS / outdir.CURRENT
    assert sorted(p.name for p in current.iterdir()) == sorted(PUBLISHED)
    assert "美朝" not in (out / "kg.ttl").read_text(encoding="utf-8")


def test_out_that_is_a_file_is_refused_and_left_alone(tmp_path):
    out = tmp_path / "out"
    out.write_bytes(b"not a directory\n")
    result = CliRunner().invoke(main, ["build", str(SMALL), "--out", str(out)])
    assert result.exit_code == 2 and "is a file" in result.output
    assert out.read_bytes() == b"not a directory\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_out_that_cannot_be_written_is_one_line(tmp_path):
    parent = tmp_path / "locked"
    parent.mkdir()
    os.chmod(parent, 0o500)
    result = CliRunner().invoke(main, ["build", str(SMALL), "--out", str(parent / "out")])
    os.chmod(parent, 0o700)
    assert result.exit_code == 2 and "cannot write there" in result.output


def test_a_second_build_waits_for_the_first_instead_of_mixing(tmp_path):
    """Two builds into one --out take turns (a lock), and the last one to finish is published."""
    out = tmp_path / "out"
    command = [sys.executable, "-c", "from kg.cli import main; main()", "build", "--out", str(out),
               "--no-validate", "--jobs", "1"]
    first = subprocess.Popen([*command, str(SMALL)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(0.2)
    second = subprocess.Popen([*command, str(OTHER)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert first.wait(timeout=120) == 0 and second.wait(timeout=120) == 0
    assert set(published(out)) == set(PUBLISHED)
    assert len(list((out / outdir.VERSIONS).glob("v-*"))) == 1
