"""URLs of challenges: the public board (board/…) and signed-in work (challenges/…)."""

from __future__ import annotations

from django.urls import path

from tuwei.challenges.views import board, mine, vetting

app_name = "challenges"

urlpatterns = [
    path("board/", board.board_list, name="board"),
    path("board/<int:pk>/", board.board_detail, name="board_detail"),
    path("board/feed/", board.OpenChallengesFeed(), name="feed"),
    path("board/feed/atom/", board.OpenChallengesAtomFeed(), name="feed_atom"),
    path("board/open.json", board.open_json, name="open_json"),
    path("challenges/", mine.challenge_list, name="list"),
    path("challenges/new/", mine.challenge_create, name="create"),
    path("challenges/vetting/", vetting.vetting_queue, name="vetting"),
    path("challenges/<int:pk>/", mine.challenge_detail, name="detail"),
    path("challenges/<int:pk>/edit/", mine.challenge_edit, name="edit"),
    path("challenges/<int:pk>/submit/", mine.challenge_submit, name="submit"),
    path("challenges/<int:pk>/withdraw/", mine.challenge_withdraw, name="withdraw"),
    path("challenges/<int:pk>/return/", vetting.challenge_return, name="return"),
    path("challenges/<int:pk>/vet/", vetting.challenge_vet, name="vet"),
    path("challenges/<int:pk>/publish/", vetting.challenge_publish, name="publish"),
    path("challenges/<int:pk>/merge/", vetting.challenge_merge, name="merge"),
]
