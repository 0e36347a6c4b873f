"""The personas of DESIGN.md as roles. A user may hold several."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Role(models.TextChoices):
    OFFICER = "officer", _("Program officer")
    ENTERPRISE = "enterprise", pgettext_lazy("role", "Enterprise")
    BUREAU = "bureau", _("League/city bureau")
    TEAM_LEAD = "team_lead", _("Team lead")
    EXPERT = "expert", _("Expert")
    LEADER = "leader", _("Leader")
    SYSADMIN = "sysadmin", _("System administrator")
    SECADMIN = "secadmin", _("Security administrator")
    AUDITOR = "auditor", _("Security auditor")


ADMIN_ROLES = frozenset({Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR})
# Roles a person may ask for when registering; the others are granted by the secadmin.
SELF_REGISTER_ROLES = (Role.ENTERPRISE, Role.TEAM_LEAD, Role.EXPERT)
DEFAULT_MFA_ROLES = [Role.OFFICER.value, *(role.value for role in ADMIN_ROLES)]
