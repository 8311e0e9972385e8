import pytest

from assistant.glossary import SECTIONS, expand_query, find_terms, generic_operative, match_section, translate_phrase


def test_section_table_has_both_languages_and_unique_keys():
    assert len({s.key for s in SECTIONS}) == len(SECTIONS)
    assert all(s.en and s.zh and s.kind in ("preamble", "operative") for s in SECTIONS)


def test_headings_match_in_either_language_and_spacing():
    assert match_section("责成秘书长")[0].key == "secretary-general"
    assert match_section("Instructs the Secretary-General,")[0].key == "secretary-general"
    assert match_section("considering further")[0].en == "considering further"
    assert match_section("每年向理事会报告") is None


def test_longest_term_wins():
    terms = find_terms("责成电信发展局主任", "zh")
    assert [t.en for t in terms] == ["Director of the Telecommunication Development Bureau"]


def test_english_terms_respect_word_boundaries_and_acronym_case():
    assert [t.zh for t in find_terms("Who must report to Council?", "en")] == ["报告", "理事会"]
    assert find_terms("the un-official word", "en") == []
    assert find_terms("said hi to an itu official", "en") == []  # "ITU" must be upper case


def test_query_expansion_crosses_languages():
    assert "理事会" in expand_query("Who reports to the Council?", "en")
    assert "Council" in expand_query("谁向理事会报告？", "zh")


def test_translate_addressee_phrases():
    assert translate_phrase("成员国、部门成员和学术成员", "zh") == "Member States, Sector Members and Academia"
    assert translate_phrase("the Council", "en") == "理事会"
    assert translate_phrase("nothing known", "en") == "nothing known"


def test_generic_operative_heading():
    section = generic_operative("instructs the Director of the Radiocommunication Bureau", "en")
    assert section and section.addressee_zh == "无线电通信局主任" and section.kind == "operative"
    assert (
        generic_operative("请注意这是一个很长的句子而不是标题因为它太长了超过三十个字符的限制真的很长很长", "zh")
        is None
    )


def test_found_terms_are_a_fresh_list_each_time():
    # Searches are cached per text; a caller that changes its list must not change the next answer.
    first = find_terms("The Secretary-General reports to the ITU Council.", "en")
    first.clear()
    assert find_terms("The Secretary-General reports to the ITU Council.", "en") != []


def test_officials_are_found_by_their_role():
    assert [t.zh for t in find_terms("What must the head of ITU ensure?", "en")] == ["秘书长"]
    assert [t.zh for t in find_terms("Who informs the governing body?", "en")] == ["理事会"]
    assert [t.zh for t in find_terms("Who informs ITU's governing body?", "en")] == ["理事会"]
    assert [t.zh for t in find_terms("What does the head of the development bureau share?", "en")] == ["电信发展局主任"]


@pytest.mark.parametrize(
    "text",
    [
        "Who chairs the governing body of UNESCO?",
        "What is the governing body of the UN?",
        "What did UNESCO's governing body decide?",
        "Who is the head of the Union of Arab States?",
        "What did the ITU chief economist say?",
        "Where is the ITU head office?",
    ],
)
def test_a_role_name_of_another_body_or_office_is_no_itu_official(text):
    found = {t.en for t in find_terms(text, "en")}
    assert not found & {"Council", "Secretary-General"}


def test_itus_chinese_for_initiatives_is_either_rendering():
    # The draft writes 举措 (现行举措, 多方举措) where the UN's English says "initiatives"; 倡议 is the other rendering.
    assert [t.en for t in find_terms("与联合国哪方面的更广泛举措相一致", "zh")] == ["United Nations", "initiatives"]
    assert [t.zh for t in find_terms("broader UN initiatives", "en")] == ["联合国", "举措"]
    assert [t.en for t in find_terms("更广泛倡议", "zh")] == ["initiatives"]


@pytest.mark.parametrize(
    "text", ["本届大会有关弥合数字鸿沟的第139号决议", "这届大会在哪里举行？", "本次会议通过了什么？"]
)
def test_a_demonstrative_meeting_is_not_the_general_assembly(text):
    # 本届大会 in a Plenipotentiary draft is that conference, not the bare 大会 (UN General Assembly).
    assert "General Assembly" not in [t.en for t in find_terms(text, "zh")]


@pytest.mark.parametrize(
    "text", ["大会通过了什么决议？", "联合国大会在哪里举行？", "联大有关第70/1号决议", "本届会议期间联合国大会通过"]
)
def test_the_general_assembly_is_still_found_without_a_demonstrative(text):
    assert "General Assembly" in [t.en for t in find_terms(text, "zh")]


@pytest.mark.parametrize(
    ("text", "lang", "term"),
    [
        ("“人工智能造福人类”高峰会议每年在哪里办？", "zh", "AI for Good Global Summit"),
        ("「人工智能」峰会在哪座城市举行？", "zh", "AI Summit"),
        ('What did the "World Summit" on the Information Society do?', "en", "World Summit on the Information Society"),
        ("Which are the “Sustainable Development” Goals?", "en", "Sustainable Development Goals"),
    ],
)
def test_a_name_is_found_through_the_quotation_marks_that_set_part_of_it_off(text, lang, term):
    assert term in [t.en for t in find_terms(text, lang)]


def test_the_union_is_itu_unless_another_union_is_named():
    assert "International Telecommunication Union" in [t.en for t in find_terms("Which part of the Union helps?", "en")]
    for text in ("the Union of Arab States", "the European Union", "the African Union"):
        assert "International Telecommunication Union" not in [t.en for t in find_terms(text, "en")], text


def test_everyday_wordings_of_deployment_and_national_regulation_find_the_texts_terms():
    # "rolled out" is said of a deployed system, "national rules" of the regulatory frameworks a country sets up
    found = [t.zh for t in find_terms("Who shapes national rules for AI systems rolled out in a country?", "en")]
    assert "部署" in found and "监管框架" in found
    assert "部署" not in [t.zh for t in find_terms("The rules were rolled back.", "en")]
