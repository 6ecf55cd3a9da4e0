"""Stored files (uploads by the bot and media sent by simulated users) and tiny sample media."""

from __future__ import annotations

import mimetypes
import struct
import zlib
from dataclasses import dataclass
from typing import Any

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
WEBP_SAMPLE = b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11\x88"
OGG_SAMPLE = b"OggS\x00\x02" + bytes(20)
_FOLDERS = {"photo": "photos", "document": "documents", "voice": "voice", "sticker": "stickers"}
_DEFAULT_EXT = {"photo": ".jpg", "document": "", "voice": ".oga", "sticker": ".webp"}


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def tiny_png(width: int = 1, height: int = 1) -> bytes:
    """A valid, all-white RGB PNG of the given size."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\xff" * 3 * width for _ in range(height))
    return (
        PNG_SIGNATURE
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(rows))
        + _png_chunk(b"IEND", b"")
    )


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    pos = 2
    while pos + 9 < len(data):
        if data[pos] != 0xFF:
            return None
        marker, length = data[pos + 1], struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return width, height
        pos += 2 + length
    return None


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG/JPEG/GIF/WEBP image, None if the bytes are not an image."""
    if data.startswith(PNG_SIGNATURE) and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data) or (1, 1)
    if data[:6] in (b"GIF87a", b"GIF89a"):
        width, height = struct.unpack("<HH", data[6:10])
        return width, height
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return 512, 512
    return None


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    kind: str
    data: bytes
    file_path: str
    file_name: str | None = None
    mime_type: str | None = None

    def as_file(self) -> dict[str, Any]:
        """The File object returned by getFile."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }

    def as_document(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
        }
        if self.file_name:
            document["file_name"] = self.file_name
        if self.mime_type:
            document["mime_type"] = self.mime_type
        return document


class FileStore:
    """Files by file_id and by download path."""

    def __init__(self) -> None:
        self.by_id: dict[str, StoredFile] = {}
        self.by_path: dict[str, StoredFile] = {}
        self._counter = 0

    def add(
        self,
        kind: str,
        data: bytes,
        file_name: str | None = None,
        mime_type: str | None = None,
    ) -> StoredFile:
        self._counter += 1
        number = self._counter
        ext = _DEFAULT_EXT.get(kind, "")
        if data.startswith(PNG_SIGNATURE):
            ext = ".png"
        elif kind == "document" and file_name and "." in file_name:
            ext = "." + file_name.rsplit(".", 1)[1]
        if mime_type is None and file_name:
            mime_type = mimetypes.guess_type(file_name)[0]
        stored = StoredFile(
            file_id=f"BQACAgIAAx{kind[:2].upper()}{number:06d}fake",
            file_unique_id=f"AgAD{number:06d}",
            kind=kind,
            data=data,
            file_path=f"{_FOLDERS.get(kind, 'files')}/file_{number}{ext}",
            file_name=file_name,
            mime_type=mime_type,
        )
        self.by_id[stored.file_id] = stored
        self.by_path[stored.file_path] = stored
        return stored

    def get(self, file_id: str) -> StoredFile | None:
        return self.by_id.get(file_id)
