"""Factories for achievements, needs and deals (rows straight in the database; tests of
the rules go through the services)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import factory
from django.utils import timezone

from tests.accounts.factories import OrganizationFactory
from tuwei.transfer.models import (
    Achievement,
    AchievementOwner,
    ConfidentialDetail,
    Deal,
    TechNeed,
)
from tuwei.transfer.search import document


class AchievementFactory(factory.django.DjangoModelFactory):
    """`owners=[org, …]` (equal shares) and `confidential="…"` are accepted."""

    class Meta:
        model = Achievement
        skip_postgeneration_save = True

    kind = Achievement.Kind.NEW_PROCESS
    title = factory.Sequence(lambda n: f"测试成果{n}")
    summary = "一项用于测试的成果简介。"
    trl = 6
    visibility = Achievement.Visibility.PUBLIC
    status = Achievement.Status.DRAFT

    @factory.post_generation
    def owners(self, create: bool, extracted: list[Any] | None, **kwargs: Any) -> None:
        organizations = extracted or [OrganizationFactory()]
        share = Decimal(100) / len(organizations)
        for organization in organizations:
            AchievementOwner.objects.create(
                achievement=self, organization=organization, share=round(share, 2)
            )
        if self.region_id is None:
            self.region = organizations[0].region
        names = " ".join(o.name for o in organizations)
        self.search_document = document(self.title, self.summary, names)
        self.save()

    @factory.post_generation
    def confidential(self, create: bool, extracted: str | None, **kwargs: Any) -> None:
        ConfidentialDetail.objects.create(achievement=self, text=extracted or "")


class ListedAchievementFactory(AchievementFactory):
    status = Achievement.Status.LISTED
    listed_at = factory.LazyFunction(timezone.now)


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TechNeed
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    region = factory.LazyAttribute(lambda need: need.organization.region)
    title = factory.Sequence(lambda n: f"测试需求{n}")
    description = "一项用于测试的技术需求。"
    contact_name = "张联系"
    contact_phone = "13800000000"

    @factory.post_generation
    def indexed(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        self.search_document = document(self.title, self.description, self.organization.name)
        self.save()


class DealFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deal
        skip_postgeneration_save = True

    kind = Deal.Kind.TRANSFER
    title = factory.Sequence(lambda n: f"测试交易{n}")
    buyer = factory.SubFactory(OrganizationFactory)
    amount = Decimal("1000000")
    signed_on = date(2024, 6, 1)
    region = factory.LazyAttribute(lambda deal: deal.buyer.region)

    @factory.post_generation
    def sellers(self, create: bool, extracted: list[Any] | None, **kwargs: Any) -> None:
        self.sellers.set(extracted or [OrganizationFactory()])
