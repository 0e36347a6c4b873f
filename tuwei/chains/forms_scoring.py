"""Forms of scoring sessions: open a session, direct weights, the AHP grid, the score grid."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tuwei.chains.models import Criterion, Point, ScoringSession, SessionCriterion
from tuwei.chains.selectors.scoring import comparable_sessions, rater_choices
from tuwei.chains.services.scoring import RATER_ROLES
from tuwei.core.i18n import localise_name, localise_text

# Saaty's verbal scale; the even numbers are the compromises between their neighbours.
INTENSITY = {
    9: _("extremely more important"),
    8: _("very strongly to extremely more important"),
    7: _("very strongly more important"),
    6: _("strongly to very strongly more important"),
    5: _("strongly more important"),
    4: _("moderately to strongly more important"),
    3: _("moderately more important"),
    2: _("slightly more important"),
}
# From "A extremely more important" through "equal" to "B extremely more important".
SAATY_CODES = [str(n) for n in range(9, 1, -1)] + ["1"] + [f"1/{n}" for n in range(2, 10)]


def saaty_code(value: float) -> str:
    """The select option for a stored comparison (nearest scale value)."""
    return min(SAATY_CODES, key=lambda code: abs(float(Fraction(code)) - value))


def pair_choices(name_a: str, name_b: str) -> list[tuple[str, str]]:
    choices = []
    for code in SAATY_CODES:
        value = Fraction(code)
        if value == 1:
            label = str(_("%(a)s and %(b)s equally important")) % {"a": name_a, "b": name_b}
        else:
            winner, n = (name_a, int(value)) if value > 1 else (name_b, int(1 / value))
            label = f"{winner}: {INTENSITY[n]} ({n})"
        choices.append((code, label))
    return choices


class CriteriaField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        kind = _("more is better") if obj.is_benefit else _("cost: less is better")
        return f"{obj} ({kind})"


class PointsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{localise_text(obj.title)} · {obj.node} · {obj.get_status_display()}"


class RatersField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        roles = [grant.get_role_display() for grant in obj.roles.all() if grant.role in RATER_ROLES]
        return f"{obj} ({', '.join(str(role) for role in roles)})" if roles else str(obj)


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=120)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    weight_method = forms.ChoiceField(
        label=_("Weights"),
        choices=ScoringSession.WeightMethod.choices,
        initial=ScoringSession.WeightMethod.AHP,
        widget=forms.RadioSelect,
    )
    scale = forms.ChoiceField(
        label=_("Score scale"),
        choices=ScoringSession.Scale.choices,
        initial=ScoringSession.Scale.SAATY,
        widget=forms.RadioSelect,
    )
    top_n = forms.IntegerField(label=_("Top N for sensitivity"), min_value=1, initial=5)
    criteria = CriteriaField(
        label=_("Criteria"), queryset=Criterion.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    points = PointsField(
        label=_("Points"),
        queryset=Point.objects.exclude(status=Point.Status.DROPPED).select_related(
            "node", "node__chain"
        ),
        widget=forms.CheckboxSelectMultiple,
    )
    raters = RatersField(
        label=_("Raters (program officers and experts)"),
        queryset=rater_choices(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault(
                "criteria",
                list(Criterion.objects.filter(is_default=True).values_list("pk", flat=True)),
            )


class DirectWeightsForm(forms.Form):
    """One weight per criterion; the service checks them and normalises."""

    def __init__(self, rows: Sequence[SessionCriterion], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = list(rows)
        for row in self.rows:
            self.fields[f"w-{row.criterion_id}"] = forms.CharField(
                label=localise_name(row.criterion.name, row.criterion.name_en),
                required=False,  # the service names each missing or bad weight
                initial="" if row.direct_weight is None else f"{row.direct_weight:.4g}",
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            )

    def weights(self) -> dict[int, Any]:
        return {row.criterion_id: self.data.get(f"w-{row.criterion_id}") for row in self.rows}


class AHPGridForm(forms.Form):
    """One select per pair (i, j), i < j, of the session's criteria in position order."""

    def __init__(
        self,
        names: Sequence[str],
        *args: Any,
        stored: dict[tuple[int, int], float] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.names = list(names)
        self.pair_keys: list[tuple[int, int]] = []
        for i in range(len(names)):
            for j in range(i + 1, len(names)):
                key = f"p-{i}-{j}"
                label = str(_("%(a)s compared with %(b)s")) % {"a": names[i], "b": names[j]}
                self.fields[key] = forms.ChoiceField(
                    label=label,
                    choices=pair_choices(names[i], names[j]),
                    initial=saaty_code(stored[(i, j)]) if stored and (i, j) in stored else "1",
                    # an aria-label, not a hidden <label>: hidden labels inside a scrolling
                    # table escape it and widen the page
                    widget=forms.Select(attrs={"aria-label": label}),
                )
                self.pair_keys.append((i, j))

    def pairs(self) -> list[dict[str, Any]]:
        return [
            {"i": i, "j": j, "a": self.names[i], "b": self.names[j], "field": self[f"p-{i}-{j}"]}
            for i, j in self.pair_keys
        ]

    def comparisons(self) -> dict[tuple[int, int], float]:
        return {(i, j): float(Fraction(self.cleaned_data[f"p-{i}-{j}"])) for i, j in self.pair_keys}


class ScoreGridForm(forms.Form):
    """One cell per point and criterion; the service checks the grid as a whole."""

    def __init__(
        self,
        points: Sequence[Point],
        criteria: Sequence[Criterion],
        *args: Any,
        stored: dict[tuple[int, int], float] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.points, self.criteria = list(points), list(criteria)
        for point in self.points:
            for criterion in self.criteria:
                value = (stored or {}).get((point.pk, criterion.pk))
                label = f"{localise_text(point.title)} · {criterion}"
                self.fields[self.key(point.pk, criterion.pk)] = forms.CharField(
                    label=label,
                    required=False,
                    initial="" if value is None else f"{value:g}",
                    widget=forms.TextInput(
                        attrs={"inputmode": "decimal", "size": 4, "aria-label": label}
                    ),
                )

    @staticmethod
    def key(point_id: int, criterion_id: int) -> str:
        return f"s-{point_id}-{criterion_id}"

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "point": point,
                "cells": [self[self.key(point.pk, criterion.pk)] for criterion in self.criteria],
            }
            for point in self.points
        ]

    def values(self) -> dict[tuple[int, int], Any]:
        return {
            (point.pk, criterion.pk): self.data.get(self.key(point.pk, criterion.pk), "")
            for point in self.points
            for criterion in self.criteria
        }


class CompareForm(forms.Form):
    sessions = forms.ModelMultipleChoiceField(
        label=_("Finished sessions"),
        queryset=ScoringSession.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sessions"].queryset = comparable_sessions(user=user)  # type: ignore[attr-defined]

    def clean_sessions(self) -> Any:
        chosen = self.cleaned_data["sessions"]
        if len(chosen) < 2:
            raise forms.ValidationError(_("Choose at least two sessions to compare."))
        return chosen
