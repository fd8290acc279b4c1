"""Read articles from files and folders: .txt, .html/.htm, .jsonl/.ndjson, .csv, .warc(.gz).

Every reader yields :class:`Article` objects or :class:`~dyad.errors.InputError` values (never
raises for a bad input), so one broken file or record never stops the rest of a run.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
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
_SURROGATE = re.compile("[\ud800-\udfff]")
# Scripts written without spaces between words: each character counts as a word when deciding
# whether a text is long enough to identify its language.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)
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
            unreadable: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=unreadable.append):
                yield from _unreadable_folders(unreadable)
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
            yield from _unreadable_folders(unreadable)
        else:
            yield path


def _unreadable_folders(errors: list[OSError]) -> Iterator[InputError]:
    for err in errors:
        yield UnreadableInput(
            err.filename or "?",
            f"cannot read folder: {err.strerror or err}; its files were not read",
        )
    errors.clear()


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
                f"file is {size / 2**20:.1f} MB, over the {settings.max_file_bytes / 2**20:g}"
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
        except RecursionError:  # valid JSON, nested deeper than Python's reader goes
            yield MalformedRecord(where, "JSON nested too deeply to read; line skipped")
            continue
        if not isinstance(obj, dict):
            yield MalformedRecord(
                where, f"expected a JSON object per line, got {type(obj).__name__}"
            )
            continue
        yield _from_record(obj, path, "jsonl", record, where, settings, notes)


class _Lines:
    """The lines of a text, numbered; the last line read can be read again."""

    def __init__(self, text: Iterable[str]) -> None:
        self.source = enumerate(text, start=1)
        self.again: tuple[int, str] | None = None
        self.first = 0  # number of the first line of the current record
        self.last: tuple[int, str] = (0, "")

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.again is not None:
            self.last, self.again = self.again, None
        else:
            self.last = next(self.source)
        if not self.first:
            self.first = self.last[0]
        return self.last[1]

    def new_record(self) -> None:
        self.first = 0

    def read_last_again(self) -> None:
        self.again = self.last


def _csv_records(
    text: Iterable[str], path: Path, settings: Settings, notes: list[str]
) -> Iterator[Article | InputError]:
    csv.field_size_limit(sys.maxsize)
    lines = _Lines(text)
    # Strict: a quote must close a field. An unclosed quote otherwise swallows the rows after it
    # into one field until the next quote character, merging them into one document.
    reader = csv.reader(lines, strict=True)
    try:
        header = next(reader, [])
    except csv.Error as err:
        yield MalformedRecord(path, f"CSV header cannot be parsed: {err}")
        return
    names = [name.strip().lower() for name in header]
    if "text" not in names:
        shown = ", ".join(n for n in names if n) or "none"
        yield MalformedRecord(
            path,
            f"CSV has no 'text' column (columns: {shown}); name the article text column 'text'",
        )
        return
    number = 1  # the header is row 1
    while True:
        lines.new_record()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            number += 1
            where = f"{path}:{number}"
            first, (last, line) = lines.first, lines.last
            if first == last and "end of data" not in str(err):
                # One line with a stray quote ('"Iraq" said ...'): read it leniently.
                (row,) = csv.reader([line])
                obj = dict(zip(names, row, strict=False))
                here = [*notes, f"stray quote characters on line {first}; read leniently"]
                yield _from_record(obj, path, "csv", f"row {number}", where, settings, here)
            elif "end of data" in str(err):
                yield MalformedRecord(
                    where,
                    f"malformed CSV: the quote opened on line {first} is never closed; "
                    f"{_line_span(first, last)} (to the end of the file) skipped",
                )
            else:
                # The quote that "closed" the field most often opens a field of the next row.
                yield MalformedRecord(
                    where,
                    f"malformed CSV ({err}): the quote opened on line {first} is not closed "
                    f"before line {last}; {_line_span(first, last - 1)} skipped, read on from there",
                )
                lines.read_last_again()
            continue
        if not row:
            continue
        number += 1
        obj = dict(zip(names, row, strict=False))
        yield _from_record(obj, path, "csv", f"row {number}", f"{path}:{number}", settings, notes)


def _line_span(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}-{last}"


def _read_warc(path: Path, settings: Settings) -> Iterator[Article | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    end = 0  # where the last whole record ends in the file
    with path.open("rb") as stream:
        archive = ArchiveIterator(stream)
        records = iter(archive)
        while True:
            try:
                record = next(records, None)
                if record is None:
                    break
                number += 1
                if record.rec_headers.get_header("WARC-Type") is None:
                    yield MalformedRecord(
                        path, f"not a WARC file (record {number} has no WARC-Type)"
                    )
                    return
                if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                    yield MalformedRecord(  # a header block cut short: the file ends in it
                        f"{path} (record {number})",
                        "WARC record has no Content-Length: the file is truncated or corrupt; "
                        "earlier records kept",
                    )
                    return
                page = _warc_page(record, number, path, settings)
                while record.raw_stream.read(65536):  # to its end, whether wanted or not
                    pass
                if getattr(record.raw_stream, "limit", 0):  # fewer bytes than Content-Length
                    yield MalformedRecord(
                        f"{path} (record {number})",
                        "WARC record is truncated; earlier records kept",
                    )
                    return
                end = archive.get_record_offset() + archive.get_record_length()
            except ArchiveLoadFailed as err:
                yield MalformedRecord(path, f"not a readable WARC file: {err}")
                return
            # warcio raises assorted types (EOFError, zlib.error, AttributeError ...) on damage
            except Exception as err:
                yield MalformedRecord(
                    path,
                    f"WARC file is truncated or corrupt after record {number - 1} "
                    f"({type(err).__name__}); earlier records kept",
                )
                return
            if page is not None:
                yield from _warc_article(page, number, path, settings)
        # A record cut off inside its headers ends warcio's iteration quietly: bytes are left.
        stream.seek(end)
        if stream.read(64).strip():
            yield MalformedRecord(
                f"{path} (record {number + 1})",
                "WARC record cut off in its headers: the file is truncated; earlier records kept",
            )


@dataclass
class _WarcPage:
    payload: bytes
    url: str | None
    html: bool


def _warc_page(
    record, number: int, path: Path, settings: Settings
) -> _WarcPage | InputError | None:
    """The text payload of a WARC record, or None for records that hold no article."""
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    content_type = (headers.get_header("Content-Type") or "").lower()
    if not ("html" in content_type or "text/plain" in content_type):
        return None
    if record.length and record.length > settings.max_file_bytes:
        return TooLargeInput(
            f"{path} (record {number})", f"record is {record.length / 1e6:.1f} MB, over the limit"
        )
    url = record.rec_headers.get_header("WARC-Target-URI")
    return _WarcPage(record.content_stream().read(), url, "html" in content_type)


def _warc_article(
    page: _WarcPage | InputError, number: int, path: Path, settings: Settings
) -> Iterator[Article | InputError]:
    if isinstance(page, InputError):
        yield page
        return
    where = f"{path} (record {number})"
    try:
        decoded = decode_bytes(page.payload, where)
    except InputError as err:
        yield err
        return
    notes = [decoded.note] if decoded.note else []
    record = f"record {number}"
    if page.html:
        yield _from_html(decoded.text, path, record, settings, notes, url=page.url)
    else:
        yield _make(path, "warc", record, settings, notes, text=decoded.text, url=page.url)


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
    notes = list(notes)
    text = _sanitised(text, notes)
    fields = {name: _sanitised(value, notes) for name, value in fields.items()}
    return _make(path, fmt, record, settings, notes, text=text, **fields)


def _sanitised(value: str, notes: list[str]) -> str:
    """``value`` without what a JSON or CSV record may hold but no text store can: NUL characters
    and unpaired surrogates (a JSON ``\\ud800`` on its own), each noted once."""
    if "\x00" in value:
        value = value.replace("\x00", "")
        if "NUL characters removed" not in notes:
            notes.append("NUL characters removed")
    if _SURROGATE.search(value):
        value = _SURROGATE.sub("\ufffd", value)
        if "unpaired surrogates replaced by U+FFFD" not in notes:
            notes.append("unpaired surrogates replaced by U+FFFD")
    return value


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
    # Checked before cleaning, which only shortens a text and costs many times its size.
    if len(text) > settings.max_chars:
        return _too_long(where, len(text), settings)
    notes = list(notes)
    published_iso = normalise_published(published)
    if published and not published_iso:
        notes.append(f"publication date {published!r} not understood; ignored")
    published_iso = _plausible(published_iso, settings, notes)
    cleaned = clean_text(text, title=title, author=author, published=published_iso)
    if not cleaned.text.strip():
        return EmptyInput(where, "no article text left after removing page chrome")
    n_words = len(cleaned.text.split()) + len(_UNSPACED.findall(cleaned.text[:5000]))
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
        published=_plausible(normalise_published(cleaned.published), settings, notes),
        outlet=outlet or cleaned.outlet or _outlet_from_url(url or cleaned.url),
        url=url or cleaned.url,
        language=language,
        references=cleaned.references,
        removed=cleaned.removed,
        notes=notes,
    )


def _too_long(where: str, n_chars: int, settings: Settings) -> TooLargeInput:
    return TooLargeInput(
        where,
        f"article has {n_chars:,} characters, over nlp.max_chars "
        f"({settings.max_chars:,}); split it or raise the setting",
    )


def _plausible(published: str | None, settings: Settings, notes: list[str]) -> str | None:
    """``published`` (ISO, at its precision) unless it lies before ``ingest.earliest_year`` or
    after tomorrow (a day's grace for time zones); an implausible date is dropped with a note."""
    if published is None:
        return None
    start = date.fromisoformat((published + "-01-01")[:10])
    if settings.earliest_year <= start.year and start <= date.today() + timedelta(days=1):
        return published
    note = (
        f"publication date {published} is implausible (before {settings.earliest_year} or in "
        "the future); ignored"
    )
    if note not in notes:
        notes.append(note)
    return None
