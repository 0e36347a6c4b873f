"""A league/city's report: save, submit, return, approve, correct — one function each."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from tuwei.accounts.models import User
from tuwei.accounts.roles import Role
from tuwei.core.audit import log_action
from tuwei.core.notifications import notify
from tuwei.plans import workflow
from tuwei.plans.errors import PlansError, ValuesError
from tuwei.plans.models import IndicatorValue, Period, Report, ReportValue
from tuwei.plans.services.setup import ensure_report_values, record_value, require
from tuwei.plans.validation import clean_value


def lock_report(report: Report) -> Report:
    return (
        Report.objects.select_for_update()
        .select_related("period", "period__plan", "region")
        .get(pk=report.pk)
    )


def check_bureau(actor: User, report: Report) -> None:
    require(actor, "plans.submit_reports")
    if actor.region_id != report.region_id:
        raise PlansError(PlansError.OTHER_REGION, code="other_region")


def check_period_open(period: Period) -> None:
    if period.status == Period.Status.CLOSED:
        raise PlansError(PlansError.PERIOD_CLOSED, code="period_closed")
    if period.status != Period.Status.OPEN:
        raise PlansError(PlansError.PERIOD_NOT_OPEN, code="period_not_open")


def check_move(report: Report, move: str) -> None:
    if not workflow.can(move, report.status):
        raise PlansError(
            PlansError.WRONG_STATUS, code="wrong_status", status=report.get_status_display()
        )


def _region_users(report: Report) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True, roles__role=Role.BUREAU, region_id=report.region_id
        ).distinct()
    )


def _officers() -> list[User]:
    return list(User.objects.filter(is_active=True, roles__role=Role.OFFICER).distinct())


def _url(report: Report) -> str:
    return reverse("plans:report_detail", args=[report.pk])


def report_save(
    *,
    actor: User,
    report: Report,
    values: dict[str, tuple[Any, str]],
    note: str | None = None,
    source: str = "form",
    request: HttpRequest | None = None,
) -> Report:
    """Store the bureau's values (by indicator code: raw value, note). Every value is
    checked first; one wrong value saves nothing and names all the wrong ones."""
    check_bureau(actor, report)
    with transaction.atomic():
        report = lock_report(report)
        check_period_open(report.period)
        check_move(report, "edit")
        rows = {row.indicator.code: row for row in ensure_report_values(report)}
        problems: list[tuple[str, str]] = []
        cleaned: dict[str, Decimal | None] = {}
        for code, (raw, _note) in values.items():
            row = rows.get(code)
            if row is None:
                problems.append((code, str(PlansError.NOT_IN_REPORT % {"indicator": code})))
                continue
            try:
                cleaned[code] = clean_value(row.indicator, raw)
            except PlansError as exc:
                problems.append((code, str(exc)))
        if problems:
            raise ValuesError(PlansError.ROW_ERRORS, problems=problems, count=len(problems))
        changes = {}
        for code, number in cleaned.items():
            row = rows[code]
            new_note = (values[code][1] or "").strip()[:500]
            if row.value != number or row.note != new_note:
                changes[code] = [None if row.value is None else str(row.value), str(number)]
                row.value, row.note = number, new_note
                row.save(update_fields=["value", "note"])
        if note is not None and note.strip() != report.note:
            report.note = note.strip()
            report.save(update_fields=["note"])
        log_action(
            report,
            "plans.report.save",
            actor=actor,
            data={"version": report.version, "source": source, "changes": changes},
            request=request,
        )
    return report


def report_submit(*, actor: User, report: Report, request: HttpRequest | None = None) -> Report:
    check_bureau(actor, report)
    with transaction.atomic():
        report = lock_report(report)
        check_period_open(report.period)
        check_move(report, "submit")
        rows = ensure_report_values(report)
        missing = [row.indicator.code for row in rows if row.value is None]
        if missing:
            raise PlansError(
                PlansError.VALUES_MISSING, code="values_missing", codes=", ".join(missing)
            )
        report.status = workflow.REPORT_TARGET["submit"]
        report.submitted_at = timezone.now()
        report.submitted_by = actor
        report.save(update_fields=["status", "submitted_at", "submitted_by"])
        ReportValue.objects.filter(report=report, returned=True).update(returned=False)
        log_action(
            report,
            "plans.report.submit",
            actor=actor,
            data={"version": report.version, "late": report.is_late},
            request=request,
        )
        notify(
            _officers(),
            "plans.report.submitted",
            params={"region": report.region.name, "period": report.period.label},
            url=_url(report),
        )
    return report


def report_return(
    *,
    actor: User,
    report: Report,
    reasons: dict[str, str],
    note: str = "",
    request: HttpRequest | None = None,
) -> Report:
    """Send the report back; `reasons` names each value returned (indicator code → why)."""
    require(actor, "plans.review_reports")
    reasons = {code: reason.strip() for code, reason in reasons.items() if reason.strip()}
    if not reasons:
        raise PlansError(PlansError.NOTHING_RETURNED, code="nothing_returned")
    with transaction.atomic():
        report = lock_report(report)
        check_move(report, "return")
        rows = {row.indicator.code: row for row in ensure_report_values(report)}
        for code in reasons:
            if code not in rows:
                raise PlansError(PlansError.NOT_IN_REPORT, code="not_in_report", indicator=code)
        for code, reason in reasons.items():
            row = rows[code]
            row.returned, row.return_reason = True, reason[:500]
            row.save(update_fields=["returned", "return_reason"])
        report.status = workflow.REPORT_TARGET["return"]
        report.return_reason = note.strip()[:500]
        report.reviewed_at, report.reviewed_by = timezone.now(), actor
        report.save(update_fields=["status", "return_reason", "reviewed_at", "reviewed_by"])
        log_action(
            report,
            "plans.report.return",
            actor=actor,
            data={"version": report.version, "reasons": reasons, "note": note},
            request=request,
        )
        notify(
            _region_users(report),
            "plans.report.returned",
            params={"period": report.period.label, "count": len(reasons)},
            url=_url(report),
        )
    return report


def report_approve(*, actor: User, report: Report, request: HttpRequest | None = None) -> Report:
    """Approve: the values become the current approved figures (earlier versions kept)."""
    require(actor, "plans.review_reports")
    from tuwei.plans.services.progress import progress_refresh

    with transaction.atomic():
        report = lock_report(report)
        check_move(report, "approve")
        rows = ensure_report_values(report)
        for row in rows:
            if row.value is None:
                continue
            record_value(
                indicator=row.indicator,
                region_id=report.region_id,
                period=report.period,
                value=row.value,
                source=IndicatorValue.Source.REPORT,
                actor=actor,
                report=report,
                version=report.version,
            )
        ReportValue.objects.filter(report=report).update(returned=False, return_reason="")
        report.status = workflow.REPORT_TARGET["approve"]
        report.reviewed_at, report.reviewed_by = timezone.now(), actor
        report.return_reason = ""
        report.save(update_fields=["status", "reviewed_at", "reviewed_by", "return_reason"])
        log_action(
            report,
            "plans.report.approve",
            actor=actor,
            data={
                "version": report.version,
                "values": {row.indicator.code: str(row.value) for row in rows},
            },
            request=request,
        )
        notify(
            _region_users(report),
            "plans.report.approved",
            params={"period": report.period.label},
            url=_url(report),
        )
        progress_refresh(plan=report.period.plan)
    return report


def report_correct(
    *, actor: User, report: Report, reason: str, request: HttpRequest | None = None
) -> Report:
    """Reopen an approved report as a new version. The approved values stay current (and
    in the history) until the officer approves the correction."""
    check_bureau(actor, report)
    if not reason.strip():
        raise PlansError(PlansError.REASON_REQUIRED, code="reason_required")
    with transaction.atomic():
        report = lock_report(report)
        check_period_open(report.period)
        check_move(report, "correct")
        report.status = workflow.REPORT_TARGET["correct"]
        report.version += 1
        report.submitted_at = None
        report.save(update_fields=["status", "version", "submitted_at"])
        log_action(
            report,
            "plans.report.correct",
            actor=actor,
            data={"version": report.version, "reason": reason.strip()},
            request=request,
        )
    return report
