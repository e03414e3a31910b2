"""Names compared across Chinese scripts, Korean and English."""

from __future__ import annotations

from kg.wikidata.names import Name, name_key, search_names


def test_chinese_names_share_a_key_across_scripts():
    assert name_key(Name("盧武鉉", "zh-Hant")) == name_key(Name("卢武铉", "zh-hans"))
    assert name_key(Name("朝鮮勞動黨總書記", "zh-Hant-TW")) == name_key(Name("朝鲜劳动党总书记", "zh"))
    assert name_key(Name("盧武鉉", "zh-Hant")) != name_key(Name("盧武鉉", "ko"))


def test_romanised_korean_is_compared_with_english():
    assert name_key(Name("Moon Jae-in", "ko-Latn")) == name_key(Name("moon  jae-in", "en"))
    assert name_key(Name("Nambuk Jeongsang-hoedam", "ko-Latn-KR")) == name_key(Name("Nambuk Jeongsang-hoedam", "en"))
    assert search_names(Name("남북정상회담", "ko-KR")) == (Name("남북정상회담", "ko"),)
    assert name_key(Name("Mondscheinsonate", "de")) is None


def test_a_chinese_name_is_searched_in_both_scripts_and_every_chinese_code():
    literals = set(search_names(Name("盧武鉉", "zh-Hant")))
    assert Name("卢武铉", "zh") in literals and Name("盧武鉉", "zh-tw") in literals and Name("卢武铉", "zh-hk") in literals
    assert search_names(Name("노무현", "ko")) == (Name("노무현", "ko"),)


def test_the_examples_in_the_names_docstrings_run():
    import doctest

    import kg.wikidata.names

    outcome = doctest.testmod(kg.wikidata.names)
    assert outcome.attempted > 0 and outcome.failed == 0
