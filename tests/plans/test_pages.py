"""Every plan page for every persona, bounded queries, files and the chart markup."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from tests.conftest import sign_in
from tests.plans.factories import IndicatorFactory
from tuwei.plans.models import Evidence, IndicatorValue, RegionTarget
from tuwei.plans.services import reports
from tuwei.plans.services.workbook import template_build

READERS = {"officer", "leader", "bureau", "other_bureau"}


@pytest.fixture
def urls(plan, indicators, ordos_q1, personas) -> dict[str, tuple[str, set[str], set[str]]]:
    """url → (personas that get 200, personas that get 404 although they may read plans)."""
    p, i, r = plan.pk, indicators["count"].pk, ordos_q1.pk
    q1 = ordos_q1.period.pk
    return {
        "/plans/": (READERS, set()),
        f"/plans/{p}/": (READERS, set()),
        f"/plans/{p}/indicators/{i}/": (READERS, set()),
        f"/plans/{p}/periods/": (READERS, set()),
        f"/plans/{p}/regions/150600/": ({"officer", "leader", "bureau"}, {"other_bureau"}),
        f"/plans/{p}/export/gauges.xlsx": (READERS, set()),
        f"/plans/{p}/export/map.xlsx": (READERS, set()),
        f"/plans/{p}/export/ranking.xlsx": (READERS, set()),
        f"/plans/{p}/export/warnings.xlsx": (READERS, set()),
        f"/plans/{p}/export/trend-{i}.xlsx": (READERS, set()),
        f"/plans/{p}/export/region-150600.xlsx": (
            {"officer", "leader", "bureau"},
            {"other_bureau"},
        ),
        "/plans/reports/": (READERS, set()),
        f"/plans/reports/{r}/": ({"officer", "leader", "bureau"}, {"other_bureau"}),
        f"/plans/reports/{r}/template.xlsx": ({"officer", "leader", "bureau"}, {"other_bureau"}),
        "/plans/new/": ({"officer"}, set()),
        f"/plans/{p}/edit/": ({"officer"}, set()),
        f"/plans/{p}/indicators/new/": ({"officer"}, set()),
        f"/plans/{p}/indicators/{i}/edit/": ({"officer"}, set()),
        f"/plans/{p}/indicators/{i}/breakdown/": ({"officer"}, set()),
        f"/plans/{p}/periods/{q1}/region-wide/": ({"officer"}, set()),
    }


def test_every_page_answers_each_persona_as_its_rights_say(personas, urls) -> None:
    for url, (allowed, hidden) in urls.items():
        assert Client().get(url).status_code == 302, url
        for name, user in {**personas.all(), "other_bureau": personas.other_bureau}.items():
            status = sign_in(Client(), user).get(url).status_code
            expected = 200 if name in allowed else 404 if name in hidden else 403
            assert status == expected, (name, url, status)


def test_writes_refuse_outsiders_and_other_bureaus(personas, plan, ordos_q1) -> None:
    q1 = ordos_q1.period.pk
    posts = {
        f"/plans/reports/{ordos_q1.pk}/approve/": {"bureau", "leader", "outsider"},
        f"/plans/reports/{ordos_q1.pk}/return/": {"bureau", "leader", "outsider"},
        f"/plans/{plan.pk}/periods/{q1}/close/": {"bureau", "leader", "outsider"},
        f"/plans/reports/{ordos_q1.pk}/upload/": {"officer", "leader", "outsider"},
        f"/plans/reports/{ordos_q1.pk}/evidence/": {"officer", "leader", "outsider"},
    }
    for url, forbidden in posts.items():
        assert Client().post(url).status_code == 302
        for name in forbidden:
            assert sign_in(Client(), getattr(personas, name)).post(url).status_code == 403, (
                name,
                url,
            )
    # another bureau may post reports, but never finds Ordos's
    other = sign_in(Client(), personas.other_bureau)
    assert other.post(f"/plans/reports/{ordos_q1.pk}/", {"value_C1": "1"}).status_code == 404
    assert other.post(f"/plans/reports/{ordos_q1.pk}/upload/").status_code == 404


def test_the_bureau_fills_in_the_form_and_sees_errors_in_its_language(personas, ordos_q1) -> None:
    client = sign_in(Client(), personas.bureau)
    client.cookies["tuwei_language"] = "en"
    url = f"/plans/reports/{ordos_q1.pk}/"
    page = client.post(url, {"value_C1": "x1", "value_R1": "101", "note_C1": "n"})
    assert page.status_code == 200
    body = page.content.decode()
    assert "“x1” is not a number." in body and "A rate cannot be above 100%." in body
    assert 'value="x1"' in body  # what was typed is kept
    page = client.post(url, {"value_C1": "12", "value_R1": "48", "submit": "1"})
    assert page.status_code == 302
    ordos_q1.refresh_from_db()
    assert ordos_q1.status == "submitted"


def test_the_officer_returns_one_value_from_the_page(personas, ordos_q1) -> None:
    reports.report_save(
        actor=personas.bureau, report=ordos_q1, values={"C1": ("12", ""), "R1": ("48", "")}
    )
    reports.report_submit(actor=personas.bureau, report=ordos_q1)
    officer = sign_in(Client(), personas.officer)
    officer.post(f"/plans/reports/{ordos_q1.pk}/return/", {"reason_R1": "请核实", "note": ""})
    ordos_q1.refresh_from_db()
    assert ordos_q1.status == "returned"
    assert list(
        ordos_q1.values.filter(returned=True).values_list("indicator__code", flat=True)
    ) == ["R1"]


def test_an_upload_through_the_page_saves_or_lists_the_rows(personas, ordos_q1) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(template_build(ordos_q1)))
    workbook.worksheets[0]["E6"] = "bad"
    buffer = BytesIO()
    workbook.save(buffer)
    client = sign_in(Client(), personas.bureau)
    client.cookies["tuwei_language"] = "en"
    page = client.post(
        f"/plans/reports/{ordos_q1.pk}/upload/",
        {"file": SimpleUploadedFile("r.xlsx", buffer.getvalue())},
        follow=True,
    )
    assert "row 6 (C1): “bad” is not a number." in page.content.decode()


def test_evidence_is_checked_and_served_only_within_scope(personas, ordos_q1) -> None:
    bureau = sign_in(Client(), personas.bureau)
    bureau.cookies["tuwei_language"] = "en"
    url = f"/plans/reports/{ordos_q1.pk}/evidence/"
    page = bureau.post(url, {"file": SimpleUploadedFile("x.pdf", b"MZ not a pdf")}, follow=True)
    assert "Only PDF, PNG, JPEG and xlsx files are accepted." in page.content.decode()
    bureau.post(url, {"file": SimpleUploadedFile("证明.pdf", b"%PDF-1.7 demo")})
    evidence = Evidence.objects.get()
    assert evidence.name == "证明.pdf" and "证明" not in evidence.file.name
    download = f"/plans/evidence/{evidence.pk}/"
    assert bureau.get(download).status_code == 200
    assert (
        b"".join(sign_in(Client(), personas.officer).get(download).streaming_content)
        == b"%PDF-1.7 demo"
    )
    assert sign_in(Client(), personas.other_bureau).get(download).status_code == 404
    assert sign_in(Client(), personas.outsider).get(download).status_code == 403
    assert Client().get(download).status_code == 302


def test_too_large_evidence_is_refused(personas, ordos_q1, settings) -> None:
    from tuwei.plans.errors import PlansError
    from tuwei.plans.services.evidence import MAX_EVIDENCE_BYTES, check_upload

    with pytest.raises(PlansError) as caught:
        check_upload("big.pdf", MAX_EVIDENCE_BYTES + 1, b"%PDF-")
    with translation.override("en"):
        assert str(caught.value) == "The file is larger than 10 MB."


def test_the_overview_carries_each_chart_with_its_table(personas, plan, indicators) -> None:
    period = plan.periods.get(frequency="quarterly", number=1)
    IndicatorValue.objects.create(
        indicator=indicators["count"],
        period=period,
        region=personas.home_region,
        value=20,
        source="report",
    )
    page = sign_in(Client(), personas.leader).get(f"/plans/{plan.pk}/")
    body = page.content.decode()
    for chart in ("chart-gauges", "chart-map", "chart-ranking"):
        assert f'id="{chart}"' in body  # the json_script with the options
    assert 'data-map-chart="chart-map"' in body and "vendor/inner-mongolia.json" in body
    options = json.loads(
        re.search(
            r'<script id="chart-map" type="application/json">(.*?)</script>', body, re.S
        ).group(1)
    )
    ordos = next(item for item in options["series"][0]["data"] if item["name"] == "鄂尔多斯市")
    assert ordos["value"] == pytest.approx(33.3) and ordos["url"].endswith("/regions/150600/")
    assert 'data-testid="gauges-table"' in body


def test_a_bureau_gets_no_link_to_another_region(personas, plan, indicators) -> None:
    body = sign_in(Client(), personas.bureau).get(f"/plans/{plan.pk}/").content.decode()
    options = json.loads(
        re.search(
            r'<script id="chart-map" type="application/json">(.*?)</script>', body, re.S
        ).group(1)
    )
    links = {item["name"]: item.get("url") for item in options["series"][0]["data"]}
    assert links["鄂尔多斯市"] and links["包头市"] is None


@pytest.mark.parametrize("size", [3, 30])
def test_the_pages_need_a_bounded_number_of_queries(
    personas, plan, indicators, ordos_q1, size, django_assert_max_num_queries
) -> None:
    periods = list(plan.periods.filter(frequency="quarterly"))
    for n in range(size):
        indicator = IndicatorFactory(plan=plan, code=f"X{n}")
        RegionTarget.objects.create(indicator=indicator, region=personas.home_region, target=100)
        IndicatorValue.objects.bulk_create(
            IndicatorValue(
                indicator=indicator, period=period, region=region, value=Decimal(k), source="report"
            )
            for k, period in enumerate(periods[:3], start=1)
            for region in (personas.home_region, personas.other_region)
        )
    officer = sign_in(Client(), personas.officer)
    for url in (
        f"/plans/{plan.pk}/",
        f"/plans/{plan.pk}/regions/150600/",
        f"/plans/{plan.pk}/indicators/{indicators['count'].pk}/",
        f"/plans/reports/{ordos_q1.pk}/",
        f"/plans/{plan.pk}/periods/",
    ):
        with django_assert_max_num_queries(30):
            assert officer.get(url).status_code == 200
