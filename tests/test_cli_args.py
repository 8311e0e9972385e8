"""The command line's flags, as `assistant.cli` reads them."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from assistant.cli import COMMANDS, EXIT_ABSTAINED, EXIT_BAD_INPUT, EXIT_ERROR, EXIT_OK
from assistant.cli_args import build_parser, parse_args
from assistant.evaluation.cli import build_parser as eval_parser
from assistant.settings import Settings


def test_every_subcommand_has_a_handler() -> None:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    assert set(sub.choices) == set(COMMANDS)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["ask", "Who?", "-k", "3", "--mode", "bm25", "--json"], {"question": ["Who?"], "k": 3, "mode": "bm25"}),
        (["add", "a.pdf", "b/", "--same-as", "x", "--lang", "zh"], {"paths": ["a.pdf", "b/"], "same_as": "x"}),
        (["chunks", "--doc", "d1", "--json"], {"doc": "d1", "json": True}),
        (["docs", "-l"], {"long": True}),
        (["remove", "d1", "--no-index"], {"doc_id": "d1", "no_index": True}),
        (["serve", "--port", "8000", "--read-only"], {"port": 8000, "read_only": True}),
        (["index", "--index-type", "hnsw"], {"index_type": "hnsw"}),
    ],
)
def test_flags_parse_to_their_values(argv: list[str], expected: dict) -> None:
    args = build_parser().parse_args(argv)
    assert args.command == argv[0]
    assert {k: getattr(args, k) for k in expected} == expected


def test_bad_flags_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args(["ask", "--mode", "magic"])
    assert info.value.code == 2 and "invalid choice" in capsys.readouterr().err


def _commands() -> dict[str, argparse.ArgumentParser]:
    (sub,) = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return {**sub.choices, "eval": eval_parser()}


def _help(command: str, option: str) -> str:
    (action,) = [a for a in _commands()[command]._actions if option in a.option_strings or a.dest == option]
    return action.help or ""


@pytest.mark.parametrize("command", sorted(_commands()))
def test_every_argument_says_what_it_is(command: str) -> None:
    parser = _commands()[command]
    silent = [a.dest for a in parser._actions if not a.help and a.dest not in ("help", "eval_args")]
    assert silent == [], f"`assistant {command} -h` shows no help for {silent}"


@pytest.mark.parametrize(
    ("command", "option", "field"),
    [
        ("ask", "-k", "answer_candidates"),  # `ask` answers from answer_candidates chunks, not top_k
        ("ask", "--mode", "retriever"),
        ("ask", "--model", "embedding_model"),
        ("index", "--index-type", "index_type"),
        ("ask", "--corpus", "corpus_dir"),
        ("ask", "--index-dir", "index_dir"),
    ],
)
def test_help_shows_the_default_the_code_uses(command: str, option: str, field: str) -> None:
    text = " ".join(_help(command, option).split())
    default = getattr(Settings(), field)
    shown = f"{default.name}/" if isinstance(default, Path) else str(default)
    assert f"$ASSISTANT_{field.upper()}" in text and shown in text, text


def test_eval_help_shows_its_defaults() -> None:
    assert "default: hybrid,dense,bm25" in _help("eval", "--modes")
    assert "default: eval/gold/qa.jsonl" in _help("eval", "--suite")
    assert "default: eval/reports" in _help("eval", "--out")


def test_help_lists_the_exit_codes() -> None:
    top = " ".join(build_parser().format_help().split())
    assert (
        f"{EXIT_OK} done" in top
        and f"{EXIT_ERROR} error" in top
        and f"{EXIT_BAD_INPUT} bad input" in top
        and f"{EXIT_ABSTAINED} ask: the corpus does not answer" in top
    )
    ask = " ".join(_commands()["ask"].format_help().split())
    assert f"Exit codes: {EXIT_OK} answered, {EXIT_ABSTAINED} abstained" in ask


def test_an_unknown_flag_is_reported_by_its_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        parse_args(["ask", "--lang", "zh", "谁必须向理事会报告？"])
    err = capsys.readouterr().err
    assert info.value.code == 2
    assert "usage: assistant ask" in err and "assistant ask: error: unrecognized arguments: --lang" in err


@pytest.mark.parametrize(("port", "says"), [("99999", "99999 is not a port: 1 to 65535"), ("http", "not a number")])
def test_a_port_out_of_range_is_a_usage_error(port: str, says: str, capsys: pytest.CaptureFixture[str]) -> None:
    # Before: `serve --port 99999` started the app and died in socket.bind() with an OverflowError traceback.
    with pytest.raises(SystemExit) as info:
        parse_args(["serve", "--port", port])
    assert info.value.code == 2 and says in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    import assistant

    with pytest.raises(SystemExit) as info:
        parse_args(["--version"])
    assert info.value.code == 0 and capsys.readouterr().out == f"assistant {assistant.__version__}\n"
