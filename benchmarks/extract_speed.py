"""CPU time a page costs to parse and to extract, in one process (issue 15).

Reads every article of the repository (``corpus/``, ``tests/data/articles``, ``realistic``
and ``heldout``) and ``--synthetic`` pages of ``corpus_scale.py``'s synthetic export (the
articles with their names tagged per page, as the corpus-scale builds read them), then
times :func:`kg.wikitext.parse` and :func:`kg.extract.extract` of each page by CPU time
(``time.process_time``), ``--repeat`` times, and prints the best mean per page of each
group with the load average. Parsing is done before the extraction's clock starts.
Python's cyclic collector runs as in a build's page worker (``kg.pool``): what was read
before the clock starts is frozen out of its sight and it collects every 50,000
allocations; ``--gc default`` keeps the interpreter's own settings, which walk every page
held here hundreds of times and overstate a page's CPU (by about 15 % on 1,100 articles).

``--digest FILE`` writes one line per page: its origin and the SHA-256 of its extraction's
``repr`` and of its parse's (the document model, its mwparserfromhell nodes aside), so two
versions of the code can be shown to parse and extract the same from every page (``cmp``
the two files). ``--before DIR`` runs this script against the code in DIR (an
earlier checkout, e.g. ``git archive COMMIT | tar -x -C DIR``) and this checkout in turns,
``--rounds`` times, so both are measured at the same load; with ``--digest FILE`` each
writes ``FILE.before`` and ``FILE`` and says whether they are the same.

Prints figures only; nothing here asserts a time. From the repository root:

    .venv/bin/python benchmarks/extract_speed.py [--synthetic 100] [--repeat 2] [--before DIR]
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import io
import os
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
ARTICLES = ("corpus", "tests/data/articles", "tests/data/realistic", "tests/data/heldout")
#: ``kg.pool``'s page workers' collector thresholds, written here so that ``--before`` measures
#: an earlier checkout the same way (``tests/test_benchmarks.py`` checks they still agree).
_WORKER_GC = (200_000, 10, 10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--synthetic", type=int, default=100, help="synthetic pages (corpus_scale.py's export)")
    parser.add_argument("--repeat", type=int, default=2, help="times each page is read; the best mean is printed")
    parser.add_argument("--digest", type=Path, help="write each page's origin and its extraction's SHA-256 here")
    parser.add_argument("--before", type=Path, metavar="DIR", help="a checkout of earlier code, run in turns with this")
    parser.add_argument("--rounds", type=int, default=3, help="turns of --before and this checkout")
    parser.add_argument("--gc", choices=("worker", "default"), default="worker",
                        help="the cyclic collector as in a build's page worker (the default) or as Python starts")
    arguments = parser.parse_args()
    if arguments.before is not None:
        in_turns(arguments)
        return
    measure(arguments.synthetic, arguments.repeat, arguments.digest, arguments.gc)


def in_turns(arguments: argparse.Namespace) -> None:
    """This script run against the code in ``--before`` and in this checkout, in turns."""
    digests = {}
    for number in range(arguments.rounds):
        for name, root in (("before", arguments.before.resolve()), ("this", REPOSITORY)):
            command = [sys.executable, str(Path(__file__).resolve()), "--synthetic", str(arguments.synthetic),
                       "--repeat", str(arguments.repeat), "--gc", arguments.gc]
            if arguments.digest is not None and number == 0:
                digests[name] = arguments.digest.resolve().with_name(
                    arguments.digest.name + (".before" if name == "before" else ""))
                command += ["--digest", str(digests[name])]
            subprocess.run(command, cwd=root, env={**os.environ, "KG_EXTRACT_SPEED_CODE": str(root)}, check=True)
    if digests:
        same = digests["before"].read_bytes() == digests["this"].read_bytes()
        print(f"# extractions {'identical' if same else 'DIFFERENT'}: {digests['before']} {digests['this']}")


def measure(synthetic: int, repeat: int, digest: Path | None, collector: str = "worker") -> None:
    code = Path(os.environ.get("KG_EXTRACT_SPEED_CODE", REPOSITORY))
    print(f"# extraction CPU, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, code in {code}, "
          f"the {collector} collector", flush=True)
    sys.path[:0] = [str(code), str(REPOSITORY / "benchmarks")]
    os.chdir(code)  # origins relative to the checkout, so that two checkouts' digests compare
    from kg.extract import extract
    from kg.model import Page
    from kg.source import read_export, read_sources
    from kg.wikitext import parse

    groups = {"articles": [page for spec in ARTICLES for page in read_sources([spec]) if isinstance(page, Page)]}
    if synthetic:
        import corpus_scale

        export = corpus_scale.synthetic_export(synthetic).encode()
        groups["synthetic"] = [page for page in read_export(io.BytesIO(export), origin="synthetic.xml")
                               if isinstance(page, Page)]
    if collector == "worker":
        gc.freeze()  # the pages read here outlive the timing, as a worker's inherited objects do
        gc.set_threshold(*_WORKER_GC)
    best: dict[str, tuple[float, float]] = {}
    lines = []
    for turn in range(repeat):
        for name, pages in groups.items():
            parsing = extracting = 0.0
            for page in pages:
                started = time.process_time()
                document = parse(page)
                parsed = time.process_time()
                extraction = extract(document)
                extracting += time.process_time() - parsed
                parsing += parsed - started
                if turn == 0 and digest is not None:
                    lines.append(f"{page.origin}\t{hashlib.sha256(repr(extraction).encode()).hexdigest()}"
                                 f"\t{hashlib.sha256(repr(document).encode()).hexdigest()}\n")
            now = (parsing / len(pages) * 1000, extracting / len(pages) * 1000)
            best[name] = tuple(map(min, zip(best.get(name, now), now)))
    for name, (parsing, extracting) in best.items():
        print(f"{name:>10}: {len(groups[name]):>4} pages, parse {parsing:6.2f} ms, extract {extracting:6.2f} ms "
              f"of CPU a page (best of {repeat}), load {os.getloadavg()[0]:.1f}", flush=True)
    if digest is not None:
        digest.write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
