"""kg.validate: every shape, broken on purpose, gives exactly the result it must."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from kg.errors import ConfigError
from kg.validate import Report, Severity, default_shapes_dir, load_shapes, validate

DATA = Path(__file__).parent / "data" / "validate"
ID = "https://w3id.org/summit-kg/id/"
SHAPES = "https://w3id.org/summit-kg/shapes#"
SKG = "https://w3id.org/summit-kg/ontology#"
KINDS = (
    "summit person place country document citation span statement participation position "
    "administration organization series award award-receipt gift event link"
).split()
PREFIXES = (
    "PREFIX skg: <https://w3id.org/summit-kg/ontology#>\n"
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n"
    "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    "PREFIX dct: <http://purl.org/dc/terms/>\n"
    "PREFIX article: <https://zh.wikipedia.org/wiki/>\n"
    "PREFIX dataset: <https://w3id.org/summit-kg/id/>\n"
    + "".join(f"PREFIX {kind.replace('-', '_')}: <{ID}{kind}/>\n" for kind in KINDS)
)


@dataclass(frozen=True)
class Break:
    """A change to the conforming fixture, and the (shape, focus) results it must give."""

    update: str
    results: frozenset[tuple[str, str]]


def breaks(update: str, *results: tuple[str, str]) -> Break:
    return Break(update, frozenset(results))


# One entry per shape with a message: the shape that must fire, the focus it must name.
# The key is the shape's local name in shapes/skg-shapes.ttl.
CASES: dict[str, Break] = {
    "Node-derivedFrom": breaks(
        "DELETE DATA { person:B prov:wasDerivedFrom article:Test_summits }", ("Node-derivedFrom", "person/B")
    ),
    "Node-derivedFrom-article": breaks(
        "INSERT DATA { person:B prov:wasDerivedFrom <https://example.org/elsewhere> }",
        ("Node-derivedFrom-article", "person/B"),
    ),
    "Node-sameAs": breaks(
        "INSERT DATA { person:B owl:sameAs <http://dbpedia.org/resource/B> }", ("Node-sameAs", "person/B")
    ),
    "Node-label-language": breaks('INSERT DATA { organization:News rdfs:label "News" }', ("Node-label-language", "organization/News")),
    "Node-altLabel-language": breaks('INSERT DATA { person:B skos:altLabel "Mr B" }', ("Node-altLabel-language", "person/B")),
    "Node-dangling": breaks(
        "INSERT DATA { summit:two skg:supportedBy citation:ghost }", ("Node-dangling", "summit/two")
    ),
    "Node-untyped-source": breaks(  # a summit written about with no type: it points at a typed participant
        "INSERT DATA { summit:ghost skg:participant person:B }", ("Node-untyped-source", "person/B")
    ),
    "Labelled-zh-Hans": breaks('DELETE DATA { document:D rdfs:label "共同宣言"@zh-Hans }', ("Labelled-zh-Hans", "document/D")),
    "Labelled-zh-Hant": breaks('DELETE DATA { place:Hall rdfs:label "國賓館"@zh-Hant }', ("Labelled-zh-Hant", "place/Hall")),
    "Labelled-uniqueLang": breaks('INSERT DATA { person:B rdfs:label "乙先生"@zh-Hans }', ("Labelled-uniqueLang", "person/B")),
    "Summit-startDate-count": breaks(
        'DELETE DATA { summit:one skg:startDate "2000-06-13"^^xsd:date }', ("Summit-startDate-count", "summit/one")
    ),
    "Summit-startDate-datatype": breaks(
        'DELETE DATA { summit:one skg:startDate "2000-06-13"^^xsd:date } ;'
        ' INSERT DATA { summit:one skg:startDate "2000-06-13" }',
        ("Summit-startDate-datatype", "summit/one"),
        ("Summit-dates-order", "summit/one"),  # a string cannot be compared with a date
    ),
    "Summit-endDate-count": breaks(
        'INSERT DATA { summit:one skg:endDate "2000-06-14"^^xsd:date }', ("Summit-endDate-count", "summit/one")
    ),
    "Summit-endDate-datatype": breaks(
        'DELETE DATA { summit:two skg:endDate "2018-04-27"^^xsd:date } ;'
        ' INSERT DATA { summit:two skg:endDate "2018-04-27T18:00:00"^^xsd:dateTime }',
        ("Summit-endDate-datatype", "summit/two"),
    ),
    "Summit-dates-order": breaks(
        'DELETE DATA { summit:one skg:startDate "2000-06-13"^^xsd:date } ;'
        ' INSERT DATA { summit:one skg:startDate "2000-06-16"^^xsd:date }',
        ("Summit-dates-order", "summit/one"),
    ),
    "Summit-participant-count": breaks(
        "DELETE DATA { summit:two skg:participant person:B }", ("Summit-participant-count", "summit/two")
    ),
    "Summit-participant-class": breaks(
        "INSERT DATA { summit:two skg:participant place:Hall }", ("Summit-participant-class", "summit/two")
    ),
    "Summit-venue-class": breaks("INSERT DATA { summit:two skg:venue document:D }", ("Summit-venue-class", "summit/two")),
    "Summit-venue-count": breaks("DELETE DATA { summit:two skg:venue country:North }", ("Summit-venue-count", "summit/two")),
    "Summit-ordinal-datatype": breaks(
        'DELETE DATA { summit:two skg:ordinal 2 } ; INSERT DATA { summit:two skg:ordinal "2" }',
        ("Summit-ordinal-datatype", "summit/two"),
        ("Summit-ordinal-minimum", "summit/two"),  # a string is not ≥ 1 either
    ),
    "Summit-ordinal-minimum": breaks(
        "DELETE DATA { summit:two skg:ordinal 2 } ; INSERT DATA { summit:two skg:ordinal 0 }",
        ("Summit-ordinal-minimum", "summit/two"),
    ),
    "Summit-ordinal-count": breaks("INSERT DATA { summit:two skg:ordinal 3 }", ("Summit-ordinal-count", "summit/two")),
    "Summit-ordinal-unique": breaks(
        "DELETE DATA { summit:two skg:ordinal 2 } ; INSERT DATA { summit:two skg:ordinal 1 }",
        ("Summit-ordinal-unique", "summit/one"),
        ("Summit-ordinal-unique", "summit/two"),
    ),
    "Summit-inSeries-class": breaks(
        "INSERT DATA { summit:two skg:inSeries document:D }", ("Summit-inSeries-class", "summit/two")
    ),
    "Summit-outcome-class": breaks("INSERT DATA { summit:two skg:outcome person:A }", ("Summit-outcome-class", "summit/two")),
    "Summit-hasParticipation-class": breaks(
        "INSERT DATA { summit:two skg:hasParticipation person:A }", ("Summit-hasParticipation-class", "summit/two")
    ),
    "Summit-duringPeriod-class": breaks(
        "INSERT DATA { summit:two skg:duringPeriod person:A }", ("Summit-duringPeriod-class", "summit/two")
    ),
    "Summit-mainArticle-iri": breaks(
        'INSERT DATA { summit:two skg:mainArticle "2018年4月南北韩首脑会谈" }', ("Summit-mainArticle-iri", "summit/two")
    ),
    "Person-deathYear": breaks('INSERT DATA { person:B skg:deathYear "2011" }', ("Person-deathYear", "person/B")),
    "Person-succeededBy-class": breaks(
        "INSERT DATA { person:B skg:succeededBy place:Hall }", ("Person-succeededBy-class", "person/B")
    ),
    "Place-locatedIn-class": breaks(
        "INSERT DATA { place:Hall skg:locatedIn document:D }", ("Place-locatedIn-class", "place/Hall")
    ),
    "Document-outcomeOf": breaks("DELETE DATA { summit:one skg:outcome document:D }", ("Document-outcomeOf", "document/D")),
    "Organization-label": breaks(
        'DELETE DATA { organization:News rdfs:label "新闻社"@zh-Hans }', ("Organization-label", "organization/News")
    ),
    "SummitSeries-label": breaks(
        'DELETE DATA { series:s rdfs:label "测试峰会"@zh-Hans, "測試峰會"@zh-Hant }', ("SummitSeries-label", "series/s")
    ),
    "Position-label": breaks(
        'DELETE DATA { position:President rdfs:label "总统"@zh-Hans, "總統"@zh-Hant }',
        ("Position-label", "position/President"),
    ),
    "Position-holder-class": breaks(
        "INSERT DATA { position:President skg:holder place:Hall }", ("Position-holder-class", "position/President")
    ),
    "Participation-agent-count": breaks(
        "INSERT DATA { participation:pa skg:agent person:B }", ("Participation-agent-count", "participation/pa")
    ),
    "Participation-agent-class": breaks(
        "DELETE DATA { participation:pa skg:agent person:A } ; INSERT DATA { participation:pa skg:agent place:Hall }",
        ("Participation-agent-class", "participation/pa"),
    ),
    "Participation-role-class": breaks(
        "INSERT DATA { participation:pa skg:role person:B }", ("Participation-role-class", "participation/pa")
    ),
    "Participation-summit": breaks(
        "DELETE DATA { summit:one skg:hasParticipation participation:pa }", ("Participation-summit", "participation/pa")
    ),
    "Period-startYear": breaks(
        'DELETE DATA { administration:A skg:startYear "1998"^^xsd:gYear }', ("Period-startYear", "administration/A")
    ),
    "Period-endYear": breaks(
        'INSERT DATA { administration:A skg:endYear "2004"^^xsd:gYear }', ("Period-endYear", "administration/A")
    ),
    "Period-years-order": breaks(
        'DELETE DATA { administration:A skg:endYear "2003"^^xsd:gYear } ;'
        ' INSERT DATA { administration:A skg:endYear "1997"^^xsd:gYear }',
        ("Period-years-order", "administration/A"),
    ),
    "Period-leader-class": breaks(
        "INSERT DATA { administration:A skg:leader place:Hall }", ("Period-leader-class", "administration/A")
    ),
    "Administration-leader": breaks(
        "DELETE DATA { administration:A skg:leader person:A }", ("Administration-leader", "administration/A")
    ),
    "Event-label": breaks(
        'DELETE DATA { event:War rdfs:label "战争"@zh-Hans, "戰爭"@zh-Hant }', ("Event-label", "event/War")
    ),
    "Award-label": breaks(
        'DELETE DATA { award:Peace rdfs:label "和平奖"@zh-Hans, "和平獎"@zh-Hant }', ("Award-label", "award/Peace")
    ),
    "AwardReceipt-award": breaks(
        "DELETE DATA { award_receipt:r1 skg:award award:Peace }", ("AwardReceipt-award", "award-receipt/r1")
    ),
    "AwardReceipt-recipient": breaks(
        "DELETE DATA { award_receipt:r1 skg:recipient person:A }", ("AwardReceipt-recipient", "award-receipt/r1")
    ),
    "AwardReceipt-year": breaks('INSERT DATA { award_receipt:r1 skg:year "2001" }', ("AwardReceipt-year", "award-receipt/r1")),
    "Gift-giver": breaks("DELETE DATA { gift:g1 skg:giver person:B }", ("Gift-giver", "gift/g1")),
    "Gift-recipient": breaks("INSERT DATA { gift:g1 skg:recipient document:D }", ("Gift-recipient", "gift/g1")),
    "Gift-atSummit": breaks("DELETE DATA { gift:g1 skg:atSummit summit:one }", ("Gift-atSummit", "gift/g1")),
    "Gift-quantity": breaks('INSERT DATA { gift:g1 skg:quantity "four" }', ("Gift-quantity", "gift/g1")),
    "Gift-monetaryValue": breaks('INSERT DATA { gift:g1 skg:monetaryValue "2.6 million" }', ("Gift-monetaryValue", "gift/g1")),
    "Gift-currency": breaks(
        'DELETE DATA { gift:g1 skg:currency "USD" } ; INSERT DATA { gift:g1 skg:currency "US$" }', ("Gift-currency", "gift/g1")
    ),
    "Gift-unit": breaks("INSERT DATA { gift:g1 skg:unit <https://example.org/tonne> }", ("Gift-unit", "gift/g1")),
    "Crossing-agent": breaks("DELETE DATA { event:x1 skg:agent person:A }", ("Crossing-agent", "event/x1")),
    "Crossing-crossed": breaks("DELETE DATA { event:x1 skg:crossed place:Line }", ("Crossing-crossed", "event/x1")),
    "SourceArticleShape": breaks(
        "INSERT DATA { <https://example.org/not-wikipedia> a skg:SourceArticle }",
        ("SourceArticleShape", "https://example.org/not-wikipedia"),
    ),
    "SourceArticle-revisionId": breaks(
        'INSERT DATA { article:Test_summits skg:revisionId "43" }', ("SourceArticle-revisionId", "https://zh.wikipedia.org/wiki/Test_summits")
    ),
    "SourceArticle-revisionTimestamp": breaks(
        'INSERT DATA { article:Test_summits skg:revisionTimestamp "yesterday" }',
        ("SourceArticle-revisionTimestamp", "https://zh.wikipedia.org/wiki/Test_summits"),
    ),
    "SourceArticle-sha256": breaks(
        'INSERT DATA { article:Test_summits skg:sha256 "abc" }', ("SourceArticle-sha256", "https://zh.wikipedia.org/wiki/Test_summits")
    ),
    "SourceArticle-cites-class": breaks(
        "INSERT DATA { article:Test_summits skg:cites person:A }",
        ("SourceArticle-cites-class", "https://zh.wikipedia.org/wiki/Test_summits"),
    ),
    "Citation-url": breaks(
        'INSERT DATA { citation:c1 skg:url "https://example.org/news/2"^^xsd:anyURI }', ("Citation-url", "citation/c1")
    ),
    "CitationShape": breaks(
        'DELETE DATA { citation:c1 skg:url "https://example.org/news/1"^^xsd:anyURI ; skg:title "A news story" }',
        ("CitationShape", "citation/c1"),
    ),
    "Citation-archiveURL": breaks(
        'INSERT DATA { citation:c1 skg:archiveURL "web.archive.org/x" }', ("Citation-archiveURL", "citation/c1")
    ),
    "Citation-dates": breaks('INSERT DATA { citation:c1 skg:accessDate "2018年4月27日" }', ("Citation-dates", "citation/c1")),
    "Citation-publisher-class": breaks(
        "INSERT DATA { citation:c1 skg:publisher person:A }", ("Citation-publisher-class", "citation/c1")
    ),
    "ExternalLink-url": breaks(
        'DELETE DATA { citation:e1 skg:url "https://example.org/official"^^xsd:anyURI }', ("ExternalLink-url", "citation/e1")
    ),
    "TextSpan-startOffset": breaks("INSERT DATA { span:s1 skg:startOffset 99 }", ("TextSpan-startOffset", "span/s1")),
    "TextSpan-endOffset": breaks("DELETE DATA { span:s1 skg:endOffset 140 }", ("TextSpan-endOffset", "span/s1")),
    "TextSpan-offsets-order": breaks(
        "DELETE DATA { span:s1 skg:endOffset 140 } ; INSERT DATA { span:s1 skg:endOffset 100 }",
        ("TextSpan-offsets-order", "span/s1"),
    ),
    "InferredStatement-subject": breaks(
        "INSERT DATA { statement:st1 rdf:subject summit:two }", ("InferredStatement-subject", "statement/st1")
    ),
    "InferredStatement-predicate": breaks(
        "DELETE DATA { statement:st1 rdf:predicate skg:venue }", ("InferredStatement-predicate", "statement/st1")
    ),
    "InferredStatement-object": breaks(
        "DELETE DATA { statement:st1 rdf:object place:Hall }", ("InferredStatement-object", "statement/st1")
    ),
    "InferredStatement-method": breaks(
        'DELETE DATA { statement:st1 skg:inferenceMethod "lead-paragraph" } ;'
        ' INSERT DATA { statement:st1 skg:inferenceMethod "guess" }',
        ("InferredStatement-method", "statement/st1"),
    ),
    "InferredStatement-evidence": breaks(
        "DELETE DATA { statement:st1 skg:evidence span:s1 }", ("InferredStatement-evidence", "statement/st1")
    ),
    "WikidataLink-subject": breaks("DELETE DATA { link:l1 skg:linkSubject person:A }", ("WikidataLink-subject", "link/l1")),
    "WikidataLink-target": breaks(
        "INSERT DATA { link:l1 skg:linkTarget <http://www.wikidata.org/entity/P31> }", ("WikidataLink-target", "link/l1")
    ),
    "WikidataLink-score": breaks('INSERT DATA { link:l1 skg:score "high" }', ("WikidataLink-score", "link/l1")),
    "Dataset-license": breaks(
        "DELETE DATA { dataset:dataset dct:license <https://creativecommons.org/licenses/by-sa/4.0/> }",
        ("Dataset-license", "dataset"),
    ),
    "Dataset-title": breaks('DELETE DATA { dataset:dataset dct:title "Test summits"@en }', ("Dataset-title", "dataset")),
    "Dataset-source": breaks(
        "DELETE DATA { dataset:dataset dct:source article:Test_summits }", ("Dataset-source", "dataset")
    ),
}


def fixture_graph() -> Graph:
    return Graph().parse(DATA / "valid.ttl")


def broken(case: Break) -> Graph:
    graph = fixture_graph()
    graph.update(PREFIXES + case.update)
    return graph


def local(node: URIRef) -> str:
    text = str(node)
    for prefix in (SHAPES, ID):
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


def shape_messages() -> dict[str, tuple[Severity, str]]:
    """Every shape of shapes/ that carries a message: its severity and message."""
    shapes = load_shapes(default_shapes_dir())
    return {
        local(shape): (Severity.from_iri(shapes.value(shape, SH.severity)), str(message))
        for shape, message in shapes.subject_objects(SH.message)
        if isinstance(shape, URIRef)
    }


def test_the_fixture_conforms_with_no_result_at_all() -> None:
    report = validate(fixture_graph())

    assert report == Report(conforms=True, results=())


# Shapes broken by a test of their own rather than by an entry of CASES.
BROKEN_ELSEWHERE = {"CountryShape": "test_a_country_is_a_place_only_with_the_ontology"}


def test_every_shape_with_a_message_has_a_case_that_breaks_it() -> None:
    assert sorted(shape_messages()) == sorted([*CASES, *BROKEN_ELSEWHERE])
    assert all(name in globals() for name in BROKEN_ELSEWHERE.values())


@pytest.mark.parametrize("shape", sorted(CASES))
def test_breaking_a_constraint_gives_exactly_its_result(shape: str) -> None:
    case = CASES[shape]
    severity, message = shape_messages()[shape]

    report = validate(broken(case))

    assert {(local(result.source_shape), local(result.focus)) for result in report.results} == case.results
    (mine,) = [result for result in report.results if local(result.source_shape) == shape][:1]
    assert mine.severity is severity
    if "{" not in message:
        assert mine.message == message
    assert report.conforms is not any(
        shape_messages()[name][0] is Severity.VIOLATION for name, _ in case.results
    )


def test_dates_out_of_order_name_the_path_and_the_value() -> None:
    report = validate(broken(CASES["Summit-dates-order"]))

    (result,) = report.results
    assert result.severity is Severity.VIOLATION
    assert result.focus == URIRef(ID + "summit/one")
    assert result.focus_label == "第一次峰会"
    assert result.path == URIRef(SKG + "startDate")
    assert result.value == Literal("2000-06-16", datatype=XSD.date)
    assert result.constraint == SH.LessThanOrEqualsConstraintComponent


def test_a_dangling_reference_names_the_missing_node_in_its_message() -> None:
    (result,) = validate(broken(CASES["Node-dangling"])).results

    assert result.path == URIRef(SKG + "supportedBy")
    assert result.value == URIRef(ID + "citation/ghost")
    assert result.message == (
        f"Points to {ID}citation/ghost, which is under the same base but has no rdf:type: a dangling reference."
    )


def test_a_node_described_without_a_type_is_named_with_what_it_points_through() -> None:
    """A summit the graph says things about but does not type (a summit folded away whose facts
    stayed) is no dangling reference (nothing typed points at it): it is found from what it points at."""
    (result,) = validate(broken(CASES["Node-untyped-source"])).results

    assert result.focus == URIRef(ID + "person/B")
    assert result.value == URIRef(ID + "summit/ghost")
    assert result.message == (
        f"Pointed at by {ID}summit/ghost (through {SKG}participant), which is under the same base but has no "
        "rdf:type: a node described without a type."
    )


def test_an_untyped_iri_outside_the_base_may_point_at_a_node() -> None:
    """What the graph's base does not hold (another dataset's item, a web page) needs no type of ours."""
    case = breaks("INSERT DATA { <https://example.org/elsewhere/item/1> skg:participant person:B }")

    assert validate(broken(case)) == Report(conforms=True, results=())


def test_a_duplicate_ordinal_names_the_other_summit() -> None:
    results = validate(broken(CASES["Summit-ordinal-unique"])).results

    assert [result.message for result in results] == [
        f"skg:ordinal 1 is also used by {ID}summit/two in the same series: numbers are unique within a skg:inSeries.",
        f"skg:ordinal 1 is also used by {ID}summit/one in the same series: numbers are unique within a skg:inSeries.",
    ]


def test_ordinals_may_repeat_across_series() -> None:
    graph = broken(
        breaks(
            "DELETE DATA { summit:two skg:ordinal 2 ; skg:inSeries series:s } ;"
            " INSERT DATA { summit:two skg:ordinal 1 ; skg:inSeries series:t ."
            ' series:t a skg:SummitSeries ; rdfs:label "另一系列"@zh-Hans ; prov:wasDerivedFrom article:Test_summits }'
        )
    )

    assert validate(graph).results == ()


def test_a_country_is_a_place_only_with_the_ontology(tmp_path: Path) -> None:
    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")

    report = validate(fixture_graph(), ontology=empty)

    assert {(local(result.source_shape), local(result.focus)) for result in report.results} == {
        ("CountryShape", "country/North"),
        ("Summit-venue-class", "summit/two"),
        ("Place-locatedIn-class", "place/Hall"),
        ("Summit-duringPeriod-class", "summit/one"),  # an Administration is a Period by the ontology too
    }
    assert "was ontology/skg.ttl" in [r for r in report.results if local(r.source_shape) == "CountryShape"][0].message


def test_a_warning_is_reported_but_does_not_block() -> None:
    report = validate(broken(CASES["Summit-venue-count"]))

    assert report.conforms is True
    assert report.count(Severity.WARNING) == 1
    assert report.count(Severity.VIOLATION) == 0


def test_a_result_says_where_in_the_source_the_fact_came_from() -> None:
    update = 'DELETE DATA { summit:one skg:participant person:B }'

    (result,) = validate(broken(breaks(update))).results

    assert result.location is not None
    assert (result.location.section, result.location.start, result.location.end) == ("甲政府", 100, 140)
    assert str(result.location) == (
        "section 甲政府, characters 100–140, “2000年6月13日至15日，甲与乙在国宾馆会晤。”, "
        "in https://zh.wikipedia.org/wiki/Test_summits"
    )


def test_the_text_report_groups_results_under_their_focus_node() -> None:
    update = (
        'DELETE DATA { summit:one skg:startDate "2000-06-13"^^xsd:date ; skg:participant person:B } ;'
        " DELETE DATA { summit:two skg:venue country:North }"
    )

    text = validate(broken(breaks(update))).to_text()

    assert text.splitlines()[0] == "Does not conform: 2 violations, 1 warning, 0 infos on 2 nodes."
    assert "\n<https://w3id.org/summit-kg/id/summit/one> «第一次峰会»\n  Violation skg:participant: A summit needs" in text
    assert "  Violation skg:startDate: A summit needs exactly one skg:startDate" in text
    assert "\n<https://w3id.org/summit-kg/id/summit/two> «第二次峰会»\n  Warning   skg:venue: No skg:venue" in text
    assert "from: section 甲政府, characters 100–140" in text


def test_the_machine_report_is_shacl_and_deterministic() -> None:
    report = validate(broken(CASES["Citation-dates"]))

    graph = report.to_graph()

    (node,) = graph.subjects(RDF.type, SH.ValidationReport)
    assert graph.value(node, SH.conforms) == Literal(True)
    (result,) = graph.objects(node, SH.result)
    assert graph.value(result, SH.focusNode) == URIRef(ID + "citation/c1")
    assert graph.value(result, SH.resultSeverity) == SH.Warning
    assert graph.value(result, SH.sourceShape) == URIRef(SHAPES + "Citation-dates")
    path = graph.value(result, SH.resultPath)
    assert len(list(graph.items(graph.value(path, SH.alternativePath)))) == 3
    first = report.to_graph().serialize(format="turtle")
    assert first == validate(broken(CASES["Citation-dates"])).to_graph().serialize(format="turtle")


def test_a_dataset_is_validated_as_the_union_of_its_graphs() -> None:
    from rdflib import Dataset

    dataset = Dataset()
    source = fixture_graph()
    half = sorted(source)
    for index, triple in enumerate(half):
        name = URIRef(f"https://zh.wikipedia.org/wiki/G{index % 2}")
        dataset.graph(name).add(triple)

    assert validate(dataset).results == ()


def test_a_missing_shapes_folder_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"shapes folder .*nowhere does not exist"):
        validate(fixture_graph(), shapes_dir=tmp_path / "nowhere")


def test_an_empty_shapes_folder_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="holds no .ttl file"):
        validate(fixture_graph(), shapes_dir=tmp_path)


def test_unparsable_shapes_are_a_config_error_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.ttl").write_text("this is not turtle .", encoding="utf-8")

    with pytest.raises(ConfigError, match=r"shapes file .*bad\.ttl is not valid Turtle"):
        validate(fixture_graph(), shapes_dir=tmp_path)


def test_a_missing_ontology_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"ontology .*missing\.ttl does not exist"):
        validate(fixture_graph(), ontology=tmp_path / "missing.ttl")


def test_a_sparql_constraint_on_a_property_shape_is_refused(tmp_path: Path) -> None:
    (tmp_path / "odd.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:s> a sh:PropertyShape ; sh:path <urn:p> ; sh:targetClass <urn:C> ;\n"
        '    sh:sparql [ sh:select "SELECT $this WHERE { $this ?p ?o }" ] .\n',
        encoding="utf-8",
    )

    with pytest.raises(ConfigError, match="sh:sparql is evaluated only on node shapes with sh:targetClass"):
        validate(fixture_graph(), shapes_dir=tmp_path)


def test_the_bundled_article_graph_conforms(tmp_path: Path) -> None:
    from kg import pipeline
    from kg.source import default_corpus

    built = pipeline.build([str(default_corpus())], out=tmp_path / "out")

    assert built.report is not None
    assert built.report.conforms, built.report.to_text()
    assert built.report.count(Severity.VIOLATION) == 0


def test_the_examples_in_kg_validate_run() -> None:
    import doctest

    import kg.validate

    outcome = doctest.testmod(kg.validate)

    assert outcome.attempted > 0
    assert outcome.failed == 0


def test_dangling_references_are_found_under_any_base() -> None:
    other = "https://example.org/kg/"
    graph = Graph()
    for triple in fixture_graph():
        graph.add(tuple(URIRef(other + str(term)[len(ID):]) if str(term).startswith(ID) else term for term in triple))
    graph.add((URIRef(other + "summit/two"), URIRef(SKG + "supportedBy"), URIRef(other + "citation/ghost")))
    graph.add((URIRef(other + "summit/two"), URIRef(SKG + "supportedBy"), URIRef(ID + "citation/elsewhere")))

    results = validate(graph).results

    assert [(local(result.source_shape), str(result.value)) for result in results] == [
        ("Node-dangling", other + "citation/ghost")
    ]


def test_a_citation_without_url_but_with_a_title_conforms() -> None:
    """A book or a print newspaper ({{cite book}} without url) is a citation a reader can find."""
    case = breaks('DELETE DATA { citation:c1 skg:url "https://example.org/news/1"^^xsd:anyURI }')

    assert validate(broken(case)) == Report(conforms=True, results=())


def test_one_process_validating_many_graphs_keeps_each_report_its_own() -> None:
    """The shapes are read once per process and reused: no graph's results leak into the next."""
    case = CASES["Summit-dates-order"]
    first = validate(broken(case))

    assert validate(fixture_graph()) == Report(conforms=True, results=())
    assert validate(broken(case)) == first
    assert not first.conforms


def test_shapes_changed_on_disk_are_read_again(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes"
    shapes.mkdir()
    source = (default_shapes_dir() / "skg-shapes.ttl").read_text(encoding="utf-8")
    (shapes / "skg-shapes.ttl").write_text(source, encoding="utf-8")
    assert validate(fixture_graph(), shapes_dir=shapes).conforms

    (shapes / "extra.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix skg: <https://w3id.org/summit-kg/ontology#> .\n"
        "<urn:x:NoSummits> a sh:NodeShape ; sh:targetClass skg:Summit ; "
        "sh:property [ sh:path skg:ordinal ; sh:maxCount 0 ] .\n", encoding="utf-8")

    assert not validate(fixture_graph(), shapes_dir=shapes).conforms


def test_the_shapes_are_kept_as_read_and_checked_and_read_back(tmp_path: Path, monkeypatch) -> None:
    from kg import validate as module

    monkeypatch.setattr(module, "_GATES", {})
    module.prepare(keep_in=tmp_path)
    kept = sorted(tmp_path.glob("shapes-*.pickle"))
    assert len(kept) == 1
    first = validate(fixture_graph())

    def read_again(*args, **kwargs):
        raise AssertionError("the shapes were read again")

    monkeypatch.setattr(module, "_GATES", {})
    monkeypatch.setattr(module, "load_shapes", read_again)
    monkeypatch.setattr(module, "_refuse_remote_sparql", read_again)
    module.prepare(keep_in=tmp_path)  # a new process, as far as the gate knows: read back from the file
    assert validate(fixture_graph()) == first


def test_shapes_kept_damaged_are_read_again(tmp_path: Path, monkeypatch) -> None:
    from kg import validate as module

    monkeypatch.setattr(module, "_GATES", {})
    module.prepare(keep_in=tmp_path)
    for kept in tmp_path.glob("shapes-*.pickle"):
        kept.write_bytes(b"not a pickle")
    monkeypatch.setattr(module, "_GATES", {})
    module.prepare(keep_in=tmp_path)
    assert validate(fixture_graph()).conforms


def test_shapes_calling_service_are_refused_every_time_and_never_kept(tmp_path: Path, monkeypatch) -> None:
    from kg import validate as module

    shapes = tmp_path / "shapes"
    shutil.copytree(default_shapes_dir(), shapes)
    (shapes / "remote.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:x:Remote> a sh:NodeShape ; sh:targetClass <urn:x:C> ;\n"
        '  sh:sparql [ sh:select "SELECT $this WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }" ] .\n',
        encoding="utf-8")
    kept = tmp_path / "kept"
    for _ in range(2):
        monkeypatch.setattr(module, "_GATES", {})
        with pytest.raises(ConfigError, match="SERVICE"):
            module.prepare(shapes_dir=shapes, keep_in=kept)
    assert not list(kept.glob("shapes-*"))
