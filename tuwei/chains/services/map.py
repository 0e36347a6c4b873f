"""Every change to the industry map: clusters, chains and chain nodes, one function each.

Each checks the actor's right, locks what it changes, saves and writes the audit
entry in the same transaction. Tree changes of a chain (create, move, delete) lock
the chain row first, so two officers cannot build a cycle by moving two nodes under
each other at the same moment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Model, ProtectedError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tuwei.accounts.models import Organization, User
from tuwei.chains.models import Chain, ChainNode, Cluster
from tuwei.core.audit import log_action
from tuwei.core.errors import DomainError

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
RESERVED_CODES = {"new"}  # map/chains/new/ is the create page, not a chain


def is_valid_code(code: str) -> bool:
    return bool(CODE_PATTERN.match(code)) and code not in RESERVED_CODES


class MapError(DomainError):
    NOT_ALLOWED = _("You do not have the right to change the industry map.")
    BAD_CODE = _("Use letters, digits, - and _ only, starting with a letter or digit.")
    CODE_TAKEN = _("The code %(value)s is already used.")
    PARENT_OTHER_CHAIN = _(
        "The parent node must belong to the same chain (%(parent)s is in another chain)."
    )
    CYCLE = _("%(parent)s lies below %(node)s; a node cannot be placed under itself.")
    HAS_CHILDREN = _(
        "%(node)s has %(count)s node(s) below it; move or delete them before deleting it."
    )
    HAS_POINTS = _(
        "%(node)s carries %(count)s breakthrough point(s); a node with points cannot be deleted."
    )
    IN_USE = _("%(node)s is still referred to by other records and cannot be deleted.")
    ORGANIZATION_NOT_APPROVED = _("Only approved organisations can be attached to a node.")


CLUSTER_FIELDS = ("code", "name", "name_en", "is_leading", "description", "order")
CHAIN_FIELDS = ("cluster", "code", "name", "name_en", "description", "order")
NODE_FIELDS = (
    "code",
    "name",
    "name_en",
    "stage",
    "gap_kind",
    "is_chokepoint",
    "description",
    "order",
)


def _require(actor: User) -> None:
    if not actor.is_authenticated or not actor.has_perm("chains.edit_map"):
        raise MapError(MapError.NOT_ALLOWED, code="not_allowed")


def _check_code(code: str) -> str:
    code = code.strip()
    if not is_valid_code(code):
        raise MapError(MapError.BAD_CODE, code="bad_code")
    return code


def _display(value: Any) -> Any:
    if isinstance(value, Model):
        return getattr(value, "code", None) or value.pk
    return value


def _apply_changes(obj: Model, changes: dict[str, Any], allowed: Iterable[str]) -> dict[str, Any]:
    """Set the changed fields and return the audit diff {field: [before, after]}."""
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    diff: dict[str, Any] = {}
    for field, value in changes.items():
        if field == "code":
            value = _check_code(value)
        before = getattr(obj, field)
        if before != value:
            diff[field] = [_display(before), _display(value)]
            setattr(obj, field, value)
    return diff


def _save_unique(obj: Model, code: str, **save_kwargs: Any) -> None:
    obj.full_clean()
    try:
        with transaction.atomic():
            obj.save(**save_kwargs)
    except IntegrityError as exc:  # two officers racing for one code
        raise MapError(MapError.CODE_TAKEN, code="code_taken", value=code) from exc


def _code_taken(model: type[Model], code: str, exclude_pk: int | None = None) -> None:
    taken = model._default_manager.filter(code=code)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise MapError(MapError.CODE_TAKEN, code="code_taken", value=code)


def cluster_create(
    *,
    actor: User,
    code: str,
    name: str,
    name_en: str = "",
    is_leading: bool = False,
    description: str = "",
    order: int = 0,
    request: HttpRequest | None = None,
) -> Cluster:
    _require(actor)
    code = _check_code(code)
    with transaction.atomic():
        _code_taken(Cluster, code)
        cluster = Cluster(
            code=code,
            name=name.strip(),
            name_en=name_en.strip(),
            is_leading=is_leading,
            description=description,
            order=order,
        )
        _save_unique(cluster, code)
        log_action(cluster, "chains.cluster.create", actor=actor, request=request)
    return cluster


def cluster_update(
    *,
    actor: User,
    cluster: Cluster,
    changes: dict[str, Any],
    request: HttpRequest | None = None,
) -> Cluster:
    _require(actor)
    with transaction.atomic():
        cluster = Cluster.objects.select_for_update().get(pk=cluster.pk)
        diff = _apply_changes(cluster, changes, CLUSTER_FIELDS)
        if "code" in diff:
            _code_taken(Cluster, cluster.code, exclude_pk=cluster.pk)
        if diff:
            _save_unique(cluster, cluster.code, update_fields=list(diff))
            log_action(cluster, "chains.cluster.update", actor=actor, data=diff, request=request)
    return cluster


def chain_create(
    *,
    actor: User,
    cluster: Cluster,
    code: str,
    name: str,
    name_en: str = "",
    description: str = "",
    order: int = 0,
    request: HttpRequest | None = None,
) -> Chain:
    _require(actor)
    code = _check_code(code)
    with transaction.atomic():
        _code_taken(Chain, code)
        chain = Chain(
            cluster=cluster,
            code=code,
            name=name.strip(),
            name_en=name_en.strip(),
            description=description,
            order=order,
        )
        _save_unique(chain, code)
        log_action(
            chain,
            "chains.chain.create",
            actor=actor,
            data={"cluster": cluster.code},
            request=request,
        )
    return chain


def chain_update(
    *,
    actor: User,
    chain: Chain,
    changes: dict[str, Any],
    request: HttpRequest | None = None,
) -> Chain:
    _require(actor)
    with transaction.atomic():
        chain = Chain.objects.select_for_update().get(pk=chain.pk)
        diff = _apply_changes(chain, changes, CHAIN_FIELDS)
        if "code" in diff:
            _code_taken(Chain, chain.code, exclude_pk=chain.pk)
        if diff:
            _save_unique(chain, chain.code, update_fields=list(diff))
            log_action(chain, "chains.chain.update", actor=actor, data=diff, request=request)
    return chain


def _check_parent(node: ChainNode, parent: ChainNode | None) -> None:
    """Refuse a parent from another chain and any parent that lies below the node."""
    if parent is None:
        return
    if parent.chain_id != node.chain_id:
        raise MapError(MapError.PARENT_OTHER_CHAIN, code="parent_other_chain", parent=parent.code)
    if node.pk is None:
        return  # a new node has nothing below it
    parents = dict(ChainNode.objects.filter(chain_id=node.chain_id).values_list("pk", "parent_id"))
    seen: set[int] = set()
    current: int | None = parent.pk
    while current is not None and current not in seen:
        if current == node.pk:
            raise MapError(MapError.CYCLE, code="cycle", parent=parent.code, node=node.code)
        seen.add(current)
        current = parents.get(current)


def node_create(
    *,
    actor: User,
    chain: Chain,
    code: str,
    name: str,
    stage: str,
    gap_kind: str,
    parent: ChainNode | None = None,
    name_en: str = "",
    is_chokepoint: bool = False,
    description: str = "",
    order: int = 0,
    request: HttpRequest | None = None,
) -> ChainNode:
    _require(actor)
    code = _check_code(code)
    with transaction.atomic():
        Chain.objects.select_for_update().get(pk=chain.pk)
        _code_taken(ChainNode, code)
        node = ChainNode(
            chain=chain,
            parent=parent,
            code=code,
            name=name.strip(),
            name_en=name_en.strip(),
            stage=stage,
            gap_kind=gap_kind,
            is_chokepoint=is_chokepoint,
            description=description,
            order=order,
        )
        _check_parent(node, parent)
        _save_unique(node, code)
        log_action(
            node,
            "chains.node.create",
            actor=actor,
            data={"chain": chain.code, "parent": parent.code if parent else None},
            request=request,
        )
    return node


def node_update(
    *,
    actor: User,
    node: ChainNode,
    changes: dict[str, Any],
    request: HttpRequest | None = None,
) -> ChainNode:
    """Facts of a node; its place in the tree changes through `node_move`."""
    _require(actor)
    with transaction.atomic():
        node = ChainNode.objects.select_for_update().get(pk=node.pk)
        diff = _apply_changes(node, changes, NODE_FIELDS)
        if "code" in diff:
            _code_taken(ChainNode, node.code, exclude_pk=node.pk)
        if diff:
            _save_unique(node, node.code, update_fields=list(diff))
            log_action(node, "chains.node.update", actor=actor, data=diff, request=request)
    return node


def node_move(
    *,
    actor: User,
    node: ChainNode,
    parent: ChainNode | None,
    request: HttpRequest | None = None,
) -> ChainNode:
    """Place a node under another node of the same chain, or at the top (parent None)."""
    _require(actor)
    with transaction.atomic():
        Chain.objects.select_for_update().get(pk=node.chain_id)
        node = ChainNode.objects.select_for_update().get(pk=node.pk)
        if parent is not None:
            parent = ChainNode.objects.get(pk=parent.pk)
        if node.parent_id == (parent.pk if parent else None):
            return node
        _check_parent(node, parent)
        before = node.parent.code if node.parent else None
        node.parent = parent
        node.save(update_fields=["parent"])
        log_action(
            node,
            "chains.node.move",
            actor=actor,
            data={"parent": [before, parent.code if parent else None]},
            request=request,
        )
    return node


def node_delete(*, actor: User, node: ChainNode, request: HttpRequest | None = None) -> None:
    _require(actor)
    with transaction.atomic():
        Chain.objects.select_for_update().get(pk=node.chain_id)
        node = ChainNode.objects.select_for_update().get(pk=node.pk)
        children = node.children.count()
        if children:
            raise MapError(MapError.HAS_CHILDREN, code="has_children", node=node, count=children)
        points = node.points.count()
        if points:
            raise MapError(MapError.HAS_POINTS, code="has_points", node=node, count=points)
        log_action(
            node,
            "chains.node.delete",
            actor=actor,
            data={
                "chain": node.chain.code,
                "parent": node.parent.code if node.parent else None,
                "name": node.name,
            },
            request=request,
        )
        node.organizations.clear()
        try:
            with transaction.atomic():
                node.delete()
        except ProtectedError as exc:  # e.g. a challenge draft still names the node
            raise MapError(MapError.IN_USE, code="in_use", node=node) from exc


def node_set_organizations(
    *,
    actor: User,
    node: ChainNode,
    organizations: Iterable[Organization],
    request: HttpRequest | None = None,
) -> ChainNode:
    """Attach exactly these enterprises and institutions to the node."""
    _require(actor)
    wanted = {organization.pk: organization for organization in organizations}
    with transaction.atomic():
        node = ChainNode.objects.select_for_update().get(pk=node.pk)
        approved = set(
            Organization.objects.filter(
                pk__in=wanted, status=Organization.Status.APPROVED
            ).values_list("pk", flat=True)
        )
        if approved != set(wanted):
            raise MapError(MapError.ORGANIZATION_NOT_APPROVED, code="organization_not_approved")
        held = set(node.organizations.values_list("pk", flat=True))
        added, removed = set(wanted) - held, held - set(wanted)
        if not added and not removed:
            return node
        node.organizations.remove(*removed)
        node.organizations.add(*added)
        log_action(
            node,
            "chains.node.organizations",
            actor=actor,
            data={"added": sorted(added), "removed": sorted(removed)},
            request=request,
        )
    return node
