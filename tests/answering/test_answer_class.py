"""The class of entity a question asks for, and whether a clause has a span of it."""

from __future__ import annotations

import pytest

from assistant.answering.answer_class import (
    CLASS_NAMES,
    PLACE,
    asked_class,
    asked_phrase,
    asks_place,
    class_spans,
    predicate_class,
)
from assistant.glossary import find_terms


@pytest.mark.parametrize(
    ("question", "lang", "name", "plural"),
    [
        ("Which country led the coalition?", "en", "country", False),
        ("Which member state proposed the draft?", "en", "country", False),
        ("Which countries opposed it?", "en", "country", True),
        ("In which city is the centre based?", "en", "city", False),
        ("Which private company is named?", "en", "company", False),
        ("Which UN agency for children is named?", "en", "organisation", False),
        ("What share of developing nations lacks access?", "en", "percentage", False),
        ("What percentage of member states voted?", "en", "percentage", False),
        ("By which year must the gap be closed?", "en", "deadline", False),
        ("哪个国家提出了提案？", "zh", "country", False),
        ("哪些国家支持？", "zh", "country", True),
        ("下一届大会将在哪座城市举行？", "zh", "city", False),
        ("文章提到哪家科技公司？", "zh", "company", False),
        ("秘书长应当与哪个负责知识产权的联合国组织合作？", "zh", "organisation", False),
        ("得到了百分之几的会员国支持？", "zh", "percentage", False),
        ("决议要求在哪一年之前弥合数字鸿沟？", "zh", "deadline", False),
        ("什么组织负责知识产权？", "zh", "organisation", False),
        ("何种国际机构参与了合作？", "zh", "organisation", False),
        ("什么样的国家需要帮助？", "zh", "country", False),
        # a preposition inside a relative clause (与…合作的) does not end the asked noun's phrase
        ("哪些与国际电联合作的组织被决议提及？", "zh", "organisation", True),
        ("哪个向成员国提供建议的机构负责人工智能？", "zh", "organisation", False),
        # a rate or 比率 asks for a value, as a percentage does
        ("What digital literacy rate does the article give?", "en", "percentage", False),
        ("文章给出的数字素养比率是多少？", "zh", "percentage", False),
        ("发展中国家的互联网普及率是多少？", "zh", "percentage", False),
        # a year set as a target asks for a target year: a deadline or the year an agenda is named by
        ("Which year did the Assembly set as the target for closing the gap?", "en", "target", False),
        ("What is the target year for closing the gap?", "en", "target", False),
        ("大会把哪一年定为弥合数字鸿沟的目标年份？", "zh", "target", False),
        # a court is an institution only a court's name answers
        ("Which human rights court will judge AI systems?", "en", "court", False),
        ("Which tribunals will rule on it?", "en", "court", True),
        ("哪个法院将审理违反人权的人工智能系统？", "zh", "court", False),
        # right after the question word, a noun before 的 is the one asked for: which country's delegation
        ("报道说，哪个国家的代表团主导了这项提案的起草？", "zh", "country", False),
        ("决议强调要确保哪些国家的人工智能技术公平获取？", "zh", "country", True),
        ("什么国家的代表提出了草案？", "zh", "country", False),
        # so is a compound of nouns before 的 (国际组织): the organisations are asked for, not their cooperation
        ("秘书长应促进与哪些国际组织的富有成果的合作？", "zh", "organisation", True),
        # asking an X by its name (什么名称的 / 什么名字的) asks which X, as 哪个 does, however long its modifiers
        ("大会将成立一个什么名称的人工智能伦理咨询机构？", "zh", "organisation", False),
        ("文章提到了什么名字的科技公司？", "zh", "company", False),
        # a noun named before a closing 哪 word is the one asked for; an agent noun's suffix gives its class
        ("决议草案提到的国际组织有哪些？", "zh", "organisation", True),
        ("举办人工智能高峰会议的城市是哪个？", "zh", "city", False),
        ("这项决议的共同提案国具体有哪些？", "zh", "country", True),
        ("决议的共同提案国有哪些？", "zh", "country", True),
        ("这项决议有哪些共同提案国？", "zh", "country", True),
        ("这份提案的签署国有哪些？", "zh", "country", True),
    ],
)
def test_the_class_a_question_asks_for(question, lang, name, plural):
    cls = asked_class(question, lang)
    assert cls is not None and (cls.name, cls.plural) == (name, plural)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Who must make sure ITU's work does not duplicate what other bodies already do?", "en"),
        ("What must the Secretary-General do?", "en"),
        ("联合国大会决议规定了哪些对违规企业的罚款？", "zh"),  # the answer is a fine, not a company
        ("决议规定了哪些违规企业的罚款？", "zh"),  # a verbal noun before the class noun: still a fine
        ("谁必须向理事会报告？", "zh"),
        # 如何 (how), 为什么 / 为何 (why), 任何 (any) hold 何 / 什么 but ask for no class.
        ("如何促进成员国之间的合作？", "zh"),
        ("秘书长应如何与成员国分享信息？", "zh"),
        ("为什么成员国应该分享信息？", "zh"),
        ("国际电联为何帮助发展中国家？", "zh"),
        ("任何成员国都可以参加吗？", "zh"),
        ("成员国什么时候提交报告？", "zh"),
        # a preposition ends the asked noun: 成员国 is who the information is shared with
        ("发展局主任应利用什么机制与成员国分享信息？", "zh"),
        ("秘书长应通过哪个渠道向成员国通报？", "zh"),
        # a preposition ends the phrase after "which": the stakeholders are asked for, not member states
        ("Which stakeholders besides member states will cooperate?", "en"),
        ("Which groups other than nations are named?", "en"),
        # a frequency is no share
        ("报告的频率是多少？", "zh"),
        # a topic-first question whose noun names no class; a party (方) has none
        ("秘书长的任务有哪些？", "zh"),
        ("这项决议有哪些提案方？", "zh"),
    ],
)
def test_a_question_that_asks_for_no_class(question, lang):
    assert asked_class(question, lang) is None


def test_a_singular_country_question_needs_a_country_name_a_plural_one_a_group_will_do():
    singular, plural = asked_class("Which country led it?", "en"), asked_class("Which countries need access?", "en")
    text = "ensuring equitable access to AI technologies, particularly for developing nations"
    assert class_spans(singular, text) == []
    assert class_spans(plural, text) == ["developing nations"]  # with its modifier (echo.py)
    assert class_spans(singular, "proposed by Romania") == ["Romania"]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("文章说，应当特别帮助哪一类国家平等获得人工智能技术？", True),
        ("哪类国家尤其需要帮助？", True),
        ("哪种企业会被罚款？", True),
        ("何种国际机构参与了合作？", True),
        ("什么样的国家需要帮助？", True),
        ("哪一个国家牵头提出了决议？", False),
        ("哪个国家提出了提案？", False),
        ("哪些国家支持？", False),
    ],
)
def test_a_classifier_after_the_question_word_asks_for_a_kind_not_a_name(question, kind):
    cls = asked_class(question, "zh")
    assert cls is not None and cls.kind is kind


def test_a_kind_question_is_answered_by_a_group_a_named_one_is_not():
    text = "ensuring equitable access to AI technologies, particularly for developing nations"
    assert class_spans(asked_class("应当特别帮助哪一类国家？", "zh"), text) == ["developing nations"]
    assert class_spans(asked_class("哪一个国家牵头？", "zh"), text) == []


def test_organisations_are_glossary_names_beyond_the_questions_own_and_not_groups_of_members():
    cls = asked_class("Which organisation must the Secretary-General work with?", "en")
    text = "与联合国教育、科学和文化组织（UNESCO）合作"
    assert "United Nations Educational, Scientific and Cultural Organization" in class_spans(
        cls, text, find_terms(text, "zh")
    )
    members = "与成员国分享信息"
    assert class_spans(cls, members, find_terms(members, "zh")) == []
    unesco = frozenset({"United Nations Educational, Scientific and Cultural Organization"})
    assert class_spans(cls, "教育、科学和文化组织", find_terms("联合国教育、科学和文化组织", "zh"), unesco) == []


@pytest.mark.parametrize(
    ("question", "text", "found"),
    [
        ("What share of nations lack access?", "more than 120 member states", False),
        ("What share of nations lack access?", "about 37% of the world's people", True),
        ("得到了百分之几的会员国支持？", "百分之六十的会员国", True),
        ("得到了百分之几的会员国支持？", "一成不变的规则", False),  # 一成不变 (unchanging) is no share
        ("得到了百分之几的会员国支持？", "一成的会员国", True),
        ("By which year must it be done?", "the 2030 Agenda for Sustainable Development", False),
        ("By which year must it be done?", "to be achieved by 2030", True),
        ("决议要求在哪一年之前完成？", "第139号决议（2022年，布加勒斯特，修订版）", False),
        ("决议要求在哪一年之前完成？", "在2030年之前实现", True),
        ("Which company built it?", "the private sector and civil society", False),
        ("Which company built it?", "built by Example Systems Inc.", True),
        ("哪家公司开发了它？", "由某某科技公司开发", True),
        ("What digital literacy rate is given?", "enhance digital literacy", False),
        ("What digital literacy rate is given?", "a literacy rate of 45 per cent", True),
        ("Which year was set as the target?", "第139号决议（2022年，布加勒斯特，修订版）", False),
        ("Which year was set as the target?", "to close the gap by 2030", True),
        ("Which year was set as the target?", "the 2030 Agenda for Sustainable Development", True),
        ("可持续发展目标的目标年份是哪一年？", "促进2030年可持续发展目标的实现", True),
        ("Which human rights court will judge it?", "the General Assembly reiterated that human rights", False),
        ("Which human rights court will judge it?", "the European Court of Human Rights ruled", True),
        ("哪个法院将审理？", "由国际刑事法院审理", True),
        # only a named court: not "The Court", "In Court", a group's court, 该法院, 各国法院
        ("Which court will judge it?", "The Court will decide.", False),
        ("Which court will judge it?", "The case was heard In Court.", False),
        ("Which court will judge it?", "Member States Court rulings", False),
        ("Which court will judge it?", "the International Court of Justice ruled", True),
        ("哪个法院将审理？", "该法院将审理", False),
        ("哪个法院将审理？", "各国法院将审理", False),
        ("哪个法院将审理？", "由国际法院审理", True),
        ("哪个法院将审理？", "联合国其他机构正在处理这些问题", False),
    ],
)
def test_value_classes_are_recognised_by_their_patterns(question, text, found):
    lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in question) else "en"
    assert bool(class_spans(asked_class(question, lang), text)) is found


def test_every_class_has_a_name_for_the_abstention_in_both_languages():
    assert set(CLASS_NAMES["en"]) == set(CLASS_NAMES["zh"])


@pytest.mark.parametrize(
    ("question", "lang", "place"),
    [
        ("Where will the next Plenipotentiary Conference take place?", "en", True),
        ("下一届全权代表大会将在哪里举行？", "zh", True),
        ("国际电联总部在何地？", "zh", True),
        # 在哪些 / 在哪方面 ask in which respect or among whom, not where
        ("成员国在哪些方面可以发挥重要作用？", "zh", False),
        ("国际电联应该在哪些主体之间促进信息交流？", "zh", False),
        ("What must the Secretary-General do?", "en", False),
    ],
)
def test_a_plain_where_asks_for_a_place(question, lang, place):
    assert asks_place(question, lang) is place


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("国际电信联盟全权代表大会（2022年，布加勒斯特）", True),
        ("New York, 21 March, 2004", True),
        # places the gazetteer does not have: the online / offline spaces, a body reported to, a document
        ("human rights must be safeguarded offline and online", True),
        ("每年向理事会报告对国际电联产生重大战略或财务影响的人工智能问题的任何活动", True),
        ("联大有关2030年可持续发展议程的第A/RES70/1号决议", True),
        # an operative clause with no place in it does not say where
        ("确保成员国能够贡献和利用国际电联、联合国其他机构的信息和建议", False),
        ("2017年成立的联合国区域间犯罪和司法研究所人工智能和机器人中心", False),
    ],
)
def test_a_place_is_a_gazetteer_name_or_a_place_phrase(text, found):
    assert bool(class_spans(PLACE, text)) is found


@pytest.mark.parametrize(
    "question",
    [
        "What kind of countries need help to bridge the digital divide?",
        "Which type of country should get equitable access to AI?",
        "What sort of nations does the Assembly single out?",
    ],
)
def test_an_english_kind_of_question_asks_for_a_kind_as_its_chinese_twin_does(question):
    cls = asked_class(question, "en")
    assert cls is not None and cls.name == "country" and cls.kind
    text = "ensuring equitable access to AI technologies, particularly for developing nations"
    assert class_spans(cls, text) == ["developing nations"]  # with its modifier (echo.py)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # a verb before the group is no addition to it: only words that qualify the group are kept
        ("Equitable access helps developing nations.", "developing nations"),
        ("The resolution urges member states to act.", "member states"),
        ("It will support developing countries.", "developing countries"),
        ("with support from more than 120 member states", "member states"),  # a count names no member
        ("the governments of UNIDO Member States", "UNIDO Member States"),
        ("among least developed countries", "least developed countries"),
    ],
)
def test_a_group_span_keeps_only_the_words_that_qualify_the_group(text, span):
    assert class_spans(asked_class("Which developing nations will receive AI first?", "en"), text) == [span]


@pytest.mark.parametrize(
    ("question", "lang", "name"),
    [
        # a rate is a share only where the question asks for a proportion ...
        ("What rate of member states voted in favour?", "en", "percentage"),
        ("What participation rate did the article give?", "en", "percentage"),
        ("Which literacy rates are reported?", "en", "percentage"),
        ("What share of developing nations lacks access?", "en", "percentage"),
        ("发展中国家的互联网普及率是多少？", "zh", "percentage"),
        ("数字素养的比率是多少？", "zh", "percentage"),
        ("成员国参与的比例是多少？", "zh", "percentage"),
        # ... otherwise it is a value with its unit (an exchange, growth or interest rate, a speed)
        ("What exchange rate does the article give?", "en", "rate"),
        ("What growth rate did the Assembly expect?", "en", "rate"),
        ("At what rate did emissions grow?", "en", "rate"),
        ("What growth rate of AI adoption did the Assembly expect?", "en", "rate"),
        ("Which interest rate applies to the fund?", "en", "rate"),
        ("汇率是多少？", "zh", "rate"),
        ("人工智能市场的增长率是多少？", "zh", "rate"),
        ("贷款的利率是多少？", "zh", "rate"),
    ],
)
def test_a_rate_is_a_share_only_where_the_question_asks_for_a_proportion(question, lang, name):
    cls = asked_class(question, lang)
    assert cls is not None and cls.name == name


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Emissions grew by 3.5% a year.", True),
        ("The economy grew 2 per cent annually.", True),
        ("one dollar buys 7.1 yuan per dollar", True),
        ("年均增长百分之五", True),
        ("Emissions grew steadily over the decade.", False),
        ("more than 120 member states supported it", False),  # a count is no rate
    ],
)
def test_a_rate_is_a_number_with_its_unit(text, found):
    assert bool(class_spans(asked_class("At what rate did emissions grow?", "en"), text)) is found


def test_an_organisation_named_like_a_group_of_countries_is_no_group():
    plural = asked_class("Which nations led the coalition?", "en")
    text = "The United Nations General Assembly adopted it, with support from 120 member states."
    assert class_spans(plural, text) == ["member states"]


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("Which AI systems did the Assembly name?", "AI systems"),
        ("Which stakeholders besides member states will cooperate?", "stakeholders"),
        ("Which rights must be safeguarded?", "rights"),
        ("Which ITU sector plays an important role?", ""),  # a verb may end the phrase: not read
        ("Who said which things?", ""),  # "which" is not the question word
        ("哪些人工智能系统违反人权？", "人工智能系统"),  # the nouns after 哪些, up to its verb
        ("人工智能可以帮助各国应对哪些紧迫的全球挑战？", "紧迫的全球挑战"),  # a description with 的 before them
    ],
)
def test_the_phrase_a_which_question_asks_instances_of(question, phrase):
    assert asked_phrase(question, "zh" if "哪" in question else "en") == phrase


@pytest.mark.parametrize("adjective", ["fragile", "poorer", "sovereign", "francophone", "smaller"])
def test_an_adjective_of_any_ending_qualifies_a_country_group(adjective):
    plural = asked_class("Which countries will benefit?", "en")
    assert class_spans(plural, f"aid reaches {adjective} states first") == [f"{adjective} states"]


@pytest.mark.parametrize("verb", ["helps", "supports", "reaches", "benefits"])
def test_a_verb_before_a_country_group_does_not_qualify_it(verb):
    plural = asked_class("Which countries will benefit?", "en")
    assert class_spans(plural, f"Equitable access {verb} developing nations.") == ["developing nations"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Broadband networks connect developing nations.", "developing nations"),
        ("AI could transform developing nations.", "developing nations"),
        ("Aid goes to host countries first.", "host countries"),  # a noun that is a verb too, listed
        ("Aid goes to francophone states first.", "francophone states"),  # a word WordNet lacks
    ],
)
def test_a_plain_verb_before_a_country_group_does_not_qualify_it_whether_listed_or_not(text, span):
    assert class_spans(asked_class("Which countries will benefit?", "en"), text) == [span]


@pytest.mark.parametrize("noun", ["target", "border", "focus", "export"])
def test_a_noun_that_is_a_verb_too_qualifies_a_group_right_after_it(noun):
    # WordNet knows "target" as a noun and a verb: right before the group it is the noun ("target countries"),
    # away from it the verb ("networks target developing nations").
    plural = asked_class("Which countries will benefit?", "en")
    assert class_spans(plural, f"Aid goes to {noun} countries first.") == [f"{noun} countries"]
    assert class_spans(plural, f"Networks {noun} developing nations.") == ["developing nations"]


@pytest.mark.parametrize("question", ["Which states supported the AI resolution?", "Which States supported it?"])
def test_plural_states_asks_for_countries(question):
    cls = asked_class(question, "en")
    assert cls is not None and cls.name == "country" and cls.plural


def test_a_state_of_affairs_is_no_country():
    assert asked_class("What is the state of AI governance?", "en") is None


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("What is the exchange rate mentioned?", "rate"),
        ("What is the growth rate of AI adoption?", "rate"),
        ("What is the adoption rate of AI?", "percentage"),
        ("What rate of growth does the article give?", "rate"),
        ("What rate of change is expected?", "rate"),
        ("人工智能的采用率是多少？", "percentage"),
        ("模型的准确率是多少？", "percentage"),
        ("错误率是多少？", "percentage"),
        ("成功率有多高？", "percentage"),
        ("发生的概率是多少？", "percentage"),
    ],
)
def test_a_rate_is_a_share_only_of_a_proportion_kind_in_either_language(question, name):
    lang = "zh" if not question.isascii() else "en"
    cls = asked_class(question, lang)
    assert cls is not None and cls.name == name


def test_what_is_the_x_does_not_ask_for_a_class_other_than_a_rate():
    assert asked_class("What is the city council's role?", "en") is None


@pytest.mark.parametrize(
    ("question", "name"),
    [
        # "United States" / "United Nations" is a name that modifies the asked noun, not a group of countries
        ("Which United States agency works on AI?", "organisation"),
        ("Which United Nations agency works on education?", "organisation"),
        ("Which United States company makes chips?", "company"),
        ("Which United Nations member states voted for it?", "country"),
        ("Which states of the United States joined?", "country"),
    ],
)
def test_a_country_name_before_the_asked_noun_does_not_make_a_country_question(question, name):
    cls = asked_class(question, "en")
    assert cls is not None and cls.name == name


def test_a_plain_verb_between_which_and_a_class_noun_has_begun_the_predicate():
    # "Which tools connect developing nations?" asks for tools: "connect" is the verb, "nations" its object.
    assert asked_class("Which tools connect developing nations?", "en") is None
    # A noun that is a verb too, or a participle, still modifies the noun ("human rights", "specialized").
    assert asked_class("Which human rights court will judge AI systems?", "en").name == "court"
    assert asked_class("Which specialized agency deals with crime?", "en").name == "organisation"


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("决议草案提到哪些民间团体参与人工智能技术开发？", "民间团体"),
        ("哪些人工智能问题超出了国际电联的职权范围？", "人工智能问题"),
        ("国际电联可以在哪些部门成员之间促进信息交流？", "部门成员"),
        ("草案忆及本届大会的哪一项决议？", "决议"),
        # no noun after the question word, or a kind of thing (which a group answers) is asked for
        ("草案在哪些方面提到人工智能？", ""),
        ("文章称各国可以借助人工智能推动哪一类发展？", ""),
        ("哪种技术最重要？", ""),
        # after a preposition, a verbal noun ending the phrase is its predicate, unless a noun or 中 follows
        ("国际电联需要与哪些私营部门实体合作？", "私营部门实体"),
        ("秘书长应促进与哪些论坛合作？", "论坛"),
        ("国际电联在哪些人工智能活动中发挥作用？", "人工智能活动"),
        ("国际电联支持哪些人工智能活动？", "人工智能活动"),
        # a hyphen or slash joins one name's words (jieba tags them as punctuation)
        ("哪些ITU-T研究组开展了人工智能相关活动？", "ITU-T研究组"),
        ("哪些电信/ICT服务可推进《2030年可持续发展议程》？", "电信/ICT服务"),
        ("哪些电信／ICT服务可推进可持续发展？", "电信／ICT服务"),
        # an adjective before a noun is in the phrase; one after it is the predicate
        ("哪些性别平等问题受到关注？", "性别平等问题"),
        ("哪些问题重要？", "问题"),
        # X 相关的 Y asks for a Y related to X (dev-tw02 asked for 互联网 names and was refused)
        ("秘书长应与哪个互联网相关的论坛合作？", "论坛"),
        ("哪个与互联网相关的论坛是2017年成立的？", "论坛"),
        ("哪些人工智能有关的活动受到关注？", "活动"),
        ("哪些人工智能技术相关活动受到关注？", "人工智能技术"),  # no 的: the phrase stops as before
    ],
)
def test_the_noun_phrase_a_chinese_which_question_asks_for(question, phrase):
    assert asked_phrase(question, "zh") == phrase


@pytest.mark.parametrize(
    ("question", "lang", "head"),
    [
        ("Which programs help developing countries?", "en", "programs"),
        ("Which divide concerns developing nations?", "en", "divide"),
        # right before the class noun, a group verb in any form ("supports", "supported", "urged")
        ("Which initiative supports countries?", "en", "initiative"),
        ("Which funds supported countries?", "en", "funds"),
        ("Which stakeholders urged countries to refrain?", "en", "stakeholders"),
        ("哪些项目帮助发展中国家？", "zh", "项目"),
        ("哪个鸿沟涉及发展中国家？", "zh", "鸿沟"),
        # a verb jieba tags as a noun (影响: vn), and a passive 由 whose agent is the class noun
        ("哪些问题影响发展中国家？", "zh", "问题"),
        ("哪些倡议由成员国提出？", "zh", "倡议"),
    ],
)
def test_a_class_noun_after_the_predicates_verb_is_no_class_asked_for(question, lang, head):
    assert asked_class(question, lang) is None
    found = predicate_class(question, lang)
    assert found is not None and found.head == head and found.cls.name == "country" and found.cls.plural


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Which least developed countries need access?", "en"),  # a participle qualifies the noun
        ("Which country helps developing nations most?", "en"),  # the head noun is the class
        ("秘书长应当与哪个负责知识产权的联合国组织合作？", "zh"),  # a 的 clause qualifies the noun
        ("哪些发展中国家将最先获得人工智能技术？", "zh"),
        ("哪些合作组织参与了高峰会议？", "zh"),  # a verbal noun that builds a compound is no verb
        ("该决议由哪些国家提出？", "zh"),  # the passive's agent is asked for
    ],
)
def test_a_class_noun_the_question_word_asks_for_is_no_predicates_object(question, lang):
    assert asked_class(question, lang) is not None
    assert predicate_class(question, lang) is None
