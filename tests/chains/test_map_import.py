"""The xlsx import: checked row by row before anything is saved, then all or nothing."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from django.utils import translation
from openpyxl import Workbook, load_workbook

from tests.chains.factories import ChainNodeFactory
from tuwei.chains import demo
from tuwei.chains.models import Chain, ChainNode, Cluster
from tuwei.chains.selectors.map import map_export_rows
from tuwei.chains.services.map import MapError
from tuwei.chains.services.map_import import (
    COLUMNS,
    MAX_ROWS,
    MAX_UPLOAD_BYTES,
    MapImportError,
    map_import,
    write_workbook,
)
from tuwei.chains.services.map_import_plan import ExistingNode, plan_import
from tuwei.core.models import AuditEntry


def row(node: str, parent: str = "", **values: Any) -> dict[str, Any]:
    base = {
        "cluster_code": "CL",
        "cluster_name": "集群",
        "chain_code": "CH",
        "chain_name": "链",
        "node_code": node,
        "parent_code": parent,
        "node_name": f"环节{node}",
        "stage": "upstream",
        "gap_kind": "fill",
        "is_chokepoint": 0,
    }
    return {**base, **values}


def numbered(*rows: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    return [(number, values) for number, values in enumerate(rows, start=2)]


def problems_of(*rows: dict[str, Any], existing: Any = None) -> list[tuple[Any, str, str]]:
    _plan, problems = plan_import(numbered(*rows), existing=existing)
    return [(problem.row, problem.column, problem.code) for problem in problems]


def xlsx(rows: list[dict[str, Any]], columns: tuple[str, ...] = COLUMNS) -> BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "map"
    sheet.append(list(columns))
    for values in rows:
        sheet.append([values.get(column) for column in columns])
    buffer = BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


# --- the pure planner ---------------------------------------------------------------


def test_a_clean_file_plans_parents_before_children_even_when_listed_after() -> None:
    plan, problems = plan_import(numbered(row("C", "B"), row("B", "A"), row("A")))
    assert problems == []
    assert [node.code for node in plan.nodes] == ["A", "B", "C"]
    assert [cluster.code for cluster in plan.clusters] == ["CL"]
    assert [chain.code for chain in plan.chains] == ["CH"]


def test_an_orphan_parent_is_named_with_its_row_and_column() -> None:
    _plan, problems = plan_import(
        numbered(row("A"), row("B"), row("C"), row("D"), row("X", "XX-1"))
    )
    assert [(p.row, p.column, p.code) for p in problems] == [(6, "parent_code", "orphan")]
    with translation.override("en"):
        assert str(problems[0]) == (
            "Row 6, parent_code: Node code XX-1 does not exist in this file or the map."
        )


def test_a_parent_may_be_a_node_already_on_the_map() -> None:
    existing = {"OLD": ExistingNode(chain_code="CH", parent_code=None)}
    assert problems_of(row("NEW", "OLD"), existing=existing) == []


def test_a_parent_in_another_chain_is_refused() -> None:
    found = problems_of(row("A"), row("B", "A", chain_code="OTHER", chain_name="另一链"))
    assert found == [(3, "parent_code", "parent_other_chain")]
    existing = {"OLD": ExistingNode(chain_code="ELSEWHERE", parent_code=None)}
    assert problems_of(row("N", "OLD"), existing=existing) == [
        (2, "parent_code", "parent_other_chain")
    ]


def test_a_cycle_names_all_its_rows() -> None:
    _plan, problems = plan_import(
        numbered(
            row("TOP"), row("Z"), row("A", "C"), row("Q"), row("B", "A"), row("R"), row("C", "B")
        )
    )
    assert [(p.row, p.code) for p in problems] == [(None, "cycle")]
    with translation.override("en"):
        assert str(problems[0]).startswith("Rows 4, 6, 8 form a cycle: ")


def test_a_cycle_through_a_node_already_on_the_map_is_found() -> None:
    # on the map P is the parent of K; the file puts P under K
    existing = {
        "P": ExistingNode(chain_code="CH", parent_code=None),
        "K": ExistingNode(chain_code="CH", parent_code="P"),
    }
    assert problems_of(row("P", "K"), existing=existing) == [(None, "parent_code", "cycle")]


def test_a_node_cannot_be_its_own_parent() -> None:
    assert problems_of(row("A", "A")) == [(2, "parent_code", "self_parent")]


def test_a_duplicate_node_code_names_the_first_row() -> None:
    _plan, problems = plan_import(numbered(row("A"), row("B"), row("A")))
    assert [(p.row, p.column, p.code) for p in problems] == [(4, "node_code", "duplicate_node")]
    assert problems[0].params["first"] == 2


@pytest.mark.parametrize(
    ("column", "value", "code"),
    [
        ("stage", "sideways", "bad_choice"),
        ("stage", "", "required"),
        ("gap_kind", "grow", "bad_choice"),
        ("is_chokepoint", "maybe", "bad_flag"),
        ("node_name", "", "required"),
        ("node_name", "长" * 81, "too_long"),
        ("cluster_code", None, "required"),
        ("chain_name", "  ", "required"),
        ("node_code", "A B", "bad_code"),
        ("node_code", "", "required"),
    ],
)
def test_each_bad_value_is_named_with_row_and_column(column, value, code) -> None:
    assert problems_of(row("OK"), row("B", **{column: value})) == [(3, column, code)]


def test_the_unknown_stage_message_lists_the_allowed_values() -> None:
    _plan, problems = plan_import(numbered(row("A", stage="Top")))
    with translation.override("en"):
        assert str(problems[0]) == (
            "Row 2, stage: Top is not one of: upstream, midstream, downstream."
        )


def test_stage_and_flags_are_read_leniently() -> None:
    plan, problems = plan_import(
        numbered(row("A", stage="Upstream", is_chokepoint="yes"), row("B", is_chokepoint=1.0))
    )
    assert problems == []
    assert [(node.stage, node.is_chokepoint) for node in plan.nodes] == [
        ("upstream", True),
        ("upstream", True),
    ]


def test_a_chain_repeated_on_many_rows_must_say_the_same() -> None:
    found = problems_of(row("A"), row("B", chain_name="别的名字"), row("C", cluster_code="CL2"))
    assert found == [(3, "chain_name", "differs"), (4, "cluster_code", "differs")]


def test_a_node_cannot_change_chain_through_the_import() -> None:
    existing = {"A": ExistingNode(chain_code="OTHER", parent_code=None)}
    assert problems_of(row("A"), existing=existing) == [(2, "chain_code", "chain_change")]


def test_every_problem_is_reported_not_just_the_first() -> None:
    found = problems_of(row("A", stage="x"), row("B", "NOPE"), row("A"))
    assert found == [
        (2, "stage", "bad_choice"),
        (3, "parent_code", "orphan"),
        (4, "node_code", "duplicate_node"),
    ]


# --- files -------------------------------------------------------------------------


def run_import(personas: Any, data: BytesIO, name: str = "map.xlsx") -> Any:
    return map_import(actor=personas.officer, data=data, name=name, size=len(data.getvalue()))


def file_problems(personas: Any, data: BytesIO, name: str = "map.xlsx") -> list[Any]:
    with pytest.raises(MapImportError) as caught:
        run_import(personas, data, name)
    return caught.value.problems


def test_a_good_file_creates_the_map_and_is_audited(personas) -> None:
    data = xlsx([row("B", "A"), row("A", is_chokepoint=1, node_name_en="A node")])
    result = run_import(personas, data)
    assert result.created == {"clusters": 1, "chains": 1, "nodes": 2}
    a, b = ChainNode.objects.get(code="A"), ChainNode.objects.get(code="B")
    assert b.parent == a and a.is_chokepoint and a.name_en == "A node"
    assert a.chain == Chain.objects.get(code="CH") and a.chain.cluster == Cluster.objects.get(
        code="CL"
    )
    entry = AuditEntry.objects.get(action="chains.map.import")
    assert entry.actor == personas.officer
    assert entry.data["created"] == {"clusters": 1, "chains": 1, "nodes": 2}


def test_a_second_import_updates_by_code(personas) -> None:
    run_import(personas, xlsx([row("A"), row("B")]))
    result = run_import(personas, xlsx([row("A", gap_kind="extend"), row("B", "A")]))
    assert result.created == {"clusters": 0, "chains": 0, "nodes": 0}
    assert result.updated["nodes"] == 2
    assert ChainNode.objects.get(code="B").parent == ChainNode.objects.get(code="A")


def test_one_bad_row_saves_nothing(personas) -> None:
    problems = file_problems(personas, xlsx([row("A"), row("B", "A"), row("C", stage="top")]))
    assert [(p.row, p.column) for p in problems] == [(4, "stage")]
    assert not Cluster.objects.exists() and not ChainNode.objects.exists()
    assert not AuditEntry.objects.filter(action="chains.map.import").exists()


def test_a_cycle_with_existing_nodes_saves_nothing(personas) -> None:
    top = ChainNodeFactory(code="TOP")
    ChainNodeFactory(code="KID", parent=top)
    chain = top.chain
    rows = [
        row(
            "TOP",
            "KID",
            chain_code=chain.code,
            chain_name=chain.name,
            cluster_code=chain.cluster.code,
            cluster_name=chain.cluster.name,
        ),
    ]
    problems = file_problems(personas, xlsx(rows))
    assert [p.code for p in problems] == ["cycle"]
    assert ChainNode.objects.get(code="TOP").parent is None


def test_a_file_that_is_not_xlsx_is_refused(personas) -> None:
    for data, name in [
        (BytesIO(b"node_code,parent_code\nA,\n"), "map.csv"),
        (BytesIO(b"this is no workbook"), "map.xlsx"),
    ]:
        problems = file_problems(personas, data, name)
        assert [p.code for p in problems] == ["file"]
        with translation.override("en"):
            assert str(problems[0]) == "The file is not an Excel workbook (.xlsx)."


def test_missing_columns_are_named(personas) -> None:
    columns = tuple(column for column in COLUMNS if column not in {"stage", "gap_kind"})
    problems = file_problems(personas, xlsx([row("A")], columns=columns))
    with translation.override("en"):
        assert str(problems[0]) == "The first row lacks the column(s): stage, gap_kind."


def test_an_empty_file_is_refused(personas) -> None:
    for data in (xlsx([], columns=()), xlsx([])):
        problems = file_problems(personas, data)
        with translation.override("en"):
            assert [str(p) for p in problems] == ["The file holds no rows to import."]


def test_too_many_rows_are_refused(personas) -> None:
    rows = [row(f"N{n}") for n in range(MAX_ROWS + 1)]
    problems = file_problems(personas, xlsx(rows))
    with translation.override("en"):
        assert str(problems[0]) == (
            "The file has more than 5,000 rows; split it into several files."
        )
    assert not ChainNode.objects.exists()


def test_a_file_over_the_size_cap_is_refused_before_reading(personas) -> None:
    data = BytesIO(b"x")
    with pytest.raises(MapImportError) as caught:
        map_import(actor=personas.officer, data=data, name="big.xlsx", size=MAX_UPLOAD_BYTES + 1)
    with translation.override("en"):
        assert str(caught.value.problems[0]) == "The file is larger than 5 MB."


def test_only_officers_import(personas) -> None:
    with pytest.raises(MapError) as caught:
        map_import(actor=personas.bureau, data=xlsx([row("A")]), name="map.xlsx")
    assert caught.value.code == "not_allowed"
    assert not ChainNode.objects.exists()


def test_the_demo_map_round_trips_without_change(personas) -> None:
    demo.load({})
    exported = write_workbook(map_export_rows(user=personas.officer))
    result = run_import(personas, BytesIO(exported))
    assert result.changes == 0
    assert result.unchanged == 8 + 16 + 30  # every cluster, chain and node
    assert len(rows_of(exported)) == 1 + 30 + 5  # header, nodes, the five chains without nodes
    assert rows_of(write_workbook(map_export_rows(user=personas.officer))) == rows_of(exported)


def rows_of(content: bytes) -> list[tuple[Any, ...]]:
    sheet = load_workbook(BytesIO(content), read_only=True)["map"]
    return [tuple(line) for line in sheet.iter_rows(values_only=True)]


def test_an_edited_export_changes_only_what_was_edited(personas) -> None:
    demo.load({})
    content = load_workbook(BytesIO(write_workbook(map_export_rows(user=personas.officer))))
    sheet = content["map"]
    header = [cell.value for cell in sheet[1]]
    code_col, gap_col = header.index("node_code") + 1, header.index("gap_kind") + 1
    for line in range(2, sheet.max_row + 1):
        if sheet.cell(line, code_col).value == "NE-H2-USE":
            sheet.cell(line, gap_col).value = "fill"
    sheet.append(
        [
            "NE",
            "新能源",
            "New energy",
            "NE-H2",
            "氢能",
            "Hydrogen",
            "NE-H2-NEW",
            "NE-H2-USE",
            "新环节",
            "",
            "downstream",
            "extend",
            0,
            "",
        ]
    )
    buffer = BytesIO()
    content.save(buffer)
    buffer.seek(0)
    result = run_import(personas, buffer)
    assert result.created["nodes"] == 1 and result.updated["nodes"] == 1
    assert result.changes == 2
    assert ChainNode.objects.get(code="NE-H2-USE").gap_kind == "fill"
    assert ChainNode.objects.get(code="NE-H2-NEW").parent.code == "NE-H2-USE"


def test_rows_without_node_columns_declare_a_chain_or_a_cluster() -> None:
    bare_chain = row("", chain_code="EMPTY", chain_name="空链", stage="", gap_kind="", node_name="")
    bare_cluster = {"cluster_code": "LONE", "cluster_name": "独立集群"}
    plan, problems = plan_import(numbered(row("A"), bare_chain, bare_cluster))
    assert problems == []
    assert [chain.code for chain in plan.chains] == ["CH", "EMPTY"]
    assert [cluster.code for cluster in plan.clusters] == ["CL", "LONE"]
    assert [node.code for node in plan.nodes] == ["A"]


def test_a_blank_repeated_name_repeats_the_earlier_row() -> None:
    plan, problems = plan_import(
        numbered(row("A", chain_name_en=""), row("B", chain_name_en="Chain"))
    )
    assert problems == []
    assert plan.chains[0].name_en == "Chain"
