"""The literals kg.rdf makes for a page's triples, against rdflib's own constructor."""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from kg import rdf


def _slots(literal: Literal) -> tuple:
    return (type(literal), str(literal), literal._language, literal._datatype, type(literal._datatype),
            literal._value, type(literal._value), literal._ill_typed, hash(literal), literal.n3())


TEXTS = ("", "abc", "名字", "金正恩", "a\nb", 'say "hi"', "tab\there", " spaced ", "\ud800", "x" * 2000, "4.0")


@pytest.mark.parametrize("language", [None, "zh-Hans", "zh-Hant", "en", "EN-gb", ""])
def test_a_text_is_made_as_rdflib_makes_it(language):
    for _ in range(2):  # the first time a language is met by rdflib, then as it is known
        for text in TEXTS:
            assert _slots(rdf._new_literal(text, None, language)) == _slots(Literal(text, lang=language)), text


@pytest.mark.parametrize("number", [0, 7, -12, 1900, 10**30, -(10**20)])
def test_an_integer_is_made_as_rdflib_makes_it(number):
    assert _slots(rdf._new_literal(number, rdf._INTEGER, None)) == _slots(Literal(number, datatype=XSD.integer))


def test_a_language_rdflib_refuses_is_refused_every_time():
    for _ in range(2):
        with pytest.raises(ValueError):
            rdf._new_literal("abc", None, "not a tag!")


def test_other_literals_are_rdflibs():
    for value, datatype in (("2018", XSD.gYear), ("https://example.org/", XSD.anyURI), (True, XSD.integer),
                            ("12", XSD.integer)):
        assert _slots(rdf._new_literal(value, datatype, None)) == _slots(Literal(value, datatype=datatype))
