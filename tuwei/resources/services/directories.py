"""Every change to platforms, facilities, consortia and commissioners (officers only).

One public function per change; they share `_save`, which validates, saves the
fields and many-to-many sets, and writes the audit entry in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.http import HttpRequest

from tuwei.accounts.models import Organization, User
from tuwei.core.audit import log_action
from tuwei.resources.errors import ResourcesError
from tuwei.resources.models import (
    Commissioner,
    Consortium,
    Facility,
    FacilityUsage,
    Platform,
    ServiceLog,
)
from tuwei.resources.selectors.scope import is_officer


def _require_officer(actor: User) -> None:
    if not is_officer(actor):
        raise ResourcesError(ResourcesError.NOT_ALLOWED, code="not_allowed")


def _save(
    actor: User,
    record: models.Model,
    values: dict[str, Any],
    action: str,
    request: HttpRequest | None,
    many: dict[str, Iterable[models.Model]] | None = None,
) -> models.Model:
    creating = record.pk is None
    with transaction.atomic():
        if not creating:
            record = type(record)._default_manager.select_for_update().get(pk=record.pk)
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
        sets: dict[str, list[int]] = {}
        for name, items in (many or {}).items():
            getattr(record, name).set(list(items))
            sets[name] = sorted(item.pk for item in getattr(record, name).all())
        log_action(
            record,
            f"{action}.{'create' if creating else 'update'}",
            actor=actor,
            data={"fields": changed, **sets},
            request=request,
        )
    return record


def _unique(model: type[models.Model], field: str, value: Any, record: Any, error: Any) -> None:
    taken = model._default_manager.filter(**{field: value})
    if record is not None and record.pk:
        taken = taken.exclude(pk=record.pk)
    if taken.exists():
        code = "name_taken" if field == "name" else "code_taken"
        raise ResourcesError(error, code=code, **{field: value})


def platform_save(
    *,
    actor: User,
    values: dict[str, Any],
    platform: Platform | None = None,
    request: HttpRequest | None = None,
) -> Platform:
    """Create a platform, or change the given one."""
    _require_officer(actor)
    _unique(Platform, "name", values.get("name"), platform, ResourcesError.NAME_TAKEN)
    record = platform or Platform()
    values = {**values}
    if values.get("region") is None and values.get("host") is not None:
        values["region"] = values["host"].region
    return _save(actor, record, values, "resources.platform", request)  # type: ignore[return-value]


def facility_save(
    *,
    actor: User,
    values: dict[str, Any],
    facility: Facility | None = None,
    request: HttpRequest | None = None,
) -> Facility:
    _require_officer(actor)
    _unique(Facility, "code", values.get("code"), facility, ResourcesError.CODE_TAKEN)
    values = {**values}
    if values.get("region") is None and values.get("host") is not None:
        values["region"] = values["host"].region
    return _save(actor, facility or Facility(), values, "resources.facility", request)  # type: ignore[return-value]


def facility_usage_record(
    *,
    actor: User,
    facility: Facility,
    year: int,
    effective_hours: Decimal,
    external_hours: Decimal,
    request: HttpRequest | None = None,
) -> FacilityUsage:
    """A year's sharing record, created or corrected; the sharing rate is computed from it."""
    _require_officer(actor)
    usage = FacilityUsage.objects.filter(facility=facility, year=year).first()
    values = {"effective_hours": effective_hours, "external_hours": external_hours}
    return _save(  # type: ignore[return-value]
        actor,
        usage or FacilityUsage(facility=facility, year=year),
        values,
        "resources.facility_usage",
        request,
    )


def consortium_save(
    *,
    actor: User,
    values: dict[str, Any],
    members: Iterable[Organization],
    challenges: Iterable[Any] | None = None,
    consortium: Consortium | None = None,
    request: HttpRequest | None = None,
) -> Consortium:
    """Create or change a consortium; `challenges=None` leaves its challenges as they are."""
    _require_officer(actor)
    _unique(Consortium, "name", values.get("name"), consortium, ResourcesError.NAME_TAKEN)
    lead = values.get("lead")
    members = list(members)
    if lead is not None and lead.kind != Organization.Kind.ENTERPRISE:
        raise ResourcesError(ResourcesError.LEAD_NOT_ENTERPRISE, code="lead_not_enterprise")
    if lead is not None and lead.pk in {member.pk for member in members}:
        raise ResourcesError(ResourcesError.LEAD_NOT_MEMBER, code="lead_is_member")
    values = {**values}
    if values.get("region") is None and lead is not None:
        values["region"] = lead.region
    many: dict[str, Iterable[models.Model]] = {"members": members}
    if challenges is not None:
        many["challenges"] = list(challenges)
    return _save(  # type: ignore[return-value]
        actor, consortium or Consortium(), values, "resources.consortium", request, many
    )


def commissioner_save(
    *,
    actor: User,
    values: dict[str, Any],
    enterprises: Iterable[Organization],
    commissioner: Commissioner | None = None,
    request: HttpRequest | None = None,
) -> Commissioner:
    _require_officer(actor)
    taken = Commissioner.objects.filter(
        name=values.get("name"), organization=values.get("organization")
    )
    if commissioner is not None:
        taken = taken.exclude(pk=commissioner.pk)
    if taken.exists():
        raise ResourcesError(ResourcesError.NAME_TAKEN, code="name_taken", name=values.get("name"))
    return _save(  # type: ignore[return-value]
        actor,
        commissioner or Commissioner(),
        values,
        "resources.commissioner",
        request,
        {"enterprises": list(enterprises)},
    )


def service_log_create(
    *,
    actor: User,
    commissioner: Commissioner,
    enterprise: Organization,
    date: date,
    hours: Decimal,
    outcome: str,
    request: HttpRequest | None = None,
) -> ServiceLog:
    """A day's service to one of the commissioner's assigned enterprises."""
    _require_officer(actor)
    if not commissioner.enterprises.filter(pk=enterprise.pk).exists():
        raise ResourcesError(ResourcesError.NOT_ASSIGNED, code="not_assigned", name=enterprise.name)
    log = ServiceLog(commissioner=commissioner, enterprise=enterprise, created_by=actor)
    values = {"date": date, "hours": hours, "outcome": outcome}
    return _save(actor, log, values, "resources.service_log", request)  # type: ignore[return-value]
