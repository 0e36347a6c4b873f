from __future__ import annotations

import factory

from tuwei.accounts import credit_code
from tuwei.accounts.models import Organization, Region, User, UserRole

PASSWORD = "Persona#2024"


def valid_credit_code(serial: int, region: str = "150100") -> str:
    body = f"91{region}{serial:09d}"
    return body + credit_code.check_character(body)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{159000 + n}")
    name = factory.Sequence(lambda n: f"测试盟市{n}")
    name_en = factory.Sequence(lambda n: f"Test region {n}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"测试单位{n}有限公司")
    kind = Organization.Kind.ENTERPRISE
    credit_code = factory.Sequence(lambda n: valid_credit_code(n + 1))
    region = factory.SubFactory(RegionFactory)
    status = Organization.Status.APPROVED


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    real_name = factory.Sequence(lambda n: f"测试用户{n}")
    phone = factory.Sequence(lambda n: f"139{n:08d}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.invalid")
    organization = factory.SubFactory(OrganizationFactory)
    region = factory.LazyAttribute(
        lambda user: user.organization.region if user.organization else None
    )

    @factory.post_generation
    def password(self, create: bool, extracted: str | None, **kwargs: object) -> None:
        self.set_password(extracted or PASSWORD)
        if create:
            self.save()

    @factory.post_generation
    def roles(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        for role in extracted or []:
            UserRole.objects.create(user=self, role=role)
