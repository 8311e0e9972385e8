from __future__ import annotations

import pytest

from assistant.answering.evidence import question_groups
from assistant.answering.polarity import denied, negated, states_aim, states_negation, yes_no_lead
from assistant.answering.qtypes import question_type
from assistant.answering.replies import AIM, MORE, NO, WEIGHED, YES


@pytest.mark.parametrize(
    ("question", "lang", "expected"),
    [
        ("Were Resolutions 139 and 140 not revised?", "en", True),
        ("Did the Assembly not adopt the resolution?", "en", True),
        ("Was Resolution 139 never revised?", "en", True),
        ("Weren't Resolutions 139 and 140 revised?", "en", False),  # expects a yes
        ("Is it not only about AI but also about ICT?", "en", False),
        ("Was Resolution 139 revised or not?", "en", False),
        ("What was not revised?", "en", False),  # no yes/no question
        ("Does the resolution mention countries that do not have access?", "en", False),
        ("第140号决议没有修订吗？", "zh", True),
        ("第139号决议是否未被修订？", "zh", True),
        ("第139号决议有没有修订？", "zh", False),
        ("决议是否涉及未来的技术？", "zh", False),
        ("决议是否提到没有互联网接入的人？", "zh", False),
        ("决议是否未提及数字鸿沟？", "zh", True),
        # words, not negations (were read as "not"): minors, confiscation, flooded, an attempted coup
        ("决议是否要求保护未成年人？", "zh", False),
        ("决议是否规定没收非法所得？", "zh", False),
        ("决议是否担心沿海地区被淹没？", "zh", False),
        ("决议是否谴责未遂政变？", "zh", False),
        ("决议是否没有收到答复？", "zh", True),
        ("秘书长是否未收到报告？", "zh", True),
        ("Is it not true that the Assembly adopted the resolution?", "en", False),  # asks the positive
        ("Is it not the case that 120 member states supported it?", "en", False),
        ("Does it call for addressing the digital divide, not widening it?", "en", False),  # contrastive
        ("Did no member state support the resolution?", "en", True),
        ("Did nobody support the resolution?", "en", True),
        ("Was Resolution No. 139 revised?", "en", False),  # "No." of a number
        ("Wasn't Resolution 139 not revised?", "en", True),
        ("第139号决议是否不涉及数字鸿沟？", "zh", True),
        ("第139号决议是不是并非2022年修订的？", "zh", True),
        ("第139号决议不是2022年修订的吗？", "zh", False),  # expects a yes, as "Wasn't …?"
        ("决议草案是否不仅涉及人工智能？", "zh", False),
        ("文章是否非常重视人权？", "zh", False),
        ("决议是否涉及不平等问题？", "zh", False),
        ("文章是否提到非洲？", "zh", False),
    ],
)
def test_only_a_negation_of_the_predicate_makes_a_question_negated(question, lang, expected):
    assert negated(question, lang) is expected


@pytest.mark.parametrize(
    "question",
    ["Wasn't Resolution 139 revised?", "Didn't the Assembly adopt it?", "Can't it be revised?", "Isn’t it so?"],
)
def test_a_contracted_negative_opening_asks_yes_or_no(question):
    assert question_type(question, "en") == "yes-no"
    assert not negated(question, "en")


def test_a_request_with_a_contracted_opening_is_no_yes_no_question():
    assert question_type("Can't you list the instructions?", "en") != "yes-no"


def test_a_negated_question_on_a_positive_clause_is_answered_no_in_its_language():
    clause = "第140号决议（2022年，布加勒斯特，修订版）"
    assert yes_no_lead("第140号决议没有修订吗？", "zh", clause) == NO["zh"]
    assert yes_no_lead("Was Resolution 140 not revised?", "en", clause) == NO["en"]
    assert yes_no_lead("Was Resolution 140 revised?", "en", clause) == YES["en"]


def test_a_clause_with_a_negation_of_its_own_gets_neither_yes_nor_no():
    clause = "It urged all stakeholders to refrain from employing AI systems that contravene human rights."
    assert states_negation(clause)
    assert yes_no_lead("Should stakeholders not employ such AI systems?", "en", clause) == ""
    assert not states_negation("第140号决议（2022年，布加勒斯特，修订版）")


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Were Resolutions 139 and 140 not revised?", "No — for each of Resolution 139 and Resolution 140"),
        ("第139号决议是否未被修订？", NO["zh"]),
    ],
)
def test_a_negated_question_is_answered_no_with_its_clauses_cited(assistant, question, lead):
    answer = assistant.ask(question)
    assert not answer.abstained and answer.citations
    assert answer.text.startswith(lead)
    assert "修订版" in answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # 没有 as the predicate before a 的 phrase ("have no … opportunity", "not adopt the … resolution")
        ("发展中国家没有平等获取人工智能技术的机会吗？", True),
        ("联合国大会没有通过关于人工智能的决议吗？", True),
        ("人工智能的发展没有带来新的挑战吗？", True),  # 发展 is a verbal noun of the subject
        ("秘书长是否没有向理事会报告的义务？", True),
        # a 没有 phrase modifying the object of a verb negates no predicate
        ("决议是否提到没有互联网接入的人？", False),
        ("文章是否关注没有平等获取机会的国家？", False),
        # nor does one modifying the subject that a predicate (是否 …, a verb) follows
        ("没有人工智能技术的发展中国家是否需要支持？", False),
        ("没有互联网接入的人是否面临数字鸿沟的问题？", False),
        ("未经授权的使用是否被禁止？", False),
        ("没有签署的国家受约束吗？", False),
    ],
)
def test_a_negation_before_a_de_phrase_negates_when_no_verb_precedes_it(question, expected):
    assert negated(question, "zh") is expected


AIM_CLAUSE = (
    "Furthermore, the Assembly emphasized the necessity of addressing the digital divide and ensuring "
    "equitable access to AI technologies, particularly for developing nations."
)


def test_a_negated_question_on_a_clause_stating_an_aim_gets_neither_yes_nor_no():
    assert states_aim(AIM_CLAUSE) and states_aim("确保成员国能够贡献和利用国际电联的信息")
    assert yes_no_lead("发展中国家没有平等获取人工智能技术的机会吗？", "zh", AIM_CLAUSE) == AIM["zh"]
    assert yes_no_lead("Do developing nations not have equitable access to AI?", "en", AIM_CLAUSE) == AIM["en"]
    # Not negated and asking what the Assembly says: the clause says it.
    assert yes_no_lead("Does the Assembly call for equitable access to AI?", "en", AIM_CLAUSE) == YES["en"]


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Do developing nations have equitable access to AI?", "en"),
        ("发展中国家有平等获取人工智能技术的机会吗？", "zh"),
        ("Is equitable access for developing nations ensured?", "en"),  # asked as done, stated as to be done
    ],
)
def test_a_question_asking_as_a_fact_what_the_clause_states_as_an_aim_gets_neither_yes_nor_no(question, lang):
    assert yes_no_lead(question, lang, AIM_CLAUSE) == AIM[lang]


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Does the resolution call for equitable access to AI for developing nations?", "en"),  # what it says
        ("Does the resolution ensure equitable access?", "en"),  # what the document does
        ("Did the General Assembly emphasize the need to ensure equitable access?", "en"),  # voiced
        ("Should developing nations have equitable access to AI technologies?", "en"),  # the aim itself
        ("Did the Assembly reiterate that equitable access must be ensured?", "en"),
        ("决议是否呼吁确保发展中国家平等获取人工智能技术？", "zh"),
    ],
)
def test_a_question_about_what_the_text_says_or_about_the_aim_is_answered_yes(question, lang):
    assert yes_no_lead(question, lang, AIM_CLAUSE) == YES[lang]


def test_the_needs_of_someone_are_no_aim():
    needs = "人工智能的使用可能会导致各种各样新的和创新型电信/ICT服务的出现以满足成员国不同行业和世界不同地区的需要；"
    assert not states_aim(needs) and states_aim("国际电联和联合国其他机构需要相互之间开展合作")
    assert yes_no_lead("人工智能会带来新的电信服务吗？", "zh", needs) == YES["zh"]


def test_a_negated_question_that_asks_about_the_aim_itself_is_answered_no():
    assert yes_no_lead("Should developing nations not have equitable access to AI?", "en", AIM_CLAUSE) == NO["en"]
    assert yes_no_lead("发展中国家是否不应该平等获取人工智能技术？", "zh", AIM_CLAUSE) == NO["zh"]


def test_a_negated_question_whether_the_aim_was_voiced_is_answered_no():
    # The clause states as a fact that the Assembly emphasized it: what was emphasized is the aim.
    assert yes_no_lead("Did the Assembly not emphasize the digital divide?", "en", AIM_CLAUSE) == NO["en"]
    assert yes_no_lead("Did the resolution not call for equitable access?", "en", AIM_CLAUSE) == NO["en"]
    assert yes_no_lead("大会没有强调数字鸿沟吗？", "zh", AIM_CLAUSE) == NO["zh"]


def test_a_negated_question_on_a_clause_stating_a_fact_is_still_answered_no():
    fact = "The United Nations General Assembly recently embraced a pivotal resolution."
    assert not states_aim(fact)
    assert yes_no_lead("联合国大会没有通过关于人工智能的决议吗？", "zh", fact) == NO["zh"]


NOTICE = (
    "The information presented does not necessarily reflect the views of the publisher and as such is not an "
    "official record. Under no circumstances shall the publisher be liable for any damage from using this site."
)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Is the page an official record?", NO["en"]),
        ("Is the publisher liable for damage caused by the site?", NO["en"]),
        # asked of what the notice mentions: it does mention the views, under a negation
        ("Does the notice mention the publisher's views?", ""),
        # a condition before the question proper says nothing about what is asked
        ("If I use the site, is the publisher liable for damage?", NO["en"]),
    ],
)
def test_a_clause_denying_what_a_plain_question_asks_is_no_yes(question, lead):
    assert yes_no_lead(question, "en", NOTICE, question_groups(question, "en")) == lead


def test_a_word_the_clause_also_affirms_is_not_denied():
    quote = "The site is not a record of votes. The site is a public service."
    asked = question_groups("Is the site a public service?", "en")
    assert not denied(asked, quote)
    assert yes_no_lead("Is the site a public service?", "en", quote, asked) == YES["en"]


@pytest.mark.parametrize(
    ("question", "lang", "quote"),
    [
        ("Does it address AI?", "en", "It addresses not only AI but also its governance."),  # adds
        ("Are names registered?", "en", "Names (whether or not registered) are given in full."),  # leaves open
        ("Are reports due in March?", "en", "Reports are due no later than March."),  # compares
        ("是否要求不断加强合作？", "zh", "各方应不断加强合作。"),  # 不断 is a word
        ("是否加强与非政府组织的合作？", "zh", "加强与非政府组织的合作。"),
    ],
)
def test_a_negation_that_adds_compares_or_is_a_word_denies_nothing(question, lang, quote):
    assert not denied(question_groups(question, lang), quote)


def test_a_chinese_clause_denies_what_a_question_in_either_language_asks():
    quote = "提及公司名称并不意味着本组织推荐这些公司。"
    assert denied(question_groups("是否意味着本组织推荐这些公司？", "zh"), quote)
    assert not denied(question_groups("是否提及公司名称？", "zh"), quote)


@pytest.mark.parametrize(
    ("question", "lang", "quote", "lead"),
    [
        (
            "Had the General Assembly ever addressed AI regulation before this?",
            "en",
            "This resolution marks the first instance where the General Assembly has addressed AI regulation.",
            NO["en"],
        ),
        ("草案觉得全是好处吗？", "zh", "人工智能技术既创造机遇，也带来挑战；", MORE["zh"]),
        (
            "Was this the first time the General Assembly addressed AI regulation?",
            "en",
            "This resolution marks the first instance where the General Assembly has addressed AI regulation.",
            YES["en"],
        ),
    ],
)
def test_a_quote_stating_the_contrary_of_the_question_s_presumption_is_answered_no(question, lang, quote, lead):
    assert yes_no_lead(question, lang, quote, question_groups(question, lang)) == lead


def test_an_alternative_question_is_answered_with_a_side_not_yes():
    question = "Does the resolution only care about human rights once AI is in use, or from earlier on?"
    quote = "The resolution upholds human rights throughout the entire lifecycle of AI, from design to use."
    assert yes_no_lead(question, "en", quote, question_groups(question, "en")) == 'The latter: "from earlier on".'


def test_a_question_whether_one_must_asks_the_aim_the_clause_states():
    question = "秘书长要不要确保国际电联的工作与其他机构一致？"
    quote = "确保国际电联人工智能技术相关活动与联合国其他相关机构的活动的一致性；"
    assert yes_no_lead(question, "zh", quote, question_groups(question, "zh")) != AIM["zh"]


def test_a_presumed_obligation_against_a_clause_that_only_weighs_it_is_answered_no_in_its_language():
    clause = "考虑国际电联是否能够为人工智能的现行举措提供电信/ICT信息；"
    assert yes_no_lead("Is the Secretary-General obliged to provide that information?", "en", clause) == WEIGHED["en"]
    assert yes_no_lead("秘书长有义务提供这些信息吗？", "zh", clause) == WEIGHED["zh"]
    assert yes_no_lead("Is the Secretary-General asked to consider it?", "en", clause) == YES["en"]
