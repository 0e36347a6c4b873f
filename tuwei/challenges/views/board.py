"""The public board (no sign-in): list with filters and search, detail, feeds, JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tuwei.challenges import search, selectors
from tuwei.challenges.forms import BoardFilterForm
from tuwei.challenges.models import Challenge
from tuwei.challenges.search.highlight import highlight, snippet
from tuwei.challenges.templatetags.challenges import challenge_badge, wan
from tuwei.core.i18n import localise_text

PAGE_SIZE = 20
SHANGHAI = ZoneInfo("Asia/Shanghai")
FEED_SIZE = 50


@dataclass
class BoardRow:
    """One board line, prepared here: the board is the busiest public page."""

    challenge: Challenge
    title: SafeString
    excerpt: SafeString
    owner: str
    region: str
    chain: str
    funding: str
    deadline: str
    badge: str


def _rows(challenges: list[Challenge], terms: list[search.Term]) -> list[BoardRow]:
    rows = []
    for challenge in challenges:
        node = challenge.node
        rows.append(
            BoardRow(
                challenge=challenge,
                title=highlight(localise_text(challenge.title), terms),
                excerpt=snippet(localise_text(challenge.problem), terms),
                owner=localise_text(challenge.owner.name),
                region=str(challenge.region) if challenge.region else "—",
                chain=str(node.chain) if node else "—",
                funding=wan(challenge.total_funding),
                deadline=timezone.localtime(challenge.deadline).strftime("%Y-%m-%d %H:%M")
                if challenge.deadline
                else "—",
                badge=challenge_badge(challenge),
            )
        )
    return rows


@dataclass
class Option:
    value: str
    label: str
    selected: bool


def _choices(form: BoardFilterForm, name: str) -> list[tuple[str, str]]:
    """A select's choices, cached a minute per language: the map changes rarely."""
    key = f"challenges.board.choices.{name}.{get_language()}"
    choices = cache.get(key)
    if choices is None:
        field: Any = form.fields[name]
        choices = [(str(value), str(label)) for value, label in field.choices if str(value)]
        cache.set(key, choices, 60)
    return choices


def _options(form: BoardFilterForm, name: str) -> list[Option]:
    """A select's options as plain data: Django's widget templates are slow for a hot page."""
    current = str(form.data.get(name, "")) if form.is_bound else ""
    return [Option(value, label, value == current) for value, label in _choices(form, name)]


@require_GET
def board_list(request: HttpRequest) -> HttpResponse:
    form = BoardFilterForm(request.GET or None)
    filters = selectors.BoardFilters(**form.valid_values()) if request.GET else None
    filters = filters or selectors.BoardFilters()
    results = selectors.board_results(filters)
    paged: Any = results  # a queryset, or search results that page the same way
    page = Paginator(paged, PAGE_SIZE).get_page(request.GET.get("page"))
    terms = results.terms if isinstance(results, search.Results) else []
    context: dict[str, Any] = {
        "form": form,
        "options": {
            name: _options(form, name) for name in ("status", "cluster", "chain", "region")
        },
        "page": page,
        "rows": _rows(selectors.board_page_challenges(list(page.object_list)), terms),
        "searching": bool(terms),
        "query": filters.q,
        "nothing_to_search": bool(filters.q) and not terms,
        "capped": isinstance(results, search.Results) and results.capped,
        "max_results": search.MAX_RESULTS,
        "board_url": reverse("challenges:board"),
        "now": timezone.now(),
    }
    return render(request, "challenges/board/list.html", context)


@require_GET
def board_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        challenge = selectors.board_get(pk)
    except Challenge.DoesNotExist as exc:
        raise Http404 from exc
    return render(request, "challenges/board/detail.html", {"challenge": challenge, "public": True})


def _yuan(value: Any) -> int | float:
    return int(value) if value == int(value) else float(value)


@require_GET
def open_json(request: HttpRequest) -> JsonResponse:
    """Open challenges for other sites and tools; deadlines in ISO 8601 with +08:00."""
    rows = (
        selectors.open_challenges()
        .order_by("deadline", "pk")
        .values(
            "pk",
            "title",
            "owner__name",
            "region__name",
            "node__name",
            "node__chain__name",
            "gov_funding",
            "enterprise_funding",
            "max_winners",
            "deadline",
        )
    )
    base = request.build_absolute_uri(reverse("challenges:board"))
    items = [
        {
            "id": row["pk"],
            "title": row["title"],
            "owner": row["owner__name"],
            "region": row["region__name"],
            "chain": row["node__chain__name"],
            "chain_node": row["node__name"],
            "funding": {
                "currency": "CNY",
                "government": _yuan(row["gov_funding"]),
                "enterprise": _yuan(row["enterprise_funding"]),
                "total": _yuan(row["gov_funding"] + row["enterprise_funding"]),
            },
            "max_winners": row["max_winners"],
            "deadline": row["deadline"].astimezone(SHANGHAI).isoformat()
            if row["deadline"]
            else None,
            "url": f"{base}{row['pk']}/",
        }
        for row in rows
    ]
    response = JsonResponse(
        {"generated": timezone.now().astimezone(SHANGHAI).isoformat(), "challenges": items},
        json_dumps_params={"ensure_ascii": False},
    )
    response["Cache-Control"] = "public, max-age=300"
    return response


class OpenChallengesFeed(Feed):
    """RSS 2.0 of open challenges, newest publication first."""

    def title(self) -> str:
        return _("Open challenges")

    def link(self) -> str:
        return reverse("challenges:board")

    def description(self) -> str:
        return _("Challenges of the S&T breakthrough program open for applications.")

    def items(self) -> list[Challenge]:
        return list(selectors.open_challenges().order_by("-published_at", "-pk")[:FEED_SIZE])

    def item_title(self, item: Challenge) -> str:
        return item.title

    def item_description(self, item: Challenge) -> str:
        deadline = (
            timezone.localtime(item.deadline).strftime("%Y-%m-%d %H:%M") if item.deadline else ""
        )
        summary = Truncator(strip_tags(item.problem)).chars(300)
        return _("%(owner)s · deadline %(deadline)s (Beijing time) · %(summary)s") % {
            "owner": item.owner.name,
            "deadline": deadline,
            "summary": summary,
        }

    def item_link(self, item: Challenge) -> str:
        return reverse("challenges:board_detail", args=[item.pk])

    def item_pubdate(self, item: Challenge) -> Any:
        return item.published_at

    def item_updateddate(self, item: Challenge) -> Any:
        return item.updated_at

    def item_author_name(self, item: Challenge) -> str:
        return item.owner.name


class OpenChallengesAtomFeed(OpenChallengesFeed):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()
