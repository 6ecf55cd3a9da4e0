"""The labelled crisis messages under data/crisis/: loading, checking, and their fingerprint.

One JSON object per line: text, label, lang, kind, split (docs/crisis-labelling.md says what
each label means). Files named train-*.jsonl hold the train split, the only one a rule or the
model may be built from; report-*.jsonl hold the report split, read only to measure."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "crisis"
LABELS = ("emergency", "crisis", "lapse", "poison", "check", "none")
LANGS = ("en", "es", "mix")
SPLITS = ("train", "report")


@dataclass(frozen=True)
class Message:
    text: str
    label: str
    lang: str
    kind: str
    split: str


def files(split: str) -> list[Path]:
    """The split's files, in a stable order."""
    if split not in SPLITS:
        raise ValueError(f"no split {split!r}; one of {SPLITS}")
    return sorted(DATA.glob(f"{split}-*.jsonl"))


def load(split: str) -> list[Message]:
    """Every message of `split`; ValueError naming the file and line of a bad one."""
    found: list[Message] = []
    for path in files(split):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            message = Message(**{k: row[k] for k in ("text", "label", "lang", "kind", "split")})
            bad = (
                message.label not in LABELS or message.lang not in LANGS
                or message.split != split or not message.text.strip()
            )  # fmt: skip
            if bad:
                raise ValueError(f"{path.name}:{number}: bad row {row!r}")
            found.append(message)
    return found


def fingerprint(split: str) -> str:
    """SHA-256 of the split's files, in order: the model records the one it was built from."""
    digest = hashlib.sha256()
    for path in files(split):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
