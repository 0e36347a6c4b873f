"""The xlsx template of a period's report: download, fill in, upload."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest
from django.utils import translation
from openpyxl import load_workbook

from tuwei.plans.errors import PlansError, ValuesError
from tuwei.plans.models import ReportValue
from tuwei.plans.services.workbook import HEADER_ROW, report_import, template_build


def filled(report, values: dict[str, object]) -> bytes:
    workbook = load_workbook(BytesIO(template_build(report)))
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows(min_row=HEADER_ROW + 1):
        code = row[0].value
        if code in values:
            row[4].value = values[code]
            row[5].value = f"说明 {code}"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(report, personas, content: bytes, name: str = "report.xlsx") -> int:
    return report_import(
        actor=personas.bureau, report=report, data=BytesIO(content), name=name, size=len(content)
    )


def saved(report) -> dict:
    return dict(ReportValue.objects.filter(report=report).values_list("indicator__code", "value"))


def test_the_template_lists_one_row_per_indicator_with_the_region_target(ordos_q1) -> None:
    sheet = load_workbook(BytesIO(template_build(ordos_q1))).worksheets[0]
    rows = [row for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    assert [(row[0], row[3]) for row in rows] == [("C1", 60), ("R1", 50)]


def test_a_filled_template_saves_every_value(personas, ordos_q1) -> None:
    assert upload(ordos_q1, personas, filled(ordos_q1, {"C1": 12, "R1": "47.5"})) == 2
    assert saved(ordos_q1) == {"C1": Decimal(12), "R1": Decimal("47.5")}
    assert ReportValue.objects.get(report=ordos_q1, indicator__code="C1").note == "说明 C1"


def test_row_errors_are_listed_and_nothing_is_saved(personas, ordos_q1) -> None:
    with translation.override("en"), pytest.raises(ValuesError) as caught:
        upload(ordos_q1, personas, filled(ordos_q1, {"C1": "twelve", "R1": 140}))
    with translation.override("en"):
        problems = [(where, str(message)) for where, message in caught.value.problems]
        assert str(caught.value) == "The file has problems in 2 row(s); nothing was saved."
    assert problems == [
        ("row 6 (C1)", "“twelve” is not a number."),
        ("row 7 (R1)", "A rate cannot be above 100%."),
    ]
    assert saved(ordos_q1) == {"C1": None, "R1": None}


def test_a_template_of_another_region_is_refused(personas, open_q1, ordos_q1) -> None:
    baotou = open_q1.reports.get(region=personas.other_region)
    with translation.override("en"), pytest.raises(PlansError) as caught:
        upload(ordos_q1, personas, filled(baotou, {"C1": 1, "R1": 2}))
    assert caught.value.code == "template_mismatch"
    with translation.override("en"):
        assert "Baotou" in str(caught.value) and "another period or league/city" in str(
            caught.value
        )
    assert not any(saved(ordos_q1).values())


def test_a_template_of_another_period_is_refused(personas, plan, ordos_q1) -> None:
    from tuwei.plans.services import setup

    q2 = setup.period_open(
        actor=personas.officer, period=plan.periods.get(frequency="quarterly", number=2)
    )
    ordos_q2 = q2.reports.get(region=personas.home_region)
    with pytest.raises(PlansError) as caught:
        upload(ordos_q1, personas, filled(ordos_q2, {"C1": 1}))
    assert caught.value.code == "template_mismatch"


@pytest.mark.parametrize(
    ("content", "name"),
    [(b"not a spreadsheet", "x.xlsx"), (b"PK\x03\x04junk", "x.xlsx"), (b"a,b", "x.csv")],
)
def test_a_file_that_is_no_template_is_refused(personas, ordos_q1, content, name) -> None:
    with pytest.raises(PlansError) as caught:
        upload(ordos_q1, personas, content, name)
    assert caught.value.code == "not_a_template"


def test_an_unknown_indicator_row_is_reported(personas, ordos_q1) -> None:
    workbook = load_workbook(BytesIO(filled(ordos_q1, {"C1": 1, "R1": 2})))
    workbook.worksheets[0].append(["ZZ9", "?", "", None, 5, ""])
    buffer = BytesIO()
    workbook.save(buffer)
    with translation.override("en"), pytest.raises(ValuesError) as caught:
        upload(ordos_q1, personas, buffer.getvalue())
    assert [where for where, _message in caught.value.problems] == ["row 8 (ZZ9)"]


def test_another_bureau_cannot_upload(personas, ordos_q1) -> None:
    content = filled(ordos_q1, {"C1": 1, "R1": 2})
    with pytest.raises(PlansError) as caught:
        report_import(
            actor=personas.other_bureau,
            report=ordos_q1,
            data=BytesIO(content),
            name="r.xlsx",
            size=len(content),
        )
    assert caught.value.code == "other_region"
