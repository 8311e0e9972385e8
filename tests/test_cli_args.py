"""The command line's flags, as `assistant.cli` reads them."""

from __future__ import annotations

import pytest

from assistant.cli import COMMANDS
from assistant.cli_args import build_parser


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
