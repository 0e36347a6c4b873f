"""Demo challenges: the five projects of the public report on the 2024 program and about
forty more across the clusters, in every status. Idempotent: keyed on (program, title).

Statuses are written as they would stand after their moves, not replayed through the
services, so the demo has no audit trail of its own; every challenge is indexed.
Deadlines are relative to the moment of loading, so open challenges stay open.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from tuwei.accounts.demo import demo_credit_code
from tuwei.accounts.models import Organization
from tuwei.challenges import search
from tuwei.challenges.demo_energy import CHALLENGES as ENERGY
from tuwei.challenges.demo_industry import CHALLENGES as INDUSTRY
from tuwei.challenges.demo_industry import EXTRA_OWNERS
from tuwei.challenges.demo_materials import CHALLENGES as MATERIALS
from tuwei.challenges.models import Challenge, Indicator, Milestone

TEN_THOUSAND = Decimal(10_000)
CONTACTS = ["王工", "李工", "张经理", "刘主任", "赵工", "孙经理"]
S = Challenge.Status


def _owners(context: dict[str, Any]) -> dict[str, Organization]:
    owners: dict[str, Organization] = dict(context["organizations"])
    regions = context["regions"]
    for index, (key, name, region_code) in enumerate(EXTRA_OWNERS, start=200):
        owners[key], _ = Organization.objects.update_or_create(
            credit_code=demo_credit_code(index, region_code),
            defaults={
                "name": name,
                "kind": Organization.Kind.ENTERPRISE,
                "region": regions[region_code],
                "status": Organization.Status.APPROVED,
                "is_demo": True,
            },
        )
    return owners


def _milestones(months: int) -> list[tuple[str, int, str]]:
    """The three leaps (三级跳): research, pilot, application."""
    return [
        ("完成实验室研究与小试验证", max(1, months // 4), "小试研究报告"),
        ("完成中试放大与工艺定型", max(2, months // 2), "中试运行报告"),
        ("完成工程示范并通过用户验收", months, "示范工程验收报告"),
    ]


def _dates(row: dict[str, Any], now: Any) -> dict[str, Any]:
    deadline = (now + timedelta(days=row["days"])).replace(
        hour=17, minute=0, second=0, microsecond=0
    )
    status = row["status"]
    dates: dict[str, Any] = {"deadline": deadline, "submitted_at": None, "published_at": None}
    if status != S.DRAFT:
        dates["submitted_at"] = now - timedelta(days=20)
    if status in (S.PUBLISHED, S.CLOSED, S.AWARDED):
        dates["published_at"] = now - timedelta(days=15)
    dates["closed_at"] = deadline if status in (S.CLOSED, S.AWARDED) else None
    return dates


def load(context: dict[str, object]) -> dict[str, object]:
    owners = _owners(context)
    regions: Any = context["regions"]
    nodes: Any = context.get("nodes", {})
    users: Any = context["users"]
    program: Any = context["program"]
    now = timezone.now()
    challenges: dict[str, Challenge] = {}
    for number, row in enumerate([*ENERGY, *MATERIALS, *INDUSTRY]):
        owner = owners[row["owner"]]
        creator = users["enterprise"] if row["owner"] == "yitai" else users["officer"]
        challenge, _ = Challenge.objects.update_or_create(
            program=program,
            title=row["title"],
            defaults={
                "owner": owner,
                "region": regions[row["region"]],
                "node": nodes.get(row["node"]) if row["node"] else None,
                "status": row["status"],
                "problem": row["problem"],
                "deliverables": row["deliverables"],
                "acceptance": row["acceptance"],
                "gov_funding": row["gov"] * TEN_THOUSAND,
                "enterprise_funding": row["ent"] * TEN_THOUSAND,
                "duration_months": row["months"],
                "conditions": row.get("conditions", ""),
                "ip_terms": row.get("ip", "成果归属由出榜方与揭榜方在任务书中约定。"),
                "max_winners": row.get("winners", 1),
                "allowed_kinds": [],
                "consortium_allowed": True,
                "contact_name": CONTACTS[number % len(CONTACTS)],
                "contact_phone": f"0477-86{number:05d}",
                "contact_email": f"bangdan{number:02d}@demo.tuwei.invalid",
                "return_reason": row.get("return_reason", ""),
                "withdraw_reason": row.get("withdraw_reason", ""),
                "created_by": creator,
                "is_demo": True,
                **_dates(row, now),
            },
        )
        challenge.indicators.all().delete()
        Indicator.objects.bulk_create(
            Indicator(
                challenge=challenge,
                name=name,
                comparator=comparator,
                target=Decimal(target),
                unit=unit,
                verification=verification,
                order=order,
            )
            for order, (name, comparator, target, unit, verification) in enumerate(
                row["indicators"]
            )
        )
        challenge.milestones.all().delete()
        Milestone.objects.bulk_create(
            Milestone(challenge=challenge, title=title, month_offset=month, deliverable=d, order=o)
            for o, (title, month, d) in enumerate(_milestones(row["months"]))
        )
        challenges[row["title"]] = challenge
    for row in [*ENERGY, *MATERIALS, *INDUSTRY]:
        if row.get("merged_into"):
            duplicate, into = challenges[row["title"]], challenges[row["merged_into"]]
            duplicate.merged_into = into
            duplicate.withdraw_reason = f"已合并至 #{into.pk}"
            duplicate.save(update_fields=["merged_into", "withdraw_reason"])
    for challenge in challenges.values():
        search.index_challenge(challenge)
    return {"challenges": challenges}
