"""Challenge search at scale: SQLite FTS5 and PostgreSQL GIN, through tuwei.challenges.search.

    .venv/bin/python -m bench.search [--n 100000] [--queries 300]
                                     [--database sqlite|postgres|both] [--json]

For each database it makes a scratch database (var/bench/search.sqlite3, or a
PostgreSQL database `tuwei_bench` that it creates and drops), migrates it, inserts N
generated Chinese challenges, indexes them with the search module's own document
builder and bulk writer, then times mixed queries: `search()` over all public
challenges (count + first page), and GET /board/?q=… through Django's test client
(default filter: open challenges). The work for one database runs in a subprocess
with DATABASE_URL set, so Django is configured for that database alone.

Targets: p95 below 50 ms for a search, below 100 ms for the board page.
With --json, the last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SQLITE_PATH = ROOT / "var" / "bench" / "search.sqlite3"
PG_SERVER = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
PG_NAME = "tuwei_bench"
SEARCH_TARGET_MS, PAGE_TARGET_MS = 50.0, 100.0

# --- a seeded generator of plausible challenges ------------------------------------------

FIELDS = {
    "储能": "铁铬液流电池 全钒液流电池 电解液 电堆 双极板 离子交换膜 固体储热 相变储热 "
    "压缩空气储能 钠离子电池 储能变流器 能量管理系统 飞轮储能 熔盐储热",
    "氢能": "电解水制氢 碱性电解槽 质子交换膜电解槽 储氢合金 高压气态储氢 液氢 加氢站 氢燃料电池 "
    "绿氢合成氨 氢冶金",
    "煤化工": "费托合成 α-烯烃 分离提纯 精馏塔 无汞触媒 氯碱 聚氯乙烯 煤制烯烃 煤焦油 煤气化 "
    "催化剂寿命 甲醇制烯烃",
    "碳材料": "针状焦 碳纤维 负极材料 石墨化 纳米碳氢炸药 活性炭 碳化硅",
    "稀土": "稀土永磁 钕铁硼 稀土抛光粉 稀土储氢 稀土催化 稀土合金 镨钕氧化物 萃取分离 晶界扩散 "
    "重稀土减量",
    "风电": "风电叶片 主轴承 大容量风电机组 变桨系统 齿轮箱 塔筒 智能运维 功率预测",
    "光伏": "多晶硅 单晶硅片 异质结电池 钙钛矿 光伏组件 逆变器 跟踪支架",
    "乳业": "乳酸菌 益生菌 发酵剂 乳清蛋白 奶酪 婴幼儿配方奶粉 原料奶",
    "畜牧": "肉牛育肥 肉羊 冷链物流 胚胎移植 饲草料 疫病防控",
    "冶金": "高强钢 铝合金 电解铝 余热回收 超低排放 连铸 轧制 氧化铝 硅铁 稀土钢",
    "数字": "算力调度 液冷服务器 数据中心 边缘计算 工业互联网 数字孪生 人工智能 大模型 智能巡检 "
    "云控平台",
    "生物医药": "蒙药 中药材 疫苗 抗体 原料药 合成生物 酶制剂",
    "草业": "牧草育种 苜蓿 羊草 草种 盐碱地改良 沙化治理",
}
TERMS = {field: words.split() for field, words in FIELDS.items()}
# fmt: off
PROBLEMS = [
    "现有工艺能耗高、收率低", "核心装备依赖进口", "关键材料性能不稳定", "工程化放大存在瓶颈",
    "产品纯度达不到下游要求", "运行成本居高不下", "低温环境下性能衰减明显", "缺少自主知识产权",
    "检测方法不统一", "系统集成度不高",
]
VERBS = ["研发", "开发", "突破", "攻克", "建立", "实现", "研制", "构建", "优化", "集成"]
PLACES = [
    "鄂尔多斯", "包头", "呼和浩特", "通辽", "赤峰", "乌海", "锡林郭勒", "阿拉善", "巴彦淖尔",
    "乌兰察布", "呼伦贝尔", "兴安",
]
MEASURES = [
    ("纯度", "%"), ("收率", "%"), ("能耗", "千瓦时/吨"), ("循环寿命", "次"), ("能量效率", "%"),
    ("产能", "吨/年"), ("功率", "千瓦"), ("成本", "元/千瓦时"), ("连续运行时间", "小时"),
]
PREFIXES = ["千吨级", "兆瓦级", "万吨级", "百千瓦级", "高性能", "低成本", "长寿命", ""]
SUFFIXES = ["关键技术", "成套装备", "工艺开发", "产业化示范", "工程化应用", "国产化替代"]
# fmt: on
SINGLE_CHARS = list("氢煤硅铝钒锂磁碳乳钢氨")
PILOTS = ["中试装置", "示范线", "样机"]


def generate(rng: random.Random) -> dict[str, str]:
    field = rng.choice(list(TERMS))
    terms = TERMS[field]
    main, measured = rng.sample(terms, 2)
    place = rng.choice(PLACES)
    paragraphs = []
    for _ in range(rng.randint(3, 6)):
        first, second = rng.sample(terms, 2)
        other = rng.choice(TERMS[rng.choice(list(TERMS))]) if rng.random() < 0.15 else main
        paragraphs.append(
            f"针对{place}地区{first}{rng.choice(PROBLEMS)}的问题，{rng.choice(VERBS)}{second}"
            f"与{other}协同技术，形成可复制推广的"
            f"{rng.choice(['解决方案', '示范工程', '技术标准', '成套工艺'])}。"
        )
    indicators = "；".join(
        f"{measured}{name}不低于{rng.randint(10, 999)}{unit}"
        for name, unit in rng.sample(MEASURES, rng.randint(3, 5))
    )
    return {
        "title": f"{rng.choice(PREFIXES)}{main}{rng.choice(SUFFIXES)}",
        "problem": "".join(paragraphs) + "技术指标：" + indicators + "。",
        "deliverables": f"提交{measured}工艺包、{rng.choice(PILOTS)}一套及检测报告。",
        "acceptance": f"由{place}用户单位组织第三方检测，"
        f"连续运行{rng.randint(72, 2000)}小时达到指标。",
    }


def queries(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """(kind, query): 2–4-character terms, the same in traditional script, single
    characters, two-term queries and whole 5+-character terms."""
    from engine.text import to_traditional

    words = [word for terms in TERMS.values() for word in terms]

    def piece() -> str:
        word = rng.choice([w for w in words if len(w) >= 2])
        size = rng.randint(2, min(4, len(word)))
        start = rng.randint(0, len(word) - size)
        return word[start : start + size]

    out: list[tuple[str, str]] = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.35:
            out.append(("2-4 chars", piece()))
        elif roll < 0.55:
            out.append(("traditional", to_traditional(piece())))
        elif roll < 0.65:
            out.append(("1 char", rng.choice(SINGLE_CHARS)))
        elif roll < 0.90:
            out.append(("two terms", f"{piece()} {piece()}"))
        else:
            out.append(("5+ chars", rng.choice([w for w in words if len(w) >= 5])))
    return out


# --- the worker: runs inside one configured Django ---------------------------------------


def _tokenise(chunk: list[tuple[int, str, list[str], list[str]]]) -> list[Any]:
    from tuwei.challenges.search import build_document

    return [build_document(pk, title, texts, facets) for pk, title, texts, facets in chunk]


def _percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "p50": round(statistics.median(ordered), 2),
        "p95": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 2),
        "max": round(ordered[-1], 2),
    }


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def seed(n: int, rng: random.Random) -> dict[str, Any]:
    from datetime import timedelta
    from decimal import Decimal
    from multiprocessing import Pool

    from django.db import connection, transaction
    from django.utils import timezone

    from tuwei.accounts import demo as accounts_demo
    from tuwei.accounts.models import Organization, User
    from tuwei.chains import demo as chains_demo
    from tuwei.challenges import search
    from tuwei.challenges.models import Challenge
    from tuwei.challenges.search.documents import challenge_facets
    from tuwei.programs import demo as programs_demo

    started = time.perf_counter()
    with transaction.atomic():
        context: dict[str, Any] = accounts_demo.load({})
        context.update(programs_demo.load(context))
        context.update(chains_demo.load(context))
    regions = list(context["regions"].values())
    nodes = list(context["nodes"].values())
    owners = Organization.objects.bulk_create(
        Organization(
            name=f"{region.name}{field}科技有限公司{index}",
            kind=Organization.Kind.ENTERPRISE,
            credit_code=accounts_demo.demo_credit_code(1000 + index, region.code),
            region=region,
            status=Organization.Status.APPROVED,
        )
        for index, (region, field) in enumerate(
            (rng.choice(regions), rng.choice(list(TERMS))) for _ in range(300)
        )
    )
    creator = User.objects.get(username="enterprise")
    program = context["program"]
    now = timezone.now()
    S = Challenge.Status
    statuses = [S.PUBLISHED] * 15 + [S.CLOSED] * 55 + [S.AWARDED] * 15
    statuses += [S.DRAFT] * 5 + [S.SUBMITTED] * 3 + [S.RETURNED, S.VETTED, S.WITHDRAWN] * 2
    timings = {"insert_s": 0.0, "tokenise_s": 0.0, "index_s": 0.0}
    tokens: list[int] = []
    # batch by batch: insert, tokenise on every core, write the index, forget
    with Pool(min(2, os.cpu_count() or 1)) as pool:
        for start in range(0, n, 5000):
            clock = time.perf_counter()
            batch = []
            for _ in range(min(5000, n - start)):
                text, owner, node = generate(rng), rng.choice(owners), rng.choice(nodes)
                status = rng.choice(statuses)
                days = rng.randint(1, 90) if status == S.PUBLISHED else -rng.randint(1, 1500)
                if status == S.PUBLISHED and rng.random() < 0.03:
                    days = -1  # past its deadline, the closing job not yet run
                batch.append(
                    Challenge(
                        program=program,
                        owner=owner,
                        region=owner.region,
                        node=node,
                        status=status,
                        gov_funding=Decimal(rng.randint(50, 3000) * 10_000),
                        enterprise_funding=Decimal(rng.randint(100, 9000) * 10_000),
                        duration_months=rng.choice([12, 18, 24, 36]),
                        deadline=now + timedelta(days=days, hours=rng.randint(0, 23)),
                        published_at=now - timedelta(days=rng.randint(1, 1500)),
                        created_by=creator,
                        contact_name="联系人",
                        **text,
                    )
                )
            with transaction.atomic():
                created = Challenge.objects.bulk_create(batch, batch_size=1000)
            rows = []
            for challenge in created:
                chain = challenge.node.chain
                texts = [challenge.problem, challenge.deliverables, challenge.acceptance]
                texts += [challenge.owner.name, challenge.region.name if challenge.region else ""]
                texts += [challenge.node.name, chain.name, chain.cluster.name]
                rows.append(
                    (challenge.pk, challenge.title, texts, sorted(challenge_facets(challenge)))
                )
            inserted = time.perf_counter()
            chunks = [rows[i : i + 500] for i in range(0, len(rows), 500)]
            documents = [doc for part in pool.map(_tokenise, chunks) for doc in part]
            tokenised = time.perf_counter()
            with transaction.atomic():
                search.write_documents(documents, fresh=True)
            tokens += [len(document.all_tokens) for document in documents[:100]]
            timings["insert_s"] += inserted - clock
            timings["tokenise_s"] += tokenised - inserted
            timings["index_s"] += time.perf_counter() - tokenised
            if start % 20000 == 0:
                _log(f"{start + len(batch)} challenges in")
    clock = time.perf_counter()
    with transaction.atomic():
        search.backend().finish_fresh()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    timings["index_s"] += time.perf_counter() - clock
    _log(f"seeded in {time.perf_counter() - started:.0f} s")
    return {
        **{key: round(value, 1) for key, value in timings.items()},
        "tokens_per_challenge": round(statistics.mean(tokens), 1),
    }


def measure(query_list: list[tuple[str, str]]) -> dict[str, Any]:
    from django.test import Client

    from tuwei.challenges import search

    def timed_search(text: str) -> float:
        started = time.perf_counter()
        results = search.search(text, facets=[search.PUBLIC])
        results.count()
        _page = results[0:20]
        return (time.perf_counter() - started) * 1000

    client = Client(SERVER_NAME="localhost")  # a host ALLOWED_HOSTS lets in
    for _, text in query_list[:20]:  # warm the caches as a running server would be
        timed_search(text)
        client.get("/board/", {"q": text})
    search_ms: list[float] = []
    by_kind: dict[str, list[float]] = {}
    for kind, text in query_list:
        elapsed = timed_search(text)
        search_ms.append(elapsed)
        by_kind.setdefault(kind, []).append(elapsed)
    page_ms: list[float] = []
    for _, text in query_list:
        started = time.perf_counter()
        response = client.get("/board/", {"q": text})
        page_ms.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (text, response.status_code)
    matches = [search.search(text, facets=[search.PUBLIC]).count() for _, text in query_list]
    return {
        "search_ms": _percentiles(search_ms),
        "page_ms": _percentiles(page_ms),
        "search_ms_by_kind": {kind: _percentiles(values) for kind, values in by_kind.items()},
        "median_matches": statistics.median(matches),
        "capped_queries": sum(1 for m in matches if m >= search.MAX_RESULTS),
    }


def worker(args: argparse.Namespace) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuwei.settings")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    # the demo accounts' passwords: a fast hasher, as the tests use (not a measured part)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    rng = random.Random(args.seed)
    figures: dict[str, Any] = {"database": connection.vendor, "rows": args.n}
    figures["migrate_s"] = round(time.perf_counter() - started, 1)
    figures.update(seed(args.n, rng))
    figures.update(measure(queries(random.Random(args.seed + 1), args.queries)))
    if connection.vendor == "sqlite":
        figures["size_mb"] = round(Path(connection.settings_dict["NAME"]).stat().st_size / 1e6)
    else:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            figures["size_mb"] = round(cursor.fetchone()[0] / 1e6)
    figures["total_s"] = round(time.perf_counter() - started, 1)
    print(json.dumps(figures, ensure_ascii=False))


# --- the driver ---------------------------------------------------------------------------


def _postgres(statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def run_one(database: str, args: argparse.Namespace) -> dict[str, Any]:
    # production-like request handling: no query log, no template debug information
    env = dict(os.environ, DEBUG="0", SECURE_COOKIES="0", EMAIL_MODE="console")
    if database == "sqlite":
        SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{SQLITE_PATH}"
    else:
        _postgres(f"DROP DATABASE IF EXISTS {PG_NAME}")
        _postgres(f"CREATE DATABASE {PG_NAME}")
        env["DATABASE_URL"] = f"{PG_SERVER}/{PG_NAME}"
    command = [sys.executable, "-m", "bench.search", "--worker", "--n", str(args.n)]
    command += ["--queries", str(args.queries), "--seed", str(args.seed)]
    try:
        done = subprocess.run(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True, check=True
        )
    finally:
        if args.keep:
            print(f"kept the scratch database: {env['DATABASE_URL']}", file=sys.stderr)
        elif database == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        else:
            _postgres(f"DROP DATABASE IF EXISTS {PG_NAME}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["pass"] = (
        figures["search_ms"]["p95"] < SEARCH_TARGET_MS
        and figures["page_ms"]["p95"] < PAGE_TARGET_MS
    )
    return figures


def table(results: list[dict[str, Any]]) -> str:
    head = (
        f"{'database':<11}{'rows':>9}{'build s':>9}{'size MB':>9}  "
        f"{'search p50/p95/max ms':>23}  {'page p50/p95/max ms':>21}  verdict"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        build = r["insert_s"] + r["tokenise_s"] + r["index_s"]
        s, p = r["search_ms"], r["page_ms"]
        lines.append(
            f"{r['database']:<11}{r['rows']:>9,}{build:>9.0f}{r['size_mb']:>9,}  "
            f"{s['p50']:>7.1f}{s['p95']:>8.1f}{s['max']:>8.1f}  "
            f"{p['p50']:>6.1f}{p['p95']:>8.1f}{p['max']:>7.1f}  "
            f"{'PASS' if r['pass'] else 'FAIL'}"
        )
    lines.append(
        f"targets: search p95 < {SEARCH_TARGET_MS:.0f} ms, page p95 < {PAGE_TARGET_MS:.0f} ms"
    )
    for r in results:
        kinds = ", ".join(
            f"{kind} {v['p95']:.1f}" for kind, v in sorted(r["search_ms_by_kind"].items())
        )
        lines.append(
            f"{r['database']}: search p95 by kind (ms): {kinds}; median matches "
            f"{r['median_matches']:,}, {r['capped_queries']} queries over the 1,000 cap"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="challenges to generate")
    parser.add_argument("--queries", type=int, default=300, help="queries to time")
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--json", action="store_true", help="end with one line of JSON")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    results = [run_one(database, args) for database in databases]
    print(table(results))
    if args.json:
        print(json.dumps({"results": results}, ensure_ascii=False))


if __name__ == "__main__":
    main()
