"""Build the crisis model from the train split, and measure the screener on a split.

    pip install -e '.[dev]'                    # scikit-learn, numpy, scipy: build only
    python -m tools.crisis_model build         # writes bot/domain/crisis/model.bin
    python -m tools.crisis_model report        # figures on the report split (never trained on)

The build reads only data/crisis/train-*.jsonl. It fits a multinomial logistic regression on
`bot.domain.crisis.features` (L2, C below, lbfgs, no randomness), picks the thresholds of
`screen.decide` from 5-fold out-of-fold predictions on the train split (the report split is
never looked at), and records the train split's SHA-256 in the file, so a test can tell when
the data changed and the model was not rebuilt. Same data, same versions: same file.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Callable, Sequence
from math import log
from pathlib import Path
from typing import Any

from bot.domain.crisis import features, model, screen
from bot.domain.crisis.screen import Tier
from tools.crisis_data import LABELS, Message, fingerprint, load

OUT = Path(__file__).resolve().parents[1] / "bot" / "domain" / "crisis" / "model.bin"
C = 10.0
FOLDS = 5
MIN_RECALL = 0.97  # any response, overall, per language and for tier 1, out of fold
MAX_FULL = 0.03  # full scripts on ordinary messages, out of fold
Row = dict[int, float]
REPLY = {t: t.name.lower() for t in Tier}


def rows(messages: Sequence[Message]) -> list[tuple[Row, Tier | None, int]]:
    """Each message's feature counts, what the rules alone say, and its length in words."""
    out = []
    for m in messages:
        normal = screen.normalize(m.text)
        rule = screen.rule_tier(m.text)
        words = screen.word_count(normal)
        out.append((features.counts(m.text, normal, int(rule) if rule else None), rule, words))
    return out


def idf_of(counted: Sequence[Row]) -> list[float]:
    """Smoothed idf per n-gram column (ln((1+n)/(1+df)) + 1); 0 where never seen."""
    df = [0] * features.DIM
    for row in counted:
        for k in row:
            if k < features.DIM:
                df[k] += 1
    n = len(counted)
    idf = [log((1 + n) / (1 + d)) + 1.0 if d else 0.0 for d in df]
    return idf + [1.0] * len(features.RULE_FEATURES)


def fit(counted: Sequence[Row], labels: Sequence[str]) -> tuple[list[float], Any]:
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    idf = idf_of(counted)
    matrix = _matrix(counted, idf, csr_matrix, np)
    y = np.array([LABELS.index(label) for label in labels])
    return idf, LogisticRegression(C=C, max_iter=5000).fit(matrix, y)


def _matrix(counted: Sequence[Row], idf: Sequence[float], csr: Any, np: Any) -> Any:
    data: list[float] = []
    cols: list[int] = []
    ptr = [0]
    for row in counted:
        scaled = features.weighted(row, idf)
        cols += list(scaled)
        data += list(scaled.values())
        ptr.append(len(cols))
    return csr(
        (np.array(data), np.array(cols), np.array(ptr)), shape=(len(counted), features.WIDTH)
    )


def out_of_fold(counted: Sequence[Row], labels: Sequence[str]) -> list[dict[str, float]]:
    """P(label) for each train message from a model that did not see it."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.model_selection import StratifiedKFold

    y = np.array([LABELS.index(label) for label in labels])
    probs: list[dict[str, float]] = [{} for _ in counted]
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(np.zeros(len(y)), y)
    for train_idx, test_idx in folds:
        idf, clf = fit([counted[i] for i in train_idx], [labels[i] for i in train_idx])
        held = _matrix([counted[i] for i in test_idx], idf, csr_matrix, np)
        for i, p in zip(test_idx, clf.predict_proba(held), strict=True):
            probs[i] = {LABELS[c]: float(p[j]) for j, c in enumerate(clf.classes_)}
    return probs


def figures(messages: Sequence[Message], replies: Sequence[Tier | None]) -> dict[str, float]:
    """The issue's figures: recall of any response, per language and tier; on ordinary
    messages, how often the full script and the safety check were shown."""
    crisis = [(m, r) for m, r in zip(messages, replies, strict=True) if m.label in LABELS[:4]]
    ordinary = [r for m, r in zip(messages, replies, strict=True) if m.label == "none"]
    out = {"recall": _share(r is not None for _, r in crisis)}
    for lang in ("en", "es", "mix"):
        out[f"recall_{lang}"] = _share(r is not None for m, r in crisis if m.lang == lang)
    for label in LABELS[:4]:
        out[f"recall_{label}"] = _share(r is not None for m, r in crisis if m.label == label)
    out["tier1_script"] = _share(r is Tier.EMERGENCY for m, r in crisis if m.label == LABELS[0])
    out["tier_right"] = _share(r is not None and REPLY[r] == m.label for m, r in crisis)
    out["full_on_ordinary"] = _share(r is not None and r is not Tier.CHECK for r in ordinary)
    out["check_on_ordinary"] = _share(r is Tier.CHECK for r in ordinary)
    return out


def _share(flags: Any) -> float:
    seen = list(flags)
    return sum(seen) / len(seen) if seen else float("nan")


def choose_thresholds(
    messages: Sequence[Message], counted: Sequence[tuple[Row, Tier | None, int]],
    probs: Sequence[dict[str, float]],
) -> dict[str, float]:  # fmt: skip
    """The thresholds that keep out-of-fold recall at MIN_RECALL (overall, per language,
    tier 1) while showing the fewest scripts (weighted 3) and checks on ordinary messages."""
    best: tuple[float, dict[str, float]] | None = None
    for full, veto in itertools.product(_grid(50, 100, 5), _grid(20, 100, 10)):
        for check in _grid(5, 60, 1):
            th = {"full": full, "veto": veto, "check": check}
            replies = _replies(counted, probs, th)
            f = figures(messages, replies)
            keys = ("recall", "recall_en", "recall_es", "recall_emergency")
            if any(f[k] < MIN_RECALL for k in keys):
                continue
            cost = 3 * f["full_on_ordinary"] + f["check_on_ordinary"]
            if best is None or cost < best[0]:
                best = (cost, th)
    if best is None:
        raise SystemExit(f"no thresholds keep out-of-fold recall at {MIN_RECALL}")
    return _with_emergency(messages, counted, probs, best[1])


def _with_emergency(
    messages: Sequence[Message], counted: Sequence[tuple[Row, Tier | None, int]],
    probs: Sequence[dict[str, float]], th: dict[str, float],
) -> dict[str, float]:  # fmt: skip
    """The lowest threshold for the 911 script (when tier 1 is the likeliest tier) that keeps
    full scripts on ordinary messages within MAX_FULL, out of fold."""
    for emergency in _grid(25, 100, 5):
        trial = {**th, "emergency": emergency}
        if figures(messages, _replies(counted, probs, trial))["full_on_ordinary"] <= MAX_FULL:
            return trial
    return th


def _grid(start: int, stop: int, step: int) -> list[float]:
    return [x / 100 for x in range(start, stop, step)]


def _replies(
    counted: Sequence[tuple[Row, Tier | None, int]], probs: Sequence[dict[str, float]],
    th: dict[str, float],
) -> list[Tier | None]:  # fmt: skip
    return [screen.decide(r, p, th, n) for (_, r, n), p in zip(counted, probs, strict=True)]


def build() -> int:
    train = load("train")
    counted = rows(train)
    labels = [m.label for m in train]
    probs = out_of_fold([c for c, _, _ in counted], labels)
    thresholds = choose_thresholds(train, counted, probs)
    oof = figures(train, _replies(counted, probs, thresholds))
    idf, clf = fit([c for c, _, _ in counted], labels)
    order = [list(clf.classes_).index(LABELS.index(label)) for label in LABELS]
    weights = [list(map(float, clf.coef_[i])) for i in order]
    header = {
        "thresholds": thresholds, "train_sha256": fingerprint("train"),
        "train_messages": len(train), "C": C,
        "out_of_fold": {k: round(v, 4) for k, v in oof.items()},
    }  # fmt: skip
    blob = model.encode(LABELS, idf, weights, [float(clf.intercept_[i]) for i in order], header)
    OUT.write_bytes(blob)
    print(f"wrote {OUT} ({len(blob) / 1e6:.2f} MB); thresholds {thresholds}")
    _print("out of fold, train split", oof)
    return 0


def _print(title: str, f: dict[str, float]) -> None:
    print(title)
    for key, value in f.items():
        print(f"  {key:20s} {value:.3f}")


def report(split: str = "report", screener: Callable[[str], Tier | None] = screen.screen) -> int:
    messages = load(split)
    replies = [screener(m.text) for m in messages]
    _print(f"{split} split, {len(messages)} messages", figures(messages, replies))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.crisis_model", description=__doc__)
    parser.add_argument("action", choices=("build", "report"))
    parser.add_argument("--split", default="report", choices=("train", "report"))
    args = parser.parse_args(argv)
    return build() if args.action == "build" else report(args.split)


if __name__ == "__main__":
    sys.exit(main())
