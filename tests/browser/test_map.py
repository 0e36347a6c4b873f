"""An officer builds a chain in the browser and sees it drawn."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest
from django_otp.oath import TOTP

from tests.accounts.factories import PASSWORD, UserFactory
from tuwei.accounts.roles import Role
from tuwei.chains.models import ChainNode

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_as_officer(page: Any, base: str) -> None:
    UserFactory(username="maker", roles=[Role.OFFICER])
    page.context.add_cookies([{"name": "tuwei_language", "value": "en", "url": base}])
    page.goto(f"{base}/map/")  # anonymous: sent to sign in, and back here afterwards
    page.fill("#id_username", "maker")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url(re.compile(r"/accounts/mfa/setup/"))
    secret = page.inner_text("[data-testid=totp-secret]").strip()
    page.fill("#id_token", f"{TOTP(base64.b32decode(secret)).token():06d}")
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{base}/map/")


def submit(page: Any) -> None:
    page.click("form button[type=submit].primary")


def test_an_officer_builds_a_chain_and_sees_it_drawn(page, live_server) -> None:
    base = live_server.url
    sign_in_as_officer(page, base)
    assert page.inner_text("h1") == "Industry map"

    page.click("[data-testid=cluster-create]")
    page.fill("#id_code", "BT")
    page.fill("#id_name", "测试集群")
    page.fill("#id_name_en", "Test cluster")
    submit(page)
    page.wait_for_url(f"{base}/map/")
    assert page.is_visible("[data-testid=cluster-BT]")

    page.click("[data-testid=chain-create-BT]")
    page.fill("#id_code", "BT-CH")
    page.fill("#id_name", "测试产业链")
    page.fill("#id_name_en", "Test chain")
    submit(page)
    page.wait_for_url(f"{base}/map/chains/BT-CH/")

    page.click("[data-testid=node-create]")
    page.fill("#id_code", "BT-A")
    page.fill("#id_name", "上游材料")
    page.fill("#id_name_en", "Upstream material")
    page.select_option("#id_stage", "upstream")
    page.select_option("#id_gap_kind", "fill")
    submit(page)
    page.wait_for_url(f"{base}/map/chains/BT-CH/")

    page.click("[data-testid=node-create]")
    page.fill("#id_code", "BT-A1")
    page.fill("#id_name", "关键部件")
    page.fill("#id_name_en", "Key part")
    page.select_option("#id_parent", str(ChainNode.objects.get(code="BT-A").pk))
    page.select_option("#id_stage", "midstream")
    page.select_option("#id_gap_kind", "extend")
    page.check("#id_is_chokepoint")
    submit(page)
    page.wait_for_url(f"{base}/map/chains/BT-CH/")

    page.wait_for_selector("[data-testid=chain-chart][data-chart-ready='1']", state="attached")
    assert page.is_visible("[data-testid=node-row-BT-A]")
    assert page.is_visible("[data-testid=node-row-BT-A1]")
    table = page.inner_text("[data-testid=node-table]")
    assert "Upstream material" in table and "Key part" in table
    drawn = page.evaluate(
        """() => {
            const chart = echarts.getInstanceByDom(document.querySelector('[data-chart]'));
            const upstream = chart.getOption().series[0].data[0].children[0];
            const top = upstream.children[0];
            return [upstream.children.length, top.name, top.children[0].name, top.children[0].url];
        }"""
    )
    assert drawn == [1, "Upstream material", "Key part", "/map/nodes/BT-A1/"]
    assert ChainNode.objects.get(code="BT-A1").parent.code == "BT-A"
