"""How fast the reconciliation service answers a batch of 1,000 queries over 100,000 entities.

Makes a synthetic graph in the layout of a build (summits with dates, participants,
participations with offices and sides, venues inside countries, outcome documents; names
in Simplified and Traditional script, English for some people), serves it with ``kg serve``'s
application on a free loopback port, and POSTs one batch of 1,000 queries as OpenRefine
would: names in the other script, typos, English names, summits by date and participant,
names the graph does not have. Prints the size of the graph, the time to index it, the
time for the batch over HTTP, per-query latency, how many queries found their entity, and
two ratios: to the floor (decoding the batch, one dictionary lookup per query, encoding
an answer of the same size: what any index must do) and from a scan per query (rapidfuzz's
C++ ``extractOne`` over every name, the fastest scan there is).

    python benchmarks/reconcile_batch.py                      # 100,000 entities, 1,000 queries
    python benchmarks/reconcile_batch.py --entities 20000 --queries 200
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pyoxigraph
from rapidfuzz import process
from rapidfuzz.distance import Indel

from kg.extract.scripts import to_hant
from kg.reconcile.names import key
from kg.reconcile.queries import read_batch
from kg.reconcile.service import Reconciliation

BASE = "https://w3id.org/summit-kg/id/"
SKG = "https://w3id.org/summit-kg/ontology#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
# Common characters of Chinese personal names and place names (Simplified).
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文辉力永健世广义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘"
PLACE_CHARS = "北南东西安平京州山河湖海江城阳宁明德华兴长春新天宝云龙泉清石台金岛原林庄港门关川峰岭溪"
ROMAN = ["wang", "li", "zhang", "liu", "chen", "yang", "kim", "park", "lee", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "han", "oh", "seo", "shin", "kwon", "hwang", "ahn", "song", "moon", "roh", "jae", "in", "jong", "un", "il", "sung", "hyun", "moo", "dae", "jung"]
OFFICES = ["总统", "总理", "国务委员长", "首相", "总书记", "主席", "国王"]


def synthetic_graph(entities: int, rng: random.Random) -> tuple[str, dict]:
    """N-Triples of a graph with ``entities`` entities, and what the queries need to know about it."""
    countries = max(10, entities // 100)
    places = entities * 15 // 100
    people = entities * 40 // 100
    summits = entities * 30 // 100
    documents = entities - countries - places - people - summits
    lines: list[str] = []
    add = lines.append
    known: dict = {"people": [], "places": [], "summits": []}

    def node(kind: str, key_text: str) -> str:
        return f"<{BASE}{kind}/{quote(key_text, safe='-_.~()')}>"

    def labels(subject: str, name: str, english: str | None = None) -> None:
        add(f'{subject} {LABEL} "{name}"@zh-Hans .')
        add(f'{subject} {LABEL} "{to_hant(name)}"@zh-Hant .')
        if english:
            add(f'{subject} {LABEL} "{english}"@en .')

    country_nodes = []
    for n in range(countries):
        name = "".join(rng.choice(PLACE_CHARS) for _ in range(3)) + f"国{n}"
        subject = node("country", name)
        add(f"{subject} {RDF_TYPE} <{SKG}Country> .")
        add(f"{subject} {RDF_TYPE} <{SKG}Place> .")
        labels(subject, name)
        country_nodes.append((subject, name))
    offices = []
    for n, (country, country_name) in enumerate(country_nodes):
        for office in OFFICES[:3]:
            subject = node("position", country_name + office)
            add(f"{subject} {RDF_TYPE} <{SKG}Position> .")
            labels(subject, country_name + office)
            offices.append((subject, country))
    place_nodes = []
    for n in range(places):
        name = "".join(rng.choice(PLACE_CHARS) for _ in range(rng.choice((2, 3, 4)))) + rng.choice(("", "宫", "馆", "阁", "之家"))
        subject = node("place", f"{name}-{n}")
        country = rng.choice(country_nodes)
        add(f"{subject} {RDF_TYPE} <{SKG}Place> .")
        labels(subject, name)
        add(f"{subject} <{SKG}locatedIn> {country[0]} .")
        place_nodes.append(subject)
        known["places"].append((subject, name, country[1]))
    person_nodes = []
    for n in range(people):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        english = " ".join(rng.choice(ROMAN).capitalize() for _ in range(2)) + f" {n}" if rng.random() < 0.3 else None
        subject = node("person", f"{name}-{n}")
        add(f"{subject} {RDF_TYPE} <{SKG}Person> .")
        labels(subject, name, english)
        person_nodes.append(subject)
        known["people"].append((subject, name, english))
    for n in range(summits):
        year, month, day = rng.randint(1950, 2024), rng.randint(1, 12), rng.randint(1, 28)
        a, b = rng.sample(range(people), 2)
        name = f"{year}年{month}月{known['people'][a][1]}与{known['people'][b][1]}会晤"
        subject = node("summit", f"{year}-{month:02d}-{day:02d}-{n:06x}")
        add(f"{subject} {RDF_TYPE} <{SKG}Summit> .")
        labels(subject, name)
        date = f"{year}-{month:02d}-{day:02d}"
        add(f'{subject} <{SKG}startDate> "{date}"^^<http://www.w3.org/2001/XMLSchema#date> .')
        add(f'{subject} <{SKG}endDate> "{date}"^^<http://www.w3.org/2001/XMLSchema#date> .')
        add(f"{subject} <{SKG}venue> {rng.choice(place_nodes)} .")
        for side, person in enumerate((a, b)):
            add(f"{subject} <{SKG}participant> {person_nodes[person]} .")
            office, country = rng.choice(offices)
            participation = f"<{BASE}participation/{n:06x}-{side}>"
            add(f"{participation} {RDF_TYPE} <{SKG}Participation> .")
            add(f"{participation} <{SKG}agent> {person_nodes[person]} .")
            add(f"{participation} <{SKG}role> {office} .")
            add(f"{participation} <{SKG}side> {country} .")
            add(f"{subject} <{SKG}hasParticipation> {participation} .")
        known["summits"].append((subject, name, date, known["people"][a][1]))
    for n in range(documents):
        summit = rng.choice(known["summits"])
        name = summit[1].replace("会晤", rng.choice(("宣言", "联合声明", "协议")))
        subject = node("document", f"{name}-{n}")
        add(f"{subject} {RDF_TYPE} <{SKG}Document> .")
        labels(subject, name)
        add(f"{summit[0]} <{SKG}outcome> {subject} .")
    return "\n".join(lines) + "\n", known


def typo(name: str, rng: random.Random) -> str:
    position = rng.randrange(len(name))
    return name[:position] + rng.choice(GIVEN) + name[position + 1:]


def queries(known: dict, count: int, rng: random.Random) -> tuple[dict, dict, dict]:
    """A batch as OpenRefine sends it, the entity each query should find first (None: none), and its kind."""
    batch, expected, kinds = {}, {}, {}
    named = Counter(person for _, person, _ in known["people"])
    for n in range(count):
        kind = rng.random()
        name = f"q{n}"
        kinds[name] = ("traditional" if kind < 0.35 else "typo" if kind < 0.5 else "english" if kind < 0.6
                       else "summit+date+participant" if kind < 0.8 else "place+country" if kind < 0.9 else "absent")
        if kind < 0.35:  # a person, written in Traditional script (a namesake's rank is a toss-up: not checked)
            subject, person, _ = rng.choice(known["people"])
            batch[name], expected[name] = {"query": to_hant(person), "type": "Person"}, subject if named[person] == 1 else None
        elif kind < 0.50:  # a person with a typo
            subject, person, _ = rng.choice(known["people"])
            batch[name], expected[name] = {"query": typo(person, rng), "type": "Person"}, None
        elif kind < 0.60:  # a person by English name
            subject, _, english = rng.choice([p for p in known["people"][:5000] if p[2]])
            batch[name], expected[name] = {"query": english}, subject
        elif kind < 0.80:  # a summit by a loose name, its date and a participant
            subject, summit, date, person = rng.choice(known["summits"])
            batch[name] = {"query": summit[summit.index("月") + 1:], "type": "Summit",
                           "properties": [{"pid": "date", "v": date}, {"pid": "participant", "v": to_hant(person)}]}
            expected[name] = subject
        elif kind < 0.90:  # a place by name and country
            subject, place, country = rng.choice(known["places"])
            batch[name] = {"query": place, "type": "Place", "properties": [{"pid": "country", "v": country}]}
            expected[name] = None  # place names repeat: scored, not checked
        else:  # a name the graph does not have
            batch[name], expected[name] = {"query": "".join(rng.choice(GIVEN) for _ in range(4)) + "基金会"}, None
    return batch, expected, kinds


def _wait(url: str, server: subprocess.Popen) -> float:
    """When ``url`` first answered (perf_counter), waiting as long as the server runs."""
    while server.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return time.perf_counter()
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise SystemExit(f"kg serve exited with {server.returncode} before answering")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=14)
    options = parser.parse_args()
    rng = random.Random(options.seed)

    started = time.perf_counter()
    triples, known = synthetic_graph(options.entities, rng)
    batch, expected, kinds = queries(known, options.queries, rng)
    made = time.perf_counter() - started
    text = json.dumps(batch, ensure_ascii=False)
    body = urllib.parse.urlencode({"queries": text}).encode("utf-8")
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "synthetic.nt"
        data.write_text(triples, encoding="utf-8")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        url = f"http://127.0.0.1:{port}"
        command = [str(Path(sys.executable).parent / "kg"), "serve", "--data", str(data), "--port", str(port), "--workers", "1"]
        started = time.perf_counter()
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            startup = _wait(url + "/reconcile", server) - started
            timings = []
            for _ in range(3):
                request = urllib.request.Request(url + "/reconcile", data=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
                started = time.perf_counter()
                with urllib.request.urlopen(request, timeout=600) as reply:
                    answer_bytes = reply.read()
                timings.append(time.perf_counter() - started)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(30)
        answer = json.loads(answer_bytes)

    started = time.perf_counter()
    store = pyoxigraph.Store()
    store.load(triples.encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    loading = time.perf_counter() - started
    started = time.perf_counter()
    service = Reconciliation(store, base=BASE, root="http://127.0.0.1")
    indexing = time.perf_counter() - started
    index = service.index
    each = []
    for name, query in list(batch.items())[:200]:
        started = time.perf_counter()
        service.answer_batch(json.dumps({name: query}, ensure_ascii=False))
        each.append((time.perf_counter() - started) * 1000)

    started = time.perf_counter()  # the floor: decode, one lookup per query, encode as much
    parsed = read_batch(text)
    for query in parsed.values():
        index.named(query.text)
    json.dumps(answer, ensure_ascii=False).encode("utf-8")
    floor = time.perf_counter() - started

    names = [k for e in index for k in e.keys]
    sample = list(batch.values())[:50]
    started = time.perf_counter()
    for query in sample:
        process.extractOne(key(query["query"]), names, scorer=Indel.normalized_similarity)
    scan = (time.perf_counter() - started) / len(sample) * len(batch)

    checked = [n for n, e in expected.items() if e is not None]
    first = {n for n in checked if answer[n]["result"] and answer[n]["result"][0]["id"] == index.find(expected[n][1:-1]).id}
    found = len(first)
    by_kind = {}
    for n in checked:
        hits, total = by_kind.get(kinds[n], (0, 0))
        by_kind[kinds[n]] = (hits + (n in first), total + 1)
    matched = sum(1 for r in answer.values() if r["result"] and r["result"][0]["match"])
    wrong = sum(1 for n, r in answer.items() if r["result"] and r["result"][0]["match"] and expected[n] is not None
                and r["result"][0]["id"] != index.find(expected[n][1:-1]).id)
    batch_time = min(timings)
    print(f"graph: {len(index):,} entities, {triples.count(chr(10)):,} triples (made in {made:.1f} s)")
    print(f"kg serve start-up until /reconcile answers: {startup:.1f} s (in-process: loading the store {loading:.1f} s, indexing it {indexing:.1f} s)")
    print(f"batch of {len(batch):,} queries over HTTP: {batch_time:.2f} s best of 3 ({', '.join(f'{t:.2f}' for t in timings)}), "
          f"{len(batch) / batch_time:,.0f} queries/s, answer {len(answer_bytes) / 1e6:.1f} MB")
    print(f"one query at a time (200): median {statistics.median(each):.2f} ms, p95 {sorted(each)[int(len(each) * 0.95)]:.2f} ms, max {max(each):.2f} ms")
    print(f"found: {found}/{len(checked)} queries with a known entity have it first "
          f"({', '.join(f'{k} {h}/{t}' for k, (h, t) in sorted(by_kind.items()))}); {matched} auto-matched, {wrong} of them wrongly")
    print(f"floor (decode, one lookup per query, encode): {floor:.3f} s; batch / floor = {batch_time / floor:.1f}x")
    print(f"a scan per query (rapidfuzz extractOne over {len(names):,} names, 50 timed): {scan:.1f} s for the batch; scan / index = {scan / batch_time:.1f}x")


if __name__ == "__main__":
    main()
