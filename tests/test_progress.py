"""Long work shows progress: click's bar on a terminal, plain periodic lines when not on one."""

from __future__ import annotations

import io
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

from kg import pipeline
from kg.progress import Progress

ARTICLES = Path(__file__).parent / "data" / "realistic"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_lines_when_not_on_a_terminal():
    out = io.StringIO()
    with Progress("pages built", stream=out, every=0) as progress:
        for _ in progress.over(range(4)):
            pass
    lines = out.getvalue().splitlines()
    assert lines[:4] == [f"kg: pages built: {n} done" for n in range(1, 5)] and "\r" not in out.getvalue()


def test_nothing_for_work_done_within_the_first_interval():
    out = io.StringIO()
    with Progress("pages built", stream=out, every=60) as progress:
        progress.advance(3)
    assert out.getvalue() == ""


def test_clicks_bar_on_a_terminal():
    out = Terminal()
    with Progress("pages built", stream=out, length=3) as progress:
        progress.advance(3)
    assert "pages built" in out.getvalue() and "3/3" in out.getvalue()


def some_articles(into: Path, count: int = 8) -> Path:
    """A directory of a few real articles: many files, built in seconds."""
    into.mkdir()
    for path in sorted(ARTICLES.glob("*.wiki"))[:count]:
        shutil.copy(path, into / path.name)
        meta = path.with_suffix(".meta.json")
        if meta.exists():
            shutil.copy(meta, into / meta.name)
    return into


def test_a_build_of_many_files_counts_its_pages(tmp_path):
    articles = some_articles(tmp_path / "articles")
    out = io.StringIO()
    with Progress("pages built", stream=out, every=0) as progress:
        pipeline.build([str(articles)], out=tmp_path / "build", progress=progress, cache_dir=None)
    pages = len(list(articles.glob("*.wiki")))
    assert pages > 5 and out.getvalue().splitlines()[-1] == f"kg: pages built: {pages} done"


def test_kg_build_draws_a_bar_on_a_terminal_and_no_bar_in_a_log(tmp_path):
    articles = some_articles(tmp_path / "articles")

    def command(out: Path) -> list[str]:
        return [sys.executable, "-c", "from kg.cli import main; main()", "build", str(articles), "--out", str(out), "--no-cache"]

    logged = subprocess.run(command(tmp_path / "b"), capture_output=True, text=True, timeout=600)
    assert logged.returncode in (0, 1) and "\r" not in logged.stderr and "[#" not in logged.stderr
    leader, follower = pty.openpty()
    done = subprocess.run(command(tmp_path / "t"), stdout=subprocess.DEVNULL, stderr=follower, timeout=600)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert done.returncode in (0, 1) and b"pages built" in seen
