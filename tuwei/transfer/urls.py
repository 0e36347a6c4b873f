"""URLs of the transfer app: the public marketplace (market/…) and the registries (transfer/…)."""

from __future__ import annotations

from django.urls import path

from tuwei.transfer.views import achievements, deals, market, needs, sheets

app_name = "transfer"

urlpatterns = [
    path("market/", market.market, name="market"),
    path("market/achievements/<int:pk>/", market.market_achievement, name="market_achievement"),
    path("market/needs/", market.market_needs, name="market_needs"),
    path("market/needs/<int:pk>/", market.market_need, name="market_need"),
    path("transfer/achievements/", achievements.achievement_list, name="achievement_list"),
    path(
        "transfer/achievements/new/",
        achievements.achievement_create_page,
        name="achievement_create",
    ),
    path(
        "transfer/achievements/export.xlsx",
        sheets.achievement_export,
        name="achievement_export",
    ),
    path(
        "transfer/achievements/template.xlsx",
        sheets.achievement_template,
        name="achievement_template",
    ),
    path("transfer/achievements/import/", sheets.achievement_import, name="achievement_import"),
    path(
        "transfer/achievements/<int:pk>/",
        achievements.achievement_detail,
        name="achievement_detail",
    ),
    path(
        "transfer/achievements/<int:pk>/edit/",
        achievements.achievement_edit,
        name="achievement_edit",
    ),
    path(
        "transfer/achievements/<int:pk>/<slug:move>/",
        achievements.achievement_move,
        name="achievement_move",
    ),
    path("transfer/needs/", needs.need_list, name="need_list"),
    path("transfer/needs/new/", needs.need_create, name="need_create"),
    path("transfer/needs/export.xlsx", sheets.need_export, name="need_export"),
    path("transfer/needs/template.xlsx", sheets.need_template, name="need_template"),
    path("transfer/needs/import/", sheets.need_import, name="need_import"),
    path("transfer/needs/<int:pk>/edit/", needs.need_edit, name="need_edit"),
    path("transfer/needs/<int:pk>/close/", needs.need_close, name="need_close"),
    path("transfer/deals/", deals.deal_list, name="deal_list"),
    path("transfer/deals/new/", deals.deal_create_page, name="deal_create"),
    path("transfer/deals/summary/", deals.deal_summary, name="deal_summary"),
    path("transfer/deals/export.xlsx", sheets.deal_export, name="deal_export"),
    path("transfer/deals/template.xlsx", sheets.deal_template, name="deal_template"),
    path("transfer/deals/import/", sheets.deal_import, name="deal_import"),
    path("transfer/deals/<int:pk>/", deals.deal_detail, name="deal_detail"),
    path("transfer/deals/<int:pk>/edit/", deals.deal_edit, name="deal_edit"),
    path("transfer/deals/<int:pk>/contract/", deals.deal_contract, name="deal_contract"),
]
