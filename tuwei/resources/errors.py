"""The resources app's one error type; tests assert these messages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tuwei.core.errors import DomainError


class ResourcesError(DomainError):
    NOT_ALLOWED = _("You do not have the right to do this.")
    NOT_ENTERPRISE = _("Qualifications are recorded for enterprises only.")
    CERTIFICATE_OTHER_ENTERPRISE = _(
        "The certificate number %(number)s is already recorded for another enterprise."
    )
    REGISTRATION_OTHER_ENTERPRISE = _(
        "The registration number %(number)s is already recorded for another enterprise."
    )
    NAME_TAKEN = _("%(name)s is already recorded.")
    CODE_TAKEN = _("The asset code %(code)s is already recorded.")
    LEAD_NOT_MEMBER = _("The lead enterprise is a member already; list only the other members.")
    LEAD_NOT_ENTERPRISE = _("A consortium is led by an enterprise.")
    NOT_ASSIGNED = _("%(name)s is not one of this commissioner's enterprises.")
