"""Which characters are Chinese: one definition for the whole package.

The copies this replaces disagreed: some missed 〇 (二〇二二年), extension A or the
supplementary planes, so a date or a rare name counted as Chinese in one module
and not in the next.

Example:
    >>> has_cjk("二〇二二年"), has_cjk("ITU 2022"), CJK_RUN.findall("AI 人工智能 and 〇")
    (True, False, ['人工智能', '〇'])
"""

from __future__ import annotations

import re

# CJK ideographs incl. extension A, compatibility ideographs, the supplementary planes, and 〇.
CJK_CHARS = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK_CHAR = re.compile(f"[{CJK_CHARS}]")
CJK_RUN = re.compile(f"[{CJK_CHARS}]+")


def has_cjk(text: str) -> bool:
    """Whether `text` holds at least one Chinese character."""
    return CJK_CHAR.search(text) is not None
