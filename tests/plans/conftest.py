"""Fixtures of plan monitoring: a small plan with two leagues/cities' targets."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tests.plans.factories import IndicatorFactory, PlanFactory
from tuwei.plans.models import Indicator, RegionTarget
from tuwei.plans.services import setup


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def plan(personas: Any) -> Any:
    return PlanFactory(year=2024, title="2024年测试计划")


@pytest.fixture
def indicators(plan: Any, personas: Any) -> dict[str, Indicator]:
    """A summed count (split Ordos 60 / Baotou 40), a rate and a region-wide growth."""
    count = IndicatorFactory(
        plan=plan, code="C1", name="新增平台", name_en="New platforms", target=Decimal(100), order=1
    )
    RegionTarget.objects.create(indicator=count, region=personas.home_region, target=60)
    RegionTarget.objects.create(indicator=count, region=personas.other_region, target=40)
    rate = IndicatorFactory(
        plan=plan,
        code="R1",
        name="数字化率",
        name_en="Digitalisation rate",
        unit="%",
        kind=Indicator.Kind.RATE,
        accumulates=False,
        aggregation=Indicator.Aggregation.MEAN,
        target=Decimal(50),
        order=2,
    )
    wide = IndicatorFactory(
        plan=plan,
        code="G1",
        name="经费增长",
        name_en="Spending growth",
        unit="%",
        kind=Indicator.Kind.GROWTH,
        accumulates=False,
        aggregation=Indicator.Aggregation.REGION_INDEPENDENT,
        target=Decimal(20),
        order=3,
    )
    return {"count": count, "rate": rate, "wide": wide}


@pytest.fixture
def open_q1(plan: Any, indicators: Any, personas: Any) -> Any:
    """The first quarter opened by the officer: every league/city has a draft report."""
    period = plan.periods.get(frequency="quarterly", number=1)
    return setup.period_open(actor=personas.officer, period=period)


@pytest.fixture
def ordos_q1(open_q1: Any, personas: Any) -> Any:
    return open_q1.reports.get(region=personas.home_region)
