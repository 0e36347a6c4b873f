from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tuwei.plans.services.computed import record_computed_indicators


class Command(BaseCommand):
    help = (
        "Record the value of every computed indicator for each period that has ended "
        "(idempotent: run it daily)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=date.fromisoformat, help="act as if today were DATE")
        parser.add_argument(
            "--force", action="store_true", help="recompute periods already recorded"
        )
        parser.add_argument(
            "--enqueue", action="store_true", help="run as a background task instead"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            from tuwei.plans.tasks import record_computed_indicators_task

            result = record_computed_indicators_task.enqueue()
            self.stdout.write(f"Queued task {result.id}.")
            return
        written = record_computed_indicators(today=options["date"], force=options["force"])
        self.stdout.write(self.style.SUCCESS(f"{written} computed values recorded."))
