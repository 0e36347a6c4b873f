"""The demo loader: the named projects are there, every status is shown, it runs twice."""

from __future__ import annotations

from tuwei.accounts import demo as accounts_demo
from tuwei.chains import demo as chains_demo
from tuwei.challenges import demo, search
from tuwei.challenges.models import Challenge, Indicator, Milestone
from tuwei.programs import demo as programs_demo

S = Challenge.Status


def load_all() -> dict:
    context: dict = {}
    for loader in (accounts_demo, programs_demo, chains_demo, demo):
        context.update(loader.load(context))
    return context


def counts() -> tuple[int, ...]:
    return (Challenge.objects.count(), Indicator.objects.count(), Milestone.objects.count())


def test_it_loads_and_loads_again_without_change(db) -> None:
    load_all()
    first = counts()
    states = dict(Challenge.objects.values_list("title", "status"))
    load_all()
    assert counts() == first
    assert dict(Challenge.objects.values_list("title", "status")) == states
    assert first[0] >= 45


def test_the_named_projects_are_there_with_their_owners(db) -> None:
    context = load_all()
    named = {
        "千吨级费托合成α-烯烃分离提纯关键技术": ("yitai", "150600"),
        "氯碱行业无汞触媒全面应用关键技术": ("ordos_power", "150600"),
        "煤基纳米碳氢炸药研制及工程化应用": ("zhunneng", "150600"),
        "兆瓦级铁-铬液流电池储能示范": ("tongliao_storage", "150500"),
        "高压固体储热供暖及远端云控关键技术": ("nuanjie", "150400"),
    }
    for title, (owner, region) in named.items():
        challenge = Challenge.objects.get(title=title)
        assert challenge.owner == context["organizations"][owner], title
        assert challenge.region.code == region
        assert challenge.status == S.PUBLISHED and challenge.is_open()
        assert challenge.indicators.exists() and challenge.milestones.count() == 3


def test_every_status_is_shown_and_most_are_published(db) -> None:
    load_all()
    statuses = list(Challenge.objects.values_list("status", flat=True))
    assert {S.DRAFT, S.SUBMITTED, S.RETURNED, S.VETTED, S.PUBLISHED, S.CLOSED, S.WITHDRAWN} <= set(
        statuses
    )
    assert statuses.count(S.PUBLISHED) > len(statuses) / 2
    duplicate = Challenge.objects.get(merged_into__isnull=False)
    assert (
        duplicate.status == S.WITHDRAWN
        and f"#{duplicate.merged_into_id}" in duplicate.withdraw_reason
    )
    assert all(c.return_reason for c in Challenge.objects.filter(status=S.RETURNED))


def test_the_demo_is_searchable_in_either_script(db) -> None:
    load_all()
    found = search.search("儲能", facets=[search.PUBLIC]).ids()
    titles = set(Challenge.objects.filter(pk__in=found).values_list("title", flat=True))
    assert "兆瓦级铁-铬液流电池储能示范" in titles
    first = search.search("α-烯烃", facets=[search.OPEN]).ids()[0]
    assert Challenge.objects.get(pk=first).title == "千吨级费托合成α-烯烃分离提纯关键技术"
