"""Computed indicators over the resources app's data: qualifications, platforms, consortia.

Registered from PlansConfig.ready() only when the resources models (and the fields these
queries read) exist, so plan monitoring works on a checkout without that app.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from tuwei.plans.queries import register_query

NEEDED_FIELDS = {
    "HighTechCertificate": ("organization", "valid_from", "valid_to"),
    "SmeRegistration": ("organization", "year"),
    "Platform": ("kind", "region", "year"),
    "Consortium": ("region", "year"),
    "RdFacts": ("organization", "year", "rd_spending", "has_rd_institution", "invention_patents"),
}


def resources_ready() -> bool:
    try:
        config = apps.get_app_config("resources")
    except LookupError:
        return False
    for model_name, fields in NEEDED_FIELDS.items():
        try:
            model = config.get_model(model_name)
            for field in fields:
                model._meta.get_field(field)
        except (LookupError, FieldDoesNotExist):
            return False
    return True


def _by_region(rows: object) -> dict[int | None, Decimal]:
    return {region_id: Decimal(count) for region_id, count in rows if region_id}  # type: ignore[attr-defined]


def register_resources_queries() -> bool:
    if not resources_ready():
        return False
    # looked up by name: the resources app is optional for this module
    certificate, registration, platform, consortium, rd_facts = (
        apps.get_model("resources", name) for name in NEEDED_FIELDS
    )

    @register_query(
        "resources.high_tech_count", _("High-tech enterprises holding a valid certificate")
    )
    def high_tech_count(as_of: date) -> dict[int | None, Decimal]:
        rows = (
            certificate.objects.filter(valid_from__lte=as_of, valid_to__gte=as_of)
            .values("organization__region_id")
            .annotate(count=Count("organization", distinct=True))
            .values_list("organization__region_id", "count")
        )
        return _by_region(rows)

    @register_query("resources.tech_sme_count", _("Registered tech-based SMEs of the year"))
    def tech_sme_count(as_of: date) -> dict[int | None, Decimal]:
        rows = (
            registration.objects.filter(year=as_of.year)
            .values("organization__region_id")
            .annotate(count=Count("organization", distinct=True))
            .values_list("organization__region_id", "count")
        )
        return _by_region(rows)

    @register_query(
        "resources.co_built_platforms_new", _("New Beijing–Inner Mongolia co-built platforms")
    )
    def co_built_platforms_new(as_of: date) -> dict[int | None, Decimal]:
        rows = (
            platform.objects.filter(kind="beijing_co_built", year=as_of.year)
            .values("region_id")
            .annotate(count=Count("pk"))
            .values_list("region_id", "count")
        )
        return _by_region(rows)

    @register_query("resources.consortium_count", _("Innovation consortia founded so far"))
    def consortium_count(as_of: date) -> dict[int | None, Decimal]:
        rows = (
            consortium.objects.filter(year__lte=as_of.year)
            .values("region_id")
            .annotate(count=Count("pk"))
            .values_list("region_id", "count")
        )
        return _by_region(rows)

    @register_query("resources.three_zeros_cleared", _("Enterprises that cleared the three zeros"))
    def three_zeros_cleared(as_of: date) -> dict[int | None, Decimal]:
        rows = (
            rd_facts.objects.filter(
                year=as_of.year,
                rd_spending__gt=0,
                has_rd_institution=True,
                invention_patents__gte=1,
            )
            .values("organization__region_id")
            .annotate(count=Count("organization", distinct=True))
            .values_list("organization__region_id", "count")
        )
        return _by_region(rows)

    return True
