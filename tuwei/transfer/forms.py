"""Forms of the transfer app. They check input; the services enforce the rules."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tuwei.accounts.models import Organization
from tuwei.chains.models import ChainNode
from tuwei.transfer.models import Achievement, Deal, IpRecord, TechNeed
from tuwei.transfer.services.achievements import IpItem, OwnerShare
from tuwei.transfer.services.deals import InventorItem

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def share_field(label: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=Decimal("0.01"),
        max_value=Decimal(100),
        decimal_places=2,
    )


def limit_choices(form: forms.BaseForm, name: str, queryset: Any) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset


def approved_organizations() -> Any:
    return Organization.objects.filter(status=Organization.Status.APPROVED).order_by("name")


class AchievementForm(forms.ModelForm):
    confidential_detail = forms.CharField(
        label=_("Confidential detail"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Shown only to members of the owning organisations and to program officers; "
            "never on the marketplace, in search or in other readers' exports."
        ),
    )

    class Meta:
        model = Achievement
        fields = ["kind", "title", "summary", "trl", "chain_node", "region", "visibility"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "trl": forms.Select(choices=[(n, str(n)) for n in range(1, 10)]),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "chain_node", ChainNode.objects.select_related("chain"))


class OwnerForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=approved_organizations(), required=False
    )
    share = share_field(_("Share (%)"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("organization") and data.get("share") is None:
            self.add_error("share", _("Give this owner's share."))
        if data.get("share") is not None and not data.get("organization"):
            self.add_error("organization", _("Choose the organisation for this share."))
        return data


class IpForm(forms.Form):
    number = forms.CharField(label=_("Number"), max_length=60, required=False)
    date = forms.DateField(label=_("Date"), required=False, widget=DATE)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", "—"), *IpRecord.Status.choices], required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("number"):
            for name in ("date", "status"):
                if not data.get(name):
                    self.add_error(name, _("Required with a number."))
        return data


OwnerFormSet = forms.formset_factory(OwnerForm, extra=3)
IpFormSet = forms.formset_factory(IpForm, extra=2)


def owners_from(formset: Any) -> list[OwnerShare]:
    return [
        OwnerShare(form.cleaned_data["organization"], form.cleaned_data["share"])
        for form in formset.forms
        if form.cleaned_data.get("organization")
    ]


def ip_from(formset: Any) -> list[IpItem]:
    return [
        IpItem(form.cleaned_data["number"], form.cleaned_data["date"], form.cleaned_data["status"])
        for form in formset.forms
        if form.cleaned_data.get("number")
    ]


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )


class NeedForm(forms.ModelForm):
    organization = forms.ModelChoiceField(
        label=_("Enterprise"),
        queryset=approved_organizations().filter(kind=Organization.Kind.ENTERPRISE),
        required=False,
        help_text=_("Officers post on behalf of an enterprise."),
    )

    class Meta:
        model = TechNeed
        fields = [
            "title",
            "description",
            "chain_node",
            "budget",
            "deadline",
            "contact_name",
            "contact_phone",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5}), "deadline": DATE}

    def __init__(self, *args: Any, officer: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not officer or self.instance.pk:
            del self.fields["organization"]


class DealForm(forms.ModelForm):
    sellers = forms.ModelMultipleChoiceField(
        label=_("Sellers"),
        queryset=approved_organizations(),
        help_text=_("The owners who transfer, license or contribute the technology."),
    )
    contract_file = forms.FileField(
        label=_("Contract (PDF, at most 20 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    class Meta:
        model = Deal
        fields = [
            "kind",
            "licence_scope",
            "title",
            "achievement",
            "sellers",
            "buyer",
            "amount",
            "signed_on",
            "region",
            "chain_node",
            "registration_number",
        ]
        widgets = {"signed_on": DATE}

    def __init__(self, *args: Any, achievements: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "buyer", approved_organizations())
        self.fields["region"].help_text = _(
            "Where the contract is registered. Empty: the first seller's league/city, "
            "else the buyer's."
        )
        limit_choices(self, "chain_node", ChainNode.objects.select_related("chain"))
        if achievements is not None:
            limit_choices(self, "achievement", achievements)
        if self.instance.pk:
            self.initial["sellers"] = list(self.instance.sellers.values_list("pk", flat=True))


class InventorForm(forms.Form):
    name = forms.CharField(label=_("Inventor"), max_length=50, required=False)
    share = share_field(_("Share of revenue (%)"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("name")) != (data.get("share") is not None):
            self.add_error(None, _("Give both the inventor's name and share."))
        return data


InventorFormSet = forms.formset_factory(InventorForm, extra=3)


def inventors_from(formset: Any) -> list[InventorItem]:
    return [
        InventorItem(form.cleaned_data["name"], form.cleaned_data["share"])
        for form in formset.forms
        if form.cleaned_data.get("name")
    ]
