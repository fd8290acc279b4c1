"""A corpus of bad inputs, generated here, read by the real CLI in one run (#23).

Every case names its files, the one line each bad file or record must get (outcome, where, a
piece of the reason) and the good articles that must be stored and analysed. One `dyad run` reads
the whole folder; the assertions are then per case. A second, analysis-free `dyad ingest` over the
cases where nothing fails checks that skipped and noted inputs leave the exit status 0.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from dyad.ingest.decode import decode_bytes


def good(tag: str, extra: str = "") -> str:
    """An English article (long enough to be language-checked), distinct per ``tag``."""
    return (
        f"{tag} report\n\nIraq accused Iran of shelling the port of Basra on Monday, a spokesman "
        f"for the ministry said in {tag}. Iran denied the charge and said it would appeal to the "
        f"United Nations. The United States urged restraint on all sides.{extra}\n"
    )


def jsonl(*records: dict | str) -> bytes:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    return ("\n".join(lines) + "\n").encode()


def warc(pages: list[tuple[str, str]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, text in pages:
        html = f"<html><head><title>{text.splitlines()[0]}</title></head><body>"
        html += "".join(f"<p>{p}</p>" for p in text.split("\n\n")[1:]) + "</body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
        )
    return out.getvalue()


def warc_cut_in_second_header() -> bytes:
    """A plain WARC of two records that ends inside the second record's header block."""
    first = len(warc([("https://a.example/1", good("WarcHeadOne"))], gz=False))
    whole = warc(
        [("https://a.example/1", good("WarcHeadOne")), ("https://a.example/2", good("Lost"))],
        gz=False,
    )
    return whole[: first + 4 + 120]  # 4: the blank lines between records


def unreadable_folder(folder: Path) -> None:
    """A sub-folder os.walk cannot list: no permission, or (as root, who may read anything) a
    path longer than the system allows."""
    top = folder / "unreadable"
    top.mkdir()
    if os.geteuid() != 0:
        (top / "inner").mkdir()
        (top / "inner" / "lost.txt").write_text(good("LostInside"))
        top.chmod(0)
        return
    fd = os.open(top, os.O_RDONLY)
    for _ in range(18):  # 18 × 251 characters: past PATH_MAX (4,096)
        os.mkdir("d" * 250, dir_fd=fd)
        inner = os.open("d" * 250, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    os.close(fd)


NUL_TEXT = good("NulBytes", " The talks went on." * 3600).encode() + b"\x00\x00 Iran said so.\n"
ZH = "伊拉克指责伊朗炮击巴士拉港。伊朗否认了这一指控，并表示将向联合国申诉。美国敦促各方保持克制。"
LATIN = (
    "Latin report\n\nThe naïve café owner in Basra said Iraq accused Iran of shelling the port on "
    "Monday. Iran denied the charge and said it would appeal to the United Nations soon.\n"
)
CP1252 = (
    "Windows report\n\nThe minister’s “naïve” statement — made in a café in Basra — angered Iraq, "
    "which accused Iran of shelling the port. Iran denied the charge on Monday.\n"
)
HUGE = "x " * 1_500_000  # over nlp.max_chars (1,000,000)
HUGE_CSV = f'text\n"{good("HugeCsvA")}"\n"{HUGE}"\n"{good("HugeCsvB")}"\n'.encode()
CSV_QUOTE = (
    "title,text\n"
    f'one,"{good("CsvOne")}"\n'
    f'two,"{good("CsvOpen")}\n'  # the quote is never closed
    f'three,"{good("CsvThree")}"\n'
    f'four,"{good("CsvFour")}"\n'
).encode()


@dataclass
class Case:
    name: str
    #: files to write, relative to the input folder (bytes, or a function given the folder)
    files: dict[str, bytes | Callable[[Path], None]]
    #: the one line each bad input gets: outcome, where (relative), a piece of the reason
    lines: list[tuple[str, str, str]] = field(default_factory=list)
    #: origins (relative path, '#record') of articles that must be stored and analysed
    stored: list[str] = field(default_factory=list)
    #: per stored origin, what its text must (True) or must not (False) contain
    text: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    #: stored origins whose publication date must be empty
    no_date: list[str] = field(default_factory=list)

    @property
    def fails(self) -> bool:
        return any(outcome == "failed" for outcome, _, _ in self.lines)


CASES = [
    # -- what #23 found aborting, stalling or silent -------------------------------------------
    Case(
        "markup in a path",
        {"mark[/]up.txt": b"", "mark[/]ok.txt": good("MarkupPath").encode()},
        lines=[("skipped", "mark[/]up.txt", "empty file")],
        stored=["mark[/]ok.txt"],
    ),
    Case(
        "markup in a published field",
        {"published.jsonl": jsonl({"text": good("MarkupField"), "published": "[/]"})},
        lines=[("note", "published.jsonl (line 1)", "publication date '[/]' not understood")],
        stored=["published.jsonl#line 1"],
    ),
    Case(
        "markup in a CSV header",
        {
            "header.csv": b'body,[/]\n"Iraq accused Iran.",x\n',
            "header-ok.csv": f'text,[bold]\n"{good("MarkupHeader")}",x\n'.encode(),
        },
        lines=[("failed", "header.csv", "no 'text' column (columns: body, [/])")],
        stored=["header-ok.csv#row 2"],
    ),
    Case(
        "lone surrogate in JSON",
        {"surrogate.jsonl": jsonl('{"text": ' + json.dumps(good("Surrogate"))[:-1] + '\\ud800"}')},
        lines=[("note", "surrogate.jsonl (line 1)", "unpaired surrogates replaced")],
        stored=["surrogate.jsonl#line 1"],
        text={"surrogate.jsonl#line 1": [("\ufffd", True)]},
    ),
    Case(
        "JSON nested 100,000 deep",
        {"deep.jsonl": jsonl("[" * 100_000 + "]" * 100_000, {"text": good("AfterDeep")})},
        lines=[("failed", "deep.jsonl:1", "nested too deeply")],
        stored=["deep.jsonl#line 2"],
    ),
    Case(
        "huge JSONL record",
        {"huge.jsonl": jsonl({"text": good("HugeA")}, {"text": HUGE}, {"text": good("HugeB")})},
        lines=[("failed", "huge.jsonl (line 2)", "over nlp.max_chars")],
        stored=["huge.jsonl#line 1", "huge.jsonl#line 3"],
    ),
    Case(
        "huge CSV record",
        {"huge.csv": HUGE_CSV},
        lines=[("failed", "huge.csv (row 3)", "over nlp.max_chars")],
        stored=["huge.csv#row 2", "huge.csv#row 4"],
    ),
    Case(
        "truncated .warc.gz",
        {
            "cut.warc.gz": warc(
                [
                    ("https://a.example/1", good("WarcGzOne")),
                    ("https://a.example/2", good("WarcGzTwo")),
                ],
                gz=True,
            )[:-60]
        },
        lines=[("failed", "cut.warc.gz (record 2)", "truncated")],
        stored=["cut.warc.gz#record 1"],
    ),
    Case(
        "WARC cut inside a record's headers",
        {"cut-header.warc": warc_cut_in_second_header()},
        lines=[("failed", "cut-header.warc (record 2)", "cut off in its headers")],
        stored=["cut-header.warc#record 1"],
    ),
    Case(
        "CSV with an unclosed quote",
        {"quote.csv": CSV_QUOTE},
        lines=[
            (
                "failed",
                "quote.csv:3",
                "quote opened on line 6 is not closed before line 10; lines 6-9 skipped",
            )
        ],
        stored=["quote.csv#row 2", "quote.csv#row 4", "quote.csv#row 5"],
        text={"quote.csv#row 4": [("CsvThree", True), ("CsvOpen", False)]},
    ),
    Case(
        "unreadable sub-folder",
        {"unreadable": unreadable_folder},
        lines=[("failed", "unreadable", "cannot read folder")],
    ),
    Case(
        "Chinese",
        {"zh.txt": ZH.encode()},
        lines=[("skipped", "zh.txt", "language looks like 'zh'")],
    ),
    Case(
        "NUL bytes after the first 64 KB",
        {"nul.txt": NUL_TEXT},
        lines=[("note", "nul.txt", "2 NUL byte(s) removed")],
        stored=["nul.txt"],
        text={"nul.txt": [("\x00", False), ("Iran said so.", True)]},
    ),
    Case(
        "Latin-1 JSONL",
        {"latin1.jsonl": json.dumps({"text": LATIN}, ensure_ascii=False).encode("latin-1") + b"\n"},
        lines=[("note", "latin1.jsonl (line 1)", "decoded as cp1252")],
        stored=["latin1.jsonl#line 1"],
        text={"latin1.jsonl#line 1": [("naïve café", True)]},
    ),
    Case(
        "cp1252 text",
        {"cp1252.txt": CP1252.encode("cp1252")},
        lines=[("note", "cp1252.txt", "decoded as cp1252")],
        stored=["cp1252.txt"],
        text={"cp1252.txt": [("minister’s “naïve” statement — made in a café", True)]},
    ),
    Case(
        "implausible publication dates",
        {
            "dates.jsonl": jsonl(
                {"text": good("Future"), "published": "2999-01-01"},
                {"text": good("YearOne"), "published": "0001-01-01"},
                {"text": good("Plausible"), "published": "2011-04-09"},
            )
        },
        lines=[
            ("note", "dates.jsonl (line 1)", "2999-01-01 is implausible"),
            ("note", "dates.jsonl (line 2)", "0001-01-01 is implausible"),
        ],
        stored=["dates.jsonl#line 1", "dates.jsonl#line 2", "dates.jsonl#line 3"],
        no_date=["dates.jsonl#line 1", "dates.jsonl#line 2"],
    ),
    # -- what already worked ------------------------------------------------------------------
    Case(
        "binary file",
        {"binary.txt": b"%PDF-1.4\n\x00\x01\x02"},
        lines=[("failed", "binary.txt", "PDF")],
    ),
    Case("empty file", {"empty.html": b""}, lines=[("skipped", "empty.html", "empty file")]),
    Case(
        "broken HTML",
        {"broken.html": f"<html><body><div><p>{good('BrokenHtml')}<p><b>unclosed".encode()},
        stored=["broken.html"],
    ),
    Case(
        "malformed JSONL line",
        {"lines.jsonl": jsonl({"text": good("JsonFine")}, "not json")},
        lines=[("failed", "lines.jsonl:2", "malformed JSON")],
        stored=["lines.jsonl#line 1"],
    ),
    Case(
        "oversized file",
        {"big.txt": lambda folder: os.truncate(_touch(folder / "big.txt"), 21 * 2**20)},
        lines=[("failed", "big.txt", "over the 20 MB limit")],
    ),
    Case(
        "unsupported type",
        {"notes.docx": b"PK\x03\x04"},
        lines=[("skipped", "notes.docx", "unsupported file type")],
    ),
    Case(
        "UTF-16 with a byte-order mark",
        {"utf16.txt": good("Utf16 café").encode("utf-16")},
        stored=["utf16.txt"],
        text={"utf16.txt": [("Utf16 café", True)]},
    ),
    Case(
        "markup characters in the text",
        {"markup-text.txt": good("MarkupText", " They wrote [bold]no[/] and [/] here.").encode()},
        stored=["markup-text.txt"],
        text={"markup-text.txt": [("[bold]no[/] and [/]", True)]},
    ),
    Case("good file", {"good.txt": good("PlainGood").encode()}, stored=["good.txt"]),
]


def _touch(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _write(folder: Path, cases: list[Case]) -> None:
    for case in cases:
        for rel, content in case.files.items():
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if callable(content):
                content(folder)
            else:
                path.write_bytes(content)


_LINE = re.compile(r"^(failed|skipped|note)\s+(.*)$")


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bad-input")
    folder = tmp / "in"
    folder.mkdir()
    _write(folder, CASES)
    missing = tmp / "missing"
    db = tmp / "run.duckdb"
    result = subprocess.run(
        [sys.executable, "-m", "dyad", "run", str(folder), str(missing), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = [m.groups() for line in result.stderr.splitlines() if (m := _LINE.match(line))]
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(
        "select origin, text, published, analysed_at is not null from documents where is_current"
    ).fetchall()
    con.close()
    docs = {
        origin.removeprefix(f"{folder}/"): (text, published, done)
        for origin, text, published, done in rows
    }
    yield folder, missing, result, lines, docs
    for path in (folder / "unreadable",):
        if path.exists():
            path.chmod(0o755)


def test_the_run_finishes_with_status_1_and_no_traceback(corpus_run) -> None:
    _, _, result, _, _ = corpus_run
    assert result.returncode == 1, result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_missing_path_gets_one_line(corpus_run) -> None:
    _, missing, _, lines, _ = corpus_run
    mine = [(kind, rest) for kind, rest in lines if rest.startswith(f"{missing}: ")]
    assert len(mine) == 1 and mine[0][0] == "failed" and "does not exist" in mine[0][1]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(corpus_run, case: Case) -> None:
    folder, _, _, lines, docs = corpus_run
    # Every line that names one of this case's files, and nothing else, is expected.
    names = [f"{folder}/{rel}" for rel in case.files]
    mine = [(kind, rest) for kind, rest in lines if any(rest.startswith(n) for n in names)]
    assert len(mine) == len(case.lines), mine
    for outcome, where, reason in case.lines:
        found = [
            rest
            for kind, rest in mine
            if kind == outcome and rest.startswith(f"{folder}/{where}") and reason in rest
        ]
        assert len(found) == 1, (outcome, where, reason, mine)
    for origin in case.stored:
        assert origin in docs, (origin, sorted(docs))
        text, _, analysed = docs[origin]
        assert analysed, f"{origin} stored but not analysed"
        for piece, present in case.text.get(origin, []):
            assert (piece in text) is present, (origin, piece, text[:300])
    for origin in case.no_date:
        assert docs[origin][1] is None
    stored_here = {o for o in docs if any(f"{folder}/{o}".startswith(n) for n in names)}
    assert stored_here == set(case.stored)


def test_skipped_and_noted_inputs_leave_status_0(tmp_path: Path, dyad_cmd) -> None:
    quiet = [case for case in CASES if not case.fails]
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, quiet)
    paths = [str(folder / rel) for case in quiet for rel in case.files]
    result = subprocess.run(
        [*dyad_cmd, "ingest", *paths, "--db", str(tmp_path / "q.duckdb")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert sum(1 for line in result.stderr.splitlines() if _LINE.match(line)) == sum(
        len(case.lines) for case in quiet
    )


# -- legacy encodings: Western text is cp1252, Central European stays cp1250 -------------------

WESTERN = [
    (
        "Le président a dit que la décision était naïve et très dangereuse pour la région.",
        "latin-1",
    ),
    ("L’ambassadeur a déclaré « c’est naïf » — une réponse très étrange à Noël.", "cp1252"),
    ("Die Regierung äußerte große Bedenken über die Lage und forderte Zurückhaltung.", "latin-1"),
    (
        "El ministro español señaló que la situación en Irak es muy difícil y pidió diálogo.",
        "latin-1",
    ),
    ("The minister’s “naïve” statement — and the café’s résumé — angered Iraq.", "cp1252"),
]
CENTRAL = [
    "Ministr zahraničí uvedl, že situace v Iráku je velmi složitá a vyzval všechny strany ke "
    "zdrženlivosti. Příští týden odcestuje do Bagdádu.",
    "Minister spraw zagranicznych powiedział, że sytuacja w Iraku jest bardzo trudna i wezwał "
    "wszystkie strony do powściągliwości. Żołnierze wrócą do kraju w przyszłym tygodniu.",
    "A külügyminiszter szerint az iraki helyzet nagyon nehéz, és önmérsékletre szólított fel "
    "minden felet.",
]


@pytest.mark.parametrize("text,encoding", WESTERN)
def test_western_legacy_text_decodes_as_cp1252(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding), "t")
    assert decoded.text == text and decoded.encoding == "cp1252"


@pytest.mark.parametrize("text", CENTRAL)
def test_central_european_text_stays_cp1250(text: str) -> None:
    decoded = decode_bytes(text.encode("cp1250"), "t")
    assert decoded.text == text and decoded.encoding == "cp1250"
