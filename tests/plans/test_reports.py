"""A league/city's report through its workflow, with the messages people see."""

from __future__ import annotations

from decimal import Decimal

import pytest
import time_machine
from django.utils import translation

from tuwei.core.models import AuditEntry, Notification
from tuwei.plans.errors import PlansError, ValuesError
from tuwei.plans.models import IndicatorValue, Period, Report, ReportValue
from tuwei.plans.services import reports, setup


def fill(report, personas, count="30", rate="45.5"):
    return reports.report_save(
        actor=personas.bureau, report=report, values={"C1": (count, "两个平台"), "R1": (rate, "")}
    )


def test_a_bureau_saves_and_submits_its_values(personas, ordos_q1) -> None:
    fill(ordos_q1, personas)
    reports.report_submit(actor=personas.bureau, report=ordos_q1)
    ordos_q1.refresh_from_db()
    assert ordos_q1.status == Report.Status.SUBMITTED
    values = dict(
        ReportValue.objects.filter(report=ordos_q1).values_list("indicator__code", "value")
    )
    assert values == {"C1": Decimal(30), "R1": Decimal("45.5")}
    assert Notification.objects.filter(
        recipient=personas.officer, verb="plans.report.submitted"
    ).exists()
    assert not IndicatorValue.objects.exists()  # nothing is public before approval


@pytest.mark.parametrize(
    ("count", "rate", "message"),
    [
        ("abc", "40", "“abc” is not a number."),
        ("10", "130", "A rate cannot be above 100%."),
        ("2.5", "40", "A count must be a whole number."),
        ("-3", "40", "This value cannot be negative."),
    ],
)
def test_bad_values_are_named_and_nothing_is_saved(
    personas, ordos_q1, count, rate, message
) -> None:
    fill(ordos_q1, personas, "5", "10")
    with translation.override("en"), pytest.raises(ValuesError) as caught:
        fill(ordos_q1, personas, count, rate)
    with translation.override("en"):
        assert message in [text for _code, text in caught.value.problems]
    values = dict(
        ReportValue.objects.filter(report=ordos_q1).values_list("indicator__code", "value")
    )
    assert values == {"C1": Decimal(5), "R1": Decimal(10)}


def test_numbers_may_carry_separators_and_full_width_digits(personas, ordos_q1) -> None:
    fill(ordos_q1, personas, "1,234", "４５．５")
    values = dict(
        ReportValue.objects.filter(report=ordos_q1).values_list("indicator__code", "value")
    )
    assert values == {"C1": Decimal(1234), "R1": Decimal("45.5")}


def test_a_bureau_cannot_report_for_another_region(personas, open_q1) -> None:
    baotou = open_q1.reports.get(region=personas.other_region)
    with pytest.raises(PlansError) as caught:
        fill(baotou, personas)
    assert caught.value.code == "other_region"
    with translation.override("en"):
        assert str(caught.value) == "You can only report for your own league/city."


def test_a_closed_period_takes_no_more_reports(personas, ordos_q1) -> None:
    setup.period_close(actor=personas.officer, period=ordos_q1.period)
    with pytest.raises(PlansError) as caught:
        fill(ordos_q1, personas)
    assert caught.value.code == "period_closed"
    with translation.override("en"):
        assert "This period is closed" in str(caught.value)


def test_submitting_needs_every_value(personas, ordos_q1) -> None:
    reports.report_save(actor=personas.bureau, report=ordos_q1, values={"C1": ("3", "")})
    with pytest.raises(PlansError) as caught:
        reports.report_submit(actor=personas.bureau, report=ordos_q1)
    assert caught.value.code == "values_missing"
    assert "R1" in str(caught.value)


def test_return_correct_and_approve(personas, ordos_q1) -> None:
    fill(ordos_q1, personas)
    reports.report_submit(actor=personas.bureau, report=ordos_q1)
    with pytest.raises(PlansError) as caught:
        reports.report_return(actor=personas.officer, report=ordos_q1, reasons={"C1": "  "})
    assert caught.value.code == "nothing_returned"
    reports.report_return(actor=personas.officer, report=ordos_q1, reasons={"R1": "与统计数据不符"})
    ordos_q1.refresh_from_db()
    assert ordos_q1.status == Report.Status.RETURNED
    returned = ReportValue.objects.get(report=ordos_q1, indicator__code="R1")
    assert (returned.returned, returned.return_reason) == (True, "与统计数据不符")
    assert Notification.objects.filter(
        recipient=personas.bureau, verb="plans.report.returned"
    ).exists()
    assert not Notification.objects.filter(recipient=personas.other_bureau).exists()

    fill(ordos_q1, personas, rate="41")
    reports.report_submit(actor=personas.bureau, report=ordos_q1)
    reports.report_approve(actor=personas.officer, report=ordos_q1)
    ordos_q1.refresh_from_db()
    assert ordos_q1.status == Report.Status.APPROVED
    current = IndicatorValue.objects.filter(is_current=True, region=personas.home_region)
    assert dict(current.values_list("indicator__code", "value")) == {
        "C1": Decimal(30),
        "R1": Decimal(41),
    }
    actions = list(
        AuditEntry.objects.filter(object_type="plans.report", object_id=str(ordos_q1.pk))
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions == [
        "plans.report.save",
        "plans.report.submit",
        "plans.report.return",
        "plans.report.save",
        "plans.report.submit",
        "plans.report.approve",
    ]


@pytest.mark.parametrize("move", ["approve", "return"])
def test_only_officers_review(personas, ordos_q1, move) -> None:
    fill(ordos_q1, personas)
    reports.report_submit(actor=personas.bureau, report=ordos_q1)
    for name in ("bureau", "leader", "outsider", "other_bureau"):
        with pytest.raises(PlansError) as caught:
            if move == "approve":
                reports.report_approve(actor=getattr(personas, name), report=ordos_q1)
            else:
                reports.report_return(
                    actor=getattr(personas, name), report=ordos_q1, reasons={"C1": "x"}
                )
        assert caught.value.code == "not_allowed"


def test_a_draft_cannot_be_approved(personas, ordos_q1) -> None:
    with pytest.raises(PlansError) as caught:
        reports.report_approve(actor=personas.officer, report=ordos_q1)
    assert caught.value.code == "wrong_status"


def test_a_correction_after_approval_is_a_new_version_and_keeps_history(personas, ordos_q1) -> None:
    fill(ordos_q1, personas)
    reports.report_submit(actor=personas.bureau, report=ordos_q1)
    reports.report_approve(actor=personas.officer, report=ordos_q1)
    with pytest.raises(PlansError) as caught:
        reports.report_correct(actor=personas.bureau, report=ordos_q1, reason=" ")
    assert caught.value.code == "reason_required"
    reports.report_correct(actor=personas.bureau, report=ordos_q1, reason="统计口径调整")
    ordos_q1.refresh_from_db()
    assert (ordos_q1.status, ordos_q1.version) == (Report.Status.DRAFT, 2)
    # the approved value stays in force until the correction is approved
    assert IndicatorValue.objects.get(indicator__code="C1", is_current=True).value == Decimal(30)
    fill(ordos_q1, personas, count="32")
    reports.report_submit(actor=personas.bureau, report=ordos_q1)
    reports.report_approve(actor=personas.officer, report=ordos_q1)
    history = list(
        IndicatorValue.objects.filter(indicator__code="C1")
        .order_by("version")
        .values_list("version", "value", "is_current")
    )
    assert history == [(1, Decimal(30), False), (2, Decimal(32), True)]
    assert AuditEntry.objects.filter(
        action="plans.report.correct", data__reason="统计口径调整"
    ).exists()


def test_a_report_is_late_after_its_due_date(personas, ordos_q1) -> None:
    fill(ordos_q1, personas)
    with time_machine.travel("2024-04-10 12:00 +08:00", tick=False):
        assert not ordos_q1.is_late
    with time_machine.travel("2024-04-20 12:00 +08:00", tick=False):
        assert ordos_q1.is_late
        reports.report_submit(actor=personas.bureau, report=ordos_q1)
    ordos_q1.refresh_from_db()
    assert ordos_q1.is_late
    assert AuditEntry.objects.get(action="plans.report.submit").data["late"] is True


def test_an_upcoming_period_takes_no_reports(personas, plan, indicators) -> None:
    q2 = plan.periods.get(frequency="quarterly", number=2)
    report = Report.objects.create(period=q2, region=personas.home_region)
    assert q2.status == Period.Status.UPCOMING
    with pytest.raises(PlansError) as caught:
        fill(report, personas)
    assert caught.value.code == "period_not_open"
