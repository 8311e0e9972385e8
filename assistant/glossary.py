"""Bilingual UN/ITU vocabulary: section headings first, then terms.

This is the one place that knows what a resolution's headings are called in
Chinese and English. The chunker reads `SECTIONS` to recognise headings, the
retriever reads `TERMS` to carry a question's key words across languages, and
the answerer reads both to name addressees in the question's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.memo import BoundedCache
from assistant.schema import Language


@dataclass(frozen=True)
class Section:
    """A heading of a UN/ITU resolution in both languages."""

    key: str  # stable id part, e.g. "secretary-general"
    kind: str  # "preamble" or "operative"
    en: str  # canonical English heading, as ITU prints it (lower-case verb)
    zh: str  # canonical Chinese heading
    addressee_en: str = ""
    addressee_zh: str = ""
    en_aliases: tuple[str, ...] = ()
    zh_aliases: tuple[str, ...] = ()
    # What a question calls the heading's act when it asks what the issuing body did: "What did the
    # conference *decide*?" asks for what it resolves (answering/analysis.match_section).
    acts_en: tuple[str, ...] = ()
    acts_zh: tuple[str, ...] = ()

    def name(self, lang: Language) -> str:
        return self.zh if lang == "zh" else self.en

    def addressee(self, lang: Language) -> str:
        return self.addressee_zh if lang == "zh" else self.addressee_en


_DECISION_EN = ("decide", "decision")  # stemmed when matched: decided, decides, decisions
_DECISION_ZH = ("决定", "做出决议", "作出决议")

# Preambular headings end with a comma-less line break in both languages;
# operative headings carry the addressee ("instructs the Secretary-General").
SECTIONS: tuple[Section, ...] = (
    Section("recalling", "preamble", "recalling", "忆及"),
    Section("further-recalling", "preamble", "further recalling", "进一步忆及"),
    Section("noting", "preamble", "noting", "注意到"),
    Section("further-noting", "preamble", "noting further", "进一步注意到", en_aliases=("further noting",)),
    Section("noting-with-satisfaction", "preamble", "noting with satisfaction", "满意地注意到"),
    Section("noting-with-concern", "preamble", "noting with concern", "关切地注意到"),
    Section("considering", "preamble", "considering", "考虑到"),
    Section(
        "considering-further", "preamble", "considering further", "进一步考虑到", en_aliases=("further considering",)
    ),
    Section("recognizing", "preamble", "recognizing", "认识到", en_aliases=("recognising",)),
    Section(
        "further-recognizing", "preamble", "further recognizing", "进一步认识到", en_aliases=("recognizing further",)
    ),
    Section("aware", "preamble", "aware", "意识到", en_aliases=("being aware",)),
    Section("bearing-in-mind", "preamble", "bearing in mind", "铭记"),
    Section("emphasizing", "preamble", "emphasizing", "强调", en_aliases=("emphasising",)),
    Section("taking-into-account", "preamble", "taking into account", "顾及"),
    Section("acknowledging", "preamble", "acknowledging", "承认"),
    Section("convinced", "preamble", "convinced", "深信"),
    # "resolves" / 做出决议 and "decides" / 决定 are what the conference decides.
    Section(
        "resolves",
        "operative",
        "resolves",
        "做出决议",
        zh_aliases=("作出决议", "决议"),
        acts_en=_DECISION_EN,
        acts_zh=_DECISION_ZH,
    ),
    Section("decides", "operative", "decides", "决定", acts_en=_DECISION_EN, acts_zh=_DECISION_ZH),
    Section(
        "secretary-general",
        "operative",
        "instructs the Secretary-General",
        "责成秘书长",
        "the Secretary-General",
        "秘书长",
    ),
    Section(
        "director-bdt",
        "operative",
        "instructs the Director of the Telecommunication Development Bureau",
        "责成发展局主任",
        "the Director of the Telecommunication Development Bureau",
        "电信发展局主任",
        zh_aliases=("责成电信发展局主任",),
    ),
    Section(
        "director-tsb",
        "operative",
        "instructs the Director of the Telecommunication Standardization Bureau",
        "责成电信标准化局主任",
        "the Director of the Telecommunication Standardization Bureau",
        "电信标准化局主任",
        zh_aliases=("责成标准化局主任",),
    ),
    Section(
        "director-br",
        "operative",
        "instructs the Director of the Radiocommunication Bureau",
        "责成无线电通信局主任",
        "the Director of the Radiocommunication Bureau",
        "无线电通信局主任",
    ),
    Section(
        "directors-bureaux",
        "operative",
        "instructs the Directors of the three Bureaux",
        "责成三个局的主任",
        "the Directors of the three Bureaux",
        "三个局的主任",
    ),
    Section("council", "operative", "instructs the Council", "责成理事会", "the Council", "理事会"),
    Section(
        "member-states-sector-members-academia",
        "operative",
        "invites Member States, Sector Members and Academia",
        "请成员国、部门成员和学术成员",
        "Member States, Sector Members and Academia",
        "成员国、部门成员和学术成员",
    ),
    Section(
        "member-states-sector-members",
        "operative",
        "invites Member States and Sector Members",
        "请成员国和部门成员",
        "Member States and Sector Members",
        "成员国和部门成员",
    ),
    Section("member-states", "operative", "invites Member States", "请成员国", "Member States", "成员国"),
    Section(
        "encourages-member-states",
        "operative",
        "encourages Member States",
        "鼓励成员国",
        "Member States",
        "成员国",
    ),
    Section(
        "requests-secretary-general",
        "operative",
        "requests the Secretary-General",
        "请秘书长",
        "the Secretary-General",
        "秘书长",
    ),
)

# Verbs that open an operative heading whose addressee is not in SECTIONS;
# the rest of the line is the addressee ("instructs the Director of X").
OPERATIVE_VERBS: dict[Language, tuple[tuple[str, str, str], ...]] = {
    # (verb as printed, English verb, Chinese verb)
    "zh": (
        ("责成", "instructs", "责成"),
        ("请", "invites", "请"),
        ("鼓励", "encourages", "鼓励"),
        ("敦促", "urges", "敦促"),
    ),
    "en": (
        ("instructs", "instructs", "责成"),
        ("invites", "invites", "请"),
        ("requests", "requests", "请"),
        ("encourages", "encourages", "鼓励"),
        ("urges", "urges", "敦促"),
        ("calls upon", "calls upon", "呼吁"),
    ),
}


@dataclass(frozen=True)
class Term:
    """A UN/ITU term: English form, Chinese form, and other ways of writing them."""

    en: str
    zh: str
    en_aliases: tuple[str, ...] = ()
    zh_aliases: tuple[str, ...] = ()

    def forms(self, lang: Language) -> tuple[str, ...]:
        return (self.zh, *self.zh_aliases) if lang == "zh" else (self.en, *self.en_aliases)

    def name(self, lang: Language) -> str:
        return self.zh if lang == "zh" else self.en


TERMS: tuple[Term, ...] = (
    # Officials are also named by their role: the Secretary-General heads ITU, the Council is its
    # governing body between conferences, the Director heads the Development Bureau.
    Term(
        "Secretary-General",
        "秘书长",
        (
            # Not "ITU chief", "ITU head" or "head of the union": "ITU chief economist", "ITU head office"
            # and "head of the Union of Arab States" name someone or something else.
            *("secretary general", "SG", "head of ITU", "head of the ITU", "ITU's head", "chief of ITU"),
            *("union's chief", "ITU's top official", "union's top official"),
        ),
        ("国际电联秘书长", "国际电联负责人"),
    ),
    Term("Council", "理事会", ("ITU Council", "ITU's governing body", "governing body")),
    Term(
        "Director of the Telecommunication Development Bureau",
        "电信发展局主任",
        (
            *("BDT Director", "Director of BDT", "Development Bureau director", "head of the development bureau"),
            *("head of BDT", "BDT head", "development bureau head", "head of the Telecommunication Development Bureau"),
        ),
        ("发展局主任", "BDT主任", "发展局负责人"),
    ),
    Term("Telecommunication Development Bureau", "电信发展局", ("BDT",), ("发展局",)),
    Term("Director of the Telecommunication Standardization Bureau", "电信标准化局主任", ("TSB Director",)),
    Term("Director of the Radiocommunication Bureau", "无线电通信局主任", ("BR Director",)),
    Term("Telecommunication Standardization Bureau", "电信标准化局", ("TSB",)),
    Term("Radiocommunication Bureau", "无线电通信局", ("BR",)),
    Term("Member States", "成员国", ("member state", "member countries", "countries", "nations")),
    Term("Sector Members", "部门成员", ("sector member",)),
    Term("Academia", "学术成员", ("academic members", "universities")),
    Term("academia", "学术界", ("academic community",)),
    Term("Sustainable Development Goals", "可持续发展目标", ("SDGs", "SDG")),
    Term("2030 Agenda for Sustainable Development", "2030年可持续发展议程", ("2030 Agenda", "Agenda 2030")),
    Term("sustainable development", "可持续发展"),
    Term("General Assembly", "联合国大会", ("UN General Assembly", "UNGA", "Assembly"), ("联大", "大会")),
    Term("United Nations", "联合国", ("UN",)),
    # ITU's texts call it "the Union" ("which part of the Union", 国际电联的哪个部门); "the Union of Arab States"
    # is another (`_OWNERLESS_ROLES`).
    Term("International Telecommunication Union", "国际电信联盟", ("ITU", "the Union"), ("国际电联",)),
    Term("Plenipotentiary Conference", "全权代表大会", ("PP-22", "PP22", "plenipotentiary")),
    Term("artificial intelligence", "人工智能", ("AI",)),
    Term("telecommunications", "电信", ("telecommunication", "telecom")),
    Term("information and communication technologies", "信息通信技术", ("ICT", "ICTs")),
    Term("ITU Telecommunication Standardization Sector", "电信标准化部门", ("ITU-T", "standardization sector")),
    Term("ITU Telecommunication Development Sector", "电信发展部门", ("ITU-D", "development sector")),
    Term("World Summit on the Information Society", "信息社会世界峰会", ("WSIS",)),
    Term("information society", "信息社会"),
    Term("digital divide", "数字鸿沟"),
    Term("United Nations Educational, Scientific and Cultural Organization", "联合国教育、科学和文化组织", ("UNESCO",)),
    Term("United Nations Conference on Trade and Development", "联合国贸易发展大会", ("UNCTAD",)),
    Term("United Nations Development Programme", "联合国开发计划署", ("UNDP",)),
    Term("International Labour Organization", "国际劳工组织", ("ILO", "International Labor Organization")),
    Term("World Intellectual Property Organization", "世界知识产权组织", ("WIPO",)),
    Term("Internet Governance Forum", "互联网治理论坛", ("IGF",)),
    Term("Organisation for Economic Co-operation and Development", "经济合作和发展组织", ("OECD",)),
    Term(
        "United Nations Interregional Crime and Justice Research Institute", "联合国区域间犯罪和司法研究所", ("UNICRI",)
    ),
    Term("United Nations Industrial Development Organization", "联合国工业发展组织", ("UNIDO",), ("工发组织",)),
    Term("International Organization for Standardization", "国际标准化组织", ("ISO",)),
    Term("AI for Good Global Summit", "人工智能造福人类高峰会议", ("AI for Good",)),
    Term("standards-developing organizations", "标准制定组织", ("standards bodies", "SDOs", "standards organizations")),
    Term("human rights", "人权"),
    Term("private sector", "私营部门"),
    Term("civil society", "民间团体", (), ("公民社会",)),
    Term("developing countries", "发展中国家", ("developing nations",)),
    Term("resolution", "决议", ("resolutions",)),
    Term("report", "报告", ("reports", "reporting", "reported")),
    # The preamble's 忆及 (recalling) heading: a question says what the draft "recalls" or "refers back
    # to", and the United Nations' own Chinese for the verb is 回顾. The chunks' context holds the heading.
    Term(
        "recalling",
        "忆及",
        ("recall", "recalls", "recalled", "refer back to", "refers back to", "referred back to", "referring back to"),
        ("回顾",),
    ),
    Term("every year", "每年", ("annually", "yearly", "each year", "how often")),
    # ITU's Chinese for "initiatives" (e.g. the draft's 现行举措, 多方举措); 倡议 is the other common rendering.
    Term("initiatives", "举措", ("initiative",), ("倡议",)),
    Term("cooperation", "合作", ("collaboration", "cooperate", "co-operation")),
    Term("information sharing", "信息共享", ("share information", "sharing information")),
    Term("mandate", "职权", ("remit", "purview", "terms of reference")),
    Term("duplication of work", "重复工作", ("duplication", "duplicate work", "overlap")),
    Term("strategic or financial impact", "重大战略或财务影响", ("financial impact", "strategic impact")),
    Term("robotics", "机器人"),
    Term("ethics", "伦理", ("ethical",)),
    Term("safety", "安全", ("safe", "secure", "security")),
    Term("Bucharest", "布加勒斯特"),
    Term("New York", "纽约"),
    Term("regulation", "监管", ("regulate", "regulatory", "regulating")),
    Term("digital literacy", "数字素养", (), ("数字扫盲",)),
    Term("governance", "治理"),
    Term("challenges", "挑战", ("challenge",)),
    Term("opportunities", "机遇", ("opportunity",)),
    Term("draft resolution", "决议草案", ("draft new resolution",), ("新决议草案",)),
    # General policy vocabulary of UN/ITU texts, so that questions in one
    # language can be matched to clauses in the other beyond proper names.
    Term("online", "线上", ("on-line",), ("在线", "网上")),
    Term("offline", "线下", ("off-line",), ("离线",)),
    Term("protect", "保护", ("protection", "protecting", "safeguard", "safeguarded", "safeguarding"), ("保障",)),
    Term("support", "支持", ("supported", "supporting", "backing", "endorsement", "endorsed")),
    Term("adopt", "通过", ("adopted", "adopts", "adoption", "embraced")),
    Term("member states of the United Nations", "联合国会员国", ("UN member states",), ("会员国",)),
    Term("inclusive", "包容性", ("inclusion",), ("包容",)),
    Term("access", "获取", ("equitable access", "accessible"), ("接入", "普及")),
    Term("developing nations", "发展中国家"),
    Term("global challenges", "全球挑战", ("pressing global challenges",)),
    Term("stakeholders", "利益攸关方", ("stakeholder", "multi-stakeholder"), ("利益攸关多方", "利益相关方")),
    Term("lifecycle", "生命周期", ("life cycle",)),
    Term("design", "设计"),
    # "rolled out" is how a system's deployment is said in everyday English.
    Term("deployment", "部署", ("deploy", "deploying", "deployed", "roll out", "rolled out", "rolling out", "rollout")),
    Term("development", "开发", ("develop", "developing"), ("发展",)),
    Term("risks", "风险", ("risk",)),
    Term("emerging technologies", "新兴技术", ("emerging technology",)),
    Term("historic", "历史性", ("milestone", "watershed", "landmark"), ("里程碑",)),
    Term("first time", "首次", ("first instance", "for the first time"), ("第一次",)),
    Term("international human rights law", "国际人权法", ("international human rights standards",)),
    Term("international cooperation", "国际合作", ("global cooperation",)),
    Term("digital cooperation", "数字合作"),
    Term("news", "新闻", ("article", "news item", "press release"), ("报道", "文章", "稿子")),
    Term("city", "城市", ("place",), ("地点",)),
    Term("date", "日期", ("dated",), ("哪天",)),
    Term("mechanisms", "机制", ("mechanism",)),
    Term("existing mechanisms", "现有机制", (), ("现行机制",)),
    Term("recommendations", "建议", ("recommendation", "advice")),
    Term("information", "信息", ("info",)),
    Term("potential", "潜力", ("potential of",)),
    Term("awareness", "认识", ("raise awareness", "understanding"), ("宣传",)),
    Term("discussions", "讨论", ("discussion", "discuss", "debate")),
    Term("experience", "经验", ("experiences", "best practices")),
    Term("benefits", "裨益", ("benefit",), ("好处", "惠益")),
    Term("role", "作用", ("roles",)),
    Term("consistency", "一致性", ("consistent", "coherence"), ()),
    Term("complementarity", "互补性", ("complementary",)),
    Term("core competencies", "核心能力", ("core competence",)),
    Term(
        "regulatory frameworks",
        "监管框架",
        ("regulatory framework", "national regulatory frameworks", "national rules", "national regulations"),
    ),
    Term("jurisdiction", "管辖范围", ("jurisdictions",)),
    Term("economic", "经济", ("economy",)),
    Term("social", "社会", ("society", "societal")),
    Term("innovation", "创新", ("innovative",)),
    Term("telecommunication networks and services", "电信网络和服务", ("networks and services",), ("网络和服务",)),
    Term("telecommunication providers", "电信提供商", ("telecom operators", "service providers")),
    Term("public sector", "公共部门"),
    Term("purposes of the Union", "国际电联的宗旨", ("purposes of ITU", "ITU's purposes"), ("宗旨",)),
    Term("inhabitants of the world", "世界上所有居民", ("world's inhabitants", "all people"), ("所有居民",)),
    Term("intergovernmental organizations", "政府间组织", ("intergovernmental organization",)),
    Term("non-governmental organizations", "非政府组织", ("NGOs", "NGO")),
    Term("Association for Computing Machinery", "计算机协会", ("ACM",)),
    Term("XPRIZE Foundation", "XPRIZE基金会", ("XPRIZE",)),
    Term("study groups", "研究组", ("study group",)),
    Term("focus groups", "焦点组", ("focus group",)),
    Term("AI Summit", "人工智能峰会", ("annual AI summit",)),
    Term(
        "Partnership on AI", "人工智能造福人类与社会伙伴关系组织", ("Partnership on AI to Benefit People and Society",)
    ),
)


def section_by_key(key: str) -> Section | None:
    """The table entry with this key, if any."""
    return _sections_by_key().get(key)


@lru_cache(maxsize=1)
def _sections_by_key() -> dict[str, Section]:
    return {s.key: s for s in SECTIONS}


def normalise_heading(line: str) -> str:
    """Lower-case, strip punctuation and spacing, so headings compare as printed variants."""
    return re.sub(r"[\s,，:：;；.。]+", " ", line).strip().lower()


@lru_cache(maxsize=1)
def _heading_lookup() -> dict[str, tuple[Section, Language]]:
    table: dict[str, tuple[Section, Language]] = {}
    for s in SECTIONS:
        for form in (s.en, *s.en_aliases):
            table[normalise_heading(form)] = (s, "en")
        for form in (s.zh, *s.zh_aliases):
            table[normalise_heading(form)] = (s, "zh")
    return table


def match_section(line: str) -> tuple[Section, Language] | None:
    """The known section a heading line names, with the language it is printed in."""
    return _heading_lookup().get(normalise_heading(line))


def generic_operative(line: str, lang: Language) -> Section | None:
    """An operative heading not in the table, e.g. `instructs the Director of X`.

    The addressee is the rest of the line; its other-language name is built
    from TERMS when a term matches, else left as printed.
    """
    text = line.strip().rstrip(",，:：")
    for printed, verb_en, verb_zh in OPERATIVE_VERBS[lang]:
        matches = text.startswith(printed) if lang == "zh" else text.lower().startswith(printed + " ")
        if not matches:
            continue
        addressee = text[len(printed) :].strip()
        if not addressee or len(addressee) > (30 if lang == "zh" else 120):
            return None
        other = translate_phrase(addressee, lang)
        addressee_en, addressee_zh = (other, addressee) if lang == "zh" else (addressee, other)
        key = slug(addressee_en if lang == "en" or other != addressee else f"{verb_en}-{addressee}")
        return Section(
            key=key,
            kind="operative",
            en=f"{verb_en} {addressee_en}",
            zh=f"{verb_zh}{addressee_zh}",
            addressee_en=addressee_en,
            addressee_zh=addressee_zh,
        )
    return None


def slug(text: str) -> str:
    """A readable id part: ASCII lower-case words joined by '-', CJK kept as is."""
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"[^\w\u4e00-\u9fff]+", "-", text.lower())
    return text.strip("-") or "section"


# Role names that are ITU's only when no other owner is named: "the governing body" is the Council,
# "the governing body of UNESCO" and "UNESCO's governing body" are not; "the Union" is ITU, "the Union of Arab
# States" is not.
_OWNERLESS_ROLES = frozenset({"governing body", "the Union"})
_OWNER_BEFORE, _OWNER_AFTER = r"(?<!['’]s )", r"(?!\s+of\b)"


@lru_cache(maxsize=2)
def _term_patterns(lang: Language) -> list[tuple[re.Pattern[str], Term]]:
    pairs: list[tuple[str, Term]] = [(form, t) for t in TERMS for form in t.forms(lang)]
    pairs.sort(key=lambda p: len(p[0]), reverse=True)  # longest form wins
    patterns = []
    for form, term in pairs:
        if lang == "zh":
            pattern = re.compile(re.escape(form))
        else:
            # Acronyms must match case; words match in any case.
            flags = 0 if form.isupper() else re.IGNORECASE
            before, after = (_OWNER_BEFORE, _OWNER_AFTER) if form in _OWNERLESS_ROLES else ("", "")
            pattern = re.compile(rf"(?<![\w-]){before}{re.escape(form)}(?![\w-]){after}", flags)
        patterns.append((pattern, term))
    return patterns


# A question is searched for terms a dozen times per answer (each coverage check builds its groups
# afresh), at about 0.5 ms a search; the glossary never changes while the process runs.
_FOUND: BoundedCache[tuple[str, str], tuple[Term, ...]] = BoundedCache()


def find_terms(text: str, lang: Language) -> list[Term]:
    """Glossary terms written in `text`, in reading order, each once.

    Overlapping shorter forms are skipped, so 电信发展局主任 does not also
    count as 电信.
    """
    return list(_FOUND.get((text, lang), lambda: _find_terms(text, lang)))


# "本届大会", "这次会议", "该大会": a demonstrative before a bare 大会 names the record's own meeting (the draft's
# 全权代表大会), not the General Assembly that the bare word is read as elsewhere; no term is found there.
_OWN_MEETING = re.compile(r"(?:这|本|该|這|該)(?:届|次|屆)?(?:大会|会议|大會|會議)")


# Quotation marks set a name off, wholly or in part: “人工智能造福人类”高峰会议 and the “AI for Good” Global Summit
# are the glossary's names as much as the unquoted forms. A term is read through them (book-title marks 《》 and
# single quotes, which also write apostrophes, are left: a term is found inside 《》 anyway).
_QUOTES = re.compile(r"[“”\"「」『』]")


def _find_terms(text: str, lang: Language) -> tuple[Term, ...]:
    text = _QUOTES.sub("", text)
    taken = [False] * len(text)
    if lang == "zh":
        for m in _OWN_MEETING.finditer(text):
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
    found: dict[Term, int] = {}
    for pattern, term in _term_patterns(lang):
        for m in pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            found[term] = min(found.get(term, m.start()), m.start())
    return tuple(sorted(found, key=found.__getitem__))  # in reading order


def translate_phrase(phrase: str, lang: Language) -> str:
    """`phrase` (in `lang`) with its glossary terms put into the other language.

    Returns the phrase unchanged when it contains no glossary term; used for
    addressees such as 成员国、部门成员和学术成员.
    """
    other: Language = "en" if lang == "zh" else "zh"
    out = phrase
    changed = False
    for pattern, term in _term_patterns(lang):
        new = pattern.sub(term.name(other), out)
        if new != out:
            changed = True
            out = new
    if not changed:
        return phrase
    if other == "en":
        out = out.replace("、", ", ").replace("和", " and ").replace("及", " and ")
        out = re.sub(r"\s+", " ", out).strip()
        if (
            out
            and not out.startswith(("the ", "The "))
            and out.split()[0] in {"Secretary-General", "Council", "Director"}
        ):
            out = "the " + out
    else:
        out = re.sub(r"^(the|The)\s+", "", out).replace(", ", "、").replace(" and ", "和")
        if re.search(r"[a-z]{2,}", out):
            return phrase  # half-translated; the English is clearer than a mix
        out = out.replace(" ", "")
    return out


def expand_query(text: str, lang: Language) -> list[str]:
    """The other-language forms of the glossary terms in `text`, for cross-lingual lexical search."""
    other: Language = "en" if lang == "zh" else "zh"
    return [form for term in find_terms(text, lang) for form in (term.name(other),)]
