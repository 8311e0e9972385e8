"""The single-clause answer: the best supported clause led by its short answer, or an abstention."""

from __future__ import annotations

import pytest

from assistant.answering.analysis import analyse_question
from assistant.answering.near_miss import needs
from assistant.answering.replies import AIM, NO
from assistant.answering.single import single_answer
from tests.answering.test_choice import DOCS, HITS
from tests.answering.toy import toy_context


def ask(question: str, **kw):
    return single_answer(question, "en", analyse_question(question, "en"), toy_context(DOCS, hits=HITS), **kw)


def cited(answer) -> list[str]:
    return [c.chunk_id for c in answer.citations]


def test_a_supported_yes_no_question_leads_with_yes_and_quotes_its_evidence():
    answer = ask("Must Member States share their AI skills?")
    assert answer.text.startswith("Yes. According to Draft resolution on AI: 「Member States shall share")
    assert cited(answer) == ["res/clause/2"]


def test_a_how_many_question_leads_with_the_count():
    answer = ask("How many member states backed the resolution?")
    assert answer.text.startswith("120 member states") and cited(answer) == ["art/paragraph/4"]


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("What else must he do?", "No clause in the indexed documents supports"),  # nothing to look for
        ("What is the budget of the resolution for AI skills?", "but not budget"),  # the topic, not the budget
    ],
)
def test_a_question_no_clause_answers_abstains_and_says_why(question, says):
    answer = ask(question)
    assert answer.abstained and not answer.citations and says in answer.text


def test_what_the_question_needs_is_read_once_by_the_caller_or_here_alike():
    question = "Which countries backed the resolution?"
    a = analyse_question(question, "en")
    assert ask(question, need=needs(question, "en", a.qtype)) == ask(question)
    # The caller's reading is the one used: one that asks for a city rules the clause out.
    city = "Which city backed the resolution?"
    assert ask(question, need=needs(city, "en", "which")).abstained


@pytest.mark.parametrize(
    "question",
    [
        "Which countries supported the resolution?",
        "Which specific nations supported the resolution?",
        "哪些成员国支持了该决议？",
    ],
)
def test_a_class_question_is_not_answered_by_a_quote_naming_none_of_the_class(assistant, question):
    # body/5 names "developing nations" in its first sentence, but its second one carries the question's
    # words ("support"): the quoted sentence names no country, so it is no answer.
    answer = assistant.ask(question)
    quotes = [c.quote for c in answer.citations]
    assert answer.abstained or any("member states" in q for q in quotes), quotes


def test_a_kind_of_countries_said_only_in_other_words_is_answered_by_the_group_the_clause_names(assistant):
    # body/5 writes none of the question's own words ("fair chance", "smart tools"), only their sense; its
    # "developing nations" is the kind of countries asked for, which the clauses sharing words do not name.
    answer = assistant.ask("What sort of nations were singled out as deserving a fair chance at these smart tools?")
    assert not answer.abstained
    assert any("developing nations" in c.quote for c in answer.citations)


@pytest.mark.parametrize(
    "question",
    [
        "Which country led the drafting of the resolution?",
        "Which countries voted against the resolution?",
        "Which nations abstained when the text was put to a vote?",
    ],
)
def test_a_question_for_particular_countries_is_not_answered_by_a_group(assistant, question):
    assert assistant.ask(question).abstained


# Yes/no answers on the bundled corpus (the `assistant` fixture): names with years, resolutions named by
# their topic, months against the dateline, 没有 before a 的 phrase.
@pytest.mark.parametrize("question", ["Does the draft resolution mention Agenda 2030?", "决议草案是否提到2030议程？"])
def test_the_2030_agenda_named_with_its_year_first_or_last_is_answered(assistant, question):
    answer = assistant.ask(question)
    assert answer.text.startswith(("Yes", "是的")) and "2030年可持续发展议程" in answer.citations[0].quote


@pytest.mark.parametrize(
    "question",
    [
        "Was the resolution on WSIS outcomes revised in Bucharest?",
        "有关信息社会世界峰会成果的决议是在布加勒斯特修订的吗？",
    ],
)
def test_a_resolution_named_by_its_topic_is_answered_from_its_record(assistant, question):
    answer = assistant.ask(question)
    assert answer.text.startswith(("Yes", "是的")) and "第140号决议" in answer.citations[0].quote


@pytest.mark.parametrize(
    "question",
    ["Was the Plenipotentiary Conference held in Bucharest in 2022?", "全权代表大会是2022年在布加勒斯特举行的吗？"],
)
def test_the_conferences_place_and_year_asked_together_are_answered_from_the_header(assistant, question):
    answer = assistant.ask(question)
    assert answer.text.startswith(("Yes", "是的")) and cited(answer) == ["eur-44a25-1/header"]


@pytest.mark.parametrize(
    "question",
    [
        "Was the Plenipotentiary Conference held in Dubai in 2022?",
        "全权代表大会是2018年在布加勒斯特举行的吗？",
        "Was the Plenipotentiary Conference in Bucharest held in May 2022?",  # the header gives no month
    ],
)
def test_a_place_year_or_month_the_header_does_not_give_is_not_answered_yes(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained and not answer.text.startswith(("Yes", "是的"))


@pytest.mark.parametrize(
    "question", ["Was the resolution adopted in New York in 2024?", "该决议是2024年在纽约通过的吗？"]
)
def test_a_place_and_year_another_documents_dateline_gives_are_answered_from_it(assistant, question):
    # A chosen clause of the ITU draft gives neither: the article's dateline (year read as the note corrects it) does.
    answer = assistant.ask(question)
    assert answer.text.startswith(("Yes", "是的")) and cited(answer) == ["unido-unga-ai-resolution/dateline"]


@pytest.mark.parametrize(
    "question", ["Was the resolution adopted in Geneva in 2024?", "Was the resolution adopted in New York in 2022?"]
)
def test_a_place_or_year_no_documents_record_gives_together_is_not_answered_yes(assistant, question):
    answer = assistant.ask(question)
    assert not answer.text.startswith(("Yes", "是的"))


def test_an_abstention_does_not_call_a_city_another_documents_dateline_gives_unmentioned(assistant):
    answer = assistant.ask("Was the resolution adopted in New York in 2022?")
    assert answer.abstained and "New York" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Was the resolution on AI adopted in April 2024?",
        "联合国大会关于人工智能的决议是2024年4月通过的吗？",
        "Was the AI resolution adopted on 22 March 2024?",
    ],
)
def test_another_month_or_day_than_the_datelines_is_not_answered_yes(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained and not answer.text.startswith(("Yes", "是的"))


def test_the_datelines_own_month_is_still_answered_yes(assistant):
    assert assistant.ask("Was the resolution on AI adopted in March 2024?").text.startswith("Yes")


@pytest.mark.parametrize(
    "question", ["Was the resolution adopted on 21 March?", "Was the AI resolution adopted on 21 march?"]
)
def test_a_day_asked_alone_is_answered_from_the_dateline(assistant, question):
    answer = assistant.ask(question)
    assert answer.text.startswith("Yes") and [c.chunk_id for c in answer.citations] == [
        "unido-unga-ai-resolution/dateline"
    ]


def test_a_lower_case_month_is_checked_against_the_dateline(assistant):
    assert assistant.ask("Was the resolution on AI adopted in april 2024?").abstained


def test_a_date_asked_with_a_content_cites_the_clause_that_says_it_and_the_dateline(assistant):
    answer = assistant.ask(
        "Did the resolution adopted in March 2024 urge stakeholders to refrain from employing AI systems "
        "that contravene human rights?"
    )
    cited = [c.chunk_id for c in answer.citations]
    assert answer.text.startswith("Yes") and cited == [
        "unido-unga-ai-resolution/body/4",
        "unido-unga-ai-resolution/dateline",
    ]
    # The date alone, which the dateline and the title state, needs no other clause.
    alone = assistant.ask("Was the resolution on AI adopted in March 2024?")
    assert [c.chunk_id for c in alone.citations] == ["unido-unga-ai-resolution/dateline"]


@pytest.mark.parametrize(
    "question", ["Did the resolution adopted in March call for safe AI?", "3月通过的决议是否呼吁安全的人工智能？"]
)
def test_a_dated_question_cites_the_first_clause_that_states_its_content_best(assistant, question):
    answer = assistant.ask(question)
    assert cited(answer) == ["unido-unga-ai-resolution/body/1", "unido-unga-ai-resolution/dateline"]


def test_a_dated_question_cites_the_clause_stating_its_topic_over_one_stating_its_subject(assistant):
    answer = assistant.ask("Did the resolution adopted in March address the digital divide?")
    assert cited(answer) == ["unido-unga-ai-resolution/body/5", "unido-unga-ai-resolution/dateline"]


def test_a_negation_before_a_de_phrase_is_not_answered_yes(assistant):
    aim = assistant.ask("发展中国家没有平等获取人工智能技术的机会吗？")
    assert aim.text.startswith(AIM["zh"]) and not aim.abstained
    assert assistant.ask("联合国大会没有通过关于人工智能的决议吗？").text.startswith(NO["zh"])


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("Who must the Secretary-General report to?", "The Secretary-General"),
        ("秘书长必须向谁报告？", "秘书长"),
    ],
)
def test_a_who_question_naming_the_addressee_is_not_answered_with_it(assistant, question, subject):
    # The addressee is the question's own subject: the answer is who it reports to, which the quote says.
    answer = assistant.ask(question)
    assert not answer.abstained and not answer.text.startswith(subject)
    assert "理事会" in answer.citations[0].quote


def test_a_who_question_asking_for_the_addressee_still_leads_with_it(assistant):
    assert assistant.ask("Who must report to Council?").text.startswith("The Secretary-General")


def test_a_lower_case_day_and_may_is_a_date_the_dateline_contradicts(assistant):
    answer = assistant.ask("Was the resolution adopted on 21 may?")
    assert answer.abstained and "gives otherwise" in answer.text and "「New York, 21 March, 2004」" in answer.text


def test_a_specific_focus_offered_beside_a_stated_alternative_does_not_abstain(assistant):
    # The clause says 战略或财务影响 (strategic or financial impact): "strategic" is stated, so the budget
    # offered as its alternative is no fact the answer lacks.
    question = (
        "How often must the Secretary-General report to the Council on AI activities with strategic or budget"
        " implications?"
    )
    answer = assistant.ask(question)
    assert not answer.abstained
    assert [c.chunk_id for c in answer.citations] == ["eur-44a25-1/operative/secretary-general/7"]


def test_a_specific_focus_asked_for_itself_still_abstains(assistant):
    question = (
        "What budget must the Secretary-General report to the Council on AI activities with strategic implications?"
    )
    answer = assistant.ask(question)
    assert answer.abstained and "budget" in answer.text


def test_a_who_question_quotes_the_sentence_that_names_who_not_only_its_own_actor(assistant):
    # Paragraph 6 lists more actors but never names the Assembly; paragraph 4's first sentence shares the most
    # words with the question, its second names whom the Assembly urged.
    answer = assistant.ask("Whom did the Assembly ask to avoid AI that endangers human rights?")
    assert cited(answer) == ["unido-unga-ai-resolution/body/4"]
    assert "It urged all stakeholders" in answer.citations[0].quote


@pytest.mark.parametrize("question", ["联合国大会这项人工智能决议的正式编号是多少？", "联大这项决议的正式文号是多少？"])
def test_a_number_question_is_not_answered_by_a_clause_carrying_no_document_number(assistant, question):
    # The article never gives the General Assembly resolution's number; "more than 120" is a count, no number.
    answer = assistant.ask(question)
    assert answer.abstained, answer.text


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Which country will host the next AI for Good summit?", "AI for Good Global Summit"),
        ("哪些公司赞助了人工智能造福人类高峰会议？", "人工智能造福人类高峰会议"),
    ],
)
def test_a_near_miss_says_what_the_retrieved_clauses_name_though_its_closest_clause_names_none(
    assistant, question, named
):
    # The closest clause may pass on plain words alone; the abstention still names what the corpus does cover.
    answer = assistant.ask(question)
    assert answer.abstained and named in answer.text
