"""Pages of the industry map: who gets them, and what the officer's forms do."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.chains.factories import ChainFactory, ChainNodeFactory, ClusterFactory
from tests.conftest import sign_in
from tuwei.chains.models import Chain, ChainNode, Cluster, Point
from tuwei.core.models import AuditEntry

READERS = {"officer", "bureau", "other_bureau", "leader"}
EDITORS = {"officer"}


@pytest.fixture
def small_map(db: Any) -> ChainNode:
    cluster = ClusterFactory(code="CL")
    chain = ChainFactory(code="CH", cluster=cluster)
    top = ChainNodeFactory(code="TOP", chain=chain, stage="upstream")
    return ChainNodeFactory(code="LEAF", parent=top, is_chokepoint=True)


# (url, who gets 200)
PAGES = [
    ("/map/", READERS),
    ("/map/export.xlsx", READERS),
    ("/map/chains/CH/", READERS),
    ("/map/nodes/TOP/", READERS),
    ("/map/import/", EDITORS),
    ("/map/clusters/new/", EDITORS),
    ("/map/clusters/CL/edit/", EDITORS),
    ("/map/chains/new/", EDITORS),
    ("/map/chains/CH/edit/", EDITORS),
    ("/map/chains/CH/nodes/new/", EDITORS),
    ("/map/nodes/TOP/edit/", EDITORS),
    ("/map/nodes/TOP/delete/", EDITORS),
    ("/map/nodes/TOP/organizations/", EDITORS),
]


def english(user: Any) -> Client:
    client = sign_in(Client(headers={"accept-language": "en"}), user)
    client.cookies["tuwei_language"] = "en"
    return client


@pytest.mark.parametrize(("url", "allowed"), PAGES)
def test_an_anonymous_visitor_is_sent_to_sign_in(small_map, url, allowed) -> None:
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(("url", "allowed"), PAGES)
def test_each_persona_gets_exactly_its_map_pages(personas, small_map, url, allowed) -> None:
    for name, user in personas.all().items():
        response = sign_in(Client(), user).get(url)
        expected = 200 if name in allowed else 403
        assert response.status_code == expected, (name, url, response.status_code)


def test_posting_to_an_edit_page_is_refused_to_readers(personas, small_map) -> None:
    for name in ("bureau", "leader", "enterprise", "outsider"):
        client = sign_in(Client(), getattr(personas, name))
        assert client.post("/map/clusters/new/", {"code": "X", "name": "X"}).status_code == 403
        assert client.post("/map/nodes/LEAF/delete/").status_code == 403
    assert not Cluster.objects.filter(code="X").exists()
    assert ChainNode.objects.filter(code="LEAF").exists()


def test_an_unknown_code_is_404(personas, small_map) -> None:
    client = sign_in(Client(), personas.officer)
    for url in ("/map/chains/NOPE/", "/map/nodes/NOPE/", "/map/nodes/NOPE/edit/"):
        assert client.get(url).status_code == 404, url


def test_the_navigation_shows_the_map_to_readers_only(personas, small_map) -> None:
    for name, user in personas.all().items():
        body = english(user).get("/inbox/").content.decode()
        assert ('href="/map/"' in body) == (name in READERS), name


def test_the_overview_counts_nodes_choke_points_and_points(personas, small_map) -> None:
    Point.objects.create(
        node=small_map, title="点位", problem="问题", advantage="优势", owner=personas.officer
    )
    response = english(personas.leader).get("/map/")
    chain = next(c for cl in response.context["clusters"] for c in cl.chains.all())
    assert (chain.node_count, chain.chokepoint_count, chain.point_count) == (2, 1, 1)
    body = response.content.decode()
    assert "New cluster" not in body and "/map/chains/CH/edit/" not in body
    officer_body = english(personas.officer).get("/map/").content.decode()
    assert "New cluster" in officer_body and "/map/chains/CH/edit/" in officer_body


def test_an_officer_creates_a_cluster_and_the_form_keeps_input_on_error(personas, db) -> None:
    client = english(personas.officer)
    ClusterFactory(code="TAKEN")
    response = client.post("/map/clusters/new/", {"code": "TAKEN", "name": "新集群", "order": 0})
    assert response.status_code == 200
    assert 'value="新集群"' in response.content.decode()
    assert response.context["form"].errors["code"]
    response = client.post("/map/clusters/new/", {"code": "bad code", "name": "新集群", "order": 0})
    assert "Use letters, digits, - and _ only" in response.content.decode()
    response = client.post("/map/clusters/new/", {"code": "NEW", "name": "新集群", "order": 0})
    assert response.status_code == 302
    assert Cluster.objects.get(code="NEW").name == "新集群"
    assert AuditEntry.objects.filter(action="chains.cluster.create").count() == 1


def test_an_officer_creates_a_chain_and_nodes(personas, db) -> None:
    client = english(personas.officer)
    cluster = ClusterFactory(code="CL")
    response = client.get("/map/chains/new/?cluster=CL")
    assert response.context["form"].initial["cluster"] == cluster
    response = client.post(
        "/map/chains/new/", {"cluster": cluster.pk, "code": "CH", "name": "新链", "order": 0}
    )
    assert response["Location"] == "/map/chains/CH/"
    node = {"code": "A", "name": "甲", "stage": "upstream", "gap_kind": "fill", "order": 0}
    assert client.post("/map/chains/CH/nodes/new/", node).status_code == 302
    top = ChainNode.objects.get(code="A")
    child = {**node, "code": "A-1", "name": "乙", "parent": top.pk, "is_chokepoint": "on"}
    assert client.post("/map/chains/CH/nodes/new/", child).status_code == 302
    assert ChainNode.objects.get(code="A-1").parent == top
    assert Chain.objects.get(code="CH").nodes.count() == 2


def test_the_node_form_offers_only_nodes_of_the_same_chain(personas, small_map) -> None:
    ChainNodeFactory(code="ELSEWHERE")
    response = english(personas.officer).get("/map/nodes/TOP/edit/")
    offered = {node.code for node in response.context["form"].fields["parent"].queryset}
    assert offered == {"LEAF"}


def test_moving_a_node_under_its_child_is_refused_on_the_form(personas, small_map) -> None:
    top = small_map.parent
    data = {
        "code": "TOP",
        "name": "改名",
        "stage": "upstream",
        "gap_kind": "fill",
        "order": 0,
        "parent": small_map.pk,
    }
    response = english(personas.officer).post("/map/nodes/TOP/edit/", data)
    assert response.status_code == 200
    assert "a node cannot be placed under itself" in str(response.context["form"].errors["parent"])
    top.refresh_from_db()
    assert top.parent is None and top.name != "改名"  # the rename rolled back with the move


def test_editing_and_moving_a_node(personas, small_map) -> None:
    other = ChainNodeFactory(code="OTHER", chain=small_map.chain)
    data = {
        "code": "LEAF",
        "name": "新名",
        "stage": "downstream",
        "gap_kind": "extend",
        "order": 0,
        "parent": other.pk,
    }
    response = english(personas.officer).post("/map/nodes/LEAF/edit/", data)
    assert response.status_code == 302
    small_map.refresh_from_db()
    assert (small_map.name, small_map.stage, small_map.parent) == ("新名", "downstream", other)
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"chains.node.update", "chains.node.move"} <= actions


def test_deleting_a_node_with_children_is_explained(personas, small_map) -> None:
    client = english(personas.officer)
    page = client.get("/map/nodes/TOP/delete/").content.decode()
    assert "1 node lies below this one" in page
    response = client.post("/map/nodes/TOP/delete/", follow=True)
    assert "move or delete them before deleting it" in response.content.decode()
    assert ChainNode.objects.filter(code="TOP").exists()
    response = client.post("/map/nodes/LEAF/delete/")
    assert response["Location"] == "/map/chains/CH/"
    assert not ChainNode.objects.filter(code="LEAF").exists()


def test_attaching_organisations(personas, small_map) -> None:
    client = english(personas.officer)
    organisations = [personas.company.pk, personas.university.pk]
    response = client.post("/map/nodes/LEAF/organizations/", {"organizations": organisations})
    assert response.status_code == 302
    page = english(personas.bureau).get("/map/nodes/LEAF/").content.decode()
    assert personas.company.name in page and personas.university.name in page


def test_the_node_page_shows_path_children_and_points(personas, small_map) -> None:
    point = Point.objects.create(
        node=small_map, title="永磁点位", problem="问题", advantage="优势", owner=personas.officer
    )
    response = english(personas.leader).get("/map/nodes/LEAF/")
    assert [node.code for node in response.context["path"]] == ["TOP"]
    body = response.content.decode()
    assert f'href="/points/{point.pk}/"' in body and "永磁点位" in body
    top = english(personas.leader).get("/map/nodes/TOP/")
    assert [child.code for child, _counts in top.context["children"]] == ["LEAF"]
    assert "Edit or move" not in body


def test_the_chain_page_draws_the_tree_and_lists_the_nodes(personas, small_map) -> None:
    Point.objects.create(
        node=small_map, title="点位", problem="问题", advantage="优势", owner=personas.officer
    )
    response = english(personas.bureau).get("/map/chains/CH/")
    body = response.content.decode()
    assert 'data-chart="chain-chart"' in body and 'id="chain-chart"' in body
    assert [row.node.code for row in response.context["rows"]] == ["TOP", "LEAF"]
    root = response.context["options"]["series"][0]["data"][0]
    assert response.context["options"]["series"][0]["type"] == "tree"
    assert [stage["name"] for stage in root["children"]] == ["Upstream", "Midstream", "Downstream"]
    top = root["children"][0]["children"][0]
    assert top["url"] == "/map/nodes/TOP/"
    leaf = top["children"][0]
    assert leaf["url"] == "/map/nodes/LEAF/"
    assert leaf["symbol"] == "diamond"
    assert leaf["label"]["formatter"].startswith("{choke|")
    assert "Points 1 · Challenges 0 · Projects 0" in leaf["label"]["formatter"]
    assert leaf["itemStyle"]["color"] == "#c77c02"  # fill


def test_a_name_cannot_break_the_rich_text_label(personas, small_map) -> None:
    small_map.name_en = "evil}{name|x"
    small_map.save()
    response = english(personas.officer).get("/map/chains/CH/")
    top = response.context["options"]["series"][0]["data"][0]["children"][0]["children"][0]
    formatter = top["children"][0]["label"]["formatter"]
    assert "{name|evil）（name|x}" in formatter
