"""The coverage gate and the pick: which clause answers, given those that pass coverage."""

from __future__ import annotations

from dataclasses import replace

from assistant.answering.analysis import analyse_question
from assistant.answering.choice import Choice, coverage_gate, nearest_named, pick
from assistant.answering.near_miss import needs
from assistant.answering.support import Support
from tests.answering.toy import toy_context

DOCS = {
    "res": (
        "resolution",
        [("header", "Draft resolution on AI"), ("clause", "Member States shall share their AI skills with others.")],
    ),
    "art": (
        "article",
        [
            ("title", "General Assembly adopts AI resolution"),
            ("dateline", "New York, 21 March, 2004 –"),
            ("paragraph", "People need AI skills, the article says."),
            ("paragraph", "More than 120 member states backed the resolution."),
        ],
    ),
}
HITS = ["res/clause/2", "art/paragraph/3", "art/paragraph/4", "art/dateline/2"]


def choice(question: str, passing_ids: list[str], **overlaps: float) -> Choice:
    ctx = toy_context(DOCS, hits=HITS)
    ranked = [Support(h, overlaps.get(h.chunk.id.split("/")[0], 0.6), 0.0, 0.6) for h in ctx.hits]
    a = analyse_question(question, "en")
    passing = [s for s in ranked if s.hit.chunk.id in passing_ids]
    return Choice(question, "en", a, ctx, ranked, passing, needs(question, "en", a.qtype))


def test_a_passing_clause_goes_on_to_the_pick_and_none_abstains():
    assert coverage_gate(choice("What skills must Member States share?", ["res/clause/2"])) is None
    gated = coverage_gate(choice("What skills must Member States share?", []))
    assert gated is not None and gated.abstained


def test_with_no_passing_clause_a_when_question_may_be_answered_by_the_documents_date():
    gated = coverage_gate(choice("When did the General Assembly adopt the AI resolution?", []))
    assert gated is not None and not gated.abstained
    assert [c.chunk_id for c in gated.citations] == ["art/dateline/2"]


def test_retrieval_order_decides_among_equals_and_a_named_document_wins():
    both = ["res/clause/2", "art/paragraph/3"]
    assert pick(choice("Who needs AI skills?", both)).hit.chunk.id == "res/clause/2"
    assert pick(choice("Who needs AI skills, according to the article?", both)).hit.chunk.id == "art/paragraph/3"


def test_a_how_many_question_prefers_the_clause_with_a_count():
    c = choice("How many member states backed the resolution?", ["art/paragraph/3", "art/paragraph/4"])
    assert pick(c).hit.chunk.id == "art/paragraph/4"


def test_when_only_the_other_document_passes_the_named_ones_nearest_content_clause_answers():
    c = choice("What skills are needed, says the article?", ["res/clause/2"], art=0.2)
    assert nearest_named(c) is not None and nearest_named(c).hit.chunk.id == "art/paragraph/3"
    assert pick(c).hit.chunk.id == "art/paragraph/3"


def test_a_chinese_questions_english_clause_covering_twice_the_chinese_ones_is_not_discounted():
    # The draft's Chinese clause ranks first and shares only 利益攸关; the article's English one says
    # "urged … stakeholders to refrain" through translation: its coverage counts in full.
    question = "这些利益攸关方被敦促不要做什么？"
    ctx = toy_context(DOCS, hits=HITS)
    zh_hit = replace(ctx.hits[0], chunk=replace(ctx.hits[0].chunk, lang="zh"))
    a = analyse_question(question, "zh")

    def picked(en_overlap: float) -> str:
        ranked = [Support(zh_hit, 0.3, 0.16, 0.3), Support(ctx.hits[1], en_overlap, 0.01, 0.3)]
        return pick(Choice(question, "zh", a, ctx, ranked, ranked, needs(question, "zh", a.qtype))).hit.chunk.id

    assert picked(0.65) == "art/paragraph/3"
    assert picked(0.5) == "res/clause/2"  # below twice the Chinese clause's coverage: discounted, loses


def test_a_clause_supported_only_by_words_said_otherwise_does_not_discount_the_other_languages():
    # The English paragraph passes only with `similar`; the Chinese clause passes on its own, through
    # translations. The first may be quoted when it is the best, but it is no reason to discount the second.
    question = "Who needs AI skills?"
    ctx = toy_context(DOCS, hits=HITS)
    zh_hit = replace(ctx.hits[0], chunk=replace(ctx.hits[0].chunk, lang="zh"))
    a = analyse_question(question, "en")
    en = Support(ctx.hits[1], 0.1, 0.13, 0.1, similar=0.15)
    zh = Support(zh_hit, 0.5, 0.1, 0.1)
    assert en.soft_only(ctx.min_support) and not zh.soft_only(ctx.min_support)
    picked = pick(Choice(question, "en", a, ctx, [en, zh], [en, zh], needs(question, "en", a.qtype)))
    assert picked is zh
    firm_en = replace(en, overlap=0.25, literal=0.25, similar=0.0)  # passing on its own, it does discount
    assert pick(Choice(question, "en", a, ctx, [firm_en, zh], [firm_en, zh], needs(question, "en", a.qtype))) is firm_en


def test_a_question_naming_a_document_none_of_whose_clauses_fits_is_not_answered_from_the_other():
    # No paragraph of the article names a country: the draft's clause, which passes, answers a question
    # the user did not ask. Without "the article" it is the answer.
    named = choice("Which country shares AI skills, according to the article?", ["res/clause/2"])
    assert nearest_named(named) is None and pick(named) is None
    plain = pick(choice("Which country shares AI skills?", ["res/clause/2"]))
    assert plain is not None and plain.hit.chunk.id == "res/clause/2"


def _cited(answer) -> list[str]:
    return [c.chunk_id for c in answer.citations]


def test_a_who_question_naming_an_actor_is_answered_where_that_actor_acts(assistant):
    # The draft's noting e lists more organisations and shares more translated words ("good" is one sense of
    # 标准), but only noting a names ITU: the draft's source line names ITU for every clause.
    answer = assistant.ask("Who did ITU cooperate with to hold the summit on AI for the good of humanity?")
    assert _cited(answer) == ["eur-44a25-1/preamble/noting/a"]


def test_a_chinese_questions_english_clauses_are_told_apart_by_words_said_in_other_words_too(assistant):
    # 强调 / "underscores" and 全过程 / "entire lifecycle" are no dictionary senses; paragraph 4's "emphasizing"
    # and "employing" are, but it says nothing of design or the lifecycle.
    answer = assistant.ask("在人工智能从设计到使用的全过程中，报道说决议强调要维护什么？")
    assert _cited(answer) == ["unido-unga-ai-resolution/body/1"]


def test_a_question_on_what_something_matches_prefers_the_clause_stating_a_correspondence():
    docs = {
        "art": (
            "article",
            [
                ("paragraph", "The resolution names UN initiatives on AI safety."),
                ("paragraph", "It is in line with broader UN initiatives on digital cooperation."),
            ],
        )
    }
    ctx = toy_context(docs, hits=["art/paragraph/1", "art/paragraph/2"])
    ranked = [Support(h, 0.6, 0.0, 0.6) for h in ctx.hits]

    def picked(question: str) -> str:
        a = analyse_question(question, "en")
        best = pick(Choice(question, "en", a, ctx, ranked, ranked, needs(question, "en", a.qtype)))
        return best.hit.chunk.id

    # "aligns with" and "is in line with" word the same relation: the clause stating it answers
    assert picked("Which UN initiatives does the resolution align with?") == "art/paragraph/2"
    # without a correspondence asked, retrieval order decides
    assert picked("Which UN initiatives does the resolution name?") == "art/paragraph/1"


def test_a_why_question_prefers_the_clause_giving_a_reason_for_what_it_asks():
    docs = {
        "res": (
            "resolution",
            [
                ("header", "Draft resolution"),
                ("clause", "Member States share data on networks every year."),
                ("clause", "Member States share data on networks so as to avoid duplication of work."),
            ],
        )
    }
    ctx = toy_context(docs, hits=["res/clause/2", "res/clause/3"])
    ranked = [Support(h, 0.6, 0.0, 0.6) for h in ctx.hits]
    for question, expected in [
        ("Why do Member States share data on networks?", "res/clause/3"),
        ("When do Member States share data on networks?", "res/clause/2"),  # retrieval order, as before
    ]:
        a = analyse_question(question, "en")
        best = pick(Choice(question, "en", a, ctx, ranked, ranked, needs(question, "en", a.qtype)))
        assert best is not None and best.hit.chunk.id == expected


def test_a_why_questions_clause_giving_no_reason_loses_to_one_giving_it_but_not_to_one_answering_another_question():
    docs = {
        "res": (
            "resolution",
            [
                ("header", "Draft resolution"),
                ("clause", "Member States share data on networks with many partners and other bodies every year."),
                ("clause", "Member States share data on networks so as to avoid duplication of work."),
                ("clause", "Budgets rose so as to let Member States share data on networks."),
            ],
        )
    }
    ctx = toy_context(docs, hits=["res/clause/2", "res/clause/3", "res/clause/4"])
    question = "Why do Member States share data on networks?"
    a = analyse_question(question, "en")

    def picked(overlaps: dict[str, float]) -> str:
        ranked = [
            Support(h, overlaps[h.chunk.id], 0.0, overlaps[h.chunk.id]) for h in ctx.hits if h.chunk.id in overlaps
        ]
        best = pick(Choice(question, "en", a, ctx, ranked, ranked, needs(question, "en", a.qtype)))
        assert best is not None
        return best.hit.chunk.id

    # better covered and ranked first, the clause that says no why still loses to the one giving the reason
    assert picked({"res/clause/2": 0.9, "res/clause/3": 0.6}) == "res/clause/3"
    # and it still wins over a clause whose reason is the question's own words (it says what budgets were for)
    assert picked({"res/clause/4": 0.6, "res/clause/2": 0.6, "res/clause/3": 0.1}) == "res/clause/2"


def _toy_choice(question: str, docs: dict, hits: list[str], known: set[str] | None = None) -> Choice:
    ctx = toy_context(docs, hits=hits, known=known)
    ranked = [Support(h, 0.6, 0.0, 0.6) for h in ctx.hits]
    a = analyse_question(question, "en")
    return Choice(question, "en", a, ctx, ranked, ranked, needs(question, "en", a.qtype))


ARTICLE = {
    "art": (
        "article",
        [
            ("title", "Assembly adopts historic resolution"),
            ("paragraph", "Recognizing the divide, nations highlighted access."),
            ("paragraph", "The adoption of this resolution has been recognized as a historic milestone."),
        ],
    )
}


def test_the_clause_saying_the_event_the_question_names_in_its_own_words_is_preferred():
    hits = ["art/paragraph/2", "art/paragraph/3"]
    # "the passing" is the adoption (phrasings.py): the paragraph that says the adoption is about it
    assert pick(_toy_choice("How was the passing of the text regarded?", ARTICLE, hits)).hit.chunk.id == hits[1]
    # without such a subject, retrieval order decides
    assert pick(_toy_choice("How was the text regarded?", ARTICLE, hits)).hit.chunk.id == hits[0]


def test_a_near_row_subject_is_neither_known_nor_unknown_to_the_coverage_gate():
    # "passing" is a word no document uses; its near-synonym, the adoption, is no evidence of it, but it is not
    # counted as missing either: the idiom the paragraph states decides.
    known = {"recogn", "adopt", "histor", "mileston", "resolut", "assembl", "divid", "nation", "access"}
    hits = ["art/paragraph/3"]
    assert coverage_gate(_toy_choice("How was the passing of the text regarded?", ARTICLE, hits, known)) is None
    # a content word the corpus never uses still counts: with the subject left out it is all there is
    gated = coverage_gate(_toy_choice("Was the passing of the text unanimous?", ARTICLE, hits, known))
    assert gated is not None and gated.abstained


def test_a_clause_stating_the_contrary_a_yes_no_question_presumes_is_quoted_though_retrieval_missed_it(assistant):
    # 超出了国际电联的职权 shares almost no word with "管得了"; retrieval ranks the clause on ethical issues first.
    answer = assistant.ask("人工智能带来的伦理和社会难题，国际电联是不是都管得了？")
    assert _cited(answer) == ["eur-44a25-1/preamble/considering-further/g"]
    assert answer.text.startswith("不")


def test_only_weighing_an_obligation_answers_the_duty_it_weighs_not_another_one(assistant):
    answer = assistant.ask("Is the Secretary-General obliged to provide telecom information to current AI initiatives?")
    assert _cited(answer) == ["eur-44a25-1/operative/secretary-general/6"]
    assert answer.text.startswith("No — the documents only ask")
    # "obliged" said of the yearly report: the clause stating that duty answers, not the one weighing another
    report = assistant.ask("Is the Secretary-General obliged to report to the Council every year?")
    assert _cited(report) == ["eur-44a25-1/operative/secretary-general/7"]
    assert report.text.startswith("Yes")
