"""Forms of the challenge pages: the challenge with its two tables, reasons, the board filter."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from tuwei.accounts.models import Organization, Region, User
from tuwei.accounts.roles import Role
from tuwei.chains.models import Chain, ChainNode, Cluster
from tuwei.challenges.models import Challenge, Indicator, Milestone
from tuwei.challenges.services.drafting import EDITABLE_FIELDS

DEADLINE_FORMAT = "%Y-%m-%dT%H:%M"
PHONE_PATTERN = r"^[0-9+\- ]{7,20}$"


class ChallengeForm(forms.ModelForm):
    """The challenge's own fields. Which owner and region one may choose depends on the role:
    an enterprise proposes for itself, a bureau for organisations of its region."""

    deadline = forms.DateTimeField(
        label=_("Application deadline (Beijing time)"),
        required=False,
        input_formats=[DEADLINE_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DEADLINE_FORMAT),
    )
    allowed_kinds = forms.MultipleChoiceField(
        label=_("Organisation types that may apply"),
        choices=Organization.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to admit every type."),
    )
    contact_phone = forms.RegexField(
        label=_("Contact phone"),
        regex=PHONE_PATTERN,
        required=False,
        error_messages={"invalid": _("Enter a phone number: digits, spaces, + and - only.")},
    )

    class Meta:
        model = Challenge
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 6}),
            "deliverables": forms.Textarea(attrs={"rows": 3}),
            "acceptance": forms.Textarea(attrs={"rows": 3}),
            "conditions": forms.Textarea(attrs={"rows": 3}),
            "ip_terms": forms.Textarea(attrs={"rows": 3}),
            "gov_funding": forms.NumberInput(attrs={"min": 0, "step": "0.01"}),
            "enterprise_funding": forms.NumberInput(attrs={"min": 0, "step": "0.01"}),
        }
        help_texts = {
            "gov_funding": _("In yuan: 3500000 is 350 万元."),
            "enterprise_funding": _("In yuan."),
        }

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].required = True
        approved = Organization.objects.filter(status=Organization.Status.APPROVED)
        nodes = ChainNode.objects.select_related("chain").order_by("chain__code", "order")
        node_field: Any = self.fields["node"]
        node_field.queryset = nodes
        node_field.label_from_instance = lambda node: f"{node.chain} · {node}"
        is_officer = actor.has_role(Role.OFFICER)
        if not is_officer and actor.has_role(Role.ENTERPRISE):
            del self.fields["owner"]  # always the user's own organisation
        elif not is_officer and actor.has_role(Role.BUREAU):
            owner_field: Any = self.fields["owner"]
            owner_field.queryset = approved.filter(region=actor.region)
            del self.fields["region"]  # always the bureau's region
        else:
            owner_field = self.fields["owner"]
            owner_field.queryset = approved

    def clean_title(self) -> str:
        return " ".join(self.cleaned_data["title"].split())


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "comparator", "target", "unit", "verification"]
        widgets = {"target": forms.NumberInput(attrs={"step": "any"})}


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "month_offset", "deliverable"]
        widgets = {"month_offset": forms.NumberInput(attrs={"min": 1, "max": 120})}


class RowFormSet(forms.BaseFormSet):
    """A table of rows; blank extra rows are ignored, ticked rows are deleted."""

    def rows(self) -> list[dict[str, Any]]:
        return [
            {key: value for key, value in form.cleaned_data.items() if key != "DELETE"}
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


IndicatorFormSet = cast(
    type[RowFormSet],
    forms.formset_factory(
        IndicatorForm, formset=RowFormSet, extra=2, can_delete=True, max_num=30, validate_max=True
    ),
)
MilestoneFormSet = cast(
    type[RowFormSet],
    forms.formset_factory(
        MilestoneForm, formset=RowFormSet, extra=2, can_delete=True, max_num=30, validate_max=True
    ),
)


def indicator_initial(challenge: Challenge | None) -> list[dict[str, Any]]:
    if challenge is None:
        return []
    return [
        {f: getattr(row, f) for f in ("name", "comparator", "target", "unit", "verification")}
        for row in challenge.indicators.all()
    ]


def milestone_initial(challenge: Challenge | None) -> list[dict[str, Any]]:
    if challenge is None:
        return []
    return [
        {f: getattr(row, f) for f in ("title", "month_offset", "deliverable")}
        for row in challenge.milestones.all()
    ]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class MergeForm(forms.Form):
    into = forms.IntegerField(
        label=_("Merge into challenge number"),
        min_value=1,
        help_text=_("The number shown as # on the challenge that stays."),
    )
    reason = forms.CharField(label=_("Note"), max_length=200, required=False)


class BoardFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, strip=True)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("open", _("Open")), ("closed", _("Closed")), ("all", _("All"))],
    )
    cluster = forms.ModelChoiceField(
        label=_("Cluster"), queryset=Cluster.objects.all(), required=False
    )
    chain = forms.ModelChoiceField(label=_("Chain"), queryset=Chain.objects.all(), required=False)
    region = forms.ModelChoiceField(
        label=_("League/city"), queryset=Region.objects.all(), required=False
    )
    funding_min = forms.DecimalField(
        label=_("Funding from (10k yuan)"), min_value=0, required=False, max_digits=12
    )
    funding_max = forms.DecimalField(
        label=_("to (10k yuan)"), min_value=0, required=False, max_digits=12
    )
    deadline_from = forms.DateField(
        label=_("Deadline from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    deadline_to = forms.DateField(
        label=_("to"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_q(self) -> str:
        return self.cleaned_data["q"][:200]

    def valid_values(self) -> dict[str, Any]:
        """The filters that parsed; a bad one is shown as an error and otherwise ignored."""
        self.is_valid()
        values = {
            name: value for name, value in self.cleaned_data.items() if value not in ("", None)
        }
        values.setdefault("status", "open")
        return values
