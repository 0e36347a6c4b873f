from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils.translation import gettext_lazy as _

from tuwei.accounts.models import Organization, Region, SecurityPolicy, User, validate_credit_code
from tuwei.accounts.roles import SELF_REGISTER_ROLES, Role

PHONE_PATTERN = r"^1\d{10}$"


class RegistrationForm(forms.Form):
    role = forms.ChoiceField(
        label=_("I register as"), choices=[(role.value, role.label) for role in SELF_REGISTER_ROLES]
    )
    username = forms.RegexField(
        label=_("User name"),
        max_length=150,
        regex=r"^[\w.@+-]+$",
        error_messages={"invalid": _("Use letters, digits and @ . + - _ only.")},
    )
    real_name = forms.CharField(label=_("Real name"), max_length=50)
    phone = forms.RegexField(
        label=_("Mobile phone"),
        regex=PHONE_PATTERN,
        error_messages={"invalid": _("Enter an 11-digit mainland mobile number.")},
    )
    email = forms.EmailField(label=_("Email"))
    password1 = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
        help_text=password_validators_help_text_html,
    )
    password2 = forms.CharField(
        label=_("Password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )
    org_name = forms.CharField(label=_("Organisation name"), max_length=120)
    org_credit_code = forms.CharField(
        label=_("Unified social credit code"),
        max_length=18,
        min_length=18,
        validators=[validate_credit_code],
    )
    org_kind = forms.ChoiceField(label=_("Organisation type"), choices=Organization.Kind.choices)
    org_region = forms.ModelChoiceField(
        label=_("League/city"),
        queryset=Region.objects.all(),
        required=False,
        empty_label=_("Outside the region"),
    )

    def clean_org_credit_code(self) -> str:
        return self.cleaned_data["org_credit_code"].strip().upper()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return data


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Six-digit code"),
        regex=r"^\d{6}$",
        error_messages={"invalid": _("Enter the six digits your authenticator shows.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class UserCreateForm(forms.Form):
    username = forms.RegexField(label=_("User name"), max_length=150, regex=r"^[\w.@+-]+$")
    real_name = forms.CharField(label=_("Real name"), max_length=50)
    phone = forms.RegexField(label=_("Mobile phone"), regex=PHONE_PATTERN, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    organization = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organization.objects.filter(status=Organization.Status.APPROVED),
        required=False,
    )
    region = forms.ModelChoiceField(
        label=_("League/city"), queryset=Region.objects.all(), required=False
    )
    password = forms.CharField(
        label=_("Initial password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )


class UserEditForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["real_name", "phone", "email", "organization", "region"]

    phone = forms.RegexField(label=_("Mobile phone"), regex=PHONE_PATTERN, required=False)


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=Role.choices, widget=forms.CheckboxSelectMultiple, required=False
    )


class PolicyForm(forms.ModelForm):
    mfa_roles = forms.MultipleChoiceField(
        label=_("Roles that must use two-factor sign-in"),
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = SecurityPolicy
        fields = [
            "password_min_length",
            "password_history",
            "lockout_failures",
            "lockout_minutes",
            "idle_minutes",
            "mfa_roles",
        ]
