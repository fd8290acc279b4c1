"""Bytes to text: refuse binary files, decode any common encoding, say what was guessed.

Legacy single-byte text is decoded as cp1252 (Windows Western, a superset of Latin-1) unless it
is in a language written with another Latin code page: charset-normalizer scores cp1252, cp1250,
iso8859_13 and their kin alike on most Western text and picks one of the others ("naïve" read
as "naďve" or "naļve").
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from ..errors import UnreadableInput
from .language import detect_language

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
# Single-byte code pages for Latin-script text: charset-normalizer's guesses among them are near
# ties on Western text, which cp1252 decodes.
_LATIN_CODE_PAGES = {
    "cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "cp437", "cp775", "cp850", "cp852",
    "cp858", "hp_roman8", "latin_1", "mac_iceland", "mac_latin2", "mac_roman", "mac_turkish",
    "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13",
    "iso8859_14", "iso8859_15", "iso8859_16",
}  # fmt: skip
# Latin-script languages whose legacy text is not cp1252 (Central European cp1250, Baltic
# cp1257, Turkish cp1254, Vietnamese cp1258): for them charset-normalizer's guess stands.
_NOT_WESTERN = {"cs", "sk", "pl", "hu", "sl", "hr", "ro", "sr", "lt", "lv", "et", "tr", "az", "vi"}


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
    # NUL bytes past the head: a damaged text file; they would end up in the stored text.
    nul = data.count(b"\x00")
    if nul:
        data = data.replace(b"\x00", b"")
    nul_note = f"{nul:,} NUL byte(s) removed" if nul else None
    try:
        return Decoded(data.decode("utf-8"), "utf-8", note=nul_note)
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableInput(where, "cannot decode the bytes as text in any known encoding")
    text, encoding = str(best), best.encoding
    if encoding in _LATIN_CODE_PAGES and encoding != "cp1252":
        text, encoding = _prefer_western(data, text, encoding, best.chaos)
    if _control_share(text) > 0.01:
        raise UnreadableInput(where, "binary file (control characters throughout), not an article")
    note = f"not UTF-8; decoded as {encoding}"
    return Decoded(text, encoding, note=f"{note}; {nul_note}" if nul_note else note)


def _prefer_western(data: bytes, text: str, encoding: str, chaos: float) -> tuple[str, str]:
    """cp1252 instead of ``encoding`` when it reads the bytes as cleanly and the text is not in a
    language written with another Latin code page."""
    try:
        western, name = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # five bytes cp1252 leaves undefined; Latin-1 has them all
        western, name = data.decode("latin_1"), "latin_1"
    if mess_ratio(western[:65536]) > chaos + 0.01:
        return text, encoding
    if detect_language(western)[0] in _NOT_WESTERN:
        return text, encoding
    return western, name


def _control_share(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)
