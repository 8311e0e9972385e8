"""Attribution questions: a clause answers "who said …" only when it names who says it."""

from __future__ import annotations

import pytest

from assistant.answering.attribution import asked_attribution, attribution_lacks, names_agent, names_person
from assistant.answering.evidence import question_groups
from assistant.schema import Chunk

PASSIVE = (
    "This resolution marks the first instance where the General Assembly has directly addressed the regulation "
    "of AI, signifying a watershed moment in global governance. Notably, the adoption of this resolution has been "
    "recognized as a historic milestone in ensuring the responsible use of AI."
)
ACTIVE = (
    "Crucially, the General Assembly reiterated that human rights must be safeguarded offline and online. "
    "It urged all stakeholders to refrain from employing AI systems that contravene human rights standards."
)


def chunk(text: str, lang: str = "en", section_kind: str = "body", addressee_en: str = "") -> Chunk:
    return Chunk(
        id="d/x",
        doc_id="d",
        text=text,
        lang=lang,
        kind="paragraph",
        section_kind=section_kind,
        start=0,
        end=len(text),
        addressee_en=addressee_en,
    )  # type: ignore[arg-type]


def lacks(question: str, c: Chunk, lang: str = "en") -> bool:
    ask = asked_attribution(question, lang)  # type: ignore[arg-type]
    assert ask is not None
    return attribution_lacks(ask, c, question_groups(question, lang), question)  # type: ignore[arg-type]


def test_questions_asking_for_a_speaker_or_a_person_are_read_in_both_languages():
    assert asked_attribution("Who said the resolution was a watershed moment?", "en").speaker
    assert asked_attribution("Which UN official described it as historic?", "en").person == "official"
    assert asked_attribution("谁说这项决议是历史性的里程碑？", "zh").speaker
    assert asked_attribution("谁把这项决议称为里程碑？", "zh").speaker
    assert asked_attribution("哪位联合国官员把这项决议称为里程碑？", "zh").person == "官员"
    # Who acted, not who said: no attribution asked.
    assert asked_attribution("Who led the resolution?", "en") is None
    assert asked_attribution("谁将负责向理事会报告？", "zh") is None
    assert asked_attribution("Which bodies should the top official team up with?", "en") is None


def test_a_compound_of_shuo_is_a_verb_of_saying_only_when_it_says_something():
    # 说服 (persuade) is an act, not a statement; 说明 (state, explain) states something, as "state" does.
    assert asked_attribution("谁说服了120多个会员国支持这项决议？", "zh") is None
    assert asked_attribution("谁说明了这项决议的意义？", "zh").speaker
    assert asked_attribution("谁说过这项决议是里程碑？", "zh").speaker


def test_an_agentless_passive_or_the_documents_own_statement_names_no_speaker():
    assert lacks("Who recognized the adoption as a historic milestone?", chunk(PASSIVE))
    assert lacks("Who said the resolution was a watershed moment?", chunk(PASSIVE))
    assert lacks("谁说这项决议是历史性的里程碑？", chunk(PASSIVE), "zh")


def test_an_active_subject_a_pronoun_for_it_a_by_agent_or_a_source_names_the_speaker():
    assert not lacks("Who reiterated that human rights must be safeguarded online?", chunk(ACTIVE))
    assert not lacks("Who urged all stakeholders to refrain from AI systems?", chunk(ACTIVE))
    assert names_agent(chunk("The adoption was hailed by the Secretary-General as historic."))
    assert names_agent(chunk("According to the President, the adoption is historic."))
    assert names_agent(chunk("据联合国新闻称，这项决议具有历史意义。", "zh"))


def test_the_agent_must_be_named_for_the_statement_asked_about():
    other = chunk("The Assembly emphasized the digital divide. The adoption has been recognized as a milestone.")
    assert lacks("Who recognized the adoption as a milestone?", other)
    assert not lacks("Who emphasized the digital divide?", other)


def test_a_person_noun_needs_a_title_holder():
    assert lacks("Which official described the adoption as a historic milestone?", chunk(PASSIVE))
    sg = chunk("每年向理事会报告人工智能问题的任何活动", "zh", "operative", "the Secretary-General")
    assert names_person(sg)
    assert not lacks("Which official reports every year to the Council?", sg)


def test_a_near_miss_attribution_abstains_saying_what_the_corpus_says(assistant):
    answer = assistant.ask("Who recognized the adoption as a historic milestone?")
    assert answer.abstained and answer.text.startswith("The corpus does not say who.")
    assert "has been recognized as a historic milestone" in answer.text and "names no one" in answer.text
    zh = assistant.ask("哪位联合国官员把这项决议称为历史性的里程碑？")
    assert zh.abstained and zh.text.startswith("语料没有说明是谁") and "哪位官员" in zh.text


@pytest.mark.parametrize(
    "question",
    [
        # The closest clause states something else (human rights, not praise for protecting children; the
        # digital divide, not a crisis): quoting it as "what the corpus says" would put words in its mouth.
        "Who praised the resolution for protecting children?",
        "Which official described the digital divide as a crisis?",
        "谁说人工智能会取代记者？",
    ],
)
def test_an_unattributed_abstention_quotes_only_a_clause_stating_what_is_asked(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained
    assert "「" not in answer.text and "names no" not in answer.text and "没有指明" not in answer.text


def test_a_speaker_the_corpus_names_is_still_answered(assistant):
    answer = assistant.ask("Who urged all stakeholders to refrain from AI systems that contravene human rights?")
    assert not answer.abstained and "General Assembly" in answer.text
    assert not assistant.ask("谁责成秘书长向理事会报告？").abstained


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("What is the official title of the draft resolution on AI?", "en"),
        ("What is the official date of the UNIDO news item?", "en"),
        ("Which official text recalls Resolution 139?", "en"),
        ("What role do representatives of academia play in AI development?", "en"),
        ("What person-centred values does the resolution uphold?", "en"),
        ("哪个部长级会议通过了这项决议？", "zh"),
        ("哪个代表性机构通过了该决议？", "zh"),
    ],
)
def test_a_person_word_that_qualifies_another_noun_asks_for_no_person(question, lang):
    assert asked_attribution(question, lang) is None


def test_the_official_title_is_answered_from_the_metadata(assistant):
    answer = assistant.ask("What is the official title of the draft resolution on AI?")
    assert not answer.abstained
    assert answer.text.startswith("Title:")


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        # 里程碑 is the glossary's "historic", which the article's title writes: the SDG paragraph (body 3) only
        # inherits the title; the clause that states it is the agentless passive of body 2.
        ("哪位联合国官员把这项决议称为里程碑？", "「Notably, the adoption of this resolution has been recognized"),
        # "safe and ethical AI implementation" is the title's alone: no clause states it, nothing is quoted.
        ("Who described the AI implementation as safe and ethical?", None),
    ],
)
def test_an_unattributed_abstention_does_not_count_the_title_as_what_a_clause_states(assistant, question, quoted):
    answer = assistant.ask(question)
    assert answer.abstained
    assert (quoted in answer.text) if quoted else "「" not in answer.text


RECALLING_D = "本届大会有关国际电联在落实信息社会世界峰会成果方面的作用的第140号决议（2022年，布加勒斯特，修订版），"


def test_a_resolutions_clause_naming_the_subject_only_is_no_speaker_of_the_statement():
    # before: "Resolution" and "140" were more than half of the statement's words, so the conference recalling
    # Resolution 140 was its speaker, and "Who said Resolution 140 was a historic milestone?" quoted recalling d
    recalling = chunk(RECALLING_D, "zh", section_kind="preamble")
    assert lacks("Who said Resolution 140 was a historic milestone?", recalling)
    assert lacks("谁说第140号决议是具有历史意义的里程碑？", recalling, "zh")
    # the conference does state what its clause says
    assert not lacks("谁说第140号决议有关信息社会世界峰会成果？", recalling, "zh")
