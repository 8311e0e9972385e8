"""Records that cross module lines survive a JSON round trip (browser storage, --json, eval reports)."""

import json
from dataclasses import replace

import pytest

from assistant.schema import Answer, Citation, Turn, known_fields


def _citation() -> Citation:
    return Citation(
        chunk_id="eur-44a25-1/operative/secretary-general/7",
        doc_id="eur-44a25-1",
        doc_title="第[EUR-2]号新决议草案",
        doc_number="EUR/44A25/1",
        section="责成秘书长",
        section_other="instructs the Secretary-General",
        label="7",
        quote="每年向理事会报告",
        start=10,
        end=18,
        score=0.5,
        lang="zh",
    )


def test_answer_round_trips_through_json():
    answer = Answer("Who must report?", "The Secretary-General.", "en", [_citation()], notes=["n"], timings={"t": 1.0})
    restored = Answer.from_dict(json.loads(json.dumps(answer.to_dict(), ensure_ascii=False)))
    assert restored == answer


def test_turn_round_trips_with_and_without_answer():
    answer = Answer("q", "a", "zh", [_citation()])
    for turn in (Turn("谁必须向理事会报告？", answer), Turn("And the Directors?")):
        assert Turn.from_dict(json.loads(json.dumps(turn.to_dict()))) == turn


def test_unknown_keys_are_ignored_when_restoring():
    data = Answer("q", "a", "en").to_dict() | {"added_in_a_later_version": 1}
    assert Answer.from_dict(data).text == "a"


def test_bilingual_section_names_both_languages_once():
    c = _citation()
    assert c.bilingual_section() == "责成秘书长 (instructs the Secretary-General)"
    assert c.bilingual_section("{} · {}") == "责成秘书长 · instructs the Secretary-General"
    assert replace(c, section_other="责成秘书长").bilingual_section() == "责成秘书长"
    assert replace(c, section="").bilingual_section() == "instructs the Secretary-General"


def test_known_fields_keeps_only_the_fields_of_the_record() -> None:
    assert known_fields(Turn, {"question": "Who?", "answer": None, "added_later": 1}) == {
        "question": "Who?",
        "answer": None,
    }
    with pytest.raises(TypeError):
        known_fields(dict, {"question": "Who?"})  # not a dataclass: said, not silently empty


def test_a_traditional_chunk_is_indexed_in_simplified_characters_and_keeps_its_text():
    from assistant.schema import Chunk

    text = "國際電聯秘書長表示，各成員國應加強合作。"
    chunk = Chunk("doc/body/1", "doc", text, "zh", "paragraph", "body", 0, len(text), context="正文", section="正文")
    assert chunk.text == text
    assert chunk.index_text == "正文\n国际电联秘书长表示，各成员国应加强合作。"
    simplified = replace(chunk, text="国际电联秘书长表示，各成员国应加强合作。")
    assert simplified.index_text == "正文\n国际电联秘书长表示，各成员国应加强合作。"
