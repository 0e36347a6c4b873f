"""The xlsx export and the import page."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook, load_workbook

from tests.chains.factories import ChainFactory, ChainNodeFactory, ClusterFactory
from tests.conftest import sign_in
from tuwei.chains import demo
from tuwei.chains.models import ChainNode
from tuwei.chains.services.map_import import COLUMNS
from tuwei.core.models import AuditEntry


def client_in(user: Any, language: str = "en") -> Client:
    client = sign_in(Client(), user)
    client.cookies["tuwei_language"] = language
    return client


def sheet_rows(content: bytes, sheet: str) -> list[tuple[Any, ...]]:
    workbook = load_workbook(BytesIO(content), read_only=True)
    return [tuple(line) for line in workbook[sheet].iter_rows(values_only=True)]


def test_the_export_has_one_row_per_node_under_stable_keys(personas) -> None:
    cluster = ClusterFactory(code="CL", name="集群", name_en="Cluster")
    chain = ChainFactory(code="CH", cluster=cluster, name="链", name_en="Chain")
    top = ChainNodeFactory(code="TOP", chain=chain, name="顶", stage="upstream", gap_kind="fill")
    ChainNodeFactory(
        code="KID",
        parent=top,
        name="子",
        name_en="Kid",
        stage="midstream",
        gap_kind="extend",
        is_chokepoint=True,
        description="说明",
    )
    response = client_in(personas.bureau).get("/map/export.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment;" in response["Content-Disposition"]
    rows = sheet_rows(response.content, "map")
    assert rows[0] == COLUMNS
    as_dicts = [dict(zip(COLUMNS, line, strict=True)) for line in rows[1:]]
    assert [line["node_code"] for line in as_dicts] == ["TOP", "KID"]
    kid = as_dicts[1]
    assert kid["cluster_code"] == "CL" and kid["chain_code"] == "CH"
    assert kid["parent_code"] == "TOP"
    assert (kid["stage"], kid["gap_kind"], kid["is_chokepoint"]) == ("midstream", "extend", 1)
    assert (kid["node_name"], kid["node_name_en"], kid["description"]) == ("子", "Kid", "说明")
    assert as_dicts[0]["is_chokepoint"] == 0
    entry = AuditEntry.objects.get(action="chains.map.export")
    assert entry.actor == personas.bureau and entry.data == {"rows": 2}


def test_the_codes_sheet_explains_values_in_the_readers_language(personas) -> None:
    response = client_in(personas.officer, "en").get("/map/export.xlsx")
    codes = sheet_rows(response.content, "codes")
    assert codes[0] == ("Column", "Value", "Meaning")
    assert ("stage", "upstream", "Upstream") in codes
    assert ("gap_kind", "fill", "Fill a gap") in codes
    assert ("is_chokepoint", 1, "a choke-point technology") in codes


def test_the_demo_map_exports_every_node(personas) -> None:
    demo.load({})
    content = client_in(personas.leader).get("/map/export.xlsx").content
    codes = {line[COLUMNS.index("node_code")] for line in sheet_rows(content, "map")[1:]}
    assert codes - {None} == set(ChainNode.objects.values_list("code", flat=True))


def upload(rows: list[list[Any]], name: str = "map.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "map"
    sheet.append(list(COLUMNS))
    for line in rows:
        sheet.append(line)
    buffer = BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def line(node: str, parent: str = "", stage: str = "upstream") -> list[Any]:
    return ["CL", "集群", "", "CH", "链", "", node, parent, f"环节{node}", "", stage, "fill", 0, ""]


def test_the_import_page_lists_every_problem_with_row_and_column(personas) -> None:
    client = client_in(personas.officer)
    bad = upload([line("A"), line("B", "XX-1"), line("C", stage="top"), line("A")])
    response = client.post("/map/import/", {"file": bad})
    assert response.status_code == 200
    found = [(p.row, p.column, p.code) for p in response.context["problems"]]
    assert found == [
        (3, "parent_code", "orphan"),
        (4, "stage", "bad_choice"),
        (5, "node_code", "duplicate_node"),
    ]
    body = response.content.decode()
    assert "Node code XX-1 does not exist in this file or the map." in body
    assert "The file was not imported: 3 problem(s) found." in body
    assert not ChainNode.objects.exists()


def test_the_import_page_refuses_a_file_that_is_not_xlsx(personas) -> None:
    client = client_in(personas.officer)
    response = client.post("/map/import/", {"file": SimpleUploadedFile("map.csv", b"a,b\n")})
    assert "The file is not an Excel workbook (.xlsx)." in response.content.decode()


def test_a_successful_import_reports_its_counts(personas) -> None:
    client = client_in(personas.officer)
    response = client.post(
        "/map/import/", {"file": upload([line("B", "A"), line("A")])}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/map/"
    body = response.content.decode()
    assert "1 clusters, 1 chains and 2 nodes created" in body
    assert ChainNode.objects.get(code="B").parent.code == "A"
    assert AuditEntry.objects.get(action="chains.map.import").data["created"]["nodes"] == 2
