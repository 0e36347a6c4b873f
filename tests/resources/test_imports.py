"""xlsx imports and exports of the resources registries."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.test import Client

from tests.conftest import sign_in
from tests.resources.factories import FacilityFactory, PlatformFactory, RdFactsFactory, UsageFactory
from tests.transfer.xlsx import read_sheet, upload, workbook_bytes
from tuwei.core.xlsx_import import ImportFileError
from tuwei.resources.errors import ResourcesError
from tuwei.resources.models import Facility, HighTechCertificate, Platform, RdFacts
from tuwei.resources.services.imports import registry_import

HEADER = [
    "credit_code",
    "year",
    "rd_spending",
    "has_rd_institution",
    "invention_patents",
    "high_tech_number",
    "high_tech_valid_from",
    "high_tech_valid_to",
]


def rows(personas):
    code, other = personas.company.credit_code, personas.other_company.credit_code
    return [
        [code, 2024, 1500000, 1, 3, "GR202315000123", "2023-11-01", "2026-10-31"],
        [other, 2024, 200000, "maybe", 1, "", "", ""],  # a flag that is neither 1 nor 0
        [personas.university.credit_code, 2024, 1, 1, 1, "", "", ""],  # not an enterprise
        [other, 2023, 0, 0, 0, "", "", ""],
    ]


def run(personas, data: bytes, valid_only: bool = False, registry: str = "qualifications"):
    return registry_import(
        actor=personas.officer, registry=registry, data=BytesIO(data), import_valid_rows=valid_only
    )


def test_one_bad_row_keeps_the_whole_file_out(personas) -> None:
    result = run(personas, workbook_bytes(HEADER, rows(personas)))
    assert result.saved == 0
    assert [(e.row, e.column) for e in result.errors] == [
        (3, "has_rd_institution"),
        (4, "credit_code"),
    ]
    assert RdFacts.objects.count() == 0 and HighTechCertificate.objects.count() == 0


def test_import_valid_rows_saves_the_rest_and_three_zeros_follows(personas) -> None:
    result = run(personas, workbook_bytes(HEADER, rows(personas)), valid_only=True)
    assert result.saved == 2 and len(result.errors) == 2
    facts = RdFacts.objects.get(organization=personas.company, year=2024)
    assert facts.clears_three_zeros
    assert not RdFacts.objects.get(
        organization=personas.other_company, year=2023
    ).clears_three_zeros
    assert HighTechCertificate.objects.get().organization == personas.company


def test_reimporting_updates_the_years_facts(personas) -> None:
    code = personas.company.credit_code
    run(personas, workbook_bytes(HEADER[:5], [[code, 2024, 100, 1, 0]]))
    run(personas, workbook_bytes(HEADER[:5], [[code, 2024, 100, 1, 2]]))
    assert RdFacts.objects.get().invention_patents == 2


def test_a_wrong_template_is_named(personas) -> None:
    with pytest.raises(ImportFileError) as caught:
        run(personas, workbook_bytes(["name", "kind"], [["x", "y"]]))
    assert "enterprise qualifications" in str(caught.value)
    assert "credit_code" in str(caught.value)


def test_only_officers_import(personas) -> None:
    with pytest.raises(ResourcesError):
        registry_import(
            actor=personas.bureau, registry="platforms", data=BytesIO(workbook_bytes(HEADER, []))
        )


def test_platforms_import_and_update_by_name(personas) -> None:
    header = ["name", "kind", "level", "host_credit_code", "year", "is_public"]
    code = personas.company.credit_code
    data = workbook_bytes(
        header, [["储能技术创新中心", "innovation_centre", "regional", code, 2023, 1]]
    )
    assert run(personas, data, registry="platforms").saved == 1
    data = workbook_bytes(
        header, [["储能技术创新中心", "innovation_centre", "national", code, 2023, 1]]
    )
    assert run(personas, data, registry="platforms").saved == 1
    platform = Platform.objects.get()
    assert (
        platform.level == "national"
        and platform.is_public
        and platform.region == personas.home_region
    )


def test_facilities_import_with_a_sharing_year(personas) -> None:
    header = [
        "code",
        "name",
        "host_credit_code",
        "original_value",
        "usage_year",
        "effective_hours",
        "external_hours",
    ]
    code = personas.university.credit_code
    data = workbook_bytes(
        header,
        [
            ["YQ-001", "场发射扫描电镜", code, 5800000, 2024, 1320, 260],
            ["YQ-002", "核磁共振波谱仪", code, 9000000, 2024, 800, 900],
        ],  # external > effective
    )
    result = run(personas, data, valid_only=True, registry="facilities")
    assert result.saved == 1 and result.errors[0].row == 3
    facility = Facility.objects.get()
    assert facility.usages.get().below_effective_benchmark


def test_the_import_page_reports_the_row_and_keeps_nothing(personas) -> None:
    client = sign_in(Client(headers={"accept-language": "en"}), personas.officer)
    response = client.post(
        "/resources/import/qualifications/", {"file": upload(HEADER, rows(personas))}
    )
    body = response.content.decode()
    assert "Nothing was imported" in body and "<td>3</td>" in body and "has_rd_institution" in body
    assert RdFacts.objects.count() == 0
    wrong = client.post("/resources/import/qualifications/", {"file": upload(["a"], [["b"]])})
    assert "This is not the enterprise qualifications template" in wrong.content.decode()
    template = client.get("/resources/import/qualifications/template.xlsx")
    assert read_sheet(template.content) == []


def test_exports_hold_the_filtered_rows_in_the_import_format(personas) -> None:
    RdFactsFactory(organization=personas.company, year=2024)
    RdFactsFactory(organization=personas.other_company, year=2024, invention_patents=0)
    client = sign_in(Client(), personas.officer)
    rows_out = read_sheet(
        client.get("/resources/enterprises/export.xlsx?year=2024&three_zeros=cleared").content
    )
    assert [(r["credit_code"], r["three_zeros"], r["three_zeros_new"]) for r in rows_out] == [
        (personas.company.credit_code, 1, 1)
    ]
    bureau = sign_in(Client(), personas.bureau)
    names = {
        r["name"]
        for r in read_sheet(bureau.get("/resources/enterprises/export.xlsx?year=2024").content)
    }
    assert personas.other_company.name not in names and personas.company.name in names
    low = UsageFactory(
        facility=FacilityFactory(host=personas.company, is_public=True), effective_hours=900
    )
    PlatformFactory(host=personas.company, is_public=True, name="公开平台")
    PlatformFactory(host=personas.other_company, name="私有平台")
    outsider = sign_in(Client(), personas.outsider)
    platforms = read_sheet(outsider.get("/resources/platforms/export.xlsx").content)
    assert [p["name"] for p in platforms] == ["公开平台"]
    facilities = read_sheet(outsider.get("/resources/facilities/export.xlsx").content)
    assert facilities[0]["code"] == low.facility.code and facilities[0]["below_benchmark"] == 1
