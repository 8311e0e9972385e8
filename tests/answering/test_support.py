"""Coverage-based abstention: names the corpus never uses, unknown words, and plain abstention texts."""

from __future__ import annotations

from assistant.answering.evidence import Group
from assistant.answering.support import (
    Support,
    absent_names,
    abstention_text,
    as_written,
    dense_match,
    evidence_text,
    near_only,
    term_known,
    unknown_everywhere,
)
from assistant.schema import Chunk, RetrievedChunk

# A tiny index vocabulary: what `idf` knows. "·" marks the character bigrams BM25 keeps.
VOCAB = {
    "ai",
    "·人工",
    "·智能",
    "report",
    "council",
    "秘书长",
    "理事会",
    "·理事",
    "·事会",
    "·秘书",
    "·书长",
    "2022",
    "itu",
    "·国际",
    "·电信",
}


def idf(token: str) -> float | None:
    if token == "":
        return 1.0
    return 2.0 if token in VOCAB else None


def test_absent_acronyms_numbers_and_named_terms_are_reported():
    assert absent_names("What is ITU's budget for AI in 2025?", "en", idf) == ["2025"]
    assert "Standardization" in " ".join(absent_names("What must the TSB Director do?", "en", idf))
    assert absent_names("无线电通信局主任要做什么？", "zh", idf)  # 无线电通信局 shares no bigram with the index
    assert absent_names("Who must report to Council in 2022?", "en", idf) == []
    assert absent_names("What does clause 6 say?", "en", idf) == []  # a clause label is not a figure


def test_a_question_in_capitals_names_nothing_by_its_capitals():
    # Each word is written as an acronym would be: "MUST" is no name the index lacks, as "must" is none.
    assert absent_names("WHO MUST REPORT TO COUNCIL?", "en", idf) == []
    assert absent_names("MUST ITU REPORT ON AI IN 2025?", "en", idf) == ["2025"]  # a figure still counts
    assert absent_names("What must the TSB Director do?", "en", idf)  # a written acronym still counts


def test_a_city_that_only_says_where_something_is_based_is_no_absent_name():
    # "Paris" is unknown to this corpus: asked about, it is absent; as the seat describing an organisation the
    # question asks about ("the Paris-based organisation"), it is that organisation's description.
    assert absent_names("Did ITU report to the Council in Paris?", "en", idf) == ["Paris"]
    assert absent_names("Did ITU report to the Paris-based Council?", "en", idf) == []


def test_a_figure_a_given_text_has_is_not_absent():
    # The manifest's date for a misprinted dateline is in no indexed text, but the answer may use it.
    assert absent_names("What is ITU's budget for AI in 2025?", "en", idf, ["21 March 2025"]) == []
    assert absent_names("What is ITU's budget for AI in 2025?", "en", idf, ["20250"]) == ["2025"]


def test_a_chinese_term_is_known_only_when_its_bigrams_are_indexed():
    assert term_known("理事会", ("Council",), idf)
    assert not term_known("电信标准化局", ("Telecommunication Standardization Bureau",), idf)


def test_a_multi_word_name_counts_as_present_when_a_retrieved_text_has_it():
    question = "What did the General Assembly say?"
    assert absent_names(question, "en", idf)  # neither 联合国大会 nor one-word "UNGA" indexed here
    assert absent_names(question, "en", idf, ["The United Nations General Assembly recently embraced"]) == []


def test_unknown_everywhere_looks_at_translations_too():
    assert unknown_everywhere(Group(None, "sanction", ()), idf)
    assert not unknown_everywhere(Group(None, "brief", ("·报告", "理事会")), idf)


def test_near_only_is_a_word_found_through_a_near_synonym_alone():
    vote = Group(None, "vote", ("投票", "adopt"), frozenset({"adopt"}))
    assert near_only(vote, (frozenset(), frozenset({"adopt"})))
    assert not near_only(vote, (frozenset(), frozenset({"adopt", "投票"})))  # its translation is there
    assert not near_only(vote, (frozenset(), frozenset({"milestone"})))  # nothing of it is there


def test_abstention_says_what_the_documents_cover_in_the_question_language():
    en = abstention_text("What is ITU's budget?", "en", covered=["ITU", "AI"], qtype="how-much")
    assert en.startswith("The corpus does not say.") and "mention ITU and AI but give no figure" in en
    zh = abstention_text("预算是多少？", "zh", covered=["国际电联"], qtype="how-much")
    assert zh.startswith("语料中没有") and "没有给出相关金额" in zh
    assert "never mention TSB" in abstention_text("q", "en", absent=["TSB"])


def test_an_abstention_never_says_the_documents_lack_a_word_it_says_they_mention():
    # Before: "The documents mention resolution and Bucharest but not Bucharest." / "… 2030 Agenda … but not 2030."
    en = abstention_text("q", "en", covered=["resolution", "Bucharest"], missing=["bucharest"])
    assert "but not" not in en and en.endswith("supports an answer to this question.")
    en = abstention_text("q", "en", covered=["2030 Agenda for Sustainable Development"], missing=["2030", "budget"])
    assert en.endswith("mention 2030 Agenda for Sustainable Development but not budget.")
    zh = abstention_text("q", "zh", covered=["布加勒斯特", "决议"], missing=["布加勒斯特"])
    assert "没有涉及" not in zh


def _support(cid: str, dense: float, dense_rank: int | None, kind: str = "clause") -> Support:
    chunk = Chunk(id=cid, doc_id="d", text="x", lang="en", kind=kind, section_kind="operative", start=0, end=1)  # type: ignore[arg-type]
    return Support(RetrievedChunk(chunk, 1.0, dense_score=dense, dense_rank=dense_rank), overlap=0.0, dense=dense)


def test_dense_match_needs_the_first_clause_to_be_the_nearest_and_close_enough():
    first, second = _support("d/1", 0.3, 1), _support("d/2", 0.2, 2)
    assert dense_match([first, second], 0.2) is first
    assert dense_match([first, second], 0.4) is None  # not close enough
    assert dense_match([_support("d/1", 0.3, 2), second], 0.2) is None  # retrievers disagree


def test_dense_match_skips_a_header_which_is_close_to_every_question_on_its_topic():
    header, clause = _support("d/header", 0.5, 2, kind="header"), _support("d/1", 0.3, 1)
    assert dense_match([header, clause], 0.2) is clause


def test_as_written_gives_the_users_spelling_and_never_the_chinese_question_around_a_word():
    assert as_written("penalti", "What penalties apply?") == "penalties"
    # jieba's "今后" starts the run "今后各方要一起制定什么": the run is the question, not the word.
    assert as_written("今后", "今后各方要一起制定什么？") == "今后"


def test_as_written_shows_a_part_of_a_hyphenated_word_as_written_not_as_its_stem():
    assert as_written("pari", "Which Paris-based body held it?") == "Paris"
    assert as_written("paris-based", "Which Paris-based body held it?") == "Paris-based"


def _covering(*, overlap: float, literal: float, dense: float = 0.0, similar: float = 0.0) -> Support:
    hit = _support("d/body/1", dense, 1).hit
    return Support(hit, overlap, dense, literal, similar)


def test_words_said_in_other_words_complete_a_clauses_own_words_not_its_translations():
    # Both clauses reach 0.3 only with `similar`; only the one sharing a word of the question itself passes.
    own = _covering(overlap=0.1, literal=0.1, dense=0.1, similar=0.15)
    translated = _covering(overlap=0.1, literal=0.0, dense=0.1, similar=0.15)
    assert own.ok(0.3) and own.soft_only(0.3) and not own.firm(0.3)
    assert not translated.ok(0.3) and not translated.soft_only(0.3)
    # Both reach the bar in other words; `ok` asks the literal word on top of that.
    assert own.reaches(0.3) and translated.reaches(0.3)
    assert not _covering(overlap=0.1, literal=0.1, dense=0.1, similar=0.05).reaches(0.3)


def test_a_clause_supported_without_similar_is_firm_and_not_soft_only():
    s = _covering(overlap=0.2, literal=0.0, dense=0.2, similar=0.1)
    assert s.firm(0.3) and s.ok(0.3) and not s.soft_only(0.3)


def _clause(section: str, kind: str) -> Chunk:
    text = "确保成员国能够贡献和利用国际电联的信息和建议，"
    return Chunk(
        id="d/x",
        doc_id="d",
        text=text,
        lang="zh",
        kind="clause",
        section_kind=kind,
        start=0,
        end=len(text),
        section=section,
    )  # type: ignore[arg-type]


def test_a_resolves_clause_states_what_was_decided():
    assert "decide" in evidence_text(_clause("做出决议", "operative"), None)
    assert "决定" in evidence_text(_clause("做出决议", "operative"), None)
    # Other headings record no decision.
    assert "decide" not in evidence_text(_clause("责成秘书长", "operative"), None)
    assert "decide" not in evidence_text(_clause("忆及", "preamble"), None)


def test_an_english_question_finds_its_word_in_the_english_name_of_a_chinese_clauses_glossary_term(assistant):
    # "purposes" is in 国际电联的宗旨 ("purposes of the Union"), the lead-in of the clause on all the world's
    # inhabitants, though the dictionary's first senses of 宗旨 are "aim" and "goal".
    answer = assistant.ask(
        "Under the ITU purposes in the draft, who is to benefit from new telecommunication technologies?"
    )
    assert [c.chunk_id for c in answer.citations] == ["eur-44a25-1/preamble/considering/a/1"]
