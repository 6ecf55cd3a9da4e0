"""The learned half of the screener: a multinomial logistic regression over `features`.

The weights are data, built by `tools/crisis_model.py` from the train split under
`data/crisis/` (never from the report split) and shipped as `model.bin` beside this file.
Reading that file is the only input this module takes besides the message; it is read once
(`load()` caches it) and holds no clock, no randomness and no network. Standard library only.

File format, little-endian: b"CRM1", a 4-byte header length, a JSON header (labels,
thresholds, the train data's SHA-256, counts), then zlib of: the indices of the used columns
(uint32), their idf (float32), and per label their weights (float32), then the intercepts.
"""

from __future__ import annotations

import json
import math
import struct
import zlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from bot.domain.crisis.features import WIDTH, counts, weighted

MAGIC = b"CRM1"
LABELS = ("emergency", "crisis", "lapse", "poison", "check", "none")


@dataclass(frozen=True)
class TextModel:
    """Per label, a weight per feature column and an intercept; `header` says how it was built."""

    labels: tuple[str, ...]
    idf: array[float]  # float32 per column, WIDTH long
    weights: tuple[array[float], ...]
    intercepts: tuple[float, ...]
    header: dict[str, Any] = field(default_factory=dict)

    def probabilities(self, text: str, normalized: str, rule_tier: int | None) -> dict[str, float]:
        """P(label | message), summing to 1."""
        row = weighted(counts(text, normalized, rule_tier), self.idf)
        scores = []
        for weights, intercept in zip(self.weights, self.intercepts, strict=True):
            scores.append(intercept + sum(weights[k] * v for k, v in row.items()))
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps, strict=True)}


def encode(
    labels: Sequence[str], idf: Sequence[float], weights: Sequence[Sequence[float]],
    intercepts: Sequence[float], header: dict[str, Any],
) -> bytes:  # fmt: skip
    """The model as bytes (only columns some label weighs are kept)."""
    used = [k for k in range(WIDTH) if any(w[k] != 0.0 for w in weights)]
    body = array("I", used).tobytes() + array("f", [idf[k] for k in used]).tobytes()
    for w in weights:
        body += array("f", [w[k] for k in used]).tobytes()
    body += array("f", intercepts).tobytes()
    head = json.dumps({**header, "labels": list(labels), "columns": len(used)}).encode()
    return MAGIC + struct.pack("<I", len(head)) + head + zlib.compress(body, 9)


def decode(blob: bytes) -> TextModel:
    """A model from `encode`'s bytes; ValueError if they are not one."""
    if blob[:4] != MAGIC:
        raise ValueError("not a crisis model file")
    (size,) = struct.unpack("<I", blob[4:8])
    header = json.loads(blob[8 : 8 + size])
    body = zlib.decompress(blob[8 + size :])
    n, labels = header["columns"], tuple(header["labels"])
    used: array[int] = array("I", body[: 4 * n])
    floats: list[array[float]] = []
    for i in range(len(labels) + 1):  # the idf, then each label's weights
        start = 4 * n * (i + 1)
        floats.append(array("f", body[start : start + 4 * n]))
    idf_used, per_label = floats[0], floats[1:]
    intercepts: array[float] = array("f", body[4 * n * (len(labels) + 2) :])
    idf = array("f", bytes(4 * WIDTH))
    dense = [array("f", bytes(4 * WIDTH)) for _ in labels]
    for i, k in enumerate(used):
        idf[k] = idf_used[i]
        for d, w in zip(dense, per_label, strict=True):
            d[k] = w[i]
    return TextModel(labels, idf, tuple(dense), tuple(intercepts), header)


@cache
def load() -> TextModel:
    """The shipped model, read once per process."""
    return decode(resources.files(__package__).joinpath("model.bin").read_bytes())
