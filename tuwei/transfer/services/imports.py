"""Importing achievements, needs and deals from xlsx (officers only).

Each row is checked by a row form (codes resolved to records) and saved through the
same service a web form uses, so every imported row obeys the same rules and is
audited; `tuwei.core.xlsx_import` keeps a file with a bad row out entirely unless
the officer asked to import the valid rows.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

from tuwei.accounts.models import Organization, Region, User
from tuwei.chains.models import ChainNode
from tuwei.core.audit import log_action
from tuwei.core.xlsx_import import (
    LIST_SEPARATORS,
    CodeField,
    ImportResult,
    Row,
    Sheet,
    by_code,
    import_rows,
    many_by_code,
    read_rows,
    validated,
)
from tuwei.transfer.errors import TransferError
from tuwei.transfer.models import Achievement, Deal, IpRecord
from tuwei.transfer.services.achievements import IpItem, OwnerShare, achievement_create
from tuwei.transfer.services.deals import InventorItem, deal_create
from tuwei.transfer.services.needs import need_create
from tuwei.transfer.sheets import ACHIEVEMENT_SHEET, DEAL_SHEET, NEED_SHEET

BAD_PAIR = _("%(value)s is not in the form code:share.")
BAD_IP = _("%(value)s is not in the form number|date|status.")
UNKNOWN_ORGANIZATION = _("No approved organisation has the credit code %(value)s.")
# the column a service's refusal points at, so the row error names it
COLUMN_OF = {
    "shares_not_100": "owners",
    "duplicate_owner": "owners",
    "no_owners": "owners",
    "own_organization_required": "owners",
    "duplicate_ip": "ip_records",
    "no_sellers": "sellers",
    "buyer_is_seller": "buyer_credit_code",
    "licence_scope": "licence_scope",
    "inventor_shares_over_100": "inventors",
    "duplicate_registration": "registration_number",
}


def _organizations() -> Any:
    return Organization.objects.filter(status=Organization.Status.APPROVED)


def _share(text: str, entry: str) -> Decimal:
    try:
        share = Decimal(text.strip().rstrip("%"))
    except InvalidOperation as exc:
        raise ValidationError(BAD_PAIR, params={"value": entry}) from exc
    return share


def parse_owners(text: str) -> list[OwnerShare]:
    owners = []
    for entry in (part.strip() for part in LIST_SEPARATORS.split(text or "") if part.strip()):
        code, separator, share = entry.replace("：", ":").partition(":")
        if not separator:
            raise ValidationError(BAD_PAIR, params={"value": entry})
        organization = _organizations().filter(credit_code=code.strip().upper()).first()
        if organization is None:
            raise ValidationError(UNKNOWN_ORGANIZATION, params={"value": code.strip()})
        owners.append(OwnerShare(organization, _share(share, entry)))
    return owners


def parse_ip_records(text: str) -> list[IpItem]:
    items = []
    statuses = set(IpRecord.Status.values)
    for entry in (part.strip() for part in LIST_SEPARATORS.split(text or "") if part.strip()):
        parts = [part.strip() for part in entry.split("|")]
        day = parse_date(parts[1]) if len(parts) == 3 else None
        if len(parts) != 3 or day is None or parts[2].lower() not in statuses:
            raise ValidationError(BAD_IP, params={"value": entry})
        items.append(IpItem(parts[0], day, parts[2].lower()))
    return items


def parse_inventors(text: str) -> list[InventorItem]:
    items = []
    for entry in (part.strip() for part in LIST_SEPARATORS.split(text or "") if part.strip()):
        name, separator, share = entry.replace("：", ":").partition(":")
        if not separator or not name.strip():
            raise ValidationError(BAD_PAIR, params={"value": entry})
        items.append(InventorItem(name.strip(), _share(share, entry)))
    return items


class AchievementRowForm(forms.Form):
    kind = CodeField(choices=Achievement.Kind.choices)
    title = forms.CharField(max_length=200)
    summary = forms.CharField()
    trl = forms.IntegerField(min_value=1, max_value=9)
    owners = forms.CharField()
    chain_node_code = by_code(ChainNode.objects.all(), "code", required=False)
    region_code = by_code(Region.objects.all(), "code", required=False)
    visibility = CodeField(choices=Achievement.Visibility.choices, required=False)
    ip_records = forms.CharField(required=False)
    confidential_detail = forms.CharField(required=False)

    def clean_owners(self) -> list[OwnerShare]:
        return parse_owners(self.cleaned_data["owners"])

    def clean_ip_records(self) -> list[IpItem]:
        return parse_ip_records(self.cleaned_data["ip_records"])


class NeedRowForm(forms.Form):
    enterprise_credit_code = by_code(_organizations(), "credit_code")
    title = forms.CharField(max_length=200)
    description = forms.CharField()
    contact_name = forms.CharField(max_length=50)
    contact_phone = forms.CharField(max_length=30)
    chain_node_code = by_code(ChainNode.objects.all(), "code", required=False)
    budget = forms.DecimalField(min_value=0, max_digits=14, decimal_places=2, required=False)
    deadline = forms.DateField(required=False)


class DealRowForm(forms.Form):
    kind = CodeField(choices=Deal.Kind.choices)
    title = forms.CharField(max_length=200)
    sellers = many_by_code(_organizations(), "credit_code")
    buyer_credit_code = by_code(_organizations(), "credit_code")
    amount = forms.DecimalField(min_value=0, max_digits=14, decimal_places=2)
    signed_on = forms.DateField()
    licence_scope = CodeField(choices=Deal.LicenceScope.choices, required=False)
    region_code = by_code(Region.objects.all(), "code", required=False)
    chain_node_code = by_code(ChainNode.objects.all(), "code", required=False)
    registration_number = forms.CharField(max_length=40, required=False)
    inventors = forms.CharField(required=False)

    def clean_inventors(self) -> list[InventorItem]:
        return parse_inventors(self.cleaned_data["inventors"])


def _run(
    *,
    actor: User,
    perm: str,
    sheet: Sheet,
    action: str,
    save_row: Any,
    data: IO[bytes],
    name: str,
    size: int | None,
    import_valid_rows: bool,
    request: HttpRequest | None,
) -> ImportResult:
    if not actor.has_perm(perm):
        raise TransferError(TransferError.NOT_ALLOWED, code="not_allowed")
    rows = read_rows(sheet, data, name=name, size=size)

    def save_naming_the_column(row: Row) -> None:
        try:
            save_row(row)
        except TransferError as exc:
            exc.column = COLUMN_OF.get(exc.code, "")  # type: ignore[attr-defined]
            raise

    result = import_rows(rows, save_row=save_naming_the_column, import_valid_rows=import_valid_rows)
    log_action(
        None,
        action,
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


def achievement_import(
    *,
    actor: User,
    data: IO[bytes],
    name: str = "",
    size: int | None = None,
    import_valid_rows: bool = False,
    request: HttpRequest | None = None,
) -> ImportResult:
    """Each row becomes a draft achievement for its owners to submit."""

    def save(row: Row) -> None:
        values = validated(AchievementRowForm(row.values))
        achievement_create(
            actor=actor,
            values={
                "kind": values["kind"],
                "title": values["title"],
                "summary": values["summary"],
                "trl": values["trl"],
                "chain_node": values["chain_node_code"],
                "region": values["region_code"],
                "visibility": values["visibility"] or Achievement.Visibility.PUBLIC,
            },
            owners=values["owners"],
            ip_records=values["ip_records"],
            confidential_detail=values["confidential_detail"],
            request=request,
        )

    return _run(
        actor=actor,
        perm="transfer.import_achievements",
        sheet=ACHIEVEMENT_SHEET,
        action="transfer.achievement.import",
        save_row=save,
        data=data,
        name=name,
        size=size,
        import_valid_rows=import_valid_rows,
        request=request,
    )


def need_import(
    *,
    actor: User,
    data: IO[bytes],
    name: str = "",
    size: int | None = None,
    import_valid_rows: bool = False,
    request: HttpRequest | None = None,
) -> ImportResult:
    def save(row: Row) -> None:
        values = validated(NeedRowForm(row.values))
        need_create(
            actor=actor,
            organization=values.pop("enterprise_credit_code"),
            values={**values, "chain_node": values.pop("chain_node_code")},
            request=request,
        )

    return _run(
        actor=actor,
        perm="transfer.import_needs",
        sheet=NEED_SHEET,
        action="transfer.need.import",
        save_row=save,
        data=data,
        name=name,
        size=size,
        import_valid_rows=import_valid_rows,
        request=request,
    )


def deal_import(
    *,
    actor: User,
    data: IO[bytes],
    name: str = "",
    size: int | None = None,
    import_valid_rows: bool = False,
    request: HttpRequest | None = None,
) -> ImportResult:
    def save(row: Row) -> None:
        values = validated(DealRowForm(row.values))
        deal_create(
            actor=actor,
            values={
                "kind": values["kind"],
                "licence_scope": values["licence_scope"],
                "title": values["title"],
                "buyer": values["buyer_credit_code"],
                "amount": values["amount"],
                "signed_on": values["signed_on"],
                "region": values["region_code"],
                "chain_node": values["chain_node_code"],
                "registration_number": values["registration_number"],
            },
            sellers=list(values["sellers"]),
            inventors=values["inventors"],
            request=request,
        )

    return _run(
        actor=actor,
        perm="transfer.import_deals",
        sheet=DEAL_SHEET,
        action="transfer.deal.import",
        save_row=save,
        data=data,
        name=name,
        size=size,
        import_valid_rows=import_valid_rows,
        request=request,
    )
