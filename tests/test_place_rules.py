"""Rules of how real articles write where a meeting was held, each on a small hand-made article."""

from kg.extract import extract
from kg.model import Kind, Page, Prop
from kg.wikitext import parse


def read(text, title="甲乙会晤"):
    extraction = extract(parse(Page(text=text, origin="t", title=title)))
    facts = extraction.facts
    inside = {}
    for fact in facts:
        if fact.prop is Prop.LOCATED_IN:
            inside.setdefault(fact.subject.key, set()).add(fact.value.key)
    summits = {}
    for entity in extraction.entities:
        if entity.id.kind is Kind.SUMMIT:
            about = [f for f in facts if f.subject == entity.id]
            start = next(f.value for f in about if f.prop is Prop.START_DATE).isoformat()
            summits[start] = [chain(f.value.key, inside) for f in about if f.prop is Prop.VENUE]
    return summits


def chain(key, inside):
    """The venue and the places it lies in, small to big (the first container each time)."""
    out = [key]
    while inside.get(out[-1]) and len(out) < 8:
        out.append(sorted(inside[out[-1]])[0])
    return out


def box(venue, cities="", country=""):
    return ("{{Infobox summit meeting\n| date = {{Start date|2005|4|29}}\n"
            f"| venue = {venue}\n| cities = {cities}\n| host_country = {country}\n"
            "| participants = [[张三]]<br>[[李四]]\n}}\n"
            "'''甲乙会晤'''是甲国总统[[张三]]与乙国总理[[李四]]的会晤。\n")


def test_a_named_tail_after_a_linked_place_is_a_place_inside_it():
    assert read(box("[[人民大会堂]]福建厅", "[[北京]]")) == {"2005-04-29": [["福建厅", "人民大会堂", "北京"]]}


def test_a_bare_kind_of_building_makes_one_name_with_the_link():
    assert read(box("[[某城]]饭店")) == {"2005-04-29": [["某城饭店"]]}
    assert read(box("[[美国]]大使馆")) == {"2005-04-29": [["美国大使馆"]]}


def test_a_side_after_a_place_is_no_place():
    assert read(box("[[板门店]]北侧")) == {"2005-04-29": [["板门店"]]}


def test_a_state_written_plainly_before_the_first_link_holds_it():
    assert read(box("美国[[旧金山]]斐洛里庄园")) == {
        "2005-04-29": [["斐洛里庄园", "旧金山", "美利坚合众国"]]}


TABLE = ("'''甲乙会议列表'''列出甲国与乙国领导人的会议。\n== 列表 ==\n"
         "{| class=\"wikitable\"\n! 名称 !! 城市 !! 国家 !! 日期 !! 主要参与者\n|-\n"
         "| 第一次会议 || [[魁北克市|魁北克]] || {{flag|Canada|1921}} || 1943年8月11日－24日 || [[张三]]、[[李四]]\n|-\n"
         "| 第二次会议 || [[卡萨布兰卡]] || {{flagicon|Morocco}} [[法属摩洛哥]] || 1943年1月14日－24日 "
         "|| [[张三]]、[[李四]]\n|}\n")


def test_a_city_column_lies_in_the_country_column_of_its_row():
    found = read(TABLE, title="甲乙会议列表")
    assert found["1943-08-11"] == [["魁北克市", "加拿大"]]


def test_a_country_column_names_one_country_its_link_before_its_flag():
    found = read(TABLE, title="甲乙会议列表")
    assert found["1943-01-14"] == [["卡萨布兰卡", "法属摩洛哥"]]
