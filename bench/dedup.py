"""Benchmark of engine.dedup (查重) on a synthetic corpus of Chinese applications.

    .venv/bin/python -m bench.dedup [--n 100000] [--queries 200] [--json]
    .venv/bin/python -m bench.dedup --sweep-k 3,4,5,6,8     # the choice of shingle length

Builds N application texts with the generator of :mod:`bench.dedup_corpus` (1,500-3,000
characters, eight industrial topics of the province, sentences assembled from interchangeable
technical phrases, connectives and random figures, with a seeded RNG per document so every text
can be regenerated from its number), indexes them, then queries with

* ``queries`` planted near-duplicates: each reuses 30-90 % of a corpus document's sentences,
  reordered, with word swaps, changed figures, inserted fillers and dropped clauses, up to 15 %
  new sentences, changed punctuation and spacing, 40 % of them in traditional script;
* as many fresh documents generated the same way as the corpus: same topics and vocabulary, but
  written independently, so any match for them is a false positive.

Recall counts planted copies whose source is reported with similarity >= the threshold; precision
counts reported pairs that are a planted (copy, source) pair. Not a test: it prints figures and
PASS/FAIL against the targets; ``--json`` makes the last line one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from bench.dedup_corpus import FRESH_OFFSET, generate, plant_copy
from engine import dedup

TARGET_LATENCY_S = 1.0
TARGET_N = 100_000
TARGET_RECALL = 0.95
TARGET_PRECISION = 0.95
TARGET_PASSAGES_S = 0.2
CHUNK = 1000
DIAGNOSTIC_FLOOR = 0.3  # fresh documents: look for their best match down to this similarity
DIAGNOSTIC_SAMPLE = 50  # … for this many of them (it verifies many more candidates)


@dataclass(frozen=True)
class Params:
    k: int
    num_perm: int
    bands: int
    seed: int


def _fingerprint_chunk(
    args: tuple[int, int, Params],
) -> tuple[int, list[tuple[np.ndarray, np.ndarray]], float, float, int]:
    start, stop, p = args
    gen = fp = 0.0
    chars = 0
    out: list[tuple[np.ndarray, np.ndarray]] = []
    for number in range(start, stop):
        t0 = time.process_time()
        text = generate(number, p.seed).text
        t1 = time.process_time()
        f = dedup.Fingerprint.of(text, p.k, p.num_perm)
        t2 = time.process_time()
        gen += t1 - t0
        fp += t2 - t1
        chars += len(text)
        out.append((f.shingles, f.signature))
    return start, out, gen, fp, chars


def _rss_mib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _pct(values: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q)) if values else 0.0


def run(
    n: int,
    queries: int,
    params: Params,
    threshold: float,
    workers: int,
    log: bool = True,
) -> dict[str, Any]:
    def say(msg: str) -> None:
        if log:
            print(msg, file=sys.stderr, flush=True)

    index = dedup.DedupIndex(
        k=params.k, num_perm=params.num_perm, bands=params.bands, threshold=threshold
    )
    rss_before = _rss_mib()
    t_build = time.perf_counter()
    gen_cpu = fp_cpu = add_s = 0.0
    total_chars = 0
    chunks = [(s, min(n, s + CHUNK), params) for s in range(0, n, CHUNK)]
    if workers > 1 and len(chunks) > 1:
        with ProcessPoolExecutor(workers) as pool:
            results = pool.map(_fingerprint_chunk, chunks)
            for start, fps, g, f, chars in results:
                t0 = time.perf_counter()
                for offset, (ids, sig) in enumerate(fps):
                    fp = dedup.Fingerprint(ids, sig, params.k, params.num_perm)
                    index.add(start + offset, fp)
                add_s += time.perf_counter() - t0
                gen_cpu, fp_cpu, total_chars = gen_cpu + g, fp_cpu + f, total_chars + chars
                if start % 20_000 == 0:
                    say(f"  indexed {start + len(fps):,} / {n:,}")
    else:
        for chunk in chunks:
            start, fps, g, f, chars = _fingerprint_chunk(chunk)
            t0 = time.perf_counter()
            for offset, (ids, sig) in enumerate(fps):
                index.add(start + offset, dedup.Fingerprint(ids, sig, params.k, params.num_perm))
            add_s += time.perf_counter() - t0
            gen_cpu, fp_cpu, total_chars = gen_cpu + g, fp_cpu + f, total_chars + chars
    t0 = time.perf_counter()
    index.optimise()
    sort_s = time.perf_counter() - t0
    build_wall = time.perf_counter() - t_build
    rss_after = _rss_mib()
    say(f"  corpus and index built in {build_wall:.1f} s")

    t0 = time.perf_counter()
    dedup.warm_up()  # once per process; a web worker would do it at start-up
    warm_up_s = time.perf_counter() - t0
    t_queries = time.perf_counter()
    rng = random.Random(params.seed * 7919 + 17)
    sources = rng.sample(range(n), min(queries, n))
    planted: list[tuple[int, str, float]] = []
    for q, src in enumerate(sources):
        text, share = plant_copy(generate(src, params.seed), seed=params.seed * 104_729 + q)
        planted.append((src, text, share))
    fresh = [generate(FRESH_OFFSET + q, params.seed).text for q in range(len(sources))]

    latencies: list[float] = []
    found = flagged = correct = 0
    colliding: list[int] = []
    candidates: list[int] = []
    verified: list[int] = []
    planted_sims: list[float] = []
    missed: list[tuple[int, float, float]] = []
    for src, text, share in planted:
        t0 = time.perf_counter()
        copy_fp = index.fingerprint(text)  # a new application: normalise, shingle, MinHash …
        matches = index.query(copy_fp)  # … LSH look-up and exact verification
        latencies.append(time.perf_counter() - t0)
        colliding.append(index.last_stats.colliding)
        candidates.append(index.last_stats.candidates)
        verified.append(index.last_stats.verified)
        flagged += len(matches)
        hit = any(m.doc_id == src for m in matches)
        found += hit
        correct += hit
        sim = dedup.overlap(copy_fp.shingles, index.get(src).shingles)
        planted_sims.append(sim)
        if not hit:
            missed.append((src, share, sim))
    fresh_top: list[float] = []
    for text in fresh:
        t0 = time.perf_counter()
        matches = index.query(text)
        latencies.append(time.perf_counter() - t0)
        colliding.append(index.last_stats.colliding)
        candidates.append(index.last_stats.candidates)
        verified.append(index.last_stats.verified)
        flagged += len(matches)
        if len(fresh_top) < DIAGNOSTIC_SAMPLE:
            near = index.query(text, threshold=DIAGNOSTIC_FLOOR)
            fresh_top.append(near[0].similarity if near else 0.0)

    elapsed = time.perf_counter() - t_queries
    say(f"  {2 * len(planted)} queries and their diagnostics in {elapsed:.1f} s")

    # shared_passages on two ~10,000-character texts
    docs = [generate(FRESH_OFFSET * 2 + i, params.seed) for i in range(8)]
    long_a = "".join(d.text for d in docs)[:10_000]
    long_b = "".join(plant_copy(d, seed=i)[0] for i, d in enumerate(docs))
    long_b = (long_b + long_a[: max(0, 10_000 - len(long_b))])[:10_000]
    passage_times = []
    for _ in range(3):
        t0 = time.perf_counter()
        passages = dedup.shared_passages(long_a, long_b)
        passage_times.append(time.perf_counter() - t0)

    recall = found / len(planted) if planted else 0.0
    precision = correct / flagged if flagged else 1.0
    p95 = _pct(latencies, 95)
    return {
        "n": n,
        "queries": len(planted),
        "k": params.k,
        "num_perm": params.num_perm,
        "bands": params.bands,
        "rows": params.num_perm // params.bands,
        "threshold": threshold,
        "workers": workers,
        "avg_chars": total_chars / max(n, 1),
        "build_wall_s": build_wall,
        "generate_cpu_s": gen_cpu,
        "fingerprint_cpu_s": fp_cpu,
        "fingerprint_ms_per_doc": 1000 * fp_cpu / max(n, 1),
        "add_s": add_s,
        "warm_up_s": warm_up_s,
        "sort_s": sort_s,
        "index_nbytes_mib": index.nbytes() / 2**20,
        "rss_growth_mib": rss_after - rss_before,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "latency_p50_ms": 1000 * _pct(latencies, 50),
        "latency_p95_ms": 1000 * p95,
        "latency_max_ms": 1000 * max(latencies, default=0.0),
        "colliding_p50": _pct(colliding, 50),
        "colliding_p95": _pct(colliding, 95),
        "candidates_p50": _pct(candidates, 50),
        "candidates_p95": _pct(candidates, 95),
        "verified_p50": _pct(verified, 50),
        "verified_p95": _pct(verified, 95),
        "recall": recall,
        "precision": precision,
        "flagged_pairs": flagged,
        "planted_similarity_min": min(planted_sims, default=0.0),
        "planted_similarity_p5": _pct(planted_sims, 5),
        "planted_similarity_p50": _pct(planted_sims, 50),
        "unrelated_top_similarity_p50": _pct(fresh_top, 50),
        "unrelated_top_similarity_max": max(fresh_top, default=0.0),
        "missed": [
            {"source": s, "reused": round(sh, 3), "similarity": round(si, 3)}
            for s, sh, si in missed
        ],
        "passages_ms": 1000 * min(passage_times),
        "passages_found": len(passages),
        "pass_latency": n >= TARGET_N and p95 < TARGET_LATENCY_S,
        "pass_quality": recall >= TARGET_RECALL and precision >= TARGET_PRECISION,
        "pass_passages": min(passage_times) < TARGET_PASSAGES_S,
    }


def _verdict(ok: bool, applicable: bool = True) -> str:
    if not applicable:
        return "n/a"
    return "PASS" if ok else "FAIL"


def render(r: dict[str, Any]) -> str:
    def f(key: str, fmt: str) -> str:
        return format(r[key], fmt)

    n = int(r["n"])
    rows = [
        ("documents indexed (N)", f"{n:,} (avg {f('avg_chars', '.0f')} characters)"),
        (
            "parameters",
            f"k={r['k']}, num_perm={r['num_perm']}, bands={r['bands']}x{r['rows']} rows, "
            f"threshold={r['threshold']}",
        ),
        (
            "index build (wall)",
            f"{f('build_wall_s', '.1f')} s with {r['workers']} worker(s), corpus generation "
            f"included (generation {f('generate_cpu_s', '.1f')} CPU-s, fingerprints "
            f"{f('fingerprint_cpu_s', '.1f')} CPU-s = {f('fingerprint_ms_per_doc', '.2f')} "
            f"ms/doc, add {f('add_s', '.1f')} s, LSH sort {f('sort_s', '.2f')} s)",
        ),
        (
            "memory",
            f"index arrays {f('index_nbytes_mib', '.0f')} MiB, RSS growth "
            f"{f('rss_growth_mib', '.0f')} MiB, peak RSS {f('peak_rss_mib', '.0f')} MiB",
        ),
        (
            "query latency",
            f"p50 {f('latency_p50_ms', '.1f')} ms, p95 {f('latency_p95_ms', '.1f')} ms, "
            f"max {f('latency_max_ms', '.1f')} ms ({2 * int(r['queries'])} queries: "
            f"fingerprint + look-up + verification; one-time warm-up {f('warm_up_s', '.2f')} s "
            "before them)",
        ),
        (
            "work per query (p50/p95)",
            f"share a band {f('colliding_p50', '.0f')}/{f('colliding_p95', '.0f')}, "
            f"LSH candidates {f('candidates_p50', '.0f')}/{f('candidates_p95', '.0f')}, "
            f"verified exactly {f('verified_p50', '.0f')}/{f('verified_p95', '.0f')}",
        ),
        (
            "recall",
            f"{f('recall', '.3f')} ({r['queries']} planted copies reusing 30-90% of a source)",
        ),
        ("precision", f"{f('precision', '.3f')} ({r['flagged_pairs']} pairs flagged)"),
        (
            "planted similarity",
            f"min {f('planted_similarity_min', '.3f')}, p5 {f('planted_similarity_p5', '.3f')}, "
            f"median {f('planted_similarity_p50', '.3f')}",
        ),
        (
            "unrelated top similarity",
            f"median {f('unrelated_top_similarity_p50', '.3f')}, "
            f"max {f('unrelated_top_similarity_max', '.3f')} "
            f"(best match of {DIAGNOSTIC_SAMPLE} fresh documents; 0 below {DIAGNOSTIC_FLOOR})",
        ),
        (
            "shared_passages 10k x 10k",
            f"{f('passages_ms', '.1f')} ms ({r['passages_found']} passages)",
        ),
    ]
    width = max(len(k) for k, _ in rows)
    lines = ["engine.dedup benchmark", "=" * 22]
    lines += [f"{k.ljust(width)}  {v}" for k, v in rows]
    lines.append("")
    lines.append(
        "target: < 1 s per new application against 100,000 stored; "
        "recall ≥ 0.95 at precision ≥ 0.95"
    )
    lines.append(
        f"  latency p95 < {TARGET_LATENCY_S:.0f} s at N >= {TARGET_N:,}: "
        f"{_verdict(bool(r['pass_latency']), n >= TARGET_N)}"
        + ("" if n >= TARGET_N else f" (N={n:,} is below the target size)")
    )
    lines.append(
        f"  recall >= {TARGET_RECALL} at precision >= {TARGET_PRECISION}: "
        f"{_verdict(bool(r['pass_quality']))}"
    )
    lines.append(
        f"  shared_passages on 10,000-character texts < {1000 * TARGET_PASSAGES_S:.0f} ms: "
        f"{_verdict(bool(r['pass_passages']))}"
    )
    return "\n".join(lines)


def sweep_k(ks: Sequence[int], pairs: int, seed: int) -> list[dict[str, float]]:
    """Exact overlaps of planted pairs and of unrelated same-topic pairs for each shingle length.

    No index: every figure is exact. ``pairs`` planted copies, and all same-topic pairs among
    ``pairs`` + 100 independent documents (about 1/8 of their pairs).
    """
    rng = random.Random(seed * 31 + 7)
    sources = [generate(n, seed) for n in rng.sample(range(1_000_000), pairs)]
    copies = [plant_copy(src, seed=seed * 104_729 + q)[0] for q, src in enumerate(sources)]
    others = [generate(FRESH_OFFSET * 3 + i, seed) for i in range(pairs + 100)]
    rows = []
    for k in ks:
        planted = []
        for src, copy in zip(sources, copies, strict=True):
            planted.append(dedup.overlap(dedup.shingles(src.text, k), dedup.shingles(copy, k)))
        sets = [dedup.shingles(d.text, k) for d in others]
        unrelated = [
            dedup.overlap(sets[i], sets[j])
            for i in range(len(others))
            for j in range(i + 1, len(others))
            if others[i].topic == others[j].topic
        ]
        rows.append(
            {
                "k": k,
                "planted_min": min(planted),
                "planted_p1": _pct(planted, 1),
                "planted_p50": _pct(planted, 50),
                "unrelated_p50": _pct(unrelated, 50),
                "unrelated_p99_9": _pct(unrelated, 99.9),
                "unrelated_max": max(unrelated),
                "unrelated_pairs": len(unrelated),
            }
        )
    return rows


def render_sweep(rows: Sequence[dict[str, float]]) -> str:
    lines = [
        "shingle length sweep: exact overlap coefficient (threshold 0.5)",
        " k  planted min   p1  median | unrelated same-topic median  p99.9    max | margins",
    ]
    for r in rows:
        lines.append(
            f"{r['k']:2.0f}  {r['planted_min']:11.3f} {r['planted_p1']:5.3f} "
            f"{r['planted_p50']:6.3f}"
            f" | {r['unrelated_p50']:27.3f} {r['unrelated_p99_9']:6.3f} {r['unrelated_max']:6.3f}"
            f" | {r['planted_min'] - 0.5:+.3f} / {0.5 - r['unrelated_max']:+.3f}"
        )
    lines.append(f"({rows[0]['unrelated_pairs']:.0f} unrelated pairs; margins: min planted - 0.5 /")
    lines.append(" 0.5 - max unrelated. The default k balances them.)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.dedup", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--n", type=int, default=TARGET_N, help="documents in the corpus")
    parser.add_argument(
        "--queries", type=int, default=200, help="planted copies (and as many fresh)"
    )
    parser.add_argument("--json", action="store_true", help="end with one JSON line of results")
    parser.add_argument("--k", type=int, default=dedup.DEFAULT_K)
    parser.add_argument("--num-perm", type=int, default=dedup.DEFAULT_NUM_PERM)
    parser.add_argument("--bands", type=int, default=dedup.DEFAULT_BANDS)
    parser.add_argument("--threshold", type=float, default=dedup.DEFAULT_THRESHOLD)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes generating and fingerprinting the corpus (default: 2, or 1 below 10,000)",
    )
    parser.add_argument(
        "--sweep-k",
        metavar="K,K,...",
        help="instead of the benchmark, compare shingle lengths on exact overlaps (e.g. 3,4,5,6,8)",
    )
    args = parser.parse_args(argv)
    if args.n < 1 or args.queries < 1:
        parser.error("--n and --queries must be positive")
    if args.sweep_k:
        sweep = sweep_k([int(k) for k in args.sweep_k.split(",")], args.queries, args.seed)
        print(render_sweep(sweep), flush=True)
        if args.json:
            print(json.dumps(sweep))
        return 0
    params = Params(args.k, args.num_perm, args.bands, args.seed)
    workers = args.workers or (1 if args.n < 10_000 else min(2, os.cpu_count() or 1))
    result = run(args.n, args.queries, params, args.threshold, workers)
    print(render(result), flush=True)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
