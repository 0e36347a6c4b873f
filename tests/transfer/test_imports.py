"""xlsx imports of the transfer registries: row errors, all-or-nothing, valid rows only."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.test import Client

from tests.chains.factories import ChainNodeFactory
from tests.conftest import sign_in
from tests.transfer.xlsx import read_sheet, upload, workbook_bytes
from tuwei.core.xlsx_import import ImportFileError
from tuwei.transfer.models import Achievement, ConfidentialDetail, Deal, TechNeed
from tuwei.transfer.services.imports import achievement_import, deal_import, need_import

HEADER = ["kind", "title", "summary", "trl", "owners", "chain_node_code", "confidential_detail"]


def rows(personas, node_code=""):
    code = personas.company.credit_code
    other = personas.university.credit_code
    return [
        ["new_process", "α-烯烃分离提纯", "千吨级工艺", 7, f"{code}:100", node_code, "回流比 3.2"],
        ["invention_patent", "无汞触媒", "氯碱工艺", 12, f"{code}:100", "", ""],  # TRL 12
        ["new_product", "液流电池电堆", "兆瓦级", 6, f"{code}:60; {other}:40", "", ""],
        ["new_process", "储热云控", "远端云控", 5, f"{code}:50; {other}:30", "", ""],  # 80%
    ]


def run(personas, data: bytes, valid_only: bool = False):
    return achievement_import(
        actor=personas.officer, data=BytesIO(data), name="a.xlsx", import_valid_rows=valid_only
    )


def test_a_file_with_bad_rows_imports_nothing_and_names_each_row(personas) -> None:
    node = ChainNodeFactory()
    result = run(personas, workbook_bytes(HEADER, rows(personas, node.code)))
    assert result.saved == 0 and result.rolled_back
    assert Achievement.objects.count() == 0 and ConfidentialDetail.objects.count() == 0
    problems = {(error.row, error.column) for error in result.errors}
    assert problems == {(3, "trl"), (5, "owners")}
    owners_error = next(error for error in result.errors if error.row == 5)
    assert "80%" in owners_error.message


def test_import_valid_rows_saves_the_others(personas) -> None:
    result = run(personas, workbook_bytes(HEADER, rows(personas)), valid_only=True)
    assert result.saved == 2
    assert {error.row for error in result.errors} == {3, 5}
    titles = set(Achievement.objects.values_list("title", flat=True))
    assert titles == {"α-烯烃分离提纯", "液流电池电堆"}
    assert set(Achievement.objects.values_list("status", flat=True)) == {"draft"}
    imported = Achievement.objects.get(title="α-烯烃分离提纯")
    assert ConfidentialDetail.objects.get(achievement=imported).text == "回流比 3.2"
    assert Achievement.objects.get(title="液流电池电堆").owners.count() == 2


def test_a_kind_may_be_given_by_its_label(personas) -> None:
    code = personas.company.credit_code
    data = workbook_bytes(HEADER, [["New process", "标题", "简介", 3, f"{code}:100", "", ""]])
    assert run(personas, data).saved == 1


def test_the_wrong_template_is_refused_with_a_clear_message(personas) -> None:
    data = workbook_bytes(["name", "kind", "level"], [["平台", "key_lab", "national"]])
    with pytest.raises(ImportFileError) as caught:
        run(personas, data)
    assert caught.value.code == "wrong_template"
    assert "achievements" in str(caught.value)
    assert "summary, trl, owners" in str(caught.value) or "title" in str(caught.value)


def test_a_file_that_is_not_a_workbook_is_refused(personas) -> None:
    with pytest.raises(ImportFileError) as caught:
        run(personas, b"%PDF-1.4 not a workbook")
    assert caught.value.code == "not_xlsx"


def test_only_officers_import(personas) -> None:
    from tuwei.transfer.errors import TransferError

    with pytest.raises(TransferError):
        achievement_import(
            actor=personas.enterprise, data=BytesIO(workbook_bytes(HEADER, rows(personas)))
        )


def test_the_import_page_reports_the_bad_row(personas) -> None:
    client = sign_in(Client(headers={"accept-language": "en"}), personas.officer)
    response = client.post(
        "/transfer/achievements/import/", {"file": upload(HEADER, rows(personas))}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was imported: 2 row(s) have errors" in body
    assert 'data-testid="import-errors"' in body
    assert Achievement.objects.count() == 0
    response = client.post(
        "/transfer/achievements/import/",
        {"file": upload(HEADER, rows(personas)), "import_valid_rows": "on"},
    )
    assert (
        "2 row(s) were imported; 2 row(s) with errors were left out." in response.content.decode()
    )
    assert Achievement.objects.count() == 2


def test_an_export_can_be_imported_again(personas) -> None:
    code = personas.company.credit_code
    run(
        personas,
        workbook_bytes(HEADER, [["paper", "论文成果", "简介", 2, f"{code}:100", "", "密"]]),
    )
    client = sign_in(Client(), personas.officer)
    exported = client.get("/transfer/achievements/export.xlsx").content
    [row] = read_sheet(exported)
    assert row["title"] == "论文成果" and row["owners"] == f"{code}:100"
    assert row["confidential_detail"] == "密" and row["status"] == "draft"
    result = run(personas, exported)
    assert result.saved == 1 and not result.errors


def test_needs_and_deals_import(personas) -> None:
    code, other = personas.company.credit_code, personas.other_company.credit_code
    need_data = workbook_bytes(
        [
            "enterprise_credit_code",
            "title",
            "description",
            "contact_name",
            "contact_phone",
            "budget",
        ],
        [
            [code, "废水处理", "高盐废水零排放", "张三", "13800000001", 500000],
            ["91150600000000000X", "未知企业", "描述", "李四", "1", ""],
        ],
    )
    result = need_import(actor=personas.officer, data=BytesIO(need_data), import_valid_rows=True)
    assert result.saved == 1 and result.errors[0].column == "enterprise_credit_code"
    assert TechNeed.objects.get().budget == 500000
    deal_data = workbook_bytes(
        [
            "kind",
            "title",
            "sellers",
            "buyer_credit_code",
            "amount",
            "signed_on",
            "licence_scope",
            "inventors",
        ],
        [
            [
                "licence",
                "许可",
                code,
                other,
                1000000,
                "2024-05-01",
                "exclusive",
                "王一:20; 王二:10",
            ],
            ["transfer", "转让", code, other, 10, "2024-05-02", "exclusive", ""],
        ],
    )
    result = deal_import(actor=personas.officer, data=BytesIO(deal_data))
    assert result.saved == 0 and [(e.row, e.column) for e in result.errors] == [
        (3, "licence_scope")
    ]
    result = deal_import(actor=personas.officer, data=BytesIO(deal_data), import_valid_rows=True)
    assert result.saved == 1
    deal = Deal.objects.get()
    assert deal.inventor_shares.count() == 2 and list(deal.sellers.all()) == [personas.company]
