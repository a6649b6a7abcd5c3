"""ACLED's event dates, in the spellings exports and spreadsheets give them.

ACLED writes ``2022-03-27`` (current API and exports) or ``27 March 2022`` (2019-2022
exports), older files ``01-January-2015``; a file saved again by Excel has ``16-Feb-21``,
``16/02/2021`` or ``16-02-21``. Numeric dates are always day first, as ACLED writes them.
A two-digit year takes its century from the row's ``year`` column when there is one
(ACLED starts in 1997, so without it ``97``-``99`` are 1990s and the rest 2000s).

``time_precision`` (ACLED codebook, "Time precision codes"): 1 means the sources give the
day; 2 means some time during a week or similar period, and ACLED then records the
*middle* of that period; 3 means only the month is known, recorded at its middle (or its
first or last day for "beginning"/"end" of the month). So for precision 2 the recorded day
is a midpoint, not a day the event is known to fall on: we write the seven-day span centred
on it (``date`` = recorded day - 3, ``end`` = recorded day + 3) and tag the event
``acled-week-precision``. Precision 3 becomes a month date (``YYYY-MM``), never a padded day.
"""

from __future__ import annotations

from datetime import date, timedelta

from barkhane_cli.importers.acled.problems import Reject

WEEK_TAG = "acled-week-precision"
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip
_MONTHS = (
    {n: i for i, n in enumerate(_MONTH_NAMES, 1)}
    | {n[:3]: i for i, n in enumerate(_MONTH_NAMES, 1)}
    | {"sept": 9}
)
_NOT_A_DATE = "event_date is not a date (expected 2022-03-27, 27 March 2022 or 16/02/2021)"


def parse_date(text: str, year_hint: str = "") -> date:
    """The day an ACLED ``event_date`` names; Reject when it names none."""
    s = text.strip()
    if len(s) > 10 and s[10] in " T" and s[4:5] == "-":
        s = s[:10]  # "2022-03-27 00:00:00", as pandas writes a datetime column
    iso = len(s) == 10 and s[4] == "-" and s[7] == "-"
    if iso:
        year, month, day = s[:4], s[5:7], s[8:]
    else:
        pieces = s.replace("-", " ").replace("/", " ").replace(".", " ").split()
        if len(pieces) != 3:
            raise Reject(_NOT_A_DATE, repr(text))
        day, month, year = pieces
        if not month.isdecimal():
            month = str(_MONTHS.get(month.lower(), ""))
    if not (s.isascii() and year.isdecimal() and month.isdecimal() and day.isdecimal()):
        raise Reject(_NOT_A_DATE, repr(text))
    if len(year) == 2:
        year = _century(year, year_hint)
    if len(year) != 4:
        raise Reject(_NOT_A_DATE, repr(text))
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        if not iso and int(month) > 12 >= int(day):
            raise Reject(
                "event_date is month first (ACLED writes the day first: 16/02/2021)",
                repr(text),
            ) from None
        raise Reject("event_date is not a real date", repr(text)) from None


def _century(yy: str, year_hint: str) -> str:
    hint = year_hint.strip()
    if len(hint) == 4 and hint.isdecimal() and hint.endswith(yy):
        return hint
    return ("19" if int(yy) >= 97 else "20") + yy


def span(day: date, precision: str) -> tuple[str, str | None]:
    """(``date``, ``end``) of an event recorded on ``day`` at ACLED ``time_precision``."""
    if precision == "1":
        return day.isoformat(), None
    if precision == "2":
        try:
            return (day - timedelta(days=3)).isoformat(), (day + timedelta(days=3)).isoformat()
        except OverflowError:
            raise Reject("event_date is too close to the ends of the calendar", str(day)) from None
    if precision == "3":
        return f"{day.year:04d}-{day.month:02d}", None
    raise Reject("time_precision is not 1, 2 or 3", repr(precision))
