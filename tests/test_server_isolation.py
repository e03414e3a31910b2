"""``kg serve``'s processes that run the engine may open no IP socket: the query workers, and
the HTTP processes, which answer cheap queries themselves; unless SERVICE is allowed."""

from __future__ import annotations

import os
import platform
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from kg.server.naming import HTTP_NAME

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.machine().lower() not in ("x86_64", "aarch64"),
    reason="seccomp filters are installed on Linux x86-64 and AArch64 only",
)

DATA = Path(__file__).parent / "data" / "query" / "fixture.trig"
KG = [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--data", str(DATA), "--processes", "1", "--port", "0"]


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def http_processes(pid: int) -> list[int]:
    """The HTTP processes of the kg serve ``pid`` (its janitor aside), by the name they go by."""
    return [child for child in children(pid) if Path(f"/proc/{child}/comm").read_text().strip() == HTTP_NAME]


def seccomp_mode(pid: int) -> int:
    return int(re.search(r"^Seccomp:\s+(\d+)", Path(f"/proc/{pid}/status").read_text(), re.MULTILINE)[1])


def serving(*options: str) -> subprocess.Popen:
    process = subprocess.Popen([*KG, *options], stderr=subprocess.PIPE, text=True, start_new_session=True)
    banner = process.stderr.readline()
    port = re.search(r"http://127\.0\.0\.1:(\d+)/", banner)
    assert port, banner
    with urllib.request.urlopen(f"http://127.0.0.1:{port[1]}/void", timeout=60) as answer:  # an HTTP process serves
        assert answer.status == 200
    return process


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def test_the_http_processes_may_open_no_ip_socket():
    process = serving()
    try:
        processes = http_processes(process.pid)
        assert processes
        assert all(seccomp_mode(pid) == 2 for pid in processes)  # 2: a filter is installed
        assert seccomp_mode(process.pid) == 0  # the parent runs no query
    finally:
        stop(process)


def test_with_service_allowed_the_http_processes_are_not_filtered():
    process = serving("--allow-service")
    try:
        processes = http_processes(process.pid)
        assert processes and all(seccomp_mode(pid) == 0 for pid in processes)
    finally:
        stop(process)
