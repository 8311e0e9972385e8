"""The answer-noun check: a clause answers "what penalties …" only if the corpus can name penalties at all."""

from __future__ import annotations

from assistant.answering.analysis import analyse_question
from assistant.answering.noun_check import answer_noun_groups, names_noun, unnamed
from assistant.answering.support import Support
from tests.answering.toy import toy_context

DOCS = {"res": ("resolution", [("clause", "Member States shall report to the Council every year.")])}
KNOWN = {"member", "state", "shall", "report", "council", "everi", "year", "countri", ""}


def support(ctx) -> Support:
    return Support(ctx.hits[0], 0.5, 0.0)


def test_a_noun_the_corpus_never_uses_rules_every_clause_out():
    ctx = toy_context(DOCS, hits=["res/clause/1"], known=KNOWN)
    a = analyse_question("Which penalties does the resolution impose?", "en")
    assert a.answer_noun == "penalties"
    assert unnamed(a, "en", support(ctx), ctx) == "penalties"


def test_a_noun_the_corpus_uses_lets_the_clause_compete():
    ctx = toy_context(DOCS, hits=["res/clause/1"], known=KNOWN | {"penalti"})
    a = analyse_question("Which penalties does the resolution impose?", "en")
    assert unnamed(a, "en", support(ctx), ctx) == ""


def test_an_unknown_verb_after_the_noun_rules_the_clause_out_too():
    ctx = toy_context(DOCS, hits=["res/clause/1"], known=KNOWN)
    a = analyse_question("Which countries voted against the resolution?", "en")
    assert a.answer_verb == "voted"
    groups = answer_noun_groups(a, "en", ctx)
    assert groups is not None and not names_noun(groups, support(ctx), ctx)
    # the abstention names the verb: the corpus does name countries
    assert unnamed(a, "en", support(ctx), ctx) == "voted"


def test_the_abstention_names_the_noun_when_the_verb_is_known():
    ctx = toy_context(DOCS, hits=["res/clause/1"], known=KNOWN)
    a = analyse_question("Which penalties did the Council report?", "en")
    assert unnamed(a, "en", support(ctx), ctx) == "penalties"
    assert unnamed(a, "en", support(ctx), toy_context(DOCS, hits=["res/clause/1"], known=KNOWN | {"penalti"})) == ""


def test_questions_of_other_types_or_without_a_noun_check_nothing():
    ctx = toy_context(DOCS, hits=["res/clause/1"], known=KNOWN)
    for question in ("Who must report to the Council?", "What must Member States do?"):
        a = analyse_question(question, "en")
        assert answer_noun_groups(a, "en", ctx) is None
        assert names_noun(None, support(ctx), ctx)


def test_a_light_verb_is_read_through_its_object():
    # "play a key role": the text says what the X does in other words (发挥作用), never "play"; the object
    # is what the clause must be able to say, and an object the corpus never uses still rules the clause out.
    ctx = toy_context(DOCS, hits=["res/clause/1"], known=KNOWN | {"role"})
    a = analyse_question("Which countries play a key role in reporting to the Council?", "en")
    assert a.answer_verb == "role"
    assert unnamed(a, "en", support(ctx), ctx) == ""
    a = analyse_question("Which countries play football?", "en")
    assert unnamed(a, "en", support(ctx), ctx) == "football"


def test_a_verb_of_correspondence_is_no_verb_a_clause_must_state():
    # "aligns with", 相一致: texts word a correspondence many ways ("in line with", 符合); what is asked is the noun.
    ctx = toy_context(DOCS, hits=["res/clause/1"], known=KNOWN)
    for question, lang in (
        ("Which countries align with the Council?", "en"),
        ("这项决议与哪些国家相一致？", "zh"),
    ):
        a = analyse_question(question, lang)
        assert a.answer_noun and a.answer_verb == ""
    a = analyse_question("Which countries align with the Council?", "en")
    assert unnamed(a, "en", support(ctx), ctx) == ""


def test_a_part_noun_is_the_kind_of_item_a_list_is_made_of_not_a_word_the_clause_must_use():
    # "stages" is unknown to this corpus, as "penalties" is; but a clause lists stages in its own words
    # ("from design to deployment"), so a part noun rules no clause out.
    ctx = toy_context(DOCS, hits=["res/clause/1"], known=KNOWN)
    for question, lang in (("Which stages does the report cover?", "en"), ("报告说的过程，包括哪些阶段？", "zh")):
        a = analyse_question(question, lang)
        assert answer_noun_groups(a, lang, ctx) is None
        assert unnamed(a, lang, support(ctx), ctx) == ""


def test_a_generic_noun_is_named_by_another_word_of_its_kind():
    # "tools" is unknown to this corpus; a clause on "systems" names tools all the same, one on reports does not.
    systems = {"res": ("resolution", [("clause", "Member States shall stop using unsafe systems.")])}
    a = analyse_question("Which tools must Member States stop using?", "en")
    known = KNOWN | {"stop", "use", "unsaf", "system"}
    on_systems = toy_context(systems, hits=["res/clause/1"], known=known)
    assert unnamed(a, "en", support(on_systems), on_systems) == ""
    ctx = toy_context(DOCS, hits=["res/clause/1"], known=known)
    assert unnamed(a, "en", support(ctx), ctx) == "tools"


def test_a_word_of_an_everyday_phrasing_is_no_answer_noun_to_check():
    a = analyse_question("Which sister agencies does the resolution name?", "en")
    assert answer_noun_groups(a, "en", toy_context(DOCS, hits=["res/clause/1"], known=KNOWN)) is None


def test_an_everyday_name_stays_the_questions_own_noun():
    # "poorer countries" names developing countries; the question still asks for countries of that kind
    a = analyse_question("Which poorer countries does the resolution name?", "en")
    assert answer_noun_groups(a, "en", toy_context(DOCS, hits=["res/clause/1"], known=KNOWN)) is not None
