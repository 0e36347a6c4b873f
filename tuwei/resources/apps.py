from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "tuwei.resources"
    label = "resources"
    verbose_name = _("Innovation resources")

    def ready(self) -> None:
        from tuwei.resources import registrations  # noqa: F401  (navigation)
