"""The dictionary an answer consults: only with dictionary translation on; lenient translations from it."""

from __future__ import annotations

from assistant.answering.lexicons import context_lexicon, context_names, wide_translations
from assistant.retrieval.dictionary import load_lexicon
from tests.answering.toy import toy_context

DOCS = {"d": ("article", [("paragraph", "Member States shall report.")])}


def test_no_lexicon_without_the_dictionarys_glosses_in_the_context():
    assert context_lexicon(toy_context(DOCS)) is None
    assert context_lexicon(toy_context(DOCS, glosses=load_lexicon().english)) is load_lexicon()


def test_proper_names_only_with_the_dictionarys_glosses_in_the_context():
    assert context_names(toy_context(DOCS)) is None
    names = context_names(toy_context(DOCS, glosses=load_lexicon().english))
    assert names is load_lexicon().names
    assert "世界卫生组织" in names.english  # a body the dictionary knows by its English name


def test_wide_translations_keep_the_contexts_and_add_every_dictionary_translation():
    given = {"report": ("报告",)}
    plain = wide_translations("penalty report", "en", toy_context(DOCS, translations=given))
    assert plain == given  # no dictionary: only what the context had
    wide = wide_translations(
        "penalty report", "en", toy_context(DOCS, translations=given, glosses=load_lexicon().english)
    )
    assert wide["report"][0] == "报告" and len(wide["report"]) > 1
    assert wide.get("penalti")  # 罚款, 处罚, …: any form the dictionary knows
