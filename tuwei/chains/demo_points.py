"""Demo breakthrough points, one finished scoring session and one challenge draft.

The named projects (the kiloton Fischer-Tropsch α-olefin line in Hangjin Banner,
mercury-free chlor-alkali catalysts, the coal-based nano hydrocarbon explosive,
Tongliao's MW-scale iron-chromium flow battery, Chifeng's high-voltage solid heat
storage with remote cloud control, the five rare-earth fields, green hydrogen)
follow the public report on the 2024 program; the wording, the scores and the
judgements are invented for the demo.

Idempotent: rows are found by natural keys and saved only when something differs,
so a second run changes nothing (not even `updated_at`).
"""

from __future__ import annotations

from datetime import datetime
from importlib import import_module
from typing import Any
from zoneinfo import ZoneInfo

from django.db import models

from tuwei.chains.models import (
    ChallengeDraft,
    Criterion,
    PairwiseJudgement,
    Point,
    PointScore,
    ScoringSession,
    SessionCriterion,
)

C, S, T, D = (
    Point.Status.CANDIDATE,
    Point.Status.SHORTLISTED,
    Point.Status.TARGETED,
    Point.Status.DROPPED,
)

# (key, node code, region code or "", status, title, problem, why the region can win, output)
# fmt: off
POINTS: list[tuple[str, str, str, str, str, str, str, str]] = [
    ("ao", "CC-OLEF-AO", "150600", T,
     "千吨级费托合成α-烯烃分离提纯",
     "费托合成油中的α-烯烃与烷烃、内烯烃沸点相近，高纯分离的工艺和装备长期依赖引进，高碳α-"
     "烯烃只能低价当燃料卖出。",
     "鄂尔多斯杭锦旗已有费托合成装置和配套化工园区，原料稳定、成本低，企业愿意出资共建中试线。",
     "建成千吨级分离提纯示范线，产品纯度达到聚烯烃共聚单体的使用要求。"),
    ("hgfree", "CC-CHEM-HGFREE", "150300", S,
     "氯碱行业无汞触媒首次全面应用",
     "电石法聚氯乙烯长期使用氯化汞触媒，汞污染治理压力大，含汞触媒退出的时间表日益临近。",
     "乌海及周边电石法聚氯乙烯产能集中，龙头企业有改造意愿，现有装置可直接开展工业侧线试验。",
     "无汞触媒在整套氯碱装置上全面替代含汞触媒，寿命和转化率不低于原有水平。"),
    ("expl", "CC-CHEM-EXPL", "", S,
     "煤基纳米碳氢炸药",
     "矿山爆破用炸药的能量密度、安全性和成本难以兼顾，高端工业炸药原料依赖石油路线。",
     "自治区煤炭资源和矿山爆破需求都很大，煤基原料路线有成本优势。",
     "形成煤基纳米碳氢炸药配方和中试工艺，完成矿山现场爆破试验。"),
    ("fecr", "NE-STOR-FECR", "150500", S,
     "兆瓦级铁-铬液流电池储能示范",
     "长时储能缺少安全、低成本的技术路线，铁-铬液流电池的电堆功率密度和电解液寿命仍需提高。",
     "通辽新能源装机规模大、调峰需求迫切，本地企业已掌握电解液制备，示范场地和并网条件具备。",
     "建成兆瓦级铁-铬液流电池储能示范电站，形成电堆和电解液的批量生产能力。"),
    ("heat", "NE-STOR-HEAT", "150400", S,
     "高压固体储热供暖与远端云控",
     "北方清洁供暖需要消纳弃风弃光电量，固体储热装置直接接入高压电网的绝缘和控温技术尚不成熟。",
     "赤峰供暖期长、风电资源丰富，本地企业与中国科学院研究所合作多年，已有示范供暖项目。",
     "高压固体储热供暖装置实现远端云控运行，单台容量和效率达到推广要求。"),
    ("cloud", "NE-STOR-CLOUD", "150400", C,
     "储热供暖设备远端云控平台",
     "分散的储热供暖设备各自运行，无法按电网负荷和电价统一调度。",
     "赤峰已有储热供暖示范点，可直接接入平台验证调度策略。",
     "建成覆盖多个供暖站的云控平台，实现按电价和负荷自动调度。"),
    ("pcm", "NE-STOR-PCM", "150400", C,
     "中高温相变储热材料",
     "现有储热材料储热密度低、循环寿命短，制约储热装置小型化。",
     "自治区有丰富的无机盐和固废资源，可作为相变材料原料。",
     "开发储热密度更高、循环寿命更长的相变储热材料并完成装置验证。"),
    ("magnet", "RE-FUNC-MAG", "150200", S,
     "高性能钕铁硼永磁晶界扩散技术",
     "高端钕铁硼磁体要降低重稀土用量又保持高矫顽力，晶界扩散工艺和装备被少数企业掌握。",
     "包头稀土资源和磁材产能集中，稀土产业产值已突破千亿元，上下游配套齐全。",
     "实现低重稀土高矫顽力磁体的批量生产，重稀土用量明显下降。"),
    ("reh2", "RE-FUNC-H2", "150200", C,
     "稀土储氢合金及固态储氢装置",
     "高压气态储氢安全性和体积储氢密度不足，固态储氢合金的吸放氢性能还需提升。",
     "包头具备稀土原料和储氢合金生产基础，可与本地绿氢项目结合应用。",
     "开发吸放氢性能更好的稀土储氢合金，制成固态储氢装置并示范应用。"),
    ("recat", "RE-FUNC-CAT", "150200", C,
     "稀土基脱硝与尾气净化催化剂",
     "工业窑炉脱硝和机动车尾气净化用的高端稀土催化剂仍依赖进口。",
     "包头稀土研究力量集中，本地钢铁、电力企业可提供工业验证条件。",
     "形成具有自主知识产权的稀土催化剂产品并在工业装置上应用。"),
    ("repol", "RE-FUNC-POL", "150200", C,
     "高端铈基稀土抛光粉",
     "显示面板和光学玻璃用的高端抛光粉粒度控制难，国内产品多用于中低端市场。",
     "包头铈资源丰富，抛光粉生产企业已有规模。",
     "高端抛光粉粒度分布和抛光速率达到面板企业的使用要求。"),
    ("realloy", "RE-FUNC-ALLOY", "150200", C,
     "稀土镁铝轻量化合金",
     "交通装备轻量化需要强度更高、耐蚀性更好的镁铝合金，稀土微合金化的工艺窗口窄。",
     "包头有铝、镁和稀土原料，合金加工企业集中。",
     "开发稀土镁铝合金牌号并在汽车零部件上批量应用。"),
    ("resep", "RE-FUNC-SEP", "150200", C,
     "稀土绿色分离提纯",
     "稀土分离过程氨氮废水和酸碱消耗大，环保成本高。",
     "包头稀土冶炼分离产能集中，企业有工艺升级需求。",
     "形成低排放的稀土分离新工艺，废水和酸碱消耗明显下降。"),
    ("motor", "RE-APP-MOTOR", "150200", C,
     "高效稀土永磁电机",
     "工业电机能效普遍偏低，高效永磁电机的设计和控制技术有待突破。",
     "包头磁材供应就近，装备制造企业可提供电机应用场景。",
     "研制高效稀土永磁电机系列产品并在风机、水泵上推广。"),
    ("elec", "NE-H2-ELEC", "150600", S,
     "大标方碱性电解水制氢装备",
     "可再生能源制氢的电解槽单槽产氢量小、能耗高，适应风光波动的能力不足。",
     "鄂尔多斯风光资源和绿氢项目集中，到2025年自治区绿氢产能规划达85万吨。",
     "研制大标方低能耗电解槽，在风光制氢项目上稳定运行。"),
    ("h2use", "NE-H2-USE", "150600", C,
     "绿氢耦合现代煤化工",
     "煤化工过程碳排放高，绿氢替代灰氢的工艺和经济性尚未打通。",
     "鄂尔多斯煤化工装置密集，同时具备大规模绿氢供应条件。",
     "在煤化工装置上实现绿氢规模化替代，形成可复制的耦合方案。"),
    ("h2store", "NE-H2-STORE", "150900", C,
     "氢气长距离储运",
     "绿氢产地与用户距离远，高压长管拖车运输成本高。",
     "乌兰察布地处风光资源区与京津冀用氢市场之间。",
     "形成经济可行的长距离储运方案并完成示范。"),
    ("bearing", "NE-WIND-BLADE", "150200", C,
     "大兆瓦风电主轴承国产化",
     "大兆瓦风电机组主轴承依赖进口，交货期长、价格高。",
     "包头风电装备制造集中，本地有轴承和特钢企业。",
     "主轴承通过台架试验并在风电机组上挂机运行。"),
    ("windops", "NE-WIND-OPS", "152500", D,
     "风电场智能运维",
     "风电场分布广、运维人员少，故障发现滞后。",
     "锡林郭勒风电场多，运维需求大。",
     "建成风电场智能巡检和故障预警系统。"),
    ("pvsi", "NE-PV-SI", "150100", C,
     "低能耗高纯多晶硅与单晶硅片",
     "多晶硅和拉晶环节电耗高，降本空间受制于工艺和装备。",
     "呼和浩特单晶硅产能规模大，绿电供应充足。",
     "单位产品电耗明显下降，硅片品质满足高效电池要求。"),
    ("poe", "CC-OLEF-POE", "150600", C,
     "POE高端聚烯烃弹性体",
     "光伏胶膜和汽车用POE弹性体几乎全部进口。",
     "鄂尔多斯有煤制烯烃和α-烯烃原料，可就近配套。",
     "建成POE中试装置，产品通过光伏胶膜企业验证。"),
    ("ftcat", "CC-OLEF-FT", "150600", C,
     "高选择性费托合成催化剂",
     "费托合成产物分布宽，高附加值烯烃选择性偏低。",
     "鄂尔多斯煤制油装置可提供工业侧线试验条件。",
     "催化剂的烯烃选择性和寿命达到工业应用要求。"),
    ("needle", "CC-CARB-NEEDLE", "150300", C,
     "煤系针状焦及负极材料",
     "煤系针状焦品质不稳定，高端负极材料原料受限。",
     "乌海焦化产业基础好，煤焦油原料充足。",
     "稳定生产高品质煤系针状焦并用于锂电池负极材料。"),
    ("fiber", "CC-CARB-FIBER", "150600", C,
     "煤基碳纤维",
     "高性能碳纤维原丝和碳化工艺受制于人，煤基路线尚处于实验室阶段。",
     "鄂尔多斯煤化工副产物可作为原料，园区有配套能源。",
     "完成煤基碳纤维中试，力学性能满足工业级应用。"),
    ("dairy", "AG-DAIRY-STRAIN", "150100", C,
     "乳业自主菌种",
     "酸奶和奶酪用的核心发酵菌种大多依赖进口。",
     "呼和浩特乳业龙头企业集中，拥有菌种资源库和应用场景。",
     "选育出可替代进口的自主菌种并在乳制品中规模应用。"),
]
# fmt: on

DROP_REASONS = {
    "windops": "已有成熟的商业化方案，企业可自行采购，不需要以揭榜挂帅方式支持。",
}

SESSION_TITLE = "2024年度突破点位综合评分"
SESSION_DESCRIPTION = (
    "对八个重点候选点位按七项默认指标评分，层次分析法定权重，用于确定首批揭榜点位。"
)
SESSION_POINTS = ["ao", "hgfree", "expl", "fecr", "heat", "magnet", "elec", "recat"]
CLOSED_AT = datetime(2024, 6, 28, 16, 30, tzinfo=ZoneInfo("Asia/Shanghai"))

# Upper triangles by criterion position (resources, industrial base, market demand,
# feasibility, team, choke point, time to impact); both have CR well below 0.1.
# fmt: off
JUDGEMENTS = {
    "officer": {
        "0,1": 2, "0,2": 1, "0,3": 1, "0,4": 2, "0,5": 1, "0,6": 4, "1,2": 0.5, "1,3": 1,
        "1,4": 2, "1,5": 1, "1,6": 3, "2,3": 1, "2,4": 2, "2,5": 1, "2,6": 4, "3,4": 2,
        "3,5": 1, "3,6": 3, "4,5": 0.5, "4,6": 2, "5,6": 3,
    },
    "expert": {
        "0,1": 1, "0,2": 0.5, "0,3": 1, "0,4": 2, "0,5": 2, "0,6": 3, "1,2": 0.5, "1,3": 1,
        "1,4": 2, "1,5": 2, "1,6": 3, "2,3": 1, "2,4": 3, "2,5": 3, "2,6": 5, "3,4": 2,
        "3,5": 2, "3,6": 4, "4,5": 1, "4,6": 2, "5,6": 2,
    },
}
# The officer's 1-9 scores per point, criteria in position order; the expert's differ a little.
SCORES = {
    "ao":     [9, 8, 8, 7, 7, 9, 4],
    "hgfree": [7, 8, 7, 8, 6, 7, 3],
    "expl":   [6, 5, 5, 6, 5, 4, 5],
    "fecr":   [7, 6, 8, 7, 6, 6, 4],
    "heat":   [6, 6, 7, 8, 7, 3, 2],
    "magnet": [9, 9, 8, 6, 8, 8, 6],
    "elec":   [8, 6, 8, 6, 5, 7, 5],
    "recat":  [7, 7, 6, 5, 6, 8, 6],
}
# fmt: on
EXPERT_OFFSETS = [0, 1, 0, -1, 0]


def _upsert[M: models.Model](model: type[M], lookup: dict[str, Any], values: dict[str, Any]) -> M:
    """Create, or save only the fields that differ (so reruns leave timestamps alone)."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        return model._default_manager.create(**lookup, **values)
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    if changed:
        for field in changed:
            setattr(obj, field, values[field])
        obj.save(update_fields=changed)
    return obj


def ensure_default_criteria() -> list[Criterion]:
    """The library's defaults as migration 0003 seeds them; a database flushed since
    (a transactional test run, say) gets them back, an intact one is left alone."""
    seeded = import_module("tuwei.chains.migrations.0003_default_criteria")
    return [
        _upsert(
            Criterion,
            {"code": code},
            {
                "name": name,
                "name_en": name_en,
                "is_benefit": benefit,
                "is_default": True,
                "order": order,
            },
        )
        for order, (code, name, name_en, benefit) in enumerate(seeded.DEFAULTS)
    ]


def expert_scores(key: str, index: int) -> list[float]:
    return [
        float(min(9, max(1, value + EXPERT_OFFSETS[(index + c) % len(EXPERT_OFFSETS)])))
        for c, value in enumerate(SCORES[key])
    ]


def load(context: dict[str, object]) -> dict[str, object]:
    from tuwei.chains.services.scoring_results import compute_result

    users: Any = context["users"]
    regions: Any = context["regions"]
    nodes: Any = context["nodes"]
    officer, expert = users["officer"], users["expert"]
    points: dict[str, Point] = {}
    for key, node, region, status, title, problem, advantage, output in POINTS:
        points[key] = _upsert(
            Point,
            {"title": title, "is_demo": True},
            {
                "node_id": nodes[node].pk,
                "region_id": regions[region].pk if region else None,
                "status": status,
                "problem": problem,
                "advantage": advantage,
                "expected_output": output,
                "drop_reason": DROP_REASONS.get(key, ""),
                "owner_id": officer.pk,
            },
        )

    session = _upsert(
        ScoringSession,
        {"title": SESSION_TITLE, "is_demo": True},
        {
            "description": SESSION_DESCRIPTION,
            "weight_method": ScoringSession.WeightMethod.AHP,
            "scale": ScoringSession.Scale.SAATY,
            "top_n": 3,
            "created_by_id": officer.pk,
        },
    )
    session.points.set([points[key] for key in SESSION_POINTS])
    session.raters.set([officer, expert])
    criteria = ensure_default_criteria()
    for position, criterion in enumerate(criteria):
        _upsert(
            SessionCriterion, {"session": session, "criterion": criterion}, {"position": position}
        )
    for username, upper in JUDGEMENTS.items():
        _upsert(
            PairwiseJudgement,
            {"session": session, "rater": users[username]},
            {"comparisons": {k: float(v) for k, v in upper.items()}},
        )
    for index, key in enumerate(SESSION_POINTS):
        for username, row in (("officer", SCORES[key]), ("expert", expert_scores(key, index))):
            for criterion, value in zip(criteria, row, strict=True):
                _upsert(
                    PointScore,
                    {
                        "session": session,
                        "rater": users[username],
                        "point": points[key],
                        "criterion": criterion,
                    },
                    {"value": float(value)},
                )
    # The consistency ratios and the frozen result are what the services would have stored.
    from engine import mcda
    from tuwei.chains.services.scoring_ahp import stored_comparisons

    for judgement in session.judgements.all():
        cr = mcda.ahp_from_upper(len(criteria), stored_comparisons(judgement)).cr
        _upsert(PairwiseJudgement, {"pk": judgement.pk}, {"consistency_ratio": cr})
    result = compute_result(session)
    problem = result.pop("problem")
    if problem:  # a demo that cannot rank is a bug in the tables above
        raise RuntimeError(f"demo scoring session cannot be finished: {problem}")
    _upsert(
        ScoringSession,
        {"pk": session.pk},
        {"result": result, "status": ScoringSession.Status.CLOSED, "closed_at": CLOSED_AT},
    )

    winner = points["ao"]
    _upsert(
        ChallengeDraft,
        {"point": winner},
        {
            "title": winner.title,
            "problem": winner.problem,
            "node_id": winner.node_id,
            "region_id": winner.region_id,
            "created_by_id": officer.pk,
        },
    )
    return {"points": points, "scoring_sessions": {"demo": session}}
