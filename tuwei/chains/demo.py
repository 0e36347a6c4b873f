"""The 8 industrial clusters and 16 key chains of the demo map.

The counts and the leading industries (new energy, rare-earth new materials,
modern coal chemistry) follow the public report on the 2024 program; the
individual cluster and chain names are a plausible demo layout.
"""

from __future__ import annotations

from tuwei.chains.models import Chain, ChainNode, Cluster

CLUSTERS = [
    (
        "NE",
        "新能源",
        "New energy",
        True,
        [
            ("NE-WIND", "风电装备", "Wind power equipment"),
            ("NE-PV", "光伏制造", "Photovoltaic manufacturing"),
            ("NE-H2", "氢能", "Hydrogen"),
            ("NE-STOR", "新型储能", "New energy storage"),
        ],
    ),
    (
        "RE",
        "稀土新材料",
        "Rare-earth new materials",
        True,
        [
            ("RE-FUNC", "稀土功能材料", "Rare-earth functional materials"),
            ("RE-APP", "稀土终端应用", "Rare-earth end applications"),
        ],
    ),
    (
        "CC",
        "现代煤化工",
        "Modern coal chemistry",
        True,
        [
            ("CC-OLEF", "煤制烯烃及α-烯烃", "Coal to olefins and α-olefins"),
            ("CC-CHEM", "煤基高纯化学品", "Coal-based high-purity chemicals"),
            ("CC-CARB", "煤基碳材料", "Coal-based carbon materials"),
        ],
    ),
    (
        "AG",
        "绿色农畜产品加工",
        "Green farm and livestock products",
        False,
        [
            ("AG-DAIRY", "乳业", "Dairy"),
            ("AG-MEAT", "肉牛肉羊", "Beef and mutton"),
        ],
    ),
    (
        "MT",
        "冶金及装备制造",
        "Metallurgy and equipment",
        False,
        [
            ("MT-STEEL", "钢铁", "Steel"),
            ("MT-AL", "铝及铝后加工", "Aluminium and its processing"),
        ],
    ),
    ("BIO", "生物医药", "Biomedicine", False, [("BIO-MED", "生物医药", "Biomedicine")]),
    (
        "DIG",
        "数字经济",
        "Digital economy",
        False,
        [("DIG-CALC", "算力与数据中心", "Computing power")],
    ),
    (
        "GRS",
        "现代草业与种业",
        "Grassland and seed industry",
        False,
        [
            ("GRS-SEED", "草种业", "Grass seed"),
        ],
    ),
]


U, M, D = ChainNode.Stage.UPSTREAM, ChainNode.Stage.MIDSTREAM, ChainNode.Stage.DOWNSTREAM
STRONG, FILL, EXTEND = (
    ChainNode.GapKind.STRENGTHEN,
    ChainNode.GapKind.FILL,
    ChainNode.GapKind.EXTEND,
)

# (chain, code, parent code or "", name, English name, stage, gap kind, choke point)
NODES = [
    (
        "NE-WIND",
        "NE-WIND-BLADE",
        "",
        "大型叶片与主轴承",
        "Large blades and main bearings",
        U,
        FILL,
        True,
    ),
    (
        "NE-WIND",
        "NE-WIND-UNIT",
        "",
        "陆上大容量风电机组",
        "High-capacity onshore turbines",
        M,
        STRONG,
        False,
    ),
    ("NE-WIND", "NE-WIND-OPS", "", "风场智能运维", "Smart wind-farm operation", D, EXTEND, False),
    (
        "NE-PV",
        "NE-PV-SI",
        "",
        "高纯多晶硅与单晶硅片",
        "High-purity polysilicon and wafers",
        U,
        STRONG,
        False,
    ),
    (
        "NE-PV",
        "NE-PV-CELL",
        "",
        "高效电池组件",
        "High-efficiency cells and modules",
        M,
        STRONG,
        False,
    ),
    ("NE-H2", "NE-H2-ELEC", "", "电解水制氢装备", "Water-electrolysis equipment", U, FILL, True),
    ("NE-H2", "NE-H2-STORE", "", "储运与加注", "Storage, transport and refuelling", M, FILL, False),
    (
        "NE-H2",
        "NE-H2-USE",
        "",
        "绿氢化工与冶金应用",
        "Green hydrogen in chemicals and metallurgy",
        D,
        EXTEND,
        False,
    ),
    ("NE-STOR", "NE-STOR-FLOW", "", "液流电池储能", "Flow-battery storage", M, FILL, False),
    (
        "NE-STOR",
        "NE-STOR-FECR",
        "NE-STOR-FLOW",
        "铁-铬液流电池电堆与电解液",
        "Iron-chromium stacks and electrolyte",
        M,
        FILL,
        True,
    ),
    (
        "NE-STOR",
        "NE-STOR-HEAT",
        "",
        "高压固体储热供暖",
        "High-voltage solid heat storage",
        M,
        EXTEND,
        False,
    ),
    (
        "NE-STOR",
        "NE-STOR-PCM",
        "NE-STOR-HEAT",
        "相变储热材料",
        "Phase-change heat-storage materials",
        U,
        FILL,
        False,
    ),
    (
        "NE-STOR",
        "NE-STOR-CLOUD",
        "NE-STOR-HEAT",
        "远端云控系统",
        "Remote cloud control",
        D,
        EXTEND,
        False,
    ),
    (
        "RE-FUNC",
        "RE-FUNC-SEP",
        "",
        "稀土分离提纯",
        "Rare-earth separation and purification",
        U,
        STRONG,
        False,
    ),
    ("RE-FUNC", "RE-FUNC-MAG", "", "稀土永磁材料", "Rare-earth permanent magnets", M, STRONG, True),
    (
        "RE-FUNC",
        "RE-FUNC-H2",
        "",
        "稀土储氢材料",
        "Rare-earth hydrogen-storage alloys",
        M,
        FILL,
        False,
    ),
    ("RE-FUNC", "RE-FUNC-CAT", "", "稀土催化材料", "Rare-earth catalysts", M, FILL, True),
    (
        "RE-FUNC",
        "RE-FUNC-POL",
        "",
        "稀土抛光材料",
        "Rare-earth polishing powders",
        M,
        STRONG,
        False,
    ),
    ("RE-FUNC", "RE-FUNC-ALLOY", "", "稀土合金", "Rare-earth alloys", M, EXTEND, False),
    ("RE-APP", "RE-APP-MOTOR", "", "永磁电机", "Permanent-magnet motors", D, EXTEND, False),
    ("CC-OLEF", "CC-OLEF-FT", "", "费托合成", "Fischer-Tropsch synthesis", U, STRONG, False),
    (
        "CC-OLEF",
        "CC-OLEF-AO",
        "CC-OLEF-FT",
        "α-烯烃分离提纯",
        "α-olefin separation and purification",
        M,
        FILL,
        True,
    ),
    (
        "CC-OLEF",
        "CC-OLEF-POE",
        "CC-OLEF-AO",
        "POE 等高端聚烯烃",
        "POE and other high-end polyolefins",
        D,
        EXTEND,
        True,
    ),
    (
        "CC-CHEM",
        "CC-CHEM-HGFREE",
        "",
        "无汞触媒氯碱工艺",
        "Mercury-free chlor-alkali catalysts",
        M,
        FILL,
        True,
    ),
    (
        "CC-CHEM",
        "CC-CHEM-PURE",
        "",
        "煤制高纯化学品",
        "High-purity chemicals from coal",
        M,
        FILL,
        False,
    ),
    (
        "CC-CHEM",
        "CC-CHEM-EXPL",
        "",
        "煤基纳米碳氢炸药",
        "Coal-based nano hydrocarbon explosives",
        D,
        EXTEND,
        False,
    ),
    (
        "CC-CARB",
        "CC-CARB-NEEDLE",
        "",
        "针状焦与负极材料",
        "Needle coke and anode materials",
        M,
        EXTEND,
        False,
    ),
    ("CC-CARB", "CC-CARB-FIBER", "", "煤基碳纤维", "Coal-based carbon fibre", D, FILL, True),
    ("AG-DAIRY", "AG-DAIRY-STRAIN", "", "乳业菌种", "Dairy starter cultures", U, FILL, True),
    ("GRS-SEED", "GRS-SEED-BREED", "", "牧草育种", "Forage grass breeding", U, FILL, False),
]


def load(context: dict[str, object]) -> dict[str, object]:
    clusters, chains = {}, {}
    for order, (code, name, name_en, leading, chain_rows) in enumerate(CLUSTERS):
        cluster, _ = Cluster.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "name_en": name_en,
                "is_leading": leading,
                "order": order,
                "is_demo": True,
            },
        )
        clusters[code] = cluster
        for chain_order, (chain_code, chain_name, chain_en) in enumerate(chain_rows):
            chains[chain_code], _ = Chain.objects.update_or_create(
                code=chain_code,
                defaults={
                    "cluster": cluster,
                    "name": chain_name,
                    "name_en": chain_en,
                    "order": chain_order,
                    "is_demo": True,
                },
            )
    nodes: dict[str, ChainNode] = {}
    for order, (chain_code, code, parent, name, name_en, stage, gap, choke) in enumerate(NODES):
        nodes[code], _ = ChainNode.objects.update_or_create(
            code=code,
            defaults={
                "chain": chains[chain_code],
                "parent": nodes.get(parent),
                "name": name,
                "name_en": name_en,
                "stage": stage,
                "gap_kind": gap,
                "is_chokepoint": choke,
                "order": order,
                "is_demo": True,
            },
        )
    return {"clusters": clusters, "chains": chains, "nodes": nodes}
