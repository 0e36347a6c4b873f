"""URLs of the resources app (resources/…)."""

from __future__ import annotations

from django.urls import path

from tuwei.resources.views import directories, networks, qualifications, sheets

app_name = "resources"

urlpatterns = [
    path("resources/enterprises/", qualifications.enterprise_list, name="enterprise_list"),
    path("resources/enterprises/export.xlsx", sheets.enterprise_export, name="enterprise_export"),
    path(
        "resources/enterprises/<int:pk>/",
        qualifications.enterprise_detail,
        name="enterprise_detail",
    ),
    path(
        "resources/enterprises/<int:pk>/facts/",
        qualifications.enterprise_facts,
        name="enterprise_facts",
    ),
    path(
        "resources/enterprises/<int:pk>/high-tech/",
        qualifications.enterprise_high_tech,
        name="enterprise_high_tech",
    ),
    path(
        "resources/enterprises/<int:pk>/sme/", qualifications.enterprise_sme, name="enterprise_sme"
    ),
    path("resources/three-zeros/", qualifications.three_zeros, name="three_zeros"),
    path("resources/platforms/", directories.platform_list, name="platform_list"),
    path("resources/platforms/new/", directories.platform_edit, name="platform_create"),
    path("resources/platforms/export.xlsx", sheets.platform_export, name="platform_export"),
    path("resources/platforms/<int:pk>/", directories.platform_detail, name="platform_detail"),
    path("resources/platforms/<int:pk>/edit/", directories.platform_edit, name="platform_edit"),
    path("resources/facilities/", directories.facility_list, name="facility_list"),
    path("resources/facilities/new/", directories.facility_edit, name="facility_create"),
    path("resources/facilities/export.xlsx", sheets.facility_export, name="facility_export"),
    path("resources/facilities/<int:pk>/", directories.facility_detail, name="facility_detail"),
    path("resources/facilities/<int:pk>/edit/", directories.facility_edit, name="facility_edit"),
    path("resources/facilities/<int:pk>/usage/", directories.facility_usage, name="facility_usage"),
    path("resources/consortia/", networks.consortium_list, name="consortium_list"),
    path("resources/consortia/new/", networks.consortium_edit, name="consortium_create"),
    path("resources/consortia/export.xlsx", sheets.consortium_export, name="consortium_export"),
    path("resources/consortia/<int:pk>/", networks.consortium_detail, name="consortium_detail"),
    path("resources/consortia/<int:pk>/edit/", networks.consortium_edit, name="consortium_edit"),
    path("resources/commissioners/", networks.commissioner_list, name="commissioner_list"),
    path("resources/commissioners/new/", networks.commissioner_edit, name="commissioner_create"),
    path(
        "resources/commissioners/export.xlsx",
        sheets.commissioner_export,
        name="commissioner_export",
    ),
    path(
        "resources/commissioners/<int:pk>/",
        networks.commissioner_detail,
        name="commissioner_detail",
    ),
    path(
        "resources/commissioners/<int:pk>/edit/",
        networks.commissioner_edit,
        name="commissioner_edit",
    ),
    path(
        "resources/commissioners/<int:pk>/logs/new/",
        networks.commissioner_log,
        name="commissioner_log",
    ),
    path(
        "resources/import/<slug:registry>/template.xlsx",
        sheets.registry_template,
        name="registry_template",
    ),
    path("resources/import/<slug:registry>/", sheets.registry_import_page, name="registry_import"),
]
