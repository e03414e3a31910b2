"""How much work ``kg build`` adds to Python's start-up, and whether reading an export stays flat.

Part 1 times the bundled article: a bare interpreter, the interpreter importing ``kg``,
``kg build`` as a whole process, and ``kg build`` in-process (first and warm runs). The
goal is well under a second of work beyond Python's start-up.

Part 2 writes synthetic ``.xml.bz2`` exports (the bundled article repeated under different
titles) and reads them with :func:`kg.source.read_sources`, recording the tracemalloc peak:
a streamed reader's peak does not grow with the number of pages. With ``--build-pages N``
it also runs ``kg build`` on an N-page export in a child process and reports its time and
max RSS (on this machine, 26 Nov 2026: 200 pages took 62 s and 480 MiB, against 0.9 s and
154 MiB for the bundled article — building holds the graph, reading does not).

Prints figures only; nothing here asserts a time. Run from the repository root:

    .venv/bin/python benchmarks/build_speed.py [--repeat 5] [--build-pages 20]
"""

from __future__ import annotations

import argparse
import bz2
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

REPOSITORY = Path(__file__).resolve().parent.parent
ARTICLE = REPOSITORY / "corpus" / "zhwiki-inter-korean-summits.wiki"
READ_SIZES = (20, 200, 2000)

# A child process that runs ``kg build`` in-process and prints its own max RSS (KiB on Linux).
BUILD_AND_REPORT_RSS = """
import resource, sys
from click.testing import CliRunner
from kg.cli import main
result = CliRunner().invoke(main, ["build", *sys.argv[1:]])
if result.exit_code != 0:
    sys.exit(result.output)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing (median is shown)")
    parser.add_argument(
        "--build-pages", type=int, default=20, help="pages of the export given to kg build (0: skip)"
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as scratch:
        time_bundled_article(Path(scratch), repeat=options.repeat)
        measure_export_reading(Path(scratch))
        if options.build_pages:
            measure_export_build(Path(scratch), pages=options.build_pages)


# --- part 1: the bundled article --------------------------------------------------------


def time_bundled_article(scratch: Path, *, repeat: int) -> None:
    python = [sys.executable, "-X", "utf8"]
    out = scratch / "out"
    # rdflib and pySHACL were byte-compiled when pip installed them; kg is installed editable,
    # and with PYTHONDONTWRITEBYTECODE set (as in some shells and CI) every run would compile
    # kg's sources again: compile them once, as an installed kg would be.
    subprocess.run([*python, "-m", "compileall", "-q", str(REPOSITORY / "kg")], check=True, capture_output=True)
    cache = ["--page-cache", str(scratch / "page-cache")]  # the shapes as read and checked are kept there
    startup = median_seconds([*python, "-c", "pass"], repeat=repeat)
    imports = median_seconds([*python, "-c", "import kg.cli"], repeat=repeat)
    # what the kg console script runs (kg.cli:run)
    command = [*python, "-c", "from kg.cli import run; run()", "build", "--out", str(out), *cache]
    whole = median_seconds(command, repeat=repeat)
    load_before = os.getloadavg()[0]
    # run in turn, so that both see the same load (the machine is shared: the ratio moves with it)
    (bare, bare_cpu), (cold, cold_cpu) = alternated_times(
        [[*python, "-c", "import rdflib, pyshacl"], [*command, "--no-cache"]], repeat=repeat)
    load_after = os.getloadavg()[0]

    started = time.perf_counter()
    from click.testing import CliRunner

    from kg.cli import main as kg

    imported = time.perf_counter() - started
    runs = [build_in_process(CliRunner(), kg, out) for _ in range(repeat)]
    reads = [read_bundled() for _ in range(repeat)]

    print(f"kg build on {ARTICLE.name} ({ARTICLE.stat().st_size} bytes), median of {repeat} runs")
    print(f"  python start-up (python -c pass)          {ms(startup)}")
    print(f"  python + import kg.cli                    {ms(imports)}   imports: {ms(imports - startup)}")
    print(f"  kg build, whole process                   {ms(whole)}   beyond start-up: {ms(whole - startup)}"
          f" ({(whole - startup) / startup:.1f}x start-up)")
    print(f"  in-process: import kg.cli + click         {ms(imported)}")
    print(f"  in-process: kg build, first run           {ms(runs[0])}")
    print(f"  in-process: kg build, warm median         {ms(statistics.median(runs[1:] or runs))}")
    print(f"  in-process: of which kg.source reading    {statistics.median(reads) * 1000:7.2f} ms")
    verdict = "under" if whole - startup < 1.0 else "OVER"
    print(f"  work beyond python start-up: {ms(whole - startup)} — {verdict} the one-second goal")
    print("  against a bare `python -c 'import rdflib, pyshacl'` (issue 15: kg build at most 2x it),")
    print("  wall and CPU (the process and its workers), median of the runs, the two run in turn:")
    print(f"    import rdflib, pyshacl                  {ms(bare)} wall {ms(bare_cpu)} CPU")
    print(f"    kg build --no-cache, whole process      {ms(cold)} wall {ms(cold_cpu)} CPU"
          f"   {cold / bare:.1f}x wall, {cold_cpu / bare_cpu:.1f}x CPU")
    print(f"  (load average {load_before:.1f} -> {load_after:.1f}; kg byte-compiled first, the shapes read from the cache)")
    print(f"  pySHACL imported by that build (parent or worker): {imports_pyshacl([*command, '--no-cache'])}")


def median_seconds(command: list[str], *, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, cwd=REPOSITORY, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def alternated_times(commands: list[list[str]], *, repeat: int) -> list[tuple[float, float]]:
    """Median wall and CPU seconds of each command (CPU of the process and the children it
    waited for), the commands run one after the other ``repeat`` times."""
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for command, wall, cpu in zip(commands, walls, cpus):
            started = time.perf_counter()
            process = subprocess.Popen(command, cwd=REPOSITORY, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(process.pid, 0)
            wall.append(time.perf_counter() - started)
            if os.waitstatus_to_exitcode(status) != 0:
                sys.exit(f"{' '.join(command[-4:])} failed")
            cpu.append(usage.ru_utime + usage.ru_stime)
    return [(statistics.median(wall), statistics.median(cpu)) for wall, cpu in zip(walls, cpus)]


def imports_pyshacl(command: list[str]) -> str:
    """Whether ``command`` (a ``python -X utf8 ...`` command line) imports pySHACL in any of its
    processes: a build whose pages all pass the screen (kg/prescreen.py) does not."""
    traced = [command[0], "-X", "importtime", *command[1:]]
    result = subprocess.run(traced, cwd=REPOSITORY, check=True, capture_output=True, text=True)
    if any(line.rsplit("|", 1)[-1].strip() == "pyshacl" for line in result.stderr.splitlines()):
        return "yes (a page went to pySHACL)"
    return "no (every page passed the screen)"


def build_in_process(runner, kg, out: Path) -> float:
    started = time.perf_counter()
    result = runner.invoke(kg, ["build", "--out", str(out)])
    elapsed = time.perf_counter() - started
    if result.exit_code != 0:
        sys.exit(f"kg build failed ({result.exit_code}): {result.output}")
    return elapsed


def read_bundled() -> float:
    from kg.source import read_sources

    started = time.perf_counter()
    list(read_sources([]))
    return time.perf_counter() - started


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


# --- part 2: a large synthetic export ---------------------------------------------------


def write_export(path: Path, *, pages: int) -> None:
    """An export of ``pages`` copies of the bundled article, each under its own title."""
    text = escape(ARTICLE.read_text(encoding="utf-8"))
    with bz2.open(path, "wt", encoding="utf-8") as export:
        export.write('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" xml:lang="zh">\n')
        export.write("<siteinfo><base>https://zh.wikipedia.org/wiki/</base></siteinfo>\n")
        for number in range(1, pages + 1):
            export.write(
                f"<page><title>{escape(f'Synthetic summit {number}')}</title><ns>0</ns>"
                f"<revision><id>{number}</id><timestamp>2024-01-01T00:00:00Z</timestamp>"
                f"<model>wikitext</model><text xml:space={quoteattr('preserve')}>{text}</text>"
                "</revision></page>\n"
            )
        export.write("</mediawiki>\n")


def measure_export_reading(scratch: Path) -> None:
    from kg.model import Page
    from kg.source import read_sources

    print("\nreading a synthetic .xml.bz2 export with kg.source.read_sources (pages not kept)")
    print(f"  {'pages':>6} {'text MB':>8} {'bz2 KB':>7} {'seconds':>8} {'MB/s':>6} {'tracemalloc peak':>17}")
    for pages in READ_SIZES:
        path = scratch / f"export-{pages}.xml.bz2"
        write_export(path, pages=pages)
        text_bytes = 0
        tracemalloc.start()
        started = time.perf_counter()
        for item in read_sources([str(path)]):
            if isinstance(item, Page):
                text_bytes += len(item.text.encode("utf-8"))
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        megabytes = text_bytes / 1e6
        print(
            f"  {pages:>6} {megabytes:>8.1f} {path.stat().st_size / 1e3:>7.0f} {elapsed:>8.2f}"
            f" {megabytes / elapsed:>6.1f} {peak / 1e3:>14.0f} KB"
        )
    print("  (tracemalloc slows reading; the peak should not grow with the number of pages)")
    print(f"  for contrast, ElementTree.parse of the whole {READ_SIZES[-1]}-page export: peak "
          f"{whole_tree_peak(path) / 1e3:.0f} KB")


def whole_tree_peak(path: Path) -> int:
    """The tracemalloc peak of loading an export whole, as a non-streaming reader would."""
    import xml.etree.ElementTree as ET

    tracemalloc.start()
    with bz2.open(path, "rb") as export:
        tree = ET.parse(export)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del tree
    return peak


def measure_export_build(scratch: Path, *, pages: int) -> None:
    print("\nkg build in a child process: wall time and max RSS (the graph is held in memory,")
    print("so RSS grows with the pages built even though reading them does not)")
    export = scratch / f"build-{pages}.xml.bz2"
    write_export(export, pages=pages)
    exports = [("bundled article", []), (f"{pages}-page export", [str(export)])]
    for label, sources in exports:
        command = [sys.executable, "-X", "utf8", "-c", BUILD_AND_REPORT_RSS, *sources, "--out", str(scratch / "b")]
        started = time.perf_counter()
        finished = subprocess.run(command, cwd=REPOSITORY, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        if finished.returncode != 0:
            print(f"  {label:<22} failed: {(finished.stderr or finished.stdout).strip().splitlines()[-1:]}")
            continue
        rss_kib = int(finished.stdout.split()[-1])
        print(f"  {label:<22} {elapsed:7.2f} s   max RSS {rss_kib / 1024:6.0f} MiB")


if __name__ == "__main__":
    main()
