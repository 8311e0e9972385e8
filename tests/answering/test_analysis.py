"""Question analysis: answer types, metadata fields, list and follow-up cues, section matching, history."""

from __future__ import annotations

import pytest

from assistant.answering.analysis import (
    SectionName,
    analyse_question,
    answer_noun,
    match_section,
    partitive_whole,
    resolve_follow_up,
    with_section,
)
from assistant.schema import Answer, Citation, Turn


@pytest.mark.parametrize(
    ("question", "lang", "qtype"),
    [
        ("Who must report to Council?", "en", "who"),
        ("谁必须向理事会报告？", "zh", "who"),
        ("To whom does the Secretary-General report every year?", "en", "who"),
        ("With whom should the Director share information?", "en", "who"),
        ("May the Secretary-General report to the Council every year?", "en", "yes-no"),
        ("May 21 was the date of which event?", "en", "which"),
        ("When did the General Assembly adopt the AI resolution?", "en", "when"),
        # a "when" clause that sets the scene before the question word of the main clause
        ("When the Secretary-General reports, which paragraph of the draft is pointed to?", "en", "which"),
        ("When the Council meets, who must report to it?", "en", "who"),
        ("When, according to the article, was the resolution adopted?", "en", "when"),
        ("联合国大会是什么时候通过这项决议的？", "zh", "when"),
        ("UNICRI中心是哪一年成立的？", "zh", "when"),
        ("How often must the Secretary-General report?", "en", "when"),
        ("How many member states backed it?", "en", "how-many"),
        ("有多少个会员国支持这项决议？", "zh", "how-many"),
        ("What is ITU's budget for AI in 2025?", "en", "how-much"),
        ("这份决议草案为人工智能工作拨了多少预算？", "zh", "how-much"),
        ("Where was the story filed?", "en", "where"),
        ("What must the Director of the Telecommunication Development Bureau do?", "en", "what-must"),
        ("What else must he do?", "en", "what-must"),
        ("责成秘书长做哪些事？", "zh", "what-must"),
        ("Does the draft mention the OECD?", "en", "yes-no"),
        ("Would the draft bind Member States?", "en", "yes-no"),  # the same openings as identifiers.asks_together
        ("文章是否提到人权？", "zh", "yes-no"),
        ("什么是数字鸿沟？", "zh", "definition"),
        ("Which organisations are named?", "en", "which"),
        ("哪些论坛被提到？", "zh", "which"),
        ("Tell me about the resolution.", "en", "what"),
        ("Why will the landscape of telecommunications keep changing?", "en", "why"),
        ("What's the point of sharing information with Member States?", "en", "why"),
        ("For what purpose was the UNICRI centre set up?", "en", "why"),
        ("Why did a number of states back it?", "en", "why"),
        ("According to the article, why was the vote a turning point?", "en", "why"),
        ("Can you tell me why ITU works with other bodies?", "en", "why"),
        ("Does the draft explain why ITU works with other bodies?", "en", "yes-no"),
        ("草案是否说明了为什么要避免重复工作？", "zh", "yes-no"),
        ("这次表决被视为什么样的里程碑？", "zh", "which"),  # 视为 + 什么样, not 为什么
        ("为什么国际电联不处理这些伦理问题？", "zh", "why"),
        ("成员国分享信息是为了什么？", "zh", "why"),
        ("设立这个中心的目的是什么？", "zh", "why"),
        # a purpose the question itself states, and the Union's named purposes, are not asked for
        ("为了让所有人都能用上人工智能，要提高哪方面的能力？", "zh", "which"),
        ("How many items list the Union's purposes?", "en", "how-many"),
    ],
)
def test_answer_type_tables_in_both_languages(question, lang, qtype):
    assert analyse_question(question, lang).qtype == qtype


@pytest.mark.parametrize(
    ("question", "qtype"),
    [
        # "the number of" one document asks for its identifier; of things (plural, or a document's parts) counts
        ("What is the number of the General Assembly resolution on the WSIS review?", "what"),
        ("What is the number of the resolution the draft recalls on the digital divide?", "what"),
        ("What is the number of resolutions the draft recalls?", "how-many"),
        ("What is the number of the draft's clauses?", "how-many"),
        ("What is the number of countries that voted for it?", "how-many"),
    ],
)
def test_the_number_of_a_document_is_its_identifier_not_a_count(question, qtype):
    assert analyse_question(question, "en").qtype == qtype


def test_the_what_of_why_asks_for_no_noun():
    # 为什么 holds 什么: the words after it are the question's topic, not the kind of thing it asks for.
    assert analyse_question("为什么人工智能的伦理问题由其他机构处理？", "zh").answer_noun == ""


def test_which_numbered_resolution_in_chinese_is_not_a_count():
    assert analyse_question("草案援引的是本届大会第几号决议？", "zh").qtype != "how-many"
    assert analyse_question("草案忆及了几项决议？", "zh").qtype == "how-many"


def test_when_inside_a_sentence_is_a_conjunction_not_a_when_question():
    a = analyse_question("What kind of process does the draft call for when ITU cooperates on AI?", "en")
    assert a.qtype != "when"


def test_money_words_alone_do_not_make_a_how_much_question():
    q = "At what interval must the head brief the Council about matters with money consequences?"
    assert analyse_question(q, "en").qtype == "when"


@pytest.mark.parametrize("opening", ["Would you", "Could you", "Can you", "Will you", "could you please"])
def test_a_request_addressed_to_the_assistant_is_no_yes_no_question(opening):
    # "Would you tell me what …?" asks for what; "Yes." and one clause would not answer it.
    question = f"{opening} tell me what the Secretary-General is instructed to do?"
    assert analyse_question(question, "en").qtype != "yes-no"
    assert analyse_question("Would the Secretary-General have to report every year?", "en").qtype == "yes-no"


def test_a_requested_list_is_answered_with_every_item(assistant):
    answer = assistant.ask("Would you tell me what the Secretary-General is instructed to do?")
    assert not answer.text.startswith("Yes") and len(answer.citations) == 7


def test_document_hint_and_answer_noun():
    assert analyse_question("What is the title of the UNIDO article?", "en").doc_hint == "article"
    assert analyse_question("What is the title of the draft?", "en").doc_hint == "resolution"
    # "the proposal" names the draft, unless it is the one someone led or backed: the adopted resolution
    assert analyse_question("What symbol does the ITU proposal carry?", "en").doc_hint == "resolution"
    assert analyse_question("Who championed the proposal?", "en").doc_hint == ""
    assert answer_noun("What penalties does the resolution impose?", "en") == "penalties"
    assert answer_noun("决议对滥用人工智能的国家有什么处罚？", "zh") == "处罚"
    # a glossary name is taken whole, not its first words
    assert answer_noun("How many Sustainable Development Goals are there?", "en") == "Sustainable Development Goals"
    assert answer_noun("What kind of role does it play?", "en") == ""  # generic nouns name no answer category
    # 东西 ("thing") asks for whatever the clause names, as "which things" does: no noun to find.
    assert answer_noun("发展局主任要把哪些东西转交给各国？", "zh") == ""
    assert answer_noun("Which stuff must be shared?", "en") == ""
    voted = analyse_question("Which countries voted against the resolution?", "en")
    assert (voted.answer_noun, voted.answer_verb) == ("countries", "voted")
    # UN modifies the noun: the answer noun is "agencies", and an auxiliary after it is no verb of the X.
    agencies = analyse_question("Which UN agencies should the Secretary-General work with?", "en")
    assert (agencies.answer_noun, agencies.answer_verb) == ("agencies", "")
    # The verb follows the asked noun, not an earlier description of it ("a foundation *famous* for prizes").
    described = analyse_question("ITU worked with a foundation famous for prizes - which foundation was it?", "en")
    assert (described.answer_noun, described.answer_verb) == ("foundation", "")


@pytest.mark.parametrize(
    ("question", "lang", "qtype", "noun"),
    [
        # a count says how many answers are asked for: the noun after it is what is asked
        ("Which two resolutions does the draft recall?", "en", "which", "resolution"),  # its glossary form
        ("Which 3 goals does the article name?", "en", "which", "goals"),
        ("草案忆及了哪两项决议？", "zh", "which", "决议"),
        # 哪几类 asks which kinds (not how many), 在哪几类…之间 between which (not where)
        ("国际电联可以在哪几类主体之间交流信息？", "zh", "which", "主体"),
        ("How many resolutions does the draft recall?", "en", "how-many", "resolution"),
        ("草案忆及了几项决议？", "zh", "how-many", "决议"),
        # a classifier (位, 名, 家) is no unit: the noun after it is what is counted, as "experts" in English
        ("专家组一共有多少位专家？", "zh", "how-many", "专家"),
        ("有几家公司参加？", "zh", "how-many", "公司"),
    ],
)
def test_a_count_after_the_question_word_is_no_answer_noun(question, lang, qtype, noun):
    a = analyse_question(question, lang)
    assert (a.qtype, a.answer_noun) == (qtype, noun)


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Which actors play a decisive part in developing AI?", "part"),
        ("Which countries take part in the summit?", "part"),
        ("Which bodies make decisions on the budget?", "decisions"),
        ("Which actors played an important and growing role in it?", "role"),
        ("Which countries voted against it?", "voted"),  # no light verb: the verb itself
        ("Which initiatives does the resolution align with?", ""),  # an auxiliary first: no verb of the X
        ("Which initiatives align with the resolution?", ""),  # a verb of correspondence states nothing
    ],
)
def test_a_light_verb_is_read_through_its_object(question, verb):
    assert analyse_question(question, "en").answer_verb == verb


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("哪些组织反对该决议？", "反对"),
        ("国际电联与哪些组织合作组织了人工智能造福人类高峰会议？", "合作"),
        ("哪些组织应该参与？", ""),  # a modal verb says nothing of what the X did
        ("哪些国家的代表团提交了草案？", ""),  # 的: the noun qualifies another
        # an adverb says how the X did it: the verb after it is what the X did
        ("哪些组织不断推动数字发展？", "推动"),
        ("哪些组织曾经反对该决议？", "反对"),
        ("哪些国家一直都支持该决议？", "支持"),
        # after a passive's agent, the verb; a verb jieba tags as a noun
        ("哪些活动由秘书长负责？", "负责"),
        ("哪些机构资助了人工智能造福人类高峰会议？", "资助"),
    ],
)
def test_the_word_after_a_chinese_answer_noun_is_what_the_x_did(question, verb):
    assert analyse_question(question, "zh").answer_verb == verb


@pytest.mark.parametrize(
    ("question", "lang", "noun"),
    [
        # a partitive noun ("stages", 阶段) names a part of its complement, which is what a clause must cover
        ("Which stages of the AI lifecycle does the article list?", "en", "AI lifecycle"),
        ("Which elements of global cooperation did the Assembly highlight?", "en", "global cooperation"),
        ("At which stages of the technology's life must rights be respected?", "en", "technology life"),
        ("人工智能生命周期包括哪些阶段？", "zh", "生命周期"),
        ("人工智能生命周期的哪些阶段可以免于人权审查？", "zh", "生命周期"),
        # without a complement the partitive stays, and a non-partitive noun is unaffected
        ("Which stages must be followed?", "en", "stages"),
        ("What penalties apply at each stage of the AI lifecycle?", "en", "penalties"),
    ],
)
def test_a_partitive_answer_noun_is_checked_through_its_complement(question, lang, noun):
    assert answer_noun(question, lang) == noun


def test_the_whole_of_a_partitive_question_is_its_complements_head_when_the_phrase_ends_clearly():
    assert partitive_whole("Which stages of the AI lifecycle does the article list?", "en") == "lifecycle"
    assert partitive_whole("Which stages of the AI lifecycle?", "en") == "lifecycle"
    assert partitive_whole("人工智能生命周期包括哪些阶段？", "zh") == "生命周期"
    assert partitive_whole("人工智能生命周期有哪些方面？", "zh") == "生命周期"
    # a time word before 有哪些方面 says when, it is no whole with parts
    assert partitive_whole("今后有哪些方面会一起参与制定人工智能治理框架？", "zh") == ""
    assert partitive_whole("Which part of ITU helps poorer countries build up networks?", "en") == ""
    assert partitive_whole("What penalties apply?", "en") == ""
    # a preposition after two words may follow a verb ("deal with"): the head is a guess, so no whole
    assert partitive_whole("Which parts of the resolution deal with developing countries?", "en") == ""
    assert partitive_whole("Which stages of the lifecycle in the article are covered?", "en") == "lifecycle"


def test_an_unclear_partitive_complement_does_not_pull_the_questions_verb_into_the_answer_noun():
    assert "concern" not in answer_noun("Which parts of the resolution concern human rights?", "en")
    assert "deal" not in answer_noun("Which parts of the resolution deal with developing countries?", "en")


SECTIONS = (
    SectionName(
        "res",
        "secretary-general",
        ("instructs the Secretary-General", "the Secretary-General"),
        ("责成秘书长", "秘书长"),
    ),
    SectionName(
        "res",
        "director-bdt",
        (
            "instructs the Director of the Telecommunication Development Bureau",
            "the Director of the Telecommunication Development Bureau",
        ),
        ("责成发展局主任", "电信发展局主任", "发展局主任"),
    ),
    SectionName("res", "recalling", ("recalling", ""), ("忆及",)),
    SectionName("res", "considering", ("considering", ""), ("考虑到",)),
    SectionName("res", "considering-further", ("considering further", ""), ("进一步考虑到",)),
    SectionName(
        "res",
        "msa",
        ("invites Member States, Sector Members and Academia", "Member States, Sector Members and Academia"),
        ("请成员国、部门成员和学术成员", "成员国、部门成员和学术成员"),
    ),
)


@pytest.mark.parametrize(
    ("question", "lang", "key", "strength"),
    [
        ("What must the Director of the Telecommunication Development Bureau do?", "en", "director-bdt", "full"),
        ("And what must the Director do?", "en", "director-bdt", "head"),
        ("责成发展局主任做哪些事？", "zh", "director-bdt", "full"),
        ("List everything the draft resolution recalls.", "en", "recalling", "full"),
        ("What points does the draft make under 'considering further'?", "en", "considering-further", "full"),
        ("学术成员被请求做什么？", "zh", "msa", "head"),
        ("Who must report to Council?", "en", None, ""),
    ],
)
def test_section_matching(question, lang, key, strength):
    section, how = match_section(question, lang, SECTIONS)
    assert (section.key if section else None, how) == (key, strength)


def test_a_question_made_of_an_addressee_and_do_asks_for_the_whole_section():
    whole = with_section(
        analyse_question("What must the Director of the Telecommunication Development Bureau do?", "en"), SECTIONS
    )
    assert whole.asks_whole_section and whole.residual == ()
    one = with_section(
        analyse_question("What is the Secretary-General asked to pass on to Member States?", "en"), SECTIONS
    )
    assert one.section == ("res", "secretary-general") and not one.asks_whole_section
    assert with_section(analyse_question("秘书长的全部任务有哪些？", "zh"), SECTIONS).asks_whole_section
    # why the section's tasks are given is said by one clause's reason, not by listing them all
    why = with_section(analyse_question("为什么秘书长的全部任务都要做？", "zh"), SECTIONS)
    assert why.qtype == "why" and not why.asks_whole_section


def _answer(chunk_id: str) -> Answer:
    cite = Citation(chunk_id, "res", "", "", "", "", "7", "q", 0, 1, 1.0, "zh")
    return Answer(question="", text="", language="en", citations=[cite])


def test_follow_up_carries_document_section_and_words_and_excludes_what_was_given():
    history = [Turn("Who must report to Council?", _answer("res/operative/secretary-general/7"))]
    a = resolve_follow_up(analyse_question("What else must he do?", "en"), history)
    assert a.follow_up and a.wants_else
    assert a.carried_section == ("res", "secretary-general") and a.carried_doc == "res"
    assert a.exclude == ("res/operative/secretary-general/7",)
    assert "report to Council" in a.retrieval_query
    assert with_section(a, SECTIONS).asks_whole_section


def test_chinese_follow_up_inherits_the_earlier_question_type():
    history = [Turn("责成秘书长做什么？", _answer("res/operative/secretary-general/1"))]
    a = resolve_follow_up(analyse_question("那么发展局主任呢？", "zh"), history)
    assert a.follow_up and a.qtype == "what-must"
    assert with_section(a, SECTIONS).section == ("res", "director-bdt")


def test_no_history_or_a_long_self_contained_question_is_not_a_follow_up():
    assert not resolve_follow_up(analyse_question("What else must he do?", "en"), []).follow_up
    history = [Turn("Who must report to Council?", None)]
    long_q = "What role does the draft see for Member States with respect to AI deployed in their jurisdiction?"
    a = resolve_follow_up(analyse_question(long_q, "en"), history)
    assert not a.follow_up and a.retrieval_query == long_q


def test_a_very_short_question_after_a_turn_is_elliptic_and_follows_it():
    history = [Turn("What does the article say about the digital divide?", _answer("art/body/5"))]
    a = resolve_follow_up(analyse_question("Which countries exactly?", "en"), history)
    assert a.follow_up and a.carried_doc == "res"  # the helper's citation is in document "res"
    assert "digital divide" in a.retrieval_query
    assert not resolve_follow_up(analyse_question("Which countries exactly?", "en"), []).follow_up


@pytest.mark.parametrize(
    ("question", "qtype"),
    [
        # a leading "when" clause sets the scene; the auxiliary after its comma asks yes or no (or which side)
        ("When the Director passes AI information on to countries, should he create new channels?", "yes-no"),
        ("When it met in May, did the Assembly vote on AI?", "yes-no"),
        # still when-questions: no clause before the comma, or a request to the assistant after it
        ("When, if ever, did the Assembly vote on AI?", "when"),
        ("When was the resolution adopted, could you tell me?", "when"),
    ],
)
def test_a_leading_when_clause_before_an_auxiliary_asks_yes_or_no(question, qtype):
    assert analyse_question(question, "en").qtype == qtype


def test_a_description_of_an_addressee_names_its_section():
    a = with_section(analyse_question("What is the head of the union's staff told to make sure of?", "en"), SECTIONS)
    assert a.section == ("res", "secretary-general") and a.section_strength == "full"
    # the words it asks beyond the addressee are read from the question written with the term
    assert "head" not in a.residual and "staff" not in a.residual
    assert with_section(analyse_question("掌门人要做什么？", "zh"), SECTIONS).section == ("res", "secretary-general")
    # a head of another body is no addressee of the draft
    assert with_section(analyse_question("What is UNESCO's head told to do?", "en"), SECTIONS).section is None


def test_each_year_is_a_frequency_not_a_list_cue():
    assert not analyse_question("Which board hears each year from the Secretary-General?", "en").wants_list
    assert not analyse_question("What is reported every twelve months?", "en").wants_list
    assert analyse_question("What does each clause ask?", "en").wants_list
    assert analyse_question("List every task of the Secretary-General.", "en").wants_list


def test_generic_nouns_ask_for_no_kind_of_thing():
    assert analyse_question("Which AI matters must be reported?", "en").answer_noun == ""
    assert analyse_question("秘书长要把哪些东西转给各国政府？", "zh").answer_noun == ""
