from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from tuwei.challenges.services import challenge_close_due


class Command(BaseCommand):
    help = (
        "Close published challenges whose application deadline has passed. Run it every "
        "minute or so (cron, a systemd timer); reads treat them as closed even before it runs."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="queue the task for the task worker instead of running it here",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            from tuwei.challenges.tasks import close_due_challenges

            close_due_challenges.enqueue()
            self.stdout.write("Queued.")
            return
        closed = challenge_close_due()
        self.stdout.write(self.style.SUCCESS(f"Closed {closed} challenge(s)."))
