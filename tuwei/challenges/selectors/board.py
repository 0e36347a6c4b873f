"""The public board: published challenges, open or closed, filtered and searched."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Case, F, QuerySet, Value, When
from django.utils import timezone

from tuwei.accounts.models import Region
from tuwei.chains.models import Chain, ChainNode, Cluster
from tuwei.challenges import search
from tuwei.challenges.models import Challenge
from tuwei.challenges.models.challenge import PUBLIC_STATUSES

TEN_THOUSAND = Decimal(10_000)
OPEN, CLOSED, ALL = "open", "closed", "all"


@dataclass
class BoardFilters:
    q: str = ""
    status: str = OPEN
    cluster: Cluster | None = None
    chain: Chain | None = None
    region: Region | None = None
    funding_min: Decimal | None = None  # in 万元 (ten thousand yuan), as the form asks
    funding_max: Decimal | None = None
    deadline_from: date | None = None
    deadline_to: date | None = None


def public_challenges() -> QuerySet[Challenge]:
    return Challenge.objects.filter(status__in=PUBLIC_STATUSES).select_related(
        "owner", "region", "node__chain__cluster"
    )


def open_challenges(now: datetime | None = None) -> QuerySet[Challenge]:
    """Published and before the deadline (the feed, the JSON list, the default board)."""
    now = now or timezone.now()
    return public_challenges().filter(status=Challenge.Status.PUBLISHED, deadline__gt=now)


def board_get(pk: int) -> Challenge:
    """Raises Challenge.DoesNotExist for anything not on the board."""
    return public_challenges().prefetch_related("indicators", "milestones").get(pk=pk)


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _ranges(filters: BoardFilters) -> QuerySet[Challenge] | None:
    """The range filters as a queryset, or None when there are none."""
    conditions: dict[str, Any] = {}
    if filters.funding_min is not None:
        conditions["total__gte"] = filters.funding_min * TEN_THOUSAND
    if filters.funding_max is not None:
        conditions["total__lte"] = filters.funding_max * TEN_THOUSAND
    if filters.deadline_from is not None:
        conditions["deadline__gte"] = _day_start(filters.deadline_from)
    if filters.deadline_to is not None:
        conditions["deadline__lt"] = _day_start(filters.deadline_to + timedelta(days=1))
    if not conditions:
        return None
    return Challenge.objects.alias(total=F("gov_funding") + F("enterprise_funding")).filter(
        **conditions
    )


def _nodes_of(filters: BoardFilters) -> list[int] | None:
    if filters.chain is not None:
        nodes = ChainNode.objects.filter(chain=filters.chain)
    elif filters.cluster is not None:
        nodes = ChainNode.objects.filter(chain__cluster=filters.cluster)
    else:
        return None
    return list(nodes.values_list("pk", flat=True))


def _listing(filters: BoardFilters, now: datetime) -> QuerySet[Challenge]:
    challenges = Challenge.objects.filter(status__in=PUBLIC_STATUSES).only("pk")
    is_open = {"status": Challenge.Status.PUBLISHED, "deadline__gt": now}
    if filters.status == OPEN:
        challenges = challenges.filter(**is_open)
    elif filters.status == CLOSED:
        challenges = challenges.exclude(**is_open)
    if filters.region is not None:
        challenges = challenges.filter(region=filters.region)
    nodes = _nodes_of(filters)
    if nodes is not None:
        challenges = challenges.filter(node_id__in=nodes)
    ranges = _ranges(filters)
    if ranges is not None:
        challenges = challenges.filter(pk__in=ranges.values("pk"))
    if filters.status == OPEN:  # soonest deadline first, straight from the index
        return challenges.order_by("deadline", "pk")
    if filters.status == CLOSED:
        return challenges.order_by("-deadline", "-pk")
    # all: open ones first, soonest deadline first; then closed ones, latest deadline first
    return challenges.annotate(
        closed_rank=Case(When(**is_open, then=Value(0)), default=Value(1)),
        open_deadline=Case(When(**is_open, then=F("deadline"))),
    ).order_by("closed_rank", F("open_deadline").asc(nulls_last=True), "-deadline", "-pk")


def _search(filters: BoardFilters, now: datetime) -> search.Results:
    published = Challenge.objects.filter(status=Challenge.Status.PUBLISHED)
    facets: list[str | tuple[str, ...]] = []
    exclude = None
    if filters.status == OPEN:
        # the index calls a challenge open until the closing job runs; the few that are
        # past their deadline but not yet closed are taken out exactly here
        facets.append(search.OPEN)
        exclude = published.filter(deadline__lte=now)
    else:
        facets.append(search.PUBLIC)
        if filters.status == CLOSED:
            exclude = published.filter(deadline__gt=now)
    if filters.region is not None:
        facets.append(search.facet("r", filters.region.pk))
    nodes = _nodes_of(filters)
    if nodes is not None:
        facets.append(tuple(search.facet("n", pk) for pk in nodes))
    return search.search(filters.q, _ranges(filters), facets=facets, exclude=exclude)


def board_results(
    filters: BoardFilters, now: datetime | None = None
) -> QuerySet[Challenge] | search.Results:
    """What the board lists: a ranked search when the query has a searchable term,
    else the filtered list. Either pages with Django's Paginator."""
    now = now or timezone.now()
    if search.query_terms(filters.q):
        return _search(filters, now)
    return _listing(filters, now)


# what a board line shows; the rest of a challenge stays in the database
BOARD_ROW_FIELDS = (
    "title",
    "problem",
    "status",
    "deadline",
    "gov_funding",
    "enterprise_funding",
    "owner__name",
    "region__name",
    "region__name_en",
    "node__name",
    "node__name_en",
    "node__chain__name",
    "node__chain__name_en",
)


def board_page_challenges(items: list[Any]) -> list[Challenge]:
    """The challenges of one page, in order: a list page's as they are, hits in rank order."""
    if not items:
        return []
    ids = [item.pk if isinstance(item, Challenge) else item.id for item in items]
    found = (
        Challenge.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("owner", "region", "node__chain")
        .only(*BOARD_ROW_FIELDS)
        .in_bulk(ids)
    )
    return [found[pk] for pk in ids if pk in found]
