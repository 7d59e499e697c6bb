"""Temporal expressions -> partial ISO dates at their own granularity, anchored on the document date.

"on Tuesday" in an article of Friday 2024-11-01 is 2024-10-29 (the latest such
day on or before the anchor); "in June" in a November article is 2024-06 (the
latest June not after the anchor); "last month" is the month before; "mid-October"
keeps month granularity. Expressions that name no point in time ("for years",
"recently") give None rather than a guess.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for name in names
}
WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PART = r"(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|end\s+of|beginning\s+of|start\s+of)[\s-]*)?"
_LEAD = r"^(?:as\s+of\s+|(?:on|in|at|during|since|from|by|until|of|last|this|earlier|later)\s+)?(?:the\s+)?"

_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?$")
_MONTH_DAY_YEAR = re.compile(_LEAD + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?$")
_DAY_MONTH_YEAR = re.compile(_LEAD + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?$")
_MONTH_YEAR = re.compile(_LEAD + _PART + _MONTH + r"(?:,?\s+(?:of\s+)?(?P<year>\d{4}))?$")
_YEAR = re.compile(_LEAD + _PART + r"(?P<year>(?:19|20)\d{2})$")
_WEEKDAY = re.compile(_LEAD + r"(?:last\s+|this\s+(?:past\s+)?)?(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:\s+(?:morning|afternoon|evening|night))?$")
_RELATIVE = re.compile(
    r"^(?:(?:on|in|during|over|earlier|later)\s+)?(?P<which>last|this|next|past|previous|coming|earlier\s+this|later\s+this|the\s+past|the\s+previous)\s+(?P<unit>week|month|year|weekend)$"
)
ABSOLUTE = {"iso": _ISO, "monthDayYear": _MONTH_DAY_YEAR, "dayMonthYear": _DAY_MONTH_YEAR,
            "monthYear": _MONTH_YEAR, "year": _YEAR}
"""The patterns `normalise` reads without a document date, tried in this order: the page's date filter
(kg.render) reads what a user types with these same patterns."""
_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "this morning": 0, "this afternoon": 0, "this evening": 0}


def _parse_anchor(doc_date: str | date | None) -> date | None:
    if doc_date is None:
        return None
    if isinstance(doc_date, date):
        return doc_date
    try:
        return date.fromisoformat(doc_date[:10])
    except ValueError:
        return None


def _month_before(anchor: date, months: int) -> tuple[int, int]:
    index = anchor.year * 12 + anchor.month - 1 - months
    return index // 12, index % 12 + 1


def _clean(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"\s+", " ", text).strip(" ,.;:")
    return text


def normalise(text: str, doc_date: str | date | None) -> str | None:
    """The date an expression denotes (see `_normalise`), or None; never raises on odd input."""
    try:
        return _normalise(text, doc_date)
    except (ValueError, OverflowError):  # "yesterday" of 0001-01-01, a year out of range
        return None


def _normalise(text: str, doc_date: str | date | None) -> str | None:
    """The date an expression denotes, as YYYY, YYYY-MM or YYYY-MM-DD, or None.

    Args:
        text: the expression as written ("on Oct. 18", "last month", "in 2022").
        doc_date: the document date anchoring relative and year-less expressions.

    >>> normalise("in late October", "2024-11-14")
    '2024-10'
    """
    anchor = _parse_anchor(doc_date)
    t = _clean(text)
    if not t:
        return None
    m = _ISO.search(t)
    if m:
        return t[m.start():m.end()]
    m = _MONTH_DAY_YEAR.match(t) or _DAY_MONTH_YEAR.match(t)
    if m:
        month, day = MONTHS[m.group("month")], int(m.group("day"))
        year = int(m.group("year")) if m.group("year") else _year_for(month, day, anchor)
        if year is None:
            return None
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    m = _MONTH_YEAR.match(t)
    if m:
        month = MONTHS[m.group("month")]
        year = int(m.group("year")) if m.group("year") else _year_for(month, 1, anchor)
        return None if year is None else f"{year:04d}-{month:02d}"
    m = _YEAR.match(t)
    if m:
        return m.group("year")
    if anchor is None:
        return None
    m = _WEEKDAY.match(t)
    if m:
        back = (anchor.weekday() - WEEKDAYS[m.group("weekday")]) % 7
        return (anchor - timedelta(days=back)).isoformat()
    if t in _DEICTIC:
        return (anchor + timedelta(days=_DEICTIC[t])).isoformat()
    m = _RELATIVE.match(t)
    if m:
        return _relative(m.group("which"), m.group("unit"), anchor)
    return None


def _year_for(month: int, day: int, anchor: date | None) -> int | None:
    """The year of the latest such month (and day) not after the anchor: news tells of the past."""
    if anchor is None:
        return None
    return anchor.year if (month, day) <= (anchor.month, anchor.day) or (month == anchor.month) else anchor.year - 1


def _relative(which: str, unit: str, anchor: date) -> str | None:
    step = {"last": -1, "past": -1, "previous": -1, "the past": -1, "the previous": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit == "year":
        return f"{anchor.year + step:04d}"
    if unit == "month":
        year, month = _month_before(anchor, -step)
        return f"{year:04d}-{month:02d}"
    # a week has no ISO partial date: give the month it falls in, the finest granularity we can state
    day = anchor + timedelta(weeks=step)
    return f"{day.year:04d}-{day.month:02d}"


DATE_FORMATS = 'YYYY, YYYY-MM or YYYY-MM-DD, or a month or day in words with its year ("Oct 2024", "14 October 2024")'
"""What `as_date` accepts, for messages."""


def as_date(text: str) -> str | None:
    """A date a user typed (a query parameter, an option) as YYYY, YYYY-MM or YYYY-MM-DD, or None when it names no
    calendar date on its own: "Oct 2024" is 2024-10, while "Oct", "last month" (nothing to anchor them on) and
    "2024-13" are None.

    >>> as_date("14 October 2024"), as_date("Oct")
    ('2024-10-14', None)
    """
    found = normalise(text, None)
    if found is None:
        return None
    year, _, rest = found.partition("-")
    month, _, day = rest.partition("-")
    try:  # the ISO form is taken as written: check it names a real day or month
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return found
