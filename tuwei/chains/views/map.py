"""The industry map: overview, chain chart, node page, and the officer's edit pages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import BaseForm
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tuwei.chains.forms_map import ChainForm, ClusterForm, NodeForm, NodeOrganizationsForm
from tuwei.chains.models import Chain, ChainNode, Cluster
from tuwei.chains.selectors import map as selectors
from tuwei.chains.services import map as services
from tuwei.core.errors import DomainError
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest

# which form field a service's refusal belongs to
ERROR_FIELDS = {
    "code_taken": "code",
    "bad_code": "code",
    "cycle": "parent",
    "parent_other_chain": "parent",
    "organization_not_approved": "organizations",
}


def _cluster(request: AuthedRequest, code: str) -> Cluster:
    try:
        return selectors.cluster_get(user=request.user, code=code)
    except Cluster.DoesNotExist as exc:
        raise Http404 from exc


def _chain(request: AuthedRequest, code: str) -> Chain:
    try:
        return selectors.chain_get(user=request.user, code=code)
    except Chain.DoesNotExist as exc:
        raise Http404 from exc


def _node(request: AuthedRequest, code: str) -> ChainNode:
    try:
        return selectors.node_get(user=request.user, code=code)
    except ChainNode.DoesNotExist as exc:
        raise Http404 from exc


def _refused(form: BaseForm, exc: DomainError | ValidationError) -> None:
    if isinstance(exc, ValidationError):
        form.add_error(None, exc.messages)
        return
    field = ERROR_FIELDS.get(exc.code)
    form.add_error(field if field in form.fields else None, str(exc))


def _form_page(request: AuthedRequest, form: BaseForm, **context: Any) -> HttpResponse:
    return render(request, "chains/map/form.html", {"form": form, **context})


def _changes(form: BaseForm, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    return {name: form.cleaned_data[name] for name in form.changed_data if name not in exclude}


@require_perm("chains.view_map")
def map_overview(request: AuthedRequest) -> HttpResponse:
    return render(
        request,
        "chains/map/overview.html",
        {
            "clusters": selectors.cluster_list(user=request.user),
            "can_edit": request.user.has_perm("chains.edit_map"),
        },
    )


@require_perm("chains.edit_map")
def cluster_create(request: AuthedRequest) -> HttpResponse:
    form = ClusterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cluster = services.cluster_create(
                actor=request.user, request=request, **form.cleaned_data
            )
        except (DomainError, ValidationError) as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("Cluster %(name)s was created.") % {"name": cluster})
            return redirect("chains:map")
    return _form_page(
        request, form, title=_("New industrial cluster"), cancel=reverse("chains:map")
    )


@require_perm("chains.edit_map")
def cluster_edit(request: AuthedRequest, code: str) -> HttpResponse:
    cluster = _cluster(request, code)
    form = ClusterForm(request.POST or None, instance=Cluster.objects.get(pk=cluster.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.cluster_update(
                actor=request.user, cluster=cluster, changes=_changes(form), request=request
            )
        except (DomainError, ValidationError) as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("The cluster was saved."))
            return redirect("chains:map")
    title = _("Edit cluster %(name)s") % {"name": cluster}
    return _form_page(request, form, title=title, cancel=reverse("chains:map"))


@require_perm("chains.edit_map")
def chain_create(request: AuthedRequest) -> HttpResponse:
    initial = {}
    preset = Cluster.objects.filter(code=request.GET.get("cluster", "")).first()
    if preset is not None:
        initial["cluster"] = preset
    form = ChainForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            chain = services.chain_create(actor=request.user, request=request, **form.cleaned_data)
        except (DomainError, ValidationError) as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("Chain %(name)s was created.") % {"name": chain})
            return redirect("chains:chain_detail", code=chain.code)
    return _form_page(request, form, title=_("New industrial chain"), cancel=reverse("chains:map"))


@require_perm("chains.edit_map")
def chain_edit(request: AuthedRequest, code: str) -> HttpResponse:
    chain = _chain(request, code)
    form = ChainForm(request.POST or None, instance=Chain.objects.get(pk=chain.pk))
    if request.method == "POST" and form.is_valid():
        try:
            chain = services.chain_update(
                actor=request.user, chain=chain, changes=_changes(form), request=request
            )
        except (DomainError, ValidationError) as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("The chain was saved."))
            return redirect("chains:chain_detail", code=chain.code)
    title = _("Edit chain %(name)s") % {"name": chain}
    return _form_page(
        request, form, title=title, cancel=reverse("chains:chain_detail", args=[chain.code])
    )


@require_perm("chains.view_map")
def chain_detail(request: AuthedRequest, code: str) -> HttpResponse:
    chain = _chain(request, code)
    stages = selectors.chain_tree(chain)
    return render(
        request,
        "chains/map/chain_detail.html",
        {
            "chain": chain,
            "rows": selectors.flatten(stages),
            "options": selectors.chain_tree_options(chain, stages),
            "legend": selectors.gap_legend(),
            "chokepoint_colour": selectors.CHOKEPOINT_COLOUR,
            "can_edit": request.user.has_perm("chains.edit_map"),
        },
    )


@require_perm("chains.edit_map")
def node_create(request: AuthedRequest, chain_code: str) -> HttpResponse:
    chain = _chain(request, chain_code)
    initial: dict[str, Any] = {}
    parent = ChainNode.objects.filter(chain=chain, code=request.GET.get("parent", "")).first()
    if parent is not None:
        initial.update(parent=parent, stage=parent.stage, gap_kind=parent.gap_kind)
    form = NodeForm(request.POST or None, initial=initial, chain=chain)
    if request.method == "POST" and form.is_valid():
        try:
            node = services.node_create(
                actor=request.user, chain=chain, request=request, **form.cleaned_data
            )
        except (DomainError, ValidationError) as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("Node %(name)s was created.") % {"name": node})
            return redirect("chains:chain_detail", code=chain.code)
    title = _("New node in %(chain)s") % {"chain": chain}
    return _form_page(
        request, form, title=title, cancel=reverse("chains:chain_detail", args=[chain.code])
    )


@require_perm("chains.view_map")
def node_detail(request: AuthedRequest, code: str) -> HttpResponse:
    node = _node(request, code)
    children = list(node.children.order_by("order", "code"))
    counts = selectors.node_badge_counts([node.pk, *(child.pk for child in children)])
    return render(
        request,
        "chains/map/node_detail.html",
        {
            "node": node,
            "path": selectors.node_path(node),
            "children": [(child, counts[child.pk]) for child in children],
            "counts": counts[node.pk],
            "organizations": node.organizations.select_related("region").order_by("name"),
            "points": node.points.select_related("region").order_by("-updated_at", "-id"),
            "can_edit": request.user.has_perm("chains.edit_map"),
        },
    )


@require_perm("chains.edit_map")
def node_edit(request: AuthedRequest, code: str) -> HttpResponse:
    node = _node(request, code)
    form = NodeForm(
        request.POST or None, instance=ChainNode.objects.get(pk=node.pk), chain=node.chain
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():  # facts and place in the tree save together or not at all
                saved = services.node_update(
                    actor=request.user,
                    node=node,
                    changes=_changes(form, exclude=("parent",)),
                    request=request,
                )
                if "parent" in form.changed_data:
                    services.node_move(
                        actor=request.user,
                        node=saved,
                        parent=form.cleaned_data["parent"],
                        request=request,
                    )
        except (DomainError, ValidationError) as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("The node was saved."))
            return redirect("chains:node_detail", code=saved.code)
    title = _("Edit node %(name)s") % {"name": node}
    return _form_page(
        request, form, title=title, cancel=reverse("chains:node_detail", args=[node.code])
    )


@require_perm("chains.edit_map")
def node_delete(request: AuthedRequest, code: str) -> HttpResponse:
    """GET asks for confirmation (no script needed); POST deletes."""
    node = _node(request, code)
    if request.method == "POST":
        try:
            services.node_delete(actor=request.user, node=node, request=request)
        except DomainError as exc:
            messages.error(request, str(exc))
            return redirect("chains:node_detail", code=node.code)
        messages.success(request, _("Node %(name)s was deleted.") % {"name": node})
        return redirect("chains:chain_detail", code=node.chain.code)
    return render(
        request,
        "chains/map/node_delete.html",
        {
            "node": node,
            "child_count": node.children.count(),
            "point_count": node.points.count(),
        },
    )


@require_perm("chains.edit_map")
def node_organizations(request: AuthedRequest, code: str) -> HttpResponse:
    node = _node(request, code)
    form = NodeOrganizationsForm(
        request.POST or None, initial={"organizations": list(node.organizations.all())}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.node_set_organizations(
                actor=request.user,
                node=node,
                organizations=form.cleaned_data["organizations"],
                request=request,
            )
        except DomainError as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("The node's organisations were saved."))
            return redirect("chains:node_detail", code=node.code)
    title = _("Enterprises and institutions of %(name)s") % {"name": node}
    return _form_page(
        request, form, title=title, cancel=reverse("chains:node_detail", args=[node.code])
    )
