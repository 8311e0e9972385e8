"""Parser for news articles: title, dateline, paragraphs, tagged boilerplate."""

from __future__ import annotations

import re

from assistant.chunking.base import lines_of, paragraph_chunks
from assistant.schema import Chunk, Document

# "New York, 21 March, 2004 –" / "GENEVA, 3 May 2024 -" / "日内瓦，2024年5月3日——"
_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Za-z .'-]{1,40},\s*\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}"
    r"|[A-Z][A-Za-z .'-]{1,40},\s*[A-Z][a-z]+\s+\d{1,2},?\s+\d{4}"
    r"|[\u4e00-\u9fff]{2,10}[，,]\s*\d{4}年\d{1,2}月\d{1,2}日)\s*(?:[–—-]{1,2}|——)\s*"
)
# A line that is boilerplate on its own, and a heading after which everything is.
_BOILERPLATE_LINE = re.compile(r"^(read more( here)?|share( this)?|follow us|back to top|阅读更多|更多信息)\W*$", re.I)
_BOILERPLATE_START = re.compile(r"^(disclaimer|terms of use|copyright|免责声明|版权)\W*$", re.I)


def parse_article(doc: Document) -> list[Chunk]:
    """Title, dateline, body paragraphs and boilerplate of a news article, each a chunk."""
    lines = lines_of(doc.text)
    if len(lines) < 2:
        return paragraph_chunks(doc, "an article needs a title and at least one paragraph")
    lang = doc.info.language
    common = dict(doc_id=doc.id, lang=lang)
    title = lines[0]
    chunks = [
        Chunk(
            id=f"{doc.id}/title",
            text=title.text,
            kind="title",
            section_kind="header",
            start=title.start,
            end=title.end,
            section="标题" if lang == "zh" else "title",
            section_en="title",
            section_zh="标题",
            path=("title",),
            **common,
        )
    ]
    body = boiler = 0
    in_boilerplate = False
    heading = ""  # the notice's heading ("Disclaimer"): what its blocks are about, for "What does the disclaimer say?"
    for line in lines[1:]:
        start = line.start
        if not in_boilerplate and body == 0 and (m := _DATELINE.match(line.text)):
            date_end = line.start + m.end("dateline")
            chunks.append(
                Chunk(
                    id=f"{doc.id}/dateline",
                    text=doc.text[line.start : date_end],
                    kind="dateline",
                    section_kind="header",
                    start=line.start,
                    end=date_end,
                    section="电头" if lang == "zh" else "dateline",
                    section_en="dateline",
                    section_zh="电头",
                    path=("dateline",),
                    **common,
                )
            )
            start = line.start + m.end()
        if not in_boilerplate and _BOILERPLATE_START.match(line.text):
            in_boilerplate, heading = True, line.text.strip()
            boiler += 1
            chunks.append(_numbered(doc, "boilerplate", boiler, start, line.end, boilerplate=True))
            continue
        if in_boilerplate or _BOILERPLATE_LINE.match(line.text):
            boiler += 1
            chunks.append(_numbered(doc, "boilerplate", boiler, start, line.end, boilerplate=True, context=heading))
            continue
        body += 1
        chunks.append(_numbered(doc, "body", body, start, line.end, context=chunks[0].text))
    return chunks


# Section names of the two kinds of numbered article chunks, in English and Chinese.
_NUMBERED = {"body": ("paragraph", "body", "正文"), "boilerplate": ("boilerplate", "boilerplate", "附注")}


def _numbered(doc: Document, part: str, n: int, start: int, end: int, **extra: object) -> Chunk:
    """The n-th body paragraph or boilerplate block of an article."""
    kind, en, zh = _NUMBERED[part]
    lang = doc.info.language
    return Chunk(
        id=f"{doc.id}/{part}/{n}",
        doc_id=doc.id,
        text=doc.text[start:end],
        lang=lang,
        kind=kind,  # type: ignore[arg-type]
        section_kind=part,  # type: ignore[arg-type]
        start=start,
        end=end,
        section=zh if lang == "zh" else en,
        section_en=en,
        section_zh=zh,
        label=f"¶{n}",
        path=(part, str(n)),
        **extra,  # type: ignore[arg-type]
    )
