"""The words of a question that narrow the entity it asks for."""

from __future__ import annotations

import pytest

from assistant.answering.answer_class import asked_class
from assistant.answering.qualifiers import qualifier_text


@pytest.mark.parametrize(
    ("question", "lang", "qualifier"),
    [
        ("Which UN agency for children does the Secretary-General have to cooperate with?", "en", "UN  children"),
        ("Which UN agency for science and culture must he join?", "en", "UN  science and culture"),
        ("Which private company is named as a partner?", "en", "private"),
        # a foundation is a private body: "private" asks nothing more of it; "for children" still narrows it
        ("Which private foundation did ITU partner with?", "en", ""),
        ("Which private foundation for children did ITU partner with?", "en", "children"),
        ("国际电联与哪个私营基金会合作？", "zh", ""),
        ("Which other organisations must he cooperate with?", "en", ""),
        # external (外部) is relative to what the question names ("apart from UN agencies"), as "other" is
        ("Which external organisations must he cooperate with?", "en", ""),
        ("秘书长除了联合国机构之外，还要和哪些外部组织合作？", "zh", ""),
        ("Which country led the coalition?", "en", ""),
        ("秘书长应当与哪个负责知识产权的联合国组织合作？", "zh", "知识产权的联合国"),
        ("文章提到哪家科技公司支持这项决议？", "zh", "科技"),
        # 个 and 一 are dropped as a measure word only, not inside 个人 (personal) or 统一 (unified).
        ("哪个负责个人数据的组织受到邀请？", "zh", "个人数据的"),
        ("哪些统一标准的组织受到邀请？", "zh", "统一标准的"),
        # 相关的 ("related to") only introduces the qualifier: a clause need not say 相关
        ("秘书长须与哪个知识产权相关的组织合作？", "zh", "知识产权 的"),
        # a degree adverb grades the qualifier: "poor" is what a clause must say, not "relatively"
        ("决议特别照顾的是哪类比较穷的国家？", "zh", "穷的"),
        ("Which relatively poor countries does it help?", "en", "poor"),
    ],
)  # fmt: skip
def test_the_qualifier_is_read_around_the_answers_noun(question, lang, qualifier):
    assert qualifier_text(question, lang, asked_class(question, lang)) == qualifier


def test_a_value_class_has_no_qualifier():
    # "of developing nations lacks access" is the predicate, not a narrower kind of share.
    question = "What share of developing nations lacks access to AI?"
    assert qualifier_text(question, "en", asked_class(question, "en")) == ""
    assert qualifier_text("Who chaired it?", "en", None) == ""
