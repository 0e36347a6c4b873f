"""Plans, indicators and periods for tests, built through the services where it matters."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import factory

from tuwei.plans.models import PERIODS_PER_YEAR, Indicator, Period, Plan


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan
        skip_postgeneration_save = True

    year = 2024
    title = factory.Sequence(lambda n: f"测试计划{n}")

    @factory.post_generation
    def periods(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            Period.objects.bulk_create(
                Period.build(self, frequency, number)
                for frequency, count in PERIODS_PER_YEAR.items()
                for number in range(1, count + 1)
            )


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    plan = factory.SubFactory(PlanFactory)
    code = factory.Sequence(lambda n: f"T{n:02d}")
    name = factory.Sequence(lambda n: f"测试指标{n}")
    name_en = factory.Sequence(lambda n: f"Test indicator {n}")
    unit = "个"
    kind = Indicator.Kind.COUNT
    aggregation = Indicator.Aggregation.SUM
    accumulates = True
    target = Decimal(100)
    frequency = "quarterly"


def period(plan: Plan, number: int, frequency: str = "quarterly", status: str = "") -> Period:
    found = plan.periods.get(frequency=frequency, number=number)
    if status:
        found.status = status
        found.save(update_fields=["status"])
    return found
