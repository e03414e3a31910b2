"""The ``kg`` console script (kg.cli.run): what a command imports is frozen out of the cyclic
garbage collector's sight, only there, and the command publishes what the library does."""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys

import pytest

import kg.cli
from conftest import ARTICLES, CORPUS_ARTICLE
from kg import pipeline

OUTPUTS = ("kg.ttl", "kg.jsonld", "kg.nt", "kg.trig", "context.jsonld", "void.ttl")


@pytest.fixture
def collector():
    """The collector as the test found it: enabled, nothing frozen by the test left frozen."""
    frozen = gc.get_freeze_count()
    yield frozen
    gc.unfreeze()
    gc.enable()


def test_in_its_own_process_a_command_is_loaded_then_frozen(collector, monkeypatch):
    monkeypatch.setattr(kg.cli, "_OWN_PROCESS", True)
    command = kg.cli.main.get_command(None, "build")
    assert command.name == "build"
    assert gc.get_freeze_count() > collector
    assert gc.isenabled()


def test_called_from_other_code_the_collector_is_left_alone(collector):
    command = kg.cli.main.get_command(None, "build")
    assert command.name == "build"
    assert gc.get_freeze_count() == collector
    assert gc.isenabled()


def test_the_console_script_publishes_what_the_library_does(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in [*sorted(ARTICLES.glob("*.wiki"))[:3], CORPUS_ARTICLE]:
        shutil.copy(path, folder / path.name)
    script = subprocess.run(
        [sys.executable, "-X", "utf8", "-c", "from kg.cli import run; run()", "build", str(folder),
         "--out", str(tmp_path / "script"), "--no-cache", "--page-cache", str(tmp_path / "cache")],
        capture_output=True, text=True, timeout=300)
    assert script.returncode == 0, script.stderr
    pipeline.build([str(folder)], out=tmp_path / "library")
    for name in OUTPUTS:
        assert (tmp_path / "script" / name).read_bytes() == (tmp_path / "library" / name).read_bytes(), name
