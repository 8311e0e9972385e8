"""Specific focuses (budget, penalty, vote, deadline …) must be in the clause an answer cites."""

from __future__ import annotations

import pytest

from assistant.answering.evidence import chunk_evidence
from assistant.answering.specifics import specific_groups, unsupported_specifics

CLAUSE = chunk_evidence("The Secretary-General shall report every year to the Council on AI activities.")


def test_a_budget_question_is_not_answered_by_a_clause_without_a_budget():
    assert unsupported_specifics("What is the Secretary-General's budget for AI?", "en", CLAUSE) == ["budget"]


def test_the_word_is_shown_as_the_question_writes_it():
    assert unsupported_specifics("What penalties apply to the Council?", "en", CLAUSE) == ["penalties"]


def test_a_clause_that_states_the_fact_supports_it():
    voted = chunk_evidence("120 member states voted for the resolution.")
    assert unsupported_specifics("How many member states voted for it?", "en", voted) == []


def test_questions_without_a_specific_focus_pass():
    assert unsupported_specifics("Who must report to the Council?", "en", CLAUSE) == []


def test_chinese_focus_words_are_found_inside_longer_words():
    assert [g.token for g in specific_groups("秘书长的年度预算是多少？", "zh")]
    assert unsupported_specifics("决议对违规国家有什么处罚？", "zh", chunk_evidence("每年向理事会报告")) != []


def test_a_translation_of_the_focus_counts_as_support():
    zh_clause = chunk_evidence("成员国的预算")
    assert unsupported_specifics("What is the budget?", "en", zh_clause, {"budget": ("预算",)}) == []


def test_who_paid_is_answered_only_by_a_clause_that_says_who_paid():
    assert unsupported_specifics("Which stakeholders paid for the summit?", "en", CLAUSE) == ["paid"]
    paid = chunk_evidence("The summit was paid for by the host country.")
    assert unsupported_specifics("Which stakeholders paid for the summit?", "en", paid) == []
    assert unsupported_specifics("谁支付了峰会的费用？", "zh", chunk_evidence("每年向理事会报告")) != []


def test_who_sponsored_is_answered_only_by_a_clause_that_says_so():
    organised = chunk_evidence(
        "ITU organised the summit with the XPRIZE Foundation, receiving support from 30 agencies."
    )
    assert unsupported_specifics("Which companies sponsored the summit?", "en", organised) == ["sponsored"]
    sponsored = chunk_evidence("The summit was sponsored by two foundations.")
    assert unsupported_specifics("Which companies sponsored the summit?", "en", sponsored) == []
    assert unsupported_specifics("哪些机构资助了这次峰会？", "zh", chunk_evidence("国际电联与基金会合作组织峰会")) == [
        "资助"
    ]


def test_paying_attention_is_no_money_fact():
    assert unsupported_specifics("What should the Secretary-General pay attention to?", "en", CLAUSE) == []


def test_exemptions_licences_and_monitors_are_facts_a_clause_must_state():
    assert unsupported_specifics("Which stages does the resolution exempt from review?", "en", CLAUSE) == ["exempt"]
    assert unsupported_specifics("Which body will monitor the Council?", "en", CLAUSE) == ["monitor"]
    assert unsupported_specifics("运营商必须向哪个机构申请许可？", "zh", chunk_evidence("每年向理事会报告")) != []
    licensed = chunk_evidence("Operators need a licence from the regulator.")
    assert unsupported_specifics("Who grants the licence?", "en", licensed) == []


def test_oversight_and_certification_are_facts_a_clause_must_state():
    assert unsupported_specifics("Who oversees the implementation of the Council?", "en", CLAUSE) == ["oversees"]
    assert unsupported_specifics("哪个机构负责监督理事会？", "zh", chunk_evidence("每年向理事会报告")) == ["监督"]
    # a clause that states it supports it
    assert unsupported_specifics("哪个机构负责监督理事会？", "zh", chunk_evidence("由理事会负责监督")) == []


def test_approving_a_resolution_is_supported_by_its_adoption_but_a_licence_approval_is_not():
    adopted = chunk_evidence("联合国大会通过了一项关于人工智能的决议")
    assert unsupported_specifics("联合国大会批准了什么决议？", "zh", adopted) == []
    assert unsupported_specifics("运营商需要获得哪个部门的批准？", "zh", chunk_evidence("每年向理事会报告")) == ["批准"]
    assert unsupported_specifics("Which resolution did the General Assembly approve?", "en", CLAUSE) == []


STUDY_GROUPS = chunk_evidence("电信标准化部门（ITU-T）各研究组和焦点组就人工智能技术在电信/ICT领域的潜力所开展的活动")


def test_a_role_the_clause_never_names_is_not_answered_by_it():
    # The clause is about ITU-T's study groups; nothing in it is an editor or a rapporteur.
    assert unsupported_specifics("What is the role of the editor of an ITU-T Recommendation?", "en", STUDY_GROUPS) == [
        "editor"
    ]
    assert unsupported_specifics("What does the rapporteur of the study groups do?", "en", STUDY_GROUPS) == [
        "rapporteur"
    ]
    assert unsupported_specifics("ITU-T建议书的编辑有什么职责？", "zh", STUDY_GROUPS) == ["编辑"]
    assert unsupported_specifics("决议草案的编者希望研究组做什么？", "zh", STUDY_GROUPS) == ["编者"]
    assert unsupported_specifics("What must the ambassadors of Member States do?", "en", CLAUSE) == ["ambassadors"]


def test_a_role_the_clause_names_directly_or_in_translation_supports_it():
    director = chunk_evidence("责成发展局主任 / instructs the Director of the Telecommunication Development Bureau")
    assert unsupported_specifics("What must the director do?", "en", director) == []
    assert unsupported_specifics("发展局主任要做什么？", "zh", director) == []
    assert (
        unsupported_specifics(
            "What does the spokesperson say?",
            "en",
            chunk_evidence("发言人说"),
            {
                "spokesperson": ("·发言", "·言人"),
            },
        )
        == []
    )


def test_roles_and_bodies_the_corpus_names_as_terms_are_not_role_focuses():
    # "role" itself asks for no person; Member States and the Secretary-General are glossary names,
    # which coverage and the absent-name check already look for.
    assert unsupported_specifics("What role do Member States play in regulation?", "en", CLAUSE) == []
    assert unsupported_specifics("What must the Secretary-General do?", "en", CLAUSE) == []


def test_a_question_about_an_unnamed_role_abstains_and_a_named_role_is_answered(assistant):
    for question in ("What is the role of the editor of an ITU-T Recommendation?", "ITU-T建议书的编辑有什么职责？"):
        answer = assistant.ask(question)
        assert answer.abstained and not answer.citations
    assert "editor" in assistant.ask("What is the role of the editor of an ITU-T Recommendation?").text
    director = assistant.ask("What must the director do?")
    assert not director.abstained
    assert all("director-bdt" in c.chunk_id for c in director.citations)


def test_authorities_are_no_authorization_but_an_authorization_is_a_specific_fact():
    # "authorization" and "authorities" stem alike: only the focus word as written (or inflected) counts.
    assert specific_groups("Which authorities must report to the Council?", "en") == []
    assert specific_groups("Which authority may set national rules?", "en") == []
    assert unsupported_specifics("What authorization does the Council need?", "en", CLAUSE) == ["authorization"]
    assert unsupported_specifics("Which budgets are reported to the Council?", "en", CLAUSE) == ["budgets"]


def test_how_a_text_was_adopted_is_a_fact_the_cited_clause_must_state():
    adopted = chunk_evidence("the adoption of this resolution has been recognized as a historic milestone")
    assert unsupported_specifics("Was the AI resolution unanimous?", "en", adopted) == ["unanimous"]
    assert unsupported_specifics("Is the resolution mandatory?", "en", adopted) == ["mandatory"]
    assert [g.token for g in specific_groups("决议是否一致通过？", "zh")] == ["一致"]
    # 相一致 (is in line with) asks for no vote
    assert specific_groups("该决议与联合国哪方面的更广泛倡议相一致？", "zh") == []
    unanimous = chunk_evidence("The resolution was adopted unanimously.")
    assert unsupported_specifics("Was the AI resolution adopted unanimously?", "en", unanimous) == []


def test_a_role_word_inside_a_word_that_names_no_person_is_no_role():
    # A Chinese compound is named by its last part: 大使馆 is an embassy, 编辑器 an editing program,
    # 部长级 "ministerial", 记者会 a press conference; 副主任 and 外交部长 are people.
    for question in ("大使馆的作用是什么？", "编辑器支持哪些语言？", "部长级会议讨论了什么？", "记者会上宣布了什么？"):
        assert specific_groups(question, "zh", roles_only=True) == [], question
    assert [g.token for g in specific_groups("外交部长要做什么？", "zh", roles_only=True)] == ["外交部长"]
    # An English role is the word as written: "diplomatic", "journalistic", "Directorate" name no person.
    for question in (
        "What diplomatic cooperation does the resolution encourage?",
        "What journalistic sources does the article cite?",
        "What must the Directorate do?",
    ):
        assert specific_groups(question, "en", roles_only=True) == [], question
    assert [g.token for g in specific_groups("What must the Directors do?", "en", roles_only=True)] == ["director"]
    roles = specific_groups("What must the Director-General and the Vice-President do?", "en", roles_only=True)
    assert [g.token for g in roles] == ["director", "presid"]


def test_agreement_in_chinese_is_not_a_question_about_unanimity():
    # 一致 alone is agreement (与议程一致); only a vote written whole (一致通过, 协商一致) is the focus.
    assert specific_groups("报告与决议一致吗?", "zh") == []
    assert [g.token for g in specific_groups("该决议是一致通过的吗?", "zh")] != []


def test_an_english_focus_word_counts_wherever_the_question_writes_it():
    # "authority" and "authorized" share a stem; the second is the focus and must not be hidden by the first.
    assert [g.token for g in specific_groups("Which authority authorized the plan?", "en")] != []


def test_a_group_judged_by_its_stance_is_a_role_the_clause_must_name_as_a_word():
    from assistant.answering.evidence import chunk_evidence
    from assistant.answering.specifics import role_said, specific_groups

    text = "The resolution underscores the critical importance of human rights."
    (critics,) = specific_groups("What did critics of the resolution call it?", "en", roles_only=True)
    # "critical" shares the stem "critic" but names no critic.
    assert not role_said(critics, text, "en", chunk_evidence(text))
    named = "Its critics called it vague."
    assert role_said(critics, named, "en", chunk_evidence(named))
    assert [g.token for g in specific_groups("批评者如何评价这项决议？", "zh", roles_only=True)] == ["批评者"]


def test_persuading_is_a_fact_the_clause_must_state():
    # "led by a coalition, receiving support from 120 member states" says who led and supported, not who persuaded.
    assert [g.token for g in specific_groups("谁说服了会员国支持这项决议？", "zh")] == ["说服"]
    assert specific_groups("Who persuaded the member states to support the resolution?", "en") != []
    assert specific_groups("Who led the resolution?", "en") == []


def test_a_chinese_role_is_named_only_by_its_own_translation():
    from assistant.answering.evidence import chunk_evidence
    from assistant.answering.specifics import role_said

    translations = {"批评者": ("critic",)}
    (critics,) = specific_groups("批评者如何评价这项决议？", "zh", translations, roles_only=True)
    # "critical" carries the stem of "critic", and "Director" is a role, but not the critics'.
    other = "The Director was critical of the delay."
    assert not role_said(critics, other, "en", chunk_evidence(other))
    named = "Its critics called it vague."
    assert role_said(critics, named, "en", chunk_evidence(named))


@pytest.mark.parametrize("verb", ["劝说", "劝服"])
def test_every_chinese_word_for_persuading_is_a_fact_the_clause_must_state(verb):
    # As 说服 and "persuade": the paragraph on who led and supported the resolution says nothing of it.
    assert [g.token for g in specific_groups(f"谁{verb}了会员国支持这项决议？", "zh")] == [verb]


def test_who_persuaded_is_answered_in_neither_language_nor_with_either_chinese_verb(assistant):
    for q in ["谁劝说了120多个会员国支持这项决议？", "谁说服了120多个会员国支持这项决议？"]:
        assert assistant.ask(q).abstained, q


STRATEGIC = chunk_evidence("AI activities that have a significant strategic or financial impact on ITU.")


def test_a_focus_offered_as_an_alternative_needs_only_the_alternative_the_clause_states():
    question = "How often must the Secretary-General report AI activities with strategic or budget implications?"
    assert unsupported_specifics(question, "en", STRATEGIC) == []
    assert unsupported_specifics("Which activities have a budget or strategic impact?", "en", STRATEGIC) == []
    # A determiner may open either alternative ("its strategy or its budget").
    strategy = chunk_evidence("activities with an impact on ITU's strategy")
    assert (
        unsupported_specifics("Which AI activities could hit the union's strategy or its budget?", "en", strategy) == []
    )
    assert unsupported_specifics("Which activities affect its budget or the strategy?", "en", strategy) == []


def test_a_focus_whose_alternative_the_clause_lacks_or_that_has_none_is_still_unsupported():
    assert unsupported_specifics("What is the budget or funding for AI activities?", "en", STRATEGIC) == [
        "budget",
        "funding",
    ]
    assert unsupported_specifics("Does ITU have a budget or a plan for AI?", "en", STRATEGIC) == ["budget"]
    assert unsupported_specifics("What AI budget does ITU have for strategic work?", "en", STRATEGIC) == ["budget"]


def test_the_alternative_is_found_through_the_wider_translations_and_another_form_of_its_word():
    # 战略 glossed as "strategy" ("strategi") states "strategic" ("strateg"); 财务 is no budget. ("Budget
    # implications" as a whole are the financial impact the clause states: descriptions.py.)
    zh_clause = chunk_evidence("产生重大战略或财务影响的人工智能问题")
    wide = ({}, (zh_clause[0], zh_clause[1] | {"strategi"}))
    question = "Which AI issues need big strategic or budget reviews?"
    assert unsupported_specifics(question, "en", zh_clause) == ["budget"]
    assert unsupported_specifics(question, "en", zh_clause, None, wide) == []


def test_a_chinese_focus_offered_with_huo_needs_only_the_stated_alternative():
    zh_clause = chunk_evidence("产生重大战略或财务影响的人工智能问题")
    assert unsupported_specifics("哪些问题有战略或预算影响？", "zh", zh_clause) == []
    assert unsupported_specifics("哪些问题有预算影响？", "zh", zh_clause) == ["预算"]


def test_founding_a_body_needs_a_clause_that_states_a_founding():
    regulation = chunk_evidence("The General Assembly has directly addressed the regulation of AI.")
    assert unsupported_specifics("联大决议有没有决定成立一个新的监管机构？", "zh", regulation) == ["成立"]
    # English "established" mostly describes ("its established mechanisms"): not a founding the clause must state.
    assert unsupported_specifics("Which established mechanisms should ITU use?", "en", regulation) == []


@pytest.mark.parametrize(
    ("question", "lang", "clause"),
    [
        # any founding word states it: 设立 asked, 成立 written; "establishing" asked, 建立 written
        ("研究所的人工智能中心是哪年设立的？", "zh", "2017年成立的研究所人工智能和机器人中心"),
        (
            "Do member states have a role in establishing regulatory frameworks?",
            "en",
            "成员国在建立相关国家监管框架方面可发挥作用",
        ),
    ],
)
def test_a_founding_is_stated_in_other_words(question, lang, clause):
    assert unsupported_specifics(question, lang, chunk_evidence(clause)) == []


def test_a_lead_role_needs_a_clause_that_states_who_leads():
    standards = chunk_evidence("请电信标准化部门在其职权范围内推进人工智能相关标准的制定工作")
    assert unsupported_specifics("草案指定哪个部门牵头制定人工智能的技术标准？", "zh", standards) == ["牵头"]
    # a lead in other words, or in English: 主导 asked, 牵头 written; 牵头 asked, "led by" written
    assert unsupported_specifics("哪个部门主导标准制定？", "zh", chunk_evidence("由电信标准化部门牵头")) == []
    led = chunk_evidence("The resolution was led by a coalition of 120 member states.")
    assert unsupported_specifics("这项决议是由谁牵头提出的？", "zh", led) == []
