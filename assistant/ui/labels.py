"""Interface wording in English, Chinese, or both, chosen by the language toggle.

Every label the interface shows comes from `LABELS`; `label(key, lang)` gives
it in one language or as "English · 中文" (the default: the corpus and its
users are bilingual). Citation cards are not translated: they show the
source's own words and its headings in both languages.

Example:
    >>> label("ask", "zh"), label("ask", "en"), label("ask", "both")
    ('提问', 'Ask', 'Ask · 提问')
"""

from __future__ import annotations

from typing import Literal, get_args

UiLanguage = Literal["both", "en", "zh"]
UI_LANGUAGES: tuple[UiLanguage, ...] = get_args(UiLanguage)
DEFAULT_UI_LANGUAGE: UiLanguage = "both"
# The page's <html lang>: "both" renders as Chinese so that Han characters get Chinese (not Japanese)
# glyphs; Latin text looks the same under either.
HTML_LANG: dict[str, str] = {"both": "zh-Hans", "en": "en", "zh": "zh-Hans"}

LABELS: dict[str, tuple[str, str]] = {
    "title": ("UN/ITU Assistant", "联合国/国际电联问答助手"),
    "tab_ask": ("Ask", "提问"),
    "tab_documents": ("Documents", "文件"),
    "ask": ("Ask", "提问"),
    "placeholder": ("Ask in English or Chinese", "用中文或英文提问"),
    "placeholder_both": ("Ask in English or 中文…", "Ask in English or 中文…"),
    "chat": ("Chat", "对话"),
    "citations": ("Citations", "引文"),
    "examples": ("Examples", "示例问题"),
    "advanced": ("Advanced", "高级"),
    "top_k": ("Clauses to retrieve", "检索条款数"),
    "retriever": ("Retrieval method", "检索方式"),
    "retriever_info": ("hybrid = meaning + keywords (recommended)", "混合 = 语义 + 关键词（推荐）"),
    "doc_filter": ("Search only in", "仅在这些文件中检索"),
    "doc_filter_info": ("Empty = all documents", "留空表示全部文件"),
    "tech": ("Show technical details (clause ids, offsets, scores)", "显示技术细节（条款编号、位置、分数）"),
    "llm": ("Answer with the language model", "用大模型作答"),
    "conversation": ("Conversation", "对话记录"),
    "new_conversation": ("New conversation", "新对话"),
    "delete_conversation": ("Delete", "删除"),
    "export": ("Export Markdown", "导出 Markdown"),
    "interface_language": ("Interface", "界面语言"),
    "feedback_note": ("Note on this answer (optional)", "对此回答的备注（可选）"),
    "feedback_send": ("Send note", "发送备注"),
    "upload": (
        "Add documents: PDF, Word (.docx), HTML, Markdown, text",
        "添加文件：PDF、Word（.docx）、HTML、Markdown、文本",
    ),
    "add_files": ("Add to the library", "加入文件库"),
    "library": ("Library", "文件库"),
    "document": ("Document", "文件"),
    "remove": ("Remove…", "删除…"),
    "confirm_remove": ("Yes, remove it", "确认删除"),
    "cancel": ("Cancel", "取消"),
    "preview": ("How it is split into clauses", "条款切分预览"),
    "loading": ("Loading the search model… you can type your question now.", "正在加载检索模型……现在即可输入问题。"),
}


def label(key: str, lang: str = DEFAULT_UI_LANGUAGE) -> str:
    """The label `key` in `lang` ("en", "zh" or "both"); an unknown language gives both."""
    en, zh = LABELS[key]
    if lang not in ("en", "zh") and f"{key}_both" in LABELS:
        return LABELS[f"{key}_both"][0]  # a short form where "English · 中文" would not fit (the phone's input box)
    if lang == "en":
        return en
    if lang == "zh":
        return zh
    return f"{en} · {zh}"


def ui_language(value: object) -> UiLanguage:
    """`value` if it names an interface language, else the default (e.g. a tampered browser store)."""
    return value if value in UI_LANGUAGES else DEFAULT_UI_LANGUAGE  # type: ignore[return-value]
