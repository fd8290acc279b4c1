"""Temporal expressions normalised against a reference date, with their precision kept.

``normalise("the 1990s")`` → ``TimeValue("199X", "decade", 1990-01-01, 1999-12-31)``;
relative expressions ("yesterday", "this year", "last month", "on Monday") need the
document's publication date as ``reference`` and give None without one. dateparser handles
the absolute forms our rules do not; decades, ranges, seasons of the year and relative days
are ours, because dateparser gets them wrong or loses their precision.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from types import MappingProxyType

__all__ = ["MONTH_WORDS", "NUMBER_WORDS", "PRECISIONS", "TimeValue", "normalise"]

#: from the finest; a range spans two values at their own precision
PRECISIONS = ("day", "month", "year", "decade", "range")

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
#: month names as written, in full and short, lower-cased ("november", "nov", "sept")
MONTH_WORDS = frozenset(_MONTHS)
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAY_WORDS = frozenset(_WEEKDAYS)
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3, "few": 3,
}  # fmt: skip
#: counts written in words, as in "two days ago" (dyad.events.anchor reads "two days later")
NUMBER_WORDS = MappingProxyType(_NUMBERS)


@dataclass(frozen=True)
class TimeValue:
    value: str  # ISO 8601 at its precision: "1986", "2016-09", "2016-09-09", "198X", "1986/2003"
    precision: str  # one of PRECISIONS
    start: date
    end: date
    relative: bool = False  # resolved against the reference date

    def as_dict(self) -> dict:
        return {
            "value": self.value,
            "precision": self.precision,
            "date_start": self.start.isoformat(),
            "date_end": self.end.isoformat(),
            "relative": self.relative,
        }


def _day(d: date, relative: bool = False) -> TimeValue:
    return TimeValue(d.isoformat(), "day", d, d, relative)


def _month(year: int, month: int, relative: bool = False) -> TimeValue:
    last = calendar.monthrange(year, month)[1]
    return TimeValue(
        f"{year:04d}-{month:02d}", "month", date(year, month, 1), date(year, month, last), relative
    )


def _year(year: int, relative: bool = False) -> TimeValue:
    return TimeValue(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31), relative)


def _decade(first: int) -> TimeValue:
    return TimeValue(f"{first // 10:03d}X", "decade", date(first, 1, 1), date(first + 9, 12, 31))


def _range(a: TimeValue, b: TimeValue, relative: bool = False) -> TimeValue | None:
    if b.end < a.start:
        return None
    return TimeValue(f"{a.value}/{b.value}", "range", a.start, b.end, relative or a.relative)


def _clean(text: str) -> str:
    text = text.replace("’", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"\s+", " ", text).strip().lower()
    text = re.sub(r"^mid-\s*", "", text)
    # "the night of May 12-13": the day the night is of
    text = re.sub(r"^(?:night|morning|evening|afternoon) of\s+", "", text)
    # "earlier this month": a part of this month, told as it ("later this year" of a plan
    # stays unread: the plan is dated by its announcement)
    text = re.sub(r"^earlier\s+(?=this\b)", "", text)
    # "earlier in the week", "earlier in the month": of this one (review 52)
    text = re.sub(r"^earlier in the (week|month|year)$", r"this \1", text)
    return re.sub(r"^(?:in|on|at|by|during|of|from|the|early|late|mid)\s+", "", text)


#: "the next year", "the following month": after the story told before, not the publication
#: ("next year" is the publication's)
_STORY_NEXT = re.compile(
    r"(?:(?:in|on|during|by|over) )?the (?:next|following) (?:week|month|year)"
)


def normalise(text: str, reference: date | None = None) -> TimeValue | None:
    """The date or period ``text`` names, or None when it names none (durations such as
    "four years", frequencies such as "annually", or a relative phrase with no reference)."""
    if _STORY_NEXT.fullmatch(" ".join(text.lower().split())):
        return None  # the story's next year or month, not the publication's (dyad.events.anchor)
    raw, previous = _clean(text), None
    while raw != previous:  # "in the 1990s", "during the early 1980s"
        raw, previous = _clean(raw), raw
    if not raw:
        return None
    for rule in (_clock, _decades, _ranges, _relative, _absolute):
        found = rule(raw, reference)
        if found is not False:
            return found  # type: ignore[return-value]
    return _dateparser(raw, reference)


# -- rules: each returns a value, None (recognised: names no date), or False (not its form) -


#: a time of day alone ("at about 6:20 a.m.", "shortly after 10 p.m. local time", "0400 GMT")
_CLOCK = re.compile(
    r"(?:(?:about|around|approximately|some|nearly|almost|roughly|shortly|just|soon)\s+)?"
    r"(?:(?:before|after)\s+)?"
    r"(?:\d{1,2}[:.]\d{2}|\d{1,2}(?=\s*[ap]\.?\s?m\b)|\d{4}(?=\s*(?:gmt|utc|hours|hrs)))"
    r"(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:hours|hrs))?"
    r"(?:\s*(?:\(?local time\)?|\(?(?:gmt|utc|[a-z]{1,3}t)\)?))?"
)


def _clock(raw: str, reference: date | None) -> TimeValue | bool | None:
    """A time of day names no day (review 44: dateparser read "at about 6:20 a.m." of a
    report published on a Wednesday as Tuesday's): the text's other dates say which day."""
    return None if _CLOCK.fullmatch(raw) else False


def _decades(raw: str, reference: date | None) -> TimeValue | bool | None:
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(1[5-9]\d|20\d)0'?s", raw)
    if m:
        return _decade(int(m.group(1)) * 10)
    m = re.fullmatch(r"(?:the )?'?([2-9])0'?s", raw)  # "the '90s", "the 80s"
    if m:
        return _decade(1900 + int(m.group(1)) * 10)
    return False


#: days of one month joined by a dash ("May 12-13", "12–13 May 2005"): not a day of 1913
_DAY_SPAN = re.compile(
    _MONTH + r" (?P<first>\d{1,2}) ?[-–] ?(?P<last>\d{1,2})(?P<year>,? \d{4})?"
    r"|(?P<first2>\d{1,2}) ?[-–] ?(?P<last2>\d{1,2}) "
    + _MONTH.replace("month", "month2")
    + r"(?P<year2>,? \d{4})?"
)


def _ranges(raw: str, reference: date | None) -> TimeValue | bool | None:
    m = _DAY_SPAN.fullmatch(raw)
    if m is not None:
        month = m.group("month") or m.group("month2")
        year = m.group("year") or m.group("year2") or ""
        first, last = (m.group("first"), m.group("last")) if m.group("month") else (
            m.group("first2"), m.group("last2"))  # fmt: skip
        a = normalise(f"{month} {first}{year}", reference)
        b = normalise(f"{month} {last}{year}", reference)
        return _range(a, b) if a is not None and b is not None else None
    m = re.fullmatch(r"(?:between )?(.+?) (?:and|to|until|through|-) (.+)", raw)
    if m is None:
        m = re.fullmatch(r"(1[5-9]\d\d|20\d\d) ?- ?(1[5-9]\d\d|20\d\d|\d\d)", raw)
    if m is not None:
        left, right = m.group(1), m.group(2)
        if re.fullmatch(r"\d\d", right) and re.fullmatch(r"\d{4}", left):
            right = left[:2] + right  # "2003-05"
        a = normalise(left, reference)
        b = normalise(right, reference)
        if a is not None and b is not None:
            return _range(a, b)
        return False
    m = re.fullmatch(r"since (.+)", raw)
    if m is not None:
        a = normalise(m.group(1), reference)
        if a is None or reference is None:
            return False if a is None else TimeValue(f"{a.value}/..", "range", a.start, a.end)
        return _range(a, _day(reference), relative=True)
    return False


#: a month of the year before, this one or the next ("April last year", "March of this year")
_MONTH_OF_YEAR = _MONTH + r"(?: of)? (?P<which>last|this|next) year"
#: a day of such a month ("Dec. 12 last year", "12 December of this year")
_DAY_OF_YEAR = (
    r"(?:" + _MONTH + r" (?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<first>\d{1,2})(?:st|nd|rd|th)? (?:of )?"
    + _MONTH.replace("?P<month>", "?P<in>")
    + r"),?(?: of)? (?P<which>last|this|next) year"
)


def _relative(raw: str, reference: date | None) -> TimeValue | bool | None:
    words = {
        "today": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0,
        "yesterday": -1, "last night": -1, "yesterday morning": -1, "yesterday afternoon": -1,
        "yesterday evening": -1, "overnight": -1, "tomorrow": 1, "the day before yesterday": -2,
    }  # fmt: skip
    is_relative = (
        raw in words
        or raw in ("this year", "last year", "next year", "this month", "last month",
                   "next month", "this week", "last week", "next week", "recent days",
                   "recent weeks", "recent months", "start of the year", "beginning of the year",
                   "end of the year", "start of this year", "beginning of this year", "days ago")
        or re.fullmatch(r"(?:last |this |next |on )?(?:" + "|".join(_WEEKDAYS) + r")"
                        r"(?: (?:morning|afternoon|evening|night))?", raw) is not None
        or re.fullmatch(r"(\w+(?: few)?) (day|week|month|year)s? ago", raw)
        is not None
        # (a month's full name, "May" too: after "last" it is no modal; not "Mar", "Jun")
        or re.fullmatch(r"(?:last|this|next) (?:" + "|".join(
            n for n in _MONTHS if len(n) > 3 or n == "may") + r")", raw) is not None
        or re.fullmatch(_MONTH_OF_YEAR, raw) is not None
        or re.fullmatch(_DAY_OF_YEAR, raw) is not None
    )  # fmt: skip
    if not is_relative:
        return False
    if reference is None:
        return None
    ref = reference
    if raw in words:
        return _day(ref + timedelta(days=words[raw]), True)
    if raw in ("this year", "last year", "next year"):
        return _year(ref.year + {"this": 0, "last": -1, "next": 1}[raw.split()[0]], True)
    if raw in ("this month", "last month", "next month"):
        shift = {"this": 0, "last": -1, "next": 1}[raw.split()[0]]
        year, month = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
        return _month(year, month + 1, True)
    if raw in ("this week", "last week", "next week"):
        monday = ref - timedelta(days=ref.weekday())
        monday += timedelta(weeks={"this": 0, "last": -1, "next": 1}[raw.split()[0]])
        return TimeValue(
            f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}",
            "range", monday, monday + timedelta(days=6), True,
        )  # fmt: skip
    if raw.startswith("recent "):
        span = {"days": 7, "weeks": 28, "months": 90}[raw.split()[1]]
        start = ref - timedelta(days=span)
        return TimeValue(f"{start.isoformat()}/{ref.isoformat()}", "range", start, ref, True)
    m = re.fullmatch(_DAY_OF_YEAR, raw)
    if m:  # "Dec. 12 last year", "3 March this year"
        year = ref.year + {"last": -1, "this": 0, "next": 1}[m.group("which")]
        month = _MONTHS[m.group("month") or m.group("in")]
        try:
            return _day(date(year, month, int(m.group("day") or m.group("first"))), True)
        except ValueError:  # "February 30 last year"
            return _month(year, month, True)
    m = re.fullmatch(_MONTH_OF_YEAR, raw)
    if m:  # "April last year", "March of this year"
        year = ref.year + {"last": -1, "this": 0, "next": 1}[m.group("which")]
        return _month(year, _MONTHS[m.group("month")], True)
    if "of the year" in raw or "of this year" in raw:
        if raw.startswith("end"):
            return TimeValue(f"{ref.year}-12", "month", date(ref.year, 10, 1),
                             date(ref.year, 12, 31), True)  # fmt: skip
        return TimeValue(f"{ref.year}-01", "month", date(ref.year, 1, 1), date(ref.year, 3, 31),
                         True)  # fmt: skip
    # (only "ago" counts back from the publication: "two days later" and "a week earlier"
    # count from the story told before them, dyad.events.anchor)
    m = re.fullmatch(r"(\w+(?: few)?) (day|week|month|year)s? ago", raw)
    if m:
        n = _NUMBERS.get(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else None)
        if n is None:
            return None
        unit = m.group(2)
        if unit == "year":
            return _year(ref.year - n, True)
        if unit == "month":
            year, month = divmod(ref.year * 12 + ref.month - 1 - n, 12)
            return _month(year, month + 1, True)
        return _day(ref - timedelta(days=n * (7 if unit == "week" else 1)), True)
    m = re.fullmatch(r"(last|this|next) (\w+)", raw)
    if m and m.group(2) in _MONTHS:
        month = _MONTHS[m.group(2)]
        year = ref.year + {"last": -1, "this": 0, "next": 1}[m.group(1)]
        return _month(year, month, True)
    m = re.search("|".join(_WEEKDAYS), raw)
    if m:  # news of the day: the latest such weekday up to the reference date
        back = (ref.weekday() - _WEEKDAYS[m.group(0)]) % 7
        if raw.startswith("last ") and back == 0:
            back = 7
        if raw.startswith("next "):
            return _day(ref + timedelta(days=(7 - back) % 7 or 7), True)
        return _day(ref - timedelta(days=back), True)
    return None


def _absolute(raw: str, reference: date | None) -> TimeValue | bool | None:
    m = re.fullmatch(r"(?:start|beginning|end|middle|first half|second half) of (?:the )?(.+)", raw)
    if m and m.group(1) not in ("year", "this year", "month", "week"):
        return normalise(m.group(1), reference)  # "the end of 2012": 2012, at its precision
    m = re.fullmatch(_YEAR, raw)
    if m:
        return _year(int(m.group("year")))
    if re.fullmatch(r"[\d,.]+", raw):
        return None  # a bare number that is no year is a count ("attacks kill 44"), not 1944
    m = re.fullmatch(_MONTH + r",? " + _YEAR, raw)
    if m:
        return _month(int(m.group("year")), _MONTHS[m.group("month")])
    m = re.fullmatch(_MONTH + r" (?P<day>\d{1,2})(?:st|nd|rd|th)?,? " + _YEAR, raw) or re.fullmatch(
        r"(?P<day>\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MONTH + r",? " + _YEAR, raw
    )
    if m:
        try:
            return _day(date(int(m.group("year")), _MONTHS[m.group("month")], int(m.group("day"))))
        except ValueError:
            return None
    m = re.fullmatch(_MONTH, raw)
    if m:  # a month alone: the latest such month up to the reference date
        if reference is None:
            return None
        month = _MONTHS[m.group("month")]
        year = reference.year if month <= reference.month else reference.year - 1
        return _month(year, month, True)
    m = re.fullmatch(_MONTH + r" (?P<day>\d{1,2})(?:st|nd|rd|th)?", raw) or re.fullmatch(
        r"(?P<day>\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MONTH, raw
    )
    if m:
        if reference is None:
            return None
        month, day = _MONTHS[m.group("month")], int(m.group("day"))
        year = (
            reference.year
            if (month, day) <= (reference.month, reference.day)
            else (reference.year - 1)
        )
        try:
            return _day(date(year, month, day), True)
        except ValueError:
            return None
    if re.search(r"\b(?:years?|months?|weeks?|days?|decades?|centur(?:y|ies)|hours?|minutes?)$",
                 raw) and not re.search(r"\d{4}", raw):  # fmt: skip
        return None  # a duration: "four years", "the past decade", "days"
    if re.fullmatch(r"(?:annually|daily|weekly|monthly|yearly|once|now|recently|currently|"
                    r"later|earlier|soon|then|former|previous|past|future)", raw):  # fmt: skip
        return None
    return False


@lru_cache(maxsize=64)
def _parser(reference: date | None):
    from datetime import datetime

    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if reference is not None:
        settings["RELATIVE_BASE"] = datetime(reference.year, reference.month, reference.day)
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser(raw: str, reference: date | None) -> TimeValue | None:
    """dateparser for what the rules do not know, keeping the period it reports."""
    if not re.search(r"\d|" + "|".join(n for n in _MONTHS if len(n) > 3), raw):
        return None  # no number and no month: nothing dateparser should guess at
    try:
        data = _parser(reference).get_date_data(raw)
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    explicit_year = re.search(r"\b\d{4}\b", raw) is not None
    relative = not explicit_year
    if relative and reference is None:
        return None
    if period == "year":
        return _year(d.year, relative)
    if period == "month":
        return _month(d.year, d.month, relative)
    return _day(d, relative)
