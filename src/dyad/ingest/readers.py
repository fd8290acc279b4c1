"""Read articles from files and folders: .txt, .html/.htm, .jsonl/.ndjson, .csv, .warc(.gz).

Every reader yields :class:`Article` objects or :class:`~dyad.errors.InputError` values (never
raises for a bad input), so one broken file or record never stops the rest of a run.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

from ..config import Settings
from ..errors import (
    EmptyInput,
    InputError,
    MalformedRecord,
    NotEnglish,
    TooLargeInput,
    UnreadableInput,
    UnsupportedInput,
)
from .clean import clean_text, parse_date_line
from .decode import decode_bytes
from .language import detect_language

__all__ = ["SUFFIXES", "Article", "iter_articles"]

SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".warc": "warc",
    ".warc.gz": "warc",
}
_SINGLE_ARTICLE = {"txt", "html"}
_FIELD_NAMES = {
    "title": ("title", "headline"),
    "author": ("author", "byline", "authors"),
    "published": ("published", "date", "publish_date", "published_at", "pubdate"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "site", "publisher", "sitename"),
}


@dataclass
class Article:
    """One article ready to store: cleaned text plus everything known about where it came from."""

    text: str
    path: str
    format: str
    record: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    references: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def origin(self) -> str:
        """Where this article lives: a changed text at the same origin is a new version."""
        return f"{self.path}#{self.record}" if self.record else self.path

    @property
    def where(self) -> str:
        return f"{self.path} ({self.record})" if self.record else self.path


def _format_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return SUFFIXES.get(path.suffix.lower())


def _walk(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield UnreadableInput(path, "path does not exist; check the spelling or the directory")
        elif path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


def iter_articles(
    paths: Iterable[str | Path], settings: Settings
) -> Iterator[Article | InputError]:
    """Walk ``paths`` (files or folders, recursively) and yield articles or input errors."""
    for item in _walk(paths):
        if isinstance(item, InputError):
            yield item
            continue
        yield from _read_file(item, settings)


def _read_file(path: Path, settings: Settings) -> Iterator[Article | InputError]:
    where = str(path)
    fmt = _format_of(path)
    if fmt is None:
        kinds = ", ".join(sorted(set(SUFFIXES)))
        yield UnsupportedInput(
            where, f"unsupported file type {path.suffix or '(none)'!r}; dyad reads {kinds}"
        )
        return
    try:
        size = path.stat().st_size
        if fmt in _SINGLE_ARTICLE and size > settings.max_file_bytes:
            yield TooLargeInput(
                where,
                f"file is {size / 1e6:.1f} MB, over the {settings.max_file_bytes / 1e6:.0f}"
                " MB limit for one article; split it or raise ingest.max_file_mb",
            )
            return
        if size == 0:
            yield EmptyInput(where, "empty file")
            return
        if fmt == "warc":
            yield from _read_warc(path, settings)
            return
        if fmt in ("jsonl", "csv"):
            # Containers are streamed: memory stays bounded whatever the file size.
            records = _jsonl_records if fmt == "jsonl" else _csv_records
            yield from _read_container(path, settings, records)
            return
        data = path.read_bytes()
    except OSError as err:
        yield UnreadableInput(where, f"cannot read file: {err.strerror or err}")
        return
    try:
        decoded = decode_bytes(data, where)
    except InputError as err:
        yield err
        return
    notes = [decoded.note] if decoded.note else []
    if fmt == "txt":
        yield _make(path, fmt, None, settings, notes, text=decoded.text)
    else:
        yield _from_html(decoded.text, path, None, settings, notes, url=None)


def _sniff_encoding(path: Path) -> tuple[str, list[str]]:
    """Encoding of a container file from its first 64 KB; raises InputError for binary files."""
    with path.open("rb") as handle:
        sample = handle.read(65536)
    if len(sample) == 65536 and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n") + 1]  # never cut a multi-byte character
    decoded = decode_bytes(sample, str(path))
    encoding = "utf-8-sig" if decoded.encoding == "utf-8" else decoded.encoding
    return encoding, [decoded.note] if decoded.note else []


def _read_container(
    path: Path, settings: Settings, records: Callable[..., Iterator[Article | InputError]]
) -> Iterator[Article | InputError]:
    """Stream a JSONL or CSV file in its sniffed encoding, one record at a time."""
    try:
        encoding, notes = _sniff_encoding(path)
    except InputError as err:
        yield err
        return
    with path.open(encoding=encoding, errors="replace", newline="") as text:
        yield from records(text, path, settings, notes)


def _jsonl_records(
    text: Iterable[str], path: Path, settings: Settings, notes: list[str]
) -> Iterator[Article | InputError]:
    for number, line in enumerate(text, start=1):
        if not line.strip():
            continue
        record = f"line {number}"
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield MalformedRecord(
                where, f"malformed JSON ({err.msg} at column {err.colno}); line skipped"
            )
            continue
        if not isinstance(obj, dict):
            yield MalformedRecord(
                where, f"expected a JSON object per line, got {type(obj).__name__}"
            )
            continue
        yield _from_record(obj, path, "jsonl", record, where, settings, notes)


def _csv_records(
    text: Iterable[str], path: Path, settings: Settings, notes: list[str]
) -> Iterator[Article | InputError]:
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(text)
    columns = {name.strip().lower(): name for name in (reader.fieldnames or []) if name}
    if "text" not in columns:
        yield MalformedRecord(
            path,
            f"CSV has no 'text' column (columns: {', '.join(columns) or 'none'}); "
            "name the article text column 'text'",
        )
        return
    try:
        for number, row in enumerate(reader, start=2):
            obj = {key.strip().lower(): value for key, value in row.items() if isinstance(key, str)}
            yield _from_record(
                obj, path, "csv", f"row {number}", f"{path}:{number}", settings, notes
            )
    except csv.Error as err:
        yield MalformedRecord(path, f"CSV cannot be parsed after line {reader.line_num}: {err}")


def _read_warc(path: Path, settings: Settings) -> Iterator[Article | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with path.open("rb") as stream:
        try:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if record.rec_headers.get_header("WARC-Type") is None:
                    yield MalformedRecord(
                        path, f"not a WARC file (record {number} has no WARC-Type)"
                    )
                    return
                if record.rec_type not in ("response", "resource"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path} (record {number})"
                content_type = ""
                if record.http_headers is not None:
                    content_type = record.http_headers.get_header("Content-Type") or ""
                else:
                    content_type = record.rec_headers.get_header("Content-Type") or ""
                content_type = content_type.lower()
                if not ("html" in content_type or "text/plain" in content_type):
                    continue
                payload = record.content_stream().read()
                if getattr(record.raw_stream, "limit", 0):  # fewer bytes than Content-Length
                    yield MalformedRecord(where, "WARC record is truncated; earlier records kept")
                    return
                if len(payload) > settings.max_file_bytes:
                    yield TooLargeInput(
                        where, f"record is {len(payload) / 1e6:.1f} MB, over the limit"
                    )
                    continue
                try:
                    decoded = decode_bytes(payload, where)
                except InputError as err:
                    yield err
                    continue
                notes = [decoded.note] if decoded.note else []
                if "html" in content_type:
                    yield _from_html(
                        decoded.text, path, f"record {number}", settings, notes, url=url
                    )
                else:
                    yield _make(
                        path,
                        "warc",
                        f"record {number}",
                        settings,
                        notes,
                        text=decoded.text,
                        url=url,
                    )
        except ArchiveLoadFailed as err:
            yield MalformedRecord(path, f"not a readable WARC file: {err}")
        except (OSError, EOFError, ValueError) as err:
            yield MalformedRecord(
                path, f"WARC file is truncated or corrupt: {err}; earlier records kept"
            )


def _from_html(
    html: str, path: Path, record: str | None, settings: Settings, notes: list[str], url: str | None
) -> Article | InputError:
    import trafilatura

    where = f"{path} ({record})" if record else str(path)
    fmt = "warc" if record else "html"
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,
        )
    except Exception as err:  # trafilatura raises many parser-specific types on broken markup
        doc = None
        notes = [*notes, f"main-text extraction failed ({type(err).__name__}); used all page text"]
    if doc is None or not (doc.text or "").strip():
        text = _html_fallback_text(html)
        if not text:
            return EmptyInput(where, "no article text found in the HTML")
        return _make(path, fmt, record, settings, notes, text=text, url=url)
    return _make(
        path,
        fmt,
        record,
        settings,
        notes,
        text=doc.text,
        title=doc.title,
        author=doc.author,
        published=doc.date,
        outlet=doc.sitename,
        url=url or doc.url,
    )


def _html_fallback_text(html: str) -> str:
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//nav|//footer|//header"):
        bad.drop_tree()
    return "\n".join(line.strip() for line in tree.text_content().splitlines() if line.strip())


def _from_record(
    obj: dict, path: Path, fmt: str, record: str, where: str, settings: Settings, notes: list[str]
) -> Article | InputError:
    text = obj.get("text")
    if not isinstance(text, str):
        return MalformedRecord(
            where, "record has no 'text' string; each record needs the article text"
        )
    fields = {}
    for name, keys in _FIELD_NAMES.items():
        for key in keys:
            value = obj.get(key)
            if isinstance(value, list):
                value = "; ".join(str(v) for v in value)
            if value not in (None, ""):
                fields[name] = str(value).strip()
                break
    return _make(path, fmt, record, settings, notes, text=text, **fields)


def normalise_published(value: str | None) -> str | None:
    """ISO date at its precision (``2016``, ``2016-09``, ``2016-09-09``) or None."""
    if not value:
        return None
    value = value.strip()
    if len(value) in (4, 7) and value[:4].isdigit():
        try:
            datetime.strptime(value, "%Y" if len(value) == 4 else "%Y-%m")
            return value
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return parse_date_line(value)


def _outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def _make(
    path: Path,
    fmt: str,
    record: str | None,
    settings: Settings,
    notes: list[str],
    *,
    text: str,
    title: str | None = None,
    author: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> Article | InputError:
    where = f"{path} ({record})" if record else str(path)
    notes = list(notes)
    published_iso = normalise_published(published)
    if published and not published_iso:
        notes.append(f"publication date {published!r} not understood; ignored")
    cleaned = clean_text(text, title=title, author=author, published=published_iso)
    if not cleaned.text.strip():
        return EmptyInput(where, "no article text left after removing page chrome")
    if len(cleaned.text) > settings.max_chars:
        return TooLargeInput(
            where,
            f"article has {len(cleaned.text):,} characters, over nlp.max_chars "
            f"({settings.max_chars:,}); split it or raise the setting",
        )
    n_words = len(cleaned.text.split())
    language = None
    if n_words >= settings.min_words_for_language:
        language, confidence = detect_language(cleaned.text)
        if language != settings.language and confidence >= settings.min_language_confidence:
            return NotEnglish(
                where,
                f"language looks like {language!r} (confidence {confidence:.2f}), "
                f"not {settings.language!r}; skipped",
            )
        if language != settings.language:
            language = settings.language  # not confident enough to call it anything else
    return Article(
        text=cleaned.text,
        path=str(path),
        format=fmt,
        record=record,
        title=cleaned.title,
        author=cleaned.author,
        published=normalise_published(cleaned.published),
        outlet=outlet or cleaned.outlet or _outlet_from_url(url or cleaned.url),
        url=url or cleaned.url,
        language=language,
        references=cleaned.references,
        removed=cleaned.removed,
        notes=notes,
    )
