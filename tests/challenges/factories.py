"""Factories for challenges. `ChallengeFactory` builds a complete draft (ready to submit)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import factory
from django.utils import timezone

from tests.accounts.factories import OrganizationFactory, UserFactory
from tuwei.challenges import search
from tuwei.challenges.models import Challenge, Indicator, Milestone
from tuwei.programs.models import Program


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program
        django_get_or_create = ("year",)

    year = 2024
    title = "2024年测试科技突围工程"
    is_current = True


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge
        skip_postgeneration_save = True

    program = factory.SubFactory(ProgramFactory)
    title = factory.Sequence(lambda n: f"测试榜单{n}：高性能材料关键技术")
    problem = "现有工艺能耗高、收率低，需要研发新的分离提纯工艺。"
    deliverables = "工艺包一套，中试装置一套。"
    acceptance = "用户单位组织第三方检测，连续运行720小时达到指标。"
    owner = factory.SubFactory(OrganizationFactory)
    region = factory.LazyAttribute(lambda challenge: challenge.owner.region)
    gov_funding = Decimal("3000000")
    enterprise_funding = Decimal("6000000")
    duration_months = 24
    deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    ip_terms = "成果归出榜方所有。"
    contact_name = "张工"
    contact_phone = "0477-1234567"
    contact_email = "contact@example.invalid"
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def tables(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create or extracted is False:
            return
        Indicator.objects.create(
            challenge=self, name="产品纯度", target=Decimal("99.5"), unit="%", order=0
        )
        Milestone.objects.create(challenge=self, title="完成小试", month_offset=6, order=0)

    @factory.post_generation
    def indexed(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        # the services index every change; a factory-made challenge is indexed here
        if create:
            search.index_challenge(self)


def published(**kwargs: Any) -> Challenge:
    """A challenge already on the board (made directly, not through the services)."""
    challenge = ChallengeFactory(
        status=Challenge.Status.PUBLISHED, published_at=timezone.now(), **kwargs
    )
    return challenge
