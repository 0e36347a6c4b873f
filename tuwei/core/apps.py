from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "tuwei.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from tuwei.core import registrations, signals  # noqa: F401  (nav; auth events → audit)
