"""Where a whole build's wall time goes: the page phase against the tail after the last page (issue 15).

Runs ``kg build EXPORT --out OUT`` in a child process that marks, by wall clock and its own CPU
time, when each of the build's steps starts and ends (the pages, the merge's last checks, the
shared triples moved, the description, each file, each forked piece of work and the wait for
it, the raw store kept for the next edit), while a sampler reads the CPU time of every process
of the build from ``/proc`` ten times a second. It prints each step's wall span, the parent's
CPU in it and the CPU of all the build's processes in it: the latter over the span says how
many cores the step kept busy (2.0 on this machine is both). A tail that keeps 1.0 leaves a
core idle: wall time the issue counts.

On a shared machine the wall times say mostly what the others ran, so it also says what the
tail would take were the build alone on two cores: the parent's CPU between its marks run in
order, each forked piece of work's own CPU from its fork on, the parent waiting where it waited,
the runnable processes sharing the cores by niceness, as the kernel shares them; the pages by
then take their CPU over two cores (they keep both busy: two workers and the parent merging).
The parent's marks count its main thread's CPU; what its other threads do after the last page
(the raw store's copy, RocksDB's loads and compaction) is a piece of work beside it, waited for
where the raw store is taken (counted in the parent's steps, before the fortieth session, a
thread working beside them made them look that much longer).

``EXPORT`` is an export written by ``corpus_scale.py`` (``--write N PATH`` writes one here);
``--code DIR`` builds with another checkout's kg (earlier code, to take turns with);
``--keep FILE`` keeps the marks and samples, ``--again FILE`` reports them again.
Prints figures only. From the repository root:

    .venv/bin/python benchmarks/build_timeline.py --write 1000 /tmp/corpus-1000.xml
    .venv/bin/python benchmarks/build_timeline.py /tmp/corpus-1000.xml [--code DIR] [--keep FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
#: Steps done many times, their spans summed in one line (from the first's start to the last's end).
SUMMED = ("fsync", "raw store filled", "raw lines written")

#: The child: kg's steps wrapped so that each prints "mark WHAT start|end WALL CPU" to a pipe.
CHILD = r"""
import functools, os, sys, threading, time
sys.path.insert(0, sys.argv[1])
marks = os.fdopen(int(os.environ["KG_TIMELINE_FD"]), "w", buffering=1)

def main_cpu():
    # the main thread's CPU: the parent's steps run in it; its other threads (the raw store's
    # copy, RocksDB's loads and compaction) are work beside it, marked as a piece of its own
    return time.clock_gettime(time.pthread_getcpuclockid(threading.main_thread().ident))

def others():
    return time.process_time() - main_cpu()

def mark(what, edge, cpu=None):
    marks.write(f"mark {what} {edge} {time.time():.4f} {main_cpu() if cpu is None else cpu:.4f}\n")

def threads(when):
    # each thread's CPU by name (RocksDB's compaction is rocksdb:low) and the process's max RSS
    import resource
    tick, named = os.sysconf("SC_CLK_TCK"), {}
    for task in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{task}/stat") as stat:
                text = stat.read()
        except OSError:
            continue
        name, fields = text[text.index("(") + 1:text.rindex(")")], text.rsplit(")", 1)[1].split()
        named[name] = named.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / tick
    listed = " ".join(f"{name}={cpu:.2f}" for name, cpu in sorted(named.items(), key=lambda item: -item[1]))
    marks.write(f"note {when}: process {time.process_time():.2f} s, threads {listed}, "
                f"max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB\n")

def wrapped(owner, name, what=None):
    inner = getattr(owner, name, None)
    if inner is None:  # not in this code
        return
    @functools.wraps(inner)  # a forked piece of work is named by its function's name
    def timed(*args, **kwargs):
        mark(what or name, "start")
        try:
            return inner(*args, **kwargs)
        finally:
            mark(what or name, "end")
    setattr(owner, name, timed)

from kg import answers, export, incremental, pipeline, pool, rdf, void

def elsewhere(work, *arguments, **options):
    what = getattr(work, "__name__", "work").lstrip("_")
    mark(f"fork:{what}", "start")
    def inside(*arguments):
        mark(f"in fork:{what}", "start", time.process_time())  # a fork's threads are all its work
        mark(f"niceness {os.nice(0)} of:{what}", "start")
        try:
            return work(*arguments)
        finally:
            mark(f"in fork:{what}", "end", time.process_time())
    waited = pool_elsewhere(inside, *arguments, **options)
    def result():
        mark(f"wait:{what}", "start")
        try:
            return waited()
        finally:
            mark(f"wait:{what}", "end")
    return result

pool_elsewhere = pool.elsewhere
pool.elsewhere = export.elsewhere = pipeline.elsewhere = elsewhere

raw_work = []  # the raw store's work beside the main thread, from the last page to its wait
def raw_begun():
    if not raw_work:
        raw_work.append(True)
        mark("fork:raw store", "start")
        mark("in fork:raw store", "start", others())

build_pages = pipeline.build_pages
def pages(*args, **kwargs):
    def each():
        mark("pages", "start")
        yield from build_pages(*args, **kwargs)
        mark("pages", "end")
        threads("the last page")
        if RawFill is not None and not hasattr(RawFill, "copy"):  # filled as the pages merged: compaction, last load
            raw_begun()
    return each()
pipeline.build_pages = pages

# the raw store filled by the build, as its pages merged (the 17th to the 39th session) or copied by a thread once
# they are (the 40th to the 50th); from the 51st its lines are written as the pages merge and loaded after the build
RawFill = getattr(incremental, "RawFill", None)
copy_raw = getattr(RawFill, "copy", None)
if copy_raw is not None:
    def copying(self, *args, **kwargs):
        raw_begun()
        return copy_raw(self, *args, **kwargs)
    RawFill.copy = copying
if RawFill is not None:
    finish_raw = RawFill.finish
    def finishing(self):
        if raw_work == [True]:
            raw_work.append(False)
            mark("wait:raw store", "start")
            try:
                return finish_raw(self)
            finally:
                mark("in fork:raw store", "end", others())
                mark("wait:raw store", "end")
        return finish_raw(self)
    RawFill.finish = finishing
    wrapped(RawFill, "add", "raw store filled")
else:
    from kg import raw_store
    wrapped(raw_store.RawLines, "add", "raw lines written")
    wrapped(raw_store, "fill_later", "raw store left to a process after")
wrapped(pipeline, "_without_conflicts", "checks across articles")
wrapped(rdf, "settle_labels", "labels settled")
wrapped(rdf, "publish_shared_once", "shared moved")
wrapped(void, "published_stats", "counted")  # after the move, in the parent (the 41st session)
wrapped(pipeline, "describe")
wrapped(export, "write_store", "files")
wrapped(export, "_write_union", "union files")  # kg.nt kg.ttl kg.jsonld; from the 51st session kg.jsonld in a fork
wrapped(export, "write_void", "void.ttl")
wrapped(incremental.Kept, "adopt", "raw store adopted")
wrapped(incremental.Kept, "save", "state saved")
wrapped(pipeline.outdir, "_fsync", "fsync")

from kg.cli import main
mark("build", "start")
try:
    main(["build", *sys.argv[2:]])
finally:
    mark("build", "end")
    threads("the build's end")
"""

#: The sampler: every process under a pid, its CPU seconds, ten times a second, to stdout.
SAMPLER = r"""
import os, sys, time
root, tick = int(sys.argv[1]), os.sysconf("SC_CLK_TCK")
seen = {}
while True:
    parents, cpu = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    for pid in cpu:
        ancestor = pid
        while ancestor in parents and ancestor != root:
            ancestor = parents[ancestor]
        if ancestor == root:
            seen[pid] = cpu[pid]
    if root not in cpu:
        break
    print(f"{time.time():.3f} {sum(seen.values()):.2f}", flush=True)
    time.sleep(0.1)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", type=Path, nargs="?")
    parser.add_argument("--write", nargs=2, metavar=("PAGES", "PATH"), help="write a synthetic export and stop")
    parser.add_argument("--code", type=Path, default=REPOSITORY, help="the checkout whose kg builds")
    parser.add_argument("--out", type=Path, default=None, help="where to publish (default: a scratch directory)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the marks and samples in this JSON file")
    parser.add_argument("--again", type=Path, default=None, help="report the marks and samples kept in this file")
    arguments = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    if arguments.write:
        from corpus_scale import synthetic_export

        Path(arguments.write[1]).write_text(synthetic_export(int(arguments.write[0])), encoding="utf-8")
        return
    if arguments.again:
        print(report(*json.loads(arguments.again.read_text(encoding="utf-8")), load=None))
        return
    from corpus_scale import stop_answering_ahead

    with tempfile.TemporaryDirectory(prefix="kg-timeline-", ignore_cleanup_errors=True) as scratch:
        out = arguments.out or Path(scratch) / "out"
        marks, samples = timeline(arguments.export, out, arguments.code.resolve(), Path(scratch) / "cache")
        stop_answering_ahead(out)  # the other parameters' answers, at a lower priority after the build: not its work
        if arguments.keep:
            arguments.keep.write_text(json.dumps([marks, samples]), encoding="utf-8")
        print(report(marks, samples, load=os.getloadavg()[0]), flush=True)


def timeline(export: Path, out: Path, code: Path, cache: Path) -> tuple[list[tuple[str, str, float, float]],
                                                                        list[tuple[float, float]]]:
    """The marks the build printed and the sampler's (time, CPU of every process) pairs."""
    reading, writing = os.pipe()
    command = [sys.executable, "-c", CHILD, str(code), str(export), "--out", str(out), "--page-cache", str(cache)]
    complaints = tempfile.TemporaryFile()
    child = subprocess.Popen(command, cwd=code, pass_fds=(writing,), stdout=subprocess.DEVNULL,
                             stderr=complaints, env={**os.environ, "KG_TIMELINE_FD": str(writing)})
    os.close(writing)
    sampled = tempfile.TemporaryFile("w+")  # not a pipe: unread until the build ends, it would fill and stop the sampler
    sampler = subprocess.Popen([sys.executable, "-c", SAMPLER, str(child.pid)], stdout=sampled, text=True)
    with os.fdopen(reading) as stream:
        lines = stream.read().splitlines()
    if child.wait() not in (0, 1):
        complaints.seek(0)
        sys.exit(f"kg build failed: {complaints.read().decode('utf-8', 'replace')[-2000:]}")
    sampler.wait()
    sampled.seek(0)
    samples = [(float(t), float(c)) for t, c in (line.split() for line in sampled.read().splitlines())]
    marks = []
    for line in lines:
        if line.startswith("note "):
            print(line[5:], flush=True)
            continue
        _, rest = line.split(" ", 1)
        what, edge, wall, cpu = rest.rsplit(" ", 3)
        marks.append((what, edge, float(wall), float(cpu)))
    return marks, samples


def _tree_cpu(samples: list[tuple[float, float]], at: float) -> float:
    """All the build's processes' CPU seconds at ``at``, interpolated between samples."""
    before = [s for s in samples if s[0] <= at]
    after = [s for s in samples if s[0] > at]
    if not before:
        return samples[0][1] if samples else 0.0
    if not after:
        return before[-1][1]
    (t0, c0), (t1, c1) = before[-1], after[0]
    return c0 + (c1 - c0) * (at - t0) / (t1 - t0)


def _shares(weights: dict[str, float], cores: int) -> dict[str, float]:
    """The cores each runnable process gets, in proportion to its weight, none more than one."""
    shares, left, free = {}, dict(weights), float(cores)
    while left:
        total = sum(left.values())
        capped = {name for name, w in left.items() if free * w / total >= 1.0}
        if not capped:
            shares.update({name: free * w / total for name, w in left.items()})
            break
        for name in capped:
            shares[name] = 1.0
            free -= 1.0
            del left[name]
    return shares


def on_two_idle_cores(marks: list[tuple[str, str, float, float]], *, after: float, cores: int = 2) -> float:
    """The tail's wall time were the build alone on ``cores`` cores: the parent's CPU between
    its marks run in order, each forked piece of work (its own CPU) from its fork on, the
    parent waiting where it waited for one; the runnable processes share the cores by their
    niceness's weight (as the kernel shares them), none more than one core."""
    own = {what: cpu for what, edge, _, cpu in marks if what.startswith("in fork:") and edge == "end"}
    weight = {what.split(":", 1)[1]: 1.25 ** -int(what.split()[1]) for what, _, _, _ in marks
              if what.startswith("niceness ")}  # the kernel's weight of a niceness, relative to 0
    started = {what: cpu for what, edge, _, cpu in marks if what.startswith("in fork:") and edge == "start"}
    children: dict[str, float] = {}  # running: CPU seconds left
    steps: list[tuple[str, float]] = []  # the parent's: ("run", cpu) | ("fork", name) | ("wait", name)
    last = None
    for what, edge, wall, cpu in marks:
        if what.startswith(("in fork:", "niceness ")) or wall < after:  # the forks' own marks
            continue
        if last is not None:
            steps.append(("run", max(0.0, cpu - last)))
        last = cpu
        if what.startswith("fork:") and edge == "start":
            steps.append(("fork", what[5:]))
        elif what.startswith("wait:") and edge == "start":
            steps.append(("wait", what[5:]))
    clock = 0.0
    for kind, value in steps:
        if kind == "fork":
            children[value] = own.get(f"in fork:{value}", 0.0) - started.get(f"in fork:{value}", 0.0)
            continue
        need = value if kind == "run" else None
        while (need is not None and need > 1e-9) or (need is None and children.get(value, 0.0) > 1e-9):
            rates = _shares({**{name: weight.get(name, 1.0) for name in children},
                             **({"": 1.0} if need is not None else {})}, cores)
            step = min(left / rates[name] for name, left in [*children.items(), *([("", need)] if need is not None else [])])
            clock += step
            children = {name: left - step * rates[name] for name, left in children.items()
                        if left - step * rates[name] > 1e-9}
            if need is not None:
                need -= step * rates[""]
        children.pop(value, None) if kind == "wait" else None
    return clock


def report(marks: list[tuple[str, str, float, float]], samples: list[tuple[float, float]], *,
           load: float | None) -> str:
    start = next(wall for what, edge, wall, _ in marks if what == "build" and edge == "start")
    opened: dict[str, list[tuple[float, float]]] = {}
    rows = []
    for what, edge, wall, cpu in marks:
        if what.startswith("niceness "):
            continue
        if edge == "start":
            opened.setdefault(what, []).append((wall, cpu))
            if what.startswith("fork:"):
                rows.append((wall, what, wall, cpu, wall, cpu))
            continue
        began, began_cpu = opened[what].pop()
        rows.append((began, what, began, began_cpu, wall, cpu))
    merged: dict[str, list[float]] = {}
    order = []
    for _, what, began, began_cpu, ended, cpu in sorted(rows):
        if what in SUMMED and what in merged:  # many small ones: summed
            entry = merged[what]
            entry[1] = max(entry[1], ended - start)
            entry[2] += cpu - began_cpu
            entry[3] += _tree_cpu(samples, ended) - _tree_cpu(samples, began)
            entry[4] += ended - began
            continue
        key = what if what not in merged else f"{what} #{sum(1 for k in merged if k.startswith(what))}"
        merged[key] = [began - start, ended - start, cpu - began_cpu,
                       _tree_cpu(samples, ended) - _tree_cpu(samples, began), ended - began]
        order.append(key)
    lines = [f"{'step':<28} {'from s':>7} {'to s':>7} {'wall s':>7} {'own cpu':>10} {'all cpu':>8} {'cores':>6}"]
    for key in order:
        began, ended, cpu, tree, wall = merged[key]
        cores = tree / wall if wall > 0.05 else float("nan")
        lines.append(f"{key:<28} {began:>7.2f} {ended:>7.2f} {wall:>7.2f} {cpu:>10.2f} {tree:>8.2f} {cores:>6.2f}")
    last_page = merged["pages"][1]
    end = merged["build"][1]
    tail_cpu = _tree_cpu(samples, start + end) - _tree_cpu(samples, start + last_page)
    pages_cpu = _tree_cpu(samples, start + last_page) - _tree_cpu(samples, start + merged["pages"][0])
    idle_pages, idle_tail = max(pages_cpu / 2, merged["pages"][2]), on_two_idle_cores(marks, after=start + last_page)
    lines.append(f"# on two idle cores (each process's CPU, the runnable ones sharing two cores by niceness): the pages "
                 f"{idle_pages:.1f} s, the tail {idle_tail:.1f} s, in all {idle_pages + idle_tail:.1f} s")
    lines.append(f"# the pages {last_page:.1f} s wall, the tail after the last page {end - last_page:.1f} s wall, "
                 f"{tail_cpu:.1f} s of CPU in all its processes ({tail_cpu / max(end - last_page, 1e-9):.2f} cores)"
                 + (f"; load {load:.1f}" if load is not None else ""))
    return "\n".join(lines)


if __name__ == "__main__":
    main()
