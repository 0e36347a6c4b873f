"""Figures of the demo plan: the 2024 targets from the public report (DESIGN.md), shares
by league/city, and how each league/city fares. The reported values are invented."""

from __future__ import annotations

from decimal import Decimal

TITLE = "2024年内蒙古科技突围工程年度计划"

# Share of each league/city in the summed targets (roughly its share of the economy).
SHARES = {
    "150100": 16,  # 呼和浩特
    "150200": 17,  # 包头
    "150300": 3,  # 乌海
    "150400": 9,  # 赤峰
    "150500": 6,  # 通辽
    "150600": 21,  # 鄂尔多斯
    "150700": 7,  # 呼伦贝尔
    "150800": 4,  # 巴彦淖尔
    "150900": 5,  # 乌兰察布
    "152200": 3,  # 兴安盟
    "152500": 6,  # 锡林郭勒盟
    "152900": 3,  # 阿拉善盟
}

# How far each league/city gets towards its target by year end (1.0 = exactly on target).
PACE = {
    "150100": 1.04,
    "150200": 1.02,
    "150300": 0.93,
    "150400": 0.82,
    "150500": 0.97,
    "150600": 1.06,
    "150700": 0.95,
    "150800": 0.9,
    "150900": 1.0,
    "152200": 0.78,
    "152500": 0.92,
    "152900": 0.74,
}

# Share of a year-to-date target usually reached at the end of each quarter (back-loaded).
QUARTER_SHARE = [0.17, 0.41, 0.67, 1.0]
MONTH_SHARE = [0.05, 0.1, 0.17, 0.25, 0.33, 0.41, 0.5, 0.58, 0.67, 0.77, 0.88, 1.0]

S = "sum"
MEAN = "mean"
WMEAN = "weighted_mean"
WIDE = "region_independent"
Q = "quarterly"
M = "monthly"

# code, name, English name, unit, kind, aggregation, accumulates, target, baseline,
# department, frequency, pace of this indicator, fixed breakdown (division code → target)
INDICATORS: list[tuple] = [
    (
        "KJ01",
        "全区科技经费支出增长",
        "Growth of S&T spending",
        "%",
        "growth",
        WMEAN,
        False,
        Decimal(20),
        Decimal("12.6"),
        "自治区科技厅",
        Q,
        0.93,
        None,
    ),
    (
        "KJ02",
        "新增京蒙共建创新平台",
        "New Beijing–Inner Mongolia co-built platforms",
        "个",
        "count",
        S,
        True,
        Decimal(20),
        None,
        "自治区科技厅",
        Q,
        1.0,
        {"150100": 6, "150200": 5, "150600": 5, "150400": 2, "150900": 2},
    ),
    (
        "KJ03",
        "创新联合体",
        "Innovation consortia",
        "个",
        "count",
        S,
        False,
        Decimal(50),
        Decimal(38),
        "自治区科技厅",
        Q,
        1.02,
        None,
    ),
    (
        "KJ04",
        "高新技术企业",
        "High-tech enterprises",
        "家",
        "count",
        S,
        False,
        Decimal(2000),
        Decimal(1720),
        "自治区科技厅",
        Q,
        0.98,
        None,
    ),
    (
        "KJ05",
        "科技型中小企业",
        "Tech-based SMEs",
        "家",
        "count",
        S,
        False,
        Decimal(3000),
        Decimal(2480),
        "自治区科技厅",
        Q,
        0.94,
        None,
    ),
    (
        "GX01",
        "规模以上工业企业",
        "Industrial enterprises above designated size",
        "家",
        "count",
        S,
        False,
        Decimal(4000),
        Decimal(3720),
        "自治区工业和信息化厅",
        Q,
        1.0,
        None,
    ),
    (
        "SZ01",
        "新增服务器",
        "New servers",
        "万台",
        "amount",
        S,
        True,
        Decimal(60),
        None,
        "自治区政务服务与数据管理局",
        M,
        1.05,
        {"150100": 22, "150900": 20, "150600": 10, "150200": 8},
    ),
    (
        "SZ02",
        "工业企业装备数字化率",
        "Equipment digitalisation rate",
        "%",
        "rate",
        MEAN,
        False,
        Decimal(50),
        Decimal("45.2"),
        "自治区工业和信息化厅",
        Q,
        0.97,
        None,
    ),
    (
        "SZ03",
        "关键工序数控化率",
        "Key-process digitalisation rate",
        "%",
        "rate",
        WIDE,
        False,
        Decimal(61),
        Decimal("57.8"),
        "自治区工业和信息化厅",
        Q,
        0.99,
        None,
    ),
    (
        "LS01",
        "节能节水改造项目",
        "Energy and water saving retrofit projects",
        "个",
        "count",
        S,
        True,
        Decimal(70),
        None,
        "自治区工业和信息化厅",
        Q,
        0.96,
        None,
    ),
    (
        "LS02",
        "节能量",
        "Energy saved",
        "万吨标准煤",
        "amount",
        S,
        True,
        Decimal(50),
        None,
        "自治区工业和信息化厅",
        Q,
        0.91,
        None,
    ),
    (
        "LS03",
        "节水量",
        "Water saved",
        "万吨",
        "amount",
        S,
        True,
        Decimal(700),
        None,
        "自治区水利厅",
        Q,
        0.8,
        None,
    ),
    (
        "LS04",
        "压减钢铁产能",
        "Steel capacity retired",
        "万吨",
        "amount",
        S,
        True,
        Decimal(510),
        None,
        "自治区发展和改革委员会",
        Q,
        0.84,
        {"150200": 300, "150300": 80, "150400": 60, "150600": 40, "150900": 30},
    ),
    (
        "LS05",
        "绿色工厂",
        "Green factories",
        "家",
        "count",
        S,
        True,
        Decimal(20),
        None,
        "自治区工业和信息化厅",
        Q,
        1.0,
        None,
    ),
    (
        "LS06",
        "绿色园区",
        "Green industrial parks",
        "个",
        "count",
        S,
        True,
        Decimal(4),
        None,
        "自治区工业和信息化厅",
        Q,
        1.0,
        {"150200": 1, "150600": 1, "150900": 1, "152900": 1},
    ),
]

# Indicators whose two earlier years are in the demo, so their forecast learns the seasons.
WITH_HISTORY = ("LS02", "LS03")

# The last reported period of each frequency: most leagues/cities approved, some not.
LAST_STATUS = {
    "quarterly": {
        "150400": "submitted",  # Chifeng: waiting for the officer
        "152200": "draft",  # Hinggan: late
        "152500": "draft",  # Xilingol: late
        "152900": "returned",  # Alxa: one value sent back
    },
    "monthly": {
        "150600": "returned",  # Ordos: September's servers sent back — the demo bureau's to-do
        "152900": "draft",  # Alxa: late
    },
}
RETURNED_CODES = ("LS02", "SZ01")
RETURN_REASON = "与在线监测数据不一致，请核实后重报。"
