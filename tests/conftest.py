"""Shared fixtures: the bundled article, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS_ARTICLE = ROOT / "corpus" / "zhwiki-inter-korean-summits.wiki"
ARTICLES = ROOT / "tests" / "data" / "articles"


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory):
    """``kg build`` of the bundled corpus: the Build value and the directory it published."""
    from kg import pipeline

    out = tmp_path_factory.mktemp("bundled") / "build"
    return pipeline.build([], out=out), out


@pytest.fixture(autouse=True)
def _page_cache_per_test(tmp_path_factory, monkeypatch):
    """``kg build`` keeps built pages in a cache; each test gets its own, so no test sees
    pages another built (with code it had monkeypatched)."""
    monkeypatch.setenv("KG_BUILD_CACHE", str(tmp_path_factory.mktemp("page-cache")))


def jsonld_graph(source: Path | bytes) -> "rdflib.Graph":
    """A JSON-LD file (or its bytes) as rdflib reads it offline: the published context it names
    answered from the shipped copy (kg.jsonld_guard.offline), as README tells clients to do."""
    import rdflib

    from kg.jsonld_guard import offline

    data = source.read_bytes() if isinstance(source, Path) else source
    return rdflib.Graph().parse(data=offline(data, origin="test"), format="json-ld")


def roles_by_day(text, title="甲乙会晤"):
    """{day: {(person, office)}}: the roles each summit of a hand-made article gives its participants."""
    from kg.extract import extract
    from kg.model import Page, Prop
    from kg.wikitext import parse

    extraction = extract(parse(Page(text=text, origin="t", title=title)))
    day = {f.subject: f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE}
    of = {f.value: f.subject for f in extraction.facts if f.prop is Prop.HAS_PARTICIPATION}
    agent = {f.subject: f.value.key for f in extraction.facts if f.prop is Prop.AGENT}
    out: dict[str, set] = {}
    for f in extraction.facts:
        if f.prop is Prop.ROLE and f.subject in agent:
            out.setdefault(day[of[f.subject]], set()).add((agent[f.subject], f.value.key))
    return out



def corpus_build_with_its_answers(sources: list[str], out: Path) -> Path:
    """``sources`` built as a corpus's build is (its last steps in other processes), and the named
    queries' answers kept beside its files as the process it leaves behind keeps them first
    (:func:`kg.answers.answer_later`: their default parameters), run here and waited for."""
    from kg import answers, pipeline
    from kg.store import load_store

    def kept_now(directory: Path, **options) -> None:
        store = load_store([directory / answers.ANSWERED])
        answers.keep_answered(directory, answers.answer_named_queries(store, directory, seconds=answers.BUILD_SECONDS))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "OTHER_CORE_FROM", 1)
        patch.setattr(answers, "ANSWERED_AHEAD_FROM", 1)
        patch.setattr(answers, "answer_later", kept_now)
        pipeline.build(sources, out=out)
    return out
