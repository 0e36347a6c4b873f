"""Periods and reports: open/close, fill in (form or xlsx), submit, review, correct, files."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuwei.core.errors import DomainError
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest
from tuwei.plans import forms, workflow
from tuwei.plans.errors import ValuesError
from tuwei.plans.models import Evidence, Indicator, IndicatorValue, Period, Report
from tuwei.plans.selectors import plans as selectors
from tuwei.plans.services import evidence as evidence_services
from tuwei.plans.services import reports as services
from tuwei.plans.services import setup, values
from tuwei.plans.services.workbook import report_import, template_build
from tuwei.plans.views.plans import XLSX, _plan


def _report(request: AuthedRequest, pk: int) -> Report:
    try:
        return selectors.report_get(user=request.user, pk=pk)
    except Report.DoesNotExist as exc:
        raise Http404 from exc


def _period(request: AuthedRequest, pk: int, period_pk: int) -> Period:
    plan = _plan(request, pk)
    try:
        return selectors.period_get(user=request.user, plan=plan, pk=period_pk)
    except Period.DoesNotExist as exc:
        raise Http404 from exc


@require_perm("plans.view_plans")
def period_list(request: AuthedRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    reports = selectors.report_list(user=request.user).filter(period__plan=plan)
    by_period: dict[int, list[Report]] = {}
    for report in reports.order_by("region__order"):
        by_period.setdefault(report.period_id, []).append(report)
    periods = [
        (period, by_period.get(period.pk, []))
        for period in plan.periods.order_by("end", "frequency")
    ]
    return render(request, "plans/period_list.html", {"plan": plan, "periods": periods})


@require_POST
@require_perm("plans.manage_plans")
def period_move(request: AuthedRequest, pk: int, period_pk: int, move: str) -> HttpResponse:
    period = _period(request, pk, period_pk)
    service = {"open": setup.period_open, "close": setup.period_close}.get(move)
    if service is None:
        raise Http404
    try:
        service(actor=request.user, period=period, request=request)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        text = (
            _("Period %(period)s is open for reports.")
            if move == "open"
            else _("Period %(period)s is closed.")
        )
        messages.success(request, text % {"period": period.label})
    return redirect("plans:period_list", pk)


@require_perm("plans.manage_plans")
def region_wide_values(request: AuthedRequest, pk: int, period_pk: int) -> HttpResponse:
    period = _period(request, pk, period_pk)
    indicators = period.plan.indicators.filter(
        frequency=period.frequency,
        aggregation=Indicator.Aggregation.REGION_INDEPENDENT,
        query_code="",
    )
    form = forms.RegionWideForm(request.POST or None, indicators=indicators)
    if request.method == "POST" and form.is_valid():
        from tuwei.plans.validation import parse_number

        try:
            number = parse_number(form.cleaned_data["value"])
            if number is None:
                raise ValueError
            values.region_wide_value_set(
                actor=request.user,
                indicator=form.cleaned_data["indicator"],
                period=period,
                value=number,
                request=request,
            )
        except DomainError as exc:
            form.add_error("value", str(exc))
        except ValueError:
            form.add_error("value", _("Please enter a value."))
        else:
            messages.success(request, _("The region-wide value was recorded."))
            return redirect("plans:region_wide_values", pk, period_pk)
    current = IndicatorValue.objects.filter(
        period=period, region__isnull=True, is_current=True
    ).select_related("indicator")
    return render(
        request,
        "plans/region_wide.html",
        {"plan": period.plan, "period": period, "form": form, "current": current},
    )


@require_perm("plans.view_reports")
def report_list(request: AuthedRequest) -> HttpResponse:
    reports = selectors.report_list(user=request.user).exclude(
        period__status=Period.Status.UPCOMING
    )
    status = request.GET.get("status", "")
    if status in Report.Status.values:
        reports = reports.filter(status=status)
    reports = reports.order_by("-period__end", "region__order")[:300]
    return render(
        request,
        "plans/report_list.html",
        {"reports": reports, "status": status, "statuses": Report.Status.choices},
    )


def _history(report: Report) -> list[IndicatorValue]:
    return list(
        IndicatorValue.objects.filter(period=report.period, region=report.region)
        .select_related("indicator", "recorded_by")
        .order_by("indicator__order", "indicator__code", "-version")
    )


@require_perm("plans.view_reports")
def report_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    rows = setup.ensure_report_values(report)
    user = request.user
    can_edit = (
        user.has_perm("plans.submit_reports")
        and user.region_id == report.region_id
        and report.period.status == Period.Status.OPEN
        and workflow.can("edit", report.status)
    )
    form = forms.ReportValuesForm(request.POST or None, rows=rows, initial={"note": report.note})
    problems: list[tuple[str, str]] = []
    if request.method == "POST":
        if not can_edit:
            raise Http404
        if form.is_valid():
            try:
                services.report_save(
                    actor=user,
                    report=report,
                    values=form.values(),
                    note=form.cleaned_data["note"],
                    request=request,
                )
                if "submit" in request.POST:
                    services.report_submit(actor=user, report=report, request=request)
            except ValuesError as exc:
                for code, message in exc.problems:
                    form.add_error(f"value_{code}", message)
            except DomainError as exc:
                form.add_error(None, str(exc))
            else:
                if "submit" in request.POST:
                    messages.success(request, _("The report was submitted for review."))
                else:
                    messages.success(request, _("The values were saved."))
                return redirect("plans:report_detail", report.pk)
    can_review = user.has_perm("plans.review_reports") and workflow.can("approve", report.status)
    can_correct = (
        user.has_perm("plans.submit_reports")
        and user.region_id == report.region_id
        and report.period.status == Period.Status.OPEN
        and workflow.can("correct", report.status)
    )
    return render(
        request,
        "plans/report_detail.html",
        {
            "report": report,
            "rows": rows,
            "form": form,
            "problems": problems,
            "can_edit": can_edit,
            "can_review": can_review,
            "can_correct": can_correct,
            "return_form": forms.ReturnForm(rows=rows) if can_review else None,
            "upload_form": forms.UploadForm() if can_edit else None,
            "evidence_form": forms.EvidenceForm() if can_edit else None,
            "correct_form": forms.ReasonForm() if can_correct else None,
            "evidence": list(report.evidence.all()),
            "history": _history(report),
        },
    )


def _after(request: AuthedRequest, report: Report, call: object, success: str) -> HttpResponse:
    try:
        call()  # type: ignore[operator]
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success)
    return redirect("plans:report_detail", report.pk)


@require_POST
@require_perm("plans.review_reports")
def report_approve(request: AuthedRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    return _after(
        request,
        report,
        lambda: services.report_approve(actor=request.user, report=report, request=request),
        _("The report was approved."),
    )


@require_POST
@require_perm("plans.review_reports")
def report_return(request: AuthedRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    form = forms.ReturnForm(request.POST, rows=setup.ensure_report_values(report))
    form.is_valid()
    return _after(
        request,
        report,
        lambda: services.report_return(
            actor=request.user,
            report=report,
            reasons=form.reasons(),
            note=form.cleaned_data.get("note", ""),
            request=request,
        ),
        _("The report was returned to the bureau."),
    )


@require_POST
@require_perm("plans.submit_reports")
def report_correct(request: AuthedRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    form = forms.ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _after(
        request,
        report,
        lambda: services.report_correct(
            actor=request.user, report=report, reason=reason, request=request
        ),
        _("A new version of the report was opened; the approved values stay until it is approved."),
    )


@require_perm("plans.view_reports")
def report_template(request: AuthedRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    response = HttpResponse(template_build(report), content_type=XLSX)
    name = f"report-{report.period.label.replace(' ', '-')}-{report.region.code}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
@require_perm("plans.submit_reports")
def report_upload(request: AuthedRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    form = forms.UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose the filled-in template to upload."))
        return redirect("plans:report_detail", report.pk)
    upload = form.cleaned_data["file"]
    try:
        count = report_import(
            actor=request.user,
            report=report,
            data=upload,
            name=upload.name or "",
            size=upload.size,
            request=request,
        )
    except ValuesError as exc:
        messages.error(request, str(exc))
        for where, message in exc.problems:
            messages.error(request, f"{where}: {message}")
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("%(count)s values were read from the file and saved.") % {"count": count}
        )
    return redirect("plans:report_detail", report.pk)


@require_POST
@require_perm("plans.submit_reports")
def evidence_add(request: AuthedRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    form = forms.EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to upload."))
        return redirect("plans:report_detail", report.pk)
    upload = form.cleaned_data["file"]
    return _after(
        request,
        report,
        lambda: evidence_services.evidence_add(
            actor=request.user,
            report=report,
            file=upload,
            name=upload.name or "",
            size=upload.size,
            request=request,
        ),
        _("The file was attached."),
    )


@require_POST
@require_perm("plans.submit_reports")
def evidence_remove(request: AuthedRequest, pk: int) -> HttpResponse:
    try:
        evidence = selectors.evidence_get(user=request.user, pk=pk)
    except Evidence.DoesNotExist as exc:
        raise Http404 from exc
    return _after(
        request,
        evidence.report,
        lambda: evidence_services.evidence_remove(
            actor=request.user, evidence=evidence, request=request
        ),
        _("The file was removed."),
    )


@require_perm("plans.view_reports")  # type: ignore[arg-type]  # a FileResponse streams
def evidence_download(request: AuthedRequest, pk: int) -> FileResponse:
    try:
        evidence = selectors.evidence_get(user=request.user, pk=pk)
    except Evidence.DoesNotExist as exc:
        raise Http404 from exc
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.name,
        content_type=evidence.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
