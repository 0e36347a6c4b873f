"""Demo achievements, technology needs and deals.

The achievements are the projects the public report on the 2024 program names: the
kiloton Fischer-Tropsch α-olefin separation and purification (Ordos, Hangjin Banner),
the first full use of mercury-free catalysts in chlor-alkali, the coal-based nano
hydrocarbon explosive, the MW-scale iron-chromium flow battery (Tongliao) and the
high-voltage solid heat storage with remote cloud control (Chifeng, with a CAS
institute). Owners, shares, IP numbers, confidential details, needs and deals are
invented for the demo, and everything is marked as demo data.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from tuwei.accounts.models import Organization
from tuwei.transfer.models import (
    Achievement,
    AchievementOwner,
    ConfidentialDetail,
    Deal,
    InventorShare,
    IpRecord,
    TechNeed,
)
from tuwei.transfer.search import document

K = Achievement.Kind
S = Achievement.Status
V = Achievement.Visibility

# (title, kind, TRL, node code, region code, status, visibility, owners {key: share},
#  summary, confidential detail, IP records [(number, date, status)])
ACHIEVEMENTS: list[tuple[Any, ...]] = [
    (
        "千吨级费托合成α-烯烃分离提纯成套工艺",
        K.NEW_PROCESS,
        7,
        "CC-OLEF-AO",
        "150600",
        S.LISTED,
        V.PUBLIC,
        {"yitai": 60, "ipe": 40},
        "在杭锦旗建成千吨级装置，从费托合成油品中分离提纯高碳α-烯烃，产品可用于POE等高端聚烯烃。"
        "工艺包含预分馏、共沸精馏与深度脱氧单元，已完成连续运行考核。",
        "共沸剂配比、精馏塔关键操作窗口及脱氧催化剂再生周期（仅限权利人与项目主管查看）。",
        [
            ("ZL202210000001.1", date(2022, 3, 18), "granted"),
            ("ZL202310000002.X", date(2023, 7, 6), "published"),
        ],
    ),
    (
        "氯碱工业无汞触媒全面应用技术",
        K.NEW_PROCESS,
        8,
        "CC-CHEM-HGFREE",
        "150600",
        S.LISTED,
        V.PUBLIC,
        {"ordos_power": 100},
        "在电石法聚氯乙烯生产中以无汞触媒全面替代含汞触媒，首次实现全装置应用，"
        "解决汞污染与汞资源依赖问题，催化剂寿命满足连续生产要求。",
        "触媒载体处理温度曲线与失活后再生条件。",
        [("ZL202110000003.5", date(2021, 9, 2), "granted")],
    ),
    (
        "煤基纳米碳氢炸药",
        K.NEW_PRODUCT,
        6,
        "CC-CHEM-EXPL",
        "150600",
        S.LISTED,
        V.REGISTERED,
        {"zhunneng": 70, "imut": 30},
        "以煤基组分制备纳米级碳氢燃料与氧化剂复合体系，用于露天煤矿爆破，"
        "具有爆炸性能稳定、有毒气体少、成本低的特点。",
        "纳米分散工艺参数与安全评估试验原始记录。",
        [("ZL202310000004.8", date(2023, 4, 27), "filed")],
    ),
    (
        "兆瓦级铁-铬液流电池储能系统",
        K.NEW_PRODUCT,
        7,
        "NE-STOR-FECR",
        "150500",
        S.LISTED,
        V.PUBLIC,
        {"tongliao_storage": 100},
        "在通辽建成兆瓦级铁-铬液流电池储能示范，电解液资源丰富、安全性高，"
        "适合风光配储和电网调峰，电堆与电解液均实现本地化生产。",
        "电堆密封结构与电解液添加剂配方。",
        [
            ("ZL202210000005.3", date(2022, 11, 30), "granted"),
            ("2023SR0000006", date(2023, 2, 14), "granted"),
        ],
    ),
    (
        "高压固体储热供暖及远端云控系统",
        K.NEW_PRODUCT,
        8,
        "NE-STOR-HEAT",
        "150400",
        S.LISTED,
        V.PUBLIC,
        {"nuanjie": 70, "ipe": 30},
        "利用低谷电和弃风电加热固体蓄热体，白天稳定供暖；远端云控平台按电价和气温调度充放热，"
        "已在赤峰实现规模化供暖应用。",
        "云控调度算法参数与蓄热体配方。",
        [("ZL202210000007.6", date(2022, 6, 8), "granted")],
    ),
    (
        "低成本稀土储氢合金制备工艺",
        K.NEW_PROCESS,
        5,
        "RE-FUNC-H2",
        "150200",
        S.PENDING,
        V.PUBLIC,
        {"baotou_re": 100},
        "以包头混合稀土为原料制备储氢合金，降低镨钕用量，吸放氢容量与循环寿命达到应用要求。",
        "熔炼与热处理制度。",
        [],
    ),
]

# (enterprise key, title, description, node code, budget yuan, deadline as (month, day) of
#  next year, so the demo's needs stay open whenever it is loaded)
NEEDS = [
    (
        "yitai",
        "α-烯烃产品痕量含氧化合物深度脱除技术",
        "费托合成α-烯烃产品中含有痕量醇、醛等含氧化合物，需要可工业化的深度脱除与精馏分离提纯技术，"
        "以满足高端聚烯烃共聚单体要求。",
        "CC-OLEF-AO",
        Decimal("3000000"),
        (6, 30),
    ),
    (
        "zhunneng",
        "露天煤矿安全环保型爆破炸药",
        "寻求爆炸性能稳定、有毒气体排放少、可在矿区现场制备的新型炸药及配套装药工艺。",
        "CC-CHEM-EXPL",
        Decimal("2000000"),
        (3, 31),
    ),
    (
        "ordos_power",
        "风光配储长时储能技术",
        "园区新能源配储需要4小时以上长时储能，关注液流电池等本质安全的储能技术与系统集成。",
        "NE-STOR-FLOW",
        None,
        (9, 30),
    ),
    (
        "nuanjie",
        "蓄热材料寿命评价与提升",
        "固体储热体长期高温循环后蓄热能力衰减，需要寿命评价方法和改性材料。",
        "NE-STOR-PCM",
        Decimal("800000"),
        None,
    ),
]

# (title, kind, licence scope, achievement title, seller keys, buyer key, amount, date,
#  registered number, node, inventors [(name, share)])
DEALS: list[tuple[Any, ...]] = [
    (
        "高压固体储热供暖技术普通许可",
        Deal.Kind.LICENCE,
        Deal.LicenceScope.NON_EXCLUSIVE,
        "高压固体储热供暖及远端云控系统",
        ["nuanjie", "ipe"],
        "zhunneng",
        Decimal("1800000"),
        date(2024, 7, 16),
        "2024150600000101",
        "NE-STOR-HEAT",
        [("郝建军", 20), ("邱蔚", 10)],
    ),
    (
        "铁-铬液流电池储能技术作价入股",
        Deal.Kind.EQUITY,
        "",
        "兆瓦级铁-铬液流电池储能系统",
        ["tongliao_storage"],
        "ordos_power",
        Decimal("12000000"),
        date(2024, 10, 9),
        "2024150600000102",
        "NE-STOR-FECR",
        [("白雪峰", 15)],
    ),
    (
        "煤基纳米碳氢炸药联合开发",
        Deal.Kind.JOINT_DEVELOPMENT,
        "",
        "煤基纳米碳氢炸药",
        ["imut"],
        "zhunneng",
        Decimal("3500000"),
        date(2024, 4, 22),
        "2024150600000103",
        "CC-CHEM-EXPL",
        [],
    ),
    (
        "α-烯烃分离提纯工艺院所份额转让",
        Deal.Kind.TRANSFER,
        "",
        "千吨级费托合成α-烯烃分离提纯成套工艺",
        ["ipe"],
        "yitai",
        Decimal("5600000"),
        date(2024, 12, 3),
        "2024150600000104",
        "CC-OLEF-AO",
        [("程立言", 30)],
    ),
]


def _when(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 10))


def load_achievements(
    organizations: dict[str, Organization],
    regions: dict[str, Any],
    nodes: dict[str, Any],
    officer: Any,
) -> dict[str, Achievement]:
    achievements = {}
    for index, row in enumerate(ACHIEVEMENTS):
        title, kind, trl, node, region, status, visibility, owners, summary, secret, ip = row
        owner_orgs = [organizations[key] for key in owners]
        listed = status == S.LISTED
        achievement, _ = Achievement.objects.update_or_create(
            title=title,
            is_demo=True,
            defaults={
                "kind": kind,
                "trl": trl,
                "summary": summary,
                "chain_node": nodes.get(node),
                "region": regions[region],
                "status": status,
                "visibility": visibility,
                "created_by": officer,
                "submitted_at": _when(date(2024, 9, 1 + index)),
                "listed_at": _when(date(2024, 9, 10 + index)) if listed else None,
                "search_document": document(
                    title,
                    summary,
                    " ".join(o.name for o in owner_orgs),
                    nodes[node].name if node in nodes else "",
                    " ".join(number for number, *_ in ip),
                ),
            },
        )
        for key, share in owners.items():
            AchievementOwner.objects.update_or_create(
                achievement=achievement,
                organization=organizations[key],
                defaults={"share": Decimal(share)},
            )
        for number, day, ip_status in ip:
            IpRecord.objects.update_or_create(
                achievement=achievement, number=number, defaults={"date": day, "status": ip_status}
            )
        ConfidentialDetail.objects.update_or_create(
            achievement=achievement, defaults={"text": secret}
        )
        achievements[title] = achievement
    return achievements


def load(context: dict[str, object]) -> dict[str, object]:
    organizations: dict[str, Organization] = context["organizations"]  # type: ignore[assignment]
    regions: dict[str, Any] = context["regions"]  # type: ignore[assignment]
    nodes: dict[str, Any] = context.get("nodes", {})  # type: ignore[assignment]
    users: dict[str, Any] = context["users"]  # type: ignore[assignment]
    achievements = load_achievements(organizations, regions, nodes, users.get("officer"))
    next_year = timezone.localdate().year + 1
    for key, title, description, node, budget, deadline in NEEDS:
        organization = organizations[key]
        TechNeed.objects.update_or_create(
            title=title,
            organization=organization,
            is_demo=True,
            defaults={
                "description": description,
                "chain_node": nodes.get(node),
                "region": organization.region,
                "budget": budget,
                "deadline": date(next_year, *deadline) if deadline else None,
                "contact_name": "项目联络人",
                "contact_phone": "0477-0000000",
                "search_document": document(
                    title, description, organization.name, nodes[node].name if node in nodes else ""
                ),
            },
        )
    for row in DEALS:
        title, kind, scope, achievement, sellers, buyer, amount, day, number, node, inventors = row
        deal, _ = Deal.objects.update_or_create(
            registration_number=number,
            defaults={
                "title": title,
                "kind": kind,
                "licence_scope": scope,
                "achievement": achievements.get(achievement),
                "buyer": organizations[buyer],
                "amount": amount,
                "signed_on": day,
                # registered where the (first) seller is, else where the buyer is
                "region": organizations[sellers[0]].region or organizations[buyer].region,
                "chain_node": nodes.get(node),
                "created_by": users.get("officer"),
                "is_demo": True,
            },
        )
        deal.sellers.set([organizations[key] for key in sellers])
        for name, share in inventors:
            InventorShare.objects.update_or_create(
                deal=deal, name=name, defaults={"share": Decimal(share)}
            )
    return {"achievements": achievements}
