"""Factories for qualifications and the resource directories."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import factory

from tests.accounts.factories import OrganizationFactory
from tuwei.resources.models import (
    Commissioner,
    Consortium,
    Facility,
    FacilityUsage,
    HighTechCertificate,
    Platform,
    RdFacts,
    ServiceLog,
    SmeRegistration,
)


class RdFactsFactory(factory.django.DjangoModelFactory):
    """Facts that clear the three zeros unless told otherwise."""

    class Meta:
        model = RdFacts

    organization = factory.SubFactory(OrganizationFactory)
    year = 2024
    rd_spending = Decimal("1200000")
    has_rd_institution = True
    invention_patents = 2


class HighTechFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HighTechCertificate

    organization = factory.SubFactory(OrganizationFactory)
    number = factory.Sequence(lambda n: f"GR20231500{n:05d}")
    valid_from = date(2023, 11, 1)
    valid_to = date(2026, 10, 31)


class SmeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SmeRegistration

    organization = factory.SubFactory(OrganizationFactory)
    number = factory.Sequence(lambda n: f"20241506000{n:05d}")
    year = 2024


class PlatformFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Platform

    name = factory.Sequence(lambda n: f"测试重点实验室{n}")
    kind = Platform.Kind.KEY_LAB
    level = Platform.Level.REGIONAL
    host = factory.SubFactory(OrganizationFactory)
    region = factory.LazyAttribute(lambda platform: platform.host.region)
    year = 2022


class FacilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Facility

    code = factory.Sequence(lambda n: f"YQ{n:06d}")
    name = factory.Sequence(lambda n: f"测试仪器{n}")
    host = factory.SubFactory(OrganizationFactory)
    region = factory.LazyAttribute(lambda facility: facility.host.region)
    original_value = Decimal("5800000")


class UsageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FacilityUsage

    facility = factory.SubFactory(FacilityFactory)
    year = 2024
    effective_hours = Decimal("1600")
    external_hours = Decimal("300")


class ConsortiumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consortium
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"测试创新联合体{n}")
    lead = factory.SubFactory(OrganizationFactory)
    region = factory.LazyAttribute(lambda consortium: consortium.lead.region)
    year = 2024

    @factory.post_generation
    def members(self, create: bool, extracted: list[Any] | None, **kwargs: Any) -> None:
        if extracted:
            self.members.set(extracted)


class CommissionerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commissioner
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"特派员{n}")
    organization = factory.SubFactory(OrganizationFactory)
    expertise = "煤化工工艺优化"

    @factory.post_generation
    def enterprises(self, create: bool, extracted: list[Any] | None, **kwargs: Any) -> None:
        if extracted:
            self.enterprises.set(extracted)


class ServiceLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceLog

    commissioner = factory.SubFactory(CommissionerFactory)
    enterprise = factory.SubFactory(OrganizationFactory)
    date = date(2024, 5, 20)
    hours = Decimal("6")
    outcome = "现场诊断精馏塔能耗问题"
