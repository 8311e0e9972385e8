from __future__ import annotations

import pytest

from assistant.answering.contrary import (
    contradicts,
    scanned_contraries,
    side_lead,
    sides,
    stated_contraries,
    stating_sentence,
)
from assistant.answering.evidence import question_groups

FIRST = "This resolution marks the first instance where the General Assembly has directly addressed AI regulation."
BOTH = "将人工智能技术用于提供和管理电信/ICT网络和服务既创造机遇，也带来挑战；"


@pytest.mark.parametrize(
    ("question", "lang", "text"),
    [
        ("Had the General Assembly ever tackled AI regulation before this?", "en", FIRST),
        ("Had the Assembly previously addressed the regulation of AI?", "en", FIRST),
        ("联大以前直接处理过人工智能监管吗？", "zh", FIRST),  # an English clause answers a Chinese question
        ("草案觉得全是好处吗？", "zh", BOTH),
        ("Does the draft see only opportunities in AI?", "en", BOTH),
        ("Can ITU deal with these questions on its own?", "en", "Other UN bodies are dealing with them."),
    ],
)
def test_a_clause_stating_the_contrary_of_what_the_question_presumes_contradicts_it(question, lang, text):
    assert contradicts(question, lang, text)


@pytest.mark.parametrize(
    ("question", "lang", "text"),
    [
        ("Was this the first time the Assembly addressed AI regulation?", "en", FIRST),  # asks the contrary
        ("Has the General Assembly ever adopted a resolution on AI?", "en", FIRST),  # this one is such a resolution
        ("Is it not only about AI but also about ICT?", "en", BOTH),  # "not only" adds
        ("草案是否认为人工智能带来挑战？", "zh", BOTH),  # presumes nothing
        ("Had the Assembly ever tackled AI regulation before this?", "en", "The Assembly adopted it by consensus."),
    ],
)
def test_a_question_that_presumes_nothing_or_a_clause_that_states_no_contrary_does_not(question, lang, text):
    assert not contradicts(question, lang, text)


def test_an_alternative_question_has_two_sides_and_a_question_on_two_documents_none():
    assert sides("Does it only care once AI is in use, or from earlier on?", "en") == (
        "only care once AI is in use",  # its opening and pronoun subject left off
        "from earlier on",
    )
    assert sides("决议是否只关注使用阶段还是从设计开始？", "zh") == ("只关注使用阶段", "从设计开始")
    assert sides("Is Resolution 139 or Resolution 140 about the digital divide?", "en") is None
    assert sides("Was it revised, or not?", "en") is None
    assert sides("第139号决议还是有效吗？", "zh") is None  # 还是…吗: "still"


def test_an_alternative_question_is_led_by_the_side_its_quote_supports():
    question = "Does the resolution only care about human rights once AI is in use, or from earlier on?"
    lifecycle = "The resolution upholds human rights throughout the entire lifecycle of AI, from design to use."
    assert side_lead(question, "en", lifecycle) == 'The latter: "from earlier on".'
    place = "Was the resolution adopted in New York, or in Geneva?"
    assert side_lead(place, "en", "It was adopted in Geneva.") == 'The latter: "in Geneva".'
    assert side_lead(place, "en", "The Council met twice.") == ""  # states neither side


def test_the_quoted_sentence_is_the_one_stating_the_contrary_on_the_question_s_words():
    question = "Does the resolution only care about human rights once AI is in use?"
    text = (
        "The resolution advances AI while also driving development. "
        "The resolution upholds human rights throughout the entire lifecycle of AI, from design to use."
    )
    groups = question_groups(question, "en")
    a, b = stating_sentence(question, "en", text, groups, lambda _: 1.0) or (0, 0)
    assert text[a:b].startswith("The resolution upholds human rights")
    # a sentence that states fewer of the question's words than the quote does not answer
    assert stating_sentence(question, "en", text, groups, lambda _: 1.0, least=len(groups) + 1) is None


BEYOND = "其中许多问题超出了国际电联的职权，联合国其他机构和其他国际机构正在处理这些问题；"


@pytest.mark.parametrize(
    ("question", "lang", "text", "expected"),
    [
        ("Are all the ethical questions of AI the Union's business?", "en", BEYOND, True),
        ("Is every AI issue within ITU's remit?", "en", "Many of these issues are beyond the ITU's mandate.", True),
        ("人工智能的所有伦理问题都属于国际电联的职权吗？", "zh", BEYOND, True),
        # the clause on what initiatives address shares the topic, not the contrary
        ("Are all the ethical questions of AI the Union's business?", "en", "各组织为解决伦理问题而实施的举措", False),
        # no whole field presumed: nothing to contradict
        ("Are ethical questions of AI the Union's business?", "en", BEYOND, False),
    ],
)
def test_a_question_presuming_a_whole_field_someones_remit_is_contradicted_by_a_clause_putting_it_beyond(
    question, lang, text, expected
):
    assert contradicts(question, lang, text) is expected


def test_an_alternative_question_may_set_a_scene_first_and_leave_its_second_side_open():
    question = "When the Director passes AI data on, should he create new channels for that or use something else?"
    assert sides(question, "en") == ("create new channels for that", "use something else")
    assert sides("Should the Director create new channels or existing ones?", "en") is None  # no comma, none open
    existing = "利用现行机制与成员国分享有关人工智能技术的潜力的信息"
    assert side_lead(question, "en", existing) == 'Not "create new channels for that", but something else.'
    channels = "The Director shall create new channels to share information."
    assert side_lead(question, "en", channels) == 'The former: "create new channels for that".'
    assert side_lead("主任应新建渠道还是用别的办法？", "zh", existing) == "不是“主任应新建渠道”，而是另一种做法。"


WEIGH = "考虑国际电联是否能够为人工智能的发展和部署的现行举措提供与人工智能技术相关的电信/ICT信息；"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Is the Secretary-General obliged to give AI initiatives ITU's telecom information?", "en"),
        ("Must ITU hand its telecom information to AI initiatives?", "en"),
        ("秘书长有义务向人工智能举措提供电信信息吗？", "zh"),
    ],
)
def test_a_clause_asking_only_to_consider_whether_contradicts_a_presumed_obligation(question, lang):
    assert contradicts(question, lang, WEIGH)
    assert not contradicts(question, lang, "每年向理事会报告人工智能问题的任何活动，")


def test_a_question_that_itself_asks_about_considering_presumes_no_obligation():
    assert not contradicts("Must the Secretary-General consider whether ITU can provide information?", "en", WEIGH)


@pytest.mark.parametrize(
    ("question", "lang", "lead"),
    [
        # one side presumes the obligation the clause does not state
        (
            "Is the Secretary-General obliged to supply the information, or only to weigh up if that is doable?",
            "en",
            'The latter: "only to weigh up if that is doable".',
        ),
        # no side presumes it, one offers the clause's own contrary
        (
            "Does the draft have ITU supply the information, or just look into whether it could?",
            "en",
            'The latter: "just look into whether it could".',
        ),
        ("秘书长是要提供这些信息，还是只考虑能不能提供？", "zh", "是后者：“只考虑能不能提供”。"),
    ],
)
def test_an_alternative_is_decided_by_the_rare_contrary_its_clause_states(question, lang, lead):
    assert side_lead(question, lang, WEIGH) == lead
    # a clause saying "at the same time" and "other" weighs nothing: the alternative's "only" is its contrast
    assert WEIGH not in (other := "确保活动符合国际电联的职权，同时，利用与其他组织的现有合作机制；")
    assert stated_contraries(question, lang, other) == ()
    assert stated_contraries(question, lang, WEIGH)


def test_the_rare_contraries_a_question_words_itself_are_scanned_for_and_also_is_never():
    assert scanned_contraries("Does the draft say some AI questions lie outside ITU's mandate?", "en")
    assert scanned_contraries("Was this the first time the Assembly addressed AI?", "en")
    assert not scanned_contraries("Does the draft see only opportunities in AI?", "en")  # "also" is everywhere
    assert not scanned_contraries("Did the Assembly adopt the resolution?", "en")


def test_a_whole_field_presumed_manageable_in_chinese_is_contradicted_by_a_clause_putting_it_beyond_the_mandate():
    assert contradicts("人工智能的伦理问题，国际电联是不是都管得了？", "zh", BEYOND)
    assert contradicts("Can ITU handle all the ethical issues AI raises?", "en", BEYOND)


NOTICE = (
    "Access to the information contained in this website is provided as a public service by UNIDO. "
    "The information presented does not necessarily reflect the views of UNIDO and is not an official record."
)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Does the website's content represent UNIDO's own position?", "en"),
        ("网站上的内容能代表工发组织自己的立场吗？", "zh"),
    ],
)
def test_a_notice_disclaiming_its_views_contradicts_a_question_presuming_them(question, lang):
    assert contradicts(question, lang, NOTICE)
    assert not contradicts(question, lang, "The information is provided as a public service by UNIDO.")


def test_a_sentence_stating_a_rare_contrary_is_quoted_though_it_says_fewer_of_the_question_s_words():
    question = "Does the information on this website represent UNIDO's own views?"
    groups = question_groups(question, "en")
    a, b = stating_sentence(question, "en", NOTICE, groups, lambda _: 1.0, least=len(groups)) or (0, 0)
    assert NOTICE[a:b].startswith("The information presented does not necessarily reflect")
