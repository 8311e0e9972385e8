"""README.md's command-line examples: every command and flag it shows exists, and the examples behave as shown.

The flags are read from README itself (code blocks, the command table, inline code), so a
flag added to the README without the code, or renamed in the code only, fails here. The
`$ assistant ask ...` transcripts are run against the bundled corpus's index (the session
fixture) and must print what README prints first and exit as it says.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import json
import re
import shlex
import shutil
import tokenize
from pathlib import Path

import pytest

from assistant.cli import EXIT_ABSTAINED, EXIT_BAD_INPUT, EXIT_ERROR, EXIT_OK, main
from assistant.cli_args import build_parser
from assistant.evaluation.cli import build_parser as eval_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    (sub,) = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    commands = dict(sub.choices)
    commands["eval"] = eval_parser()  # `assistant eval` hands its arguments to its own parser
    return commands


def _flags(parser: argparse.ArgumentParser) -> set[str]:
    return {s for a in parser._actions for s in a.option_strings}


def readme_commands() -> list[str]:
    """Every `assistant <command> ...` README shows: code lines, and commands in inline code."""
    found = []
    for block in re.findall(r"```[a-z]*\n(.*?)```", README, flags=re.S):
        joined = block.replace("\\\n", " ")
        found += [m.group(1) for m in re.finditer(r"(?:^|\$ )(assistant [a-z-]+[^\n#;]*)", joined, flags=re.M)]
    found += re.findall(r"`(assistant [a-z-]+[^`\\]*)\\?`", README)
    return found


def _flags_in(command: str) -> list[str]:
    # "[--mode hybrid\|dense\|bm25]", "[-k N]", "--host/--port": the flags, without values or brackets.
    return re.findall(r"(?<![\w-])(--?[a-zA-Z][\w-]*)", command.replace("\\|", " "))


def test_readme_shows_commands() -> None:  # the reader itself: a README without examples would pass anything
    commands = readme_commands()
    assert len(commands) > 15 and any(c.startswith("assistant bench-retrieval") for c in commands)


@pytest.mark.parametrize("command", sorted(set(readme_commands())))
def test_every_command_and_flag_in_the_readme_exists(command: str) -> None:
    name = command.split()[1]
    parsers = _subparsers()
    assert name in parsers, f"README shows `assistant {name}`, which is no command"
    unknown = [f for f in _flags_in(command) if f not in _flags(parsers[name])]
    assert unknown == [], f"`{command}`: no such flag(s) {unknown}"


def test_flags_named_in_prose_exist() -> None:
    named = set(re.findall(r"`(--[a-z][\w-]*)", README))
    known = set().union(*(_flags(p) for p in _subparsers().values()))
    assert named and named - known == set()


# ---------------------------------------------------------------------------------------------------------------
# the examples, run


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(list(argv), out=out)
    return code, out.getvalue(), err.getvalue()


def transcripts() -> list[tuple[str, str, int]]:
    """(question, the first printed line as README shows it, the exit code it shows or 0)."""
    block = re.search(r"```\n(\$ assistant ask.*?)```", README, flags=re.S).group(1)
    examples = []
    for part in re.split(r"\n(?=\$ )", block.strip()):
        command, _, shown = part.partition("\n")
        question = shlex.split(command[2:].split(";")[0])[2]
        code = re.search(r"^exit (\d+)$", shown, flags=re.M)
        examples.append((question, shown.splitlines()[0], int(code.group(1)) if code else EXIT_OK))
    return examples


def test_the_readme_has_five_transcripts() -> None:
    assert [code for _, _, code in transcripts()] == [0, 0, 0, 3, 3]


@pytest.fixture(scope="module")
def index_args(assistant) -> list[str]:
    return ["--index-dir", str(assistant.settings.index_dir)]


@pytest.mark.parametrize(("question", "first_line", "code"), transcripts())
def test_ask_examples_print_and_exit_as_shown(index_args, question: str, first_line: str, code: int) -> None:
    got, out, _ = _run("ask", *index_args, question)
    assert got == code
    # README wraps long lines: the printed answer starts with README's first line, up to its own wrapping.
    shown = first_line.replace("……", "")
    assert " ".join(out.split()).startswith(" ".join(shown.split())[: min(len(shown), 60)])


def test_ask_exit_codes_as_the_readme_lists_them(index_args, tmp_path: Path) -> None:
    assert "Exit codes of `ask`: 0 answered, 3 abstained, 2 bad input, 1 error (e.g. no index)." in README
    assert _run("ask", *index_args, "Who must report to Council?")[0] == EXIT_OK
    assert _run("ask", *index_args, "What is the best recipe for dumplings?")[0] == EXIT_ABSTAINED
    assert _run("ask", *index_args, "   ")[0] == EXIT_BAD_INPUT
    code, _, err = _run("ask", "--index-dir", str(tmp_path / "none"), "Who must report to Council?")
    assert code == EXIT_ERROR and "assistant index" in err


def test_ask_flags_from_the_table(index_args) -> None:
    code, out, _ = _run("ask", *index_args, "--json", "-k", "3", "--mode", "bm25", "谁必须向理事会报告？")
    data = json.loads(out)
    assert code == EXIT_OK and data["language"] == "zh" and data["citations"]


def test_chunks_and_docs_from_the_table() -> None:
    code, out, _ = _run("chunks", "--doc", "eur-44a25-1", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == EXIT_OK and rows and {r["doc_id"] for r in rows} == {"eur-44a25-1"}
    code, out, _ = _run("docs", "-l")
    assert code == EXIT_OK and "eur-44a25-1" in out
    code, out, _ = _run("docs", "--json")
    assert code == EXIT_OK and {json.loads(line)["id"] for line in out.splitlines()} >= {"eur-44a25-1"}


def test_add_docs_remove_as_in_your_own_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    source = tmp_path / "res-123-fr-en.txt"
    shutil.copyfile(ROOT / "tests" / "fixtures" / "parallel_resolution" / "eur-44a25-1.en.txt", source)
    opts = ["--corpus", str(corpus), "--index-dir", str(tmp_path / "index"), "--model", "hash"]
    code, out, _ = _run("add", str(source), "--same-as", "eur-44a25-1", "--no-index", *opts)
    new_id = re.search(r"added .* → (\S+) ", out).group(1)
    assert code == EXIT_OK and "index not rebuilt (--no-index)" in out
    code, out, _ = _run("docs", *opts)
    assert code == EXIT_OK and f"⇄ {new_id}" in out  # linked as a language version
    assert _run("index", *opts)[0] == EXIT_OK
    assert _run("remove", new_id, *opts)[0] == EXIT_OK
    listed = [line.split()[0] for line in _run("docs", *opts)[1].splitlines() if line.strip()]
    assert new_id not in listed and "eur-44a25-1" in listed


def test_eval_flags_from_the_table_reach_the_eval_parser(tmp_path: Path) -> None:
    args = eval_parser().parse_args(["--suite", "s.jsonl", "--min", "key_fact_accuracy=0.8", "--min", "x=1"])
    assert str(args.suite) == "s.jsonl" and args.min == ["key_fact_accuracy=0.8", "x=1"]
    feedback = tmp_path / "feedback.jsonl"
    feedback.write_text("", encoding="utf-8")
    code, _, _ = _run("eval", "--from-feedback", str(feedback), "--drafts", str(tmp_path / "drafts.jsonl"))
    assert code == EXIT_OK


def test_the_transcripts_match_what_ask_prints_save_for_their_elisions(index_args) -> None:
    """Every line README shows under a `$ assistant ask` is printed, in order; "…" / "……" stand for cut text.

    The first-line check above missed a line README left out (the citation's provenance) and a
    wrong count in a later line; whitespace is ignored, since README wraps lines at other places.
    """
    block = re.search(r"```\n(\$ assistant ask.*?)```", README, flags=re.S).group(1)
    for part in re.split(r"\n(?=\$ )", block.strip()):
        command, _, shown = part.partition("\n")
        question = shlex.split(command[2:].split(";")[0])[2]
        shown = re.sub(r"^exit \d+$", "", shown, flags=re.M)
        printed = "".join(_run("ask", *index_args, question)[1].split())
        at = 0
        for piece in re.split(r"…+", "".join(shown.split())):
            found = printed.find(piece, at)
            assert found >= 0, f"README shows {piece!r} for {question!r}; ask printed {printed[at:][:200]!r}"
            at = found + len(piece)


def test_every_setting_is_in_the_readme() -> None:
    from dataclasses import fields

    from assistant.settings import Settings

    missing = [f.name for f in fields(Settings) if f"`{f.name}`" not in README]
    assert missing == [], f"Settings fields README's Configuration does not name: {missing}"


# ---------------------------------------------------------------------------------------------------------------
# the Python examples, run: `expression  # value` lines must give the value README shows


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README, flags=re.S)


def _comments(block: str) -> dict[int, str]:
    tokens = tokenize.generate_tokens(io.StringIO(block).readline)
    return {t.start[0]: t.string.lstrip("#").strip() for t in tokens if t.type == tokenize.COMMENT}


def _check_shown(value: object, comment: str, source: str) -> None:
    if comment == "always True":
        assert value is True, source
        return
    try:
        shown = ast.literal_eval(comment)
    except (ValueError, SyntaxError):
        return  # prose ("-> Answer", "ranked chunks, scores, found_by")
    if isinstance(shown, str) and "…" in shown:
        at = 0
        for piece in (p.strip() for p in shown.split("…")):  # "…" stands for the cut text and the space around it
            found = value.find(piece, at)
            assert found >= 0, f"{source}: README shows {shown!r}, the code gives {value!r}"
            at = found + len(piece)
    else:
        assert value == shown, f"{source}: README shows {shown!r}, the code gives {value!r}"


def test_readme_has_python_examples() -> None:
    assert len(_python_blocks()) >= 3 and "Assistant()" in _python_blocks()[0]


def test_the_python_examples_run_and_give_what_they_show(assistant) -> None:
    from langchain_core.language_models.fake_chat_models import FakeListChatModel
    from langchain_core.runnables import RunnableLambda

    namespace: dict[str, object] = {}
    # The placeholders README's "Swap a step" block leaves to the reader.
    placeholders = {
        "my_retriever": assistant.as_retriever(k=5),
        "my_reranker": RunnableLambda(lambda request: request["hits"]),
        "my_chat_model": FakeListChatModel(responses=["[1]"]),
    }
    for block in _python_blocks()[:3]:
        comments = _comments(block)
        for statement in ast.parse(block).body:
            source = ast.get_source_segment(block, statement)
            if isinstance(statement, ast.Expr):
                value = eval(compile(ast.Expression(statement.value), "README.md", "eval"), namespace)
                if statement.end_lineno in comments:
                    _check_shown(value, comments[statement.end_lineno], source)
            else:
                exec(compile(ast.Module([statement], type_ignores=[]), "README.md", "exec"), namespace)
            # README's `Assistant()` loads index/; here it is the session's index of the bundled corpus.
            namespace["Assistant"] = lambda *args, **kwargs: assistant
            if "DEFAULT_PROMPT" not in namespace:
                from assistant.chain import DEFAULT_PROMPT

                namespace.update(placeholders, my_prompt=DEFAULT_PROMPT)
    assert {"answer", "hits", "more", "chain"} <= set(namespace)


def test_the_own_suite_example_names_every_required_field_and_loads(tmp_path: Path) -> None:
    # README listed five fields and "…": a suite written from it failed on id, direction and category.
    from assistant.evaluation.suite import REQUIRED_FIELDS, load_suite

    section = README.split("**Your own suite in your CI**", 1)[1].split("## Benchmarks", 1)[0]
    assert [f for f in REQUIRED_FIELDS if f"`{f}`" not in section] == []
    (example,) = re.findall(r"```json\n(.*?)\n```", section, flags=re.S)
    suite = tmp_path / "my_suite.jsonl"
    suite.write_text(example + "\n", encoding="utf-8")
    assert len(load_suite(suite)) == 1
