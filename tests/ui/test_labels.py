from __future__ import annotations

import pytest

from assistant.ui.labels import LABELS, label, ui_language


@pytest.mark.parametrize("key", sorted(k for k in LABELS if not k.endswith("_both")))
def test_every_label_has_both_languages(key: str) -> None:
    en, zh = LABELS[key]
    assert en and zh
    assert label(key, "en") == en and label(key, "zh") == zh
    both = label(key, "both")
    assert (en in both and zh in both) or f"{key}_both" in LABELS


def test_unknown_language_falls_back_to_both() -> None:
    assert ui_language("fr") == "both" and ui_language("zh") == "zh"
    assert label("ask", "fr") == "Ask · 提问"
