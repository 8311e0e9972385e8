"""What a named body did: the clause must name the body and, when addressed to another actor, state the act."""

from __future__ import annotations

import pytest

from assistant.answering.acts import act_lacks, asked_act
from assistant.answering.evidence import chunk_evidence
from assistant.retrieval.dictionary import DictionaryUnavailableError, Names, load_lexicon
from assistant.schema import Chunk

SG1 = "促进与联合国其他机构，主要是联合国教育、科学和文化组织（UNESCO）、科学技术促发展委员会的合作和信息共享；"
BODY5 = "Furthermore, the Assembly emphasized the necessity of addressing the digital divide."
# CC-CEDICT's translations of "recommend" as the retriever gives them: 促进's "promote" is one of its senses.
RECOMMEND = {"recommend": ("·建议", "·推荐", "promot")}


def chunk(text: str, lang: str = "zh", addressee: str = "") -> Chunk:
    return Chunk(
        id="d/x",
        doc_id="d",
        text=text,
        lang=lang,
        kind="clause",
        section_kind="operative",
        start=0,
        end=len(text),
        addressee_en=addressee,
    )  # type: ignore[arg-type]


def lacking(question: str, lang: str, c: Chunk, translations=None, names: Names | None = None) -> str:
    act = asked_act(question, lang, translations, names)
    assert act is not None
    return act_lacks(act, c, chunk_evidence(c.text))


@pytest.fixture(scope="module")
def names() -> Names:
    try:
        return load_lexicon().names
    except DictionaryUnavailableError:
        pytest.skip("CC-CEDICT is not installed")


def test_a_body_named_as_a_partner_of_another_actors_act_did_not_recommend_anything():
    sg1 = chunk(SG1, addressee="the Secretary-General")
    # 促进 (promote) is a sense of "recommend" only through English: the clause writes no 建议 or 推荐.
    assert lacking("What did UNESCO recommend on AI ethics?", "en", sg1, RECOMMEND) == "“recommend” said of UNESCO"
    assert (
        lacking("What did UNESCO recommend?", "en", chunk(SG1 + "建议", addressee="the Secretary-General"), RECOMMEND)
        == ""
    )


def test_a_body_that_acts_in_its_own_clause_answers():
    assert lacking("What did the Assembly emphasize about the digital divide?", "en", chunk(BODY5, "en")) == ""


def test_a_body_no_clause_names_is_missing_even_if_each_word_is_known():
    body4 = chunk("the General Assembly reiterated that human rights must be safeguarded offline and online", "en")
    assert lacking("What did the Human Rights Council decide on AI?", "en", body4) == "the Human Rights Council"


def test_an_english_name_the_glossary_lacks_is_named_in_chinese_by_each_words_translation():
    translations = {"scienc": ("·科学", "科学"), "technolog": ("·技术", "技术"), "develop": ("·发展", "发展")}
    question = "What did the Commission on Science and Technology for Development recommend?"
    act = asked_act(question, "en", translations)
    assert act is not None
    sg1 = chunk(SG1)  # no addressee: naming the body is enough
    assert act_lacks(act, sg1, chunk_evidence(sg1.text)) == ""


def test_what_a_body_did_needs_a_clause_naming_it_whatever_its_act():
    unicri = chunk("2017年成立的联合国区域间犯罪和司法研究所（UNICRI）人工智能和机器人中心；")
    assert lacking("What did ITU do in 2017?", "en", unicri) == "ITU"
    assert lacking("What did ITU do in 2017?", "en", chunk("ITU launched the AI for Good summit in 2017.", "en")) == ""
    # Cooperating with UNESCO is the Secretary-General's act, not one of UNESCO's.
    assert lacking("What did UNESCO do?", "en", chunk(SG1, addressee="the Secretary-General")) == "what UNESCO did"
    assert lacking("What did UNESCO do?", "en", chunk(SG1)) == ""
    # Member States are one of the addressees who share the clause's act.
    invites = chunk("share experience", "en", addressee="Member States, Sector Members and Academia")
    assert lacking("What did Member States do?", "en", invites) == ""
    assert asked_act("What can Member States do about national rules?", "en") is None


def test_questions_of_other_shapes_ask_no_act():
    assert asked_act("What did the OECD conference on AI focus on?", "en") is None
    assert asked_act("What did the Assembly's resolution set out to advance?", "en") is None
    assert asked_act("What did the UN body ask everyone to avoid doing with AI?", "en") is None
    assert asked_act("What did the world body endorse?", "en") is None


def test_a_chinese_subject_with_an_organisation_suffix_must_be_named(names):
    assert lacking("人工智能伦理委员会建议了什么？", "zh", chunk(SG1), names=names) == "人工智能伦理委员会"
    assert lacking("科学技术促发展委员会做了什么？", "zh", chunk(SG1), names=names) == ""


def test_chinese_names_left_to_other_checks(names):
    # The dictionary knows 经合组织 (OECD): bodies.absent_bodies finds it through its English forms.
    assert asked_act("经合组织出了什么关于人工智能的成果？", "zh", None, names) is None
    # 发展局 is part of the glossary's 发展局主任, a director.
    assert asked_act("发展局主任应利用什么机制与成员国分享信息？", "zh", None, names) is None
    # Without the dictionary no Chinese name can be told from an abbreviation.
    assert asked_act("人工智能伦理委员会建议了什么？", "zh", None, None) is None


def test_a_chinese_name_the_dictionary_and_the_glossary_both_know_must_be_named(names):
    unicri = chunk("2017年成立的联合国区域间犯罪和司法研究所（UNICRI）人工智能和机器人中心；")
    assert lacking("国际电信联盟在2017年成立了什么？", "zh", unicri, names=names) == "国际电信联盟"
    noting_a = chunk("国际电联与XPRIZE基金会合作组织的高峰会议；")
    assert lacking("国际电信联盟做了什么？", "zh", noting_a, names=names) == ""
    body1 = chunk("The United Nations General Assembly recently embraced a pivotal resolution.", "en")
    assert lacking("联合国大会通过了什么？", "zh", body1, names=names) == ""


def test_a_body_a_question_asks_about_must_be_named_by_the_clause():
    noting_e = chunk("为解决与人工智能相关的社会、经济、伦理和技术问题而实施的举措")
    assert (
        lacking("What does the draft say about the AI Ethics Committee?", "en", noting_e) == "the AI Ethics Committee"
    )
    translations = {"internet": ("·互联网", "互联网"), "govern": ("·治理", "治理"), "forum": ("·论坛", "论坛")}
    sg1 = chunk(SG1 + "互联网治理论坛")
    assert lacking("What does the draft say about the Internet Governance Forum?", "en", sg1, translations) == ""
    # A topic that names no body asks for no act: "about the digital divide".
    assert asked_act("What does the article say about the Digital Divide?", "en") is None


def test_a_chinese_body_after_guanyu_must_be_named(names):
    question = "决议草案关于人工智能伦理委员会说了什么？"
    assert lacking(question, "zh", chunk(SG1), names=names) == "人工智能伦理委员会"
    assert lacking("关于科学技术促发展委员会，决议草案说了什么？", "zh", chunk(SG1), names=names) == ""


@pytest.mark.parametrize(
    "question",
    [
        "What does the draft resolution say about the AI Ethics Committee?",
        "决议草案关于人工智能伦理委员会说了什么？",
        "决议草案和报道关于人工智能伦理委员会各说了什么？",
    ],
)
def test_a_question_about_a_body_no_document_names_is_refused(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained and ("AI Ethics Committee" in answer.text or "人工智能伦理委员会" in answer.text)


def test_a_question_about_a_body_the_draft_names_in_chinese_only_is_answered(assistant):
    answer = assistant.ask("What does the draft say about the Commission on Science and Technology for Development?")
    assert [c.chunk_id for c in answer.citations] == ["eur-44a25-1/operative/secretary-general/1"]


def test_an_abstention_names_the_body_with_the_question_s_article():
    sg7 = chunk(
        "每年向理事会报告对国际电联产生重大战略或财务影响的人工智能问题的任何活动，", addressee="the Secretary-General"
    )
    assert lacking("What did the Council decide?", "en", sg7) == "“decide” said of the Council"
    assert lacking("What did Council decide?", "en", sg7) == "“decide” said of Council"


def test_an_operative_clause_addressed_to_no_one_is_its_issuers_own_act():
    resolves = chunk("确保成员国能够贡献和利用国际电联的信息和建议，")
    act = asked_act("What did the Plenipotentiary Conference decide?", "en")
    assert act is not None and act.term is not None
    assert act_lacks(act, resolves, chunk_evidence(resolves.text)) == "the Plenipotentiary Conference"
    # The conference issues the draft: what it resolves is its act, though the clause never names it.
    assert act_lacks(act, resolves, chunk_evidence(resolves.text), (act.term,)) == ""
    # Not a clause addressed to someone else, nor a preambular one: those are no decision of the issuer's.
    sg = chunk("每年向理事会报告人工智能问题的任何活动，", addressee="the Secretary-General")
    assert act_lacks(act, sg, chunk_evidence(sg.text), (act.term,)) == "the Plenipotentiary Conference"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("在落实这项决议方面，工发组织自己具体负责哪些工作？", "zh"),
        ("What is UNIDO responsible for in implementing the resolution?", "en"),
        ("What role does UNIDO play in the resolution's follow-up?", "en"),
    ],
)
def test_a_bodys_duties_need_a_clause_in_which_it_acts(names, question, lang):
    # The body's own task is asked: a clause on the resolution's aims that never names it gives it none.
    aims = chunk("By harnessing AI responsibly, nations can tackle pressing global challenges.", "en")
    assert lacking(question, lang, aims, names=names) in ("工发组织承担的工作", "a task given to UNIDO")
    task = chunk("UNIDO will support developing countries in implementing the resolution.", "en")
    assert lacking(question, lang, task, names=names) == ""


def test_a_duty_question_about_no_body_asks_no_act(names):
    assert asked_act("What are the study groups responsible for?", "en") is None
    assert asked_act("各方具体负责哪些工作？", "zh", names=names) is None
