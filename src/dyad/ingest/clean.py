"""Turn the text of a saved article into headline + body, with page chrome and references set aside.

Saved articles carry the page around them: breadcrumbs, share buttons, image file names glued to
the first word, comment prompts, "you may also like" widgets, and reference lists or footnotes.
None of that is article text, and analysing it invents actors and events ("Oakland Tribune",
"This Day In Iraqi History"). Chrome is dropped (and kept in ``removed`` for inspection);
references are kept as metadata; the byline and a date line become metadata.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

__all__ = ["Cleaned", "clean_text", "parse_date_line"]

#: an HTML character reference with its closing semicolon: named, decimal or hexadecimal
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DATE_PREFIX = r"(?:(?:published|posted|updated|date)(?:\s+on)?\s*:?\s*)?"
_DATE_FORMS = [
    re.compile(
        rf"^{_DATE_PREFIX}{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
        rf"(?:\s*(?:at\s+)?\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?$",
        re.I,
    ),
    re.compile(
        rf"^{_DATE_PREFIX}{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})$",
        re.I,
    ),
    re.compile(rf"^{_DATE_PREFIX}(?P<year>\d{{4}})-(?P<mnum>\d{{2}})-(?P<day>\d{{2}})$", re.I),
]

#: a date opening an article's text as a wire dateline ("LOS ANGELES, April 05, 2018 (GLOBE
#: NEWSWIRE) --") or an update stamp ("Updated at 1:33 p.m. on Thursday, March 29, 2018."):
#: the article's date when nothing else gives one
_DATELINE = re.compile(
    rf"^(?:[A-Z][A-Za-z .'’-]{{1,40}},\s+)?"
    rf"(?:updated(?:\s+at\s+\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?)?\s+on\s+)?"
    rf"{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
    rf"\s*(?:\(|--|—|–|-|\.|:)",
    re.I,
)

#: a publication stamp near a text's opening: a full date with the clock time it was posted
#: ("The Washington Post March 31, 2018 2:36 pm."); a lead's own dates carry no clock time
_STAMP = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}),?\s+"
    rf"(?:at\s+)?\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?|(?-i:[A-Z]{{2,4}})\b)",
    re.I,
)
#: words before a date that make it a time the story tells ("on", "since")
_TIME_PREPOSITIONS = frozenset({"on", "since", "until", "till", "by", "before", "after", "from",
                                "at", "of", "as"})  # fmt: skip
#: how far into a text's opening paragraph a publication stamp is looked for
_STAMP_REACH = 200

#: a wire service's slug before a headline ("UPDATE 1-", "WRAPUP 3-", "REFILE-"): the
#: story's version, no words of the story
_WIRE_SLUG = re.compile(
    r"^(?:(?:UPDATE|WRAPUP|REFILE|CORRECTED|CORRECTION|RPT|REPEAT|EXCLUSIVE|ANALYSIS|FACTBOX"
    r"|INSIGHT|TIMELINE|SPECIAL REPORT|BREAKINGVIEWS)(?:\s+\d{1,2})?\s*-\s*)+"
)

#: capital letters of a place's name, accented ones too ("BOGOTÁ", "SÃO PAULO", "ŁÓDŹ",
#: "BRAȘOV", "ĐÀ NẴNG")
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƠƯȘȚẠ-Ỹ"
#: the same and the lower case letters of a word in a dateline's day or region
_LETTER = "A-Za-zÀ-ÖØ-öø-žƠơƯưȘșȚțẠ-ỹ"

#: a wire dateline opening a line: the place in capitals (its country or the day may follow:
#: "BAGHDAD, Jan 5 (Reuters) -") and the
#: agency in brackets, then a dash, or no dash before the story's first capital ("BAGHDAD
#: (Reuters) -", "NAIROBI, Kenya (AP) —", "MEXICO CITY (AP) Mexico's Senate"); the
#: place is where the story was filed and the agency who filed it, neither an actor in it;
#: a dash lost in a copy may stand as a straight or curly quote or as mis-decoded bytes
#: ("WASHINGTON (AP) " President ...", "(AP) â€” ")
WIRE_DATELINE = re.compile(
    rf"^[{_UP}][{_UP}.'’ -]{{1,40}}(?:,\s+[{_UP}][{_LETTER}0-9.'’ -]{{1,40}}){{0,2}}\s*"
    r"\([A-Z][A-Za-z.&' -]{0,40}\)(?:\s*(?:--|—|–|-|:|[\"“”]|â€”|â€“)\s*|\s+(?=[A-Z]))"
)
#: a wire dateline whose place is not in capitals, as national agencies write it: the place,
#: then the agency in brackets or after a comma, then a dash and the story's first capital
#: ("Hanoi (VNA) – Vietnam", "Moscow, SANA- Russian", "Tehran, IRNA - "). The agency is one
#: word ("(United Nations) - which" is no dateline). Read only on a story's first lines.
AGENCY_DATELINE = re.compile(
    rf"^[{_UP}][{_LETTER}.'’-]+(?: [{_UP}][{_LETTER}.'’-]+){{0,2}}"
    r"(?:\s*\((?:[A-Z]{2,8}|[A-Z][a-z]{2,12})\)|,\s+[A-Z]{2,8})"
    r"\s*(?:--|—|–|-)\s*(?=[A-Z0-9\"“‘'])"
)
#: a dateline with no agency, as papers and web outlets write it: a place in capitals (one
#: word of five or more letters, or several words: "LA PAZ", "ST. LOUIS"; its region or the
#: day may follow: "NAIROBI, March 4"), then a long dash or a spaced hyphen, and the story's first sentence with its
#: capital ("TORONTO — The", "SAN FRANCISCO -- Apple", "KABUL, Afghanistan - Afghan"). Not a
#: colon, nor one short word: a headline quoting a body opens so ("NATO: Russia must ...",
#: "PKK — Turkey bombed ..."). Read only on a story's first lines: further down, capitals
#: and a dash can open a sentence about an acronym.
PLAIN_DATELINE = re.compile(
    rf"^(?:[{_UP}]{{2,}}\.?(?:[ '’-]{{1,2}}[{_UP}]{{2,}}\.?){{1,3}}|[{_UP}]{{5,}})"
    rf"(?:,\s+[{_UP}][{_LETTER}0-9.'’ ]{{1,30}}){{0,2}}"
    r"(?:\s*(?:--|—|–)\s*|\s+-\s+)(?=[A-Z0-9\"“‘'])"
)
#: the same with a place of one short word ("OSLO —", "ROME, March 4 —", "TYRE, Lebanon -"), which a headline
#: quoting a body writes alike ("PKK — Turkey bombed ..."): a dateline only where the
#: recogniser reads the word as a place (dyad.nlp.components)
SHORT_DATELINE = re.compile(
    rf"^[{_UP}]{{3,4}}(?:,\s+[{_UP}][{_LETTER}0-9.'’ ]{{1,30}}){{0,2}}"
    r"(?:\s*(?:--|—|–)\s*|\s+-\s+)(?=[A-Z0-9\"“‘'])"
)

_BYLINE = re.compile(
    r"^(?:by|written by|author:)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Za-z][\w.'’-]*){0,5})\s*$",
    re.I,
)
# "Field: value" header lines, as in news-database exports and saved pages.
_HEADER_FIELD = re.compile(
    r"^(?P<key>source|publication|outlet|byline|author|url|link|date|published|load-date|title"
    r"|headline)\s*:\s*(?P<value>\S.{0,300})$",
    re.I,
)
_HEADER_KEYS = {
    "source": "outlet",
    "publication": "outlet",
    "outlet": "outlet",
    "byline": "author",
    "author": "author",
    "url": "url",
    "link": "url",
    "date": "published",
    "published": "published",
    "load-date": "published",
    "title": "title",
    "headline": "title",
}
_BREADCRUMB = re.compile(r"\S\s+[»›>|/]\s+\S")
_IMAGE_NAME = re.compile(r"^[\w.-]+\.(?:jpe?g|png|gif|webp|svg|bmp)(?=\s|[A-Z]|$)", re.I)
# Lines that only ever belong to the page around an article, wherever they stand.
_CHROME_LINE = re.compile(
    r"^(?:share|share update|share this(?: article| story)?:?|tweet|print|e-?mail|whatsapp|facebook"
    r"|twitter|linkedin|reddit|pinterest|telegram|advertisement|skip to (?:main )?content|menu"
    r"|search|home|like this:?|loading\.\.\.|click to share on .*|follow us on .*|\d+ comments?"
    r"|image source,? .*|photo: .*|getty images|reuters photo)$",
    re.I,
)
# Lines after which nothing is article text (comment sections, widgets, related links).
_TAIL_START = re.compile(
    r"^(?:no comments:?|comments are closed\.?|leave a (?:comment|reply)|\d+ comments?:?"
    r"|you may also like:?|related (?:posts|articles|stories|content):?|read more:?|more from .*"
    r"|post navigation|about the author|sign up for .*|subscribe to .*|newer post|older post"
    r"|recommended for you|most read|popular posts|tags?:.*|filed under:?.*)$",
    re.I,
)
_REF_HEADING = re.compile(
    r"^(?:references|sources|notes|footnotes|bibliography|endnotes|citations):?$", re.I
)
_NOTE_START = re.compile(r"^\s*(?:\[(?P<b>\d{1,3})\]|(?P<n>\d{1,3})\.)\s+\S")
_CITATION = re.compile(
    r"^(?:[A-Z][\w'’-]+,\s+[A-Z][\w.'’ -]+,\s+[“\"]|[A-Z][\w .&'’-]{2,60},\s+[“\"]|-\s+[“\"]|ibid\b)",
    re.I,
)
_NOTE_MARKER = re.compile(r"\s?(?:\[\d{1,3}\]|\(\d{1,3}\))(?=[\s.,;:]|$)")
_SENTENCE_END = re.compile(r"[.!?:;…”\"’')\]]$")


@dataclass
class Cleaned:
    """Article text ready for analysis, and what was taken out of it."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    references: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def parse_date_line(line: str) -> str | None:
    """ISO date (``YYYY-MM-DD``) if ``line`` is nothing but a date, else None."""
    line = line.strip()
    for form in _DATE_FORMS:
        match = form.match(line)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"].lower()]
        try:
            return date(int(parts["year"]), month, int(parts["day"])).isoformat()
        except ValueError:
            return None
    return None


def dateline_date(text: str) -> str | None:
    """ISO date of a dateline or update stamp opening ``text`` (see ``_DATELINE``), or of a
    publication stamp with its clock time near its opening (``_STAMP``), else None."""
    text = text.strip()
    match = _DATELINE.match(text)
    if not match:
        stamp = _STAMP.search(text[:_STAMP_REACH])
        before = text[: stamp.start()].split() if stamp else []
        # a byline or outlet before a stamp is capitalised ("Jane Roe, The Daily Courier",
        # "Posted"); a lowercase word makes it a time the story tells ("Clashes erupted
        # Tuesday, March 27, 2018 at 10:30", "On March 29, 2018 at 5:30 pm troops entered")
        told = any(w[:1].islower() for w in before) or (
            bool(before) and before[-1].lower() in _TIME_PREPOSITIONS
        )
        if stamp and not told:
            match = stamp
    if not match:
        return None
    try:
        month = _MONTHS[match.group("month").lower()]
        return date(int(match.group("year")), month, int(match.group("day"))).isoformat()
    except ValueError:
        return None


def _byline(line: str) -> str | None:
    match = _BYLINE.match(line.strip())
    if not match:
        return None
    name = match.group("name")
    words = name.split()
    # A byline names people: capitalised words (joined by "and"), not a sentence.
    if not all(w[0].isupper() or w.lower() == "and" for w in words):
        return None
    return name


def _character(reference: re.Match) -> str:
    """The character an HTML character reference stands for; a space for a control character
    ("&#13;&#10;" is no paragraph break) or for a number that names none ("&#0;")."""
    text = html.unescape(reference.group(0))
    if any(unicodedata.category(c) == "Cc" or c == "\ufffd" for c in text):
        return " "
    return text


def clean_text(
    raw: str,
    *,
    title: str | None = None,
    author: str | None = None,
    published: str | None = None,
) -> Cleaned:
    """Split ``raw`` into headline, body paragraphs, references and removed chrome.

    Metadata passed in (from HTML meta tags or record fields) wins over what is found in text.
    """
    removed: list[str] = []
    # character references left in a text ("&quot;rule&quot;", "&#8217;", from a scrape, or
    # "&amp;quot;" from a feed escaped twice) are the characters they stand for, a control
    # character or none a space; "AT&T", "R&D" are no reference
    for _ in range(2):
        raw = _REFERENCE.sub(_character, raw)
    lines = [
        ln.rstrip()
        for ln in raw.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u00a0", " ")
        .replace("\u200b", "")
        .split("\n")
    ]

    lines, found = _strip_head(lines, removed)
    body_lines, references, tail_author = _split_tail(lines, removed)
    author = author or found.get("author") or tail_author
    title = title or found.get("title")
    published = published or found.get("published")

    paragraphs = _paragraphs(body_lines, removed)
    if paragraphs and (slug := _WIRE_SLUG.match(paragraphs[0])):
        removed.append(slug.group(0).strip())
        paragraphs[0] = paragraphs[0][slug.end() :].strip()
        if not paragraphs[0]:  # a line that was only the slug
            paragraphs.pop(0)
    if title and (slug := _WIRE_SLUG.match(title)):
        title = title[slug.end() :]
    if not published:  # a text with no date but its dateline's ("LOS ANGELES, April 5, 2018 -")
        published = next(filter(None, (dateline_date(p) for p in paragraphs[:2])), None)
    if references:  # the notes are kept as metadata; their markers would only split sentences
        paragraphs = [_NOTE_MARKER.sub("", p) for p in paragraphs]
    if title:
        title = " ".join(title.split())
        if paragraphs and _same_text(paragraphs[0], title):
            paragraphs.pop(0)
    elif paragraphs and _looks_like_title(paragraphs[0]):
        title = paragraphs.pop(0)
    text = "\n\n".join(([title] if title else []) + paragraphs)
    return Cleaned(
        text=text,
        title=title,
        author=author,
        published=published,
        outlet=found.get("outlet"),
        url=found.get("url"),
        references=references,
        removed=removed,
    )


def _strip_head(lines: list[str], removed: list[str]) -> tuple[list[str], dict[str, str]]:
    """Drop breadcrumbs and chrome before the headline; take byline, date and header fields."""
    found: dict[str, str] = {}
    out: list[str] = []
    seen_text = 0

    def taken() -> None:
        # a metadata line between two lines of text ends the paragraph before it: the
        # headline above "PUBLISHED: 1987-05-15" is no first words of the body below it
        if seen_text and out and out[-1].strip():
            out.append("")

    for i, line in enumerate(lines):
        stripped = line.strip()
        if seen_text >= 6:  # metadata lines only stand near the top
            out.extend(lines[i:])
            break
        if not stripped:
            out.append(line)
            continue
        if "published" not in found and (iso := parse_date_line(stripped)):
            found["published"] = iso
            taken()
            continue
        if "author" not in found and (name := _byline(stripped)):
            found["author"] = name
            taken()
            continue
        if (header := _HEADER_FIELD.match(stripped)) and not (
            # a title field only heads the text, and a page's title with its site's sections
            # ("Title: Iran seizes tanker | World news | The Guardian") is the page's chrome
            _HEADER_KEYS[header.group("key").lower()] == "title"
            and (seen_text or " | " in header.group("value"))
        ):
            key = _HEADER_KEYS[header.group("key").lower()]
            value = header.group("value").strip()
            if key == "published":
                value = parse_date_line(value) or value
            found.setdefault(key, value)
            taken()
            continue
        if _BREADCRUMB.search(stripped) and seen_text == 0 and len(stripped) < 200:
            removed.append(stripped)
            continue
        out.append(line)
        seen_text += 1
    return out, found


def _split_tail(lines: list[str], removed: list[str]) -> tuple[list[str], list[str], str | None]:
    """Find where the article ends: at a reference list or at comment/related-links chrome."""
    n = len(lines)
    # Counted as the lines go (never re-split): a long text costs time in proportion to its size.
    body_words = 0
    marks_note_1 = False  # the body refers to a note 1: "[1]" or "(1)"
    ref_start = tail_start = n
    for i, line in enumerate(lines):
        stripped = line.strip()
        # Only after some article text: a "Share" button above the headline ends nothing.
        if stripped and body_words >= 40:
            if i >= n // 2 and _TAIL_START.match(stripped):
                tail_start = i
                break
            if ref_start == n and _starts_references(stripped, marks_note_1):
                ref_start = i
        if ref_start == n:
            body_words += len(stripped.split())
            marks_note_1 = marks_note_1 or "[1]" in stripped or "(1)" in stripped
    if ref_start > tail_start:
        ref_start = tail_start
    references: list[str] = []
    author = None
    current: list[str] = []

    def flush() -> None:
        if current:
            references.append(" ".join(current))
            current.clear()

    for line in lines[ref_start:tail_start]:
        stripped = line.strip()
        if not stripped or _REF_HEADING.match(stripped):
            flush()
            continue
        if (name := _byline(stripped)) and author is None:
            flush()
            author = name
            continue
        if _NOTE_START.match(stripped) or _CITATION.match(stripped):
            flush()
        current.append(stripped)
    flush()
    for line in lines[tail_start:]:
        stripped = line.strip()
        if not stripped:
            continue
        if (name := _byline(stripped)) and author is None:
            author = name
            continue
        removed.append(stripped)
    return lines[:ref_start], references, author


def _starts_references(line: str, marks_note_1: bool) -> bool:
    if _REF_HEADING.match(line):
        return True
    match = _NOTE_START.match(line)
    if not match:
        return False
    number = match.group("b") or match.group("n")
    # A numbered note 1 starts the notes only if the body refers to it: "[1]" or "(1)".
    return number == "1" and marks_note_1


def _paragraphs(lines: list[str], removed: list[str]) -> list[str]:
    """Rebuild paragraphs: blank lines separate them; a line broken mid-sentence is rejoined."""
    kept: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped and _CHROME_LINE.match(stripped):
            removed.append(stripped)
            continue
        if stripped and (image := _IMAGE_NAME.match(stripped)):
            removed.append(image.group(0))
            stripped = stripped[image.end() :].strip()
            if not stripped:
                continue
        kept.append(" ".join(stripped.split()))
    has_blank_lines = sum(1 for line in kept if not line) >= 2
    paragraphs: list[str] = []
    current: list[str] = []
    for line in kept:
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and (not has_blank_lines or _ends_paragraph(current[-1])):
            paragraphs.append(" ".join(current))
            current = []
        current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _ends_paragraph(line: str) -> bool:
    # Within a blank-line-separated block, a line ending a sentence and long enough to be
    # prose ends a paragraph; a short unpunctuated line (link text broken out) does not.
    return bool(_SENTENCE_END.search(line)) and len(line) > 60


def _looks_like_title(paragraph: str) -> bool:
    return len(paragraph) <= 250 and len(paragraph.split()) <= 30 and not paragraph.endswith(".")


def _same_text(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().lower()

    return norm(a) == norm(b)
