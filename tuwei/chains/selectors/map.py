"""Reads of the industry map, for those who may see it (officer, bureau, leader).

The map is program-wide, so there is no regional scope: a reader sees all of it and
anyone else nothing. The chain chart's ECharts options are built here too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from tuwei.accounts.models import User
from tuwei.chains.models import Chain, ChainNode, Cluster, Point

# One colour per gap kind, the same in the chart, its legend and the table.
GAP_COLOURS = {
    ChainNode.GapKind.STRENGTHEN: "#1d4e89",
    ChainNode.GapKind.FILL: "#c77c02",
    ChainNode.GapKind.EXTEND: "#1e7b4f",
}
CHOKEPOINT_COLOUR = "#b42318"
STAGE_COLOUR = "#9aa5b1"
ROOT_COLOUR = "#52606d"


def _may_read(user: User) -> bool:
    return bool(user.is_authenticated and user.has_perm("chains.view_map"))


def chain_list(*, user: User) -> QuerySet[Chain]:
    """Chains with their counts of nodes, choke-point nodes and breakthrough points."""
    if not _may_read(user):
        return Chain.objects.none()
    return Chain.objects.select_related("cluster").annotate(
        node_count=Count("nodes", distinct=True),
        chokepoint_count=Count("nodes", filter=Q(nodes__is_chokepoint=True), distinct=True),
        point_count=Count("nodes__points", distinct=True),
    )


def cluster_list(*, user: User) -> QuerySet[Cluster]:
    """Clusters, each with `chains` prefetched and counted as in `chain_list`."""
    if not _may_read(user):
        return Cluster.objects.none()
    return Cluster.objects.prefetch_related(
        Prefetch("chains", queryset=chain_list(user=user).order_by("order", "code"))
    )


def cluster_get(*, user: User, code: str) -> Cluster:
    """Raises Cluster.DoesNotExist outside the reader's scope."""
    if not _may_read(user):
        raise Cluster.DoesNotExist
    return Cluster.objects.get(code=code)


def chain_get(*, user: User, code: str) -> Chain:
    return chain_list(user=user).get(code=code)


def node_list(*, user: User) -> QuerySet[ChainNode]:
    if not _may_read(user):
        return ChainNode.objects.none()
    return ChainNode.objects.select_related("chain", "chain__cluster", "parent")


def node_get(*, user: User, code: str) -> ChainNode:
    return node_list(user=user).get(code=code)


def node_path(node: ChainNode) -> list[ChainNode]:
    """The node's ancestors, top first (for the breadcrumb)."""
    by_pk = {
        item.pk: item
        for item in ChainNode.objects.filter(chain_id=node.chain_id).only(
            "pk", "parent_id", "code", "name", "name_en"
        )
    }
    path: list[ChainNode] = []
    seen = {node.pk}
    current = by_pk.get(node.parent_id) if node.parent_id else None
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        path.append(current)
        current = by_pk.get(current.parent_id) if current.parent_id else None
    return list(reversed(path))


@dataclass(frozen=True)
class BadgeCounts:
    points: int = 0
    challenges: int = 0
    projects: int = 0


def _point_counts(node_ids: Sequence[int]) -> dict[int, int]:
    rows = (
        Point.objects.filter(node_id__in=node_ids)
        .values("node_id")
        .annotate(count=Count("pk"))
        .values_list("node_id", "count")
    )
    return dict(rows)


def _challenge_counts(node_ids: Sequence[int]) -> dict[int, int]:
    """Challenges per node. The challenges app plugs its count in here once it exists."""
    return {}


def _project_counts(node_ids: Sequence[int]) -> dict[int, int]:
    """Projects per node. The projects app plugs its count in here once it exists."""
    return {}


def node_badge_counts(node_ids: Iterable[int]) -> dict[int, BadgeCounts]:
    """Points, challenges and projects on each node: the badges of the chain chart."""
    ids = list(node_ids)
    points, challenges, projects = (
        _point_counts(ids),
        _challenge_counts(ids),
        _project_counts(ids),
    )
    return {
        pk: BadgeCounts(points.get(pk, 0), challenges.get(pk, 0), projects.get(pk, 0)) for pk in ids
    }


@dataclass(frozen=True)
class TreeRow:
    """One node of a chain in drawing order, for the chart and the table beside it."""

    node: ChainNode
    depth: int
    counts: BadgeCounts
    children: list[TreeRow]

    @property
    def indent(self) -> range:
        return range(self.depth)


def chain_tree(chain: Chain) -> dict[str, list[TreeRow]]:
    """The chain's nodes as trees under each stage ({stage: top-level rows})."""
    nodes = list(
        ChainNode.objects.filter(chain=chain).select_related("parent").order_by("order", "code")
    )
    counts = node_badge_counts(node.pk for node in nodes)
    below: dict[int | None, list[ChainNode]] = defaultdict(list)
    known = {node.pk for node in nodes}
    for node in nodes:
        below[node.parent_id if node.parent_id in known else None].append(node)

    def build(node: ChainNode, depth: int, seen: frozenset[int]) -> TreeRow:
        children = [
            build(child, depth + 1, seen | {child.pk})
            for child in below.get(node.pk, [])
            if child.pk not in seen
        ]
        return TreeRow(node, depth, counts[node.pk], children)

    stages: dict[str, list[TreeRow]] = {stage: [] for stage in ChainNode.Stage.values}
    for node in below[None]:
        stages[node.stage].append(build(node, 0, frozenset({node.pk})))
    return stages


def flatten(stages: dict[str, list[TreeRow]]) -> list[TreeRow]:
    rows: list[TreeRow] = []

    def walk(row: TreeRow) -> None:
        rows.append(row)
        for child in row.children:
            walk(child)

    for top in stages.values():
        for row in top:
            walk(row)
    return rows


def _rich_safe(text: str) -> str:
    # braces delimit ECharts rich-text runs; a stored name must not open one
    return text.replace("{", "（").replace("}", "）")


def badge_text(counts: BadgeCounts) -> str:
    return _("Points %(points)s · Challenges %(challenges)s · Projects %(projects)s") % {
        "points": counts.points,
        "challenges": counts.challenges,
        "projects": counts.projects,
    }


def _node_item(row: TreeRow) -> dict[str, Any]:
    node = row.node
    colour = GAP_COLOURS.get(ChainNode.GapKind(node.gap_kind), ROOT_COLOUR)
    name = _rich_safe(str(node))
    badge = _rich_safe(badge_text(row.counts))
    label = f"{{name|{name}}}\n{{badge|{badge}}}"
    if node.is_chokepoint:
        marker = _rich_safe(pgettext("choke-point marker on the chain chart", "Choke"))
        label = f"{{choke|{marker}}} {label}"
    return {
        "name": str(node),
        "value": node.code,
        "url": reverse("chains:node_detail", args=[node.code]),
        "symbol": "diamond" if node.is_chokepoint else "circle",
        "symbolSize": 16 if node.is_chokepoint else 11,
        "itemStyle": {
            "color": colour,
            "borderColor": CHOKEPOINT_COLOUR if node.is_chokepoint else colour,
            "borderWidth": 3 if node.is_chokepoint else 1,
        },
        "label": {"formatter": label},
        "children": [_node_item(child) for child in row.children],
    }


def chain_tree_options(chain: Chain, stages: dict[str, list[TreeRow]]) -> dict[str, Any]:
    """ECharts options: the chain as a left-to-right tree (chain → stage → nodes)."""
    stage_items = [
        {
            "name": str(ChainNode.Stage(stage).label),
            "itemStyle": {"color": STAGE_COLOUR, "borderColor": STAGE_COLOUR},
            "label": {"formatter": f"{{stage|{_rich_safe(str(ChainNode.Stage(stage).label))}}}"},
            "children": [_node_item(row) for row in rows],
        }
        for stage, rows in stages.items()
    ]
    root = {
        "name": str(chain),
        "itemStyle": {"color": ROOT_COLOUR, "borderColor": ROOT_COLOUR},
        "label": {"formatter": f"{{root|{_rich_safe(str(chain))}}}"},
        "children": stage_items,
    }
    return {
        "tooltip": {"trigger": "item", "triggerOn": "mousemove", "formatter": "{b}"},
        "series": [
            {
                "type": "tree",
                "orient": "LR",
                "data": [root],
                "top": "10%",
                "bottom": "4%",
                "left": "12%",
                "right": "22%",
                "roam": True,
                "initialTreeDepth": -1,
                "expandAndCollapse": False,
                "symbolSize": 11,
                "lineStyle": {"color": "#cbd2d9", "width": 1.2},
                # labels above the branching nodes and right of the leaves keep clear of the
                # edges; a leaf's long name is cut rather than run out of the chart
                "label": {
                    "position": "top",
                    "align": "center",
                    "verticalAlign": "bottom",
                    "distance": 6,
                    "lineHeight": 15,
                    "rich": {
                        "root": {"fontSize": 14, "fontWeight": "bold", "color": "#1f2933"},
                        "stage": {"fontSize": 13, "fontWeight": "bold", "color": "#52606d"},
                        "name": {"fontSize": 12, "color": "#1f2933"},
                        "badge": {"fontSize": 11, "color": "#616e7c"},
                        "choke": {
                            "fontSize": 11,
                            "color": "#fff",
                            "backgroundColor": CHOKEPOINT_COLOUR,
                            "borderRadius": 2,
                            "padding": [1, 3],
                        },
                    },
                },
                "leaves": {
                    "label": {
                        "position": "right",
                        "align": "left",
                        "verticalAlign": "middle",
                        "width": 220,
                        "overflow": "truncate",
                    }
                },
                "emphasis": {"focus": "descendant"},
                "animationDuration": 300,
            }
        ],
    }


def gap_legend() -> list[dict[str, str]]:
    return [
        {"code": kind.value, "label": str(kind.label), "colour": GAP_COLOURS[kind]}
        for kind in ChainNode.GapKind
    ]


def map_export_rows(*, user: User) -> list[dict[str, Any]]:
    """One row per node, in map order (cluster, chain, then each chain's tree).

    A chain without nodes gets a row with blank node columns, and a cluster without
    chains one with blank chain columns too, so the import reads the whole map back.
    """
    rows: list[dict[str, Any]] = []
    if not _may_read(user):
        return rows
    for cluster in Cluster.objects.prefetch_related("chains").order_by("order", "code"):
        cluster_columns = {
            "cluster_code": cluster.code,
            "cluster_name": cluster.name,
            "cluster_name_en": cluster.name_en,
        }
        chains = sorted(cluster.chains.all(), key=lambda chain: (chain.order, chain.code))
        if not chains:
            rows.append(cluster_columns)
        for chain in chains:
            chain_columns = {
                **cluster_columns,
                "chain_code": chain.code,
                "chain_name": chain.name,
                "chain_name_en": chain.name_en,
            }
            tree = flatten(chain_tree(chain))
            if not tree:
                rows.append(chain_columns)
            for row in tree:
                node = row.node
                rows.append(
                    {
                        **chain_columns,
                        "node_code": node.code,
                        "parent_code": node.parent.code if node.parent else "",
                        "node_name": node.name,
                        "node_name_en": node.name_en,
                        "stage": node.stage,
                        "gap_kind": node.gap_kind,
                        "is_chokepoint": 1 if node.is_chokepoint else 0,
                        "description": node.description,
                    }
                )
    return rows
