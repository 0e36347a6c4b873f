"""Forms of plan monitoring. Values are typed as text and parsed by the services, so a
bad number gets the same message on the page as in a spreadsheet upload."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tuwei.accounts.models import Region
from tuwei.plans.models import Indicator, Plan, ReportValue
from tuwei.plans.queries import query_choices
from tuwei.programs.models import Program


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = [
            "year",
            "title",
            "program",
            "document",
            "red_below",
            "yellow_below",
            "report_due_days",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = Program.objects.all()  # type: ignore[attr-defined]
        self.fields["document"].widget = forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"})

    def validate_unique(self) -> None:
        """Uniqueness is the service's to report, in its own words."""


class IndicatorForm(forms.ModelForm):
    query_code = forms.ChoiceField(label=_("Computed from"), required=False, choices=())

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "name_en",
            "unit",
            "kind",
            "direction",
            "aggregation",
            "accumulates",
            "target",
            "baseline",
            "department",
            "frequency",
            "query_code",
            "previous",
            "red_below",
            "yellow_below",
            "order",
        ]

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["query_code"].choices = query_choices()  # type: ignore[attr-defined]
        self.fields["previous"].queryset = (  # type: ignore[attr-defined]
            Indicator.objects.filter(plan__year__lt=plan.year).select_related("plan")
        )

    def validate_unique(self) -> None:
        """The service reports a duplicate code."""


class BreakdownForm(forms.Form):
    """One target (and weight) field per league/city."""

    def __init__(
        self, *args: Any, indicator: Indicator, regions: list[Region], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.regions = regions
        existing = {row.region_id: row for row in indicator.breakdown.all()}
        for region in regions:
            row = existing.get(region.pk)
            self.fields[f"target_{region.code}"] = forms.DecimalField(
                label=str(region),
                required=False,
                max_digits=18,
                decimal_places=4,
                initial=row.target if row else None,
            )
            if indicator.aggregation == Indicator.Aggregation.WEIGHTED_MEAN:
                self.fields[f"weight_{region.code}"] = forms.DecimalField(
                    label=_("Weight of %(region)s") % {"region": region},
                    required=False,
                    max_digits=18,
                    decimal_places=4,
                    initial=row.weight if row else None,
                )

    def targets(self) -> dict[Region, Any]:
        return {r: self.cleaned_data.get(f"target_{r.code}") for r in self.regions}

    def weights(self) -> dict[Region, Any]:
        return {r: self.cleaned_data.get(f"weight_{r.code}") for r in self.regions}


class ReportValuesForm(forms.Form):
    note = forms.CharField(
        label=_("Note on the report"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, rows: list[ReportValue], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            code = row.indicator.code
            self.fields[f"value_{code}"] = forms.CharField(
                label=row.indicator.display_name,
                required=False,
                max_length=40,
                initial="" if row.value is None else f"{row.value.normalize():f}",
                widget=forms.TextInput(attrs={"inputmode": "decimal", "data-code": code}),
            )
            self.fields[f"note_{code}"] = forms.CharField(
                label=_("Note"), required=False, max_length=500, initial=row.note
            )

    def values(self) -> dict[str, tuple[Any, str]]:
        return {
            row.indicator.code: (
                self.cleaned_data.get(f"value_{row.indicator.code}", ""),
                self.cleaned_data.get(f"note_{row.indicator.code}", ""),
            )
            for row in self.rows
        }

    def value_field(self, code: str) -> forms.BoundField:
        return self[f"value_{code}"]

    def note_field(self, code: str) -> forms.BoundField:
        return self[f"note_{code}"]


class ReturnForm(forms.Form):
    note = forms.CharField(label=_("Note to the bureau"), required=False, max_length=500)

    def __init__(self, *args: Any, rows: list[ReportValue], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            self.fields[f"reason_{row.indicator.code}"] = forms.CharField(
                label=_("Reason to return %(code)s") % {"code": row.indicator.code},
                required=False,
                max_length=500,
            )

    def reasons(self) -> dict[str, str]:
        return {
            row.indicator.code: self.cleaned_data.get(f"reason_{row.indicator.code}", "")
            for row in self.rows
        }


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Filled-in template (xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("Evidence file (PDF, image or xlsx, up to 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,.xlsx"}),
    )


class RegionWideForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=Indicator.objects.none())
    value = forms.CharField(label=_("Value"), max_length=40)

    def __init__(self, *args: Any, indicators: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators  # type: ignore[attr-defined]
