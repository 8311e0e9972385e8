"""Short answers inside a clause: dates, frequencies, counts with their unit, amounts; quotes."""

from __future__ import annotations

import pytest

from assistant.answering.spans import (
    MonthDay,
    amounts,
    counts,
    dates,
    frequencies,
    month_days,
    sentences,
    spans_for,
    years,
)


def test_dates_in_both_languages_with_english_gloss_of_chinese_dates():
    assert [s.text for s in dates("New York, 21 March, 2004 – The United Nations")] == ["21 March, 2004"]
    assert [s.text for s in dates("adopted on March 21, 2024.")] == ["March 21, 2024"]
    zh = dates("2017年成立的联合国区域间犯罪和司法研究所")
    assert [(s.text, s.gloss) for s in zh] == [("2017年", "2017")]
    assert dates("2024年3月21日")[0].gloss == "21 March 2024"


def test_the_2030_agenda_is_a_name_not_a_date():
    assert dates("《2030年可持续发展议程》") == []


def test_frequencies_are_glossed_in_the_other_language():
    [f] = frequencies("每年向理事会报告")
    assert (f.text, f.gloss, f.shown("en")) == ("每年", "every year", "every year (每年)")
    assert frequencies("reports annually")[0].gloss == "每年"


def test_counts_keep_their_noun_and_skip_years_ordinals_and_symbols():
    [c] = counts("receiving support from more than 120 member states.")
    assert c.text == "more than 120 member states" and c.gloss == "超过120"
    [zh] = counts("联合国30多个机构和部门合作组织")
    assert zh.text.startswith("30多个") and zh.gloss == "more than 30"
    assert counts("第139号决议（2022年，布加勒斯特）") == []
    assert counts("第A/RES/70/125号决议") == []
    assert counts("the United Nations’ 17 Sustainable Development Goals")[0].text.startswith("17 Sustainable")


def test_amounts_need_a_currency():
    assert [a.text for a in amounts("a budget of CHF 2.5 million for AI")] == ["CHF 2.5 million"]
    assert amounts("more than 120 member states") == []
    assert spans_for("how-much", "30多个机构") == []


def test_sentences_are_trimmed_spans():
    text = "First sentence. Second one; third"
    assert [text[a:b] for a, b in sentences(text)] == ["First sentence.", "Second one;", "third"]


def _quote(text: str, question: str, lang: str = "en", **kw) -> tuple[int, int]:
    """`best_quote` on a one-paragraph document whose offsets are the text's own."""
    from assistant.answering.evidence import question_groups
    from assistant.answering.spans import best_quote
    from assistant.schema import Chunk

    end = len(text)
    chunk = Chunk(id="d/1", doc_id="d", text=text, lang="en", kind="clause", section_kind="body", start=0, end=end)
    return best_quote(chunk, question_groups(question, lang), lambda t: 1.0, **kw)


def test_best_quote_counts_the_extra_evidence_of_a_sentence():
    text = (
        "The Assembly adopted a resolution on artificial intelligence systems and their safety for all. "
        "The resolution underscores the importance of upholding rights throughout the entire lifecycle."
    )
    question = "Which parts of a system's life do rights cover?"
    second = text.index("The resolution")
    assert _quote(text, question) == (0, second - 1)

    def parts(sentence: str) -> frozenset[str]:
        return frozenset({"life"}) if "lifecycle" in sentence else frozenset()

    assert _quote(text, question, extra=parts) == (second, len(text))


def test_sentences_that_cover_the_question_equally_go_to_the_one_with_the_preferred_words():
    # Both sentences have the glossary term "historic" (milestone, watershed, 里程碑): a tie on coverage.
    text = (
        "This resolution marks a watershed moment in the governance of emerging technologies. "
        "The adoption of this resolution is recognized as a historic milestone for the safe use of AI."
    )
    question = "这项决议被认为是什么样的里程碑？"
    second = text.index("The adoption")
    assert _quote(text, question, "zh") == (0, second - 1)  # the first sentence on a tie
    assert _quote(text, question, "zh", prefer=frozenset({"mileston"})) == (second, len(text))


def test_the_2030_agenda_written_in_english_is_no_year_either():
    assert [d.text for d in dates("the 2030 Agenda for Sustainable Development, adopted in 2015")] == ["2015"]


def test_the_2030_agenda_is_a_name_in_either_word_order():
    assert years("Does the draft mention Agenda 2030?") == []
    assert years("决议草案是否提到2030议程？") == []
    assert years("the 2030 Sustainable Development Agenda") == []
    assert years("Are the goals to be achieved by 2030?") == ["2030"]  # a year, not the Agenda's name


@pytest.mark.parametrize(
    "text", ["2022-2026", "2022–2026", "the plan for 2022 to 2026", "2022至2026年", "2022年至2026年"]
)
def test_a_year_range_gives_every_year_it_spans(text):
    assert years(text) == ["2022", "2023", "2024", "2025", "2026"]


def test_a_range_too_long_to_date_anything_gives_its_ends_only():
    assert years("1900-2000") == ["1900", "2000"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("New York, 21 March, 2004 – The", [("21 March", 3, 21)]),
        ("adopted on March 21, 2024", [("March 21", 3, 21)]),
        ("Was it adopted in April 2024?", [("April", 4, None)]),
        ("决议是2024年4月通过的吗？", [("4月", 4, None)]),
        ("2024年3月21日", [("3月21日", 3, 21)]),
        ("是十二月通过的吗", [("十二月", 12, None)]),
        ("May the resolution be revised?", []),  # a verb, not a month
        ("Was it adopted in march 2024?", [("march", 3, None)]),  # typed in lower case
        ("Was it adopted on 21 march?", [("21 march", 3, 21)]),
        ("Was it held in may 2022?", [("may", 5, None)]),
        ("Does it say states may play a role in 3 may be?", []),  # lower-case "may" without a year: the verb
        ("Was it adopted on 21 may?", [("21 may", 5, 21)]),  # a day before it and the question ends after it
        ("Resolution 3 may be revised.", []),
        ("每月报告，为期3个月", []),  # every month, three months: no month named
    ],
)
def test_month_days_are_the_months_and_days_a_text_names(text, expected):
    assert [(d.text, d.month, d.day) for d in month_days(text)] == expected


def test_a_month_without_a_day_agrees_with_any_day_of_it():
    march, april, the_21st, the_22nd = (
        MonthDay("March", 3),
        MonthDay("April", 4),
        MonthDay("21 March", 3, 21),
        MonthDay("22 March", 3, 22),
    )
    assert march.agrees(the_21st) and the_21st.agrees(march)
    assert not april.agrees(the_21st) and not the_22nd.agrees(the_21st)


def test_the_sentence_stating_the_set_aside_phrase_is_quoted_for_what_else_it_names():
    from assistant.answering.evidence import question_groups
    from assistant.answering.exclusions import aside_positions

    text = (
        "The Assembly emphasized ensuring equitable access to AI technologies for developing nations. "
        "Efforts to support inclusive access to AI and enhance digital literacy were highlighted."
    )
    question = "决议除了推动包容性获取之外，还强调发展中国家要提升哪方面的能力？"
    aside = aside_positions(question_groups(question, "zh"), question, "zh")
    second = text.index("Efforts")
    # Without the set-aside phrase read, "access" and "developing nations" win the first sentence.
    assert _quote(text, question, "zh") == (0, second - 1)
    assert _quote(text, question, "zh", aside=aside) == (second, len(text))
