"""What the UI shows, as pure functions of the data: citation cards, chat messages, plain text, Markdown.

Nothing here touches Gradio or the index, so every output is unit-tested as
text. HTML is always built from escaped pieces; quotes are shown as written.

* `render_citations(answer, documents)`: the citations panel (cards, and a
  "Copy answer" button carrying the plain-text form);
* `format_answer_markdown(answer)`: the chat message, with [n] as footnote links;
* `answer_plain_text(answer, documents)`: what "Copy answer" puts on the clipboard;
* `conversation_markdown(title, turns, documents)`: a conversation exported with its citations;
* `friendly_error(exc)`: what a failed question tells the user (never a traceback).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

from assistant.schema import Answer, Citation, Document, DocumentInfo, Turn, short_title
from assistant.script import is_traditional, language_tag, traditional_region
from assistant.text import CITATION_MARKER, has_cjk

PANEL_EMPTY = (
    '<div class="cite-empty">Citations for the latest answer appear here.<br>最新回答的引文将显示在这里。</div>'
)
PANEL_ABSTAINED = (
    '<div class="cite-empty cite-abstained"><span class="badge badge-abstain">Not in the corpus · 语料中没有</span>'
    "<p>No clause in the indexed documents supports an answer, so nothing is cited.<br>"
    "语料中没有支持回答的条款，因此没有引文。</p></div>"
)
PANEL_ERROR = (
    '<div class="cite-empty">No citations: the question was not answered.<br>问题未作回答，因此没有引文。</div>'
)
ABSTAIN_BADGE = '<span class="badge badge-abstain">Not in the corpus · 语料中没有</span>'

# Lines of document text shown around a cited clause, and a cap in characters
# for sources whose paragraphs are single long lines.
CONTEXT_LINES = 3
CONTEXT_CHARS = 480

# Characters Markdown would act on; quotes are shown as written, not formatted.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~])")


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def escape_markdown(text: str) -> str:
    """`text` shown literally by the chatbot's Markdown: HTML escaped, Markdown specials backslashed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


# -- words ----------------------------------------------------------------------------------------------------


def unit_words(label: str, kind: str, lang: str) -> str:
    """How a numbered unit is called: "clause 7" in a resolution, "paragraph 3" in an article (news item)."""
    if not label:
        return ""
    if kind == "article":
        return f"第 {label} 段" if lang == "zh" else f"paragraph {label}"
    return f"第 {label} 项" if lang == "zh" else f"clause {label}"


def _unit_both(label: str, kind: str, lang: str) -> str:
    first, second = unit_words(label, kind, lang), unit_words(label, kind, "en" if lang == "zh" else "zh")
    return f"{first} · {second}" if first else ""


def _kind(documents: Mapping[str, Document], doc_id: str) -> str:
    doc = documents.get(doc_id)
    return doc.info.kind if doc else "resolution"


# -- citations panel ------------------------------------------------------------------------------------------


def _context_window(text: str, start: int, end: int) -> tuple[str, str, str, bool, bool]:
    """(before, clause, after, cut_before, cut_after): `CONTEXT_LINES` lines of `text` either side of [start:end]."""
    a = text.rfind("\n", 0, start) + 1  # start of the clause's first line
    for _ in range(CONTEXT_LINES):
        if a == 0:
            break
        a = text.rfind("\n", 0, a - 1) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b  # end of the clause's last line
    for _ in range(CONTEXT_LINES):
        if b >= len(text):
            break
        nxt = text.find("\n", b + 1)
        b = len(text) if nxt < 0 else nxt
    a = max(a, start - CONTEXT_CHARS)
    b = min(b, end + CONTEXT_CHARS)
    return text[a:start], text[start:end], text[end:b], a > 0, b < len(text)


def _card(n: int, c: Citation, doc: Document | None, anchor: str) -> str:
    """One citation card: document, where in it, the quote, and the quote in its surroundings."""
    info = doc.info if doc else None
    title = c.doc_title or (info.title(c.lang) if info else c.doc_id)
    other_title = ""
    if info:
        other_title = info.title_en if c.lang == "zh" else info.title_zh
        if other_title == title:
            other_title = ""
    section = c.bilingual_section("{} · {}")
    where = []
    if section:
        where.append(f"<b>{_esc(section)}</b>")
    if c.label:
        where.append(_esc(_unit_both(c.label, info.kind if info else "resolution", c.lang)))
    if c.page is not None:
        where.append(_esc(f"p. {c.page} · 第{c.page}页"))

    parts = [
        f'<div class="cite-card" id="{_esc(anchor)}" data-chunk="{_esc(c.chunk_id)}">',
        '<div class="cite-head">',
        f'<span class="cite-n">[{n}]</span>',
        f'<span class="cite-title">{_esc(title)}</span>',
        "</div>",
    ]
    if other_title:
        parts.append(f'<div class="cite-title-other">{_esc(other_title)}</div>')
    if c.doc_number:
        parts.append(f'<div class="cite-docno">{_esc(c.doc_number)}</div>')
    if where:
        parts.append(f'<div class="cite-where">{" · ".join(where)}</div>')
    quote = f'<blockquote class="cite-quote" lang="{_esc(c.lang)}">「{_esc(c.quote)}」</blockquote>'
    if c.parallel_quote:
        # The linked clause of the other language version, side by side with the source.
        parts.append(
            '<div class="cite-parallel">'
            f"{quote}"
            f'<blockquote class="cite-quote cite-quote-parallel" lang="{_esc(c.parallel_lang)}" '
            f'title="{_esc(c.parallel_chunk_id)}">「{_esc(c.parallel_quote)}」'
            f'<div class="cite-meta">{_esc(c.parallel_label)}</div></blockquote></div>'
        )
    else:
        parts.append(quote)

    if doc is not None and 0 <= c.start <= c.end <= len(doc.text):
        before, clause, after, cut_before, cut_after = _context_window(doc.text, c.start, c.end)
        parts.append(
            f'<div class="cite-context" lang="{_esc(c.lang)}" title="The quote in its document · 引文在原文中的位置">'
            f"{'…' if cut_before else ''}{_esc(before)}<mark>{_esc(clause)}</mark>{_esc(after)}"
            f"{'…' if cut_after else ''}</div>"
        )
    # Ids, offsets and scores help whoever tunes retrieval, not a delegate: shown from the Advanced panel.
    parts.append(
        f'<div class="cite-meta cite-tech">{_esc(c.chunk_id)} · chars {c.start}–{c.end} · score {c.score:.3f}</div>'
        "</div>"
    )
    return "".join(parts)


def _copy_button(answer: Answer, documents: Mapping[str, Document]) -> str:
    plain = answer_plain_text(answer, documents)
    return (
        '<div class="answer-actions">'
        f'<button type="button" class="copy-answer" data-copy="{_esc(plain)}" '
        'title="Copy the answer and its references as plain text · 以纯文本复制回答及引文">'
        "Copy answer · 复制回答</button></div>"
    )


def render_citations(answer: Answer, documents: Mapping[str, Document], *, id_prefix: str = "cite") -> str:
    """The citations panel for `answer`: a "Copy answer" button and one card per citation, all text escaped.

    Cards get the ids `<id_prefix>-1`, `<id_prefix>-2`, … that the answer's
    footnote links point at. An abstention renders a neutral "not in the
    corpus" note instead of cards.
    """
    actions = _copy_button(answer, documents)
    if answer.abstained:
        return actions + PANEL_ABSTAINED
    if not answer.citations:
        return actions + '<div class="cite-empty">This answer cites no clause.<br>此回答没有引用条款。</div>'
    cards = [_card(n, c, documents.get(c.doc_id), f"{id_prefix}-{n}") for n, c in enumerate(answer.citations, start=1)]
    return f'{actions}<div class="cite-list">{"".join(cards)}</div>'


# -- chat messages --------------------------------------------------------------------------------------------


def format_answer_markdown(answer: Answer, *, id_prefix: str = "cite") -> str:
    """The chat message for `answer`: its text with [n] turned into footnote links, plus a badge if it abstained."""
    count = len(answer.citations)
    out: list[str] = []
    pos = 0
    for m in CITATION_MARKER.finditer(answer.text):
        n = int(m.group(1))
        if not 1 <= n <= count:
            continue  # a bracketed number in the quote, not a footnote
        out.append(escape_markdown(answer.text[pos : m.start()]))
        out.append(f'<a href="#{id_prefix}-{n}" class="footnote" title="Show citation {n} · 查看引文 {n}">[{n}]</a>')
        pos = m.end()
    out.append(escape_markdown(answer.text[pos:]))
    text = "".join(out)
    if answer.abstained:
        text = f"{ABSTAIN_BADGE}\n\n{text}"
    for note in answer.notes:
        text += f"\n\n*{escape_markdown(note)}*"
    return _in_language(text, answer.lang_tag)


def _in_language(markdown: str, tag: str) -> str:
    """`markdown` marked as written in `tag` (zh-Hant-TW …), so that the browser picks that script's glyphs
    rather than the page's (zh-Hans for the interface); as it is when `tag` is "". The blank lines keep the
    Markdown inside the <div> read as Markdown."""
    return f'<div lang="{_esc(tag)}">\n\n{markdown}\n\n</div>' if tag else markdown


def _question_markdown(question: str) -> str:
    """A question's chat message, marked with its language tag when it is written in traditional characters."""
    tag = language_tag("zh", traditional_region(question)) if is_traditional(question) else ""
    return _in_language(escape_markdown(question), tag)


def answer_id_prefix(message_index: int) -> str:
    """Footnote ids of the answer at `message_index` of the chat: unique per message, so old answers still link."""
    return f"cite-{message_index}"


def chat_messages(turns: Sequence[Turn], pending: str = "") -> list[dict[str, str]]:
    """The chatbot's messages for `turns` (question, answer, …), plus a `pending` question still being answered."""
    messages: list[dict[str, str]] = []
    for turn in turns:
        messages.append({"role": "user", "content": _question_markdown(turn.question)})
        if turn.answer is not None:
            prefix = answer_id_prefix(len(messages))
            messages.append({"role": "assistant", "content": format_answer_markdown(turn.answer, id_prefix=prefix)})
    if pending.strip():
        messages.append({"role": "user", "content": _question_markdown(pending.strip())})
    return messages


def turn_of_message(turns: Sequence[Turn], index: object) -> tuple[int, Turn] | None:
    """(message index of the answer, turn) for a click on chat message `index` (a question maps to its answer)."""
    if isinstance(index, (list, tuple)):
        index = index[0] if index else None
    if not isinstance(index, int) or index < 0:
        return None
    n = index // 2
    if n >= len(turns) or turns[n].answer is None:
        return None
    return 2 * n + 1, turns[n]


# -- plain text and Markdown ----------------------------------------------------------------------------------


def reference_head(c: Citation, kind: str, lang: str) -> str:
    """Where a citation points, e.g. `EUR/44A25/1, 责成秘书长 (instructs the Secretary-General), clause 7`."""
    parts = [c.doc_number or short_title(c.doc_title) or c.doc_id]
    if section := c.bilingual_section():
        parts.append(section)
    if c.label:
        parts.append(unit_words(c.label, kind, lang))
    if c.page is not None:
        parts.append(f"第 {c.page} 页" if lang == "zh" else f"p. {c.page}")
    return ("，" if lang == "zh" else ", ").join(parts)


def citation_reference(n: int, c: Citation, kind: str, lang: str) -> str:
    """One numbered reference, as a delegate pastes it into a note.

    Example: `[1] EUR/44A25/1, 责成秘书长 (instructs the Secretary-General), clause 7: 「…」`.
    """
    colon = "：" if lang == "zh" else ": "
    return f"[{n}] {reference_head(c, kind, lang)}{colon}「{c.quote}」"


def answer_plain_text(answer: Answer, documents: Mapping[str, Document] | None = None) -> str:
    """The answer, then its numbered references: plain text, no HTML or Markdown."""
    documents = documents or {}
    lines = [answer.text.strip()]
    lines.extend(note for note in answer.notes)
    refs = [
        citation_reference(n, c, _kind(documents, c.doc_id), answer.language)
        for n, c in enumerate(answer.citations, start=1)
    ]
    if refs:
        lines.append("")
        lines.extend(refs)
    return "\n".join(lines)


def conversation_markdown(title: str, turns: Sequence[Turn], documents: Mapping[str, Document] | None = None) -> str:
    """A conversation as Markdown: each question, its answer, and its citations (document, section, clause, quote)."""
    documents = documents or {}
    out = [f"# {_md_line(title) or 'Conversation'}", ""]
    for i, turn in enumerate(turns, start=1):
        out += [f"## {i}. {_md_line(turn.question)}", ""]
        answer = turn.answer
        if answer is None:
            out += ["*(not answered)*", ""]
            continue
        if answer.abstained:
            out += ["*Not in the corpus · 语料中没有*", ""]
        out += [_md_text(answer.text), ""]
        out += [f"*{_md_text(note)}*" for note in answer.notes]
        for n, c in enumerate(answer.citations, start=1):
            head = reference_head(c, _kind(documents, c.doc_id), answer.language)
            out.append(f"[{n}] {_md_text(head)}")
            quote = "\n> ".join(_md_text(line) for line in c.quote.splitlines() or [""])
            out.append(f"> 「{quote}」")
            out.append("")
        if answer.citations:
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _md_line(text: str) -> str:
    return _md_text(" ".join(text.split()))


def _md_text(text: str) -> str:
    """Text kept literal in Markdown: special characters backslashed, no HTML interpreted; [n] kept readable."""
    return re.sub(r"([\\`*_{}#|~<>])", r"\\\1", text)


# -- errors and the first screen ------------------------------------------------------------------------------


def friendly_error(exc: BaseException) -> str:
    """A message saying, in both languages, what went wrong and what to do; never a traceback."""
    # Here, not at the top: the page is served before the question-answering stack is imported.
    from assistant.questions import (
        DocumentNotIndexedError,
        EmptyQuestionError,
        QuestionError,
        QuestionTooLongError,
        UnsupportedQuestionLanguageError,
    )
    from assistant.store import AssistantIndexError

    if isinstance(exc, EmptyQuestionError):
        return "Please type a question first. · 请先输入问题。"
    if isinstance(exc, QuestionTooLongError):
        return f"That question is too long ({exc}). Please shorten it. · 问题太长，请缩短后再问。"
    if isinstance(exc, UnsupportedQuestionLanguageError):
        return "Please ask in English or Chinese. · 请用中文或英文提问。"
    if isinstance(exc, DocumentNotIndexedError):  # a document removed meanwhile: rewording would not help
        return (
            f"{exc}. Choose the documents again, or clear the filter to ask all of them. · "
            "所选文件不在索引中：请重新选择文件，或清空筛选以查询全部文件。"
        )
    if isinstance(exc, QuestionError):
        return f"I can't answer that as asked: {exc}. · 无法按原样回答这个问题，请换一种问法。"
    if isinstance(exc, AssistantIndexError):
        return "The search index is not available right now; the error has been logged. · 检索索引暂不可用，已记录。"
    return (
        "Something went wrong while answering; the error has been logged. Please try again. · "
        "回答时出错，已记录，请重试。"
    )


_LANG_NAMES = {"zh": ("Chinese", "中文"), "en": ("English", "英文")}
_KIND_NAMES = {"resolution": ("resolution", "决议"), "article": ("news item", "新闻稿")}


def corpus_summary(infos: Sequence[DocumentInfo], ui_lang: str = "both") -> str:
    """One line on what is loaded and in which languages, e.g. "2 documents: 1 Chinese resolution (EUR/44A25/1), …"."""
    if not infos:
        en = "No documents are loaded yet: add some in the Documents tab."
        zh = "尚未加载任何文件：请在“文件”标签页中添加。"
        return _pick(en, zh, ui_lang)
    en_parts, zh_parts = [], []
    for info in infos:
        lang_en, lang_zh = _LANG_NAMES.get(info.language, (info.language, info.language))
        kind_en, kind_zh = _KIND_NAMES.get(info.kind, (info.kind, info.kind))
        name_en = info.doc_number or short_title(info.title_en or info.title_zh or info.id)
        name_zh = info.doc_number or short_title(info.title_zh or info.title_en or info.id)
        en_parts.append(f"{lang_en} {kind_en} ({name_en})")
        zh_parts.append(f"{lang_zh}{kind_zh}（{name_zh}）")
    shown = 4  # a long library is listed in the Documents tab
    more_en = f", and {len(infos) - shown} more" if len(infos) > shown else ""
    more_zh = f"，另有 {len(infos) - shown} 份" if len(infos) > shown else ""
    n = len(infos)
    listed = "; ".join(en_parts[:shown])
    en = f"{n} document{'s' if n != 1 else ''} loaded: {listed}{more_en}. Ask in English or Chinese."
    zh = f"已加载 {n} 份文件：{'；'.join(zh_parts[:shown])}{more_zh}。可用中文或英文提问。"
    return _pick(en, zh, ui_lang)


def _pick(en: str, zh: str, ui_lang: str) -> str:
    if ui_lang == "en":
        return en
    if ui_lang == "zh":
        return zh
    return f"{en}<br>{zh}"


# Questions known to be answered by the bundled documents, by document id.
_CURATED: dict[str, tuple[str, ...]] = {
    "eur-44a25-1": ("Who must report to Council?", "谁必须向理事会报告？", "谁负责与成员国分享信息？"),
    "unido-unga-ai-resolution": ("How many member states supported the UN resolution?",),
}


def example_questions(infos: Sequence[DocumentInfo], limit: int = 6) -> list[str]:
    """Example questions drawn from the loaded documents, in both languages (curated ones for the bundled texts)."""
    examples: list[str] = []
    for info in infos:
        curated = _CURATED.get(info.id)
        if curated:
            examples.extend(curated)
            continue
        name_en = info.doc_number or short_title(info.title_en or info.title_zh or info.id)
        name_zh = info.doc_number or short_title(info.title_zh or info.title_en or info.id)
        if info.kind == "resolution":
            examples += [f"What does {name_en} ask the Secretary-General to do?", f"《{name_zh}》要求秘书长做什么？"]
        else:
            examples += [f"What is {name_en} about?", f"《{name_zh}》的主要内容是什么？"]
    # Alternate languages so that both show even when the list is cut.
    en = [q for q in examples if not has_cjk(q)]
    zh = [q for q in examples if has_cjk(q)]
    mixed = [q for pair in zip(en, zh, strict=False) for q in pair] + en[len(zh) :] + zh[len(en) :]
    return list(dict.fromkeys(mixed))[:limit]
