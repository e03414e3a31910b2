"""The fuzz suite (tests/fuzzing.py), bounded here; ``make fuzz`` runs it longer.

Each area runs for ``KG_FUZZ_SECONDS`` (default 6) from seed ``KG_FUZZ_SEED`` (default:
a fixed seed, so ``make test`` is repeatable; ``make fuzz`` picks a new one and prints it).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests import fuzzing

SECONDS = float(os.environ.get("KG_FUZZ_SECONDS", "6"))
SEED = int(os.environ.get("KG_FUZZ_SEED", "20261201"))
DATA = Path(__file__).parent / "data" / "query"


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    from kg.cli import main

    out = tmp_path_factory.mktemp("fuzz-build") / "build"
    result = CliRunner().invoke(main, ["build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def app(build):
    from kg.server.app import App
    from kg.server.settings import Settings

    application = App(Settings(port=0, query_timeout=5, queue_wait=5), data=(build / "kg.trig",))
    yield application
    application.close()


def report(tally: fuzzing.Tally) -> None:
    print(f"\nfuzz seed {SEED}: {tally.line()}")
    for kind, found in (("crash", tally.crashes), ("hang", tally.hangs), ("data lost", tally.lost)):
        for item in found[:5]:
            print(f"  {kind}: {item}")
    assert tally.cases > 0
    assert (tally.crashes, tally.hangs, tally.lost) == ([], [], [])


def test_fuzz_articles(tmp_path):
    report(fuzzing.fuzz_articles(SECONDS, SEED, tmp_path))


def test_fuzz_splices():
    report(fuzzing.fuzz_splices(SECONDS, SEED))


def test_fuzz_exports(tmp_path, build):
    report(fuzzing.fuzz_exports(SECONDS, SEED, tmp_path, build))


def test_fuzz_guard():
    report(fuzzing.fuzz_guard(SECONDS, SEED))


def test_fuzz_queries(app, build):
    report(fuzzing.fuzz_queries(SECONDS, SEED, app, build / "kg.trig"))


def test_fuzz_http_requests(app):
    from kg.server.app import running

    entity = "/id/person/%E9%87%91%E5%A4%A7%E4%B8%AD"
    with running(app) as url:
        report(fuzzing.fuzz_http(SECONDS, SEED, url, entity))
