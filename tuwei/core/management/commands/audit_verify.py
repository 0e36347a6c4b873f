from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tuwei.core.audit import verify_chain
from tuwei.core.models import AuditEntry


class Command(BaseCommand):
    help = "Verify the audit trail's hash chain; exit non-zero on any changed or missing entry."

    def handle(self, *args: Any, **options: Any) -> None:
        problems = verify_chain()
        total = AuditEntry.objects.count()
        if problems:
            for problem in problems:
                self.stderr.write(f"entry {problem.seq}: {problem.reason}")
            raise CommandError(f"audit chain broken: {len(problems)} problem(s) in {total} entries")
        self.stdout.write(self.style.SUCCESS(f"audit chain intact: {total} entries"))
