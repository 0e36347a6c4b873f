"""Year-end forecasts with prediction intervals: a linear trend, or a trend plus season.

numpy in, numbers out; no Django. The model is ordinary least squares on

    y_t = a + b·t                      (linear trend, from 3 observations)
    y_t = a + b·t + s_phase(t)         (seasonal, once two full years of history exist)

with one dummy per phase but the first, so the seasonal effects are relative to the
first period of the year. Prediction intervals are the textbook OLS ones with Student's
t quantile (Montgomery, Peck & Vining, *Introduction to Linear Regression Analysis*,
§2.5): for a future design row x0,  ŷ ± t(1-α/2; n-p) · s · sqrt(1 + x0ᵀ(XᵀX)⁻¹x0).
For a year-to-date total the interval is that of the *sum* of the remaining periods,
s·sqrt(h + 1ᵀX0(XᵀX)⁻¹X0ᵀ1), which is narrower than adding the per-period intervals.

With too little history the model falls back: two observations give the mean with its
interval, one gives "same again" without an interval. No scipy: the t quantile comes
from the regularised incomplete beta function (Numerical Recipes §6.4) and bisection.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

SEASONAL = "seasonal"
LINEAR = "linear"
MEAN = "mean"
LAST = "last"
ACTUAL = "actual"
METHODS = (SEASONAL, LINEAR, MEAN, LAST, ACTUAL)


class ForecastError(ValueError):
    """Input the forecast cannot use; `code` is stable for callers and tests."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


@dataclass(frozen=True)
class Step:
    """One future period: the point forecast and its prediction interval (None if unknown)."""

    mean: float
    lower: float | None
    upper: float | None


@dataclass(frozen=True)
class Forecast:
    method: str
    mean: float
    lower: float | None
    upper: float | None
    steps: tuple[Step, ...]
    level: float


# --- Student's t quantile -------------------------------------------------------------


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def regularized_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b), the regularised incomplete beta function."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_continued_fraction(a, b, x) / a
    return 1.0 - front * _beta_continued_fraction(b, a, 1.0 - x) / b


def student_t_cdf(t: float, df: float) -> float:
    tail = 0.5 * regularized_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


@functools.lru_cache(maxsize=1024)
def student_t_ppf(p: float, df: float) -> float:
    """The p-quantile of Student's t with df degrees of freedom (0 < p < 1, df > 0)."""
    if not 0.0 < p < 1.0:
        raise ForecastError("bad_probability", f"p must be between 0 and 1, got {p}")
    if df <= 0:
        raise ForecastError("bad_dof", f"degrees of freedom must be positive, got {df}")
    if p < 0.5:
        return -student_t_ppf(1.0 - p, df)
    low, high = 0.0, 1.0
    while student_t_cdf(high, df) < p:
        high *= 2.0
    for _ in range(200):
        middle = (low + high) / 2.0
        if student_t_cdf(middle, df) < p:
            low = middle
        else:
            high = middle
        if high - low < 1e-12 * max(1.0, high):
            break
    return (low + high) / 2.0


# --- the linear model -------------------------------------------------------------------


def design_matrix(times: np.ndarray, phases: np.ndarray | None, season_length: int) -> np.ndarray:
    """Columns: intercept, time, then one dummy per phase 1..L-1 (seasonal model only)."""
    columns = [np.ones_like(times, dtype=float), times.astype(float)]
    if phases is not None:
        for phase in range(1, season_length):
            columns.append((phases == phase).astype(float))
    return np.column_stack(columns)


@dataclass(frozen=True)
class _Fit:
    beta: np.ndarray
    sigma2: float
    xtx_inv: np.ndarray
    dof: int


def _fit(y: np.ndarray, x: np.ndarray) -> _Fit:
    n, p = x.shape
    xtx_inv = np.linalg.pinv(x.T @ x)
    beta = xtx_inv @ x.T @ y
    residuals = y - x @ beta
    dof = n - p
    sigma2 = float(residuals @ residuals) / dof if dof > 0 else float("nan")
    return _Fit(beta=beta, sigma2=max(sigma2, 0.0), xtx_inv=xtx_inv, dof=dof)


def _check(history: Sequence[float] | np.ndarray, level: float) -> np.ndarray:
    y = np.asarray(history, dtype=float)
    if y.ndim != 1:
        raise ForecastError("bad_shape", "history must be a flat sequence of numbers")
    if y.size == 0:
        raise ForecastError("no_history", "a forecast needs at least one observation")
    if not np.all(np.isfinite(y)):
        raise ForecastError("not_finite", "history holds a missing or infinite value")
    if not 0.0 < level < 1.0:
        raise ForecastError("bad_level", f"level must be between 0 and 1, got {level}")
    return y


def choose_method(n: int, season_length: int | None) -> str:
    if season_length and season_length > 1 and n >= 2 * season_length:
        return SEASONAL
    if n >= 3:
        return LINEAR
    if n == 2:
        return MEAN
    return LAST


def forecast_steps(
    history: Sequence[float] | np.ndarray,
    horizon: int,
    *,
    season_length: int | None = None,
    last_phase: int | None = None,
    level: float = 0.9,
    cumulative: bool = False,
) -> tuple[str, tuple[Step, ...]]:
    """Forecast the next `horizon` periods after `history`.

    `last_phase` is the season position (0-based) of the last observation; the phases of
    the others follow backwards. With `cumulative` the steps are running totals of the
    future values (their intervals those of the partial sums), not the values themselves.
    """
    y = _check(history, level)
    if horizon < 0:
        raise ForecastError("bad_horizon", "horizon cannot be negative")
    n = y.size
    method = choose_method(n, season_length)
    if horizon == 0:
        return method, ()
    if method == LAST:
        if cumulative:
            return method, tuple(Step(float(y[-1] * k), None, None) for k in range(1, horizon + 1))
        return method, tuple(Step(float(y[-1]), None, None) for _ in range(horizon))

    times = np.arange(n, dtype=float)
    future_times = np.arange(n, n + horizon, dtype=float)
    length = season_length or 1
    if method == SEASONAL:
        end_phase = (n - 1) % length if last_phase is None else last_phase % length
        phases = (end_phase - (n - 1) + np.arange(n)) % length
        future_phases = (end_phase + 1 + np.arange(horizon)) % length
        x = design_matrix(times, phases, length)
        x0 = design_matrix(future_times, future_phases, length)
    elif method == LINEAR:
        x = design_matrix(times, None, length)
        x0 = design_matrix(future_times, None, length)
    else:  # MEAN
        x = np.ones((n, 1))
        x0 = np.ones((horizon, 1))

    fit = _fit(y, x)
    means = x0 @ fit.beta
    quantile = student_t_ppf(0.5 + level / 2.0, fit.dof)
    steps: list[Step] = []
    for k in range(1, horizon + 1):
        if cumulative:
            rows = x0[:k].sum(axis=0)
            mean = float(means[:k].sum())
            variance = fit.sigma2 * (k + float(rows @ fit.xtx_inv @ rows))
        else:
            row = x0[k - 1]
            mean = float(means[k - 1])
            variance = fit.sigma2 * (1.0 + float(row @ fit.xtx_inv @ row))
        half = quantile * math.sqrt(max(variance, 0.0))
        steps.append(Step(mean, mean - half, mean + half))
    return method, tuple(steps)


def _clip(value: float | None, bounds: tuple[float | None, float | None]) -> float | None:
    if value is None:
        return None
    low, high = bounds
    if low is not None:
        value = max(value, low)
    if high is not None:
        value = min(value, high)
    return value


def _clip_step(step: Step, bounds: tuple[float | None, float | None]) -> Step:
    mean = _clip(step.mean, bounds)
    return Step(
        step.mean if mean is None else mean, _clip(step.lower, bounds), _clip(step.upper, bounds)
    )


def forecast_year_end(
    history: Sequence[float],
    *,
    periods_per_year: int,
    observed_this_year: int,
    cumulative: bool,
    year_to_date: float | None = None,
    level: float = 0.9,
    bounds: tuple[float | None, float | None] = (None, None),
) -> Forecast:
    """The value at the end of the year, with its interval and the path to it.

    `history` ends with this year's latest period; for a `cumulative` (year-to-date)
    indicator it holds the value *added* in each period (earlier years included) and
    `year_to_date` is this year's total so far. Otherwise it holds the level at each
    period end (a rate, a stock) and the year-end value is the last step.
    """
    if periods_per_year < 1:
        raise ForecastError("bad_periods", "a year has at least one period")
    if not 1 <= observed_this_year <= periods_per_year:
        raise ForecastError(
            "bad_observed",
            f"observed periods must be between 1 and {periods_per_year}, got {observed_this_year}",
        )
    y = _check(history, level)
    start = float(year_to_date) if cumulative and year_to_date is not None else 0.0
    if cumulative and year_to_date is None:
        start = float(y[-observed_this_year:].sum())
    horizon = periods_per_year - observed_this_year
    if horizon == 0:
        actual = _clip(start if cumulative else float(y[-1]), bounds)
        assert actual is not None
        return Forecast(ACTUAL, actual, actual, actual, (), level)
    method, steps = forecast_steps(
        y,
        horizon,
        season_length=periods_per_year,
        last_phase=observed_this_year - 1,
        level=level,
        cumulative=cumulative,
    )
    if cumulative:
        steps = tuple(
            Step(
                start + step.mean,
                None if step.lower is None else start + step.lower,
                None if step.upper is None else start + step.upper,
            )
            for step in steps
        )
    steps = tuple(_clip_step(step, bounds) for step in steps)
    final = steps[-1]
    return Forecast(method, final.mean, final.lower, final.upper, steps, level)
