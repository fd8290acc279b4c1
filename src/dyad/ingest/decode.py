"""Bytes to text: refuse binary files, decode any common encoding, say what was guessed."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from ..errors import UnreadableInput

__all__ = ["Decoded", "decode_bytes"]

# Leading bytes of binary formats people drop into article folders by mistake.
_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"DUCK": "a DuckDB database",
    b"SQLite format 3": "an SQLite database",
}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    #: a note for the user when the encoding was guessed rather than declared
    note: str | None = None


def decode_bytes(data: bytes, where: str) -> Decoded:
    """Decode ``data``, trying UTF-8 first, then a detected legacy encoding.

    Raises :class:`UnreadableInput` for binary content, naming what it looks like.
    """
    for magic, what in _MAGIC.items():
        if data.startswith(magic) or (magic == b"DUCK" and data[8:12] == b"DUCK"):
            raise UnreadableInput(
                where,
                f"binary file ({what}), not an article; remove it or convert it to text or HTML",
            )
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return Decoded(data.decode(name, errors="replace"), name)
    head = data[:65536]
    if b"\x00" in head:
        raise UnreadableInput(where, "binary file (contains NUL bytes), not an article")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableInput(where, "cannot decode the bytes as text in any known encoding")
    text = str(best)
    if _control_share(text) > 0.01:
        raise UnreadableInput(where, "binary file (control characters throughout), not an article")
    encoding = best.encoding
    return Decoded(text, encoding, note=f"not UTF-8; decoded as {encoding}")


def _control_share(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)
