"""Time to build the progress message and draw both charts for a client with a year of data
(issue 4: together under 300 ms).

    python benchmarks/charts_bench.py [RUNS]
"""

from __future__ import annotations

import statistics
import sys
import time

from bot.charts.demo import DEMO_TODAY, demo_history
from bot.charts.draw import mood_craving_chart, trigger_bars_chart
from bot.domain.insights import progress, progress_text

TARGET_MS = 300.0


def one_run(days: int, lang: str) -> float:
    h = demo_history(DEMO_TODAY, 365)
    start = time.perf_counter()
    progress_text(progress(h, DEMO_TODAY), lang)
    mood_craving_chart(h, DEMO_TODAY, days, lang)
    trigger_bars_chart(h, DEMO_TODAY, days, lang)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    # The first call in a process loads fonts; a running bot pays that once, not per client.
    print(f"first call in this process: {one_run(30, 'en'):.1f} ms")
    h = demo_history(DEMO_TODAY, 365)
    print(f"client: {len(h.checkins)} check-ins, {len(h.cravings)} craving logs over 365 days")
    for days, lang in ((14, "en"), (30, "en"), (30, "es")):
        times = [one_run(days, lang) for _ in range(runs)]
        median = statistics.median(times)
        verdict = "ok" if median < TARGET_MS else "OVER TARGET"
        print(
            f"progress + both charts, {days} days, {lang}: median {median:.1f} ms, "
            f"max {max(times):.1f} ms over {runs} runs (target < {TARGET_MS:.0f} ms: {verdict})"
        )


if __name__ == "__main__":
    main()
