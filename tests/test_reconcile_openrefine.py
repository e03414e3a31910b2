"""A real OpenRefine (Debian's ``openrefine`` 3.6) reconciles columns against a live ``kg serve``.

Both run on loopback on ports chosen free at run time; OpenRefine gets a temporary
workspace and is driven through its HTTP API (the calls its own web UI makes: create a
project from an uploaded CSV, reconcile a column against a standard service, extend it with
the service's properties, read the rows). ``make test`` installs the package
(``scripts/ensure-openrefine``); without it this module is skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).parent
DATA = (HERE / "data" / "query" / "fixture.trig", HERE / "data" / "reconcile" / "english.ttl", HERE / "data" / "reconcile" / "names.ttl")
OPENREFINE = shutil.which("openrefine")
BASE = "https://w3id.org/summit-kg/id/"
SCHEMA = "https://w3id.org/summit-kg/ontology#"
ROW_BASED = json.dumps({"facets": [], "mode": "row-based"})

pytestmark = pytest.mark.skipif(
    OPENREFINE is None, reason="Debian's openrefine is not installed (`make test` installs it with scripts/ensure-openrefine when it can)"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, *, seconds: float, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{url} exited with {process.returncode} before answering:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.25)
    pytest.fail(f"{url} did not answer within {seconds} s:\n{log.read_text(errors='replace')[-2000:]}")


def stop(process: subprocess.Popen) -> None:
    """End a process started in its own session, and everything it started (OpenRefine's JVM)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)


@pytest.fixture(scope="module")
def kg_service(tmp_path_factory) -> Iterator[str]:
    """``kg serve`` of the fixture graph on a free loopback port; yields the service's address."""
    port = free_port()
    log = tmp_path_factory.mktemp("kg-serve") / "serve.log"
    command = [str(Path(sys.executable).parent / "kg"), "serve", "--port", str(port), "--workers", "1"]
    command += [arg for path in DATA for arg in ("--data", str(path))]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/reconcile", process, seconds=60, log=log)
        yield f"http://127.0.0.1:{port}/reconcile"
    finally:
        stop(process)


class OpenRefine:
    """The calls OpenRefine's web UI makes, for one server on loopback."""

    def __init__(self, port: int) -> None:
        self.root = f"http://127.0.0.1:{port}"

    def _call(self, path: str, *, form: dict[str, str] | None = None, body: bytes | None = None, content_type: str = "") -> bytes:
        if form is not None:
            body, content_type = urllib.parse.urlencode(form).encode("utf-8"), "application/x-www-form-urlencoded"
        headers = {"Content-Type": content_type} if content_type else {}
        request = urllib.request.Request(self.root + path, data=body, headers=headers, method="POST" if body is not None else "GET")
        with urllib.request.urlopen(request, timeout=60) as reply:
            return reply.read()

    def _token(self) -> str:
        return json.loads(self._call("/command/core/get-csrf-token"))["token"]

    def create_project(self, name: str, csv: str) -> str:
        """A project from ``csv`` (UTF-8, a header line); its id."""
        boundary = uuid.uuid4().hex
        fields = [
            ("project-file", csv.encode("utf-8"), f"{name}.csv"),
            ("project-name", name.encode("utf-8"), None),
            ("format", b"text/line-based/*sv", None),
            ("options", json.dumps({"separator": ",", "headerLines": 1, "encoding": "UTF-8", "guessCellValueTypes": False}).encode(), None),
        ]
        body = b"".join(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"'.encode()
            + (f'; filename="{filename}"\r\nContent-Type: text/csv'.encode() if filename else b"")
            + b"\r\n\r\n" + value + b"\r\n"
            for field, value, filename in fields
        ) + f"--{boundary}--\r\n".encode()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        request = urllib.request.Request(
            f"{self.root}/command/core/create-project-from-upload?csrf_token={self._token()}", data=body,
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )
        try:
            urllib.request.build_opener(NoRedirect).open(request, timeout=60)
        except urllib.error.HTTPError as redirect:  # 302 to /project?project=ID
            location = redirect.headers.get("Location", "")
            if redirect.code == 302 and "project=" in location:
                return location.split("project=", 1)[1]
            raise
        raise AssertionError("OpenRefine did not redirect to the new project")

    def _run(self, command: str, project: str, form: dict[str, str]) -> None:
        answer = json.loads(self._call(f"/command/core/{command}?project={project}&csrf_token={self._token()}", form=form))
        assert answer.get("code") in ("ok", "pending"), answer
        deadline = time.monotonic() + 60
        while json.loads(self._call(f"/command/core/get-processes?project={project}"))["processes"]:
            assert time.monotonic() < deadline, f"{command} still running after 60 s"
            time.sleep(0.2)

    def reconcile(self, project: str, column: str, *, service: str, type_id: str | None, details: dict[str, str] = {}) -> None:
        """Reconcile ``column`` against the standard service at ``service``, auto-matching."""
        config = {
            "mode": "standard-service", "service": service, "identifierSpace": BASE, "schemaSpace": SCHEMA,
            "type": {"id": type_id, "name": type_id} if type_id else None, "autoMatch": True, "limit": 0,
            "columnDetails": [{"column": c, "propertyName": p, "propertyID": p} for c, p in details.items()],
        }
        self._run("reconcile", project, {"columnName": column, "config": json.dumps(config), "engine": ROW_BASED})

    def extend(self, project: str, column: str, *, service: str, properties: list[str]) -> None:
        extension = {"properties": [{"id": p, "name": p} for p in properties]}
        self._run("extend-data", project, {
            "baseColumnName": column, "endpoint": service, "identifierSpace": BASE, "schemaSpace": SCHEMA,
            "extension": json.dumps(extension), "columnInsertIndex": "1", "engine": ROW_BASED,
        })

    def rows(self, project: str) -> list[dict[str, dict]]:
        """Each row as column name → cell (``v`` its value, ``recon`` its reconciliation, if any)."""
        models = json.loads(self._call(f"/command/core/get-models?project={project}"))
        columns = {c["cellIndex"]: c["name"] for c in models["columnModel"]["columns"]}
        answer = json.loads(self._call(f"/command/core/get-rows?project={project}&start=0&limit=100", form={"engine": ROW_BASED}))
        recons = answer.get("pool", {}).get("recons", {})
        rows = []
        for row in answer["rows"]:
            cells = {}
            for index, cell in enumerate(row["cells"]):
                if cell is not None and index in columns:
                    cells[columns[index]] = {"v": cell.get("v"), "recon": recons.get(str(cell.get("r"))) if "r" in cell else None}
            rows.append(cells)
        return rows


@pytest.fixture(scope="module")
def openrefine(tmp_path_factory) -> Iterator[OpenRefine]:
    """OpenRefine on a free loopback port with a temporary workspace."""
    port = free_port()
    workspace = tmp_path_factory.mktemp("openrefine")
    log = workspace / "openrefine.log"
    command = [OPENREFINE, "-i", "127.0.0.1", "-p", str(port), "-d", str(workspace / "data"), "-m", "768M", "-v", "warn"]
    environment = {**os.environ, "JAVA_OPTIONS": "-Drefine.headless=true"}
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=environment, start_new_session=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/command/core/get-version", process, seconds=90, log=log)
        yield OpenRefine(port)
    finally:
        stop(process)


LEADERS_AND_SUMMITS = {  # a cell in any script or language → the id it must be matched to (None: no match)
    "盧武鉉": "person/卢武铉",
    "卢武铉": "person/卢武铉",
    "Roh Moo-hyun": "person/卢武铉",
    "金正恩": "person/金正恩",
    "Kim Jong Un": "person/金正恩",
    "文在寅": "person/文在寅",
    "2018年4月南北韓高峰會": "summit/s3",
    "2000年朝韩首脑会晤": "summit/s1",
    "板門店宣言": "document/板门店宣言",
    "平壤": "place/平壤",
    "金大中": None,  # two people have this name in the graph: a person must choose
    "盧武炫": None,  # a typo: a candidate, not a match
}


def test_openrefine_reconciles_leaders_and_summits_in_mixed_scripts(openrefine, kg_service):
    csv = "name\n" + "".join(f"{name}\n" for name in LEADERS_AND_SUMMITS)
    project = openrefine.create_project("leaders-and-summits", csv)
    openrefine.reconcile(project, "name", service=kg_service, type_id=None)
    rows = openrefine.rows(project)
    assert [r["name"]["v"] for r in rows] == list(LEADERS_AND_SUMMITS)
    for row in rows:
        cell = row["name"]
        expected, recon = LEADERS_AND_SUMMITS[cell["v"]], cell["recon"]
        assert recon is not None, f"{cell['v']} was not reconciled"
        assert recon["service"] == kg_service and recon["identifierSpace"] == BASE
        if expected is None:
            assert recon["j"] == "none", f"{cell['v']} was matched to {recon.get('m')}"
        else:
            assert recon["j"] == "matched" and recon["m"]["id"] == expected, f"{cell['v']}: {recon}"
    namesakes = next(r["name"]["recon"] for r in rows if r["name"]["v"] == "金大中")
    assert {c["id"] for c in namesakes["c"][:2]} == {"person/金大中", "person/金大中-2"}
    typo = next(r["name"]["recon"] for r in rows if r["name"]["v"] == "盧武炫")
    assert typo["c"][0]["id"] == "person/卢武铉"

    # data extension: OpenRefine fetches the matched rows' country, first day and Wikidata
    # item into new columns, named as the service's answer names the properties
    openrefine.extend(project, "name", service=kg_service, properties=["country", "startDate", "wikidata"])
    by_name = {r["name"]["v"]: r for r in openrefine.rows(project)}
    assert by_name["平壤"]["country"]["v"] == "朝鲜民主主义人民共和国"
    assert by_name["2000年朝韩首脑会晤"]["country"]["v"] == "朝鲜民主主义人民共和国"  # its venue's, through 平壤
    assert by_name["2000年朝韩首脑会晤"]["start date"]["v"].startswith("2000-06-13")
    assert by_name["文在寅"]["Wikidata item"]["v"] == "Q21001"


def test_openrefine_sends_columns_as_properties_to_tell_summits_apart(openrefine, kg_service):
    csv = "meeting,date,leader\n朝韩首脑会晤,2007-10-02,盧武鉉\n南北首脑会谈,2018-05-26,文在寅\n首腦會談,2018年9月,Moon Jae-in\n"
    project = openrefine.create_project("summits", csv)
    openrefine.reconcile(project, "meeting", service=kg_service, type_id="Summit", details={"date": "date", "leader": "participant"})
    best = [r["meeting"]["recon"]["c"][0] for r in openrefine.rows(project)]
    assert [c["id"] for c in best] == ["summit/s2", "summit/s4", "summit/s5"]
