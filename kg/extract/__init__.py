"""Text understanding: a document model in, entities and facts in the public vocabulary out.

The order is fixed by what each step needs: names are typed from how the text uses
them, then sources (citations), people over time (governments, successions), summits,
what happened at them, and last the article's subject (a series or one summit).

>>> from kg.model import Page
>>> from kg.wikitext import parse
>>> text = "'''甲乙会晤'''。\\n== 2001年 ==\\n2001年5月3日，第一次会晤在[[某城]]举行，甲国总统[[张三]]与乙国主席[[李四]]会谈。"
>>> result = extract(parse(Page(text=text, origin="example")))
>>> sorted(e.id.key for e in result.entities if e.id.kind.value == "person")
['张三', '李四']
"""

from __future__ import annotations

from kg.extract.document_passes import (documents_by_their_days, documents_of_the_meeting_told, documents_of_treaty_boxes,
                                        documents_of_visit_boxes)
from kg.extract.entities import type_names
from kg.extract.events import read_events
from kg.extract.names import NOTE_TA
from kg.extract.ordinals import number_by_their_days, one_number_each
from kg.extract.infobox import boxed_place_names, infobox_summit, summit_infoboxes
from kg.extract.people import holders_met_in_turn, holders_of_the_series_offices, offices_for_descriptions, read_people
from kg.extract.participants import attendees_listed_after, attendees_of_the_defined_gathering, witnesses_of_the_signing
from kg.extract.containment import (contain_by_name, key_generic_buildings_by_their_town, place_venues_by_gazetteer,
                                    read_where_things_lie, towns_only_the_gazetteer_gives)
from kg.extract.venues import (gathering_hall_gives_way_to_its_town, venue_of_the_days_meetings, venue_of_the_gathering,
                               venue_of_the_list_intro, venue_of_the_summit_it_was_held_during, venue_said_of_the_summit)
from kg.extract.venue_halls import (lodging_gives_way_to_its_town, venue_named_as_the_hall, venue_of_the_banquet,
                                    venue_of_the_building_gone_to, venue_of_the_welcome_in_the_state,
                                    venue_of_the_talks_in_its_town)
from kg.extract.towns_reached import (place_sites_in_the_town_reached, venue_of_the_stop_of_its_talks,
                                      venue_of_the_talks_on_its_days, venue_of_the_town_its_leg_reached,
                                      venue_of_the_town_reached_before_it)
from kg.extract.visited_states import (place_venues_in_visited_states, venue_in_the_state_of_its_section,
                                       venue_of_the_visit_box)
from kg.extract.reading import read
from kg.extract.same_document import one_document_each
from kg.extract.scripts import to_hans
from kg.extract.sources import read_sources
from kg.extract.stated_offices import offices_stated_at_the_summit
from kg.extract.subject import read_subject
from kg.extract.visit_box_people import type_the_boxs_people
from kg.extract.summits import MAIN_TEMPLATES, extract_summits
from kg.extract.table_series import rows_give_their_documents
from kg.extract.tables import table_summits
from kg.extract.towns_in_regions import capitals_of_their_regions, towns_of_the_place_cells
from kg.extract.treaty_signing import summits_of_treaty_boxes
from kg.extract.visits_abroad import first_sentences_office_at_the_first_visit
from kg.extract.visits import heads_called_on, hosts_who_welcome_the_visitor, others_met_on_its_days
from kg.extract.waters import towns_by_the_sea
from kg.model import Count, Extraction, Kind, Severity, SourceInfo
from kg.wikitext import Document

#: Templates whose content becomes graph content (names, citations, summits, main articles).
INTERPRETED = NOTE_TA + ("各地中文名", "infobox east asian", "lang", "reflist") + MAIN_TEMPLATES


def extract(document: Document) -> Extraction:
    reading = read(document)
    type_names(reading, boxed_place_names(reading))
    type_the_boxs_people(reading)
    read_where_things_lie(reading)
    sources = read_sources(reading)
    people = read_people(reading)
    boxes = summit_infoboxes(reading)
    boxed = infobox_summit(reading, people, boxes[0]) if boxes else None
    summits = extract_summits(reading, people, sources, around=boxed, tabled=table_summits(reading, people))
    attendees_listed_after(reading, people, summits)
    attendees_of_the_defined_gathering(reading, people, summits)
    others_met_on_its_days(reading, people, summits)
    hosts_who_welcome_the_visitor(reading, people, summits)
    heads_called_on(reading, people, summits)
    offices_for_descriptions(reading, people)
    holders_met_in_turn(reading)
    holders_of_the_series_offices(reading, people)
    number_by_their_days(reading, summits)
    summits = summits_of_treaty_boxes(reading, people, summits)
    witnesses_of_the_signing(reading, people, summits)
    documents_of_treaty_boxes(reading, summits)
    documents_of_visit_boxes(reading, summits)
    documents_by_their_days(reading, summits)
    rows_give_their_documents(reading, summits)
    documents_of_the_meeting_told(reading, summits)
    gathering_hall_gives_way_to_its_town(reading, summits)
    venue_said_of_the_summit(reading, summits)
    venue_of_the_talks_on_its_days(reading, summits)
    venue_of_the_gathering(reading, summits)
    venue_of_the_list_intro(reading, summits)
    venue_of_the_days_meetings(reading, summits)
    venue_of_the_town_reached_before_it(reading, summits)
    venue_of_the_summit_it_was_held_during(reading, summits)
    venue_in_the_state_of_its_section(reading, summits)
    venue_named_as_the_hall(reading)
    venue_of_the_stop_of_its_talks(reading, summits)
    venue_of_the_talks_in_its_town(reading, summits)
    venue_of_the_building_gone_to(reading, summits)
    venue_of_the_banquet(reading)
    place_sites_in_the_town_reached(reading)
    lodging_gives_way_to_its_town(reading)
    key_generic_buildings_by_their_town(reading)
    place_venues_by_gazetteer(reading)
    place_venues_in_visited_states(reading)
    venue_of_the_welcome_in_the_state(reading, summits)
    venue_of_the_visit_box(reading, summits, boxes)
    venue_of_the_town_its_leg_reached(reading, summits)
    towns_only_the_gazetteer_gives(reading)
    towns_by_the_sea(reading)
    towns_of_the_place_cells(reading)
    capitals_of_their_regions(reading)
    contain_by_name(reading)
    one_document_each(reading, tuple(s.id for s in summits))
    first_sentences_office_at_the_first_visit(reading, summits)
    offices_stated_at_the_summit(reading, summits)
    read_events(reading, tuple(s for s in summits if s.anchor is not None))
    read_subject(reading, summits)
    one_number_each(reading)
    entities, facts, left_out = reading.registry.finish()
    for fact in left_out:
        reading.note(f"left out {fact.value.key} as the {fact.prop.value} of {fact.subject.key}: the page "
                     f"names it as {fact.value.kind.value} elsewhere, which a {fact.prop.value} cannot be",
                     severity=Severity.WARNING)
    page = document.page
    source = SourceInfo(document.title, page.wiki, page.language, page.sha256, page.revision_id,
                        page.timestamp, page.origin)
    named = {e.id.key for e in entities if e.id.kind is not Kind.CITATION}
    # to_hans keeps a text's length: only the labels as long as a link no entity is named by are converted
    lengths = {len(link.target) for link in document.links if reading.index.key(link.target) not in named}
    labels = {to_hans(label.text) for e in entities for label in e.labels + e.alt_labels if len(label.text) in lengths}
    used_links = sum(1 for link in document.links  # an entity, a gift's name, a see-also article
                     if reading.index.key(link.target) in named or to_hans(link.target) in labels
                     or link.target in sources.see_also)
    used_templates = sum(1 for t in document.templates
                         if t.key in INTERPRETED or t.key.startswith(("cite", "lang-")) or t in boxes)
    counts = (
        Count("sections", len(document.all_sections()), len(reading.by_section)),
        Count("wikilinks", len(document.links), used_links),
        Count("templates", len(document.templates), used_templates),
        Count("refs", len(document.refs), sources.used_refs),
        Count("external links", len(document.external_links), sources.used_external_links),
        Count("categories", len(document.categories), len(sources.categories)),
    )
    return Extraction(source, entities, facts, tuple(document.issues) + tuple(reading.issues),
                      sources.categories, sources.see_also, counts)
