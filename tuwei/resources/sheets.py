"""The xlsx formats of the resources registries, and their export rows.

Exports use the import's column keys, plus read-only computed columns (三清零, the
sharing rate and benchmark flags) that an import ignores.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tuwei.accounts.models import Organization
from tuwei.core.xlsx_import import Column, Sheet
from tuwei.resources.models import (
    Commissioner,
    Consortium,
    Facility,
    HighTechCertificate,
    Platform,
    RdFacts,
    SmeRegistration,
)

FLAG = (("1", _("yes")), ("0", _("no")))
CREDIT_CODES = _("credit codes, separated by ;")

QUALIFICATION_SHEET = Sheet(
    name=_("enterprise qualifications"),
    columns=(
        Column("credit_code", _("credit code of the enterprise"), required=True),
        Column("year", _("year of the R&D facts"), required=True),
        Column("rd_spending", _("R&D spending in the year, yuan"), required=True),
        Column("has_rd_institution", _("has an R&D institution"), required=True, codes=FLAG),
        Column("invention_patents", _("invention patents held"), required=True),
        Column("high_tech_number", _("high-tech enterprise certificate number, or empty")),
        Column("high_tech_valid_from", _("certificate valid from (date)")),
        Column("high_tech_valid_to", _("certificate valid to (date)")),
        Column("sme_number", _("tech-based SME registration number of the year, or empty")),
    ),
)
QUALIFICATION_EXPORT = Sheet(
    name=QUALIFICATION_SHEET.name,
    columns=(
        *QUALIFICATION_SHEET.columns,
        Column("name", _("enterprise (read-only)")),
        Column("region_code", _("league/city (read-only)")),
        Column(
            "three_zeros",
            _("three zeros cleared in the year (三清零), computed (read-only)"),
            codes=FLAG,
        ),
        Column(
            "three_zeros_new",
            _("first year with the three zeros cleared, computed (read-only)"),
            codes=FLAG,
        ),
    ),
)

PLATFORM_SHEET = Sheet(
    name=_("platforms"),
    columns=(
        Column("name", _("name; an existing platform of this name is updated"), required=True),
        Column("kind", _("type"), required=True, codes=Platform.Kind.choices),
        Column("level", _("level"), required=True, codes=Platform.Level.choices),
        Column("host_credit_code", _("credit code of the host organisation"), required=True),
        Column("year", _("year approved"), required=True),
        Column("region_code", _("division code of the league/city, or empty for the host's")),
        Column("description", _("description")),
        Column("is_public", _("in the public directory"), codes=FLAG),
    ),
)

FACILITY_SHEET = Sheet(
    name=_("facilities"),
    columns=(
        Column("code", _("asset code; an existing facility with it is updated"), required=True),
        Column("name", _("name"), required=True),
        Column("host_credit_code", _("credit code of the host organisation"), required=True),
        Column("original_value", _("original value, yuan"), required=True),
        Column("region_code", _("division code of the league/city, or empty for the host's")),
        Column("description", _("description")),
        Column("is_public", _("in the public directory"), codes=FLAG),
        Column("usage_year", _("year of a sharing record, or empty")),
        Column("effective_hours", _("effective machine hours in that year")),
        Column("external_hours", _("external service hours in that year")),
    ),
)
FACILITY_EXPORT = Sheet(
    name=FACILITY_SHEET.name,
    columns=(
        *FACILITY_SHEET.columns,
        Column("sharing_rate", _("external ÷ effective hours (read-only)")),
        Column("below_benchmark", _("below 1,440 h effective or 240 h external (read-only)")),
    ),
)

CONSORTIUM_SHEET = Sheet(
    name=_("consortia"),
    columns=(
        Column("name", _("name; an existing consortium of this name is updated"), required=True),
        Column("lead_credit_code", _("credit code of the lead enterprise"), required=True),
        Column("year", _("year founded"), required=True),
        Column("members", CREDIT_CODES),
        Column("chain_code", _("code of the industrial chain, or empty")),
        Column("region_code", _("division code of the league/city, or empty for the lead's")),
        Column("description", _("description")),
    ),
)

CONSORTIUM_EXPORT = Sheet(
    name=CONSORTIUM_SHEET.name,
    columns=(
        *CONSORTIUM_SHEET.columns,
        Column("challenges", _("challenges taken on (read-only; set them on the form)")),
    ),
)

COMMISSIONER_SHEET = Sheet(
    name=_("commissioners"),
    columns=(
        Column("name", _("name"), required=True),
        Column("organization_credit_code", _("credit code of their organisation"), required=True),
        Column("expertise", _("expertise"), required=True),
        Column("region_code", _("division code of the league/city served, or empty")),
        Column("enterprises", CREDIT_CODES),
    ),
)


def _flag(value: bool) -> int:
    return 1 if value else 0


def _code(obj: Any) -> str:
    return getattr(obj, "code", "") if obj is not None else ""


def qualification_rows(enterprises: QuerySet[Organization], year: int) -> Iterator[dict[str, Any]]:
    """One row per enterprise for the year; `enterprises` is annotated by with_qualifications."""
    rows = list(enterprises)
    ids = [enterprise.pk for enterprise in rows]
    facts = {f.organization_id: f for f in RdFacts.objects.filter(organization__in=ids, year=year)}
    certificates = {
        c.organization_id: c
        for c in HighTechCertificate.objects.filter(
            organization__in=ids, valid_from__year__lte=year, valid_to__year__gte=year
        ).order_by("valid_from")
    }
    smes = {
        s.organization_id: s
        for s in SmeRegistration.objects.filter(organization__in=ids, year=year)
    }
    for enterprise in rows:
        fact = facts.get(enterprise.pk)
        certificate = certificates.get(enterprise.pk)
        sme = smes.get(enterprise.pk)
        yield {
            "credit_code": enterprise.credit_code,
            "year": year,
            "rd_spending": fact.rd_spending if fact else None,
            "has_rd_institution": _flag(fact.has_rd_institution) if fact else None,
            "invention_patents": fact.invention_patents if fact else None,
            "high_tech_number": certificate.number if certificate else "",
            "high_tech_valid_from": certificate.valid_from.isoformat() if certificate else "",
            "high_tech_valid_to": certificate.valid_to.isoformat() if certificate else "",
            "sme_number": sme.number if sme else "",
            "name": enterprise.name,
            "region_code": _code(enterprise.region),
            "three_zeros": _flag(enterprise.three_zeros),  # type: ignore[attr-defined]
            "three_zeros_new": _flag(enterprise.three_zeros_new),  # type: ignore[attr-defined]
        }


def platform_rows(platforms: QuerySet[Platform]) -> Iterator[dict[str, Any]]:
    for platform in platforms:
        yield {
            "name": platform.name,
            "kind": platform.kind,
            "level": platform.level,
            "host_credit_code": platform.host.credit_code,
            "year": platform.year,
            "region_code": _code(platform.region),
            "description": platform.description,
            "is_public": _flag(platform.is_public),
        }


def facility_rows(facilities: QuerySet[Facility]) -> Iterator[dict[str, Any]]:
    """One row per facility and sharing year (a facility without records: one row)."""
    for facility in facilities:
        base = {
            "code": facility.code,
            "name": facility.name,
            "host_credit_code": facility.host.credit_code,
            "original_value": facility.original_value,
            "region_code": _code(facility.region),
            "description": facility.description,
            "is_public": _flag(facility.is_public),
        }
        usages: list[Any] = list(facility.usages.all()) or [None]
        for usage in usages:
            if usage is None:
                yield base
                continue
            yield {
                **base,
                "usage_year": usage.year,
                "effective_hours": usage.effective_hours,
                "external_hours": usage.external_hours,
                "sharing_rate": usage.sharing_rate,
                "below_benchmark": _flag(
                    usage.below_effective_benchmark or usage.below_external_benchmark
                ),
            }


def consortium_rows(consortia: QuerySet[Consortium]) -> Iterator[dict[str, Any]]:
    for consortium in consortia:
        yield {
            "name": consortium.name,
            "lead_credit_code": consortium.lead.credit_code,
            "year": consortium.year,
            "members": [member.credit_code for member in consortium.members.all()],
            "chain_code": _code(consortium.chain),
            "region_code": _code(consortium.region),
            "description": consortium.description,
            "challenges": [c.title for c in consortium.challenges.all() if c.is_public],
        }


def commissioner_rows(commissioners: QuerySet[Commissioner]) -> Iterator[dict[str, Any]]:
    for commissioner in commissioners:
        yield {
            "name": commissioner.name,
            "organization_credit_code": commissioner.organization.credit_code,
            "expertise": commissioner.expertise,
            "region_code": _code(commissioner.region),
            "enterprises": [org.credit_code for org in commissioner.enterprises.all()],
        }
