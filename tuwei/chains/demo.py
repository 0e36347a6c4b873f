"""The 8 industrial clusters and 16 key chains of the demo map.

The counts and the leading industries (new energy, rare-earth new materials,
modern coal chemistry) follow the public report on the 2024 program; the
individual cluster and chain names are a plausible demo layout.
"""

from __future__ import annotations

from tuwei.chains.models import Chain, Cluster

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
    return {"clusters": clusters, "chains": chains}
