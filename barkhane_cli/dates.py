"""Partial dates: a year, a month or a day, with the precision kept as part of the value.

A partial date is a period (jrnl's rule): ``2020`` covers 1 January to 31 December 2020,
``2020-02`` covers 1 to 29 February 2020. Nothing is ever padded to the 1st.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from barkhane_cli.text import strip_accents

if TYPE_CHECKING:
    from dateutil import parser

Precision = Literal["year", "month", "day"]


_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True, slots=True, order=False)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def first(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last(self) -> date:
        if self.day is not None:
            return date(self.year, self.month or 1, self.day)
        if self.month is not None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, 12, 31)

    def first_ordinal(self) -> int:
        return self.first().toordinal()

    def last_ordinal(self) -> int:
        return self.last().toordinal()

    def within(self, lo: int | None, hi: int | None) -> bool:
        """Whether the days this date covers overlap lo..hi (day ordinals; None: open)."""
        return (lo is None or self.last_ordinal() >= lo) and (
            hi is None or self.first_ordinal() <= hi
        )

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def human(self) -> str:
        """``9 November 2022``, ``February 2022`` or ``2012``."""
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{_MONTHS[self.month - 1]} {self.year}"
        return f"{self.day} {_MONTHS[self.month - 1]} {self.year}"

    def __str__(self) -> str:
        return self.iso()


def whole_year(start: date, end: date) -> int | None:
    """The year a window of days is when it runs from 1 January to 31 December of one
    year, else None: such a window is said as its year ("2021"), any other by its first
    and last days (window_said)."""
    if start.year == end.year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return start.year
    return None


# How every human-readable view writes a span of dates, first to last: "2013-01-11 to
# 2014-07-15", as the words that ask for one read (--since 2013-01-11 --until 2014-07-15)
# and as window_said says a window. Views wrote "→" (cards, on, summary), ".." (compare,
# gaps) and "to" (titles, windows) (U33). Machine formats keep their own: JSON, csv and
# the calendars give start and end apart, a card's plain key "date" an ISO 8601 interval
# (start/end; ".." an open end).
SPAN = " to "


def span_said(first: object, last: object = None) -> str:
    """``first`` to ``last`` as every view writes a span (SPAN): "2013-01-11 to 2014-07-15";
    open at one end as window_said says it: "since 2013", "until 2014-07-15"."""
    if last is None or last == "":
        return f"since {first}"
    if first is None or first == "":
        return f"until {last}"
    return f"{first}{SPAN}{last}"


def window_said(first: date | PartialDate | None, last: date | PartialDate | None) -> str:
    """A window of dates in words, one wording for every view that says one: a whole
    year of days as its year ("2021"), else "FIRST to LAST", or "since FIRST" / "until
    LAST" when it is open at one end ("" at both). Each date as ISO writes it: a day, or
    a date as precise as it was given (map's title says --since 2019 as 2019)."""
    return _window(first, last)[1]


def window_in_sentence(first: date | PartialDate | None, last: date | PartialDate | None) -> str:
    """window_said with the word a sentence needs before it: "in 2021", "from 2021-03-01
    to 2021-06-30", "since 2021-03-01", "until 2021-06-30" ("" at both)."""
    return " ".join(part for part in _window(first, last) if part)


def _window(first: date | PartialDate | None, last: date | PartialDate | None) -> tuple[str, str]:
    """(the word before it in a sentence, the window said)."""
    if first is not None and last is not None:
        year = (
            whole_year(first, last) if isinstance(first, date) and isinstance(last, date) else None
        )
        return ("in", str(year)) if year is not None else ("from", span_said(first, last))
    if first is not None:
        return "", f"since {first}"
    return "", "" if last is None else f"until {last}"


def parse_iso(text: str) -> PartialDate:
    """Parse a data-file date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Raises ValueError with a message fit to show a user.
    """
    m = _ISO.match(text.strip()) if isinstance(text, str) else None
    if m is None:
        raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    return _checked(text, m.group(1), m.group(2), m.group(3))


def _checked(text: str, y: str, mo: str | None, d: str | None) -> PartialDate:
    """The date of a year, month and day as written (month and day may be absent), or a
    ValueError naming ``text``, what was typed, and what makes it no real date."""
    year = int(y)
    month = int(mo) if mo else None
    day = int(d) if d else None
    if year < 1:
        raise ValueError(f"{text!r} has no year 0")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{text!r} has no month {month}")
    if day is not None and month is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(
                f"{text!r} is not a real date: {_MONTHS[month - 1]} {year} has {last} days"
            )
    return PartialDate(year, month, day)


_NUMERIC = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$")
_NUMERIC_MONTH = re.compile(r"^(\d{1,2})[./-](\d{4})$")
# The year first, as ISO but with slashes or dots (2015/06/01, 2015/06): one reading only.
_YEAR_FIRST = re.compile(r"^(\d{4})([./])(\d{1,2})(?:\2(\d{1,2}))?$")
# An ISO date-time (2015-06-01T00:00, with seconds, a fraction, a zone; a space for the T
# as SQL and Python print one): the record's dates are days at most, so the day is read
# and the time and zone are not (a zone does not move the day: it is the day written).
_DATE_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    r"(?:Z|[+-]\d{2}(?::?\d{2})?)?$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")  # a year as written, four digits
_WORDS = re.compile(r"[^\W\d_]+")  # the runs of letters: "févr" of "1er févr. 2016"
FORMS = "use a form like 2020, 2020-08, Aug 2020, 18 August 2020 or 18 août 2020"
# The months as French sources write them (RFI, Le Monde, the Malian and Burkinabè
# papers), whole and abbreviated: users paste their dates. Each is read without its
# accents (fevrier, aout), as what is typed is (parse_user_date), and, as dateutil reads
# every month, with or without a dot.
FRENCH_MONTHS = (
    ("janvier", "janv"),
    ("février", "févr"),
    ("mars",),
    ("avril", "avr"),
    ("mai",),
    ("juin",),
    ("juillet", "juil"),
    ("août",),
    ("septembre", "sept"),
    ("octobre", "oct"),
    ("novembre", "nov"),
    ("décembre", "déc"),
)
# The days of the week, whole, as a pasted date begins ("lundi 9 novembre 2020"): dateutil
# reads "Monday 9 November 2020", so the French is read too. Not abbreviated: "mar" is
# March.
FRENCH_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


@functools.cache
def month_words() -> dict[str, int]:
    """Each month's name as a search reads a word (lower case, no accents), English and
    French, whole and abbreviated as FRENCH_MONTHS writes them (january, jan, janvier,
    janv), with its number: a month typed beside a year in a search is a date
    (search/entries.py's typed_dates)."""
    words: dict[str, int] = {}
    for number, (english, french) in enumerate(zip(_MONTHS, FRENCH_MONTHS, strict=True), 1):
        for word in (english, english[:3], *french):
            words.setdefault(strip_accents(word).lower(), number)
    return words


@functools.cache
def _parserinfo() -> parser.parserinfo:
    """dateutil's reading of month names and the words it skips, with French added: its
    own MONTHS, each month's French spellings after the English (without accents: it
    reads only text parse_user_date has taken them from), its WEEKDAYS with the
    French names of the days, and "er" skipped as it skips "st" (1er juin, as 1st June).
    Built on first use: dateutil is imported only for a date that is not ISO."""
    from dateutil import parser

    # class attributes, as dateutil declares them (not ClassVar: its stubs type them as
    # instance variables, which a ClassVar may not override)
    class Words(parser.parserinfo):
        MONTHS = [  # noqa: RUF012
            tuple(dict.fromkeys((*english, *map(strip_accents, french))))
            for english, french in zip(parser.parserinfo.MONTHS, FRENCH_MONTHS, strict=True)
        ]
        JUMP = [*parser.parserinfo.JUMP, "er"]  # noqa: RUF012

        # a method, not WEEKDAYS: the stubs type each of its entries as two names
        def weekday(self, name: str) -> int | None:
            day = super().weekday(name)
            if day is None and name.lower() in FRENCH_WEEKDAYS:
                return FRENCH_WEEKDAYS.index(name.lower())
            return day

    return Words()


class NoYearError(ValueError):
    """A day or a month with no year (``1 June``): ``example`` is the same with one, for
    the command line to show as it is typed there (``on "1 June 2020"``). 2020 is a leap
    year, so any day of any month makes a real date with it."""

    def __init__(self, text: str, example: str) -> None:
        self.text = text
        self.example = example
        super().__init__(self.said(repr(example)))

    def said(self, example: str) -> str:
        """The message, with the example written as it is shown (quoted for the shell
        on the command line)."""
        return f"{self.text!r} has no year; give one, e.g. {example}"


class MiswrittenError(ValueError):
    """Words that are a date, written wrongly: the command line joins them as one, for
    this error, as it does a date with no year (its words split by the shell, `on 31
    June` is told that June has 30 days, not that "June" is an extra argument)."""


class WeekdayError(MiswrittenError):
    """A date whose day of the week it was not."""


def _not_a_date(text: str) -> ValueError:
    return ValueError(f"{text!r} is not a date; {FORMS}")


_DAY = re.compile(r"(?<!\d)\d{1,2}(?!\d)")  # a day as written: one or two digits


def short_year_said(read_as: int | None = None) -> str:
    """What a year written with fewer than four digits is told, with the year it likely
    stands for where there is one: "write the year in four digits (2019?); a shorter
    year is not guessed". One wording for a date's year and --year's (U50: `--year 19`
    listed the year 19, and said only that it is before the record)."""
    guess = f" ({read_as}?)" if read_as is not None else ""
    return f"write the year in four digits{guess}; a shorter year is not guessed"


def likely_year(digits: str) -> int | None:
    """The year one or two digits are likely short for: 19, 2019; none for three
    digits (201 is no more 2010 than 2001) nor past this year (99 is not 2099)."""
    if not digits.isdigit() or len(digits) > 2:
        return None
    year = 2000 + int(digits)
    return year if year <= date.today().year else None


class ShortYearError(ValueError):
    """Digits alone, fewer than four (``19``): a year written short, told so with the year
    it likely stands for. Not a MiswrittenError: the words after it on the command line
    may still make a date of it (``--since 1 June 2015``, split by the shell); ``plain``
    is then what it is told, no date, as any other text that is none."""

    def __init__(self, text: str, said: str) -> None:
        super().__init__(f"{text!r}: {said}")
        self.plain = str(_not_a_date(text))


def short_year(text: str) -> str | None:
    """The one rule for a year written with fewer than four digits alone, wherever a year
    or a date is typed (--year 19, --since 19, --until 19, `on 19`, every date option):
    what it is told, with the year it likely stands for ("write the year in four digits
    (2019?); ..."); None for any other text. U50: `--year 19` listed the year 19; U53:
    `--since 19` was only "not a date" where --year's answer named 2019."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) >= 4:
        return None
    return short_year_said(likely_year(digits))


def _short_year(text: str, read_as: int | None = None) -> MiswrittenError:
    return MiswrittenError(f"{text!r}: {short_year_said(read_as)}")


def _no_such_day(text: str, read: str) -> ValueError:
    """Why a date in words is no day ("31 June 2020", "30 février 2020"), in the words
    an ISO date's is said (_checked: "June 2020 has 30 days"): dateutil says only that a
    day is out of range, which read as a form to change (U32). The generic message when
    the words hold more than one month, year or day to tell them by."""
    info = _parserinfo()
    months = {n for w in _WORDS.findall(read) if (n := info.month(w)) is not None}
    years, days = _YEAR.findall(read), _DAY.findall(read)
    if len(months) == 1 and len(years) == 1 and len(days) == 1:
        try:
            _checked(text, years[0], str(months.pop()), days[0])
        except ValueError as exc:
            return exc
    if len(months) == 1 and not years and len(days) == 2:  # "31 June 20": one is a year
        return _short_year(text)
    if len(months) == 1 and not years and len(days) == 1:
        # "31 June": no year, and no day in any year; in a leap year every month is as long
        # as it ever is, so its length there is the one to say
        month = months.pop()
        last = calendar.monthrange(2020, month)[1]
        return MiswrittenError(f"{text!r} is not a real date: {_MONTHS[month - 1]} has {last} days")
    return ValueError(f"{text!r} is not a real date; {FORMS}")


def _numeric(text: str) -> PartialDate | None:
    """``25/02/2022``, ``4.2.2022``, ``02/2022``, year first ``2022/02/25`` and ``2022/02``,
    ``2022-02-25T10:30`` (its day): numbers only, read the one way they can be.

    Day-month and month-day orders are both in use, so a date that reads both ways
    (``04/02/2022``) is refused rather than guessed; the message names both readings.
    """
    month_only = _NUMERIC_MONTH.match(text)
    if month_only:
        return _checked(text, month_only.group(2), month_only.group(1), None)
    year_first = _YEAR_FIRST.match(text)
    if year_first:
        return _checked(text, year_first.group(1), year_first.group(3), year_first.group(4))
    timed = _DATE_TIME.match(text)
    if timed:
        hour, minute, second = (int(n or 0) for n in timed.group(4, 5, 6))
        if hour > 23 or minute > 59 or second > 59:  # read or not, a typo is said
            raise ValueError(f"{text!r} is not a real time of day (00:00 to 23:59:59)")
        return _checked(text, *timed.group(1, 2, 3))
    m = _NUMERIC.match(text)
    if m is None:
        return None
    a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    readings = []
    for day, month in ((a, b), (b, a)):
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            readings.append(PartialDate(year, month, day))
    readings = list(dict.fromkeys(readings))
    if not readings:
        # no reading is a day: _checked refuses it as an ISO date's is refused, by the
        # reading whose month is one (31/06/2020: June has 30 days), else its first
        # number's month (13/13/2020: no month 13); it returns nothing here
        day, month = (a, b) if 1 <= b <= 12 else (b, a)
        return _checked(text, str(year), str(month), str(day))
    if len(readings) > 1:
        one, two = readings
        raise ValueError(
            f"{text!r} could be {one.human()} or {two.human()}; write {one.iso()} or "
            f"{two.iso()}, or with the month's name ({one.human()})"
        )
    return readings[0]


def parse_user_date(text: str) -> PartialDate:
    """Parse what a user types (``2020``, ``Aug 2020``, ``18 August 2020``, ``2020-08-18``),
    month names in French too (``1er juin 2015``, ``févr. 2016``: ``FRENCH_MONTHS``).

    The precision is what the user gave: ``Aug 2020`` is the whole month. ISO forms take a
    fast path; anything else goes to python-dateutil, parsed twice with different defaults
    so that the parts the user did not give show up as the parts that differ.
    """
    cleaned = text.strip()
    if not cleaned:
        raise ValueError("an empty date")
    short = short_year(cleaned)
    if short is not None:
        raise ShortYearError(text, short)
    if _ISO.match(cleaned):
        return parse_iso(cleaned)
    if len(cleaned) > 64 or not cleaned.isprintable():
        raise _not_a_date(text)
    numeric = _numeric(cleaned)
    if numeric is not None:
        return numeric
    # read as names are (resolve): an accent typed as a mark of its own ("fe" + U+0301 +
    # "vrier", as some keyboards and pasted text give it) split the month in two words,
    # and French typography's superscript "1ᵉʳ juin" was no date
    read = strip_accents(cleaned)
    if not any(_parserinfo().month(w) is not None for w in _WORDS.findall(read)):
        # dateutil reads "12" or "10:30" as today's date or time, and the day of "1er
        # 2020" or "1st 2020" (its suffix skipped) as a month: January 2020. A date that
        # is not one of the forms above names its month in words, or is not a date here.
        raise _not_a_date(text)

    from datetime import datetime

    from dateutil import parser

    try:
        a = parser.parse(read, _parserinfo(), default=datetime(1904, 1, 1))
        b = parser.parse(read, _parserinfo(), default=datetime(1908, 2, 2))
    except (ValueError, OverflowError, parser.ParserError) as exc:
        if "out of range" in str(exc):  # "day is out of range for month"
            raise _no_such_day(text, read) from None
        # the parser's other words ("second must be in 0..59" for "2020s") are about its
        # internals, not the user's text
        raise _not_a_date(text) from None
    year = _YEAR.search(read)
    if year is not None and {a.year, b.year} != {int(year[0])}:
        # dateutil reads a year before 100 as a day ("June 0001": no year) or in this
        # century ("June 0099": 1999), however many digits it is written with
        raise ValueError(
            f"{text!r}: a year before 0100 is read only in ISO form: {year[0]}-MM-DD, "
            f"{year[0]}-MM or {year[0]}"
        )
    if a.year != b.year:
        raise NoYearError(text, f"{cleaned} 2020")
    if year is None:
        # dateutil took a number of one or two digits for the year, in this century: "15
        # June 21" as 2021, and "32 June", a day mistyped, as June 2032. Not guessed.
        raise _short_year(text, a.year)
    if a.hour or a.minute or a.second or a.tzinfo is not None:
        raise ValueError(f"{text!r} has a time of day; give a date only")
    if a.month != b.month:
        return PartialDate(a.year)
    if a.day != b.day:
        return PartialDate(a.year, a.month)
    day = PartialDate(a.year, a.month, a.day)
    _check_weekday(text, read, day, a.weekday())
    return day


def _check_weekday(text: str, read: str, day: PartialDate, real: int) -> None:
    """Refuse a day of the week the date was not: dateutil reads "Tuesday 9 November 2020"
    as the 9th and drops the Tuesday, though the 9th was a Monday (U19). One of the two is
    wrong, and which is not for us to guess, as for 04/02/2022. Named in the language
    typed too: "lundi 9 novembre 2022" hears that the 9th was a Wednesday (mercredi).
    English names are ours, not the locale's (calendar.day_name follows LC_TIME)."""
    for word in _WORDS.findall(read):
        said = _parserinfo().weekday(word)
        if said is None or said == real:
            continue
        french = word.lower() in FRENCH_WEEKDAYS
        days = zip(_ENGLISH_DAYS, FRENCH_WEEKDAYS, strict=True)
        name = [f"{e} ({f})" if french else e for e, f in days]
        raise WeekdayError(
            f"{text!r}: {day.human()} was a {name[real]}, not a {name[said]}; give the "
            f"date alone ({day.iso()}) or with its own day of the week"
        )


_ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
