"""Everyday words and idioms: the table's rows are found in a question and searched as a text's words."""

import pytest

from assistant.retrieval.everyday import everyday_words, find_everyday, parse_table
from assistant.retrieval.translation import translate_query
from tests.retrieval.fakes import Terms

TABLE = parse_table(
    "# a comment\n"
    "\n"
    "zh\t分量很重|说话管用\t举足轻重;significant\teveryday\tweight\n"
    "zh\t分量\tsignificance\teveryday\tshorter, after the longer row\n"
    "en\tcradle\\s+to\\s+grave|life\\s*span\tlifecycle;生命周期\tidiom\tlife\n"
    "en\tpurses?\teconomic\teveryday\tmoney\n"
)


def test_a_row_is_found_with_its_words_as_written_and_blanked_out():
    found, rest = find_everyday("From cradle to grave, who keeps watch?", "en", TABLE)
    assert [(row.wording, source) for row, source in found] == [(("lifecycle", "生命周期"), "cradle to grave")]
    assert "cradle" not in rest and "watch" in rest


def test_english_rows_match_whole_words_only():
    assert find_everyday("For what purposes?", "en", TABLE)[0] == []
    assert [s for _, s in find_everyday("Whose purses?", "en", TABLE)[0]] == ["purses"]


def test_a_longer_row_listed_first_takes_its_words_from_a_shorter_one_inside_it():
    found, rest = find_everyday("哪些方面分量很重？", "zh", TABLE)
    assert [source for _, source in found] == ["分量很重"]
    assert len(rest) == len("哪些方面分量很重？")  # Chinese keeps its length: no new words across the gap


def test_rows_of_the_other_language_are_not_read():
    assert find_everyday("分量很重 cradle to grave", "zh", TABLE)[0][0][1] == "分量很重"
    assert len(find_everyday("分量很重 cradle to grave", "zh", TABLE)[0]) == 1


@pytest.mark.parametrize("line", ["fr\tx\ty\teveryday\tn", "en\tonly two"])
def test_a_malformed_row_is_an_error(line):
    with pytest.raises(ValueError, match="line 1"):
        parse_table(line)


def test_the_projects_table_reads_and_holds_both_languages():
    rows = everyday_words()
    assert {row.lang for row in rows} == {"en", "zh"}
    assert all(row.wording and row.kind in ("everyday", "idiom") for row in rows)


def test_the_query_searches_a_row_as_the_texts_words_and_not_its_own_word_by_word():
    q = translate_query("搞懂AI会给老百姓的钱袋子带来什么变化？", "zh", Terms({"·经济", "econom", "purs"}))
    groups = {g.source: g for g in q.translations}
    assert groups["钱袋子"].origin == "everyday" and set(groups["钱袋子"].tokens) == {"·经济", "econom"}


def test_a_row_whose_words_the_index_lacks_gives_no_group():
    q = translate_query("Over which stretch of its existence?", "en", Terms({"理事会"}))
    assert all(g.origin != "everyday" for g in q.groups)
