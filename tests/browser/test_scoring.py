"""Two raters score breakthrough points in the browser; the officer finishes and promotes.

The expert first enters an inconsistent comparison grid, sees the live consistency
warning naming a pair, is refused on saving, fixes it; both raters score; the
officer sees CR, TOPSIS and weighted-sum ranks and the sensitivity chart, finishes
the session and promotes the winner to a challenge draft.
"""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest
from django_otp.oath import TOTP

from engine import mcda
from tests.accounts.factories import PASSWORD, UserFactory
from tests.chains.factories_points import PointFactory, default_criteria, make_session
from tuwei.accounts.roles import Role
from tuwei.chains.models import ChallengeDraft, ScoringSession

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INCONSISTENT = {"p-0-1": "9", "p-1-2": "9", "p-0-2": "1/9"}
FIXED = {"p-0-1": "3", "p-1-2": "1", "p-0-2": "3", "p-0-3": "3", "p-1-3": "1", "p-2-3": "1"}
# rows: points in creation order; columns: the session's four criteria
EXPERT_SCORES = [[9, 8, 9, 8], [5, 6, 5, 6], [3, 4, 3, 2]]
OFFICER_SCORES = [[8, 9, 8, 9], [6, 5, 6, 5], [2, 3, 4, 3]]


def upper(choices: dict[str, str]) -> dict[tuple[int, int], float]:
    pairs = {(i, j): 1.0 for i in range(4) for j in range(i + 1, 4)}
    for key, code in choices.items():
        i, j = (int(part) for part in key.split("-")[1:])
        numerator, _, denominator = code.partition("/")
        pairs[(i, j)] = float(numerator) / float(denominator or 1)
    return pairs


def sign_in(page: Any, base: str, username: str, *, totp: bool) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].primary")
    if totp:
        page.wait_for_url(re.compile(r"/accounts/mfa/setup/"))
        secret = page.inner_text("[data-testid=totp-secret]").strip()
        page.fill("#id_token", f"{TOTP(base64.b32decode(secret)).token():06d}")
        page.click("button[type=submit].primary")
    page.wait_for_url(f"{base}/")


def sign_out(page: Any, base: str) -> None:
    page.click("text=Sign out")
    page.wait_for_url(re.compile(r"/accounts/login/"))


def choose(page: Any, choices: dict[str, str]) -> None:
    for key, code in choices.items():
        page.select_option(f"#id_{key}", code)


def enter_scores(page: Any, session: ScoringSession, table: list[list[int]]) -> None:
    points = list(session.points.order_by("pk"))
    criteria = [row.criterion for row in session.session_criteria.order_by("position")]
    for r, point in enumerate(points):
        for c, criterion in enumerate(criteria):
            page.fill(f"#id_s-{point.pk}-{criterion.pk}", str(table[r][c]))
    page.click("[data-testid=scores-save]")
    page.wait_for_url(re.compile(rf"/scoring/{session.pk}/$"))


def test_two_raters_score_and_the_officer_promotes_the_winner(page, live_server) -> None:
    base = live_server.url
    officer = UserFactory(username="officer", roles=[Role.OFFICER])
    expert = UserFactory(username="expert", roles=[Role.EXPERT])
    winner = PointFactory(title="领先点位", status="shortlisted")
    points = [winner, PointFactory(title="第二点位"), PointFactory(title="第三点位")]
    criteria = default_criteria()[:4]
    session = make_session(
        officer=officer, points=points, raters=[officer, expert], criteria=criteria, top_n=2
    )
    names = [criterion.name_en for criterion in criteria]
    page.context.add_cookies([{"name": "tuwei_language", "value": "en", "url": base}])

    # The expert: an inconsistent grid is flagged live, refused on saving, then fixed.
    sign_in(page, base, "expert", totp=False)
    assert "Scoring sessions waiting for your judgements" in page.inner_text("main")
    page.goto(f"{base}/scoring/")
    page.click(f"[data-testid=session-row-{session.pk}] a")
    page.click("[data-testid=enter-ahp]")
    choose(page, INCONSISTENT)
    bad = mcda.ahp_from_upper(4, upper(INCONSISTENT))
    assert bad.cr >= 0.1
    i, j = bad.most_inconsistent_pair
    warning = page.locator("[data-testid=cr-warning]")
    warning.wait_for()
    page.wait_for_function(
        "expected => document.querySelector('[data-testid=cr]').textContent.trim() === expected",
        arg=f"{bad.cr:.3f}",
    )
    assert f"comparison of {names[i]} with {names[j]}" in warning.inner_text()
    page.click("[data-testid=ahp-save]")
    page.wait_for_selector("[data-testid=ahp-errors]")
    assert "not consistent enough" in page.inner_text("[data-testid=ahp-errors]")
    assert page.input_value("#id_p-0-2") == "1/9"  # what was chosen stays on the page
    good = mcda.ahp_from_upper(4, upper(FIXED))
    assert good.cr < 0.1
    choose(page, FIXED)
    page.wait_for_selector("[data-testid=cr-ok]")
    page.click("[data-testid=ahp-save]")
    page.wait_for_url(re.compile(rf"/scoring/{session.pk}/$"))
    page.click("[data-testid=enter-scores]")
    enter_scores(page, session, EXPERT_SCORES)
    assert not page.is_visible("[data-testid=see-results]")  # results wait for the finish
    sign_out(page, base)

    # The officer compares, scores, reads the result and finishes the session.
    sign_in(page, base, "officer", totp=True)
    page.goto(f"{base}/scoring/{session.pk}/ahp/")
    choose(page, {"p-0-1": "2", "p-2-3": "2"})
    page.wait_for_selector("[data-testid=cr-ok]")
    page.click("[data-testid=ahp-save]")
    page.wait_for_url(re.compile(rf"/scoring/{session.pk}/$"))
    page.click("[data-testid=enter-scores]")
    enter_scores(page, session, OFFICER_SCORES)
    page.click("[data-testid=see-results]")
    page.wait_for_url(re.compile(rf"/scoring/{session.pk}/results/$"))
    assert "CR =" in page.inner_text("[data-testid=combined-cr]")
    page.wait_for_selector(
        "[data-testid=sensitivity-chart][data-chart-ready='1']", state="attached"
    )
    first_row = page.locator(f"[data-testid=rank-row-{winner.pk}]")
    assert first_row.locator("[data-testid=topsis-rank]").inner_text() == "1"
    assert first_row.locator("[data-testid=wsm-rank]").inner_text() == "1"
    assert page.locator("[data-testid=ranking-table] tbody tr").count() == 3
    page.click("[data-testid=session-close]")
    page.wait_for_selector("[data-testid=frozen]")
    assert ScoringSession.objects.get(pk=session.pk).status == "closed"

    # The winner becomes a challenge draft.
    first_row.locator("a").click()
    page.wait_for_url(f"{base}/points/{winner.pk}/")
    page.click("[data-testid=promote]")
    page.wait_for_url(f"{base}/promotions/")
    assert page.is_visible(f"[data-testid=draft-row-{winner.pk}]")
    assert ChallengeDraft.objects.get().point == winner
