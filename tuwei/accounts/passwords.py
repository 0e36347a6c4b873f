"""Password rules from the security policy: length, three character classes, no reuse."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

CLASS_TESTS = (str.islower, str.isupper, str.isdigit, lambda char: not char.isalnum())


def _policy() -> Any:
    from tuwei.accounts.models import SecurityPolicy

    return SecurityPolicy.current()


class PolicyLengthValidator:
    def validate(self, password: str, user: Any = None) -> None:
        minimum = _policy().password_min_length
        if len(password) < minimum:
            raise ValidationError(
                ngettext(
                    "The password must have at least %(min)d character.",
                    "The password must have at least %(min)d characters.",
                    minimum,
                ),
                code="password_too_short",
                params={"min": minimum},
            )

    def get_help_text(self) -> str:
        return _("At least %(min)d characters.") % {"min": _policy().password_min_length}


class CharacterClassValidator:
    """At least three of: lower-case letters, capitals, digits, symbols."""

    required = 3

    def validate(self, password: str, user: Any = None) -> None:
        present = sum(any(test(char) for char in password) for test in CLASS_TESTS)
        if present < self.required:
            raise ValidationError(
                _(
                    "The password must mix at least three of: lower-case letters, "
                    "capital letters, digits and symbols."
                ),
                code="password_too_simple",
            )

    def get_help_text(self) -> str:
        return _("Mix at least three of: lower-case letters, capitals, digits, symbols.")


class PasswordHistoryValidator:
    def validate(self, password: str, user: Any = None) -> None:
        if user is None or not getattr(user, "pk", None):
            return
        remembered = _policy().password_history
        recent = user.password_history.all()[:remembered]
        if any(check_password(password, row.password) for row in recent):
            raise ValidationError(
                _("This password was used recently; choose one not among your last %(n)d.")
                % {"n": remembered},
                code="password_reused",
            )

    def password_changed(self, password: str, user: Any = None) -> None:
        if user is None or not getattr(user, "pk", None):
            return
        from tuwei.accounts.models import PasswordHistory

        PasswordHistory.objects.create(user=user, password=make_password(password))
        keep = _policy().password_history
        stale = user.password_history.values_list("pk", flat=True)[keep:]
        PasswordHistory.objects.filter(pk__in=list(stale)).delete()

    def get_help_text(self) -> str:
        return _("It must differ from your last %(n)d passwords.") % {
            "n": _policy().password_history
        }
