"""Deals: parties and shares, the contract PDF and who may open it, the totals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.chains.factories import ChainNodeFactory
from tests.conftest import sign_in
from tests.transfer.factories import AchievementFactory, DealFactory
from tuwei.core.models import AuditEntry
from tuwei.transfer.errors import TransferError
from tuwei.transfer.models import Deal
from tuwei.transfer.selectors.deals import deal_totals
from tuwei.transfer.services.deals import InventorItem, deal_create, deal_update

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path


def values(personas, **changes):
    return {
        "kind": Deal.Kind.LICENCE,
        "licence_scope": Deal.LicenceScope.EXCLUSIVE,
        "title": "α-烯烃分离提纯工艺独占许可",
        "buyer": personas.other_company,
        "amount": Decimal("3500000"),
        "signed_on": date(2024, 9, 18),
        "registration_number": "2024150600000123",
        **changes,
    }


def record(personas, actor=None, sellers=None, inventors=(), contract=None, **changes):
    return deal_create(
        actor=actor or personas.enterprise,
        values=values(personas, **changes),
        sellers=sellers or [personas.company],
        inventors=inventors,
        contract=contract,
    )


def pdf(content: bytes = PDF, name: str = "contract.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_a_seller_records_a_licence_with_its_contract(personas) -> None:
    deal = record(personas, inventors=[InventorItem("王发明", Decimal(30))], contract=pdf())
    assert deal.region == personas.company.region  # registered where the seller is
    assert (
        deal.contract.name.startswith("transfer/contracts/")
        and deal.contract_name == "contract.pdf"
    )
    assert deal.contract.read() == PDF
    assert AuditEntry.objects.filter(action="transfer.deal.create").count() == 1


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"licence_scope": ""}, "licence_scope"),
        ({"kind": Deal.Kind.TRANSFER}, "licence_scope"),
    ],
)
def test_a_licence_and_only_a_licence_has_a_scope(personas, changes, code) -> None:
    with pytest.raises(TransferError) as caught:
        record(personas, **changes)
    assert caught.value.code == code


def test_inventor_shares_may_not_pass_100(personas) -> None:
    inventors = [InventorItem("甲", Decimal(60)), InventorItem("乙", Decimal("40.5"))]
    with pytest.raises(TransferError) as caught:
        record(personas, inventors=inventors)
    assert caught.value.code == "inventor_shares_over_100"
    assert "100.5%" in str(caught.value)
    assert Deal.objects.count() == 0
    assert (
        record(personas, inventors=[InventorItem("甲", Decimal(100))]).inventor_shares.count() == 1
    )


def test_the_buyer_is_not_a_seller_and_a_member_must_be_a_party(personas) -> None:
    with pytest.raises(TransferError) as caught:
        record(personas, sellers=[personas.company, personas.other_company])
    assert caught.value.code == "buyer_is_seller"
    with pytest.raises(TransferError) as caught:
        record(personas, actor=personas.team_lead)
    assert caught.value.code == "party_required"
    with pytest.raises(TransferError) as caught:
        record(personas, actor=personas.bureau)
    assert caught.value.code == "not_allowed"


def test_a_registered_contract_number_is_recorded_once(personas) -> None:
    record(personas)
    with pytest.raises(TransferError) as caught:
        record(personas, title="另一笔")
    assert caught.value.code == "duplicate_registration"


def test_a_deal_on_an_achievement_the_actor_cannot_see_is_refused(personas) -> None:
    foreign = AchievementFactory(owners=[personas.other_company])
    with pytest.raises(TransferError) as caught:
        record(personas, achievement=foreign)
    assert caught.value.code == "achievement_unknown"


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"<html>not a pdf</html>", "contract.pdf"),
        (b"PK\x03\x04 a zip", "contract.pdf"),
        (b"GIF89a", "contract.pdf"),
    ],
)
def test_a_contract_must_be_a_pdf_by_its_first_bytes(personas, content, name) -> None:
    with pytest.raises(TransferError) as caught:
        record(personas, contract=pdf(content, name))
    assert caught.value.code == "contract_not_pdf"
    assert Deal.objects.count() == 0


def test_a_contract_larger_than_20_mb_is_refused(personas) -> None:
    big = pdf(PDF + b"0" * (20 * 1024 * 1024))
    with pytest.raises(TransferError) as caught:
        record(personas, contract=big)
    assert caught.value.code == "contract_too_big"


def test_a_pdf_named_otherwise_is_still_a_pdf(personas) -> None:
    deal = record(personas, contract=pdf(name="合同扫描件"))
    assert deal.contract.name.endswith(".pdf")


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("enterprise", 200),
        ("other_enterprise", 200),
        ("officer", 200),
        ("bureau", 403),
        ("leader", 403),
        ("team_lead", 404),
        ("outsider", 403),
    ],
)
def test_only_the_parties_and_officers_open_the_contract(personas, persona, status) -> None:
    deal = record(personas, contract=pdf())
    # the bureau of the region where the deal is registered reads it, but not its contract
    response = sign_in(Client(), getattr(personas, persona)).get(
        f"/transfer/deals/{deal.pk}/contract/"
    )
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert "attachment" in response["Content-Disposition"]
    assert Client().get(f"/transfer/deals/{deal.pk}/contract/").status_code == 302


def test_the_contract_is_not_served_from_a_media_url(personas) -> None:
    deal = record(personas, contract=pdf())
    assert Client().get(f"/media/{deal.contract.name}").status_code == 404
    assert sign_in(Client(), personas.officer).get(f"/{deal.contract.name}").status_code == 404


def test_replacing_the_contract_keeps_one_file(
    personas, django_capture_on_commit_callbacks
) -> None:
    deal = record(personas, contract=pdf())
    old = deal.contract.name
    with django_capture_on_commit_callbacks(execute=True):
        deal_update(
            actor=personas.enterprise,
            deal=deal,
            values=values(personas),
            sellers=[personas.company],
            contract=pdf(PDF + b"% v2\n"),
        )
    deal.refresh_from_db()
    assert deal.contract.name != old
    assert not deal.contract.storage.exists(old)


def test_totals_by_region_chain_and_kind(personas) -> None:
    node = ChainNodeFactory()
    a = DealFactory(
        buyer=personas.company,
        sellers=[personas.university, personas.other_company],  # two sellers: counted once
        amount=Decimal("3000000"),
        chain_node=node,
        kind=Deal.Kind.TRANSFER,
    )
    DealFactory(buyer=personas.company, amount=Decimal("1000000"), kind=Deal.Kind.EQUITY)
    DealFactory(buyer=personas.other_company, amount=Decimal("500000"), chain_node=node)
    DealFactory(buyer=personas.company, amount=Decimal("9"), signed_on=date(2023, 1, 1))
    totals = deal_totals(user=personas.officer, year=2024)
    assert totals.count == 3 and totals.amount == Decimal("4500000")
    by_region = {row.key: (row.count, row.amount) for row in totals.by_region}
    assert by_region == {"150600": (2, Decimal("4000000")), "150200": (1, Decimal("500000"))}
    by_chain = {row.key: (row.count, row.amount) for row in totals.by_chain}
    assert by_chain[node.chain.code] == (2, Decimal("3500000"))
    assert by_chain[""] == (1, Decimal("1000000"))
    by_kind = {row.key: row.count for row in totals.by_kind}
    assert by_kind == {"transfer": 2, "equity": 1}
    assert a.sellers.count() == 2


def test_a_bureau_totals_its_own_region(personas) -> None:
    DealFactory(buyer=personas.company, amount=Decimal("100"))
    DealFactory(buyer=personas.other_company, amount=Decimal("200"))
    assert deal_totals(user=personas.bureau).amount == Decimal("100")
    assert deal_totals(user=personas.other_bureau).amount == Decimal("200")


def test_the_summary_page_has_the_chart_and_the_table(personas) -> None:
    DealFactory(buyer=personas.company, amount=Decimal("2500000"))
    client = sign_in(Client(headers={"accept-language": "en"}), personas.leader)
    page = client.get("/transfer/deals/summary/")
    body = page.content.decode()
    assert page.status_code == 200
    assert 'data-chart="chart-region"' in body and 'id="chart-region"' in body
    assert "250.0" in body  # 万元
    assert "By league/city" in body
