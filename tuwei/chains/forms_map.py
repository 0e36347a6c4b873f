"""Forms of the industry map. They collect input; the services in services/map.py decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from tuwei.accounts.models import Organization
from tuwei.chains.models import Chain, ChainNode, Cluster
from tuwei.chains.services.map import CODE_PATTERN, RESERVED_CODES
from tuwei.chains.services.map_import import MAX_UPLOAD_BYTES

code_validator = RegexValidator(
    CODE_PATTERN, _("Use letters, digits, - and _ only, starting with a letter or digit.")
)
CODE_HELP = _("A short stable key such as NE-H2; the xlsx import matches records by it.")


class _CodeMixin:
    def clean_code(self) -> str:
        code = str(self.cleaned_data["code"]).strip()  # type: ignore[attr-defined]
        if code in RESERVED_CODES:
            raise forms.ValidationError(_("This word is reserved; choose another code."))
        return code


class ClusterForm(_CodeMixin, forms.ModelForm):
    class Meta:
        model = Cluster
        fields = ["code", "name", "name_en", "is_leading", "description", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"code": CODE_HELP}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].validators.append(code_validator)


class ChainForm(_CodeMixin, forms.ModelForm):
    class Meta:
        model = Chain
        fields = ["cluster", "code", "name", "name_en", "description", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"code": CODE_HELP}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].validators.append(code_validator)


class ParentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.code} · {obj}"


class NodeForm(_CodeMixin, forms.ModelForm):
    """A node's facts and its parent; the parent list holds the other nodes of its chain."""

    class Meta:
        model = ChainNode
        fields = [
            "code",
            "name",
            "name_en",
            "parent",
            "stage",
            "gap_kind",
            "is_chokepoint",
            "description",
            "order",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"code": CODE_HELP}
        field_classes = {"parent": ParentChoiceField}

    def __init__(self, *args: Any, chain: Chain, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].validators.append(code_validator)
        parent = self.fields["parent"]
        assert isinstance(parent, forms.ModelChoiceField)
        choices = ChainNode.objects.filter(chain=chain).order_by("order", "code")
        if self.instance.pk:
            choices = choices.exclude(pk=self.instance.pk)
        parent.queryset = choices
        parent.empty_label = _("(none: a top-level node of its stage)")
        parent.help_text = _("A node of the same chain; the node cannot go under itself.")


class NodeOrganizationsForm(forms.Form):
    organizations = forms.ModelMultipleChoiceField(
        label=_("Enterprises and institutions"),
        queryset=Organization.objects.filter(status=Organization.Status.APPROVED).order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 14}),
        help_text=_("Approved organisations only. Hold Ctrl (⌘ on a Mac) to pick several."),
    )


class MapImportForm(forms.Form):
    file = forms.FileField(
        label=_("Workbook (.xlsx)"),
        help_text=_("In the format of the export; at most 5 MB and 5,000 rows."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload
