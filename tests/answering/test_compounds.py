"""An unlisted English compound's parts count as the clause's words; a listed one stays whole."""

from __future__ import annotations

from assistant.answering.compounds import compound_parts
from assistant.retrieval.dictionary import parse_cedict

_LEX = parse_cedict(
    [
        "生命 生命 [sheng1 ming4] /life/",
        "周期 周期 [zhou1 qi1] /cycle/",
        "水 水 [shui3] /water/",
        "棚 棚 [peng2] /shed/",
        "分水岭 分水岭 [fen1 shui3 ling3] /watershed/",
        "上 上 [shang4] /on/",
        "线 线 [xian4] /line/",
    ]
)


def test_an_unlisted_compound_gives_its_parts():
    assert compound_parts("upholding human rights throughout the entire lifecycle of AI", _LEX) == {"life", "cycl"}


def test_a_head_in_another_inflection_still_splits():
    assert compound_parts("their lifecycles", _LEX) == {"life", "cycl"}


def test_a_listed_compound_keeps_its_own_meaning():
    assert compound_parts("a watershed moment", _LEX) == frozenset()


def test_short_pieces_and_unknown_parts_are_not_split():
    assert compound_parts("protected offline and online", _LEX) == frozenset()
    assert compound_parts("the lifeguard on duty", _LEX) == frozenset()


def test_derivations_and_preposition_prefixes_are_not_compounds():
    lex = parse_cedict(
        [
            "適合 适合 [shi4 he2] /suit/",
            "能力 能力 [neng2 li4] /ability/",
            "提到 提到 [ti2 dao4] /refer/",
            "戒指 戒指 [jie4 zhi5] /ring/",
            "下面 下面 [xia4 mian4] /under/",
            "分數 分数 [fen1 shu4] /score/",
        ],
        source="derivations",
    )
    for word in ("suitability", "referring", "underscores"):
        assert compound_parts(word, lex) == frozenset(), word


def test_results_do_not_leak_between_lexicons():
    with_parts = parse_cedict(["生命 生命 [x] /life/", "周期 周期 [x] /cycle/"], source="a")
    listed = parse_cedict(
        ["生命 生命 [x] /life/", "周期 周期 [x] /cycle/", "生命周期 生命周期 [x] /lifecycle/"], source="b"
    )
    assert compound_parts("lifecycle", with_parts) == frozenset({"life", "cycl"})
    assert compound_parts("lifecycle", listed) == frozenset()  # a listed word keeps its own meaning
