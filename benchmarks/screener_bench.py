"""Benchmark: the crisis screener on messages of about 200 characters, one at a time.

Prints the median and 99th percentile of one call, for the rules alone and for the whole
screener (rules + model), side by side on the same messages, plus the memory the model and
its sentence encoder add (the process's peak resident memory before and after loading them,
and after screening) and the time to load them once at start. The encoder reads its table
from its cache file as the bot does (`bot.service.screener`; the file is written first if it
is not there, before anything is measured); `--in-memory` measures the wheel's own loading,
which unpacks the table into the process.

    python benchmarks/screener_bench.py [--rounds 3] [--in-memory]

Targets (the issue): at most 100 ms median and 250 ms p99 for one message on one core of the
CI machine; at most 300 MB more memory. Pin to one core with `taskset -c 0` to measure that.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.domain.crisis import model, sentence
from bot.domain.crisis.screen import rule_tier, screen
from bot.service.screener import table_file
from tools.crisis_data import load


def messages() -> list[str]:
    """Report-split messages joined up to about 200 characters each."""
    texts, current = [], ""
    for m in load("report"):
        current = f"{current} {m.text}".strip()
        if len(current) >= 180:
            texts.append(current[:200])
            current = ""
    return texts


def timings(call: object, texts: list[str]) -> list[float]:
    out = []
    for text in texts:
        start = time.perf_counter()
        call(text)  # type: ignore[operator]
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--in-memory", action="store_true", help="the table in memory")
    args = parser.parse_args()
    texts = messages()
    table = None if args.in_memory else table_file()
    if table is not None:
        sentence.use_table(table)
    print(f"encoder table: {table or 'unpacked into memory'}")
    before = _peak_mb()
    start = time.perf_counter()
    model.load()
    load_s = time.perf_counter() - start
    print(f"model: loaded once in {load_s:.2f} s, {_peak_mb() - before:.0f} MB more at peak")
    print(f"{len(texts)} messages of ~200 characters, {args.rounds} interleaved rounds")
    results: dict[str, list[float]] = {"rules alone": [], "rules + model": []}
    for _ in range(args.rounds):
        results["rules alone"] += timings(rule_tier, texts)
        results["rules + model"] += timings(screen, texts)
    for name, values in results.items():
        values.sort()
        p99 = values[int(len(values) * 0.99) - 1]
        print(f"  {name:14s} median {statistics.median(values):6.2f} ms   p99 {p99:6.2f} ms")
    print(f"peak memory after screening: {_peak_mb() - before:.0f} MB more than before loading")
    return 0


def _peak_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    sys.exit(main())
