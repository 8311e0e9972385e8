"""Near misses: what a clause on the question's topic lacks to be its answer."""

from __future__ import annotations

from assistant.answering.evidence import chunk_evidence, question_groups
from assistant.answering.near_miss import fitting, lacks, needs, said
from assistant.answering.support import Support
from assistant.schema import Chunk, RetrievedChunk
from tests.answering.toy import toy_context

SG1 = (
    "促进与联合国其他机构，主要是联合国教育、科学和文化组织（UNESCO）、"
    "国际劳工组织（ILO）和世界知识产权组织（WIPO）的合作"
)
SG3 = "确保国际电联人工智能技术相关活动与参与人工智能技术相关工作的联合国其他相关机构的活动的一致性和互补性；"
BODY1 = (
    "This step was achieved through a resolution led by a coalition of nations, with support from 120 member states."
)


def chunk(text: str, lang: str = "zh", kind: str = "clause", section_kind: str = "operative") -> Chunk:
    return Chunk(
        id="d/x", doc_id="d", text=text, lang=lang, kind=kind, section_kind=section_kind, start=0, end=len(text)
    )  # type: ignore[arg-type]


def missing(question: str, lang: str, qtype: str, c: Chunk, translations=None) -> list[str]:
    return lacks(needs(question, lang, qtype, translations), c, chunk_evidence(c.text))


def test_a_country_question_lacks_a_country_in_a_clause_about_a_coalition_of_nations():
    body = chunk(BODY1, "en", "paragraph", "body")
    assert missing("Which country led the coalition?", "en", "which", body) == ["the name of a country"]
    # "a coalition of nations", "member states": a plural question is not answered by its own noun again
    assert missing("Which countries led the coalition?", "en", "which", body) == ["the name of a country"]
    access = chunk("ensuring equitable access to AI technologies, particularly for developing nations", "en")
    assert missing("Which countries need equitable access?", "en", "which", access) == []
    assert missing("Which developing nations need access first?", "en", "which", access) == ["the name of a country"]


def test_a_proposing_country_asked_before_the_question_word_needs_a_country_name():
    # 提案国 is a country (its suffix 国) though the question never says 国家; a clause's bare 国家 ("national
    # frameworks") or the member states it names are no proposing country, a named country is
    members = chunk("成员国在对其管辖范围内所部署的人工智能技术产生的影响以及建立相关国家监管框架方面可发挥重要作用；")
    named = chunk("罗马尼亚和法国提出了该决议；")
    for question in ("决议的提案国有哪些？", "这项决议有哪些提案国？"):
        assert missing(question, "zh", "which", members) == ["国家名称"]
        assert missing(question, "zh", "which", named) == []


def test_proposing_countries_the_corpus_never_names_are_not_answered(assistant):
    for question in ("决议的共同提案国有哪些？", "这项决议有哪些共同提案国？"):
        answer = assistant.ask(question)
        assert answer.abstained and "国家名称" in answer.text
    # a topic-first question on what the corpus does say is still answered
    assert not assistant.ask("秘书长的任务有哪些？").abstained


def test_a_bare_class_noun_names_no_instance_of_the_class():
    clause = chunk("equitable access to AI technologies and national regulatory frameworks (国家监管框架)", "en")
    assert missing("Which kind of nations should get fair access?", "en", "which", clause) == ["the name of a country"]


def test_a_qualifier_must_be_said_by_the_clause():
    translations = {"children": ("·儿童", "儿童"), "labour": ("劳工", "·劳工")}
    q_children = "Which UN agency for children does the Secretary-General have to cooperate with?"
    q_labour = "Which UN agency for labour does the Secretary-General have to cooperate with?"
    assert missing(q_children, "en", "which", chunk(SG3), translations) == ["children"]
    assert missing(q_children, "en", "which", chunk(SG1), translations) == ["children"]
    assert missing(q_labour, "en", "which", chunk(SG1), translations) == []


def test_a_foundation_need_not_be_called_private_but_a_company_must():
    noting = chunk("国际电联与XPRIZE基金会、计算机协会以及联合国30多个机构和部门合作组织的“人工智能造福人类高峰会议”")
    translations = {"privat": ("·私营", "私人")}
    assert missing("Which private foundation did ITU partner with?", "en", "which", noting, translations) == []
    assert missing("Which private company did ITU partner with?", "en", "which", noting, translations) != []


def test_a_chinese_qualifier_inside_a_longer_chinese_word_is_said():
    # 知识产权 is inside 世界知识产权组织, one word for the segmenter.
    assert missing("秘书长应当与哪个负责知识产权的联合国组织合作？", "zh", "which", chunk(SG1)) == []
    assert missing("秘书长应当与哪个负责知识产权的联合国组织合作？", "zh", "which", chunk(SG3)) != []


def test_a_chinese_qualifier_is_said_by_an_english_clause_only_through_a_whole_dictionary_sense():
    group = question_groups("知识产权", "zh")[0]
    text = "upholding human rights"
    glosses = {"知识产权": ["intellectual property rights"]}.get
    assert not said(group, text, chunk_evidence(text), lambda w: glosses(w) or [])
    text = "protecting intellectual property rights"
    assert said(group, text, chunk_evidence(text), lambda w: glosses(w) or [])


def test_a_name_inside_a_longer_glossary_name_is_said():
    group = question_groups("Which UN body", "en")[0]
    text = "2017年成立的联合国区域间犯罪和司法研究所（UNICRI）人工智能和机器人中心"
    assert group.term is not None and said(group, text, chunk_evidence(text))


def test_a_future_question_is_not_answered_by_a_header_or_a_past_fact():
    header = chunk("国际电信联盟全权代表大会（2022年，布加勒斯特）", kind="header", section_kind="header")
    q = "Where will the next Plenipotentiary Conference be held?"
    assert missing(q, "en", "where", header) == ["a future or next event"]
    assert missing("Where was the Plenipotentiary Conference held?", "en", "where", header) == []


def test_a_header_answers_where_only_for_the_names_it_covers():
    header = chunk("国际电信联盟全权代表大会（2022年，布加勒斯特）", kind="header", section_kind="header")
    q = "In which city is the UNICRI centre for AI and robotics based?"
    assert "United Nations Interregional Crime and Justice Research Institute" in missing(q, "en", "where", header)


def test_a_header_never_says_where_something_is_based_but_a_clause_naming_a_city_may():
    header = chunk("国际电信联盟全权代表大会（2022年，布加勒斯特）", kind="header", section_kind="header")
    assert "所在地" in missing("2017年成立的那个机器人中心设在哪座城市？", "zh", "where", header)
    assert "where it is based" in missing("Where is the robotics centre based?", "en", "where", header)
    assert missing("Where was the conference located?", "en", "where", header) == []
    clause = chunk("The robotics centre is based in Geneva.", lang="en", section_kind="body")
    assert "where it is based" not in missing("Where is the robotics centre based?", "en", "where", clause)


def test_a_question_with_no_needs_lacks_nothing():
    n = needs("What must the Secretary-General do?", "en", "what-must")
    assert not n.any and lacks(n, chunk(SG3), chunk_evidence(SG3)) == []


def test_only_a_question_about_an_event_needs_a_clause_about_the_future():
    body = chunk("It calls for equitable access to AI for developing nations.", "en", "paragraph", "body")
    # "will benefit" is no event with a place and a date: the countries are asked for, whatever the tense.
    assert needs("Which countries will benefit from equitable access to AI?", "en", "which").future is False
    assert missing("Which countries will benefit from equitable access to AI?", "en", "which", body) == []
    assert needs("Which city will host the next AI summit?", "en", "which").future is True
    assert needs("下一届全权代表大会将在哪座城市举行？", "zh", "where").future is True


def test_a_short_chinese_alias_inside_another_bodys_name_is_not_said():
    # 大会 is an alias of the General Assembly (联合国大会) and a part of 全权代表大会 (Plenipotentiary Conference).
    group = question_groups("Where did the General Assembly meet?", "en")[0]
    assert group.term is not None and group.term.en == "General Assembly"
    header = "国际电信联盟全权代表大会（2022年，布加勒斯特）"
    assert not said(group, header, chunk_evidence(header))
    assert said(group, "联合国大会通过了决议", chunk_evidence("联合国大会通过了决议"))


def test_the_whole_a_partitive_question_asks_parts_of_must_be_named():
    lifecycle = chunk("upholding human rights throughout the lifecycle of AI, from design to deployment.", "en")
    rights = chunk("human rights must be safeguarded offline and online in the face of AI deployment.", "en")
    q = "Which stages of the AI lifecycle does the article list?"
    assert missing(q, "en", "which", lifecycle) == []
    assert missing(q, "en", "which", rights) == ["lifecycle"]
    # without a certain end of the noun phrase no whole is required
    assert missing("Which part of ITU helps poorer countries build networks?", "en", "which", rights) == []


def test_a_part_of_the_union_is_a_part_of_itu_named_by_the_clause():
    # "the Union" is ITU: its Development Sector is a part of it; a paragraph on member states' cooperation is not
    sector = chunk(
        "国际电联电信发展部门（ITU-D）在促进电信和ICT发展问题上的国际合作中发挥着重要作用；", section_kind="preamble"
    )
    states = chunk("the resolution paves the way for cooperation among member states and civil society.", "en")
    q = "Which part of the Union has a big role in getting countries to cooperate on telecom networks?"
    assert missing(q, "en", "which", sector) == []
    assert missing(q, "en", "which", states) == ["International Telecommunication Union"]


def test_the_whole_must_be_in_the_clause_itself_not_only_in_its_documents_title():
    body = chunk("This resolution marks the first instance the General Assembly addressed AI.", "en")
    titled = chunk_evidence(body.text + "\nUN General Assembly Adopts Resolution on AI Implementation")
    q = "Which phases of the resolution's implementation will the Council review?"
    assert lacks(needs(q, "en", "which"), body, titled) == ["implementation"]


def test_what_a_body_did_needs_the_body_in_the_clause_not_only_in_its_documents_title():
    unicri = chunk("2017年成立的联合国区域间犯罪和司法研究所（UNICRI）人工智能和机器人中心；", section_kind="preamble")
    titled = chunk_evidence(unicri.text + "\n国际电信联盟全权代表大会（2022年，布加勒斯特）")
    assert "ITU" in lacks(needs("What did ITU do in 2017?", "en", "what"), unicri, titled)
    noting_a = chunk("国际电联与XPRIZE基金会合作组织的“人工智能造福人类高峰会议”；", section_kind="preamble")
    titled = chunk_evidence(noting_a.text + "\n国际电信联盟全权代表大会（2022年，布加勒斯特）")
    assert lacks(needs("What did ITU do?", "en", "what"), noting_a, titled) == []


def test_a_where_question_lacks_a_place_in_a_clause_that_names_none():
    resolves = chunk(
        "确保成员国能够贡献和利用国际电联、联合国其他机构的信息和建议，以促进《2030年可持续发展议程》的实现，"
    )
    header = chunk("国际电信联盟全权代表大会（2022年，布加勒斯特）", kind="header", section_kind="header")
    assert "a place" in missing("Where will the next Plenipotentiary Conference take place?", "en", "where", resolves)
    assert "地点" in missing("下一届全权代表大会将在哪里举行？", "zh", "where", resolves)
    assert missing("全权代表大会在哪里举行？", "zh", "where", header) == []
    # "在哪些方面" asks in which respect: no place is needed
    assert missing("成员国在哪些方面可以发挥作用？", "zh", "where", resolves) == []


HEADER = "ADD\tEUR/44A25/1\n第[EUR-2]号新决议草案\n国际电信联盟全权代表大会（2022年，布加勒斯特）"
RECALLING_D = "本届大会有关国际电联作用的第140号决议（2022年，布加勒斯特，修订版），"
RECALLING_B = "联大有关“信息社会世界峰会（WSIS）成果文件执行情况全面审查”的第A/RES/70/125号决议；"


def test_a_header_does_not_answer_for_a_document_it_does_not_carry_the_number_of():
    header = chunk(HEADER, kind="header", section_kind="header")
    assert missing("In which city was Resolution 140 revised?", "en", "where", header) == ["Resolution 140"]
    assert missing("第139号决议是在哪个城市修订的？", "zh", "where", header) == ["第139号决议"]
    # the clause that carries the number answers; the header answers for its own symbol
    assert missing("In which city was Resolution 140 revised?", "en", "where", chunk(RECALLING_D)) == []
    assert missing("Where was EUR/44A25/1 submitted?", "en", "where", header) == []


def test_naming_the_asked_document_is_no_place_for_it():
    # "第A/RES/70/125号决议" says where a text is set out, not where that resolution was adopted.
    assert missing("Where was UN resolution A/RES/70/125 adopted?", "en", "where", chunk(RECALLING_B)) == ["a place"]
    assert missing("Where is the outcome document set out?", "en", "where", chunk(RECALLING_B)) == []


def test_a_clause_about_another_numbered_document_does_not_answer():
    recalling_c = chunk("本届大会有关弥合数字鸿沟的第139号决议（2022年，布加勒斯特，修订版）；")
    assert missing("In which city was Resolution 140 revised?", "en", "where", recalling_c) == ["Resolution 140"]
    recalling_a = chunk("联大有关“变革我们的世界：2030年可持续发展议程”的第A/RES70/1号决议；")
    assert missing("Where was UN resolution A/RES/70/125 adopted?", "en", "where", recalling_a) == ["A/RES/70/125"]


def test_when_a_resolution_was_first_adopted_is_not_the_year_of_its_revision():
    revised = chunk("本届大会有关弥合数字鸿沟的第139号决议（2022年，布加勒斯特，修订版）；")
    assert missing("When was Resolution 139 originally adopted?", "en", "when", revised) == [
        "the date of its first adoption"
    ]
    assert missing("第139号决议首次通过是在哪一年？", "zh", "when", revised) == ["最初通过的时间"]
    # Without "first" the revision's year answers, as it does for a clause that gives both years.
    assert missing("In what year was Resolution 139 revised?", "en", "when", revised) == []
    both = chunk("本届大会有关弥合数字鸿沟的第139号决议（2006年，安塔利亚；2022年，布加勒斯特，修订版）；")
    assert missing("When was Resolution 139 originally adopted?", "en", "when", both) == []


def test_a_question_naming_two_documents_is_answered_for_one_by_the_clause_on_it():
    # "Resolutions 139 and 140" reads both; no clause recalls both, each answers for its own.
    question = "In which city were Resolutions 139 and 140 revised?"
    assert missing(question, "en", "where", chunk(RECALLING_D)) == []
    recalling_a = chunk("联大有关“变革我们的世界：2030年可持续发展议程”的第A/RES70/1号决议；")
    assert missing(question, "en", "where", recalling_a)[-2:] == ["Resolution 139", "Resolution 140"]


def test_a_numbered_resolution_is_answered_from_its_clause_not_from_a_header(assistant):
    answer = assistant.ask("In which city was Resolution 140 revised?")
    assert [c.chunk_id for c in answer.citations] == ["eur-44a25-1/preamble/recalling/d"]
    assert "布加勒斯特" in answer.text
    zh = assistant.ask("第139号决议是在哪个城市修订的？")
    assert [c.chunk_id for c in zh.citations] == ["eur-44a25-1/preamble/recalling/c"]
    # The corpus names A/RES/70/125 but not where it was adopted; the header's Bucharest is PP-22's.
    assert assistant.ask("Where was UN resolution A/RES/70/125 adopted?").abstained


def test_a_first_adoption_question_says_what_the_clause_on_its_resolution_lacks(assistant):
    # Not "the documents never mention Resolution 139": the clause recalling it lacks only the first date.
    for question in ("When was Resolution 139 originally adopted?", "第139号决议首次通过是在哪一年？"):
        answer = assistant.ask(question)
        assert answer.abstained and answer.citations == []
        assert "Resolution 139" not in answer.text and "第139号决议" not in answer.text
    assert "2022" in assistant.ask("第139号决议是在哪一年修订的？").text


def test_a_role_the_question_names_must_be_named_by_the_clause():
    sg = chunk("责成秘书长 / instructs the Secretary-General\n与成员国分享联合国系统内提供的建议和信息")
    bdt = chunk("责成发展局主任 / instructs the Director of the Telecommunication Development Bureau\n与成员国分享信息")
    q = "Who is the Director asked to share information with?"
    assert missing(q, "en", "who", sg) == ["Director"]
    assert missing(q, "en", "who", bdt) == []
    assert missing("研究组的编辑负责什么？", "zh", "what", sg) == ["编辑"]


def test_the_clause_that_names_the_role_is_preferred_to_a_neighbour_that_does_not(assistant):
    answer = assistant.ask("Who is the Director asked to share information with?")
    assert not answer.abstained
    assert all("director-bdt" in c.chunk_id for c in answer.citations)


def test_a_verb_before_the_asked_group_adds_nothing_to_the_question():
    helps = chunk("Equitable access helps developing nations.", "en", "paragraph", "body")
    assert missing("Which developing nations will receive AI first?", "en", "which", helps) == ["the name of a country"]
    assert missing("Which nations will receive AI first?", "en", "which", helps) == []


def test_which_specific_or_other_countries_is_answered_by_a_group_the_clause_names():
    access = chunk("ensuring equitable access to AI technologies, particularly for developing nations", "en")
    assert missing("Which specific countries need access?", "en", "which", access) == []
    assert missing("Which other nations need access?", "en", "which", access) == []


def test_a_question_comparing_two_documents_needs_a_clause_carrying_both():
    for question in ("Compare Resolutions 139 and 140.", "第139号和第140号决议有什么共同点？"):
        lang = "zh" if "第" in question else "en"
        assert missing(question, lang, "what", chunk(RECALLING_D))[-1] in (
            "Resolution 139 and Resolution 140 together",
            "同时关于第139号决议和第140号决议的条款",
        )


def test_an_organisation_asked_with_a_modifier_must_keep_it():
    body = chunk("cooperation among member states, civil society, the private sector, and other stakeholders", "en")
    q = "Which civil society organisations will help craft the frameworks?"
    assert missing(q, "en", "which", body) == ["the name of such an organisation"]
    assert missing("Which organisations will help craft the frameworks?", "en", "which", body) == []


def test_a_which_question_lacks_instances_in_a_clause_that_only_repeats_its_noun():
    body = chunk("a watershed moment in global governance concerning emerging technologies.", "en", "paragraph")
    q = "Which emerging technologies did the Assembly address besides AI?"
    assert missing(q, "en", "which", body) == ["the names of such emerging technologies"]
    assert missing("Which technologies did the Assembly address besides AI?", "en", "which", body) == []
    # a Chinese clause is read for it too: 新兴技术 (the glossary's "emerging technologies") alone repeats it,
    # a list that ends in it names some
    assert missing(q, "en", "which", chunk("关注新兴技术")) == ["the names of such emerging technologies"]
    assert missing(q, "en", "which", chunk("区块链等新兴技术")) == []


def test_clauses_far_off_the_topic_do_not_answer_for_the_near_miss_on_it():
    topic = "The resolution was led by a coalition of nations, with support from 120 member states."
    other = "It ensures equitable access to AI, particularly for developing nations."
    ctx = toy_context({"d": ("article", [("paragraph", topic), ("paragraph", other)])}, hits=["d/paragraph/1"])
    on, off = (
        Support(RetrievedChunk(c, 1.0), overlap, 0.3) for c, overlap in zip(ctx.chunks, (0.76, 0.17), strict=True)
    )
    n = needs("Which nations led the coalition?", "en", "which")
    fit = fitting(n, [on, off], ctx)
    assert fit.fit == [] and fit.closest is on and fit.missing == ("the name of a country",)
    # a clause that fits and covers nearly as much still answers
    close = Support(off.hit, 0.5, 0.3)
    assert fitting(n, [on, close], ctx).fit == [close]


def test_when_the_topic_clause_only_repeats_the_asked_noun_a_clause_without_the_noun_does_not_answer(assistant):
    # body/6 says only "upholding ethical standards": no instance. A Chinese clause on standards-developing
    # organisations, or an English one never saying "standards", is no answer in its place.
    answer = assistant.ask("Which ethical standards should AI technologies uphold?")
    assert answer.abstained, [c.chunk_id for c in answer.citations]
    goals = assistant.ask("Which sustainable development goals does the article mention?")
    assert [c.chunk_id for c in goals.citations] == ["unido-unga-ai-resolution/body/3"]


def test_both_of_another_phrase_or_of_a_yes_no_question_does_not_ask_for_the_documents_together(assistant):
    which = assistant.ask(
        "Which of Resolutions 139 and 140 addresses both the digital divide and the information society?"
    )
    assert [c.chunk_id for c in which.citations] == ["eur-44a25-1/preamble/recalling/c"]
    revised = assistant.ask("Were Resolutions 139 and 140 both revised in Bucharest in 2022?")
    assert not revised.abstained and revised.text.startswith("Yes")


def test_a_number_of_countries_asks_for_that_many_named_ones_not_a_group():
    access = chunk("ensuring equitable access to AI technologies, particularly for developing nations", "en")
    assert missing("Which two nations need equitable access?", "en", "which", access) == ["the name of a country"]
    named = chunk("ensuring equitable access to AI technologies, particularly for Kenya and Peru", "en")
    assert missing("Which two nations need equitable access?", "en", "which", named) == []


def test_a_question_for_a_countrys_delegation_lacks_a_country_in_a_clause_on_member_states():
    member_states = chunk("成员国在建立相关国家监管框架方面可发挥重要作用；")
    q = "报道说，哪个国家的代表团主导了这项提案的起草？"
    assert missing(q, "zh", "which", member_states) == ["国家名称"]
    assert missing(q, "zh", "which", chunk("罗马尼亚代表团主导了提案的起草。")) == []


def test_a_chinese_clause_that_only_repeats_the_asked_noun_does_not_answer_in_either_language(assistant):
    # the draft says only 民间团体 / 其他私营部门实体: no organisation or entity is named
    for question in (
        "决议草案提到哪些民间团体参与人工智能技术开发？",
        "Which private sector entities must ITU and other UN bodies cooperate with?",
    ):
        answer = assistant.ask(question)
        assert answer.abstained, (question, [c.chunk_id for c in answer.citations])
    # 社会、经济和伦理问题 names the issues; 互联网治理论坛 is a forum the Secretary-General works with
    issues = assistant.ask("哪些人工智能问题超出了国际电联的职权范围？")
    assert [c.chunk_id for c in issues.citations] == ["eur-44a25-1/preamble/considering-further/g"]
    forums = assistant.ask("Which forums should the Secretary-General promote cooperation with on AI?")
    assert [c.chunk_id for c in forums.citations] == ["eur-44a25-1/operative/secretary-general/1"]


def test_a_chinese_which_question_needs_an_english_clause_to_name_more_than_its_translation():
    translations = {"伦理": ("ethic",), "标准": ("standard",), "人工智能": ("ai",), "技术": ("technolog",)}
    echo = chunk("AI technologies serve humanity while upholding ethical standards.", "en", "paragraph", "body")
    named = chunk("AI systems must not contravene international human rights standards.", "en", "paragraph", "body")
    question = "人工智能技术应当维护哪些伦理标准？"
    assert missing(question, "zh", "which", echo, translations) == ["具体的伦理标准名称"]
    assert missing(question, "zh", "which", named, translations) == []


BODY5 = (
    "Furthermore, the Assembly emphasized the necessity of addressing the digital divide and ensuring equitable "
    "access to AI technologies, particularly for developing nations. Recognizing the disparities, efforts to "
    "support inclusive access to AI were highlighted."
)
BODY6 = (
    "The resolution paves the way for cooperation among member states and civil society. It aligns with broader "
    "UN initiatives aimed at fostering digital cooperation."
)


def test_a_class_noun_in_the_predicate_needs_the_head_noun_named_with_it_in_one_sentence():
    body5, body6 = chunk(BODY5, "en", "paragraph", "body"), chunk(BODY6, "en", "paragraph", "body")
    # "the digital divide … for developing nations": the divide asked for, with the predicate's nations
    assert missing("Which divide concerns developing nations?", "en", "which", body5) == []
    # UN initiatives, and member states in another sentence: no initiative said to help any country
    assert missing("Which initiatives help developing nations?", "en", "which", body6) != []
    # no programme named at all
    assert missing("Which programs help developing countries?", "en", "which", body5) != []


def test_a_chinese_passives_agent_must_be_who_acts_in_the_clause():
    report = "每年向理事会报告对国际电联产生重大战略或财务影响的人工智能问题的任何活动，"
    sg7 = Chunk(
        id="d/x",
        doc_id="d",
        text=report,
        lang="zh",
        kind="clause",
        section_kind="operative",
        start=0,
        end=len(report),
        addressee_zh="秘书长",
    )  # type: ignore[arg-type]
    assert missing("哪些活动由秘书长负责？", "zh", "which", sg7) == []
    # the Council is who the activities are reported to, not who is responsible for them
    assert missing("哪些活动由理事会负责？", "zh", "which", sg7) == ["由理事会负责的活动"]


def test_a_chinese_clause_must_say_the_predicates_whole_object_word():
    challenges = chunk("成员国在对其管辖范围内所部署的人工智能技术产生的影响和带来的挑战方面可发挥重要作用；")
    # 成员国 are countries, not the developing ones the question says the challenges affect
    assert missing("哪些挑战影响发展中国家？", "zh", "which", challenges) == ["具体的挑战名称"]
    assert missing("哪些挑战影响成员国？", "zh", "which", challenges) == []


def test_an_english_group_that_only_translates_a_chinese_questions_class_noun_names_no_country():
    body = chunk(BODY1, "en", "paragraph", "body")
    translations = {"国家": ("countri", "nation", "state"), "提出": ("propos", "put")}
    # "a coalition of nations", "member states": the question's own 国家 in English, as for "Which countries …?"
    assert missing("该决议由哪些国家提出？", "zh", "which", body, translations) == ["国家名称"]
    access = chunk("ensuring equitable access to AI technologies, particularly for developing nations", "en")
    assert missing("哪些国家需要公平获取？", "zh", "which", access, translations) == []


def test_a_description_or_phrasing_asks_for_its_term_not_for_its_words():
    sg5 = chunk(
        "促进与其它相关国际组织，包括其他标准制定组织、OECD，多方举措和其他私营部门、民间团体、学术和科技组织的富有成果的合作"
    )
    # "rich countries' policy club" is the OECD: no country name is needed
    assert (
        missing("Which rich countries' policy club should the Secretary-General work with?", "en", "which", sg5) == []
    )
    # "sister agencies" are the UN's other agencies: "sister" is no qualifier a clause must state
    assert "sister" not in missing(
        "Which sister agencies should the Secretary-General work with?", "en", "which", chunk(SG1)
    )
    # a plain country question still needs a country
    assert missing("Which rich countries should the Secretary-General work with?", "en", "which", sg5) != []
