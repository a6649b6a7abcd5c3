"""Dates as users type them: French month names (K7), pasted from RFI, Le Monde and the
Sahel's papers, read wherever an English date is."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import Run, as_json

from barkhane_cli.dates import PartialDate, parse_iso, window_in_sentence, window_said


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("9 novembre 2022", "2022-11-09"),
        ("1er juin 2015", "2015-06-01"),  # "1er" is the first, as "1st"
        ("1er février 2016", "2016-02-01"),
        ("févr. 2016", "2016-02"),  # abbreviated, with its dot or without
        ("févr 2016", "2016-02"),
        ("fevrier 2016", "2016-02"),  # accents optional
        ("août 2020", "2020-08"),
        ("aout 2020", "2020-08"),
        ("18 AOÛT 2020", "2020-08-18"),
        ("janv. 2013", "2013-01"),
        ("avr 2012", "2012-04"),
        ("mai 2014", "2014-05"),
        ("juil. 2013", "2013-07"),
        ("sept. 2021", "2021-09"),
        ("31 décembre 2021", "2021-12-31"),
        ("déc. 2021", "2021-12"),
        ("decembre 2021", "2021-12"),
        ("mars 2012", "2012-03"),
        # a day of the week, as a pasted date begins (dateutil reads "Monday 9 November")
        ("lundi 9 novembre 2020", "2020-11-09"),
        ("Dimanche 1er mars 2020", "2020-03-01"),
        # accents as names take them (one helper, text.strip_accents): a mark typed apart
        # split the month in two words; French typography's superscript "1ᵉʳ" was no day
        ("fe\u0301vrier 2016", "2016-02"),
        ("18 aou\u0302t 2020", "2020-08-18"),
        ("1\u1d49\u02b3 juin 2015", "2015-06-01"),
    ],
)
def test_a_french_date_is_read_as_the_day_or_month_it_names(run: Run, typed: str, iso: str) -> None:
    result = run("on", typed, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert as_json(result)["date"] == iso


@pytest.mark.parametrize(
    ("french", "english"),
    [
        (("--since", "1er janvier 2013", "--until", "déc. 2020"),
         ("--since", "1 January 2013", "--until", "December 2020")),
        (("--since", "aout 2020", "--until", "9 novembre 2022"),
         ("--since", "August 2020", "--until", "9 November 2022")),
    ],
)  # fmt: skip
@pytest.mark.parametrize(
    "command",
    [
        ("timeline", "--fields", "id", "-f", "csv"),
        ("search", "a", "--kind", "event", "-f", "csv", "--fields", "id"),
        ("facts", "-f", "csv", "--fields", "id"),
        ("actor", "mali", "-f", "csv", "--fields", "id"),
        ("summary", "-f", "json"),
    ],
)
def test_a_french_date_works_wherever_an_english_one_does(
    run: Run, command: tuple[str, ...], french: tuple[str, ...], english: tuple[str, ...]
) -> None:
    expected = run(*command, *english)
    assert expected.exit_code == 0 and expected.stdout.count("\n") > 1, expected.stderr
    result = run(*command, *french)
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected.stdout, "")


@pytest.mark.parametrize(
    ("split", "quoted"),
    [
        (("on", "9", "novembre", "2022", "-f", "json"), ("on", "9 novembre 2022", "-f", "json")),
        (
            ("timeline", "--since", "1er", "juin", "2015", "--until", "févr.", "2016"),
            ("timeline", "--since", "1er juin 2015", "--until", "févr. 2016"),
        ),
    ],
)
def test_a_french_date_given_as_several_words_reads_as_one(
    run: Run, split: tuple[str, ...], quoted: tuple[str, ...]
) -> None:
    expected, result = run(*quoted), run(*split)
    assert expected.exit_code == 0 and expected.stdout, expected.stderr
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected.stdout, "")


def test_the_forms_a_date_takes_name_a_french_one(run: Run) -> None:
    result = run("timeline", "--since", "le 9 novembre")
    assert (result.exit_code, result.stderr) == (
        2,
        "barkhane: --since: 'le 9 novembre' is not a date; use a form like 2020, 2020-08, "
        "Aug 2020, 18 August 2020 or 18 août 2020\n",
    )


@pytest.mark.parametrize("typed", ["1er 2020", "1st 2020", "2020 1er"])
def test_a_day_with_no_month_is_not_read_as_january(run: Run, typed: str) -> None:
    # dateutil skips the suffix and reads the day as the month: "1er 2020" was January
    result = run("on", typed, "-f", "json")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"barkhane: DATE: {typed!r} is not a date; use a form like 2020, 2020-08, "
        "Aug 2020, 18 August 2020 or 18 août 2020\n",
    )


def test_a_lone_day_is_not_given_a_year_that_would_make_it_january(run: Run) -> None:
    # `on 1er` advised `on "1er 2020"`, which read as January 2020
    result = run("on", "1er")
    assert (result.exit_code, result.stderr) == (
        2,
        "barkhane: DATE: '1er' is not a date; use a form like 2020, 2020-08, Aug 2020, "
        "18 August 2020 or 18 août 2020\n",
    )


@pytest.mark.parametrize("typed", ["June 0001", "1 juin 0099"])
def test_a_year_before_100_in_words_is_refused_not_misread(run: Run, typed: str) -> None:
    # dateutil read "0001" as a day ('has no year; give one, e.g. on "June 0001 2020"')
    # and "0099" as 1999
    year = typed[-4:]
    result = run("on", typed, "-f", "json")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"barkhane: DATE: {typed!r}: a year before 0100 is read only in ISO form: "
        f"{year}-MM-DD, {year}-MM or {year}\n",
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("on", "Tuesday 9 November 2020"),
            "DATE: 'Tuesday 9 November 2020': 9 November 2020 was a Monday, not a Tuesday",
        ),
        (
            ("on", "lundi 9 novembre 2022"),
            "DATE: 'lundi 9 novembre 2022': 9 November 2022 was a Wednesday (mercredi), "
            "not a Monday (lundi)",
        ),
        # unquoted, the words are joined as one date and get the same line
        (
            ("on", "lundi", "9", "novembre", "2022"),
            "DATE: 'lundi 9 novembre 2022': 9 November 2022 was a Wednesday (mercredi), "
            "not a Monday (lundi)",
        ),
        (
            ("timeline", "--since", "Sun, 1 Jun 2015", "--count"),
            "--since: 'Sun, 1 Jun 2015': 1 June 2015 was a Monday, not a Sunday",
        ),
    ],
)
def test_a_day_of_the_week_the_date_was_not_is_refused(
    run: Run, args: tuple[str, ...], said: str
) -> None:
    """U19: "Tuesday 9 November 2020" was read as the 9th, a Monday, and the Tuesday
    dropped unsaid; one of the two is wrong, and which is not guessed."""
    result = run(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    iso = "2015-06-01" if "2015" in said else "2020-11-09" if "2020" in said else "2022-11-09"
    assert result.stderr == (
        f"barkhane: {said}; give the date alone ({iso}) or with its own day of the week\n"
    )
    right = run("on", "lundi 9 novembre 2020", "-f", "json")  # the day it was: read
    assert as_json(right)["date"] == "2020-11-09"


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        # year first, as ISO with slashes or dots: one reading only (K37)
        ("2015/06/01", "2015-06-01"),
        ("2015/6/1", "2015-06-01"),
        ("2015.06.01", "2015-06-01"),
        ("2015/06", "2015-06"),
        # an ISO date-time is its day: the record has no time of day to read
        ("2015-06-01T00:00", "2015-06-01"),
        ("2015-06-01T23:59:59Z", "2015-06-01"),
        ("2015-06-01 10:30:00.5+02:00", "2015-06-01"),
    ],
)
def test_a_year_first_date_or_a_date_time_is_read_as_its_day_or_month(
    run: Run, typed: str, iso: str
) -> None:
    result = run("on", typed, "-f", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert as_json(result)["date"] == iso


@pytest.mark.parametrize(
    ("typed", "iso"),
    [("2012/04/01", "2012-04-01"), ("2012/03", "2012-03"), ("2012-04-01T18:45", "2012-04-01")],
)
def test_a_year_first_date_or_a_date_time_bounds_a_window_as_its_iso_form(
    run: Run, typed: str, iso: str
) -> None:
    expected = run("timeline", "--since", iso, "--until", iso, "--fields", "id")
    assert expected.exit_code == 0 and expected.stdout.count("\n") == 1, expected.stderr
    result = run("timeline", "--since", typed, "--until", typed, "--fields", "id")
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected.stdout, "")


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("2015/13", "'2015/13' has no month 13"),
        ("2015/02/30", "'2015/02/30' is not a real date: February 2015 has 28 days"),
        ("2015-06-01T25:00", "'2015-06-01T25:00' is not a real time of day (00:00 to 23:59:59)"),
    ],
)
def test_a_year_first_date_or_a_date_time_that_is_none_says_why(
    run: Run, typed: str, said: str
) -> None:
    result = run("timeline", "--since", typed)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"barkhane: --since: {said}\n",
    )


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("31 June 2020", "June 2020 has 30 days"),
        ("June 31, 2020", "June 2020 has 30 days"),
        ("31st June 2020", "June 2020 has 30 days"),
        ("31 juin 2020", "June 2020 has 30 days"),
        ("30 février 2020", "February 2020 has 29 days"),
        ("29 fevrier 2021", "February 2021 has 28 days"),
        ("31 sept. 2022", "September 2022 has 30 days"),
        ("31/06/2020", "June 2020 has 30 days"),
        ("06/31/2020", "June 2020 has 30 days"),
        ("31.06.2020", "June 2020 has 30 days"),
        ("2020-06-31", "June 2020 has 30 days"),
    ],
)
def test_an_impossible_day_is_said_alike_in_every_form_and_place(
    run: Run, typed: str, said: str
) -> None:
    # U32: `--since "31 June 2020"` said "use a form like ...", as if the form were wrong,
    # where `on 2021-02-30` said the month has fewer days: one message, every form, every
    # date option and argument
    message = f"{typed!r} is not a real date: {said}"
    for args, where in (
        (("timeline", "--since", typed), "--since"),
        (("facts", "--until", typed), "--until"),
        (("on", typed), "DATE"),
    ):
        result = run(*args)
        assert (result.exit_code, result.stdout, result.stderr) == (
            2,
            "",
            f"barkhane: {where}: {message}\n",
        ), args


def test_an_impossible_day_typed_unquoted_is_said_as_quoted(run: Run) -> None:
    result = run("on", "31", "juin", "2020")
    assert (result.exit_code, result.stderr) == (
        2,
        "barkhane: DATE: '31 juin 2020' is not a real date: June 2020 has 30 days\n",
    )


@pytest.mark.parametrize(
    ("words", "message"),
    [
        # no year, and no such day in any year: said as a day the month lacks, not "use a
        # form like ..." nor, typed unquoted, "unexpected extra argument (June)"
        (("31", "June"), "'31 June' is not a real date: June has 30 days"),
        (("30", "février"), "'30 février' is not a real date: February has 29 days"),
        # a year of two digits: dateutil read "15 June 21" as 2021 and "32 June", a day
        # mistyped, as June 2032; neither is guessed
        (
            ("15", "June", "21"),
            "'15 June 21': write the year in four digits (2021?); a shorter year is not guessed",
        ),
        (
            ("32", "June"),
            "'32 June': write the year in four digits (2032?); a shorter year is not guessed",
        ),
        (
            ("31", "June", "20"),
            "'31 June 20': write the year in four digits; a shorter year is not guessed",
        ),
    ],
)
def test_a_date_without_its_four_digit_year_is_not_guessed(
    run: Run, words: tuple[str, ...], message: str
) -> None:
    for args, where in (
        (("on", " ".join(words)), "DATE"),
        (("on", *words), "DATE"),  # unquoted: the shell's words joined as one date
        (("timeline", "--since", *words), "--since"),
    ):
        result = run(*args)
        assert (result.exit_code, result.stdout, result.stderr) == (
            2,
            "",
            f"barkhane: {where}: {message}\n",
        ), args


def test_numbers_that_are_no_month_either_way_name_the_month(run: Run) -> None:
    result = run("timeline", "--since", "13/13/2020")
    assert (result.exit_code, result.stderr) == (
        2,
        "barkhane: --since: '13/13/2020' has no month 13\n",
    )


@pytest.mark.parametrize(
    ("first", "last", "said"),
    [
        (dt.date(2021, 1, 1), dt.date(2021, 12, 31), "2021"),
        (dt.date(2021, 1, 1), dt.date(2022, 12, 31), "2021-01-01 to 2022-12-31"),
        (dt.date(2021, 3, 1), None, "since 2021-03-01"),
        (None, dt.date(2021, 6, 30), "until 2021-06-30"),
        (None, None, ""),
        # a date as precise as it was given (map's title): never taken for a whole year
        (parse_iso("2019"), parse_iso("2019"), "2019 to 2019"),
        (parse_iso("2019"), None, "since 2019"),
    ],
)
def test_one_wording_for_a_window_of_dates(
    first: dt.date | PartialDate | None, last: dt.date | PartialDate | None, said: str
) -> None:
    assert window_said(first, last) == said


@pytest.mark.parametrize(
    ("first", "last", "said"),
    [
        (dt.date(2021, 1, 1), dt.date(2021, 12, 31), "in 2021"),
        (dt.date(2021, 3, 1), dt.date(2021, 6, 30), "from 2021-03-01 to 2021-06-30"),
        (dt.date(2021, 3, 1), None, "since 2021-03-01"),
        (None, dt.date(2021, 6, 30), "until 2021-06-30"),
        (None, None, ""),
    ],
)
def test_a_window_in_a_sentence_takes_the_word_before_it(
    first: dt.date | None, last: dt.date | None, said: str
) -> None:
    assert window_in_sentence(first, last) == said
