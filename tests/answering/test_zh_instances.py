"""Whether a Chinese clause names instances of the noun a which-question asks for."""

from __future__ import annotations

from assistant.answering.answer_class import asked_phrase
from assistant.answering.zh_instances import names_instance_zh

# Clauses of the bundled draft resolution (eur-44a25-1).
CIVIL = "私营部门和学术界以及公共部门和民间团体在人工智能技术开发领域发挥举足轻重的作用；"
STUDY = "电信标准化部门（ITU-T）各研究组和焦点组就人工智能技术在电信/ICT领域的潜力所开展的各项活动；"
ISSUES = "人工智能技术的发展涉及广发的社会、经济和伦理问题，其中许多问题超出了国际电联的职权；"
ENTITIES = "国际电联需要与其他国际组织、标准制定组织和其他私营部门实体开展合作，"
FORUMS = "促进与国际劳工组织（ILO）、互联网治理论坛、科学技术促发展委员会的合作和信息共享"
OECD = "经济合作和发展组织（OECD）有关人工智能的工作，包括其分析报告及其专家组；"
NETWORKS = "电信提供商可以采用人工智能技术提供和管理电信网络和服务；"
ICT_NETWORKS = "利用现行机制与成员国分享有关人工智能技术助力电信/ICT网络和服务的潜力的信息；"
RECALLED = "本届大会有关利用电信/信息通信技术弥合数字鸿沟的第139号决议；"
REPORT = "每年向理事会报告对国际电联产生重大战略或财务影响的人工智能问题的任何活动，"


def zh(text: str, question: str) -> bool | None:
    return names_instance_zh(text, question, asked_phrase(question, "zh"), "zh")


def test_a_clause_that_only_repeats_the_asked_noun_names_no_instance():
    assert zh(CIVIL, "决议草案提到哪些民间团体参与人工智能技术开发？") is False
    # 各 picks the whole class of study groups, and 焦点组 is another noun
    assert zh(STUDY, "ITU-T的哪些研究组开展了人工智能相关活动？") is False
    # a verb before the noun (管理) is no modifier of it, and 电信/ICT says 电信 in two ways
    assert zh(NETWORKS, "电信提供商可以采用人工智能技术提供和管理哪些电信网络？") is False
    assert zh(ICT_NETWORKS, "电信提供商可以采用人工智能技术提供和管理哪些电信网络？") is False


def test_nouns_before_the_mention_that_the_question_lacks_name_instances():
    # 社会、经济和伦理问题 names kinds of issue; 许多问题 alone would not
    assert zh(ISSUES, "哪些人工智能问题超出了国际电联的职权范围？") is True
    assert zh("其中许多问题超出了国际电联的职权；", "哪些人工智能问题超出了国际电联的职权范围？") is False


def test_a_longer_name_a_list_or_a_document_number_names_instances():
    assert zh(FORUMS, "秘书长应促进与哪些论坛开展合作？") is True
    assert zh(OECD, "草案注意到OECD在人工智能方面的哪些工作？") is True
    assert zh("人工智能和区块链等技术", "决议提到哪些技术？") is True
    assert zh(RECALLED, "草案忆及本届大会的哪一项决议？") is True


def test_a_de_clause_before_the_mention_describes_it_unless_names_are_asked_for():
    assert zh(REPORT, "秘书长每年要向理事会报告哪些人工智能问题的活动？") is True
    assert zh(REPORT, "请列出秘书长每年要向理事会报告的人工智能问题的名称。") is not True


def test_a_de_clause_before_two_coordinated_nouns_describes_the_second():
    mandate = "确保国际电联人工智能技术相关活动符合国际电联的职权和核心能力范围；"
    assert zh(mandate, "国际电联的人工智能技术相关活动应符合哪些核心能力？") is True
    # without a 的 clause the noun coordinated before it names no instance (公共部门和民间团体)
    assert zh("公共部门和民间团体发挥举足轻重的作用；", "决议草案提到哪些民间团体？") is False


def test_a_clause_that_never_mentions_the_noun_is_not_judged():
    assert zh(CIVIL, "秘书长应促进与哪些论坛开展合作？") is None


def test_an_english_question_is_read_through_its_glossary_name_or_its_head_nouns_translations():
    # "focus groups" is a glossary name: only 焦点组 mentions it, and 研究组 names no focus group
    assert names_instance_zh(STUDY, "Which focus groups of ITU-T have studied AI?", "focus groups", "en") is False
    q = "Which private sector entities must ITU cooperate with?"
    assert names_instance_zh(ENTITIES, q, "private sector entities", "en", ("实体",)) is False
    assert names_instance_zh(ENTITIES, q, "private sector entities", "en") is None  # no translation: no mention
    assert names_instance_zh(OECD, "Which OECD work on AI is noted?", "OECD work", "en", ("工作",)) is True
    # the Internet Governance Forum is a longer name of "forums"; "Standardization" is no "standards"
    assert names_instance_zh(FORUMS, "Which UN forums are named?", "UN forums", "en") is True
    iso = "国际标准化组织"
    assert names_instance_zh(iso, "Which ethical standards are upheld?", "ethical standards", "en") is None


def test_verbal_nouns_and_x_related_before_the_mention_name_instances():
    # 发展 and 合作 are verbal nouns (jieba's vn) that qualify the noun as 伦理 does
    itu_d = "国际电联电信发展部门（ITU-D）在促进电信和ICT发展问题上的国际合作中发挥着重要作用；"
    assert zh(itu_d, "国际电联电信发展部门在哪些问题上的国际合作中发挥着重要作用？") is True
    mechanisms = "同时，国际电联利用与其他组织的现有合作机制以避免重复工作；"
    assert zh(mechanisms, "国际电联利用与其他组织的哪些机制以避免重复工作？") is True
    # X相关 qualifies as X does; 相关 / 有关 alone ("relevant") name nothing
    activities = "确保国际电联人工智能技术相关活动符合国际电联的职权和核心能力范围；"
    assert zh(activities, "哪些活动应符合国际电联的职权和核心能力范围？") is True
    assert zh("确保相关活动符合国际电联的职权；", "哪些活动应符合国际电联的职权？") is False
    assert zh("促进有关实体参与国际电联的活动", "国际电联的宗旨包括促进哪些实体参与国际电联的活动？") is False
    # a verb and a noun the question says apart are no new words together (管理|电信)
    assert zh(NETWORKS, "电信提供商可以采用人工智能技术提供和管理哪些电信网络？") is False


def test_a_de_clause_describes_the_mention_across_a_word_that_picks_all_of_it():
    assert zh(REPORT, "秘书长每年要向理事会报告哪些活动？") is True


def test_the_slash_of_a_name_is_no_word_of_the_modifiers_before_a_mention():
    services = "人工智能的使用可能会导致各种各样新的和创新型电信/ICT服务的出现；"
    q = "人工智能的使用可能会导致哪些电信/ICT服务的出现？"
    assert names_instance_zh(services, q, "电信/ICT服务", "zh") is True  # 创新型 is the third word, not the fourth
    # 助力 is a verb jieba tags as a noun: "助力电信/ICT网络" names no network
    assert names_instance_zh(ICT_NETWORKS, "哪些电信/ICT网络可以采用人工智能技术？", "电信/ICT网络", "zh") is False


def test_ji_namely_introduces_a_list_but_jijiang_soon_does_not():
    assert zh("这些问题即将得到解决；", "哪些人工智能问题即将得到解决？") is False
    assert zh("人工智能问题，即伦理和隐私；", "哪些人工智能问题需要解决？") is True
