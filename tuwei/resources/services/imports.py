"""Importing the resources registries from xlsx (officers only).

Rows are checked by row forms (codes resolved to records) and saved through the same
services as the web forms; records are matched by their natural keys (facts by
enterprise and year, certificates by number, platforms and consortia by name,
facilities by asset code, commissioners by name and organisation), so importing a
corrected file updates instead of duplicating.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tuwei.accounts.models import Organization, Region, User
from tuwei.chains.models import Chain
from tuwei.core.audit import log_action
from tuwei.core.xlsx_import import (
    CodeField,
    FlagField,
    ImportResult,
    Row,
    Sheet,
    by_code,
    import_rows,
    many_by_code,
    read_rows,
    validated,
)
from tuwei.resources import sheets
from tuwei.resources.errors import ResourcesError
from tuwei.resources.models import Commissioner, Consortium, Facility, Platform
from tuwei.resources.models.qualifications import YEAR_VALIDATORS
from tuwei.resources.selectors.scope import is_officer
from tuwei.resources.services import directories, qualifications

CERTIFICATE_DATES = _("Give both dates of the certificate.")


def _organizations(kind: str | None = None) -> Any:
    organizations = Organization.objects.filter(status=Organization.Status.APPROVED)
    return organizations.filter(kind=kind) if kind else organizations


def _year(**kwargs: Any) -> forms.IntegerField:
    return forms.IntegerField(validators=YEAR_VALIDATORS, **kwargs)


class QualificationRowForm(forms.Form):
    credit_code = by_code(_organizations(Organization.Kind.ENTERPRISE), "credit_code")
    year = _year()
    rd_spending = forms.DecimalField(min_value=0, max_digits=14, decimal_places=2)
    has_rd_institution = FlagField()
    invention_patents = forms.IntegerField(min_value=0)
    high_tech_number = forms.CharField(max_length=40, required=False)
    high_tech_valid_from = forms.DateField(required=False)
    high_tech_valid_to = forms.DateField(required=False)
    sme_number = forms.CharField(max_length=40, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        dates = (data.get("high_tech_valid_from"), data.get("high_tech_valid_to"))
        if data.get("high_tech_number") and not all(dates):
            self.add_error("high_tech_valid_from", CERTIFICATE_DATES)
        return data


class PlatformRowForm(forms.Form):
    name = forms.CharField(max_length=150)
    kind = CodeField(choices=Platform.Kind.choices)
    level = CodeField(choices=Platform.Level.choices)
    host_credit_code = by_code(_organizations(), "credit_code")
    year = _year()
    region_code = by_code(Region.objects.all(), "code", required=False)
    description = forms.CharField(required=False)
    is_public = FlagField()


class FacilityRowForm(forms.Form):
    code = forms.CharField(max_length=40)
    name = forms.CharField(max_length=150)
    host_credit_code = by_code(_organizations(), "credit_code")
    original_value = forms.DecimalField(min_value=0, max_digits=14, decimal_places=2)
    region_code = by_code(Region.objects.all(), "code", required=False)
    description = forms.CharField(required=False)
    is_public = FlagField()
    usage_year = _year(required=False)
    effective_hours = forms.DecimalField(
        min_value=0, max_digits=6, decimal_places=1, required=False
    )
    external_hours = forms.DecimalField(min_value=0, max_digits=6, decimal_places=1, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("usage_year"):
            for name in ("effective_hours", "external_hours"):
                if data.get(name) is None:
                    self.add_error(name, _("Required with a sharing year."))
        return data


class ConsortiumRowForm(forms.Form):
    name = forms.CharField(max_length=150)
    lead_credit_code = by_code(_organizations(Organization.Kind.ENTERPRISE), "credit_code")
    year = _year()
    members = many_by_code(_organizations(), "credit_code", required=False)
    chain_code = by_code(Chain.objects.all(), "code", required=False)
    region_code = by_code(Region.objects.all(), "code", required=False)
    description = forms.CharField(required=False)


class CommissionerRowForm(forms.Form):
    name = forms.CharField(max_length=50)
    organization_credit_code = by_code(_organizations(), "credit_code")
    expertise = forms.CharField()
    region_code = by_code(Region.objects.all(), "code", required=False)
    enterprises = many_by_code(
        _organizations(Organization.Kind.ENTERPRISE), "credit_code", required=False
    )


def save_qualification(actor: User, row: Row, request: HttpRequest | None) -> None:
    values = validated(QualificationRowForm(row.values))
    enterprise = values["credit_code"]
    qualifications.rd_facts_record(
        actor=actor,
        organization=enterprise,
        year=values["year"],
        rd_spending=values["rd_spending"],
        has_rd_institution=values["has_rd_institution"],
        invention_patents=values["invention_patents"],
        request=request,
    )
    if values["high_tech_number"]:
        qualifications.high_tech_record(
            actor=actor,
            organization=enterprise,
            number=values["high_tech_number"],
            valid_from=values["high_tech_valid_from"],
            valid_to=values["high_tech_valid_to"],
            request=request,
        )
    if values["sme_number"]:
        qualifications.sme_record(
            actor=actor,
            organization=enterprise,
            year=values["year"],
            number=values["sme_number"],
            request=request,
        )


def save_platform(actor: User, row: Row, request: HttpRequest | None) -> None:
    values = validated(PlatformRowForm(row.values))
    fields = {
        "name": values["name"],
        "kind": values["kind"],
        "level": values["level"],
        "host": values["host_credit_code"],
        "year": values["year"],
        "region": values["region_code"],
        "description": values["description"],
        "is_public": values["is_public"],
    }
    existing = Platform.objects.filter(name=values["name"]).first()
    directories.platform_save(actor=actor, values=fields, platform=existing, request=request)


def save_facility(actor: User, row: Row, request: HttpRequest | None) -> None:
    values = validated(FacilityRowForm(row.values))
    fields = {
        "code": values["code"],
        "name": values["name"],
        "host": values["host_credit_code"],
        "original_value": values["original_value"],
        "region": values["region_code"],
        "description": values["description"],
        "is_public": values["is_public"],
    }
    existing = Facility.objects.filter(code=values["code"]).first()
    facility = directories.facility_save(
        actor=actor, values=fields, facility=existing, request=request
    )
    if values["usage_year"]:
        directories.facility_usage_record(
            actor=actor,
            facility=facility,
            year=values["usage_year"],
            effective_hours=values["effective_hours"],
            external_hours=values["external_hours"],
            request=request,
        )


def save_consortium(actor: User, row: Row, request: HttpRequest | None) -> None:
    values = validated(ConsortiumRowForm(row.values))
    fields = {
        "name": values["name"],
        "lead": values["lead_credit_code"],
        "year": values["year"],
        "chain": values["chain_code"],
        "region": values["region_code"],
        "description": values["description"],
    }
    existing = Consortium.objects.filter(name=values["name"]).first()
    directories.consortium_save(
        actor=actor,
        values=fields,
        members=values["members"],
        consortium=existing,
        request=request,
    )


def save_commissioner(actor: User, row: Row, request: HttpRequest | None) -> None:
    values = validated(CommissionerRowForm(row.values))
    fields = {
        "name": values["name"],
        "organization": values["organization_credit_code"],
        "expertise": values["expertise"],
        "region": values["region_code"],
    }
    existing = Commissioner.objects.filter(
        name=values["name"], organization=values["organization_credit_code"]
    ).first()
    directories.commissioner_save(
        actor=actor,
        values=fields,
        enterprises=values["enterprises"],
        commissioner=existing,
        request=request,
    )


Saver = Callable[[User, Row, HttpRequest | None], None]
REGISTRIES: dict[str, tuple[Sheet, Saver]] = {
    "qualifications": (sheets.QUALIFICATION_SHEET, save_qualification),
    "platforms": (sheets.PLATFORM_SHEET, save_platform),
    "facilities": (sheets.FACILITY_SHEET, save_facility),
    "consortia": (sheets.CONSORTIUM_SHEET, save_consortium),
    "commissioners": (sheets.COMMISSIONER_SHEET, save_commissioner),
}


def registry_import(
    *,
    actor: User,
    registry: str,
    data: IO[bytes],
    name: str = "",
    size: int | None = None,
    import_valid_rows: bool = False,
    request: HttpRequest | None = None,
) -> ImportResult:
    """Import one registry's workbook; every row through that registry's service."""
    if not is_officer(actor):
        raise ResourcesError(ResourcesError.NOT_ALLOWED, code="not_allowed")
    sheet, saver = REGISTRIES[registry]
    rows = read_rows(sheet, data, name=name, size=size)
    result = import_rows(
        rows, save_row=lambda row: saver(actor, row, request), import_valid_rows=import_valid_rows
    )
    log_action(
        None,
        f"resources.{registry}.import",
        actor=actor,
        data={
            "file": name,
            "rows": result.rows,
            "saved": result.saved,
            "errors": len(result.errors),
        },
        request=request,
    )
    return result
