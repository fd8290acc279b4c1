"""Reading each input format, and every kind of bad input, through iter_articles."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from conftest import ARTICLE, write
from dyad.errors import (
    EmptyInput,
    InputError,
    MalformedRecord,
    NotEnglish,
    TooLargeInput,
    UnreadableInput,
    UnsupportedInput,
)
from dyad.ingest import Article, iter_articles
from dyad.ingest.decode import decode_bytes

BODY = ARTICLE.split("\n\n", 2)[2]
HTML = """<!DOCTYPE html><html><head><title>Iraq orders exiles to leave | Gulf Ledger</title>
<meta property="og:site_name" content="Gulf Ledger"><meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2011-04-09T08:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Iraq orders exiles to leave</h1>{paragraphs}
<div class="share">Share on Facebook</div></article>
<aside><h3>Related articles</h3><ul><li>Another story entirely about football</li></ul></aside>
<footer>Copyright 2011 Gulf Ledger</footer></body></html>"""


def read(paths, settings) -> tuple[list[Article], list[InputError]]:
    articles, errors = [], []
    for item in iter_articles(paths if isinstance(paths, list) else [paths], settings):
        (errors if isinstance(item, InputError) else articles).append(item)
    return articles, errors


def html_page() -> str:
    return HTML.format(paragraphs="".join(f"<p>{p}</p>" for p in BODY.strip().split("\n\n")))


# -- formats -------------------------------------------------------------------------------


def test_txt(tmp_path: Path, settings) -> None:
    articles, errors = read(write(tmp_path / "a.txt", ARTICLE), settings)
    assert errors == []
    (article,) = articles
    assert article.title == "Iraq orders exiles to leave"
    assert article.author == "Jane Roe"
    assert article.format == "txt" and article.language == "en"
    assert article.text.startswith("Iraq orders exiles to leave\n\nBaghdad ordered")


def test_html_main_text_without_page_chrome(tmp_path: Path, settings) -> None:
    articles, errors = read(write(tmp_path / "a.html", html_page()), settings)
    assert errors == []
    (article,) = articles
    assert (article.title, article.author, article.published, article.outlet) == (
        "Iraq orders exiles to leave",
        "Jane Roe",
        "2011-04-09",
        "Gulf Ledger",
    )
    for chrome in ("Home", "Share on Facebook", "football", "Copyright"):
        assert chrome not in article.text
    assert "Baghdad ordered members" in article.text


def test_jsonl_records_with_metadata(tmp_path: Path, settings) -> None:
    lines = [
        json.dumps(
            {
                "text": BODY,
                "title": "One",
                "published": "2016-09-10",
                "outlet": "Wire",
                "url": "https://wire.example/1",
                "author": ["A. Writer", "B. Writer"],
            }
        ),
        json.dumps({"text": BODY.replace("Monday", "Tuesday"), "date": "2016-09"}),
    ]
    articles, errors = read(write(tmp_path / "a.jsonl", "\n".join(lines) + "\n"), settings)
    assert errors == []
    assert [a.record for a in articles] == ["line 1", "line 2"]
    assert articles[0].author == "A. Writer; B. Writer"
    assert (articles[0].published, articles[0].outlet, articles[0].url) == (
        "2016-09-10",
        "Wire",
        "https://wire.example/1",
    )
    assert articles[1].published == "2016-09"  # precision kept
    assert articles[1].outlet is None


def test_csv_rows_with_multiline_text(tmp_path: Path, settings) -> None:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Title", "TEXT", "published", "source"])
    writer.writerow(["One", BODY, "2013-09-02", "Baghdad Review"])
    writer.writerow(["Two", BODY.replace("Monday", "Friday"), "", ""])
    articles, errors = read(write(tmp_path / "a.csv", buffer.getvalue()), settings)
    assert errors == []
    assert [a.record for a in articles] == ["row 2", "row 3"]
    assert articles[0].outlet == "Baghdad Review" and articles[0].published == "2013-09-02"
    assert "\n\n" in articles[0].text  # paragraphs survive the CSV quoting


def _warc(path: Path, pages: list[tuple[str, bytes, str]], gz: bool) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for url, payload, content_type in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.0"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers
            )
            writer.write_record(record)
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses(tmp_path: Path, settings, name: str) -> None:
    path = _warc(
        tmp_path / name,
        [
            ("https://ledger.example/a", html_page().encode(), "text/html; charset=utf-8"),
            ("https://ledger.example/logo.png", b"\x89PNG....", "image/png"),
        ],
        gz=name.endswith(".gz"),
    )
    articles, errors = read(path, settings)
    assert errors == []
    (article,) = articles
    assert article.url == "https://ledger.example/a" and article.format == "warc"
    assert article.record == "record 1" and "Baghdad ordered" in article.text


def test_folders_are_read_recursively_and_hidden_files_ignored(tmp_path: Path, settings) -> None:
    write(tmp_path / "x" / "y" / "deep.txt", ARTICLE)
    write(tmp_path / "top.txt", ARTICLE.replace("Monday", "Friday"))
    write(tmp_path / ".hidden.txt", ARTICLE)
    articles, errors = read(tmp_path, settings)
    assert sorted(Path(a.path).name for a in articles) == ["deep.txt", "top.txt"]
    assert errors == []


# -- bad input -----------------------------------------------------------------------------


def test_missing_path(tmp_path: Path, settings) -> None:
    _, errors = read(tmp_path / "nope", settings)
    assert isinstance(errors[0], UnreadableInput) and "does not exist" in str(errors[0])


def test_empty_and_whitespace_files(tmp_path: Path, settings) -> None:
    _, errors = read([write(tmp_path / "a.txt", ""), write(tmp_path / "b.txt", "\n \n")], settings)
    assert [type(e) for e in errors] == [EmptyInput, EmptyInput]
    assert all(e.outcome == "skipped" for e in errors)


@pytest.mark.parametrize(
    ("payload", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8, "PDF"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
        (bytes(range(256)) * 40, "NUL"),
    ],
)
def test_binary_files_are_refused_with_a_reason(
    tmp_path: Path, settings, payload: bytes, what: str
) -> None:
    _, errors = read(write(tmp_path / "article.txt", payload), settings)
    (error,) = errors
    assert (
        isinstance(error, UnreadableInput)
        and what in error.reason
        and error.where.endswith("article.txt")
    )


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_are_decoded_with_a_note(tmp_path: Path, settings, encoding: str) -> None:
    text = (
        ARTICLE.replace("Baghdad ordered", "Baghdad’s café owners said Baghdad ordered")
        if encoding == "cp1252"
        else ARTICLE.replace(
            "Baghdad ordered", "Baghdad’s café owners said Baghdad ordered"
        ).replace("’", "'")
    )
    articles, errors = read(write(tmp_path / "a.txt", text, encoding=encoding), settings)
    assert errors == []
    (article,) = articles
    assert "café" in article.text
    assert any("not UTF-8" in note for note in article.notes)


def test_utf16_with_bom(tmp_path: Path, settings) -> None:
    articles, _ = read(write(tmp_path / "a.txt", ARTICLE, encoding="utf-16"), settings)
    assert articles[0].text.startswith("Iraq orders")


def test_truncated_html_keeps_what_is_there(tmp_path: Path, settings) -> None:
    page = html_page()
    cut = page[: page.index("The United States said")]  # cut mid-document, tags left open
    articles, errors = read(write(tmp_path / "a.html", cut), settings)
    assert errors == []
    assert "Baghdad ordered members" in articles[0].text


def test_html_with_no_text(tmp_path: Path, settings) -> None:
    _, errors = read(
        write(tmp_path / "a.html", "<html><body><script>x()</script></body></html>"), settings
    )
    assert isinstance(errors[0], EmptyInput)


def test_malformed_jsonl_lines_are_reported_and_the_rest_read(tmp_path: Path, settings) -> None:
    lines = [
        json.dumps({"text": BODY}),
        '{"text": "unterminated',
        "[1, 2]",
        json.dumps({"title": "no text"}),
        json.dumps({"text": BODY.replace("Monday", "Friday")}),
    ]
    articles, errors = read(write(tmp_path / "a.jsonl", "\n".join(lines)), settings)
    assert [a.record for a in articles] == ["line 1", "line 5"]
    assert [type(e) for e in errors] == [MalformedRecord] * 3
    assert [e.where for e in errors] == [f"{tmp_path / 'a.jsonl'}:{n}" for n in (2, 3, 4)]


def test_csv_without_text_column(tmp_path: Path, settings) -> None:
    _, errors = read(write(tmp_path / "a.csv", "title,body\nx,y\n"), settings)
    assert isinstance(errors[0], MalformedRecord) and "'text' column" in errors[0].reason


def test_huge_single_article_file_is_refused_without_reading_it(tmp_path: Path, settings) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, sparse: cheap to make
    _, errors = read(path, settings)
    (error,) = errors
    assert isinstance(error, TooLargeInput) and "50.0 MB, over the 20 MB limit" in error.reason


def test_record_over_max_chars(tmp_path: Path, settings) -> None:
    small = settings.with_overrides({"nlp.max_chars": 100})
    _, errors = read(write(tmp_path / "a.jsonl", json.dumps({"text": BODY}) + "\n"), small)
    assert isinstance(errors[0], TooLargeInput)


def test_corrupt_gzip_warc(tmp_path: Path, settings) -> None:
    good = _warc(
        tmp_path / "ok.warc.gz",
        [("https://a.example/", html_page().encode(), "text/html")],
        gz=True,
    )
    broken = write(tmp_path / "broken.warc.gz", good.read_bytes()[:-40])
    _, errors = read(broken, settings)
    assert errors and isinstance(errors[0], MalformedRecord)


def test_not_a_warc(tmp_path: Path, settings) -> None:
    _, errors = read(
        write(tmp_path / "x.warc.gz", gzip.compress(b"hello world, not a warc")), settings
    )
    assert isinstance(errors[0], MalformedRecord)


def test_unsupported_type_is_skipped_not_failed(tmp_path: Path, settings) -> None:
    _, errors = read(write(tmp_path / "notes.docx", b"PK\x03\x04"), settings)
    assert isinstance(errors[0], UnsupportedInput) and errors[0].outcome == "skipped"


def test_non_english_is_skipped(tmp_path: Path, settings) -> None:
    french = (
        "L'Irak a ordonné aux membres de l'Organisation des moudjahidines du peuple d'Iran de quitter "
        "le camp d'Achraf lundi, a déclaré un porte-parole du gouvernement irakien. Le groupe a dit "
        "qu'il ferait appel aux Nations unies. L'Iran demande depuis longtemps son expulsion."
    )
    _, errors = read(write(tmp_path / "fr.txt", f"Titre\n\n{french}\n"), settings)
    assert (
        isinstance(errors[0], NotEnglish)
        and "'fr'" in errors[0].reason
        and errors[0].outcome == "skipped"
    )


def test_decode_bytes_reports_the_guess() -> None:
    decoded = decode_bytes("Mojahedin‑e Khalq – “quoted”".encode("cp1252", errors="replace"), "x")
    assert decoded.note and decoded.encoding


def test_containers_in_legacy_encodings_are_streamed_and_decoded(tmp_path: Path, settings) -> None:
    text = BODY.replace("Baghdad ordered", "Café owners in Baghdad said Baghdad ordered")
    lines = "\n".join(
        json.dumps({"text": text.replace("Monday", day)}, ensure_ascii=False)
        for day in ("Monday", "Friday")
    )
    articles, errors = read(write(tmp_path / "a.jsonl", lines, encoding="cp1252"), settings)
    assert errors == [] and len(articles) == 2
    assert all("Café owners" in a.text and any("not UTF-8" in n for n in a.notes) for a in articles)
    rows = 'title,text\nOne,"' + text.replace('"', '""') + '"\n'
    articles, errors = read(write(tmp_path / "a.csv", rows, encoding="latin-1"), settings)
    assert errors == [] and "Café owners" in articles[0].text


def test_binary_file_named_jsonl(tmp_path: Path, settings) -> None:
    _, errors = read(write(tmp_path / "a.jsonl", bytes(range(256)) * 10), settings)
    assert isinstance(errors[0], UnreadableInput) and "binary" in errors[0].reason
