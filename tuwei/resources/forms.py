"""Forms of the resources app. They check input; the services enforce the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from tuwei.accounts.models import Organization
from tuwei.resources.models import (
    Commissioner,
    Consortium,
    Facility,
    FacilityUsage,
    HighTechCertificate,
    Platform,
    RdFacts,
    ServiceLog,
    SmeRegistration,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def limit_choices(form: forms.BaseForm, name: str, queryset: Any) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset


def public_challenges() -> Any:
    """Only challenges on the public board can be named as taken on."""
    from tuwei.challenges.models.challenge import PUBLIC_STATUSES, Challenge

    return Challenge.objects.filter(status__in=PUBLIC_STATUSES).order_by("-id")


def approved(kind: str | None = None) -> Any:
    organizations = Organization.objects.filter(status=Organization.Status.APPROVED)
    return organizations.filter(kind=kind) if kind else organizations


class RdFactsForm(forms.ModelForm):
    class Meta:
        model = RdFacts
        fields = ["year", "rd_spending", "has_rd_institution", "invention_patents"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year - 1

    def validate_unique(self) -> None:
        """The service updates the year's facts if they exist; no duplicate error here."""


class HighTechForm(forms.ModelForm):
    class Meta:
        model = HighTechCertificate
        fields = ["number", "valid_from", "valid_to"]
        widgets = {"valid_from": DATE, "valid_to": DATE}

    def validate_unique(self) -> None:
        """The service updates a certificate recorded under the same number."""


class SmeForm(forms.ModelForm):
    class Meta:
        model = SmeRegistration
        fields = ["year", "number"]

    def validate_unique(self) -> None:
        """The service updates the year's registration if it exists."""


class PlatformForm(forms.ModelForm):
    class Meta:
        model = Platform
        fields = ["name", "kind", "level", "host", "region", "year", "description", "is_public"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "host", approved())


class FacilityForm(forms.ModelForm):
    class Meta:
        model = Facility
        fields = ["code", "name", "host", "region", "original_value", "description", "is_public"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "host", approved())


class UsageForm(forms.ModelForm):
    class Meta:
        model = FacilityUsage
        fields = ["year", "effective_hours", "external_hours"]

    def validate_unique(self) -> None:
        """The service corrects the year's record if it exists."""


class ConsortiumForm(forms.ModelForm):
    class Meta:
        model = Consortium
        fields = ["name", "lead", "members", "chain", "region", "year", "challenges", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "lead", approved(Organization.Kind.ENTERPRISE))
        limit_choices(self, "members", approved())
        limit_choices(self, "challenges", public_challenges())


class CommissionerForm(forms.ModelForm):
    class Meta:
        model = Commissioner
        fields = ["name", "organization", "expertise", "region", "enterprises"]
        widgets = {"expertise": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "organization", approved())
        limit_choices(self, "enterprises", approved(Organization.Kind.ENTERPRISE))


class ServiceLogForm(forms.ModelForm):
    class Meta:
        model = ServiceLog
        fields = ["enterprise", "date", "hours", "outcome"]
        widgets = {"date": DATE, "outcome": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, commissioner: Commissioner, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "enterprise", commissioner.enterprises.all())
        self.fields["date"].initial = timezone.localdate()
