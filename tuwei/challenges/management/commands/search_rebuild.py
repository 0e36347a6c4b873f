from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from tuwei.challenges import search


class Command(BaseCommand):
    help = "Rebuild the challenge full-text index from the challenges (e.g. after a restore)."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            count = search.reindex()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} challenge(s)."))
