"""The demo loaders of resources and transfer: idempotent, quick, and true to the report."""

from __future__ import annotations

import time

from django.db.models import Model
from django.test import Client

from tests.conftest import sign_in
from tuwei.accounts import demo as accounts_demo
from tuwei.chains import demo as chains_demo
from tuwei.programs import demo as programs_demo
from tuwei.resources import demo as resources_demo
from tuwei.resources import models as resources
from tuwei.resources.selectors.qualifications import three_zero_counts
from tuwei.transfer import demo as transfer_demo
from tuwei.transfer import models as transfer
from tuwei.transfer.selectors.achievements import confidential_detail

MODELS: list[type[Model]] = [
    resources.RdFacts,
    resources.HighTechCertificate,
    resources.SmeRegistration,
    resources.Platform,
    resources.Facility,
    resources.FacilityUsage,
    resources.Consortium,
    resources.Commissioner,
    resources.ServiceLog,
    transfer.Achievement,
    transfer.AchievementOwner,
    transfer.IpRecord,
    transfer.ConfidentialDetail,
    transfer.TechNeed,
    transfer.Deal,
    transfer.InventorShare,
]


def load_all() -> dict[str, object]:
    context: dict[str, object] = {}
    for loader in (accounts_demo, programs_demo, chains_demo, resources_demo, transfer_demo):
        context.update(loader.load(context))
    return context


def counts() -> list[int]:
    return [model.objects.count() for model in MODELS]


def test_the_demo_loads_quickly_and_again_without_change(db) -> None:
    started = time.monotonic()
    load_all()
    assert time.monotonic() - started < 20
    first = counts()
    load_all()
    assert counts() == first
    assert all(first), dict(zip([m.__name__ for m in MODELS], first, strict=True))


def test_ordos_has_230_three_zero_enterprises_59_new_in_2024(db) -> None:
    context = load_all()
    officer = context["users"]["officer"]  # type: ignore[index]
    by_region = {
        c.region.code: (c.cleared, c.new) for c in three_zero_counts(user=officer, year=2024)
    }
    assert by_region["150600"] == (230, 59)
    platforms = resources.Platform.objects.filter(kind=resources.Platform.Kind.BEIJING_CO_BUILT)
    assert platforms.count() >= 4 and all(p.is_demo for p in platforms)


def test_the_demo_achievements_are_listed_and_their_secrets_kept(db) -> None:
    context = load_all()
    users = context["users"]  # type: ignore[assignment]
    olefin = transfer.Achievement.objects.get(title__startswith="千吨级费托合成")
    assert olefin.status == "listed" and olefin.is_demo
    assert confidential_detail(user=users["enterprise"], achievement=olefin)  # Yitai owns it
    assert confidential_detail(user=users["bureau"], achievement=olefin) is None
    assert confidential_detail(user=users["leader"], achievement=olefin) is None
    market = Client().get("/market/?q=鐵-鉻液流").content.decode()
    assert "兆瓦级铁-铬液流电池储能系统" in market
    page = sign_in(Client(), users["leader"]).get("/transfer/deals/summary/?year=2024")
    assert page.context["totals"].count == 4


def test_the_need_for_alpha_olefins_suggests_the_olefin_process_first(db) -> None:
    load_all()
    need = transfer.TechNeed.objects.get(title__startswith="α-烯烃产品")
    page = Client().get(f"/market/needs/{need.pk}/")
    assert page.context["suggestions"][0].item.title.startswith("千吨级费托合成")
