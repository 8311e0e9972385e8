"""The phrasings table: an everyday phrasing read as the wording a text uses, weak or full, where it applies.

Its two users are tested with their modules: the coverage check in tests/answering/test_evidence.py, the
search query in tests/retrieval/test_translation.py.
"""

from __future__ import annotations

import pytest

from assistant.phrasings import (
    ADOPTION_WORDS,
    AVOIDANCE_WORDS,
    PHRASINGS,
    blank_phrased,
    phrasings_in,
    without_named,
    wording_tokens,
)


def adoption(question: str, lang: str) -> dict[str, tuple[str, ...]]:
    """Question token -> the adoption's tokens, as the coverage check reads them."""
    found = phrasings_in(question, lang, "support")
    return {t: wording_tokens(p.phrasing) for p in found if p.phrasing.name == "adoption" for t in p.covers}


def refrain(question: str, lang: str):
    return [p for p in phrasings_in(question, lang, "support") if p.strength == "full"]


# --- the table


def test_every_row_says_how_a_text_words_it_and_where_it_applies():
    for row in PHRASINGS:
        assert row.lang in ("en", "zh") and row.strength in ("weak", "full")
        assert bool(row.wording) != bool(row.term), row  # words of a text, or a glossary term
        assert row.uses and row.uses <= {"search", "support"}
        assert not row.needs or any(r.name == row.needs and r.lang == row.lang for r in PHRASINGS)


def test_a_weak_phrasing_is_never_searched():
    # Near-synonyms every paragraph of a report has would only add noise to the query.
    assert adoption("In what area does the vote mark a watershed?", "en")
    assert phrasings_in("In what area does the vote mark a watershed?", "en", "search") == ()
    assert [p.source for p in phrasings_in("What were all parties asked to stop doing?", "en", "search")] == [
        "asked to stop",
        "all parties",
    ]


def test_a_yes_no_question_reads_the_vote_as_the_adoption():
    # "before this vote" dates the question; "unanimous" is a specific fact the adoption's words do not say
    # (answering/specifics.py), so the vote itself need not stay as written.
    assert adoption("Had the General Assembly ever dealt with AI before this vote?", "en") == {
        "vote": tuple(wording_tokens(next(r for r in PHRASINGS if r.name == "adoption" and r.lang == "en")))
    }


def test_the_wording_is_read_as_a_texts_tokens():
    avoid = next(r for r in PHRASINGS if r.name == "refrain" and r.lang == "en")
    adopt = next(r for r in PHRASINGS if r.name == "adoption" and r.lang == "zh")
    assert avoid.wording == AVOIDANCE_WORDS and {"refrain", "避免"} <= set(wording_tokens(avoid))
    assert adopt.wording == ADOPTION_WORDS and {"adopt", "通过"} <= set(wording_tokens(adopt))


# --- a request to refrain (full): "asked everyone not to", 要求各方不要


def test_the_everyone_phrase_of_a_request_is_the_stakeholders():
    found = refrain("What were all parties asked to stop doing?", "en")
    assert [p.source for p in found] == ["asked to stop", "all parties"]
    assert [p.covers for p in found] == [("stop",), ("parti",)]
    assert found[0].term is None and found[1].term is not None and found[1].term.en == "stakeholders"


def test_an_avoidance_said_in_function_words_only_covers_no_token():
    (avoid, everyone) = refrain("What did the Council ask everyone involved not to do with drones?", "en")
    assert avoid.source == "ask everyone involved not to" and avoid.covers == ()
    assert everyone.source == "everyone involved"


def test_a_chinese_request_to_refrain():
    found = refrain("理事会要求各方不要用无人机做什么？", "zh")
    assert [(p.source, p.covers) for p in found] == [("要求各方不要", ("不要",)), ("各方", ("各方",))]


@pytest.mark.parametrize(
    ("question", "lang", "everyone", "covers"),
    [
        (
            "What did the Council ask governments, companies, civil society and others to stop doing?",
            "en",
            "governments, companies, civil society and others",
            ("govern", "compani", "civil", "societi", "other"),
        ),
        (
            "Which drones did it urge states and all other parties not to use?",
            "en",
            "states and all other parties",
            None,
        ),
        ("理事会要求政府、企业等各方停止用无人机做什么？", "zh", "政府、企业等各方", ("政府", "企业", "各方")),
    ],
)
def test_a_list_of_actors_ending_in_the_others_is_everyone(question, lang, everyone, covers):
    (avoid, addressed) = refrain(question, lang)
    assert avoid.phrasing.name == "refrain" and addressed.source == everyone
    assert addressed.term is not None and addressed.term.en == "stakeholders"
    assert covers is None or addressed.covers == covers


@pytest.mark.parametrize(
    "question",
    [
        "What did the Council ask states, the private sector and others to do?",  # nothing to avoid
        "Which countries, regions and others avoid AI?",  # avoiding, but no request
    ],
)
def test_a_list_of_actors_outside_a_request_to_refrain_is_no_one(question):
    assert refrain(question, "en") == []


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("What did the Council ask everyone to do?", "en"),  # a request, but nothing to avoid
        ("How can developing countries avoid the digital divide?", "en"),  # avoiding, but no request
        ("Who did the Assembly ask to report?", "en"),
        ("请问理事会呼吁什么？", "zh"),  # 请问 is "may I ask", no request
    ],
)
def test_other_questions_have_no_request_to_refrain(question, lang):
    assert refrain(question, lang) == []


# --- the adoption's event noun (weak): "the vote", "the passing", 这次表决


@pytest.mark.parametrize(
    ("question", "lang", "token"),
    [
        ("In what area does the vote mark a watershed?", "en", "vote"),
        ("How was the passing of the text regarded?", "en", "pass"),
        ("What made this vote unprecedented?", "en", "vote"),
        ("这次表决被视为什么样的里程碑？", "zh", "表决"),
        # names between the determiner and the noun say whose vote it is
        ("In which city was this news story about the UN AI vote filed?", "en", "vote"),
        ("How was the General Assembly vote described?", "en", "vote"),
    ],
)
def test_an_event_noun_with_a_determiner_is_the_adoption(question, lang, token):
    assert "adopt" in adoption(question, lang)[token]


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Which countries voted against the resolution?", "en"),  # a verb: who voted how
        ("How many votes did the resolution receive?", "en"),  # a count of votes
        ("What was the vote count?", "en"),  # the noun modifies what is asked
        ("What was the UN vote count?", "en"),
        ("Which countries opposed the UN AI vote for or against?", "en"),  # votes for / against, named or not
        ("What did the text say about AI voting rights?", "en"),  # no determiner: votes, not the event
        ("How did the states vote on it?", "en"),
        ("Did Romania cast its vote for the draft?", "en"),  # a vote cast
        ("How did Romania cast its vote?", "en"),
        ("Which countries voted against it in the vote?", "en"),  # one token, used both ways
        ("有多少国家投票反对？", "zh"),
    ],
)
def test_votes_cast_and_counted_are_no_adoption(question, lang):
    assert adoption(question, lang) == {}


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # "voting" modifying a noun: voting rights and procedures are no adoption
        ("Who holds the voting rights in the General Assembly?", "en"),
        ("What does the voting procedure require?", "en"),
        # a passage of text, and the passage of time
        ("What does this passage say about developing countries?", "en"),
        ("How did the passage of time change AI governance?", "en"),
        ("这次投票权的分配如何？", "zh"),
        ("这次表决程序有什么要求？", "zh"),
    ],
)
def test_a_vote_or_passage_that_is_not_the_adoption_event_stays_as_written(question, lang):
    assert adoption(question, lang) == {}


@pytest.mark.parametrize(
    "question",
    [
        "What did the voting on the AI resolution mark?",
        "What happened after the voting?",
        "How was the passage of the resolution described?",
        # a verb after "the voting" (no noun it modifies), and the passage of a text named by its kind
        "How did the voting go?",
        "When did the voting take place?",
        "What happened after the passage of resolution 70/1?",
    ],
)
def test_the_voting_and_the_passage_of_a_text_are_the_adoption(question):
    assert adoption(question, "en")


@pytest.mark.parametrize(
    "question",
    [
        "Who said that voting was close?",  # "that" opens a clause: "voting" has no determiner
        "Who noted that passing the text was hard?",  # a verb with its object, not the event
        "Why did the delegates say that voting on the text had to wait?",
    ],
)
def test_that_as_a_conjunction_is_no_determiner_of_the_event(question):
    assert adoption(question, "en") == {}


def test_that_as_a_demonstrative_still_names_the_vote():
    assert "adopt" in adoption("Why was that vote a watershed?", "en")["vote"]


def test_a_name_before_the_noun_that_is_a_vote_word_itself_is_no_event():
    # Only the noun that ends the phrasing is the event: "Voting" in a name is another use of the token.
    assert adoption("How was the Voting Rights vote described?", "en") == {}


# --- idioms a report writes in a plain word of its own (full): backing, a turning point, regard, partners


def full(question: str, lang: str) -> list[tuple[str, str, tuple[str, ...]]]:
    found = phrasings_in(question, lang, "support")
    return [(p.phrasing.name, p.source, p.covers) for p in found if p.strength == "full"]


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("How many countries got behind the resolution?", "got behind"),
        ("How many states lent their backing to the text?", "lent their backing"),
        ("Which states threw their weight behind the draft?", "threw their weight behind"),
        ("How many members rallied behind the proposal?", "rallied behind"),
        ("How many countries put their weight behind the text?", "put their weight behind"),
    ],
)
def test_backing_idioms_are_the_support_a_text_reports(question, source):
    [(name, found, covers)] = full(question, "en")
    assert (name, found) == ("backing", source) and covers
    row = next(r for r in PHRASINGS if r.name == "backing")
    assert {"support", "支持"} <= set(wording_tokens(row))


@pytest.mark.parametrize(
    "question",
    [
        "Who got the most votes?",  # "got" alone asks something else
        "Which country lent money to the programme?",
        "What lies behind the resolution?",
        "Did the states put the dispute behind them?",  # "put" is backing only with its weight
        "What support does ITU give developing countries?",  # the plain word is no idiom to read
    ],
)
def test_words_of_an_idiom_alone_are_not_read_as_it(question):
    assert full(question, "en") == []


def test_a_turning_point_is_a_watershed_or_milestone():
    assert full("Why is the resolution a turning point?", "en") == [("watershed", "turning point", ("turn", "point"))]
    assert full("Was it a game changer for AI governance?", "en")[0][0] == "watershed"
    # what it was called is part of the idiom: a report says the milestone, not who described it so
    assert full("Why is the vote described as a turning point?", "en") == [
        ("watershed", "described as a turning point", ("describ", "turn", "point"))
    ]
    assert full("Who described the resolution?", "en") == []


def test_how_something_was_regarded_is_asked_only_where_the_question_ends_with_it():
    assert full("How was the adoption regarded?", "en") == [("recognized", "regarded", ("regard",))]
    # The question says how it is seen, and asks what made it so: its own words must be found.
    assert full("Why is this decision seen as a landmark for the world body?", "en") == []


def test_chinese_partners_are_those_a_text_says_one_works_with():
    assert full("峰会是和哪些合作伙伴一起办的？", "zh") == [("partners", "合作伙伴", ("合作伙伴",))]
    row = next(r for r in PHRASINGS if r.name == "partners")
    assert "合作" in wording_tokens(row)


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("Who spearheaded the proposal?", "spearheaded"),
        ("Who championed the resolution?", "championed"),
        ("Which states led the charge on AI?", "led the charge"),
    ],
)
def test_idioms_of_leading_are_the_lead_a_text_reports(question, source):
    [(name, found, _), *_] = full(question, "en")
    assert (name, found) == ("led", source)
    row = next(r for r in PHRASINGS if r.name == "led")
    assert {"led", "牵头"} <= set(wording_tokens(row))


@pytest.mark.parametrize(
    "question",
    [
        "Who championed the proposal?",
        "Who led the proposal?",
        "Who was the proposal led by?",
        "Who adopted the proposal?",
    ],
)
def test_the_proposal_someone_led_or_backed_is_the_resolution(question):
    [row] = [p for p in phrasings_in(question, "en", "support") if p.phrasing.name == "resolution"]
    assert row.covers == ("propos",)
    assert "resolut" in wording_tokens(row.phrasing)


@pytest.mark.parametrize(
    "question",
    [
        "What symbol does the ITU proposal carry?",  # the draft as a kind of document
        "Who submitted the proposal?",  # submitting is the draft's, not the adoption's
        "Which country led the coalition?",
    ],
)
def test_other_proposals_stay_as_written(question):
    assert all(p.phrasing.name != "resolution" for p in phrasings_in(question, "en", "support"))


# --- everyday names of a text's terms


@pytest.mark.parametrize(
    ("question", "source", "term"),
    [
        ("What help should poorer countries get with smart machines?", "smart machines", "artificial intelligence"),
        ("Which aims can clever software help reach?", "clever software", "artificial intelligence"),
        ("Which brainy tools should nobody use?", "brainy tools", "artificial intelligence"),
        ("What gap between wealthy and low-income economies remains?", "low-income economies", "developing countries"),
        ("What gap between rich and poor countries is named?", "poor countries", "developing countries"),
        ("What does it say about the developing world?", "the developing world", "developing countries"),
    ],
)
def test_an_everyday_name_of_a_term_is_read_as_the_term(question, source, term):
    named = [p for p in phrasings_in(question, "en", "support") if p.phrasing.names]
    assert [(p.source, p.term.en if p.term else None) for p in named if p.source == source] == [(source, term)]


@pytest.mark.parametrize(
    "question",
    [
        "Was that a smart move by the Assembly?",
        "Which countries are poor in data?",
        "Where was the OECD conference on intelligent machines and smart policies held?",
        "Is the quality of the text poor?",
    ],
)
def test_words_of_an_everyday_name_alone_are_not_read_as_the_term(question):
    assert not [p for p in phrasings_in(question, "en", "support") if p.phrasing.names]


def test_a_term_named_in_everyday_words_is_taken_out_of_the_question_as_a_whole():
    # "countries" inside "poorer countries" is no Member States, nor are "smart" and "machines" words of their own.
    left = without_named("What help should poorer countries get with smart machines?", "en", "support")
    assert "countries" not in left and "smart" not in left and "machines" not in left and "help" in left
    # Other full phrasings keep their words (a list of actors standing for everyone names its actors too).
    asked = "What did the Assembly ask governments, companies and others to stop doing?"
    assert without_named(asked, "en", "support") == asked


# --- descriptions (descriptions.py) read as rows of the table


def test_a_description_is_a_full_phrasing_of_its_glossary_term():
    found = phrasings_in("How often must the union's top official brief its governing board?", "en", "support")
    # The table's rows (the everyday verb) first, then the descriptions.
    assert [(p.phrasing.name, p.term.zh if p.term else None) for p in found] == [
        ("report", None),
        ("Secretary-General", "秘书长"),
        ("Council", "理事会"),
    ]
    assert all(p.strength == "full" for p in found)


def test_a_description_inside_a_longer_one_is_no_second_term():
    # "the union's development arm" in the Director's description names the Director's office, no term the clause
    # must also name.
    found = phrasings_in("What must the head of the union's development arm share?", "en", "support")
    assert [p.phrasing.name for p in found] == ["Director of the Telecommunication Development Bureau"]
    alone = phrasings_in("What role does the union's development arm play?", "en", "support")
    assert [p.phrasing.name for p in alone] == ["ITU Telecommunication Development Sector"]


# --- informal Chinese: descriptions of bodies and officers, everyday verbs


def informal(question: str, use: str = "support") -> list[tuple[str, str]]:
    found = phrasings_in(question, "zh", use)
    return [(p.source, p.term.en if p.term else p.phrasing.name) for p in found if p.strength == "full"]


def test_an_informal_description_is_a_full_phrasing_of_its_glossary_term():
    question = "日内瓦那家管通信的单位的掌门人多久得向董事会汇报一次？"
    assert informal(question) == [
        ("汇报", "report"),
        ("日内瓦那家管通信的单位的掌门人", "Secretary-General"),
        ("董事会", "Council"),
    ]
    assert informal(question, "search") == informal(question)
    # Its words are covered: 日内瓦 is no place a clause must name.
    covers = {t for p in phrasings_in(question, "zh", "support") for t in p.covers}
    assert {"日内瓦", "掌门人", "董事会"} <= covers


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("掌门人得跟哪些单位一起干活？", "cooperation"),
        ("各方该多聊聊哪些方面？", "discussions"),
        ("成员国在做哪些让老百姓明白这门技术潜力的事？", "awareness"),
        ("他们要弄清楚什么影响？", "understanding"),
        ("它的活动要跟别家彼此衔接吗？", "consistency"),
        ("转载照片得先找谁点头？", "permission"),
        ("能摘几段网站上的材料吗？", "extracts"),
        ("草案让秘书长掂量什么？", "consider"),
        ("联合国兄弟单位有哪些？", "UN bodies"),
        ("这份文本是谁牵头拿出来的？", "led"),
        ("是好几个国家抱团一起推的吗？", "coalition"),
        ("外界给了它什么样的定位？", "recognized"),
        ("这份AI文本是谁提的？", "resolution"),
    ],
)
def test_an_everyday_chinese_verb_reads_as_the_texts_wording(question, name):
    assert name in [n for _, n in informal(question)]


def test_an_english_question_reads_no_chinese_rows():
    assert informal("Who must the head of the union report to?") == []


def test_the_text_a_chinese_question_points_at_is_checked_as_the_resolution_not_searched():
    # 这份文本 is the resolution a report names: read for coverage, not added to the query (every clause has it).
    assert [p.phrasing.name for p in phrasings_in("这份AI文本是谁提的？", "zh", "search")] == []
    [found] = [p for p in phrasings_in("这份AI文本是谁提的？", "zh", "support") if p.phrasing.name == "resolution"]
    assert found.covers == ("文本",)
    assert phrasings_in("文本里写了什么？", "zh", "support") == ()  # no demonstrative: any text


def test_sister_agencies_and_the_un_family_are_the_uns_other_agencies_checked_not_searched():
    found = phrasings_in("Which sister agencies must the Secretary-General work with?", "en", "support")
    assert [p.phrasing.name for p in found] == ["UN bodies"]
    assert "联合国其他机构" in found[0].phrasing.wording
    assert phrasings_in("Which fellow agencies in the UN family share data?", "en", "support")
    # searched, the row cost the gold gate's MRR: it is a coverage row only
    assert not [p for p in phrasings_in("Which sister agencies?", "en", "search") if p.phrasing.name == "UN bodies"]


def test_passing_something_on_in_chinese_is_sharing():
    found = phrasings_in("秘书长要把哪些东西转给各国政府？", "zh", "support")
    assert "share" in [p.phrasing.name for p in found]


def test_blank_phrased_keeps_offsets_and_everyday_names():
    question = "Which rich countries' policy club and sister agencies are named?"
    blank = blank_phrased(question, "en")
    assert len(blank) == len(question)
    assert "club" not in blank and "sister" not in blank and blank.startswith("Which ")
    # an everyday name is what the question asks about: it stays
    assert "poorer countries" in blank_phrased("Which poorer countries get help?", "en")
