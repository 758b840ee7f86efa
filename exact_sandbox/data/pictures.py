"""Small deterministic item pictures (PNG) and the URLs Exact gives them (spec §4.9)."""

from __future__ import annotations

import hashlib
import struct
import zlib

# Relative to the request's base URL; the double slash is Exact's own (spec §4.9).
PLACEHOLDER_PATH = "//docs/images/placeholder_item.png"
URL_FIELDS = frozenset({"PictureUrl", "PictureThumbnailUrl"})


def picture_path(item_id: str, division: int, thumb_size: int = 500) -> str:
    """`/docs/SysImage.aspx?...` for an item picture, relative to the base URL."""
    return (
        f"/docs/SysImage.aspx?Table=Items&ID={item_id}&ThumbSize={thumb_size}"
        f"&NoCache=1&OptimizeForWeb=1&_Division_={division}"
    )


def item_png(item_id: str, size: int = 16) -> bytes:
    """A size x size PNG whose two colours derive from the item id (same id, same bytes)."""
    digest = hashlib.sha256(item_id.encode()).digest()
    front, back = digest[0:3], digest[3:6]
    rows = bytearray()
    for y in range(size):
        rows.append(0)  # filter type: none
        for x in range(size):
            rows += front if (x // 4 + y // 4) % 2 == 0 else back
    return _png(size, size, bytes(rows))


def _png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def placeholder_png(size: int = 48) -> bytes:
    """Exact's stand-in for a missing picture: a grey frame on light grey (spec §4.9)."""
    light, dark = b"\xee\xee\xee", b"\xb0\xb0\xb0"
    edge = range(size // 4, size - size // 4)
    rows = bytearray()
    for y in range(size):
        rows.append(0)  # filter type: none
        for x in range(size):
            on_frame = (x in edge and y in (edge[0], edge[-1])) or (
                y in edge and x in (edge[0], edge[-1])
            )
            rows += dark if on_frame else light
    return _png(size, size, bytes(rows))
