"""Preferring one supported clause to another: names the question writes, dominated and out-covering translations."""

from __future__ import annotations

from assistant.answering.preference import dominated, name_share, outcovers, written_names
from assistant.answering.support import Support
from assistant.schema import Chunk, RetrievedChunk


def _names(question: str, lang: str = "en") -> list[str]:
    return [t.en for t in written_names(question, lang)]


def test_a_name_counts_when_the_question_writes_it_as_a_name():
    names = _names("Which organizations did ITU partner with for the AI for Good summit?")
    assert names == ["International Telecommunication Union", "AI for Good Global Summit"]


def test_a_lower_case_word_that_is_a_form_of_a_name_is_not_a_name():
    # "countries" is a form of the glossary's "Member States", but the question names no body.
    assert _names("Which group of countries should get fair access to the technology?") == []


def test_a_chinese_question_names_the_terms_that_are_names_in_english():
    assert "International Telecommunication Union" in _names("国际电联与哪些组织合作？", "zh")


def test_name_share_finds_either_language_form_inside_a_longer_name():
    [itu] = written_names("What does ITU do?", "en")
    assert name_share([itu], "国际电联电信发展部门（ITU-D）在促进电信发展中发挥作用") == 1.0
    assert name_share([itu], "联合国其他机构正在处理这些问题") == 0.0
    assert name_share([], "anything") == 0.0


def _support(
    cid: str, lang: str, *, overlap: float, literal: float, dense: float, dense_rank: int | None = None
) -> Support:
    chunk = Chunk(id=cid, doc_id="d", text="x", lang=lang, kind="clause", section_kind="body", start=0, end=1)  # type: ignore[arg-type]
    hit = RetrievedChunk(chunk, 1.0, dense_score=dense, dense_rank=dense_rank)
    return Support(hit, overlap=overlap, dense=dense, literal=literal)


def test_an_other_language_clause_is_dominated_by_an_own_language_clause_above_it_on_all_else():
    own = _support("en/1", "en", overlap=0.05, literal=0.05, dense=0.29)
    other = _support("zh/1", "zh", overlap=0.49, literal=0.05, dense=0.27)
    rank = {id(own): 0, id(other): 1}
    assert dominated(other, [own, other], rank, "en")
    assert not dominated(own, [own, other], rank, "en")  # a clause in the question's language never is


def test_no_domination_when_the_other_clause_ranks_higher_covers_more_literally_or_is_nearer():
    own = _support("en/1", "en", overlap=0.13, literal=0.13, dense=0.30)
    above = _support("zh/1", "zh", overlap=0.3, literal=0.1, dense=0.2)
    more_literal = _support("zh/2", "zh", overlap=0.3, literal=0.17, dense=0.2)
    nearer = _support("zh/3", "zh", overlap=0.3, literal=0.1, dense=0.35)
    passing = [above, own, more_literal, nearer]
    rank = {id(s): i for i, s in enumerate(passing)}
    assert not any(dominated(s, passing, rank, "en") for s in (above, more_literal, nearer))


def test_a_chinese_questions_english_clause_out_covers_when_it_covers_twice_the_best_chinese_clause():
    # 这些利益攸关方被敦促不要做什么: the draft's clause shares only 利益攸关; the article's says urged … refrain.
    draft = _support("zh/1", "zh", overlap=0.3, literal=0.3, dense=0.16)
    article = _support("en/1", "en", overlap=0.65, literal=0.3, dense=0.01)
    assert outcovers(article, [draft, article], "zh")
    assert not outcovers(draft, [draft, article], "zh")  # a clause in the question's language never does


def test_no_out_covering_below_twice_the_chinese_coverage_nor_for_an_english_question():
    draft = _support("zh/1", "zh", overlap=0.4, literal=0.4, dense=0.24)
    article = _support("en/1", "en", overlap=0.66, literal=0.4, dense=0.22)
    assert not outcovers(article, [draft, article], "zh")
    # An English question's generic words translate into many Chinese ones: no such sign there.
    own = _support("en/2", "en", overlap=0.1, literal=0.1, dense=0.3)
    other = _support("zh/2", "zh", overlap=0.6, literal=0.1, dense=0.2)
    assert not outcovers(other, [own, other], "en")


def test_the_question_languages_nearest_clause_dominates_even_below_a_clause_ranked_for_its_translations():
    # "Which set of UN targets could AI help the world hit sooner?": the Secretary-General's clause ranks above
    # the article's paragraph on the SDGs only through generic translations (help → 助力, world → 世界).
    other = _support("zh/1", "zh", overlap=0.7, literal=0.09, dense=0.25, dense_rank=8)
    nearest = _support("en/3", "en", overlap=0.09, literal=0.09, dense=0.39, dense_rank=1)
    second = _support("en/4", "en", overlap=0.09, literal=0.09, dense=0.30, dense_rank=2)
    rank = {id(other): 0, id(second): 1, id(nearest): 2}
    assert dominated(other, [other, second, nearest], rank, "en")
    # Below it in retrieval order, only the retriever's nearest clause dominates.
    assert not dominated(other, [other, second], rank, "en")
