"""Reproducible synthetic corpus of Chinese applications, with planted near-duplicates.

Used by the benchmark (:mod:`bench.dedup`) and by the tests of :mod:`engine.dedup`, so both
exercise the same kind of text.

:func:`generate` writes application number N: 1,500-3,000 characters on one of eight industrial
topics of the province (:mod:`bench.dedup_vocab`), five sections of sentences assembled from
templates, interchangeable technical phrases, connectives and random figures, with a seeded RNG per
document so every text can be regenerated from its number. :func:`plant_copy` makes a
near-duplicate of one: it reuses 30-90 % of the source's sentences, reordered, with word swaps,
changed figures, inserted fillers and dropped clauses, up to 15 % new sentences, changed
punctuation and spacing, 40 % of them in traditional script. Numbers from :data:`FRESH_OFFSET` on
give documents written the same way but independently of any corpus below that size.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bench.dedup_vocab import ASPECTS, DELIVERABLES, PLACES, PLATFORMS, TOPICS, Topic, W, _t
from engine.text import to_traditional

FRESH_OFFSET = 10_000_000  # document numbers of the fresh (non-duplicate) queries

# ------------------------------------------------------------------------------------------------
# Templates and documents
# ------------------------------------------------------------------------------------------------

SECTIONS = (
    ("一、立项依据与研究背景", ("background", "background", "problem", "market")),
    ("二、技术路线与研究内容", ("route", "route", "route", "content", "content", "metric")),
    ("三、实施方案与进度安排", ("phase", "phase", "content", "cooperate", "risk")),
    ("四、前期研究基础", ("prior", "prior", "prior", "platform")),
    ("五、预期目标与考核指标", ("metric", "metric", "benefit", "deliver")),
)


# Sentence templates per kind of statement. Slots: {obj} {method} {prob} {equip} {app} (topic
# vocabulary), {aspect} {place} {org} {deliv} {platform}, {metric} (a topic indicator with a random
# value), {mname} (an indicator's name), {year} and {year1} (the next year), {n:LOW:HIGH} (a random
# integer), {w:KEY} (interchangeable wording from W), {c:A|B|C} (an inline choice).
TEMPLATES: dict[str, tuple[str, ...]] = {
    "background": (
        "{place}{topic}产业基础较好，但{obj}长期存在{prob}、{prob}等突出问题。",
        "当前{app}对{obj}的需求快速增长，{year}年市场规模约{n:20:900}亿元，而国内{prob}的状况"
        "尚未根本改变。",
        "{obj}是{app}的核心环节，{aspect}直接决定{mname}和系统经济性。",
        "国外企业在{obj}{aspect}方面起步较早，我区相关企业仍面临{prob}的制约。",
        "随着{app}加快推进，{prob}已成为制约{topic}产业高质量发展的主要短板。",
        "{place}{w:has}布局{app}项目{n:2:30}个，但{obj}{aspect}仍以跟踪模仿为主。",
    ),
    "problem": (
        "{w:face}{prob}的问题，{w:we}{w:plan}{method}，{w:solve}{obj}{aspect}{w:key}。",
        "现有{equip}在{app}条件下运行时{prob}，亟需开展{aspect}研究。",
        "经调研，{place}{n:3:40}家企业普遍反映{prob}，年均损失约{n:100:9000}万元。",
        "{prob}与{prob}相互叠加，导致{obj}在{app}中的{mname}难以满足要求。",
    ),
    "market": (
        "项目成果可直接服务{app}，潜在市场规模超过{n:10:500}亿元。",
        "{place}已规划{app}项目{n:2:30}个，为成果转化提供了应用场景。",
        "据测算，到{year}年{app}对{obj}的年需求量将超过{n:2:900}{c:万吨|万套|吉瓦时|万台}。",
    ),
    "route": (
        "{w:we}{w:plan}{method}与{method}相结合的技术路线，{w:solve}{obj}{aspect}{w:key}。",
        "首先开展{obj}{aspect}研究，{w:then}，{w:via}{method}优化{equip}运行参数，使{metric}。",
        "{w:via}{method}建立{obj}{aspect}模型，结合{method}揭示{prob}的内在机理。",
        "采用“{aspect}—{aspect}—工程验证”递进式路线，重点研究{obj}与{obj}的匹配规律。",
        "技术路线分为材料、器件、系统三个层次：材料层面研究{obj}，器件层面开发{equip}，"
        "系统层面开展{method}。",
        "以{app}需求为牵引，{w:via}{method}{w:raise}{obj}的{mname}，{w:then}完成{equip}工程验证。",
    ),
    "content": (
        "研究内容{n:1:5}：{obj}{aspect}研究，重点解决{prob}问题。",
        "开发适用于{app}的{obj}，完成{equip}的{aspect}和样机试制。",
        "研究{method}对{obj}{mname}的影响规律，形成优化工艺窗口。",
        "构建面向{app}的{obj}{aspect}平台，实现{method}的工程应用。",
        "揭示{obj}在{app}工况下的{c:衰减|失效|老化|演化}规律，提出{aspect}优化方法。",
    ),
    "phase": (
        "第{n:1:4}阶段（{year}年{n:1:12}月至{year1}年{n:1:12}月），完成{equip}的设计、采购与安装调试。",
        "{year}年底前完成{obj}小试，{year1}年开展{n:1:50}吨级中试，验证{method}的稳定性。",
        "项目实施周期{n:24:48}个月，分{n:2:4}个阶段推进，每{c:季度|月|半年}召开一次技术协调会。",
        "在{place}建设{obj}{deliv}，{w:build}年产{n:1:500}{c:吨|套|台|万片|兆瓦}的生产能力。",
    ),
    "cooperate": (
        "由{org}牵头，联合{org}、{org}组建产学研{w:team}，分工负责{aspect}和示范应用。",
        "{org}负责{obj}{aspect}，{org}负责{equip}集成与现场试验。",
        "{w:we}与{org}签订合作协议，共建{platform}，共享{equip}等试验条件。",
    ),
    "risk": (
        "针对{method}工程放大可能出现的{prob}风险，设置备选方案{method}。",
        "项目总投资{n:500:30000}万元，其中申请财政资金{n:100:3000}万元，企业自筹{n:300:20000}万元。",
        "为降低{prob}带来的技术风险，项目设立{n:2:6}个里程碑节点，实行节点考核。",
    ),
    "prior": (
        "{w:team}{w:has}在{obj}领域开展研究{n:3:20}年，发表论文{n:10:200}篇，"
        "授权发明专利{n:3:80}项。",
        "{year}年{w:team}承担国家重点研发计划课题，完成了{obj}{aspect}研究，实现{metric}。",
        "前期研制的{equip}已在{place}{app}中连续运行{n:200:9000}小时，{metric}。",
        "项目负责人{c:教授|研究员|高级工程师|正高级工程师}长期从事{method}研究，"
        "获自治区科技进步奖{c:一等奖|二等奖|三等奖}。",
        "{w:team}{w:has}完成{obj}{n:1:20}{c:吨级|千克级|百千瓦级|兆瓦级}中试，{metric}，{metric}。",
    ),
    "platform": (
        "申报单位拥有{platform}和{platform}，现有{equip}等仪器设备{n:20:400}台套，"
        "原值{n:500:20000}万元。",
        "依托{platform}，{w:team}{w:has}建成{equip}试验线{n:1:5}条。",
    ),
    "metric": (
        "项目完成后，{obj}{metric}，{metric}。",
        "{w:expect}{obj}的{metric}，较现有水平{w:raise}{n:5:60}%。",
        "{equip}{w:cut}能耗{n:5:40}%，{metric}。",
        "考核指标：{metric}；{metric}；{metric}。",
    ),
    "benefit": (
        "{w:expect}新增产值{n:1:80}亿元，带动就业{n:50:3000}人，年减排二氧化碳{n:1:200}万吨。",
        "成果推广后可在{app}领域形成{n:2:20}亿元规模的产业集群。",
        "项目实施后{w:expect}为{place}{app}年节约成本{n:100:9000}万元。",
    ),
    "deliver": (
        "申请发明专利{n:3:30}项，制定{c:国家|行业|团体|地方}标准{n:1:6}项，培养研究生{n:3:30}名。",
        "{w:build}{obj}{deliv}{n:1:3}个，形成{deliv}{n:1:10}项。",
    ),
}
_SLOT = re.compile(r"\{([^{}]+)\}")
_FIXED: dict[str, tuple[str, ...]] = {
    "aspect": ASPECTS,
    "place": PLACES,
    "deliv": DELIVERABLES,
    "platform": PLATFORMS,
}
_TOPICAL = {
    "obj": "objects",
    "method": "methods",
    "prob": "problems",
    "equip": "equipment",
    "app": "applications",
    "org": "orgs",
}
_SPECIAL = ("metric", "mname", "year", "year1", "topic")
LITERAL, FIXED, TOPICAL, NUMBER_RANGE, SPECIAL = range(5)


@dataclass(frozen=True, slots=True)
class Part:
    """One piece of a compiled template: literal text, or a slot and how to fill it."""

    kind: int
    text: str = ""  # LITERAL: the text; TOPICAL: the Topic attribute; SPECIAL: the slot name
    choices: tuple[str, ...] = ()  # FIXED
    low: int = 0  # NUMBER_RANGE: low + int(random() * span)
    span: int = 0


def _compile(template: str) -> tuple[Part, ...]:
    """Parse a template once into literal text and typed slots, so that filling is cheap."""
    parts: list[Part] = []
    pos = 0
    for m in _SLOT.finditer(template):
        if m.start() > pos:
            parts.append(Part(LITERAL, template[pos : m.start()]))
        slot = m.group(1)
        head, _, rest = slot.partition(":")
        if slot in _FIXED:
            parts.append(Part(FIXED, choices=_FIXED[slot]))
        elif slot in _TOPICAL:
            parts.append(Part(TOPICAL, _TOPICAL[slot]))
        elif slot in _SPECIAL:
            parts.append(Part(SPECIAL, slot))
        elif head == "n":
            low, high = (int(x) for x in rest.split(":"))
            parts.append(Part(NUMBER_RANGE, low=low, span=high - low + 1))
        elif head == "w":
            parts.append(Part(FIXED, choices=W[rest]))
        elif head == "c":
            parts.append(Part(FIXED, choices=tuple(rest.split("|"))))
        else:
            raise ValueError(f"unknown slot {{{slot}}} in {template!r}")
        pos = m.end()
    if pos < len(template):
        parts.append(Part(LITERAL, template[pos:]))
    return tuple(parts)


COMPILED = {kind: tuple(_compile(t) for t in ts) for kind, ts in TEMPLATES.items()}


class Writer:
    """Writes sentences of one kind for one topic, every choice drawn from the RNG.

    ``seq[int(random() * len(seq))]`` rather than ``rng.choice``: generation dominates the
    benchmark's set-up time and this is 3x faster, with the same reproducibility.
    """

    def __init__(self, topic: Topic, rng: random.Random) -> None:
        self.t = topic
        self.rnd = rng.random
        self.year = 2020
        self.vocab: dict[str, tuple[str, ...]] = {
            attr: getattr(topic, attr) for attr in _TOPICAL.values()
        }

    def pick(self, seq: Sequence[str]) -> str:
        return seq[int(self.rnd() * len(seq))]

    def metric(self) -> str:
        metrics = self.t.metrics
        name, unit, low, high, dec = metrics[int(self.rnd() * len(metrics))]
        v = low + self.rnd() * (high - low)
        value = f"{v:.{dec}f}" if dec else str(round(v))
        return f"{name}{self.pick(W['reach'])}{value}{unit}"

    def special(self, slot: str) -> str:
        if slot == "metric":
            return self.metric()
        if slot == "mname":
            return self.t.metrics[int(self.rnd() * len(self.t.metrics))][0]
        if slot == "year":
            self.year = 2016 + int(self.rnd() * 10)
            return str(self.year)
        if slot == "year1":
            return str(self.year + 1)
        return self.t.name

    def sentence(self, kind: str) -> str:
        rnd = self.rnd
        templates = COMPILED[kind]
        out: list[str] = []
        for part in templates[int(rnd() * len(templates))]:
            kind_ = part.kind
            if kind_ == LITERAL:
                out.append(part.text)
            elif kind_ == FIXED:
                out.append(part.choices[int(rnd() * len(part.choices))])
            elif kind_ == TOPICAL:
                seq = self.vocab[part.text]
                out.append(seq[int(rnd() * len(seq))])
            elif kind_ == NUMBER_RANGE:
                out.append(str(part.low + int(rnd() * part.span)))
            else:
                out.append(self.special(part.text))
        return "".join(out)


@dataclass(frozen=True)
class Document:
    topic: int
    sentences: tuple[str, ...]  # headings included

    @property
    def text(self) -> str:
        return "".join(s if s[0] not in "一二三四五" else f"\n{s}\n" for s in self.sentences)


def generate(number: int, seed: int = 1) -> Document:
    """Application number ``number`` of the synthetic corpus (deterministic)."""
    rng = random.Random(seed * 1_000_003 + number)
    topic_no = rng.randrange(len(TOPICS))
    topic = TOPICS[topic_no]
    writer = Writer(topic, rng)
    target = rng.randint(1500, 3000)
    title = (
        f"{rng.choice(PLACES)}{rng.choice(topic.objects)}{rng.choice(ASPECTS)}"
        f"{rng.choice(('关键技术研究与示范', '关键技术攻关', '研发及产业化', '集成创新与应用'))}"
    )
    body: list[list[str]] = [[h] for h, _ in SECTIONS]
    length = len(title)
    while length < target:
        for s, (_, kinds) in enumerate(SECTIONS):
            sentence = writer.sentence(writer.pick(kinds))
            body[s].append(sentence)
            length += len(sentence)
    return Document(topic_no, (title, *[x for section in body for x in section]))


# ------------------------------------------------------------------------------------------------
# Planted copies
# ------------------------------------------------------------------------------------------------

SYNONYMS = (
    ("采用", "利用"),
    ("实现", "达成"),
    ("研究", "研发"),
    ("关键技术", "核心技术"),
    ("提升", "提高"),
    ("开展", "进行"),
    ("本项目", "本课题"),
    ("重点", "着力"),
    ("突破", "攻克"),
    ("构建", "建立"),
    ("完成", "实现"),
    ("问题", "难题"),
    ("优化", "改进"),
    ("形成", "建成"),
    ("应用", "推广"),
    ("技术路线", "技术方案"),
    ("系统", "体系"),
    ("降低", "减少"),
)
FILLERS = _t("进一步 有效 在此基础上， 同时， 重点 系统地 显著 持续 全面 此外，")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _edit(sentence: str, rng: random.Random) -> str:
    """A plagiarist's light touch: swap words, change figures, insert fillers, drop a clause."""
    s = sentence
    for a, b in SYNONYMS:
        if rng.random() < 0.3:
            if a in s:
                s = s.replace(a, b, 1)
            elif b in s:
                s = s.replace(b, a, 1)
    s = NUMBER.sub(lambda m: _perturb(m.group(), rng), s)
    if rng.random() < 0.25 and "，" in s:
        parts = s.split("，")
        at = rng.randrange(1, len(parts))
        parts[at] = rng.choice(FILLERS).rstrip("，") + parts[at]
        s = "，".join(parts)
    if rng.random() < 0.15 and s.count("，") >= 2:
        parts = s.split("，")
        del parts[rng.randrange(1, len(parts))]
        s = "，".join(parts)
        if not s.endswith("。"):
            s += "。"
    return s


def _perturb(number: str, rng: random.Random) -> str:
    if rng.random() >= 0.3 or (len(number) == 4 and number[:2] in ("19", "20")):
        return number  # years stay
    if "." in number:
        return f"{float(number) * rng.uniform(0.9, 1.1):.{len(number.split('.')[1])}f}"
    return str(max(1, round(int(number) * rng.uniform(0.8, 1.2))))


def _restyle(text: str, rng: random.Random) -> str:
    """Change the formatting: ASCII punctuation, full-width digits, spaces and line breaks."""
    if rng.random() < 0.5:
        text = text.translate(str.maketrans("，。；：（）", ",.;:()"))
    if rng.random() < 0.3:
        text = text.translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)})  # full-width digits
    if rng.random() < 0.5:
        text = re.sub(r"([，。,.])", lambda m: m.group() + rng.choice(("", " ", "\n", "  ")), text)
    if rng.random() < 0.3:
        text = text.replace("。", "；")
    return text


def plant_copy(
    source: Document, seed: int, share: float | None = None, traditional: bool | None = None
) -> tuple[str, float]:
    """A near-duplicate of ``source`` and the share of its sentences it reuses.

    ``share`` defaults to a random value in [0.3, 0.9]; ``traditional`` (converting the copy to
    traditional script) to a 40 % chance.
    """
    rng = random.Random(seed)
    sentences = [s for s in source.sentences[1:] if s[0] not in "一二三四五"]
    drawn = rng.uniform(0.3, 0.9)
    share = drawn if share is None else share
    reused = rng.sample(sentences, max(3, round(share * len(sentences))))
    rng.shuffle(reused)
    text_parts = [_edit(s, rng) for s in reused]
    writer = Writer(TOPICS[source.topic], rng)
    kinds = [k for _, ks in SECTIONS for k in ks]
    for _ in range(round(rng.uniform(0.0, 0.15) * len(text_parts))):
        text_parts.insert(rng.randrange(len(text_parts) + 1), writer.sentence(rng.choice(kinds)))
    title = f"{rng.choice(PLACES)}{rng.choice(TOPICS[source.topic].objects)}技术开发与应用"
    text = _restyle(title + "\n" + "".join(text_parts), rng)
    convert = rng.random() < 0.4
    if convert if traditional is None else traditional:
        text = to_traditional(text)
    return text, share
