"""The 2024 program's headline figures, from the public report:
75 enterprise-led tasks in the "7+1" layout, over 670 million yuan of fiscal money
leveraging about 2.8 billion yuan."""

from __future__ import annotations

from decimal import Decimal

from tuwei.programs.models import Program


def load(context: dict[str, object]) -> dict[str, object]:
    program, _ = Program.objects.update_or_create(
        year=2024,
        defaults={
            "title": "2024年内蒙古科技突围工程",
            "summary": "找准点位、找好团队、找对模式：“7+1”布局下部署75项企业牵头的攻关任务。",
            "planned_tasks": 75,
            "fiscal_funds": Decimal("670000000"),
            "leveraged_funds": Decimal("2800000000"),
            "is_current": True,
            "is_demo": True,
        },
    )
    return {"program": program}
