"""Plans, indicators and the progress pages (overview, indicator, league/city)."""

from __future__ import annotations

import mimetypes
import re
from io import BytesIO

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from tuwei.accounts.models import Region
from tuwei.core.errors import DomainError
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest
from tuwei.plans import forms
from tuwei.plans.models import Indicator, Period, Plan
from tuwei.plans.selectors import pages
from tuwei.plans.selectors import plans as selectors
from tuwei.plans.services import setup

SHEET_UNSAFE = re.compile(r"[\\/*?:\[\]]")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _plan(request: AuthedRequest, pk: int) -> Plan:
    try:
        return selectors.plan_get(user=request.user, pk=pk)
    except Plan.DoesNotExist as exc:
        raise Http404 from exc


def _indicator(request: AuthedRequest, plan: Plan, pk: int) -> Indicator:
    try:
        return selectors.indicator_get(user=request.user, plan=plan, pk=pk)
    except Indicator.DoesNotExist as exc:
        raise Http404 from exc


@require_perm("plans.view_plans")
def plan_list(request: AuthedRequest) -> HttpResponse:
    plans = selectors.plan_list(user=request.user)
    return render(request, "plans/plan_list.html", {"plans": plans})


@require_perm("plans.manage_plans")
def plan_create(request: AuthedRequest) -> HttpResponse:
    form = forms.PlanForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "document"}
        try:
            plan = setup.plan_create(
                actor=request.user,
                document=form.cleaned_data.get("document") or None,
                request=request,
                **data,
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The plan was created with its reporting periods."))
            return redirect("plans:plan_detail", plan.pk)
    return render(request, "plans/plan_form.html", {"form": form, "plan": None})


@require_perm("plans.manage_plans")
def plan_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    form = forms.PlanForm(request.POST or None, request.FILES or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        changes = {
            name: form.cleaned_data[name] for name in setup.PLAN_FIELDS if name in form.changed_data
        }
        document = form.cleaned_data.get("document") if "document" in form.changed_data else None
        try:
            setup.plan_update(
                actor=request.user,
                plan=plan,
                changes=changes,
                document=document or None,
                request=request,
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The plan was saved."))
            return redirect("plans:plan_detail", plan.pk)
    plan.refresh_from_db()
    return render(request, "plans/plan_form.html", {"form": form, "plan": plan})


@require_perm("plans.view_plans")  # type: ignore[arg-type]  # a FileResponse streams
def plan_document(request: AuthedRequest, pk: int) -> FileResponse:
    plan = _plan(request, pk)
    if not plan.document:
        raise Http404
    name = (plan.document.name or "plan").rsplit("/", 1)[-1]
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(
        plan.document.open("rb"), as_attachment=True, filename=name, content_type=content_type
    )


@require_perm("plans.view_plans")
def plan_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    page = pages.plan_overview(user=request.user, plan=plan)
    periods = plan.periods.exclude(status=Period.Status.UPCOMING).order_by("-end")[:4]
    return render(
        request, "plans/plan_detail.html", {"plan": plan, "page": page, "periods": periods}
    )


@require_perm("plans.manage_plans")
def indicator_form(
    request: AuthedRequest, pk: int, indicator_pk: int | None = None
) -> HttpResponse:
    plan = _plan(request, pk)
    indicator = _indicator(request, plan, indicator_pk) if indicator_pk else None
    form = forms.IndicatorForm(request.POST or None, instance=indicator, plan=plan)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in setup.INDICATOR_FIELDS}
        try:
            if indicator is None:
                indicator = setup.indicator_create(
                    actor=request.user, plan=plan, fields=fields, request=request
                )
            else:
                changed = {name: fields[name] for name in form.changed_data if name in fields}
                setup.indicator_update(
                    actor=request.user, indicator=indicator, changes=changed, request=request
                )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The indicator was saved."))
            return redirect("plans:indicator_detail", plan.pk, indicator.pk)
    return render(
        request, "plans/indicator_form.html", {"form": form, "plan": plan, "indicator": indicator}
    )


@require_perm("plans.manage_plans")
def indicator_breakdown(request: AuthedRequest, pk: int, indicator_pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    indicator = _indicator(request, plan, indicator_pk)
    regions = list(Region.objects.all())
    form = forms.BreakdownForm(request.POST or None, indicator=indicator, regions=regions)
    if request.method == "POST" and form.is_valid():
        try:
            setup.indicator_set_breakdown(
                actor=request.user,
                indicator=indicator,
                targets=form.targets(),
                weights=form.weights(),
                request=request,
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The targets by league/city were saved."))
            return redirect("plans:indicator_detail", plan.pk, indicator.pk)
    return render(
        request, "plans/breakdown_form.html", {"form": form, "plan": plan, "indicator": indicator}
    )


@require_perm("plans.view_plans")
def indicator_detail(request: AuthedRequest, pk: int, indicator_pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    indicator = _indicator(request, plan, indicator_pk)
    page = pages.indicator_page(user=request.user, plan=plan, indicator=indicator)
    return render(
        request,
        "plans/indicator_detail.html",
        {"plan": plan, "indicator": indicator, "page": page, "progress": page.progresses[0]},
    )


@require_perm("plans.view_plans")
def region_detail(request: AuthedRequest, pk: int, code: str) -> HttpResponse:
    plan = _plan(request, pk)
    try:
        region = selectors.region_get(user=request.user, code=code)
    except Region.DoesNotExist as exc:
        raise Http404 from exc
    page = pages.region_page(user=request.user, plan=plan, region=region)
    reports = selectors.report_list(user=request.user).filter(period__plan=plan, region=region)
    return render(
        request,
        "plans/region_detail.html",
        {"plan": plan, "region": region, "page": page, "reports": reports.order_by("-period__end")},
    )


@require_perm("plans.view_plans")
def chart_export(request: AuthedRequest, pk: int, key: str) -> HttpResponse:
    plan = _plan(request, pk)
    table = pages.chart_table(user=request.user, plan=plan, key=key)
    if table is None:
        raise Http404
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_UNSAFE.sub(" ", table.title)[:31] or "data")
    sheet.append([plan.title])
    sheet.append(table.columns)
    for row in table.rows:
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="plan-{plan.pk}-{key}-{stamp}.xlsx"'
    return response
