"""The extraction scorecard: how much of what real articles say comes out of ``kg build``.

Every article of ``tests/data/realistic/`` is built on its own, through the same
pipeline as ``kg build`` (so an article whose graph does not validate scores as nothing
published), and its published graph (``kg.nt``) is compared with the gold facts of
``tests/data/realistic/gold.json``, which follow ``docs/spec/summit-conventions.md``.

Gold summits are matched to extracted ones by overlapping dates (one to one, the largest
overlap first; among summits of the same days, the one sharing the most participants). Then, per fact type:

- **summits**: recall = gold summits matched; precision = extracted summits matched
  (an extracted summit that matches none is *invented*);
- **dates**: the start and the end of each summit, two facts;
- **ordinal**, **participants**, **places** (the venue and every place it lies in),
  **documents** (``skg:outcome``), **roles** (the office of each participant, through
  ``skg:hasParticipation``/``skg:role``).

Recall counts every gold fact, those of missed summits too; precision counts every
extracted fact, those of invented summits too. Names match when they are equal in the
Simplified view with middle dots, spaces and case folded away; gold lists the spellings
an article uses.

Prints the table and writes it to ``benchmarks/extraction-score.md``. Run:

    .venv/bin/python benchmarks/extraction_score.py [--misses] [--only SLUG ...] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pyoxigraph import RdfFormat, Store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "realistic"
GOLD = CORPUS / "gold.json"
TABLE = ROOT / "benchmarks" / "extraction-score.md"
FLOOR = ROOT / "benchmarks" / "extraction-floor.json"
#: Articles on topics the rules were not written for (a development check on unseen writing).
HELDOUT = ROOT / "tests" / "data" / "heldout"
#: The corpora this repository carries: where each keeps its floor and its table.
BUNDLED = {
    CORPUS: (FLOOR, TABLE, "the realistic corpus in `tests/data/realistic/`"),
    HELDOUT: (ROOT / "benchmarks" / "extraction-floor-heldout.json",
              ROOT / "benchmarks" / "extraction-score-heldout.md",
              "the held-out corpus in `tests/data/heldout/` (topics outside issue 9's list, "
              "written after the rules were)"),
}
FACTS = ("summits", "dates", "ordinal", "participants", "places", "documents", "roles")

SKG = "https://w3id.org/summit-kg/ontology#"
_NAMES = f"""
PREFIX skg: <{SKG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


# ------------------------------------------------------------------ names


def fold(name: str) -> str:
    """A name as the scorer compares it: Simplified, no middle dots, spaces or case."""
    from kg.extract.scripts import to_hans

    return re.sub(r"[\s·‧・•\u00b7\u2027\u30fb\-‐‑–—_]", "", to_hans(name)).lower()


def names_match(extracted: frozenset[str], gold: list[str]) -> bool:
    return bool(extracted & {fold(n) for n in gold})


# ------------------------------------------------------------------ what was extracted


@dataclass
class Node:
    iri: str
    names: frozenset[str]


@dataclass
class Extracted:
    iri: str
    start: date
    end: date
    ordinal: int | None
    participants: list[Node]
    places: list[Node]
    documents: list[Node]
    roles: dict[str, list[Node]]  # person IRI -> its roles at this summit


@dataclass
class Built:
    published: bool
    note: str
    summits: list[Extracted] = field(default_factory=list)


def build_article(path: Path) -> Built:
    """Builds one article as ``kg build`` would and reads its summits back."""
    from kg.errors import KgError
    from kg.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        try:
            build([str(path)], out=out)
        except KgError as error:
            return Built(False, f"not built: {error}")
        except Exception as error:  # the scorecard reports a crash as a page that did not publish
            return Built(False, f"crashed: {type(error).__name__}: {error}")
        data = out / "kg.nt"
        if not data.exists():
            return Built(False, "not published (the graph did not validate)")
        store = Store()
        store.bulk_load(path=str(data), format=RdfFormat.N_TRIPLES)
    return Built(True, "published", _summits(store))


def _summits(store: Store) -> list[Extracted]:
    out = []
    rows = store.query(_NAMES + """
        SELECT ?s ?start ?end ?ordinal WHERE {
          ?s a skg:Summit ; skg:startDate ?start ; skg:endDate ?end .
          OPTIONAL { ?s skg:ordinal ?ordinal }
        } ORDER BY ?start ?s""")
    for row in rows:
        iri = row["s"].value
        roles: dict[str, list[Node]] = {}
        for r in store.query(_NAMES + f"""
                SELECT ?person ?role WHERE {{
                  <{iri}> skg:hasParticipation ?p . ?p skg:agent ?person ; skg:role ?role }}"""):
            roles.setdefault(r["person"].value, []).append(_node(store, r["role"].value))
        out.append(Extracted(
            iri,
            date.fromisoformat(row["start"].value),
            date.fromisoformat(row["end"].value),
            int(row["ordinal"].value) if row["ordinal"] is not None else None,
            _objects(store, iri, "skg:participant"),
            _objects(store, iri, "skg:venue/skg:locatedIn*"),
            _objects(store, iri, "skg:outcome"),
            roles,
        ))
    return out


def _objects(store: Store, subject: str, path: str) -> list[Node]:
    found = store.query(_NAMES + f"SELECT DISTINCT ?o WHERE {{ <{subject}> {path} ?o }} ORDER BY ?o")
    return [_node(store, row["o"].value) for row in found]


def _node(store: Store, iri: str) -> Node:
    labels = store.query(_NAMES + f"""
        SELECT ?l WHERE {{ <{iri}> rdfs:label|skos:altLabel|skos:prefLabel ?l }}""")
    return Node(iri, frozenset(fold(row["l"].value) for row in labels))


# ------------------------------------------------------------------ scoring


@dataclass
class Tally:
    gold: int = 0
    extracted: int = 0
    correct_gold: int = 0  # gold facts found
    correct_extracted: int = 0  # extracted facts that are right

    def add(self, other: "Tally") -> None:
        self.gold += other.gold
        self.extracted += other.extracted
        self.correct_gold += other.correct_gold
        self.correct_extracted += other.correct_extracted

    @property
    def recall(self) -> float | None:
        return self.correct_gold / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.correct_extracted / self.extracted if self.extracted else None


@dataclass
class ArticleScore:
    file: str
    kind: str
    note: str
    tallies: dict[str, Tally]
    found: list[str]  # one line per gold fact found: the ratchet's unit
    misses: list[str]  # one line per gold fact missed, with what was extracted instead
    invented: list[str]


def score_article(file: str, gold: dict, built: Built) -> ArticleScore:
    tallies = {fact: Tally() for fact in FACTS}
    found: list[str] = []
    misses: list[str] = []
    pairs = _match(gold["summits"], built.summits)
    matched_extracted = {id(e) for _, e in pairs if e is not None}
    for g, e in pairs:
        _score_summit(file, g, e, tallies, found, misses)
    invented = [f"{e.start}..{e.end} {sorted(n for p in e.participants for n in p.names)[:4]}"
                for e in built.summits if id(e) not in matched_extracted]
    for e in built.summits:
        if id(e) not in matched_extracted:  # every fact of an invented summit is a wrong fact
            tallies["summits"].extracted += 1
            tallies["dates"].extracted += 2
            tallies["ordinal"].extracted += e.ordinal is not None
            tallies["participants"].extracted += len(e.participants)
            tallies["places"].extracted += len(e.places)
            tallies["documents"].extracted += len(e.documents)
            tallies["roles"].extracted += sum(len(r) for r in e.roles.values())
    return ArticleScore(file, gold["kind"], built.note, tallies, found, misses, invented)


def _match(gold_summits: list[dict], extracted: list[Extracted]) -> list[tuple[dict, Extracted | None]]:
    def span(g: dict) -> tuple[date, date]:
        return date.fromisoformat(g["start"]), date.fromisoformat(g["end"])

    candidates = []
    for gi, g in enumerate(gold_summits):
        gs, ge = span(g)
        for ei, e in enumerate(extracted):
            overlap = (min(ge, e.end) - max(gs, e.start)).days + 1
            if overlap > 0:
                shared = sum(1 for p in g.get("participants", ())
                             if any(names_match(n.names, p["names"]) for n in e.participants))
                candidates.append((-overlap, -shared, abs((e.start - gs).days), gi, ei))
    taken_g: dict[int, int] = {}
    taken_e: set[int] = set()
    for *_, gi, ei in sorted(candidates):
        if gi not in taken_g and ei not in taken_e:
            taken_g[gi] = ei
            taken_e.add(ei)
    return [(g, extracted[taken_g[gi]] if gi in taken_g else None) for gi, g in enumerate(gold_summits)]


def _score_summit(file, g, e: Extracted | None, tallies, found, misses) -> None:
    label = f"{file} {g['start']}"

    def record(fact: str, ok: bool, what: str, instead: str) -> None:
        (found if ok else misses).append(f"{label} {fact}: {what}" + ("" if ok else f" — extracted: {instead}"))

    t = tallies["summits"]
    t.gold += 1
    if e is None:
        record("summit", False, f"{g['start']}..{g['end']}", "no summit on these days")
    else:
        t.extracted += 1
        t.correct_gold += 1
        t.correct_extracted += 1
        found.append(f"{label} summit")
    # dates
    t = tallies["dates"]
    t.gold += 2
    if e is not None:
        t.extracted += 2
        for which, want, got in (("start", g["start"], e.start), ("end", g["end"], e.end)):
            ok = want == got.isoformat()
            t.correct_gold += ok
            t.correct_extracted += ok
            record(which, ok, want, got.isoformat())
    # ordinal
    t = tallies["ordinal"]
    want = g.get("ordinal")
    got = e.ordinal if e is not None else None
    t.gold += want is not None
    t.extracted += got is not None
    if want is not None or got is not None:
        ok = want == got
        t.correct_gold += ok and want is not None
        t.correct_extracted += ok and got is not None
        if want is not None:
            record("ordinal", ok, str(want), str(got))
        elif e is not None:
            misses.append(f"{label} ordinal: none in gold — extracted: {got}")
    # participants, places, documents
    people = _score_names(label, "participant", [p["names"] for p in g["participants"]],
                          e.participants if e else [], tallies["participants"], found, misses)
    _score_names(label, "place", g.get("places", []), e.places if e else [], tallies["places"], found, misses)
    _score_names(label, "document", g.get("documents", []), e.documents if e else [],
                 tallies["documents"], found, misses)
    # roles: of each gold participant found
    t = tallies["roles"]
    for person, node in zip(g["participants"], people):
        want_role = person.get("role")
        got_roles = e.roles.get(node.iri, []) if (e is not None and node is not None) else []
        t.gold += want_role is not None
        t.extracted += len(got_roles)
        good = [r for r in got_roles if want_role and names_match(r.names, want_role)]
        t.correct_extracted += len(good)
        if want_role is not None:
            t.correct_gold += bool(good)
            record("role", bool(good), f"{person['names'][0]} {want_role[0]}",
                   ", ".join(sorted(min(r.names) for r in got_roles if r.names)) or "none")
        elif got_roles:
            misses.append(f"{label} role: none in gold for {person['names'][0]} — extracted: "
                          + ", ".join(sorted(min(r.names) for r in got_roles if r.names)))
    if e is not None:  # roles of extracted participants that match no gold participant
        matched = {n.iri for n in people if n is not None}
        t.extracted += sum(len(r) for iri, r in e.roles.items() if iri not in matched)


def _score_names(label, fact, gold: list[list[str]], extracted: list[Node], t: Tally, found, misses):
    """Matches gold names to extracted nodes one to one; returns the node of each gold item."""
    t.gold += len(gold)
    t.extracted += len(extracted)
    free = list(extracted)
    out: list[Node | None] = []
    for names in gold:
        node = next((n for n in free if names_match(n.names, names)), None)
        out.append(node)
        if node is not None:
            free.remove(node)
            t.correct_gold += 1
            t.correct_extracted += 1
            found.append(f"{label} {fact}: {names[0]}")
        else:
            others = ", ".join(sorted(min(n.names) for n in free if n.names)) or "none"
            misses.append(f"{label} {fact}: {names[0]} — extracted: {others}")
    for node in free:
        if node.names:
            misses.append(f"{label} {fact}: not in gold — extracted: {min(node.names)}")
    return out


# ------------------------------------------------------------------ report


def load_gold(corpus: Path = CORPUS) -> dict[str, dict]:
    return json.loads((corpus / GOLD.name).read_text(encoding="utf-8"))


def score_corpus(only: list[str] | None = None, corpus: Path = CORPUS, jobs: int = 1) -> list[ArticleScore]:
    """Every gold article scored, in file order; with ``jobs`` > 1 the articles are built in
    that many processes at once (each still built on its own, as ``kg build`` would)."""
    gold = load_gold(corpus)
    tasks = [(file, gold[file], corpus / file) for file in sorted(gold)
             if not only or any(o in file for o in only)]
    if jobs <= 1 or len(tasks) < 2:
        return [_scored(task) for task in tasks]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forked, not spawned: the workers start with the code loaded, and a build forks its own worker
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_scored, tasks))


def _scored(task: tuple[str, dict, Path]) -> ArticleScore:
    file, gold, path = task
    return score_article(file, gold, build_article(path))


def totals(scores: list[ArticleScore]) -> dict[str, Tally]:
    total = {fact: Tally() for fact in FACTS}
    for score in scores:
        for fact in FACTS:
            total[fact].add(score.tallies[fact])
    return total


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.0f}"


def table(scores: list[ArticleScore]) -> str:
    head = ("| article | kind | gold | found | invented | " +
            " | ".join(f"{f} R/P" for f in FACTS[1:]) + " |")
    lines = [head, "|" + "---|" * (5 + len(FACTS) - 1)]
    for s in scores:
        summ = s.tallies["summits"]
        cells = [f"{_pct(s.tallies[f].recall)}/{_pct(s.tallies[f].precision)}" for f in FACTS[1:]]
        note = "" if s.note == "published" else f" ({s.note})"
        lines.append(f"| {s.file}{note} | {s.kind} | {summ.gold} | {summ.correct_gold} | "
                     f"{summ.extracted - summ.correct_extracted} | " + " | ".join(cells) + " |")
    total = totals(scores)
    summ = total["summits"]
    cells = [f"**{_pct(total[f].recall)}/{_pct(total[f].precision)}**" for f in FACTS[1:]]
    lines.append(f"| **total** ({len(scores)} articles) | | {summ.gold} | {summ.correct_gold} | "
                 f"{summ.extracted - summ.correct_extracted} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("| fact | gold | extracted | recall | precision |")
    lines.append("|---|---|---|---|---|")
    for fact in FACTS:
        t = total[fact]
        lines.append(f"| {fact} | {t.gold} | {t.extracted} | {_pct(t.recall)} % | {_pct(t.precision)} % |")
    return "\n".join(lines)


def causes(scores: list[ArticleScore]) -> Counter:
    counter: Counter = Counter()
    for s in scores:
        for miss in s.misses:
            kind = miss.split(" ", 2)[2].split(":", 1)[0]
            counter[kind] += 1
    return counter


def floor_of(scores: list[ArticleScore]) -> dict:
    """What the ratchet keeps: every total rate, and every gold fact found."""
    total = totals(scores)
    return {
        "recall": {f: total[f].recall for f in FACTS if total[f].recall is not None},
        "precision": {f: total[f].precision for f in FACTS if total[f].precision is not None},
        "found": sorted(line for s in scores for line in s.found),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="print every missed or wrong fact")
    parser.add_argument("--only", nargs="*", help="score only files whose name contains one of these")
    parser.add_argument("--no-write", action="store_true", help="do not rewrite benchmarks/extraction-score.md")
    parser.add_argument("--record", action="store_true",
                        help="record these figures as the floor the ratchet test holds (benchmarks/extraction-floor.json)")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="a directory of articles with their gold.json (default: tests/data/realistic)")
    parser.add_argument("--jobs", type=int, default=None,
                        help="articles built at once (default: one per core)")
    args = parser.parse_args(argv)
    if args.jobs is None:
        from kg.pool import default_jobs

        args.jobs = default_jobs()
    corpus = args.corpus.resolve()
    scores = score_corpus(args.only, corpus, jobs=args.jobs)
    bundled = BUNDLED.get(corpus)
    if args.record:
        if args.only or bundled is None:
            parser.error("--record needs a whole corpus of this repository "
                         "(tests/data/realistic or tests/data/heldout); drop --only")
        floor, _, _ = bundled
        floor.write_text(json.dumps(floor_of(scores), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                         encoding="utf-8")
    text = table(scores)
    print(text)
    misses = [m for s in scores for m in s.misses]
    invented = [f"{s.file}: {i}" for s in scores for i in s.invented]
    if args.misses:
        print("\nMisses and wrong facts:")
        print("\n".join(f"- {m}" for m in misses))
        print("\nInvented summits:")
        print("\n".join(f"- {i}" for i in invented) or "- none")
    if not args.no_write and not args.only and bundled is not None:
        _, path, what = bundled
        path.write_text(
            "# Extraction scorecard\n\nMade by `make score` (`benchmarks/extraction_score.py`) on "
            f"{what} (gold: `gold.json`). Cells are "
            "recall/precision in per cent.\n\n" + text + "\n\n## Misses and wrong facts\n\n"
            + "\n".join(f"- {m}" for m in misses) + "\n\n## Invented summits\n\n"
            + ("\n".join(f"- {i}" for i in invented) or "- none") + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
