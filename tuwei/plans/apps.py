from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "tuwei.plans"
    label = "plans"
    verbose_name = _("Plan monitoring")

    def ready(self) -> None:
        from tuwei.plans import registrations  # noqa: F401  (navigation, to-dos, verbs)
        from tuwei.plans.queries_resources import register_resources_queries

        register_resources_queries()
