"""Words the shell split off an option's text get a hint to quote them (U11)."""

from __future__ import annotations

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
        (("timeline", "--since", "Aug", "2020"), 'quote several words: --since "Aug 2020"'),
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
        ("timeline", "--since", "2020", "2021"),
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
