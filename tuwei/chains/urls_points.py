"""URLs of breakthrough points, scoring sessions and promotions."""

from __future__ import annotations

from django.urls import path

from tuwei.chains.views import points, promotions, scoring, scoring_input, scoring_results

urlpatterns = [
    path("points/", points.point_list, name="point_list"),
    path("points/new/", points.point_create, name="point_create"),
    path("points/<int:pk>/", points.point_detail, name="point_detail"),
    path("points/<int:pk>/edit/", points.point_edit, name="point_edit"),
    path("points/<int:pk>/promote/", points.point_promote, name="point_promote"),
    path("points/<int:pk>/<slug:move>/", points.point_move, name="point_move"),
    path("promotions/", promotions.draft_list, name="draft_list"),
    path("scoring/", scoring.session_list, name="session_list"),
    path("scoring/new/", scoring.session_create, name="session_create"),
    path("scoring/compare/", scoring.session_compare, name="session_compare"),
    path("scoring/<int:pk>/", scoring.session_detail, name="session_detail"),
    path("scoring/<int:pk>/weights/", scoring.session_weights, name="session_weights"),
    path("scoring/<int:pk>/ahp/", scoring_input.session_ahp, name="session_ahp"),
    path("scoring/<int:pk>/ahp/check/", scoring_input.session_ahp_check, name="session_ahp_check"),
    path("scoring/<int:pk>/scores/", scoring_input.session_scores, name="session_scores"),
    path("scoring/<int:pk>/results/", scoring_results.session_results, name="session_results"),
    path("scoring/<int:pk>/close/", scoring.session_close, name="session_close"),
]
