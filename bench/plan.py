"""Plan monitoring at scale: 1,000,000 stored indicator values, then page latency.

    .venv/bin/python -m bench.plan [--values 1000000] [--database sqlite|postgres|both] [--json]

Builds a scratch database (var/bench/plan.sqlite3, or the PostgreSQL database
tuwei_bench_plan, created and dropped here), fills it with plans whose values add up to
--values (the measured plan has 15 indicators × 12 leagues/cities, monthly and
quarterly, with two earlier years of history; the other plans are the bulk), then
times the plan overview (officer) and a league/city page (bureau) through
django.test.Client. Prints p50/p95 and PASS/FAIL against p95 < 200 ms; with --json the
last line is one JSON object with the same figures. Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PG_DATABASE = "tuwei_bench_plan"
PG_SERVER = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
BUDGET_MS = 200.0
REGIONS_PER_PLAN = 12
FILLER_INDICATORS = 50


def _database_url(database: str) -> str:
    if database == "sqlite":
        path = ROOT / "var" / "bench" / "plan.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE}")
        connection.execute(f"CREATE DATABASE {PG_DATABASE}")
    return f"{PG_SERVER}/{PG_DATABASE}"


def _drop_postgres() -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")


def _setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuwei.settings")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["TASK_BACKEND"] = "dummy"
    os.environ["EMAIL_MODE"] = "console"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _people() -> tuple[Any, Any, Any]:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tuwei.accounts.demo import REGIONS
    from tuwei.accounts.models import Region, User, UserRole
    from tuwei.accounts.roles import Role

    regions = [
        Region.objects.create(code=code, name=name, name_en=name_en, order=order)
        for order, (code, name, name_en) in enumerate(REGIONS)
    ]
    officer = User.objects.create(username="officer", real_name="officer")
    bureau = User.objects.create(username="bureau", real_name="bureau", region=regions[5])
    UserRole.objects.create(user=officer, role=Role.OFFICER)
    UserRole.objects.create(user=bureau, role=Role.BUREAU)
    TOTPDevice.objects.create(user=officer, name="bench", confirmed=True)
    return regions, officer, bureau


def _plan_rows(year: int, title: str, count: int, monthly_share: float, previous: dict) -> tuple:
    """A plan with its periods and `count` indicators (first part monthly, rest quarterly)."""
    from tuwei.plans.models import PERIODS_PER_YEAR, Indicator, Period, Plan

    plan = Plan.objects.create(year=year, title=title)
    Period.objects.bulk_create(
        Period.build(plan, frequency, number)
        for frequency, periods in PERIODS_PER_YEAR.items()
        for number in range(1, periods + 1)
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(
            plan=plan,
            code=f"F{n:02d}",
            name=f"指标{n}",
            kind="count",
            aggregation="sum",
            target=Decimal(12 * 1000),
            frequency="monthly" if n < count * monthly_share else "quarterly",
            previous_id=previous.get(f"F{n:02d}"),
            order=n,
        )
        for n in range(count)
    )
    periods = {(p.frequency, p.number): p.pk for p in plan.periods.all()}
    return plan, indicators, periods


def _value_rows(indicators: list, periods: dict, regions: list, months: int) -> list[tuple]:
    now = datetime.now(UTC)
    rows = []
    for indicator in indicators:
        quarterly = indicator.frequency == "quarterly"
        last = (months + 2) // 3 if quarterly else months
        for number in range(1, last + 1):
            period_id = periods[(indicator.frequency, number)]
            for k, region in enumerate(regions):
                value = (3 if quarterly else 1) * 80 * number * (0.8 + 0.03 * k)
                rows.append(
                    (indicator.pk, region.pk, period_id, f"{value:.4f}", 1, True, "report", now)
                )
    return rows


def _insert(rows: list[tuple]) -> None:
    from django.db import connection

    columns = "indicator_id, region_id, period_id, value, version, is_current, source, recorded_at"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            raw = cursor.cursor if hasattr(cursor, "cursor") else cursor
            with raw.copy(f"COPY plans_indicatorvalue ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        return
    with connection.cursor() as cursor:
        placeholders = ", ".join(["%s"] * 8)
        cursor.executemany(
            f"INSERT INTO plans_indicatorvalue ({columns}) VALUES ({placeholders})",  # noqa: S608
            rows,
        )


def _fill(target_values: int) -> dict[str, Any]:
    from django.db import connection, transaction

    from tuwei.plans.models import IndicatorValue

    regions, officer, bureau = _people()
    started = time.perf_counter()
    previous: dict[str, int] = {}
    with transaction.atomic():
        for year in (2023, 2024):
            _plan, indicators, periods = _plan_rows(year, f"history {year}", 15, 2 / 3, previous)
            _insert(_value_rows(indicators, periods, regions, 12))
            previous = {indicator.code: indicator.pk for indicator in indicators}
        measured, indicators, periods = _plan_rows(2025, "measured", 15, 2 / 3, previous)
        _insert(_value_rows(indicators, periods, regions, 9))
    stored = IndicatorValue.objects.count()
    year = 1900
    while stored < target_values:
        with transaction.atomic():
            _plan, indicators, periods = _plan_rows(
                year, f"bulk {year}", FILLER_INDICATORS, 1.0, {}
            )
            rows = _value_rows(indicators, periods, regions, 12)[: target_values - stored]
            _insert(rows)
        stored += len(rows)
        year += 1
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {
        "measured": measured,
        "officer": officer,
        "bureau": bureau,
        "region": regions[5],
        "values": IndicatorValue.objects.count(),
        "fill_seconds": round(time.perf_counter() - started, 1),
    }


def _client(user: Any) -> Any:
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def _time(client: Any, url: str, requests: int, cold: bool = False) -> dict[str, float]:
    """Warm: the plan's computed progress is cached (as between two writes); cold: the
    cache is emptied before each request, so every request recomputes from the database."""
    from django.core.cache import cache

    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    samples = []
    for _ in range(requests):
        if cold:
            cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return {"p50_ms": round(statistics.median(samples), 1), "p95_ms": round(p95, 1)}


def run_one(database: str, values: int, requests: int) -> dict[str, Any]:
    url = _database_url(database)
    try:
        _setup_django(url)
        from django.urls import reverse

        state = _fill(values)
        plan, region = state["measured"], state["region"]
        overview = reverse("plans:plan_detail", args=[plan.pk])
        region_page = reverse("plans:region_detail", args=[plan.pk, region.code])
        officer, bureau = _client(state["officer"]), _client(state["bureau"])
        pages = {
            "plan overview": _time(officer, overview, requests),
            "overview, cold": _time(officer, overview, requests, cold=True),
            "region page": _time(bureau, region_page, requests),
            "region, cold": _time(bureau, region_page, requests, cold=True),
        }
        from django.db import connection

        connection.close()
    finally:
        if database == "postgres":
            _drop_postgres()
    return {
        "database": database,
        "values": state["values"],
        "fill_seconds": state["fill_seconds"],
        "pages": {
            name: {**figures, "pass": figures["p95_ms"] < BUDGET_MS}
            for name, figures in pages.items()
        },
    }


def print_table(results: list[dict[str, Any]]) -> None:
    budget = f"< {BUDGET_MS:.0f} ms p95"
    print(f"{'database':<10} {'values':>10} {'page':<15} {'p50 ms':>8} {'p95 ms':>8}  {budget}")
    for result in results:
        for name, figures in result["pages"].items():
            verdict = "PASS" if figures["pass"] else "FAIL"
            print(
                f"{result['database']:<10} {result['values']:>10,} {name:<15} "
                f"{figures['p50_ms']:>8.1f} {figures['p95_ms']:>8.1f}  {verdict}"
            )
    for result in results:
        print(f"({result['database']}: values stored in {result['fill_seconds']} s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", type=int, default=1_000_000)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.database == "both":
        # one process per database: Django's settings are read once per process
        results = []
        for database in ("sqlite", "postgres"):
            command = [sys.executable, "-m", "bench.plan", "--values", str(args.values)]
            command += ["--database", database, "--requests", str(args.requests), "--json"]
            output = subprocess.run(command, cwd=ROOT, check=False, capture_output=True, text=True)
            if not output.stdout.strip():
                sys.stderr.write(output.stderr)
                return 2
            results.append(json.loads(output.stdout.strip().splitlines()[-1]))
    else:
        results = [run_one(args.database, args.values, args.requests)]
    print_table(results)
    passed = all(figures["pass"] for result in results for figures in result["pages"].values())
    if args.json:
        summary: Any = results[0] if len(results) == 1 else {"results": results}
        print(json.dumps(summary, ensure_ascii=False))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
