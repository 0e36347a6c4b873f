from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransferConfig(AppConfig):
    name = "tuwei.transfer"
    label = "transfer"
    verbose_name = _("Achievement transfer")

    def ready(self) -> None:
        from tuwei.transfer import registrations  # noqa: F401  (navigation, to-dos, verbs)
