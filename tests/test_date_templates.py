"""Date templates read as the dates they show, in infobox fields, tables and prose."""

import pytest

from kg.extract.dates import find_dates
from kg.model import Page
from kg.wikitext import parse, passage


@pytest.mark.parametrize("markup, shown", [
    ("{{Start date|2018|9|18}}", "2018年9月18日"),
    ("{{start date|2018|9|18|df=y}}", "2018年9月18日"),
    ("{{End date|1945|2|11}}", "1945年2月11日"),
    ("{{Start date and age|2013|6|7}}", "2013年6月7日"),
    ("{{dts|2018|9|18}}", "2018年9月18日"),
    ("{{dts|2018-09-18}}", "2018年9月18日"),
    ("{{date|2018-09-18}}", "2018年9月18日"),
    ("{{date|18 September 2018}}", "2018年9月18日"),
    ("{{开始日期|1985|11|19}}", "1985年11月19日"),
    ("{{Start date|1943|11}}", "1943年11月"),
])
def test_a_date_template_reads_as_its_date(markup, shown):
    document = parse(Page(text=f"'''甲'''于{markup}举行。", origin="t"))
    assert passage(document, document.lead).text == f"甲于{shown}举行。"


def test_an_infobox_field_holding_only_a_template_is_not_empty():
    text = "{{Infobox event\n| date = {{Start date|2018|9|18}}－{{End date|2018|9|20}}\n}}"
    box = parse(Page(text=text, origin="t")).templates[-1]
    assert box.get("date") == "2018年9月18日－2018年9月20日"
    found = find_dates(box.get("date"))
    assert [(d.start.isoformat(), d.end.isoformat()) for d in found][:1] == [("2018-09-18", "2018-09-20")]


def test_the_rendered_date_points_into_its_template():
    text = "'''甲'''于{{dts|2018|9|18}}举行。"
    document = parse(Page(text=text, origin="t"))
    rendered = passage(document, document.lead)
    at = rendered.text.index("2018")
    span = rendered.source_span(at, at + 4)
    assert text[span.start:span.end].startswith("{{dt")


def test_other_templates_and_bad_arguments_render_nothing():
    document = parse(Page(text="'''甲'''{{Start date|x|y}}{{cite web|title=2018}}。", origin="t"))
    assert passage(document, document.lead).text == "甲。"
