"""The map services: each change checks the right and the tree, and leaves an audit entry."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tests.chains.factories import ChainFactory, ChainNodeFactory, ClusterFactory
from tuwei.chains.models import Chain, ChainNode, Cluster, Point
from tuwei.chains.services.map import (
    MapError,
    chain_create,
    chain_update,
    cluster_create,
    cluster_update,
    node_create,
    node_delete,
    node_move,
    node_set_organizations,
    node_update,
)
from tuwei.core.models import AuditEntry


def last_entry() -> AuditEntry:
    return AuditEntry.objects.order_by("-seq").first()  # type: ignore[return-value]


def test_it_creates_a_cluster_and_a_chain_with_audit_entries(personas) -> None:
    cluster = cluster_create(actor=personas.officer, code="NM", name="新材料", name_en="New mat")
    assert last_entry().action == "chains.cluster.create"
    chain = chain_create(actor=personas.officer, cluster=cluster, code="NM-GR", name="石墨烯")
    entry = last_entry()
    assert entry.action == "chains.chain.create"
    assert entry.object_id == str(chain.pk)
    assert entry.actor == personas.officer
    assert entry.data == {"cluster": "NM"}


def test_it_records_what_an_update_changed(personas) -> None:
    cluster = ClusterFactory(code="NM", name="新材料")
    cluster_update(actor=personas.officer, cluster=cluster, changes={"name": "先进材料"})
    assert Cluster.objects.get(pk=cluster.pk).name == "先进材料"
    entry = last_entry()
    assert entry.action == "chains.cluster.update"
    assert entry.data == {"name": ["新材料", "先进材料"]}


def test_an_update_without_a_change_writes_no_entry(personas) -> None:
    chain = ChainFactory(name="乳业")
    before = AuditEntry.objects.count()
    chain_update(actor=personas.officer, chain=chain, changes={"name": "乳业"})
    assert AuditEntry.objects.count() == before


def test_a_chain_moves_to_another_cluster(personas) -> None:
    chain = ChainFactory()
    other = ClusterFactory(code="OTHER")
    chain_update(actor=personas.officer, chain=chain, changes={"cluster": other})
    assert Chain.objects.get(pk=chain.pk).cluster == other
    assert last_entry().data["cluster"][1] == "OTHER"


@pytest.mark.parametrize("name", ["bureau", "leader", "enterprise", "expert", "outsider"])
def test_only_officers_change_the_map(personas, name) -> None:
    with pytest.raises(MapError) as caught:
        cluster_create(actor=getattr(personas, name), code="X", name="X")
    assert caught.value.code == "not_allowed"
    assert not Cluster.objects.exists()


def test_a_code_is_unique_and_well_formed(personas) -> None:
    ClusterFactory(code="NM")
    with pytest.raises(MapError) as caught:
        cluster_create(actor=personas.officer, code="NM", name="重复")
    assert caught.value.code == "code_taken"
    with pytest.raises(MapError) as caught:
        cluster_create(actor=personas.officer, code="N M/1", name="坏")
    assert caught.value.code == "bad_code"
    with pytest.raises(MapError) as caught:  # the create page's path word
        chain_create(actor=personas.officer, cluster=Cluster.objects.get(), code="new", name="新")
    assert caught.value.code == "bad_code"


def test_it_creates_nodes_under_a_parent_of_the_same_chain(personas) -> None:
    chain = ChainFactory()
    top = node_create(
        actor=personas.officer, chain=chain, code="T", name="顶", stage="upstream", gap_kind="fill"
    )
    child = node_create(
        actor=personas.officer,
        chain=chain,
        parent=top,
        code="T-1",
        name="子",
        stage="upstream",
        gap_kind="extend",
        is_chokepoint=True,
    )
    assert child.parent == top and child.chain == chain
    entry = last_entry()
    assert entry.action == "chains.node.create"
    assert entry.data == {"chain": chain.code, "parent": "T"}


def test_a_node_cannot_be_created_under_a_node_of_another_chain(personas) -> None:
    elsewhere = ChainNodeFactory(code="ELSE")
    chain = ChainFactory()
    with pytest.raises(MapError) as caught:
        node_create(
            actor=personas.officer,
            chain=chain,
            parent=elsewhere,
            code="N",
            name="N",
            stage="upstream",
            gap_kind="fill",
        )
    assert caught.value.code == "parent_other_chain"
    assert not ChainNode.objects.filter(code="N").exists()


def test_an_unknown_stage_is_refused(personas) -> None:
    with pytest.raises(ValidationError):
        node_create(
            actor=personas.officer,
            chain=ChainFactory(),
            code="N",
            name="N",
            stage="sideways",
            gap_kind="fill",
        )


def test_node_update_changes_facts_and_is_audited(personas) -> None:
    node = ChainNodeFactory(code="N", gap_kind="fill")
    node_update(actor=personas.officer, node=node, changes={"gap_kind": "extend", "code": "N2"})
    node.refresh_from_db()
    assert (node.code, node.gap_kind) == ("N2", "extend")
    entry = last_entry()
    assert entry.action == "chains.node.update"
    assert entry.data == {"code": ["N", "N2"], "gap_kind": ["fill", "extend"]}


def test_node_update_does_not_move_nodes(personas) -> None:
    node = ChainNodeFactory()
    with pytest.raises(ValueError):
        node_update(actor=personas.officer, node=node, changes={"parent": None})


def test_a_node_moves_under_another_node_of_its_chain(personas) -> None:
    a = ChainNodeFactory(code="A")
    b = ChainNodeFactory(code="B", chain=a.chain)
    node_move(actor=personas.officer, node=b, parent=a)
    assert ChainNode.objects.get(pk=b.pk).parent == a
    entry = last_entry()
    assert entry.action == "chains.node.move"
    assert entry.data == {"parent": [None, "A"]}
    node_move(actor=personas.officer, node=b, parent=None)
    assert ChainNode.objects.get(pk=b.pk).parent is None
    assert last_entry().data == {"parent": ["A", None]}


def test_a_node_cannot_become_its_own_ancestor(personas) -> None:
    a = ChainNodeFactory(code="A")
    b = ChainNodeFactory(code="B", parent=a)
    c = ChainNodeFactory(code="C", parent=b)
    for new_parent in (a, b, c):  # itself, its child, its grandchild
        with pytest.raises(MapError) as caught:
            node_move(actor=personas.officer, node=a, parent=new_parent)
        assert caught.value.code == "cycle"
    assert ChainNode.objects.get(pk=a.pk).parent is None


def test_a_node_cannot_move_under_a_node_of_another_chain(personas) -> None:
    a = ChainNodeFactory(code="A")
    stranger = ChainNodeFactory(code="S")
    with pytest.raises(MapError) as caught:
        node_move(actor=personas.officer, node=a, parent=stranger)
    assert caught.value.code == "parent_other_chain"
    assert "S" in str(caught.value)


def test_a_leaf_node_is_deleted_with_an_audit_entry(personas) -> None:
    node = ChainNodeFactory(code="LEAF")
    node.organizations.add(personas.company)
    node_delete(actor=personas.officer, node=node)
    assert not ChainNode.objects.filter(code="LEAF").exists()
    entry = last_entry()
    assert entry.action == "chains.node.delete"
    assert entry.object_repr and entry.data["chain"] == node.chain.code


def test_a_node_with_children_is_not_deleted(personas) -> None:
    parent = ChainNodeFactory(code="P")
    ChainNodeFactory(code="P-1", parent=parent)
    with pytest.raises(MapError) as caught:
        node_delete(actor=personas.officer, node=parent)
    assert caught.value.code == "has_children"
    assert ChainNode.objects.filter(code="P").exists()


def test_a_node_with_points_is_not_deleted(personas) -> None:
    node = ChainNodeFactory(code="P")
    Point.objects.create(
        node=node, title="点位", problem="问题", advantage="优势", owner=personas.officer
    )
    with pytest.raises(MapError) as caught:
        node_delete(actor=personas.officer, node=node)
    assert caught.value.code == "has_points"
    assert ChainNode.objects.filter(code="P").exists()


def test_organisations_are_attached_and_detached(personas) -> None:
    node = ChainNodeFactory()
    node_set_organizations(
        actor=personas.officer, node=node, organizations=[personas.company, personas.university]
    )
    assert set(node.organizations.all()) == {personas.company, personas.university}
    entry = last_entry()
    assert entry.action == "chains.node.organizations"
    assert entry.data["added"] == sorted([personas.company.pk, personas.university.pk])
    node_set_organizations(actor=personas.officer, node=node, organizations=[personas.company])
    assert list(node.organizations.all()) == [personas.company]
    assert last_entry().data == {"added": [], "removed": [personas.university.pk]}


def test_an_organisation_awaiting_approval_cannot_be_attached(personas) -> None:
    personas.company.status = personas.company.Status.PENDING
    personas.company.save()
    node = ChainNodeFactory()
    with pytest.raises(MapError) as caught:
        node_set_organizations(actor=personas.officer, node=node, organizations=[personas.company])
    assert caught.value.code == "organization_not_approved"
    assert not node.organizations.exists()
