"""The reconciliation service: every answer checked against the v0.2 JSON Schemas.

In-process through :func:`kg.server.request` for the protocol, over HTTP for what only a
real server shows (CORS, a 10 MB body). The graph is the query fixture plus English names
(``tests/data/reconcile/english.ttl``), a namesake and a hostile label (``names.ttl`` there).
"""

from __future__ import annotations

import json
import random
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from kg.reconcile.queries import BadQuery, read_batch
from kg.server.app import App, request, running
from kg.server.settings import Settings

HERE = Path(__file__).parent
FILES = (HERE / "data" / "query" / "fixture.trig", HERE / "data" / "reconcile" / "english.ttl", HERE / "data" / "reconcile" / "names.ttl")
SCHEMAS = HERE / "fixtures" / "reconciliation-0.2"
ROH, KIM_DJ, KIM_DJ_2 = "person/卢武铉", "person/金大中", "person/金大中-2"
BASE_IRI = "https://w3id.org/summit-kg/id/"


def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMAS.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"].rstrip("#"), Resource.from_contents(schema, default_specification=DRAFT7)))
    return Registry().with_resources(resources)


REGISTRY = _registry()


def validate(document: object, schema_name: str) -> None:
    """Fail the test with the schema's own words when ``document`` does not conform."""
    schema = json.loads((SCHEMAS / f"{schema_name}.json").read_text(encoding="utf-8"))
    errors = sorted(Draft7Validator(schema, registry=REGISTRY).iter_errors(document), key=lambda e: list(e.path))
    assert not errors, f"{schema_name}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


@pytest.fixture(scope="module")
def app():
    application = App(Settings(port=0), data=FILES)
    yield application
    application.close()


@pytest.fixture(scope="module")
def base_url(app):
    with running(app) as url:
        yield url


def get(app, path: str, **params) -> object:
    reply = request(app, path + ("?" + urlencode(params) if params else ""), accept="application/json")
    assert reply.status == 200, reply.body.decode("utf-8")
    assert reply.media_type.startswith("application/json")
    return json.loads(reply.body)


def reconcile(app, queries: dict, *, post: bool = True) -> dict:
    validate(queries, "reconciliation-query-batch")
    text = json.dumps(queries, ensure_ascii=False)
    if post:
        body = urlencode({"queries": text}).encode("utf-8")
        reply = request(app, "/reconcile", method="POST", body=body, content_type="application/x-www-form-urlencoded")
    else:
        reply = request(app, "/reconcile?" + urlencode({"queries": text}))
    assert reply.status == 200, reply.body.decode("utf-8")
    answer = json.loads(reply.body)
    validate(answer, "reconciliation-result-batch")
    assert list(answer) == list(queries)
    for result in answer.values():
        for candidate in result["result"]:
            assert 0 <= candidate["score"] <= 100
            assert candidate["features"] and candidate["features"][0]["id"] in ("name", "type", "property:year")
    return answer


def best(answer: dict, name: str) -> dict:
    return answer[name]["result"][0]


def bad(app, path: str, *, body: bytes = b"", method: str = "GET") -> str:
    reply = request(app, path, method=method, body=body, content_type="application/x-www-form-urlencoded")
    assert reply.status == 400, reply.body
    message = json.loads(reply.body)["message"]
    assert message and "Traceback" not in message
    return message


# --- manifest --------------------------------------------------------------------------------


def test_manifest_is_valid_and_names_the_default_types_in_english_and_chinese(app):
    manifest = get(app, "/reconcile")
    validate(manifest, "manifest")
    assert manifest["versions"] == ["0.2"]
    assert manifest["identifierSpace"] == "https://w3id.org/summit-kg/id/"
    assert manifest["schemaSpace"] == "https://w3id.org/summit-kg/ontology#"
    assert [(t["id"], t["name"]) for t in manifest["defaultTypes"]] == [
        ("Summit", "Summit (峰会)"), ("Person", "Person (人物)"), ("Place", "Place (地点)"), ("Document", "Document (文件)"),
    ]
    assert set(manifest["suggest"]) == {"entity", "type", "property"}
    assert manifest["extend"]["propose_properties"]["service_path"] == "/properties"
    assert manifest["view"]["url"].endswith("/id/{{id}}") and "{{id}}" in manifest["preview"]["url"]


def test_manifest_addresses_come_from_the_settings_never_the_host_header(app):
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/reconcile", "HTTP_HOST": 'evil.example"><script>', "QUERY_STRING": ""}
    assert json.loads(app.handle(environ).body)["view"]["url"] == "http://127.0.0.1:0/id/{{id}}"
    public = App(Settings(port=0, public_url="https://kg.example.org/"), data=FILES[:1])
    try:
        manifest = json.loads(request(public, "/reconcile").body)
    finally:
        public.close()
    assert manifest["view"]["url"] == "https://kg.example.org/id/{{id}}"
    assert manifest["preview"]["url"] == "https://kg.example.org/reconcile/preview?id={{id}}"
    assert manifest["suggest"]["entity"]["service_url"] == "https://kg.example.org/reconcile"


def test_the_docs_name_every_type_and_property():
    from kg.reconcile.terms import PROPERTIES, TYPES

    docs = (HERE.parent / "docs" / "reconcile.md").read_text(encoding="utf-8")
    for term in (*TYPES, *PROPERTIES):
        assert f"`{term.id}`" in docs, f"docs/reconcile.md does not name {term.id}"


# --- matching --------------------------------------------------------------------------------


def test_one_person_in_every_script_and_in_english(app):
    answer = reconcile(app, {
        "hant": {"query": "盧武鉉"}, "hans": {"query": "卢武铉", "type": "Person"},
        "en": {"query": "Roh Moo-hyun", "type": "Person"}, "en-spaced": {"query": "roh  moo hyun"},
        "ko": {"query": "노무현"},
    })
    for name in answer:
        assert best(answer, name)["id"] == ROH and best(answer, name)["match"] is True, name
    # answered in the query's own script or language
    assert [best(answer, n)["name"] for n in ("hant", "hans", "en")] == ["盧武鉉", "卢武铉", "Roh Moo-hyun"]
    assert best(answer, "hans")["features"] == [{"id": "name", "value": 100.0}, {"id": "type", "value": True}]
    assert best(answer, "hans")["type"] == [{"id": "Person", "name": "Person"}]


def test_a_summit_by_date_or_year_and_participant(app):
    answer = reconcile(app, {
        "by-date": {"query": "朝韩首脑会晤", "type": "Summit",
                    "properties": [{"pid": "date", "v": "2018-05-26"}, {"pid": "participant", "v": "文在寅"}]},
        "by-year": {"query": "朝韓首腦會晤", "type": "Summit",
                    "properties": [{"pid": "year", "v": 2007}, {"pid": "participant", "v": {"id": ROH, "name": "盧武鉉"}}]},
        "chinese-date": {"query": "南北首脑会谈", "type": "Summit", "properties": [{"pid": "date", "v": "2018年9月"}]},
        "exact": {"query": "2018年4月南北韓高峰會", "type": "Summit", "properties": [{"pid": "year", "v": "2018"}]},
    })
    assert best(answer, "by-date")["id"] == "summit/s4"
    assert best(answer, "by-year")["id"] == "summit/s2"
    assert best(answer, "chinese-date")["id"] == "summit/s5"
    assert best(answer, "exact")["id"] == "summit/s3" and best(answer, "exact")["match"] is True
    by_date = best(answer, "by-date")
    features = {f["id"]: f["value"] for f in by_date["features"]}
    assert features["property:date"] == 1.0 and features["property:participant"] == 1.0 and features["name"] < 100
    assert by_date["match"] is False  # the name is not exact: a person should confirm it
    assert by_date["score"] > answer["by-date"]["result"][1]["score"]
    assert "2018-05-26" in by_date["description"] and "文在寅" in by_date["description"]


def test_namesakes_are_no_match_until_a_property_tells_them_apart(app):
    answer = reconcile(app, {
        "alone": {"query": "金大中", "type": "Person"},
        "country": {"query": "金大中", "type": "Person", "properties": [{"pid": "country", "v": "韩国"}]},
        "office": {"query": "金大中", "type": "Person", "properties": [{"pid": "office", "v": "國務委員長"}]},
        "english-country": {"query": "金大中", "type": "Person", "properties": [{"pid": "country", "v": "North Korea"}]},
    })
    alone = answer["alone"]["result"]
    assert {c["id"] for c in alone[:2]} == {KIM_DJ, KIM_DJ_2}
    assert alone[0]["score"] == alone[1]["score"] == 100 and not any(c["match"] for c in alone)
    assert [c["id"] for c in alone[:2]] == sorted(c["id"] for c in alone[:2])  # ties ranked by id
    assert best(answer, "country")["id"] == KIM_DJ and best(answer, "country")["match"] is True
    assert best(answer, "office")["id"] == KIM_DJ_2 and best(answer, "office")["match"] is True
    assert best(answer, "english-country")["id"] == KIM_DJ_2
    rival = {f["id"]: f["value"] for f in answer["country"]["result"][1]["features"]}
    assert rival["property:country"] == 0.0


def test_a_place_by_country_and_the_type_filter(app):
    answer = reconcile(app, {
        "pyongyang": {"query": "Pyongyang", "type": "Place", "properties": [{"pid": "country", "v": "朝鮮"}]},
        "panmunjom-place": {"query": "板門店", "type": "Place"},
        "panmunjom-document": {"query": "板門店", "type": "Document"},
        "country-is-a-place": {"query": "大韓民國", "type": "Place"},
    })
    assert best(answer, "pyongyang")["id"] == "place/平壤" and best(answer, "pyongyang")["match"] is True
    assert best(answer, "panmunjom-place")["id"] == "place/板门店" and best(answer, "panmunjom-place")["match"] is True
    assert all(c["type"][0]["id"] == "Document" for c in answer["panmunjom-document"]["result"])
    assert best(answer, "panmunjom-document")["id"] == "document/板门店宣言"
    assert best(answer, "panmunjom-document")["match"] is False  # 板門店宣言 is not 板門店
    assert best(answer, "country-is-a-place")["id"] == "country/rok"


def test_no_match_without_a_certain_candidate(app):
    answer = reconcile(app, {
        "typo": {"query": "盧武炫", "type": "Person"},
        "wrong-date": {"query": "2000年朝韩首脑会晤", "properties": [{"pid": "date", "v": "2018-04-27"}]},
        "nothing": {"query": "Angela Merkel", "type": "Person"},
    })
    assert best(answer, "typo")["id"] == ROH and best(answer, "typo")["match"] is False
    wrong_date = {c["id"]: c for c in answer["wrong-date"]["result"]}
    assert not any(c["match"] for c in wrong_date.values())  # the exact name has the wrong date
    assert {"id": "property:date", "value": 0.0} in wrong_date["summit/s1"]["features"]
    assert all(not c["match"] for c in answer["nothing"]["result"])


def test_answers_are_deterministic_whatever_the_batch_order(app):
    queries = {f"q{i}": {"query": q} for i, q in enumerate(["金正日", "平壤", "北南共同宣言", "2018", "金", "首脑会晤"])}
    first = reconcile(app, queries)
    shuffled = list(queries.items())
    random.Random(7).shuffle(shuffled)
    again = reconcile(app, dict(shuffled), post=False)
    assert {k: again[k] for k in first} == first


def test_limit_and_type_strict(app):
    answer = reconcile(app, {
        "one": {"query": "首脑会晤", "limit": 1},
        "should": {"query": "板门店", "type": "Document", "type_strict": "should"},
    })
    assert len(answer["one"]["result"]) == 1
    should = answer["should"]["result"]
    assert should[0]["id"] == "place/板门店"  # the exact name wins over the type it was not asked for
    assert {"id": "type", "value": False} in should[0]["features"] and should[0]["match"] is False


# --- bad queries -----------------------------------------------------------------------------


def test_malformed_json_is_a_400_that_says_where(app):
    message = bad(app, "/reconcile", method="POST", body=b"queries=%7B%22q0%22%3A")
    assert "not valid JSON" in message and "column" in message


@pytest.mark.parametrize(
    "queries, words",
    [
        ({"q0": {"query": "金", "type": "Planet"}}, "unknown type 'Planet'"),
        ({"q0": {"query": "金", "properties": [{"pid": "height", "v": 1}]}}, "unknown property 'height'"),
        ({"q0": {"query": 42}}, '"query" must be a string'),
        ({"q0": {"query": "金", "limit": -1}}, '"limit" must be a positive number'),
        ({"q0": {"query": ""}}, "non-empty"),
        ({"q0": {"query": "金", "colour": "red"}}, "unknown field 'colour'"),
        (["金"], "JSON object of queries"),
        ({"q0": {"query": "金" * 501}}, "501 characters long; send at most 500"),
        ({"q0": {"query": "金", "properties": [{"pid": "year", "v": 2000}] * 21}}, "give at most 20"),
        ({"q0": {"query": "金", "properties": [{"pid": "year", "v": []}]}}, "needs 1 to 20 values"),
        ({"q0": {"query": "金", "properties": [{"pid": "participant", "v": {"name": "金"}}]}}, "must be a string, a number"),
    ],
)
def test_bad_queries_are_400_naming_the_query_and_field(app, queries, words):
    message = bad(app, "/reconcile?" + urlencode({"queries": json.dumps(queries)}))
    assert words in message
    with pytest.raises(BadQuery):
        read_batch(json.dumps(queries))


def test_the_same_batch_gives_the_same_bytes_under_any_hash_seed(tmp_path):
    """Two groups of 60 names share one bigram each with the query: which 50 become candidates
    must not depend on the order Python happens to iterate a set in."""
    import os
    import subprocess
    import sys

    people = "".join(
        f'<{BASE_IRI}person/{group}{n}> a <https://w3id.org/summit-kg/ontology#Person> ; '
        f'<http://www.w3.org/2000/01/rdf-schema#label> "{group}{n}"@zh-Hans .\n'
        for group in ("甲乙", "丙丁") for n in range(60)
    )
    data = tmp_path / "people.ttl"
    data.write_text(people, encoding="utf-8")
    queries = {"q0": {"query": "甲乙丙丁", "limit": 100}, "q1": {"query": "首脑会晤"}}
    program = (
        "import json, sys; from pathlib import Path; from kg.store import load_store; "
        "from kg.reconcile.service import Reconciliation; "
        "service = Reconciliation(load_store([Path(p) for p in sys.argv[2:]]), base=sys.argv[1], root='http://x'); "
        "print(json.dumps(service.answer_batch(sys.stdin.read()), ensure_ascii=False))"
    )
    command = [sys.executable, "-c", program, BASE_IRI, str(data), *map(str, FILES)]
    answers = {
        subprocess.run(
            command, input=json.dumps(queries), capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(answers) == 1
    assert len(json.loads(answers.pop())["q0"]["result"]) == 50


def test_a_batch_of_more_than_a_thousand_queries_is_refused(app):
    queries = {f"q{i}": {"query": "金"} for i in range(1001)}
    assert "at most 1000 queries" in bad(app, "/reconcile", method="POST", body=urlencode({"queries": json.dumps(queries)}).encode())


def test_a_10_mb_batch_over_http_is_a_400_not_a_hang(base_url):
    body = urlencode({"queries": json.dumps({"q0": {"query": "金" * 3_500_000}})}).encode()
    assert len(body) > 10_000_000
    req = urllib.request.Request(base_url + "/reconcile", data=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(req, timeout=30)
    assert raised.value.code == 400
    assert "more than the 2,000,000" in json.loads(raised.value.read())["message"]


# --- suggest, preview, extend ----------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["盧武", "卢武", "roh m", "Roh", "노무"])
def test_suggest_entities_by_prefix_in_every_script(app, prefix):
    answer = get(app, "/reconcile/suggest/entity", prefix=prefix)
    validate(answer, "suggest-entities-response")
    assert [r["id"] for r in answer["result"]] == [ROH]
    assert answer["result"][0]["notable"] == [{"id": "Person", "name": "Person"}]


def test_suggest_pages_types_and_properties(app):
    everything = get(app, "/reconcile/suggest/entity", prefix="20")["result"]
    assert [r["id"] for r in everything] == ["summit/s1", "summit/s2", "summit/s3", "summit/s4", "summit/s5"]
    assert get(app, "/reconcile/suggest/entity", prefix="20", cursor=3)["result"] == everything[3:]
    assert get(app, "/reconcile/suggest/entity", prefix="金", type="Summit")["result"] == []
    types = get(app, "/reconcile/suggest/type", prefix="峰")
    validate(types, "suggest-types-response")
    assert [t["id"] for t in types["result"]] == ["Summit"]
    assert [t["id"] for t in get(app, "/reconcile/suggest/type", prefix="p")["result"]] == ["Person", "Place", "Position"]
    properties = get(app, "/reconcile/suggest/property", prefix="与会")
    validate(properties, "suggest-properties-response")
    assert [p["id"] for p in properties["result"]] == ["participant"]
    assert "prefix" in bad(app, "/reconcile/suggest/entity")


def test_preview_is_an_escaped_card_without_script(app):
    reply = request(app, "/reconcile/preview?id=" + quote("summit/s3"))
    assert reply.status == 200 and reply.media_type.startswith("text/html")
    page = reply.body.decode("utf-8")
    for fact in ("2018-04-27", "和平之家", "文在寅", "金正恩", "板门店宣言"):
        assert fact in page, fact
    hostile = request(app, "/reconcile/preview?id=" + quote("place/hostile")).body.decode("utf-8")
    assert "<script" not in hostile.lower() and "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile
    assert "<b>" not in hostile and "javascript:" not in hostile
    assert "Roh Moo-hyun" in request(app, "/reconcile/preview?id=" + quote(ROH)).body.decode("utf-8")
    person = request(app, "/reconcile/preview?id=" + quote(KIM_DJ)).body.decode("utf-8")
    assert "韩国总统" in person and '<a href="https://www.wikidata.org/wiki/Q14347"' in person
    missing = request(app, "/reconcile/preview?id=person/nobody")
    assert missing.status == 404 and "person/nobody" in json.loads(missing.body)["message"]


def test_extend_fetches_participants_dates_venue_country_wikidata_and_documents(app):
    wanted = ["participant", "startDate", "endDate", "venue", "country", "outcome", "ordinal", "year"]
    query = {"ids": ["summit/s1", "summit/nothing"], "properties": [{"id": p} for p in wanted]}
    validate(query, "data-extension-query")
    answer = get(app, "/reconcile", extend=json.dumps(query))
    validate(answer, "data-extension-response")
    assert [m["id"] for m in answer["meta"]] == wanted
    assert answer["meta"][0]["type"] == {"id": "Person", "name": "Person"}
    row = answer["rows"]["summit/s1"]
    assert row["participant"] == [{"id": KIM_DJ, "name": "金大中"}, {"id": "person/金正日", "name": "金正日"}]
    assert row["startDate"] == [{"date": "2000-06-13T00:00:00Z"}] and row["endDate"] == [{"date": "2000-06-15T00:00:00Z"}]
    assert row["venue"] == [{"id": "place/百花园国宾馆", "name": "百花园国宾馆"}]
    assert row["country"] == [{"id": "country/dprk", "name": "朝鲜民主主义人民共和国"}]
    assert row["outcome"] == [{"id": "document/北南共同宣言", "name": "北南共同宣言"}]
    assert row["ordinal"] == [{"int": 1}] and row["year"] == [{"int": 2000}]
    assert answer["rows"]["summit/nothing"] == {p: [] for p in wanted}
    people = get(app, "/reconcile", extend=json.dumps({"ids": [KIM_DJ, ROH], "properties": [{"id": "wikidata"}, {"id": "summit"}, {"id": "office"}]}))
    validate(people, "data-extension-response")
    assert people["rows"][KIM_DJ]["wikidata"] == [{"str": "Q14347"}]
    assert people["rows"][ROH]["summit"] == [{"id": "summit/s2", "name": "2007年朝韩首脑会晤"}]
    assert "unknown property 'date'" in bad(app, "/reconcile?" + urlencode({"extend": json.dumps({"ids": [], "properties": [{"id": "date"}]})}))


def test_property_proposals_per_type(app):
    for type_id, expected in [("Summit", "participant"), ("Person", "office"), ("Place", "country"), ("Document", "summit")]:
        answer = get(app, "/reconcile/properties", type=type_id)
        validate(answer, "data-extension-property-proposal")
        assert answer["type"] == type_id and expected in [p["id"] for p in answer["properties"]]
    assert len(get(app, "/reconcile/properties", type="Summit", limit=2)["properties"]) == 2
    assert "unknown type 'Galaxy'" in bad(app, "/reconcile/properties?type=Galaxy")


# --- over HTTP -------------------------------------------------------------------------------


def test_cors_and_preflight_like_the_rest_of_the_server(base_url):
    url = base_url
    preflight = urllib.request.Request(url + "/reconcile", method="OPTIONS", headers={"Origin": "http://example.org"})
    with urllib.request.urlopen(preflight, timeout=10) as reply:
        assert reply.status == 204 and reply.headers["Access-Control-Allow-Origin"] == "*"
    with urllib.request.urlopen(url + "/reconcile", timeout=10) as reply:
        assert reply.headers["Access-Control-Allow-Origin"] == "*"
        assert json.loads(reply.read())["name"]  # the manifest itself comes with the CORS header
    with urllib.request.urlopen(url + "/reconcile/preview?id=" + quote(ROH), timeout=10) as reply:
        assert "script-src" not in reply.headers["Content-Security-Policy"]
        assert reply.headers["Content-Security-Policy"].startswith("default-src 'none'")
        # OpenRefine shows the card in a frame of its own page: nothing may forbid that
        assert "frame-ancestors" not in reply.headers["Content-Security-Policy"]
        assert reply.headers.get("X-Frame-Options") is None
    # the view address the manifest gives is the entity page (OpenRefine encodes it with encodeURI)
    with urllib.request.urlopen(url + "/id/" + quote(ROH, safe="/"), timeout=10) as reply:
        assert "卢武铉" in reply.read().decode("utf-8")
