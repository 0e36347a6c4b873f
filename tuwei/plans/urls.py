"""URLs of the plans app, under plans/."""

from __future__ import annotations

from django.urls import path

from tuwei.plans.views import plans, reports

app_name = "plans"

urlpatterns = [
    path("plans/", plans.plan_list, name="plan_list"),
    path("plans/new/", plans.plan_create, name="plan_create"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", plans.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/document/", plans.plan_document, name="plan_document"),
    path("plans/<int:pk>/export/<slug:key>.xlsx", plans.chart_export, name="chart_export"),
    path("plans/<int:pk>/indicators/new/", plans.indicator_form, name="indicator_create"),
    path(
        "plans/<int:pk>/indicators/<int:indicator_pk>/",
        plans.indicator_detail,
        name="indicator_detail",
    ),
    path(
        "plans/<int:pk>/indicators/<int:indicator_pk>/edit/",
        plans.indicator_form,
        name="indicator_edit",
    ),
    path(
        "plans/<int:pk>/indicators/<int:indicator_pk>/breakdown/",
        plans.indicator_breakdown,
        name="indicator_breakdown",
    ),
    path("plans/<int:pk>/regions/<str:code>/", plans.region_detail, name="region_detail"),
    path("plans/<int:pk>/periods/", reports.period_list, name="period_list"),
    path(
        "plans/<int:pk>/periods/<int:period_pk>/open/",
        reports.period_move,
        {"move": "open"},
        name="period_open",
    ),
    path(
        "plans/<int:pk>/periods/<int:period_pk>/close/",
        reports.period_move,
        {"move": "close"},
        name="period_close",
    ),
    path(
        "plans/<int:pk>/periods/<int:period_pk>/region-wide/",
        reports.region_wide_values,
        name="region_wide_values",
    ),
    path("plans/reports/", reports.report_list, name="report_list"),
    path("plans/reports/<int:pk>/", reports.report_detail, name="report_detail"),
    path("plans/reports/<int:pk>/approve/", reports.report_approve, name="report_approve"),
    path("plans/reports/<int:pk>/return/", reports.report_return, name="report_return"),
    path("plans/reports/<int:pk>/correct/", reports.report_correct, name="report_correct"),
    path("plans/reports/<int:pk>/template.xlsx", reports.report_template, name="report_template"),
    path("plans/reports/<int:pk>/upload/", reports.report_upload, name="report_upload"),
    path("plans/reports/<int:pk>/evidence/", reports.evidence_add, name="evidence_add"),
    path("plans/evidence/<int:pk>/", reports.evidence_download, name="evidence_download"),
    path("plans/evidence/<int:pk>/remove/", reports.evidence_remove, name="evidence_remove"),
]
