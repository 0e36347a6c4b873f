"""Recording an enterprise's qualifications: officers for any, an enterprise for itself.

Each `*_record` creates the record or updates the one it names (facts by enterprise
and year, a certificate by its number, an SME registration by enterprise and year),
so a correction and a yearly import take the same path.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.http import HttpRequest

from tuwei.accounts.models import Organization, User
from tuwei.core.audit import log_action
from tuwei.resources.errors import ResourcesError
from tuwei.resources.models import HighTechCertificate, RdFacts, SmeRegistration
from tuwei.resources.selectors.qualifications import can_edit_qualifications


def _require(actor: User, organization: Organization) -> None:
    if not actor.is_authenticated or not can_edit_qualifications(actor, organization):
        raise ResourcesError(ResourcesError.NOT_ALLOWED, code="not_allowed")
    if organization.kind != Organization.Kind.ENTERPRISE:
        raise ResourcesError(ResourcesError.NOT_ENTERPRISE, code="not_enterprise")


def _save(
    actor: User,
    record: models.Model,
    values: dict[str, Any],
    action: str,
    request: HttpRequest | None,
) -> models.Model:
    """Set the values, validate, save and audit (create or update)."""
    creating = record.pk is None
    changed = (
        list(values)
        if creating
        else [name for name, value in values.items() if getattr(record, name) != value]
    )
    for name in changed:
        setattr(record, name, values[name])
    record.full_clean(validate_unique=False)
    if creating:
        record.save()
    elif changed:
        record.save(update_fields=changed)
    log_action(
        record,
        f"{action}.{'create' if creating else 'update'}",
        actor=actor,
        data={name: str(values[name]) for name in changed},
        request=request,
    )
    return record


def rd_facts_record(
    *,
    actor: User,
    organization: Organization,
    year: int,
    rd_spending: Decimal,
    has_rd_institution: bool,
    invention_patents: int,
    request: HttpRequest | None = None,
) -> RdFacts:
    """The three facts of a year; 三清零 follows from them and is never set by hand."""
    _require(actor, organization)
    with transaction.atomic():
        facts = RdFacts.objects.select_for_update().filter(
            organization=organization, year=year
        ).first() or RdFacts(organization=organization, year=year)
        values = {
            "rd_spending": rd_spending,
            "has_rd_institution": has_rd_institution,
            "invention_patents": invention_patents,
        }
        _save(actor, facts, values, "resources.rd_facts", request)
    return facts


def high_tech_record(
    *,
    actor: User,
    organization: Organization,
    number: str,
    valid_from: date,
    valid_to: date,
    request: HttpRequest | None = None,
) -> HighTechCertificate:
    _require(actor, organization)
    number = number.strip()
    with transaction.atomic():
        certificate = HighTechCertificate.objects.select_for_update().filter(number=number).first()
        if certificate is not None and certificate.organization_id != organization.pk:
            raise ResourcesError(
                ResourcesError.CERTIFICATE_OTHER_ENTERPRISE, code="certificate_taken", number=number
            )
        certificate = certificate or HighTechCertificate(organization=organization, number=number)
        values = {"valid_from": valid_from, "valid_to": valid_to}
        _save(actor, certificate, values, "resources.high_tech", request)
    return certificate


def sme_record(
    *,
    actor: User,
    organization: Organization,
    year: int,
    number: str,
    request: HttpRequest | None = None,
) -> SmeRegistration:
    _require(actor, organization)
    number = number.strip()
    with transaction.atomic():
        taken = SmeRegistration.objects.filter(number=number).exclude(organization=organization)
        if taken.exists():
            raise ResourcesError(
                ResourcesError.REGISTRATION_OTHER_ENTERPRISE,
                code="registration_taken",
                number=number,
            )
        registration = SmeRegistration.objects.select_for_update().filter(
            organization=organization, year=year
        ).first() or SmeRegistration(organization=organization, year=year)
        _save(actor, registration, {"number": number}, "resources.sme", request)
    return registration
