from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChainsConfig(AppConfig):
    name = "tuwei.chains"
    label = "chains"
    verbose_name = _("Industry map")

    def ready(self) -> None:
        # navigation, workbench to-dos and notification verbs of the map and of scoring
        from tuwei.chains import registrations_map, registrations_points  # noqa: F401
