"""The ``dyad_time`` spaCy component: spaCy's DATE entities (and years or decades it missed)
normalised against ``doc._.dyad_published``, the publication date, when the pipeline knows it.
"""

from __future__ import annotations

import calendar
import itertools
import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..actors.dictionary import context_words
from ..nlp.words import keep_text
from .normalise import MONTH_WORDS, normalise

__all__ = ["TimeFinder", "make_doc", "make_time_finder", "news_of_the_day", "reference_date"]

_YEARISH = re.compile(r"^(?:1[5-9]\d\d|20\d\d|(?:1[5-9]\d|20\d)0s)$")
#: relative expressions that mark a text as news of the day when they open it
_DAILY = re.compile(
    r"\b(?:today|yesterday|tonight|last night|this (?:morning|afternoon|evening|week)|"
    r"(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.I,
)


def make_doc(nlp: Language, text: str, published: str | date | None = None) -> Doc:
    """A tokenised Doc that carries its publication date for the pipeline's components."""
    doc = nlp.make_doc(text)
    keep_text(doc, text)
    doc._.dyad_published = str(published)[:10] if published else None
    return doc


def reference_date(doc: Doc) -> date | None:
    value = doc._.dyad_published
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def news_of_the_day(doc: Doc, times: list[dict], sentences: int = 3, body: int = 0) -> bool:
    """Whether the text reports the day's news: its headline or one of the first
    ``sentences`` sentences of its body (which starts at token ``body``, after the headline
    and dateline) dates something relative to the publication day ("said on Monday",
    "yesterday")."""
    opening = [s.end_char for s in doc.sents if s.start >= body][:sentences]
    limit = opening[-1] if opening else 0
    return any(t["relative"] and t["start"] < limit and _DAILY.search(t["text"]) for t in times)


def _is_count(span: Span) -> bool:
    """A lone number that counts the plural noun after it ("killed 2014 people"), not a year:
    no determiner before it ("the 2015 attacks" is a year) and the noun is its head."""
    if len(span) != 1 or not span[0].like_num:
        return False
    number, doc = span[0], span.doc
    after = doc[number.i + 1] if number.i + 1 < len(doc) else None
    before = doc[number.i - 1] if number.i > 0 else None
    return (
        after is not None
        and after.tag_ in ("NNS", "NNPS")
        and number.head.i == after.i
        and (before is None or (before.pos_ not in ("DET", "PRON") and before.tag_ != "POS"))
    )


def _in_a_name(span: Span) -> bool:
    """A month and its day that are words of an organisation's name, no date of what it
    does: after "<Organisation noun> of" ("the Revolutionary Movement of October 8") or,
    after an article, before a run of capitalised words one of which is an organisation noun
    ("the April 6 Youth Movement", "the March 14 Alliance"; the actors' context_words.tsv,
    organisation_noun)."""
    nouns = context_words()["organisation_noun"]
    doc = span.doc
    if not (
        any(t.lower_.rstrip(".") in MONTH_WORDS for t in span) and any(t.like_num for t in span)
    ):
        return False  # a day and its month ("a Tuesday Senate vote" is dated)
    if (
        span.start >= 2
        and doc[span.start - 1].lower_ == "of"
        and doc[span.start - 2].is_title
        and doc[span.start - 2].lemma_.lower() in nouns
    ):
        return True
    if not span.start or doc[span.start - 1].lower_ not in ("the", "a", "an"):
        return False  # "On Monday Parliament Speaker X met": a date, then a name
    run = itertools.takewhile(
        lambda t: t.is_title and t.ent_type_ not in ("DATE", "TIME"), doc[span.end : span.end + 3]
    )
    return any(t.lemma_.lower() in nouns for t in run)


#: the words that end a date the recogniser ran on into what follows it ("Sunday after weeks";
#: not "or", which joins dates, nor "before last", which is one)
_LINKS = ("ADP", "SCONJ")


def _link(span: Span) -> int | None:
    """The first preposition or subordinator inside a date's span that opens another phrase
    (not "before last", "after next"), or a comma before a phrase of its own (review 44:
    "On April 22, two days before the first round" tagged "April 22, two days"; not the
    comma before a year, "May 5, 1988"), or None."""
    doc = span.doc
    return next(
        (
            t.i
            for t in span[1:]
            if t.i + 1 < len(doc)
            and (
                (t.pos_ in _LINKS and doc[t.i + 1].lower_ not in ("last", "next", "that", "this"))
                or (t.text == "," and t.i + 1 < span.end and not _YEARISH.match(doc[t.i + 1].text))
            )
        ),
        None,
    )


_WEEKDAY = re.compile(
    r"(?:on )?(" + "|".join(day.lower() for day in calendar.day_name) + r")"
    r"(?: (?:morning|afternoon|evening|night))?",
    re.I,
)
#: a year written out ("1991"; "'91" is no year here)
_A_YEAR = re.compile(r"\b\d{4}\b")
#: verbs whose "to" infinitive tells what is ahead ("are to meet", "is due to sign")
_AHEAD = frozenset({"be", "due", "schedule", "set", "expect", "plan", "intend", "aim"})


def _bare_weekday(text: str) -> str | None:
    """The weekday ``text`` names with no "last", "this" or "next" ("Tuesday", "on Tuesday
    morning"), lower case; None for anything else."""
    found = _WEEKDAY.fullmatch(text.strip())
    return found.group(1).lower() if found else None


def _told_ahead(span: Span) -> bool:
    """Whether the verb a time phrase belongs to tells what is yet to come: with "will" or
    "shall" ("will meet on Thursday"), an infinitive after "be", "due", "scheduled" ...
    ("are to meet", "is due to sign"), a headline's infinitive ("Kim to visit Seoul on
    Friday"), or a present progressive ("are meeting on Tuesday")."""
    # the verb the phrase hangs on, through its preposition only ("meet on Thursday"); a
    # phrase of a noun ("a shooting on Sunday") tells nothing of what is ahead
    verb = span.root
    if verb.dep_ == "compound":  # "Tuesday" of "on Tuesday morning"
        verb = verb.head
    if verb.dep_ == "pobj":
        verb = verb.head
    verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    own = [c for c in verb.children if not c.left_edge.i <= span.start <= c.right_edge.i]
    if span.start < min([verb.i, *(c.left_edge.i for c in own)]):
        # a phrase before its clause's own words is its main verb's, wherever the parser
        # hung it ("said on Thursday they will meet")
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "shall", "'ll", "wo") for a in auxes):
        return True
    if (
        verb.dep_ == "ccomp"
        and verb.head.tag_ == "VBD"
        and any(a.lower_ == "would" for a in auxes)
        and not any(a.lemma_ == "have" for a in auxes)
    ):
        return True  # told as ahead in the past: "said he would return on November 14"
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        head = verb.head
        # (a plan told in the past is no plan still ahead: "had planned to travel on Friday")
        told_before = head.tag_ in ("VBD", "VBN") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN") for c in head.children
        )
        return verb.dep_ == "ROOT" or (
            verb.dep_ in ("xcomp", "advcl", "ccomp")
            and head.lemma_.lower() in _AHEAD
            and not told_before
        )
    return verb.tag_ == "VBG" and any(a.lower_ in ("is", "are", "'s", "'re") for a in auxes)


def _with_its_day(span: Span, covered: set[int]) -> Span:
    """A date whose day of the month the recogniser left before it ("Wednesday, 9 November
    2005" tagged "Wednesday" and "November 2005"): the day is the date's; else the span."""
    doc = span.doc
    day = doc[span.start - 1] if span.start else None
    if (
        day is not None
        and day.i not in covered
        and day.like_num
        and day.text.isdigit()
        and 1 <= int(day.text) <= 31
        and span[0].lower_.rstrip(".") in MONTH_WORDS
    ):
        return doc[day.i : span.end]
    return span


class TimeFinder:
    def __call__(self, doc: Doc) -> Doc:
        reference = reference_date(doc)
        spans: list[Span] = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
        covered = {t.i for s in spans for t in s}
        for token in doc:  # years and decades the NER left out ("in 1986")
            if (
                token.i not in covered
                and token.i > 0
                and _YEARISH.match(token.text)
                and doc[token.i - 1].lower_ in ("in", "since", "by", "until", "of", "the")
            ):
                spans.append(doc[token.i : token.i + 1])
        times = []
        for span in sorted(spans, key=lambda s: s.start):
            if _is_count(span) or _in_a_name(span):
                continue
            span = _with_its_day(span, covered)
            value = normalise(span.text, reference)
            if value is None and (cut := _link(span)) is not None:
                # the recogniser ran a date on into the phrase after it ("resigned on Sunday
                # after weeks of protests" tagged "Sunday after weeks"): the date before it
                span = span.doc[span.start : cut]
                value = normalise(span.text, reference)
            if value is None:
                continue
            if _bare_weekday(span.text) and value.start != reference and _told_ahead(span):
                # "the ministers will meet on Thursday", "are to meet on Tuesday": the next
                # such day, not the last (the publication day's own name stays that day)
                value = normalise(f"next {_bare_weekday(span.text)}", reference) or value
            elif (
                reference is not None
                and value.precision in ("day", "month")
                and value.start < reference
                and not _A_YEAR.search(span.text)
                and any(t.lower_.rstrip(".") in MONTH_WORDS for t in span)
                and _told_ahead(span)
            ):
                # "will return on November 14", "said he would return on November 14",
                # told on October 24: the coming one, not last year's
                value = normalise(f"{span.text} {value.start.year + 1}", reference) or value
            times.append(
                {
                    "start": span.start_char,
                    "end": span.end_char,
                    "text": span.text,
                    "token_start": span.start,
                    "token_end": span.end,
                    **value.as_dict(),
                }
            )
        doc._.dyad_times = times
        return doc


for _name in ("dyad_times", "dyad_published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory("dyad_time", assigns=["doc._.dyad_times"], requires=["doc.ents"])
def make_time_finder(nlp: Language, name: str) -> TimeFinder:
    return TimeFinder()
