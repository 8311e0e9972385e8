"""The description tables: how a delegate describes the documents' bodies, officers and subjects (in English and
in informal Chinese), and everyday verbs, read as the glossary term or the text's verb.

Their user, the phrasings table, is tested in tests/test_phrasings.py; the coverage check and the search query
that read it in tests/answering/test_evidence.py and tests/retrieval/test_translation.py.
"""

from __future__ import annotations

import pytest

from assistant.descriptions import DESCRIPTIONS, VERBS, as_terms, described, descriptions_in, without_descriptions
from assistant.glossary import TERMS


def targets(question: str) -> list[str]:
    return [d.target for d in described(question, "en")]


def test_every_description_names_a_glossary_term_and_every_verb_a_texts_words_in_both_languages():
    names = {t.en for t in TERMS}
    for row in DESCRIPTIONS:
        assert row.kind == "term" and row.name in names and not row.wording, row
        assert not row.needs or row.needs in {d.name for d in DESCRIPTIONS if d.lang == row.lang}, row
    for row in VERBS:
        assert row.kind == "verb" and row.wording, row
        assert any(w.isascii() for w in row.wording) and any(not w.isascii() for w in row.wording), row


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("What must the head of the union's secretariat do each year?", "Secretary-General"),
        ("Which tasks fall to the ITU's most senior official?", "Secretary-General"),
        ("Who sits on its governing board?", "Council"),
        (
            "What is the person in charge of the union's development arm told to share?",
            "Director of the Telecommunication Development Bureau",
        ),
        (
            "What does the boss of the branch that helps developing countries get online do?",
            "Director of the Telecommunication Development Bureau",
        ),
        ("What role does the union's development wing play?", "ITU Telecommunication Development Sector"),
        ("Which groups of the union's standards arm study AI?", "ITU Telecommunication Standardization Sector"),
        ("Which texts of the UN's main assembly are recalled?", "General Assembly"),
        ("What came out of the world summits on the information age?", "World Summit on the Information Society"),
        ("Who organised the 'for good' summit?", "AI for Good Global Summit"),
        ("Should the work stick to what the union does best?", "core competencies"),
        ("Which issues lie beyond what ITU is allowed to deal with?", "mandate"),
        ("What are the union's founding aims?", "purposes of the Union"),
        ("Should it use the channels already in place?", "existing mechanisms"),
        ("Which activities could upset its strategy or finances?", "strategic or financial impact"),
        ("Which earlier texts does the draft look back on?", "recalling"),
        ("How many countries backed the text the world body's plenary passed?", "General Assembly"),
        ("Had the UN's main assembly of all nations ever tackled this?", "General Assembly"),
        ("Did the world's all-member plenary deal with it?", "General Assembly"),
        ("Was it the plenary's first try?", "General Assembly"),
        ("How many of the worldwide 2030 targets are there?", "Sustainable Development Goals"),
        ("Could it help hit the UN's headline targets for 2030 sooner?", "Sustainable Development Goals"),
        ("Must people's basic freedoms be looked after?", "human rights"),
        ("Are everyone's fundamental liberties protected?", "human rights"),
        ("Are rights protected in cyberspace?", "online"),
        ("Who will close the gap between connected and unconnected countries?", "digital divide"),
        ("Which computer skills should improve?", "digital literacy"),
        ("Who will close the technology gap?", "digital divide"),
        ("What does the write-up say?", "news"),
    ],
)
def test_a_description_is_read_as_the_term_a_text_names(question, term):
    assert term in targets(question)


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("How often must the Council be briefed?", "report"),
        ("Who keeps the Council posted?", "report"),
        ("What should the Director hand over to governments?", "share"),
        ("What is passed on to Member States?", "share"),
        ("Why piggyback on what partners already do?", "use"),
        ("Should the Director draw on what exists?", "use"),
        ("What is the Secretary-General asked to look into?", "consider"),
        ("Who should gain from new telecommunication technologies?", "benefit"),
    ],
)
def test_an_everyday_verb_is_read_as_the_texts_verb(question, verb):
    assert verb in targets(question)


@pytest.mark.parametrize(
    "question",
    [
        "Who is the head of UNESCO's secretariat?",  # not the Union's
        "What is the governing board of the World Bank?",
        "Which official of the UN attended?",
        "What are the aims of the OECD work?",
        "Which mechanisms are new?",
        "What plans were made?",
        "Does the article look ahead?",
        "Does the plenary of PP-22 adopt it?",  # a named meeting's plenary
        "What are the draft's goals?",  # no one's global goals
        "How many global goals are there?",  # the Goals' own word: read as written
        "Are people's basic rights protected?",
        "What does the assembly hall look like?",
        "Is AI used in everyday life?",  # offline only beside online (below)
    ],
)
def test_words_that_describe_something_else_are_left_alone(question):
    assert described(question, "en") == []


def test_chinese_questions_have_no_english_descriptions():
    assert described("秘书长每年向理事会报告什么？", "zh") == []


# --- informal Chinese descriptions


def zh_terms(question: str) -> list[str]:
    return [d.name for d, _ in descriptions_in(question, "zh")]


def test_only_the_chinese_descriptions_are_searched_as_their_term():
    assert {d.lang for d in DESCRIPTIONS if d.searched} == {"zh"}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("日内瓦那家管通信的单位在AI上做了什么？", ["International Telecommunication Union"]),
        ("那个搞电信的国际组织有什么宗旨？", ["International Telecommunication Union"]),
        ("掌门人多久得向董事会汇报一次？", ["Secretary-General", "Council"]),
        ("管发展那一摊的局长要分享什么？", ["Director of the Telecommunication Development Bureau"]),
        ("负责电信发展的那个局的头儿该做什么？", ["Director of the Telecommunication Development Bureau"]),
        ("联合国那个所有国家都参加的大会通过了什么？", ["General Assembly"]),
        ("全体会员国大会强调了什么？", ["General Assembly"]),
        ("发稿的那家联合国工业机构说了什么？", ["United Nations Industrial Development Organization"]),
        ("机器智能能带来什么？", ["artificial intelligence"]),
        ("各国政府在做什么？", ["Member States"]),
        ("那套十五年全球目标指什么？", ["2030 Agenda for Sustainable Development"]),
        ("那场网络社会全球盛会的成果文件是哪份？", ["World Summit on the Information Society"]),
    ],
)
def test_an_informal_chinese_description_is_read_as_its_term(question, expected):
    assert zh_terms(question) == expected


def test_an_officer_takes_the_body_its_description_names():
    # 联盟掌门人 is the Secretary-General, not ITU and a head besides.
    found = descriptions_in("草案要求联盟掌门人确保什么？", "zh")
    assert [(d.name, source) for d, source in found] == [("Secretary-General", "联盟掌门人")]
    assert zh_terms("日内瓦那家管通信的单位的掌门人要做什么？") == ["Secretary-General"]


@pytest.mark.parametrize(
    "question",
    [
        "国际电联秘书长应向理事会报告什么？",  # the terms themselves: the glossary reads them
        "阿拉伯国家联盟有什么作用？",  # another union
        "联盟的成员有哪些？",  # the members, not the Union acting
        "大会在哪里举行？",  # a bare assembly is no General Assembly
        "发展中国家面临什么挑战？",
    ],
)
def test_chinese_words_that_describe_nothing_are_left(question):
    assert zh_terms(question) == []


def test_english_questions_have_no_chinese_descriptions():
    assert descriptions_in("What must the head of the union report to its board?", "zh") == ()


def test_without_descriptions_leaves_what_the_question_says_of_its_own():
    text = without_descriptions("日内瓦那家管通信的单位在布加勒斯特做了什么？")
    assert "日内瓦" not in text and "布加勒斯特" in text
    assert without_descriptions("Was it adopted in Geneva?") == "Was it adopted in Geneva?"
    english = without_descriptions("Did the union's governing board meet in Geneva?")
    assert "governing" not in english and "Geneva" in english


def test_everyday_life_is_offline_only_beside_the_internet():
    assert targets("Are rights protected on the internet just as much as in everyday life?") == ["online", "offline"]


def test_every_alternative_of_a_description_stands_as_whole_words():
    # The first of a row's alternatives must end at a word as the last must: "secretariats" is another word.
    assert described("Who is the head of the secretariats group?", "en") == []
    assert [d.target for d in described("Who is the head of the secretariat?", "en")] == ["Secretary-General"]


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("What is the head of the union's staff told to make sure of?", "Secretary-General"),
        ("When the union's chief reaches out to other agencies, what should come of it?", "Secretary-General"),
        ("Which club is the union's head told to link up with?", "Secretary-General"),
        ("How often must the person at the top of the union's staff report?", "Secretary-General"),
        (
            "The development bureau's director hands on advice: where from?",
            "Director of the Telecommunication Development Bureau",
        ),
        ("How often is its governing body briefed?", "Council"),
        ("Which rich countries' policy club is named?", "Organisation for Economic Co-operation and Development"),
        ("Which AI matters have serious money implications?", "strategic or financial impact"),
        ("Which work could hit its finances hard?", "strategic or financial impact"),
        ("What does the story say?", "news"),
    ],
)
def test_everyday_descriptions_of_officers_bodies_and_impacts(question, term):
    assert term in targets(question)


@pytest.mark.parametrize(
    "question",
    [
        "Who is the union's head of standards?",  # a head of one of its parts
        "Where is its head office?",
        "How much money does the draft set aside?",  # an amount, no impact
        "Which rich countries backed the text?",  # countries, no club
    ],
)
def test_heads_of_parts_amounts_and_plain_countries_are_no_descriptions(question):
    assert not {
        "Secretary-General",
        "strategic or financial impact",
        "Organisation for Economic Co-operation and Development",
    } & set(targets(question))


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Which body is he supposed to keep posted?", "report"),
        ("At what interval does he owe its board an account?", "report"),
        ("Which board hears each year from him?", "report"),
        ("Does he have to figure out whether it can help?", "consider"),
    ],
)
def test_more_everyday_verbs(question, verb):
    assert verb in targets(question)


def test_as_terms_writes_a_description_as_its_term_in_the_questions_language():
    assert "Secretary-General" in as_terms("What is the head of the union's staff told to do?", "en")
    assert "秘书长" in as_terms("掌门人要做什么？", "zh")
    assert as_terms("What does the draft recall?", "en") == "What does the draft recall?"
