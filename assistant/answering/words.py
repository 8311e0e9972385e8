"""Words that shape a question but say nothing of its topic, shared by question analysis and evidence scoring."""

from __future__ import annotations

# Auxiliaries start a question's predicate: "what *is* …" names no answer noun, and the nouns and
# qualifiers after "which" end at one (answer_class.py, qualifiers.py).
AUXILIARIES: tuple[str, ...] = (
    *("is", "are", "was", "were", "does", "do", "did", "has", "have", "had"),
    *("can", "could", "should", "must", "will", "would"),
)

# Interrogatives, auxiliaries, articles and prepositions in both languages.
QUESTION_FUNCTION_WORDS: frozenset[str] = frozenset(
    [
        "a",
        "about",
        "according",
        "an",
        "and",
        "any",
        "are",
        "be",
        "been",
        "by",
        "else",
        "for",
        "how",
        "in",
        "is",
        "it",
        "its",
        "many",
        "me",
        "mention",
        "much",
        "of",
        "on",
        "or",
        "please",
        "said",
        "say",
        "says",
        "tell",
        "that",
        "the",
        "there",
        "these",
        "this",
        "those",
        "to",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "whose",
        "why",
        "with",
        "与",
        "为什么",
        "么",
        "了",
        "什么",
        "他",
        "他们",
        "何",
        "几",
        "吗",
        "呢",
        "和",
        "哪",
        "哪个",
        "哪些",
        "哪里",
        "在",
        "多少",
        "她",
        "如何",
        "它",
        "它们",
        "怎么",
        "怎样",
        "提到",
        "是",
        "是否",
        "有",
        "根据",
        "的",
        "说",
        "谁",
        "还",
        "那么",
    ]
)


# Words after a Chinese answer noun that are no verb of what the X did: modal and auxiliary verbs, the
# copula, particles, prepositions and conjunctions (哪些组织*应*…, 哪些国家*的*代表团, 哪些机构*与*…).
ZH_NOT_VERBS: frozenset[str] = frozenset(
    (
        *("应", "应该", "应当", "要", "需要", "必须", "能", "能够", "可以", "可", "会", "将", "已", "已经", "曾"),
        *("是", "为", "有", "在", "都", "也", "还", "又", "被", "把", "和", "与", "及", "或", "的", "了", "对"),
        *("向", "给", "跟", "同", "从", "由", "以", "于", "等", "之", "中", "里", "上", "最", "更", "正在"),
    )
)
