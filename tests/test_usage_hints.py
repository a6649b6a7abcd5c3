"""Words the shell split off an option's text get a hint to quote them (U11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ("timeline", "--search", "djibo", "mayor"),
            "barkhane: got unexpected extra argument (mayor); "
            'quote several words: --search "djibo mayor"\n',
        ),
        (
            ("timeline", "-s", "djibo", "mayor", "town"),
            "barkhane: got unexpected extra arguments (mayor town); "
            'quote several words: -s "djibo mayor town"\n',
        ),
        (
            ("timeline", "--search=djibo", "mayor"),
            "barkhane: got unexpected extra argument (mayor); "
            'quote several words: --search "djibo mayor"\n',
        ),
        (  # an extra word holding a space, quoted by the user: one word, not two
            ("timeline", "--search", "djibo", "town hall"),
            "barkhane: got unexpected extra argument (town hall); "
            'quote several words: --search "djibo town hall"\n',
        ),
        (  # an empty value given with "=": the words are the value, no leading space
            ("timeline", "--search=", "djibo", "mayor"),
            "barkhane: got unexpected extra arguments (djibo mayor); "
            'quote several words: --search "djibo mayor"\n',
        ),
        (  # a value attached to a short option, as to a long one (--search=djibo)
            ("timeline", "-sdjibo", "mayor"),
            "barkhane: got unexpected extra argument (mayor); "
            'quote several words: -s "djibo mayor"\n',
        ),
        (  # a short option takes the "=" too: Click searched "=djibo"; the review got
            # the hint -s "=djibo mayor"
            ("timeline", "-s=djibo", "mayor"),
            "barkhane: got unexpected extra argument (mayor); "
            'quote several words: -s "djibo mayor" (-s took "=djibo": a short option takes '
            "the = too)\n",
        ),
        (  # short flags clustered before it (-c -s djibo): the bare error was all
            ("timeline", "-cs", "djibo", "mayor"),
            "barkhane: got unexpected extra argument (mayor); "
            'quote several words: -s "djibo mayor"\n',
        ),
        (
            ("timeline", "-csdjibo", "mayor"),
            "barkhane: got unexpected extra argument (mayor); "
            'quote several words: -s "djibo mayor"\n',
        ),
        (  # two split groups: each gets its hint, the kind of hint said once
            ("timeline", "--search", "djibo", "mayor", "--actor", "ansar", "dine"),
            "barkhane: got unexpected extra arguments (mayor dine); "
            'quote several words: --search "djibo mayor"; --actor "ansar dine", '
            "or give one per value: --actor ansar --actor dine\n",
        ),
        (
            ("timeline", "--fields", "id", "date", "-s", "djibo", "mayor"),
            "barkhane: got unexpected extra arguments (date mayor); "
            'separate them with commas: --fields id,date; quote several words: -s "djibo mayor"\n',
        ),
        (
            ("map", "--actor", "assimi", "goita"),
            "barkhane: got unexpected extra argument (goita); "
            'quote several words: --actor "assimi goita", '
            "or give one per value: --actor assimi --actor goita\n",
        ),
    ],
)
def test_words_split_off_an_options_text_get_a_hint_to_quote_them(
    run: Run, args: tuple[str, ...], line: str
) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", line)


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        # the review: quoting these gave a second error
        (("timeline", "--fields", "id", "date"), "separate them with commas: --fields id,date"),
        (("timeline", "--fields", "id, date", "title"), "with commas: --fields id,date,title"),
        (
            ("timeline", "--type", "attack", "battle"),
            "give it once per value: --type attack --type battle",
        ),
        # a command's own words could take them: joining would be a guess (see below)
        (("facts", "--since", "Aug", "2020", "troops"), 'quote the date: --since "Aug 2020"'),
        (("timeline", "--search", "$HOME", "x"), "quote several words: --search '$HOME x'"),
    ],
)
def test_the_hint_gives_words_back_the_way_the_option_reads_them(
    run: Run, args: tuple[str, ...], hint: str
) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.rstrip("\n").endswith(hint), result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("timeline", "-f", "csv", "json"),
        ("timeline", "-fcsv", "json"),
        ("timeline", "--format=csv", "json", "--since", "2020", "2021"),
        ("place", "--year", "2020", "gao", "mali"),  # gao is the NAME: mali is no value's
    ],
)
def test_no_hint_where_no_spelling_of_the_words_would_do(run: Run, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "quote" not in result.stderr and result.stderr.endswith("--help'\n"), result.stderr


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("actor", "ansar", "dine"), 'quote the name: actor "ansar dine"'),
        (("place", "tongo", "tongo", "--since", "2018"), 'quote the name: place "tongo tongo"'),
        (("event", "--", "mali", "expels", "ambassador"),
         'quote the name: event "mali expels ambassador"'),
        (("actor", "jama'at", "nusrat"), "quote the name: actor \"jama'at nusrat\""),
    ],
)  # fmt: skip
def test_a_name_the_shell_split_gets_a_hint_to_quote_it(
    run: Run, args: tuple[str, ...], hint: str
) -> None:
    """`actor ansar dine`, the way a name is first typed, got only "got unexpected extra
    argument (dine); see 'barkhane actor --help'"."""
    result = run(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("barkhane: got unexpected extra argument")
    assert result.stderr.endswith(f"; {hint}\n"), result.stderr


@pytest.mark.parametrize(
    ("split", "quoted"),
    [
        (("on", "1", "June", "2015", "-f", "json"), ("on", "1 June 2015", "-f", "json")),
        (
            ("on", "--window", "2w", "9", "November", "2022"),
            ("on", "9 November 2022", "--window", "2w"),
        ),
        (
            ("timeline", "--since", "1", "June", "2015", "--until", "1", "July", "2015"),
            ("timeline", "--since", "1 June 2015", "--until", "1 July 2015"),
        ),
        (
            ("timeline", "--since=Aug", "2020", "--count"),
            ("timeline", "--since", "Aug 2020", "--count"),
        ),
        # the words after the date are Gao's, the place's NAME
        (
            ("place", "--since", "1", "June", "2015", "gao", "--count"),
            ("place", "gao", "--since", "1 June 2015", "--count"),
        ),
        (
            ("summary", "--since", "Aug", "2020", "--until", "Sep", "2020", "-f", "json"),
            ("summary", "--since", "Aug 2020", "--until", "Sep 2020", "-f", "json"),
        ),
        # the review: partly quoted, the date was counted as three words and joined as two
        (
            ("timeline", "--since", "1", "June 2015", "--count"),
            ("timeline", "--since", "1 June 2015", "--count"),
        ),
        # the review: `--` before the date stopped the joining (after it, it worked)
        (("on", "--", "1", "June", "2015"), ("on", "1 June 2015")),
        (("on", "-f", "json", "--", "1", "June", "2015"), ("on", "-f", "json", "1 June 2015")),
    ],
)
def test_a_date_given_as_several_words_reads_as_one(
    run: Run, bundled: None, split: tuple[str, ...], quoted: tuple[str, ...]
) -> None:
    """U14: `on 1 June 2015` was "Got unexpected extra arguments (June 2015)"."""
    result, expected = run(*split), run(*quoted)
    assert expected.exit_code == 0 and expected.stdout, expected.stderr
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected.stdout, "")


@pytest.mark.parametrize(
    ("split", "quoted"),
    [
        (("on", "31", "June", "2015"), ("on", "31 June 2015")),
        # a month's name in a language barkhane does not read (Dutch)
        (("on", "1", "juni", "2015"), ("on", "1 juni 2015")),
        (("on", "--", "1", "juni", "2015"), ("on", "1 juni 2015")),
        (("timeline", "--since", "31", "June", "2015"), ("timeline", "--since", "31 June 2015")),
        (("timeline", "--until=Jnue", "2015"), ("timeline", "--until", "Jnue 2015")),
    ],
)
def test_a_split_date_that_is_no_date_gets_the_error_its_quoted_form_gets(
    run: Run, split: tuple[str, ...], quoted: tuple[str, ...]
) -> None:
    """The review: split, these got Click's bare "unexpected extra arguments (June 2015)"."""
    result, expected = run(*split), run(*quoted)
    assert expected.exit_code == 2 and " is not a " in expected.stderr, expected.stderr
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", expected.stderr)


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("on", "1", "June"), "DATE: '1 June' has no year; give one, e.g. on \"1 June 2020\""),
        (("on", "1 June"), "DATE: '1 June' has no year; give one, e.g. on \"1 June 2020\""),
        (
            ("on", "--", "1", "juin"),
            "DATE: '1 juin' has no year; give one, e.g. on \"1 juin 2020\"",
        ),
        (
            ("timeline", "--since", "1", "June"),
            "--since: '1 June' has no year; give one, e.g. --since \"1 June 2020\"",
        ),
        (
            ("timeline", "--since", "1 June"),
            "--since: '1 June' has no year; give one, e.g. --since \"1 June 2020\"",
        ),
        (
            ("summary", "--until=1er", "juin", "-f", "json"),
            "--until: '1er juin' has no year; give one, e.g. --until \"1er juin 2020\"",
        ),
        (  # gao is the place's NAME, as with a date that has its year
            ("place", "--until", "1", "June", "gao"),
            "--until: '1 June' has no year; give one, e.g. --until \"1 June 2020\"",
        ),
        (  # a word after it: Click's words left over are said, and what the date lacks
            ("map", "--until", "June", "1", "x"),
            "got unexpected extra arguments (1 x); 'June 1' has no year; give one, e.g. "
            '--until "June 1 2020"',
        ),
        (  # facts took "June" as a word to find: nothing is guessed, the date's lack is said
            ("facts", "--since", "1", "June"),
            "--since: '1' is not a date; use a form like 2020, 2020-08, Aug 2020, 18 August "
            "2020 or 18 août 2020; '1 June' has no year; give one, e.g. --since \"1 June 2020\"",
        ),
        (
            ("chart", "--since", "1", "June"),
            "unknown chart 'June'; charts are: events, fatalities, troops, displacement; "
            "'1 June' has no year; give one, e.g. --since \"1 June 2020\"",
        ),
    ],
)
def test_a_date_with_no_year_says_so_quoted_or_split(
    run: Run, args: tuple[str, ...], line: str
) -> None:
    """`on 1 June` said "got unexpected extra argument (June)": the date's words are
    read as one, and the error says it lacks a year, with an example as it is typed."""
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"barkhane: {line}\n")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (  # more words than the date: the date is said, the rest left as they were
            ("on", "1", "June", "2015", "x"),
            'barkhane: got unexpected extra arguments (June 2015 x); quote the date: on "1 June 2015"\n',
        ),
        (
            ("timeline", "--since", "1", "June", "2015", "x"),
            "barkhane: got unexpected extra arguments (June 2015 x); "
            'quote the date: --since "1 June 2015"\n',
        ),
        (  # facts takes words: "2015 troops" are its words, so the date is not guessed
            ("facts", "--since", "June", "2015", "troops"),
            "barkhane: --since: 'June' has no year; give one, e.g. --since \"June 2020\"; "
            'quote the date: --since "June 2015"\n',
        ),
        (  # chart's optional WHAT took 2020
            ("chart", "--since", "Aug", "2020"),
            "barkhane: unknown chart '2020'; charts are: events, fatalities, troops, "
            'displacement; quote the date: --since "Aug 2020"\n',
        ),
        (  # the review: WHAT took 2015, and only --until was hinted; every split date is
            ("chart", "--since", "June", "2015", "--until", "Aug", "2016"),
            "barkhane: got unexpected extra argument (2016); "
            'quote the date: --since "June 2015"; --until "Aug 2016"\n',
        ),
        (
            ("on", "--", "1", "June", "2015", "x"),
            "barkhane: got unexpected extra arguments (June 2015 x); "
            'quote the date: on "1 June 2015"\n',
        ),
        (
            ("search", "--until=1", "June", "2015", "gao"),
            "barkhane: --until: '1' is not a date; use a form like 2020, 2020-08, Aug 2020, "
            '18 August 2020 or 18 août 2020; quote the date: --until "1 June 2015"\n',
        ),
    ],
)
def test_a_date_split_where_joining_would_guess_gets_the_hint(
    run: Run, bundled: None, args: tuple[str, ...], line: str
) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", line)


@pytest.mark.parametrize(
    ("args", "code", "line"),
    [
        (  # the review: chart's WHAT took "dine", and the error said nothing of --actor
            ("chart", "--actor", "ansar", "dine"),
            2,
            "barkhane: unknown chart 'dine'; charts are: events, fatalities, troops, "
            'displacement; "dine" was read as WHAT; if it belongs to --actor ansar, quote '
            'several words: --actor "ansar dine", or give one per value: --actor ansar '
            "--actor dine\n",
        ),
        (  # K35: the same word again is the slip, said first in place of "unknown chart"
            ("chart", "--actor", "jnim", "jnim"),
            2,
            "barkhane: jnim is given twice (--actor jnim and as WHAT); charts are: events, "
            "fatalities, troops, displacement\n",
        ),
        (
            ("actor", "--type", "politics", "ambush"),
            3,
            "barkhane: no actor matches 'ambush'; barkhane actors lists them all; "
            '"ambush" was read as NAME; if it belongs to --type politics, give it once per '
            "value: --type politics --type ambush\n",
        ),
    ],
)
def test_a_word_split_off_an_option_that_a_positional_took_gets_the_hint(
    run: Run, args: tuple[str, ...], code: int, line: str
) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", line)


def test_a_search_emptied_by_a_split_word_says_where_it_went(run: Run) -> None:
    """`facts --actor wagner group` searched the facts for "group", silently: nothing
    printed, exit 0. It still exits 0, with one line saying what happened."""
    assert run("facts", "--actor", "wagner", "-f", "csv", "--fields", "id").stdout.split() == [
        "id",
        "wagner-size",
    ]
    result = run("facts", "--actor", "wagner", "group")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "",
        'barkhane: "group" was read as WORDS; if it belongs to --actor wagner, quote several '
        'words: --actor "wagner group", or give one per value: --actor wagner --actor group\n',
    )
    # search's WORDS: --kind takes one kind each time
    result = run("search", "ouagadougou", "--kind", "event", "actor")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == (
        'barkhane: "actor" was read as WORDS; if it belongs to --kind event, give it once per '
        "value: --kind event --kind actor"
    )


def test_a_search_emptied_by_the_value_typed_again_says_so_first(run: Run) -> None:
    """K35: the word a positional took repeats the option's value: the slip, in one
    sentence (it was '"event" was read as WORDS; if it belongs to --kind event, event is
    given twice: --kind event once is enough')."""
    result = run("search", "zzqq", "--kind", "event", "event")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "",
        "nothing matches 'zzqq event'\n"
        "barkhane: event is given twice (--kind event and as WORDS)\n",
    )


ACT = """\
[[events]]
id = "press-act-2021"
date = "2021-05-04"
title = "Timbuktu act on the press"
summary = "A regional act."
type = "politics"
places = ["timbuktu"]
sources = [{ id = "ref-a" }]
"""


def test_a_search_emptied_by_a_split_word_offers_no_did_you_mean_from_it(
    run: Run, tmp_path: Path
) -> None:
    """`search djibo --kind event actor` said "did you mean djibo act?" (a word near the
    misread "actor") before the line saying "actor" was read as WORDS."""
    data = tmp_path / "act.toml"
    data.write_text(ACT, encoding="utf-8")
    # typed as words to find (options first), they get it
    typed = run("search", "--data", str(data), "--kind", "event", "timbuktu", "actor")
    assert typed.stderr == "nothing matches 'timbuktu actor'; did you mean timbuktu act?\n"
    result = run("search", "--data", str(data), "timbuktu", "--kind", "event", "actor")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "",
        "nothing matches 'timbuktu actor'\n"
        'barkhane: "actor" was read as WORDS; if it belongs to --kind event, give it once per '
        "value: --kind event --kind actor\n",
    )


@pytest.mark.parametrize(
    "args",
    [
        # found something: the words may well be the search's
        ("facts", "--actor", "wagner", "personnel"),
        # the error is not about the word (troops is a chart)
        ("chart", "--actor", "wagner", "troops", "--by", "month"),
        # the error offers a near name for it: a typo, not a split value
        ("chart", "--actor", "wagner", "troop"),
        # the word after -- is a positional's, said so
        ("facts", "--actor", "wagner", "--", "group"),
        # options first, then the words searched for, which are no kind: a search that
        # finds nothing was told they belonged to --kind ("--kind event --kind zzqq")
        ("search", "--kind", "event", "zzqq"),
        ("search", "-k", "event", "qqzz", "zzqq"),
    ],
)
def test_no_split_word_hint_where_the_word_went_where_meant(
    run: Run, args: tuple[str, ...]
) -> None:
    result = run(*args)
    assert " read as " not in result.stderr, result.stderr  # was, or were for two words


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (  # U27: meant --force france
            ("chart", "troops", "france"),
            "barkhane: got unexpected extra argument (france); did you mean --force france?\n",
        ),
        (  # chart troops takes --force alone: not --actor wagner, which it would refuse
            ("chart", "troops", "wagner"),
            "barkhane: got unexpected extra argument (wagner); did you mean --force wagner?\n",
        ),
        (  # displacement takes --country, not --force or --actor (the fixture has no
            # country: a town is none)
            ("chart", "displacement", "timbuktu"),
            "barkhane: got unexpected extra argument (timbuktu); see 'barkhane chart --help'\n",
        ),
        (  # a command of no argument: the likeliest two options, a name's first
            ("timeline", "timbuktu"),
            "barkhane: got unexpected extra argument (timbuktu); did you mean --place timbuktu?\n",
        ),
        (  # an option given already is not offered again
            ("chart", "troops", "--force", "serval", "france"),
            "barkhane: got unexpected extra argument (france); see 'barkhane chart --help'\n",
        ),
        (  # a word no option takes keeps the pointer to --help
            ("chart", "troops", "zzz"),
            "barkhane: got unexpected extra argument (zzz); see 'barkhane chart --help'\n",
        ),
        (  # U28: a bare year where --year was meant
            ("timeline", "2020"),
            "barkhane: got unexpected extra argument (2020); did you mean --year 2020?\n",
        ),
        (
            ("summary", "2015"),
            "barkhane: got unexpected extra argument (2015); did you mean --year 2015?\n",
        ),
        (
            ("map", "2013"),
            "barkhane: got unexpected extra argument (2013); did you mean --year 2013?\n",
        ),
        (  # a month is a window of its own: --since alone would run to the record's end
            ("timeline", "2020-08"),
            "barkhane: got unexpected extra argument (2020-08); "
            "did you mean --since 2020-08 --until 2020-08?\n",
        ),
        (
            ("timeline", "Aug", "2020"),
            "barkhane: got unexpected extra arguments (Aug 2020); "
            'did you mean --since "Aug 2020" --until "Aug 2020"?\n',
        ),
        (  # one end of the window given: the other
            ("timeline", "--since", "2020", "2021"),
            "barkhane: got unexpected extra argument (2021); did you mean --until 2021?\n",
        ),
        (  # a second year: no one option takes it
            ("timeline", "--year", "2019", "2020"),
            "barkhane: got unexpected extra argument (2020); see 'barkhane timeline --help'\n",
        ),
        (  # a number is no date unless a year
            ("timeline", "12"),
            "barkhane: got unexpected extra argument (12); see 'barkhane timeline --help'\n",
        ),
    ],
)
def test_a_bare_word_an_option_takes_gets_did_you_mean(
    run: Run, args: tuple[str, ...], line: str
) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == line


@pytest.mark.usefixtures("bundled")
@pytest.mark.parametrize(
    ("args", "hint"),
    [
        # U27's kind of slip on the record as it ships: displacement narrows by --country
        (("chart", "displacement", "mali"), "did you mean --country mali?"),
        (("chart", "displacement", "burkina"), "did you mean --country burkina?"),
        (("timeline", "burkina"), "did you mean --country burkina or --actor burkina?"),
    ],
)
def test_a_bare_name_the_option_resolves_gets_did_you_mean(
    run: Run, args: tuple[str, ...], hint: str
) -> None:
    """U28: `chart displacement burkina` got no hint though `--country burkina` works (an
    alias of Burkina Faso): a name's option is offered a word one entry alone completes
    to, as its resolver takes it; of options that fit alike, the one of fewest entries."""
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == f"barkhane: got unexpected extra argument ({args[-1]}); {hint}\n"


@pytest.mark.usefixtures("bundled")
@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("timeline", "--country", "mali", "mali"), "mali is given twice: --country mali once is enough"),
        (("map", "--tag", "hostages", "hostages"), "hostages is given twice: --tag hostages once is enough"),
        (("timeline", "--not-tag", "seed", "seed", "seed"), "seed is given 3 times: --not-tag seed once is enough"),
        (("timeline", "--actor", "jnim", "jnim"), "jnim is given twice: --actor jnim once is enough"),
        # a name that says a word twice is one name: quoted, not one per value
        (("timeline", "--place", "tongo", "tongo"), 'quote several words: --place "tongo tongo"'),
        # search words are words: repeating one is no repeated value
        (("timeline", "--search", "mali", "mali"), 'quote several words: --search "mali mali"'),
    ],
)  # fmt: skip
def test_a_value_typed_twice_is_said_to_be(run: Run, args: tuple[str, ...], hint: str) -> None:
    """U28: `timeline --country mali mali` was told to quote "mali mali" (no country) or
    give --country mali twice (the same filter), `map --tag hostages hostages` to give
    --tag hostages twice: the stray word repeats the value, and the hint says so."""
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.rstrip("\n").endswith(f"; {hint}"), result.stderr


@pytest.mark.usefixtures("bundled")
@pytest.mark.parametrize(
    ("args", "line"),
    [
        # K35, new users: several bare words, each run of them a date or a value one
        # option takes, read together
        (
            ("timeline", "mali", "2020"),
            "barkhane: got unexpected extra arguments (mali 2020); "
            "did you mean --country mali --year 2020?\n",
        ),
        (
            ("timeline", "gao", "2019"),
            "barkhane: got unexpected extra arguments (gao 2019); "
            "did you mean --place gao --year 2019?\n",
        ),
        (
            ("map", "mali", "2020"),
            "barkhane: got unexpected extra arguments (mali 2020); "
            "did you mean --country mali --year 2020?\n",
        ),
        (  # a name in two words is one run, quoted
            ("timeline", "ansar", "dine"),
            'barkhane: got unexpected extra arguments (ansar dine); did you mean --actor "ansar '
            'dine"?\n',
        ),
        (  # two runs, not three: faso alone completes to Burkina Faso too
            ("timeline", "burkina", "faso", "2015"),
            "barkhane: got unexpected extra arguments (burkina faso 2015); "
            'did you mean --country "burkina faso" --year 2015?\n',
        ),
        (  # a date in two words is one run too
            ("timeline", "June", "2015", "mali"),
            "barkhane: got unexpected extra arguments (June 2015 mali); "
            'did you mean --since "June 2015" --until "June 2015" --country mali?\n',
        ),
        (  # a repeatable option takes two runs
            ("timeline", "mali", "niger"),
            "barkhane: got unexpected extra arguments (mali niger); "
            "did you mean --country mali --country niger?\n",
        ),
        (  # a word no option takes: no reading, the pointer to --help
            ("timeline", "mali", "zzqq"),
            "barkhane: got unexpected extra arguments (mali zzqq); "
            "see 'barkhane timeline --help'\n",
        ),
        (  # a second date has no one option (--year twice? a window?)
            ("timeline", "2015", "2016"),
            "barkhane: got unexpected extra arguments (2015 2016); "
            "see 'barkhane timeline --help'\n",
        ),
    ],
)
def test_several_bare_words_get_the_options_they_meant(
    run: Run, args: tuple[str, ...], line: str
) -> None:
    """A new user's `timeline mali 2020` got only "unexpected extra arguments (mali
    2020)": one bare word had a hint, two had none."""
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", line)


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ("on", "2015", "2016"),
            "barkhane: got unexpected extra argument (2016); on takes one day; for a period, "
            "barkhane timeline --since 2015 --until 2016\n",
        ),
        (
            ("on", "2015-01-01", "2015-06-30"),
            "barkhane: got unexpected extra argument (2015-06-30); on takes one day; for a "
            "period, barkhane timeline --since 2015-01-01 --until 2015-06-30\n",
        ),
        (  # the earlier date starts the period, however typed
            ("on", "2016", "2015"),
            "barkhane: got unexpected extra argument (2015); on takes one day; for a period, "
            "barkhane timeline --since 2015 --until 2016\n",
        ),
        (  # each date in words
            ("on", "1", "June", "2015", "30", "June", "2015"),
            "barkhane: got unexpected extra arguments (June 2015 30 June 2015); on takes one "
            'day; for a period, barkhane timeline --since "1 June 2015" --until "30 June '
            '2015"\n',
        ),
        (  # no second date: no period
            ("on", "2015", "zzqq"),
            "barkhane: got unexpected extra argument (zzqq); see 'barkhane on --help'\n",
        ),
    ],
)
def test_on_given_two_dates_points_to_the_period_command(
    run: Run, args: tuple[str, ...], line: str
) -> None:
    """A new user's `on 2015 2016` got "unexpected extra argument (2016)"; one day in
    several words (`on 1 June 2015`) is still one day (test above)."""
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", line)
