"""Tests for engine.forecast: exact cases, a brute-force OLS reference, interval coverage.

Needs no database: the engine is plain numpy.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine import forecast
from engine.forecast import ForecastError, forecast_steps, forecast_year_end, student_t_ppf

# Student's t quantiles from the published tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2).
T_TABLE = [
    (0.975, 1, 12.706),
    (0.975, 2, 4.303),
    (0.975, 5, 2.571),
    (0.975, 10, 2.228),
    (0.975, 30, 2.042),
    (0.95, 1, 6.314),
    (0.95, 3, 2.353),
    (0.95, 20, 1.725),
    (0.995, 4, 4.604),
    (0.9, 7, 1.415),
]


@pytest.mark.parametrize(("p", "df", "expected"), T_TABLE)
def test_it_matches_the_published_t_table(p: float, df: int, expected: float) -> None:
    assert student_t_ppf(p, df) == pytest.approx(expected, abs=1e-3)


def test_the_t_quantile_is_symmetric_and_tends_to_the_normal() -> None:
    assert student_t_ppf(0.025, 6) == pytest.approx(-student_t_ppf(0.975, 6))
    assert student_t_ppf(0.975, 100_000) == pytest.approx(1.95996, abs=1e-4)


def test_an_exact_line_is_continued_with_no_width() -> None:
    method, steps = forecast_steps([1.0, 3.0, 5.0, 7.0], 2)
    assert method == forecast.LINEAR
    assert [step.mean for step in steps] == pytest.approx([9.0, 11.0])
    assert all(step.upper - step.lower == pytest.approx(0.0, abs=1e-9) for step in steps)


def reference_interval(y: np.ndarray, x: np.ndarray, x0: np.ndarray, level: float) -> tuple:
    """Brute force: lstsq, then the interval formula written out term by term."""
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    residuals = y - x @ beta
    dof = len(y) - x.shape[1]
    s2 = residuals @ residuals / dof
    inverse = np.linalg.inv(x.T @ x)
    t = student_t_ppf(0.5 + level / 2, dof)
    means, halves = [], []
    for row in x0:
        means.append(row @ beta)
        halves.append(t * math.sqrt(s2 * (1 + row @ inverse @ row)))
    return np.array(means), np.array(halves)


def test_the_linear_interval_matches_the_textbook_formula() -> None:
    rng = np.random.default_rng(7)
    y = 10 + 2.5 * np.arange(9) + rng.normal(0, 1.5, 9)
    x = np.column_stack([np.ones(9), np.arange(9)])
    x0 = np.column_stack([np.ones(3), np.arange(9, 12)])
    means, halves = reference_interval(y, x, x0, 0.95)
    _method, steps = forecast_steps(y, 3, level=0.95)
    assert [s.mean for s in steps] == pytest.approx(list(means))
    assert [s.upper - s.mean for s in steps] == pytest.approx(list(halves))


def test_the_seasonal_model_recovers_trend_and_season_exactly() -> None:
    season = np.array([0.0, 5.0, -2.0, 8.0])
    t = np.arange(10)
    y = 3 + 0.5 * t + season[t % 4]
    method, steps = forecast_steps(y, 3, season_length=4, last_phase=1)
    assert method == forecast.SEASONAL
    future = np.arange(10, 13)
    assert [s.mean for s in steps] == pytest.approx(list(3 + 0.5 * future + season[future % 4]))


def test_the_seasonal_model_needs_two_years() -> None:
    assert forecast.choose_method(7, 4) == forecast.LINEAR
    assert forecast.choose_method(8, 4) == forecast.SEASONAL
    assert forecast.choose_method(23, 12) == forecast.LINEAR
    assert forecast.choose_method(2, 4) == forecast.MEAN
    assert forecast.choose_method(1, 4) == forecast.LAST


def test_the_seasonal_phase_follows_the_last_observation() -> None:
    # two years of quarterly data ending in Q2: the next step is a Q3
    season = np.array([1.0, 2.0, 30.0, 4.0])
    phases = (np.arange(10) + 0) % 4  # starts at Q1, ten quarters → ends at Q2
    y = season[phases]
    _method, steps = forecast_steps(y, 1, season_length=4, last_phase=1)
    assert steps[0].mean == pytest.approx(30.0)


def test_the_cumulative_interval_is_that_of_the_sum() -> None:
    rng = np.random.default_rng(3)
    y = 5 + rng.normal(0, 1, 6)
    x = np.column_stack([np.ones(6), np.arange(6)])
    x0 = np.column_stack([np.ones(2), np.arange(6, 8)])
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    s2 = float(((y - x @ beta) ** 2).sum() / 4)
    ones = x0.sum(axis=0)
    half = student_t_ppf(0.95, 4) * math.sqrt(s2 * (2 + ones @ np.linalg.inv(x.T @ x) @ ones))
    _method, steps = forecast_steps(y, 2, level=0.9, cumulative=True)
    assert steps[-1].mean == pytest.approx(float((x0 @ beta).sum()))
    assert steps[-1].upper - steps[-1].mean == pytest.approx(half)


@pytest.mark.parametrize("level", [0.8, 0.95])
def test_the_interval_covers_the_truth_as_often_as_it_says(level: float) -> None:
    rng = np.random.default_rng(2024)
    trials, hits = 2000, 0
    for _ in range(trials):
        t = np.arange(13)
        y = 4 + 1.2 * t + rng.normal(0, 2.0, 13)
        _method, steps = forecast_steps(y[:12], 1, level=level)
        hits += steps[0].lower <= y[12] <= steps[0].upper
    assert hits / trials == pytest.approx(level, abs=0.03)


def test_a_cumulative_year_end_adds_the_remaining_quarters() -> None:
    result = forecast_year_end(
        [100.0, 110.0, 120.0],
        periods_per_year=4,
        observed_this_year=3,
        cumulative=True,
        year_to_date=330.0,
    )
    assert result.method == forecast.LINEAR
    assert result.mean == pytest.approx(460.0)
    assert len(result.steps) == 1


def test_a_level_year_end_is_the_last_step_and_respects_bounds() -> None:
    result = forecast_year_end(
        [80.0, 90.0, 100.0],
        periods_per_year=4,
        observed_this_year=3,
        cumulative=False,
        bounds=(0.0, 100.0),
    )
    assert result.mean == 100.0
    assert result.upper == 100.0


def test_a_finished_year_is_the_actual_value() -> None:
    result = forecast_year_end(
        [1.0, 2.0, 3.0, 4.0], periods_per_year=4, observed_this_year=4, cumulative=True
    )
    assert (result.method, result.mean, result.lower, result.upper) == (
        forecast.ACTUAL,
        10.0,
        10.0,
        10.0,
    )


def test_one_observation_repeats_without_an_interval() -> None:
    result = forecast_year_end([50.0], periods_per_year=4, observed_this_year=1, cumulative=True)
    assert result.method == forecast.LAST
    assert result.mean == 200.0
    assert result.lower is None and result.upper is None


def test_two_observations_use_the_mean_with_an_interval() -> None:
    result = forecast_year_end(
        [40.0, 60.0], periods_per_year=4, observed_this_year=2, cumulative=True
    )
    assert result.method == forecast.MEAN
    assert result.mean == pytest.approx(200.0)
    assert result.lower is not None and result.lower < 200.0 < result.upper


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"history": []}, "no_history"),
        ({"history": [1.0, float("nan")]}, "not_finite"),
        ({"history": [1.0], "level": 1.5}, "bad_level"),
        ({"history": [1.0], "observed_this_year": 5}, "bad_observed"),
        ({"history": [1.0], "periods_per_year": 0}, "bad_periods"),
    ],
)
def test_bad_input_raises_a_coded_error(kwargs: dict, code: str) -> None:
    arguments = {
        "history": [1.0],
        "periods_per_year": 4,
        "observed_this_year": 1,
        "cumulative": True,
    } | kwargs
    with pytest.raises(ForecastError) as caught:
        forecast_year_end(**arguments)
    assert caught.value.code == code
