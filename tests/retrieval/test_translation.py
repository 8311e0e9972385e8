"""Query translation: glossary first, dictionary phrases before words, only what the index holds."""

from assistant.retrieval.dictionary import parse_cedict
from assistant.retrieval.translation import AnyTerms, TranslationWeights, translate_query, zh_index_token

LEX = parse_cedict(
    [
        "報告 报告 [bao4 gao4] /to report/report/",
        "發展中國家 发展中国家 [fa1 zhan3 zhong1 guo2 jia1] /developing country/",
        "國家 国家 [guo2 jia1] /country/nation/",
        "超級碗 超级碗 [Chao1 ji2 Wan3] /Super Bowl/",
        "碗 碗 [wan3] /bowl/",
        "許多 许多 [xu3 duo1] /many/",
        "防守 防守 [fang2 shou3] /to defend/",
        "丹佛 丹佛 [Dan1 fo2] /Denver/",
        "球隊 球队 [qiu2 dui4] /team/",
    ]
)


class Terms:
    def __init__(self, tokens, df=None):
        self.tokens = set(tokens)
        self.dfs = df or {}

    def __contains__(self, token):
        return token in self.tokens

    def df(self, token):
        return self.dfs.get(token, 1)


def _by_source(query):
    return {g.source.lower(): g for g in query.translations}


def test_glossary_wins_over_the_dictionary():
    q = translate_query("Who must report to Council?", "en", Terms({"理事会", "·报告"}), LEX)
    groups = _by_source(q)
    assert groups["council"].origin == "glossary" and groups["council"].tokens == ("理事会",)
    assert "council" in q.tokens  # the question's own words stay for same-language text


def test_phrases_are_translated_before_their_words():
    terms = Terms({"发展中国家", "·国家"})
    q = translate_query("Which developing countries joined?", "en", terms, LEX)
    groups = _by_source(q)
    assert groups["developing countries"].tokens == ("发展中国家",)
    assert "countries" not in groups  # not translated again on its own


def test_a_phrase_jieba_never_made_falls_back_to_its_rarest_bigram():
    terms = Terms({"·超级", "·级碗", "碗"}, df={"·超级": 40, "·级碗": 2})
    q = translate_query("Who won the Super Bowl?", "en", terms, LEX)
    assert _by_source(q)["super bowl"].tokens == ("·级碗",)
    assert zh_index_token("超级碗", terms, partial=False) is None


def test_only_translations_the_index_holds_are_kept_and_coverage_counts_the_rest():
    q = translate_query("How many points did the Denver defense allow?", "en", Terms({"丹佛"}), LEX)
    groups = _by_source(q)
    assert set(groups) == {"denver"}  # "how many" is a question phrase, not 许多
    assert 0 < q.coverage < 1


def test_numbers_and_latin_names_pass_through_as_the_questions_own_tokens():
    q = translate_query("What happened in 2015 to the Broncos?", "en", Terms(set()), LEX)
    assert "2015" in q.tokens and "bronco" in q.tokens
    assert not q.translations


def test_chinese_questions_get_english_glosses():
    q = translate_query("丹佛的球队防守如何？", "zh", AnyTerms(), LEX)
    groups = {g.source: g for g in q.translations}
    assert groups["丹佛"].tokens == ("denver",)
    assert groups["防守"].tokens == ("defend",)
    assert groups["球队"].tokens == ("team",)


def test_weights_are_applied_per_kind():
    weights = TranslationWeights(glossary=2.0, word=0.3)
    q = translate_query("Does the Council defend Denver?", "en", AnyTerms(), LEX, weights)
    groups = _by_source(q)
    assert groups["council"].weight == 2.0 and groups["denver"].weight == 0.3


def test_describe_says_why_a_clause_matched():
    q = translate_query("Who must report to Council?", "en", AnyTerms(), LEX)
    assert "Council → 理事会 (glossary)" in [g.describe() for g in q.translations]


def test_by_default_the_glossary_counts_more_than_a_dictionary_word():
    q = translate_query("Does the Council defend Denver?", "en", AnyTerms(), LEX)
    groups = {g.source.lower(): g for g in q.translations}
    assert groups["council"].origin == "glossary" and groups["denver"].origin == "dictionary"
    assert groups["council"].weight > groups["denver"].weight


def test_english_forms_stem_with_the_table_given():
    from assistant.retrieval.translation import english_forms

    assert english_forms("Countries")[:2] == ["countries", "country"]
    assert "poor" not in english_forms("poorer")  # the retrieval table has no comparative
    assert "poor" in english_forms("poorer", (("er", ""),))
