"""URLs of the industry map (clusters, chains, nodes, import/export)."""

from __future__ import annotations

from django.urls import path

from tuwei.chains.views import map as views
from tuwei.chains.views import map_import

urlpatterns = [
    path("map/", views.map_overview, name="map"),
    path("map/export.xlsx", map_import.map_export, name="map_export"),
    path("map/import/", map_import.map_import_page, name="map_import"),
    path("map/clusters/new/", views.cluster_create, name="cluster_create"),
    path("map/clusters/<str:code>/edit/", views.cluster_edit, name="cluster_edit"),
    path("map/chains/new/", views.chain_create, name="chain_create"),
    path("map/chains/<str:code>/", views.chain_detail, name="chain_detail"),
    path("map/chains/<str:code>/edit/", views.chain_edit, name="chain_edit"),
    path("map/chains/<str:chain_code>/nodes/new/", views.node_create, name="node_create"),
    path("map/nodes/<str:code>/", views.node_detail, name="node_detail"),
    path("map/nodes/<str:code>/edit/", views.node_edit, name="node_edit"),
    path("map/nodes/<str:code>/delete/", views.node_delete, name="node_delete"),
    path(
        "map/nodes/<str:code>/organizations/",
        views.node_organizations,
        name="node_organizations",
    ),
]
