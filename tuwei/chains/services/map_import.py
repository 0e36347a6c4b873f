"""The industry map as an xlsx workbook: the export's format, and the import that reads it.

The first row holds stable column keys (COLUMNS); the import reads by key, so the
column order does not matter and extra columns are ignored. `plan_import` is pure:
rows in, (plan, problems) out, so every rule is testable without a file. `map_import`
applies a plan in one transaction and saves nothing when any row has a problem.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from io import BytesIO
from typing import IO, Any

from django.db import transaction
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook, load_workbook

from tuwei.accounts.models import User
from tuwei.chains.models import Chain, ChainNode, Cluster
from tuwei.chains.services.map import MapError, _require
from tuwei.chains.services.map_import_plan import ExistingNode, ImportPlan, RowProblem, plan_import
from tuwei.core.audit import log_action

COLUMNS = (
    "cluster_code",
    "cluster_name",
    "cluster_name_en",
    "chain_code",
    "chain_name",
    "chain_name_en",
    "node_code",
    "parent_code",
    "node_name",
    "node_name_en",
    "stage",
    "gap_kind",
    "is_chokepoint",
    "description",
)
REQUIRED_COLUMNS = (
    "cluster_code",
    "cluster_name",
    "chain_code",
    "chain_name",
    "node_code",
    "parent_code",
    "node_name",
    "stage",
    "gap_kind",
    "is_chokepoint",
)
MAP_SHEET = "map"
CODES_SHEET = "codes"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000


class MapImportError(MapError):
    """The file cannot be imported; `problems` lists every reason with its row and column."""

    NOT_XLSX = _("The file is not an Excel workbook (.xlsx).")
    TOO_BIG = _("The file is larger than %(limit)s MB.")
    EMPTY = _("The file holds no rows to import.")
    MISSING_COLUMNS = _("The first row lacks the column(s): %(columns)s.")
    TOO_MANY_ROWS = _("The file has more than %(limit)s rows; split it into several files.")

    def __init__(self, problems: Sequence[RowProblem]) -> None:
        self.problems = list(problems)
        super().__init__(
            _("The file was not imported: %(count)s problem(s) found."),
            code="import_invalid",
            count=len(self.problems),
        )


KINDS = ("clusters", "chains", "nodes")


@dataclass
class ImportResult:
    created: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    updated: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    unchanged: int = 0
    changed_nodes: list[str] = field(default_factory=list)

    @property
    def changes(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())


def _file_problem(message: str | Promise, **params: Any) -> RowProblem:
    return RowProblem(row=None, column="", code="file", message=message, params=params)


def read_workbook(
    data: IO[bytes], *, name: str = "", size: int | None = None
) -> tuple[list[tuple[int, dict[str, Any]]], list[RowProblem]]:
    """The map sheet's rows as (row number, {column key: value}), or the file's problems."""
    if name and not name.lower().endswith(".xlsx"):
        return [], [_file_problem(MapImportError.NOT_XLSX)]
    if size is not None and size > MAX_UPLOAD_BYTES:
        return [], [_file_problem(MapImportError.TOO_BIG, limit=MAX_UPLOAD_BYTES // 2**20)]
    try:
        workbook = load_workbook(data, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a file that is not a workbook
        return [], [_file_problem(MapImportError.NOT_XLSX)]
    try:
        names = workbook.sheetnames
        if not names:
            return [], [_file_problem(MapImportError.EMPTY)]
        sheet = workbook[MAP_SHEET] if MAP_SHEET in names else workbook[names[0]]
        lines = sheet.iter_rows(values_only=True)
        header = next(lines, None)
        keys = [str(cell).strip().lower() if cell is not None else "" for cell in header or ()]
        if not any(keys):
            return [], [_file_problem(MapImportError.EMPTY)]
        missing = [column for column in REQUIRED_COLUMNS if column not in keys]
        if missing:
            return [], [_file_problem(MapImportError.MISSING_COLUMNS, columns=", ".join(missing))]
        index = {key: position for position, key in reversed(list(enumerate(keys))) if key}
        rows: list[tuple[int, dict[str, Any]]] = []
        for number, line in enumerate(lines, start=2):
            if all(cell is None or str(cell).strip() == "" for cell in line):
                continue
            if len(rows) == MAX_ROWS:
                return [], [_file_problem(MapImportError.TOO_MANY_ROWS, limit=f"{MAX_ROWS:,}")]
            rows.append(
                (
                    number,
                    {key: line[pos] if pos < len(line) else None for key, pos in index.items()},
                )
            )
    finally:
        workbook.close()
    if not rows:
        return [], [_file_problem(MapImportError.EMPTY)]
    return rows, []


def write_workbook(rows: Sequence[Mapping[str, Any]]) -> bytes:
    """The export: the map sheet (row 1 = COLUMNS), then a sheet explaining the codes."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(MAP_SHEET)
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row.get(column, "") for column in COLUMNS])
    codes = workbook.create_sheet(CODES_SHEET)
    codes.append([gettext("Column"), gettext("Value"), gettext("Meaning")])
    for stage in ChainNode.Stage:
        codes.append(["stage", stage.value, str(stage.label)])
    for kind in ChainNode.GapKind:
        codes.append(["gap_kind", kind.value, str(kind.label)])
    codes.append(["is_chokepoint", 1, gettext("a choke-point technology")])
    codes.append(["is_chokepoint", 0, gettext("not a choke point")])
    codes.append(["parent_code", "", gettext("empty: a top-level node of its stage")])
    codes.append([])
    codes.append([gettext("Column"), gettext("Required"), gettext("Meaning")])
    for column in COLUMNS:
        required = gettext("yes") if column in REQUIRED_COLUMNS else gettext("no")
        codes.append([column, required, str(COLUMN_MEANINGS[column])])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


COLUMN_MEANINGS: dict[str, str | Promise] = {
    "cluster_code": _("code of the industrial cluster"),
    "cluster_name": _("name of the cluster"),
    "cluster_name_en": _("English name of the cluster"),
    "chain_code": _("code of the industrial chain"),
    "chain_name": _("name of the chain"),
    "chain_name_en": _("English name of the chain"),
    "node_code": _("code of the chain node; the import creates or updates nodes by this code"),
    "parent_code": _("code of the parent node in the same chain, or empty"),
    "node_name": _("name of the node"),
    "node_name_en": _("English name of the node"),
    "stage": _("upstream, midstream or downstream"),
    "gap_kind": _("strengthen, fill or extend"),
    "is_chokepoint": _("1 for a choke-point technology, else 0"),
    "description": _("free text"),
}


def existing_map() -> dict[str, ExistingNode]:
    return {
        code: ExistingNode(chain_code=chain_code, parent_code=parent_code)
        for code, chain_code, parent_code in ChainNode.objects.values_list(
            "code", "chain__code", "parent__code"
        )
    }


def _update(obj: Any, values: Mapping[str, Any]) -> bool:
    """Set the values that differ and save only those; True when anything changed."""
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    if changed:
        obj.save(update_fields=changed)
    return bool(changed)


def _present(values: Mapping[str, Any]) -> dict[str, Any]:
    """Optional columns missing from the file are None: leave those fields alone."""
    return {name: value for name, value in values.items() if value is not None}


def apply_plan(plan: ImportPlan, result: ImportResult) -> None:
    # foreign keys are compared by id (parent_id, cluster_id), so no row loads its parent
    clusters = {cluster.code: cluster for cluster in Cluster.objects.all()}
    for item in plan.clusters:
        values = _present({"name": item.name, "name_en": item.name_en})
        if item.code in clusters:
            touched = _update(clusters[item.code], values)
            result.updated["clusters"] += touched
            result.unchanged += not touched
        else:
            clusters[item.code] = Cluster.objects.create(code=item.code, order=item.row, **values)
            result.created["clusters"] += 1
    chains = {chain.code: chain for chain in Chain.objects.all()}
    for chain_item in plan.chains:
        values = _present(
            {
                "cluster_id": clusters[chain_item.cluster_code].pk,
                "name": chain_item.name,
                "name_en": chain_item.name_en,
            }
        )
        if chain_item.code in chains:
            touched = _update(chains[chain_item.code], values)
            result.updated["chains"] += touched
            result.unchanged += not touched
        else:
            chains[chain_item.code] = Chain.objects.create(
                code=chain_item.code, order=chain_item.row, **values
            )
            result.created["chains"] += 1
    nodes = {node.code: node for node in ChainNode.objects.all()}
    for node_item in plan.nodes:  # parents come before their children
        values = _present(
            {
                "parent_id": nodes[node_item.parent_code].pk if node_item.parent_code else None,
                "name": node_item.name,
                "name_en": node_item.name_en,
                "stage": node_item.stage,
                "gap_kind": node_item.gap_kind,
                "is_chokepoint": node_item.is_chokepoint,
                "description": node_item.description,
            }
        )
        values.setdefault("parent_id", None)
        if node_item.code in nodes:
            touched = _update(nodes[node_item.code], values)
            result.updated["nodes"] += touched
            result.unchanged += not touched
        else:
            nodes[node_item.code] = ChainNode.objects.create(
                code=node_item.code,
                chain=chains[node_item.chain_code],
                order=node_item.row,
                **values,
            )
            result.created["nodes"] += 1
            touched = True
        if touched and len(result.changed_nodes) < 500:
            result.changed_nodes.append(node_item.code)


def map_import(
    *,
    actor: User,
    data: IO[bytes],
    name: str = "",
    size: int | None = None,
    request: HttpRequest | None = None,
) -> ImportResult:
    """Create or update clusters, chains and nodes by code; all rows or nothing."""
    _require(actor)
    rows, problems = read_workbook(data, name=name, size=size)
    if problems:
        raise MapImportError(problems)
    with transaction.atomic():
        # The node services lock a chain row before changing its tree; taking every
        # chain row here keeps them out while the plan is checked against the map.
        list(Chain.objects.select_for_update().values_list("pk", flat=True))
        plan, problems = plan_import(rows, existing=existing_map())
        if problems:
            raise MapImportError(problems)
        result = ImportResult()
        apply_plan(plan, result)
        log_action(
            None,
            "chains.map.import",
            actor=actor,
            data={
                "file": name,
                "rows": len(rows),
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "changed_nodes": result.changed_nodes,
            },
            request=request,
        )
    return result
