"""Demo qualifications, platforms, facilities, consortia and tech commissioners.

From the public report: Ordos counted 230 "三清零" enterprises in 2024, 59 of them
new. The demo rebuilds those two numbers from R&D facts, never from a stored flag:
three named Ordos enterprises plus generated ones ("鄂尔多斯示例科技有限公司001"…,
invented, valid but fictitious credit codes) with 2023 and 2024 facts, created in bulk
so the demo stays quick. The plan's target of 20 Beijing–Inner Mongolia co-built
platforms is represented by a handful of invented but plausible ones. Everything is
marked as demo data; the commissioners' names are invented.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from tuwei.accounts.demo import demo_credit_code
from tuwei.accounts.models import Organization
from tuwei.resources.models import (
    Commissioner,
    Consortium,
    Facility,
    FacilityUsage,
    HighTechCertificate,
    Platform,
    RdFacts,
    ServiceLog,
    SmeRegistration,
)

ORDOS = "150600"
ORDOS_CLEARED_2024 = 230
ORDOS_NEW_2024 = 59
NAMED_ORDOS = ("yitai", "ordos_power", "zhunneng")  # cleared in 2023 and 2024
GENERATED_NOT_CLEARED = 24  # Ordos enterprises whose 2024 facts still miss a zero
GENERATED_BASE = 906_000  # credit-code serials of generated enterprises (accounts uses 1…)

P = Platform.Kind
L = Platform.Level
# (name, kind, level, host key, region code, year, description)
PLATFORMS = [
    (
        "内蒙古自治区煤基α-烯烃工程技术研究中心",
        P.ENGINEERING_CENTRE,
        L.REGIONAL,
        "yitai",
        ORDOS,
        2022,
        "围绕费托合成产物中α-烯烃的分离、提纯与下游聚烯烃应用开展工程化研究。",
    ),
    (
        "京蒙共建现代煤化工中试基地",
        P.BEIJING_CO_BUILT,
        L.REGIONAL,
        "ipe",
        ORDOS,
        2024,
        "在京科研院所与鄂尔多斯企业共建，承接煤化工新工艺从小试到千吨级中试的放大验证。",
    ),
    (
        "京蒙共建新型储能技术创新中心",
        P.BEIJING_CO_BUILT,
        L.REGIONAL,
        "tongliao_storage",
        "150500",
        2024,
        "聚焦铁-铬液流电池电堆、电解液与系统集成，服务风光配储项目。",
    ),
    (
        "京蒙共建固体储热与智慧供暖联合实验室",
        P.BEIJING_CO_BUILT,
        L.REGIONAL,
        "nuanjie",
        "150400",
        2024,
        "研究高压固体储热装备与远端云控调度，推动清洁供暖在园区和城镇落地。",
    ),
    (
        "京蒙共建稀土功能材料协同创新平台",
        P.BEIJING_CO_BUILT,
        L.REGIONAL,
        "baotou_re",
        "150200",
        2024,
        "面向稀土永磁、储氢、催化、抛光与合金五大方向开展联合攻关。",
    ),
    (
        "稀土催化材料自治区重点实验室",
        P.KEY_LAB,
        L.REGIONAL,
        "imu",
        "150100",
        2021,
        "研究稀土基催化剂在煤化工和尾气净化中的应用。",
    ),
    (
        "鄂尔多斯市煤化工中试基地",
        P.PILOT_BASE,
        L.CITY,
        "zhunneng",
        ORDOS,
        2023,
        "为市内企业和高校提供公用工程齐全的中试场地与安全评估服务。",
    ),
]

# (asset code, name, host key, region code, original value in yuan,
#  {year: (effective hours, external hours)})
FACILITIES = [
    (
        "DEMO-YQ-0001",
        "场发射扫描电子显微镜",
        "imut",
        "150100",
        Decimal("5860000"),
        {2023: (1512, 318), 2024: (1604, 356)},
    ),
    (
        "DEMO-YQ-0002",
        "气相色谱-质谱联用仪",
        "yitai",
        ORDOS,
        Decimal("2380000"),
        {2023: (1720, 96), 2024: (1688, 142)},
    ),
    (
        "DEMO-YQ-0003",
        "电感耦合等离子体质谱仪",
        "baotou_re",
        "150200",
        Decimal("3950000"),
        {2024: (1306, 410)},
    ),
    (
        "DEMO-YQ-0004",
        "兆瓦级储能电池充放电测试系统",
        "tongliao_storage",
        "150500",
        Decimal("12600000"),
        {2024: (980, 120)},
    ),
]

# (name, lead key, member keys, chain code, year, description)
CONSORTIA = [
    (
        "现代煤化工α-烯烃创新联合体",
        "yitai",
        ["ipe", "imut"],
        "CC-OLEF",
        2024,
        "由龙头企业牵头，院所和高校参与，攻关α-烯烃分离提纯与高端聚烯烃。",
    ),
    (
        "新型储能创新联合体",
        "tongliao_storage",
        ["imu", "imut"],
        "NE-STOR",
        2024,
        "围绕液流电池和固体储热两条技术路线，开展材料、装备和示范应用协同攻关。",
    ),
    (
        "氯碱无汞化创新联合体",
        "ordos_power",
        ["imu", "ipe"],
        "CC-CHEM",
        2023,
        "推动无汞触媒在氯碱行业的全面应用与催化剂再生。",
    ),
]

# (name, organisation key, expertise, region code, assigned enterprise keys, logs)
COMMISSIONERS = [
    (
        "苏和巴特尔",
        "imut",
        "煤化工分离工程、精馏节能",
        ORDOS,
        ["yitai", "zhunneng"],
        [
            (
                "yitai",
                date(2024, 3, 12),
                "6",
                "现场诊断α-烯烃精馏塔能耗偏高问题，提出回流比优化方案。",
            ),
            ("zhunneng", date(2024, 6, 5), "4", "协助梳理露天矿爆破作业的安全评估资料。"),
        ],
    ),
    (
        "林婉清",
        "imu",
        "稀土催化材料、催化剂评价",
        ORDOS,
        ["ordos_power"],
        [("ordos_power", date(2024, 5, 21), "8", "指导无汞触媒寿命评价试验，建立取样规程。")],
    ),
    (
        "赵启航",
        "imut",
        "储能系统集成、电力电子",
        "150500",
        ["tongliao_storage", "nuanjie"],
        [
            ("tongliao_storage", date(2024, 8, 9), "5", "参与电堆一致性测试方案评审。"),
            ("nuanjie", date(2024, 11, 18), "3", "讲解储热装置远端云控的数据接口规范。"),
        ],
    ),
]


def _ordos_enterprises(ordos: Any) -> list[Organization]:
    """Generated Ordos enterprises, created in one bulk insert the first time."""
    count = ORDOS_CLEARED_2024 - len(NAMED_ORDOS) + GENERATED_NOT_CLEARED
    wanted = [
        Organization(
            name=f"鄂尔多斯示例科技有限公司{n:03d}",
            kind=Organization.Kind.ENTERPRISE,
            credit_code=demo_credit_code(GENERATED_BASE + n, ORDOS),
            region=ordos,
            status=Organization.Status.APPROVED,
            is_demo=True,
        )
        for n in range(1, count + 1)
    ]
    Organization.objects.bulk_create(wanted, ignore_conflicts=True)
    codes = [organization.credit_code for organization in wanted]
    found = {o.credit_code: o for o in Organization.objects.filter(credit_code__in=codes)}
    return [found[code] for code in codes]


def _facts(organization: Organization, year: int, cleared: bool, seed: int) -> RdFacts:
    """Plausible facts; a not-cleared year misses exactly one of the three."""
    missing = seed % 3 if not cleared else -1
    return RdFacts(
        organization=organization,
        year=year,
        rd_spending=Decimal(0) if missing == 0 else Decimal(800_000 + 137_000 * (seed % 40)),
        has_rd_institution=missing != 1,
        invention_patents=0 if missing == 2 else 1 + seed % 6,
        is_demo=True,
    )


def load_qualifications(organizations: dict[str, Organization], regions: dict[str, Any]) -> None:
    generated = _ordos_enterprises(regions[ORDOS])
    cleared = [organizations[key] for key in NAMED_ORDOS] + generated[: ORDOS_CLEARED_2024 - 3]
    not_cleared = generated[ORDOS_CLEARED_2024 - 3 :]
    facts: list[RdFacts] = []
    for seed, organization in enumerate(cleared):
        is_new = seed >= len(cleared) - ORDOS_NEW_2024
        facts.append(_facts(organization, 2024, True, seed))
        if not is_new:
            facts.append(_facts(organization, 2023, True, seed))
        elif seed % 2:  # half the newcomers reported 2023 facts with a zero left
            facts.append(_facts(organization, 2023, False, seed))
    for seed, organization in enumerate(not_cleared):
        facts.append(_facts(organization, 2024, False, seed))
        facts.append(_facts(organization, 2023, False, seed + 1))
    # outside Ordos: the named enterprises of the report (one of them new in 2024)
    facts.append(_facts(organizations["tongliao_storage"], 2023, True, 5))
    facts.append(_facts(organizations["tongliao_storage"], 2024, True, 5))
    facts.append(_facts(organizations["nuanjie"], 2023, False, 2))
    facts.append(_facts(organizations["nuanjie"], 2024, True, 7))
    RdFacts.objects.bulk_create(facts, ignore_conflicts=True)
    for n, key in enumerate(("yitai", "ordos_power", "zhunneng", "tongliao_storage", "nuanjie")):
        HighTechCertificate.objects.update_or_create(
            number=f"GR2023150{n:05d}",
            defaults={
                "organization": organizations[key],
                "valid_from": date(2023, 11, 1),
                "valid_to": date(2026, 10, 31),
                "is_demo": True,
            },
        )
    SmeRegistration.objects.bulk_create(
        [
            SmeRegistration(
                organization=organization,
                year=2024,
                number=f"20241506DEMO{n:04d}",
                is_demo=True,
            )
            for n, organization in enumerate(generated[::3])
        ],
        ignore_conflicts=True,
    )


def load(context: dict[str, object]) -> dict[str, object]:
    organizations: dict[str, Organization] = context["organizations"]  # type: ignore[assignment]
    regions: dict[str, Any] = context["regions"]  # type: ignore[assignment]
    chains: dict[str, Any] = context.get("chains", {})  # type: ignore[assignment]
    load_qualifications(organizations, regions)
    platforms = {}
    for name, kind, level, host, region, year, description in PLATFORMS:
        platforms[name], _ = Platform.objects.update_or_create(
            name=name,
            defaults={
                "kind": kind,
                "level": level,
                "host": organizations[host],
                "region": regions[region],
                "year": year,
                "description": description,
                "is_public": True,
                "is_demo": True,
            },
        )
    for code, name, host, region, value, usage in FACILITIES:
        facility, _ = Facility.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "host": organizations[host],
                "region": regions[region],
                "original_value": value,
                "is_public": True,
                "is_demo": True,
            },
        )
        for year, (effective, external) in usage.items():
            FacilityUsage.objects.update_or_create(
                facility=facility,
                year=year,
                defaults={"effective_hours": effective, "external_hours": external},
            )
    for name, lead, members, chain, year, description in CONSORTIA:
        consortium, _ = Consortium.objects.update_or_create(
            name=name,
            defaults={
                "lead": organizations[lead],
                "chain": chains.get(chain),
                "region": organizations[lead].region,
                "year": year,
                "description": description,
                "is_demo": True,
            },
        )
        consortium.members.set([organizations[key] for key in members])
    for name, org, expertise, region, assigned, logs in COMMISSIONERS:
        commissioner, _ = Commissioner.objects.update_or_create(
            name=name,
            organization=organizations[org],
            defaults={"expertise": expertise, "region": regions[region], "is_demo": True},
        )
        commissioner.enterprises.set([organizations[key] for key in assigned])
        for enterprise, day, hours, outcome in logs:
            ServiceLog.objects.get_or_create(
                commissioner=commissioner,
                enterprise=organizations[enterprise],
                date=day,
                defaults={"hours": Decimal(hours), "outcome": outcome, "is_demo": True},
            )
    return {"platforms": platforms}
