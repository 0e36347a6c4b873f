"""Checking an imported map before anything is saved: rows in, (plan, problems) out.

Pure: it reads no database and no file. The caller passes the rows of the map sheet
(with their spreadsheet row numbers) and the nodes already on the map, so a parent may
be another row of the file or an existing node. Every problem is reported, not just
the first, each with its row and column.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tuwei.chains.models import Chain, ChainNode, Cluster
from tuwei.chains.services.map import is_valid_code

TRUE_VALUES = {"1", "true", "yes", "y", "是"}
FALSE_VALUES = {"0", "false", "no", "n", "否", ""}


class Problem:
    """Messages of row problems (lazy, so each reader sees their own language)."""

    REQUIRED = _("A value is required.")
    BAD_CODE = _("%(value)s is not a valid code: use letters, digits, - and _ only.")
    TOO_LONG = _("At most %(limit)s characters.")
    BAD_CHOICE = _("%(value)s is not one of: %(allowed)s.")
    BAD_FLAG = _("%(value)s is not 1 or 0.")
    DUPLICATE_NODE = _("Node code %(value)s appears again (first in row %(first)s).")
    DIFFERS = _("%(item)s has %(value)s here but %(first_value)s in row %(first)s.")
    ORPHAN = _("Node code %(value)s does not exist in this file or the map.")
    PARENT_OTHER_CHAIN = _(
        "The parent %(value)s is in chain %(parent_chain)s, not in this node's chain %(chain)s."
    )
    SELF_PARENT = _("A node cannot be its own parent.")
    CYCLE = _("Rows %(rows)s form a cycle: %(path)s.")
    CHAIN_CHANGE = _(
        "Node %(value)s belongs to chain %(current)s; moving a node to another chain is not "
        "supported."
    )


@dataclass(frozen=True)
class RowProblem:
    row: int | None  # spreadsheet row number; None for the file as a whole or a cycle
    column: str
    code: str  # stable, for tests and the API
    message: str | Promise
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return str(self.message) % self.params if self.params else str(self.message)

    def __str__(self) -> str:
        if self.row is None:
            return self.text
        return gettext("Row %(row)s, %(column)s: %(problem)s") % {
            "row": self.row,
            "column": self.column,
            "problem": self.text,
        }


@dataclass(frozen=True)
class ExistingNode:
    chain_code: str
    parent_code: str | None


@dataclass(frozen=True)
class ClusterItem:
    row: int
    code: str
    name: str
    name_en: str | None  # None: the column is not in the file, leave the field alone


@dataclass(frozen=True)
class ChainItem:
    row: int
    code: str
    cluster_code: str
    name: str
    name_en: str | None


@dataclass(frozen=True)
class NodeItem:
    row: int
    code: str
    chain_code: str
    parent_code: str
    name: str
    name_en: str | None
    stage: str
    gap_kind: str
    is_chokepoint: bool
    description: str | None


@dataclass
class ImportPlan:
    clusters: list[ClusterItem] = field(default_factory=list)
    chains: list[ChainItem] = field(default_factory=list)
    nodes: list[NodeItem] = field(default_factory=list)  # every parent before its children


def cell_text(value: Any) -> str:
    """A cell as text: numbers typed into code cells (101, 101.0) read as "101"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _max_length(model: Any, name: str) -> int:
    return int(model._meta.get_field(name).max_length)


class _Checker:
    def __init__(self) -> None:
        self.problems: list[RowProblem] = []

    def add(self, row: int | None, column: str, code: str, message: Any, **params: Any) -> None:
        self.problems.append(RowProblem(row, column, code, message, params))

    def code(self, row: int, values: Mapping[str, Any], column: str, limit: int) -> str:
        text = cell_text(values.get(column))
        if not text:
            self.add(row, column, "required", Problem.REQUIRED)
        elif not is_valid_code(text):
            self.add(row, column, "bad_code", Problem.BAD_CODE, value=text)
        elif len(text) > limit:
            self.add(row, column, "too_long", Problem.TOO_LONG, limit=limit)
        return text

    def text(
        self, row: int, values: Mapping[str, Any], column: str, limit: int | None, required: bool
    ) -> str | None:
        if column not in values:
            return None
        text = cell_text(values.get(column))
        if required and not text:
            self.add(row, column, "required", Problem.REQUIRED)
        elif limit is not None and len(text) > limit:
            self.add(row, column, "too_long", Problem.TOO_LONG, limit=limit)
        return text

    def choice(self, row: int, values: Mapping[str, Any], column: str, allowed: list[str]) -> str:
        text = cell_text(values.get(column)).lower()
        if not text:
            self.add(row, column, "required", Problem.REQUIRED)
        elif text not in allowed:
            self.add(
                row,
                column,
                "bad_choice",
                Problem.BAD_CHOICE,
                value=cell_text(values.get(column)),
                allowed=", ".join(allowed),
            )
        return text

    def flag(self, row: int, values: Mapping[str, Any], column: str) -> bool:
        text = cell_text(values.get(column)).lower()
        if text not in TRUE_VALUES | FALSE_VALUES:
            self.add(row, column, "bad_flag", Problem.BAD_FLAG, value=cell_text(values.get(column)))
        return text in TRUE_VALUES

    def merge(self, seen: dict[str, Any], item: Any, columns: Mapping[str, str]) -> None:
        """A cluster or chain repeated on many rows must say the same on each.

        A blank cell repeats what an earlier row said; the first value given counts.
        """
        first = seen.get(item.code)
        if first is None:
            seen[item.code] = item
            return
        updates = {}
        for name, column in columns.items():
            before, now = getattr(first, name), getattr(item, name)
            if not now:
                continue
            if not before:
                updates[name] = now
            elif before != now:
                self.add(
                    item.row,
                    column,
                    "differs",
                    Problem.DIFFERS,
                    item=item.code,
                    value=now,
                    first_value=before,
                    first=first.row,
                )
        if updates:
            seen[item.code] = replace(first, **updates)


CHAIN_COLUMNS = ("chain_code", "chain_name", "chain_name_en")
NODE_COLUMNS = (
    "node_code",
    "parent_code",
    "node_name",
    "node_name_en",
    "stage",
    "gap_kind",
    "is_chokepoint",
    "description",
)


def _blank(values: Mapping[str, Any], columns: Sequence[str]) -> bool:
    def empty(column: str) -> bool:
        text = cell_text(values.get(column))
        return text == "" or (column == "is_chokepoint" and text == "0")

    return all(empty(column) for column in columns)


def plan_import(
    rows: Sequence[tuple[int, Mapping[str, Any]]],
    *,
    existing: Mapping[str, ExistingNode] | None = None,
) -> tuple[ImportPlan, list[RowProblem]]:
    """Check every row; the plan is only meant to be applied when there are no problems.

    A row describes one node with its chain and cluster. A row whose node columns are
    all blank describes just a chain (one without nodes yet), and one whose chain
    columns are blank too just a cluster, so an export of the whole map reads back.
    """
    existing = existing or {}
    check = _Checker()
    clusters: dict[str, ClusterItem] = {}
    chains: dict[str, ChainItem] = {}
    nodes: dict[str, NodeItem] = {}
    for row, values in rows:
        has_node = not _blank(values, NODE_COLUMNS)
        has_chain = has_node or not _blank(values, CHAIN_COLUMNS)
        cluster = _read_cluster(check, row, values)
        check.merge(clusters, cluster, {"name": "cluster_name", "name_en": "cluster_name_en"})
        if not has_chain:
            continue
        chain = _read_chain(check, row, values, cluster.code)
        check.merge(
            chains,
            chain,
            {"cluster_code": "cluster_code", "name": "chain_name", "name_en": "chain_name_en"},
        )
        if has_node:
            _add_node(check, nodes, existing, _read_node(check, row, values, chain.code))
    parents = _check_parents(check, nodes, existing)
    _check_cycles(check, nodes, parents)
    plan = ImportPlan(
        clusters=[item for code, item in clusters.items() if code],
        chains=[item for code, item in chains.items() if code],
        nodes=_parents_first(nodes, parents),
    )
    check.problems.sort(key=lambda problem: (problem.row or 0, problem.column))
    return plan, check.problems


def _read_cluster(check: _Checker, row: int, values: Mapping[str, Any]) -> ClusterItem:
    return ClusterItem(
        row=row,
        code=check.code(row, values, "cluster_code", _max_length(Cluster, "code")),
        name=check.text(row, values, "cluster_name", _max_length(Cluster, "name"), True) or "",
        name_en=check.text(row, values, "cluster_name_en", _max_length(Cluster, "name_en"), False),
    )


def _read_chain(
    check: _Checker, row: int, values: Mapping[str, Any], cluster_code: str
) -> ChainItem:
    return ChainItem(
        row=row,
        code=check.code(row, values, "chain_code", _max_length(Chain, "code")),
        cluster_code=cluster_code,
        name=check.text(row, values, "chain_name", _max_length(Chain, "name"), True) or "",
        name_en=check.text(row, values, "chain_name_en", _max_length(Chain, "name_en"), False),
    )


def _read_node(check: _Checker, row: int, values: Mapping[str, Any], chain_code: str) -> NodeItem:
    return NodeItem(
        row=row,
        code=check.code(row, values, "node_code", _max_length(ChainNode, "code")),
        chain_code=chain_code,
        parent_code=cell_text(values.get("parent_code")),
        name=check.text(row, values, "node_name", _max_length(ChainNode, "name"), True) or "",
        name_en=check.text(row, values, "node_name_en", _max_length(ChainNode, "name_en"), False),
        stage=check.choice(row, values, "stage", list(ChainNode.Stage.values)),
        gap_kind=check.choice(row, values, "gap_kind", list(ChainNode.GapKind.values)),
        is_chokepoint=check.flag(row, values, "is_chokepoint"),
        description=check.text(row, values, "description", None, False),
    )


def _add_node(
    check: _Checker,
    nodes: dict[str, NodeItem],
    existing: Mapping[str, ExistingNode],
    node: NodeItem,
) -> None:
    if not node.code:
        return
    if node.code in nodes:
        check.add(
            node.row,
            "node_code",
            "duplicate_node",
            Problem.DUPLICATE_NODE,
            value=node.code,
            first=nodes[node.code].row,
        )
        return
    nodes[node.code] = node
    current = existing.get(node.code)
    if current is not None and node.chain_code and current.chain_code != node.chain_code:
        check.add(
            node.row,
            "chain_code",
            "chain_change",
            Problem.CHAIN_CHANGE,
            value=node.code,
            current=current.chain_code,
        )


def _check_parents(
    check: _Checker, nodes: Mapping[str, NodeItem], existing: Mapping[str, ExistingNode]
) -> dict[str, str | None]:
    """The map after the import, as {node code: parent code}; bad parent links are left out."""
    parents: dict[str, str | None] = {code: node.parent_code for code, node in existing.items()}
    for code, node in nodes.items():
        parents[code] = None
        if not node.parent_code:
            continue
        if node.parent_code == code:
            check.add(node.row, "parent_code", "self_parent", Problem.SELF_PARENT)
            continue
        if node.parent_code in nodes:
            parent_chain = nodes[node.parent_code].chain_code
        elif node.parent_code in existing:
            parent_chain = existing[node.parent_code].chain_code
        else:
            check.add(node.row, "parent_code", "orphan", Problem.ORPHAN, value=node.parent_code)
            continue
        if node.chain_code and parent_chain and parent_chain != node.chain_code:
            check.add(
                node.row,
                "parent_code",
                "parent_other_chain",
                Problem.PARENT_OTHER_CHAIN,
                value=node.parent_code,
                parent_chain=parent_chain,
                chain=node.chain_code,
            )
            continue
        parents[code] = node.parent_code
    return parents


def _check_cycles(
    check: _Checker, nodes: Mapping[str, NodeItem], parents: Mapping[str, str | None]
) -> None:
    done: set[str] = set()
    for start in nodes:
        path: list[str] = []
        on_path: dict[str, int] = {}
        current: str | None = start
        while current is not None and current not in done and current not in on_path:
            on_path[current] = len(path)
            path.append(current)
            current = parents.get(current)
        if current is not None and current in on_path:
            loop = path[on_path[current] :]
            rows = sorted(nodes[code].row for code in loop if code in nodes)
            check.add(
                None,
                "parent_code",
                "cycle",
                Problem.CYCLE,
                rows=", ".join(str(row) for row in rows),
                path=" → ".join([*loop, loop[0]]),
            )
        done.update(path)


def _parents_first(
    nodes: Mapping[str, NodeItem], parents: Mapping[str, str | None]
) -> list[NodeItem]:
    """The file's nodes ordered by depth in the map after import, so parents exist first."""

    def depth(code: str) -> int:
        steps, current, seen = 0, parents.get(code), {code}
        while current is not None and current not in seen:
            seen.add(current)
            steps += 1
            current = parents.get(current)
        return steps

    return sorted(nodes.values(), key=lambda node: (depth(node.code), node.row))
