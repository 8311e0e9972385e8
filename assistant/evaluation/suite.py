"""Gold QA suites (strictly validated JSONL) and BEIR-style retrieval sets (corpus, queries, qrels)."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from assistant.evaluation.metrics import base_chunk_id

LANGUAGES = ("en", "zh")
DIRECTIONS = ("en->zh", "zh->zh", "en->en", "zh->en", "none")
REQUIRED_FIELDS: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "question": str,
    "language": str,
    "answerable": bool,
    "key_facts": list,
    "gold_chunks": list,
    "direction": str,
    "category": str,
}
OPTIONAL_FIELDS: dict[str, type | tuple[type, ...]] = {"notes": str, "type": str, "history": list}


class SuiteError(ValueError):
    """A suite or data file is unusable; the message names the file and line of each problem."""

    def __init__(self, message: str, errors: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.errors = list(errors) or [message]


# ----------------------------------------------------------------------------------------------------------------
# The gold suite
# ----------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GoldQuestion:
    """One line of a gold suite."""

    id: str
    question: str
    language: str
    answerable: bool
    key_facts: tuple[tuple[str, ...], ...]
    gold_chunks: tuple[str, ...]
    direction: str
    category: str
    notes: str = ""
    line: int = 0
    type: str = ""  # answer type (who, when, list, metadata, ...); "" = not given, derived when scored
    history: tuple[str, ...] = ()  # earlier questions of a conversation, oldest first (follow-ups)

    @property
    def section(self) -> str:
        """The section of the first gold chunk, e.g. `eur-44a25-1/operative/secretary-general`; `none` if none."""
        if not self.gold_chunks:
            return "none"
        parts = base_chunk_id(self.gold_chunks[0]).split("/")
        if len(parts) >= 3 and parts[1] in {"preamble", "operative", "body", "boilerplate"}:
            return "/".join(parts[:3])
        return "/".join(parts[:2])


def load_suite(path: Path | str, *, known_chunk_ids: Collection[str] | None = None) -> list[GoldQuestion]:
    """The questions of a gold JSONL suite, validated strictly.

    Every problem (malformed JSON, a missing or mistyped field, an unknown
    language/direction, inconsistent answerability, a duplicate id, a gold
    chunk id not in `known_chunk_ids` when given) is reported as
    `file:line: message`; all problems are collected into one `SuiteError`.
    Blank lines are allowed.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SuiteError(f"{path}: suite file not found") from None
    except IsADirectoryError:
        raise SuiteError(f"{path}: is a directory, expected a JSONL suite file") from None
    except UnicodeDecodeError as exc:
        raise SuiteError(f"{path}: not valid UTF-8 ({exc})") from exc
    known = {base_chunk_id(c) for c in known_chunk_ids} if known_chunk_ids is not None else None
    errors: list[str] = []
    questions: list[GoldQuestion] = []
    first_line: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        problems, question = _parse_question(obj, lineno)
        errors.extend(f"{where}: {p}" for p in problems)
        if question is None:
            continue
        if question.id in first_line:
            errors.append(f"{where}: duplicate id {question.id!r} (first used on line {first_line[question.id]})")
            continue
        first_line[question.id] = lineno
        if known is not None:
            unknown = [c for c in question.gold_chunks if base_chunk_id(c) not in known]
            if unknown:
                errors.append(f"{where}: unknown chunk id(s) in gold_chunks: {', '.join(unknown)}")
        questions.append(question)
    if not errors and not questions:
        errors.append(f"{path}: the suite has no questions")
    if errors:
        shown = errors[:25]
        more = f"\n  ... and {len(errors) - len(shown)} more" if len(errors) > len(shown) else ""
        raise SuiteError(f"{path}: invalid suite ({len(errors)} problem(s)):\n  " + "\n  ".join(shown) + more, errors)
    return questions


def _parse_question(obj: Any, lineno: int) -> tuple[list[str], GoldQuestion | None]:
    """(problems, None) for a bad suite line, ([], the question) for a good one."""
    if not isinstance(obj, dict):
        return [f"expected a JSON object, got {type(obj).__name__}"], None
    problems = _field_type_problems(obj)
    if problems:
        return problems, None
    qid, question = obj["id"].strip(), obj["question"].strip()
    if not qid:
        problems.append("'id' is empty")
    if not question:
        problems.append("'question' is empty")
    if not obj["category"].strip():
        problems.append("'category' is empty")
    if obj["language"] not in LANGUAGES:
        problems.append(f"'language' must be one of {list(LANGUAGES)}, got {obj['language']!r}")
    if obj["direction"] not in DIRECTIONS:
        problems.append(f"'direction' must be one of {list(DIRECTIONS)}, got {obj['direction']!r}")
    groups: list[tuple[str, ...]] = []
    for i, group in enumerate(obj["key_facts"]):
        if not isinstance(group, list) or not group:
            problems.append(f'key_facts[{i}] must be a non-empty list of alternative strings, e.g. ["秘书长"]')
        elif not all(isinstance(s, str) and s.strip() for s in group):
            problems.append(f"key_facts[{i}] must contain only non-empty strings")
        else:
            groups.append(tuple(group))
    gold = obj["gold_chunks"]
    if not all(isinstance(c, str) and c.strip() for c in gold):
        problems.append("gold_chunks must contain only non-empty chunk id strings")
    elif len(set(gold)) != len(gold):
        problems.append("gold_chunks lists a chunk id twice")
    problems += _answerability_problems(obj)
    history = obj.get("history", [])
    if not all(isinstance(h, str) and h.strip() for h in history):
        problems.append("history must be a list of non-empty earlier questions")
    if problems:
        return problems, None
    return [], GoldQuestion(
        id=qid,
        question=question,
        language=obj["language"],
        answerable=obj["answerable"],
        key_facts=tuple(groups),
        gold_chunks=tuple(gold),
        direction=obj["direction"],
        category=obj["category"].strip(),
        notes=obj.get("notes", ""),
        line=lineno,
        type=obj.get("type", "").strip(),
        history=tuple(h.strip() for h in history),
    )


def _field_type_problems(obj: dict[str, Any]) -> list[str]:
    """Missing, mistyped and unknown fields."""
    problems: list[str] = []
    for name, kind in REQUIRED_FIELDS.items():
        if name not in obj:
            problems.append(f"missing field {name!r}")
        elif not isinstance(obj[name], kind) or (kind is not bool and isinstance(obj[name], bool)):
            problems.append(f"field {name!r} must be a {_type_name(kind)}, got {type(obj[name]).__name__}")
    for name, kind in OPTIONAL_FIELDS.items():
        if name in obj and not isinstance(obj[name], kind):
            problems.append(f"field {name!r} must be a {_type_name(kind)}, got {type(obj[name]).__name__}")
    extra = sorted(set(obj) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
    if extra:
        problems.append(f"unknown field(s) {', '.join(map(repr, extra))}")
    return problems


def _answerability_problems(obj: dict[str, Any]) -> list[str]:
    """An answerable question needs gold chunks, key facts and a direction; an unanswerable one none of them."""
    gold, facts, direction = obj["gold_chunks"], obj["key_facts"], obj["direction"]
    if not obj["answerable"]:
        return [
            message
            for bad, message in (
                (gold, "an unanswerable question must have empty gold_chunks"),
                (facts, "an unanswerable question must have empty key_facts"),
                (direction != "none", "an unanswerable question must have direction 'none'"),
            )
            if bad
        ]
    problems = []
    if not gold:
        problems.append("an answerable question needs at least one gold chunk")
    if not facts:
        problems.append("an answerable question needs at least one key-fact group")
    if direction == "none":
        problems.append("an answerable question needs a direction such as 'en->zh'")
    elif direction in DIRECTIONS and direction.split("->")[0] != obj["language"]:
        problems.append(f"direction {direction!r} starts with the question language, expected {obj['language']!r}->...")
    return problems


def _type_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "string", bool: "boolean (true/false)", list: "list", int: "integer", float: "number"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


# ----------------------------------------------------------------------------------------------------------------
# BEIR-style retrieval sets (CMRC 2018 dev)
# ----------------------------------------------------------------------------------------------------------------
class BeirSet(NamedTuple):
    """A retrieval set: corpus id -> {"title", "text"}, query id -> text, query id -> relevant corpus ids."""

    corpus: dict[str, dict[str, str]]
    queries: dict[str, str]
    qrels: dict[str, set[str]]


def load_beir_style(directory: Path | str, limit_queries: int | None = None) -> BeirSet:
    """`corpus.jsonl`, `queries.jsonl` and `qrels.tsv` of `directory`.

    `limit_queries` keeps the first N queries in file order (and their qrels);
    the corpus is always complete, so every passage still competes. Malformed
    lines raise `SuiteError` naming file and line.
    """
    directory = Path(directory)
    return load_beir_files(
        directory / "corpus.jsonl", directory / "queries.jsonl", directory / "qrels.tsv", limit_queries=limit_queries
    )


def _id_text_records(path: Path) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(where, id, text, object) of every line of a corpus or queries file; `SuiteError` naming a bad line."""
    for where, obj in _jsonl(path):
        rid, text = obj.get("id"), obj.get("text")
        if not isinstance(rid, str) or not isinstance(text, str):
            raise SuiteError(f"{where}: expected an object with string 'id' and 'text'")
        yield where, rid, text, obj


def load_beir_files(
    corpus_path: Path | str, queries_path: Path | str, qrels_path: Path | str, *, limit_queries: int | None = None
) -> BeirSet:
    """A retrieval set from three named files (`corpus_zh.jsonl` with `queries_en.jsonl`); see `load_beir_style`."""
    if limit_queries is not None and limit_queries < 1:
        raise ValueError(f"limit_queries must be at least 1, got {limit_queries}")
    corpus: dict[str, dict[str, str]] = {}
    for where, cid, text, obj in _id_text_records(Path(corpus_path)):
        if cid in corpus:
            raise SuiteError(f"{where}: duplicate corpus id {cid!r}")
        corpus[cid] = {"title": str(obj.get("title") or ""), "text": text}
    queries: dict[str, str] = {}
    for where, qid, text, _ in _id_text_records(Path(queries_path)):
        if qid in queries:
            raise SuiteError(f"{where}: duplicate query id {qid!r}")
        if limit_queries is None or len(queries) < limit_queries:
            queries[qid] = text
    qrels: dict[str, set[str]] = {}
    qrels_path = Path(qrels_path)
    if not qrels_path.is_file():
        raise SuiteError(f"{qrels_path}: file not found")
    for lineno, line in enumerate(qrels_path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        cells = line.split("\t")
        if lineno == 1 and cells[0] in {"query_id", "query-id", "qid"}:
            continue
        if len(cells) < 2:
            raise SuiteError(f"{qrels_path}:{lineno}: expected 'query_id<TAB>corpus_id[<TAB>score]'")
        qid, cid = cells[0], cells[1]
        if len(cells) >= 3 and cells[2].strip() not in {"", "1"} and _float_or_none(cells[2]) in (0.0, None):
            continue  # a graded file: score 0 means not relevant
        if cid not in corpus:
            raise SuiteError(f"{qrels_path}:{lineno}: corpus id {cid!r} is not in corpus.jsonl")
        if qid in queries:
            qrels.setdefault(qid, set()).add(cid)
    return BeirSet(corpus, queries, qrels)


def _jsonl(path: Path) -> Iterable[tuple[str, dict[str, Any]]]:
    if not path.is_file():
        raise SuiteError(f"{path}: file not found")
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SuiteError(f"{path}:{lineno}: malformed JSON: {exc.msg} (column {exc.colno})") from None
            if not isinstance(obj, dict):
                raise SuiteError(f"{path}:{lineno}: expected a JSON object")
            yield f"{path}:{lineno}", obj


def _float_or_none(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None
