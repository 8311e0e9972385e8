"""The page's CSS and scripts refer to elements the layout really creates."""

from __future__ import annotations

import re

from assistant.ui import assets
from assistant.ui.app import build_ui


def _balanced(code: str) -> bool:
    pairs = {")": "(", "]": "[", "}": "{"}
    stack: list[str] = []
    for ch in re.sub(r"'[^'\n]*'|\"[^\"\n]*\"|`[^`]*`", "", code):
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs and (not stack or stack.pop() != pairs[ch]):
            return False
    return not stack


def test_scripts_and_css_are_balanced() -> None:
    for code in (assets.CSS, assets.HEAD_JS, assets.PANEL_JS, assets.SHOW_TECH_JS, assets.HTML_LANG_JS):
        assert code.strip() and _balanced(code)


def test_element_ids_the_assets_name_exist_on_the_page(assistant) -> None:
    demo = build_ui(assistant)
    ids = {c["props"].get("elem_id") for c in demo.get_config_file()["components"]}
    named = set(re.findall(r"#([a-z][a-z-]*[a-z])\b", assets.CSS)) | set(
        re.findall(r"getElementById\('([a-z-]+)'\)", assets.SHOW_TECH_JS + assets.HEAD_JS)
    )
    # q-count is raw HTML inside a component, not a component id.
    missing = {n for n in named if n not in ids} - {"q-count"}
    assert "cite-panel" in named and missing == set(), missing
