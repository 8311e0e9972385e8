"""Bodies a question names that the corpus never mentions (assistant/answering/bodies.py)."""

import pytest

from assistant.answering.bodies import absent_bodies
from assistant.retrieval.dictionary import parse_cedict
from assistant.schema import Chunk

LEXICON = parse_cedict(
    [
        "世界衛生組織 世界卫生组织 [Shi4 jie4 Wei4 sheng1 Zu3 zhi1] /World Health Organization (WHO)/",
        "世界銀行 世界银行 [Shi4 jie4 Yin2 hang2] /World Bank/",
        "非洲聯盟 非洲联盟 [Fei1 zhou1 Lian2 meng2] /African Union/",
        "聯合國兒童基金會 联合国儿童基金会 [Lian2 he2 guo2 Er2 tong2 Ji1 jin1 hui4] "
        "/United Nations Children's Fund/UNICEF/",
        "經合組織 经合组织 [Jing1 He2 Zu3 zhi1] /Organization for Economic Cooperation and Development, OECD/",
        "國際勞工組織 国际劳工组织 [Guo2 ji4 Lao2 gong1 Zu3 zhi1] /International Labour Organization (ILO)/",
        "安理會 安理会 [An1 Li3 hui4] /(United Nations) Security Council/",
        "民間組織 民间组织 [min2 jian1 zu3 zhi1] /association/organization/humanitarian organization/NGO/",
        "理事會 理事会 [li3 shi4 hui4] /council/",
        "世界 世界 [shi4 jie4] /world/",
        "誰 谁 [shei2] /who/",
    ]
)
# What the index holds: "·" marks the character bigrams BM25 keeps.
VOCAB = {"oecd", "·国际", "·人工", "·智能", "·世界", "·组织", "·理事", "·事会", "world", "health", "bank"}


def idf(token: str) -> float | None:
    return 2.0 if token in VOCAB else None


def absent(question: str, lang: str = "en", texts: tuple[str, ...] = ()) -> list[str]:
    return absent_bodies(question, lang, idf, texts, LEXICON)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Every word of the name is indexed; the name is not.
        ("Did the World Health Organization take part in the summit?", ["the World Health Organization"]),
        ("Does the draft mention the World Bank?", ["the World Bank"]),
        ("Did the World Bank and the African Union support it?", ["the World Bank", "the African Union"]),
        # The acronym is a stop word: the word check never sees it.
        ("Did WHO help organise the summit?", ["WHO"]),
        ("What does the United Nations Children's Fund do?", ["the United Nations Children's Fund"]),
        # The glossary's "Council" (ITU's) inside the name does not make it a glossary name.
        ("Did the UN Security Council discuss AI?", ["Security Council"]),
    ],
)
def test_an_english_name_of_a_body_the_corpus_never_mentions_is_absent(question, expected):
    assert absent(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("世界卫生组织是否参与了峰会？", ["世界卫生组织"]),
        ("秘书长要与联合国儿童基金会合作吗？", ["联合国儿童基金会"]),
        ("决议草案有没有提到世界银行？", ["世界银行"]),
        ("安理会讨论过人工智能吗？", ["安理会"]),
    ],
)
def test_a_chinese_name_with_an_organisation_suffix_the_corpus_never_mentions_is_absent(question, expected):
    assert absent(question, "zh") == expected


def test_a_body_the_corpus_mentions_in_any_form_is_not_absent():
    # By its acronym in the index (经合组织 is the OECD), in either language.
    assert absent("经合组织有关人工智能的工作包括什么？", "zh") == []
    assert absent("What did the Organisation for Economic Cooperation and Development do?") == []
    # By its English name or its Chinese name in a retrieved text.
    assert absent("Did the World Bank support it?", texts=("a loan from the World Bank",)) == []
    assert absent("世界卫生组织参与了吗？", "zh", texts=("世界卫生组织和国际电联",)) == []
    assert absent("Did WHO take part?", texts=("the WHO and ITU",)) == []


def test_a_class_of_bodies_a_glossary_name_and_an_unknown_name_are_left_to_other_checks():
    assert absent("哪些民间组织参与人工智能治理？", "zh") == []  # a common noun in the dictionary
    assert absent("Did the International Labour Organization cooperate?") == []  # a glossary name
    assert absent("国际劳工组织是合作机构吗？", "zh") == []
    assert absent("Did the Human Rights Council adopt it?") == []  # not in this dictionary
    assert absent("Who must report to the Council?") == []  # a sentence's first word is not an acronym
    assert absent("WHO MUST REPORT TO THE COUNCIL?") == []  # nor is a shouted question's
    assert absent_bodies("Did WHO take part?", "en", idf, (), None) == []  # no dictionary, no body


def test_a_name_in_the_other_script_is_read_whatever_the_question_language():
    # An English question quoting the Chinese name, and a Chinese one quoting the English name.
    assert absent("Did 世界卫生组织 take part in the summit?") == ["世界卫生组织"]
    assert absent("决议草案是否提到World Bank？", "zh") == ["World Bank"]


def test_a_body_named_only_in_a_clause_not_retrieved_is_not_absent():
    # The paragraph naming the World Bank was not retrieved for the question; it is still in the corpus.
    text = "It drew on a loan from the World Bank."
    corpus = (Chunk("a/body/1", "a", text, "en", "paragraph", "body", 0, len(text)),)
    assert absent_bodies("Did the World Bank fund the summit?", "en", idf, (), LEXICON, corpus) == []
    assert absent_bodies("世界银行资助了峰会吗？", "zh", idf, (), LEXICON, corpus) == []
    assert absent_bodies("Did the African Union fund it?", "en", idf, (), LEXICON, corpus) == ["the African Union"]
