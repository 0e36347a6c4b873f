from __future__ import annotations

from importlib import import_module
from typing import Any

from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import transaction

# Each app's demo loader, in the order the program builds on itself.
LOADERS = [
    "tuwei.accounts.demo",
    "tuwei.programs.demo",
    "tuwei.plans.demo",
    "tuwei.chains.demo",
    "tuwei.chains.demo_points",
    "tuwei.challenges.demo",
    "tuwei.resources.demo",
    "tuwei.transfer.demo",
]


class Command(BaseCommand):
    help = "Load the demo program (idempotent: running it again changes nothing)."

    def handle(self, *args: Any, **options: Any) -> None:
        context: dict[str, Any] = {}
        with transaction.atomic():
            for path in LOADERS:
                context.update(import_module(path).load(context))
        cache.delete("tuwei.demo_mode")
        self.stdout.write(self.style.SUCCESS("Demo program loaded."))
