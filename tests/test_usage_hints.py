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
        (
            ("map", "--actor", "assimi", "goita"),
            "barkhane: got unexpected extra argument (goita); "
            'quote several words: --actor "assimi goita"\n',
        ),
    ],
)
def test_words_split_off_an_options_text_get_a_hint_to_quote_them(
    run: Run, args: tuple[str, ...], line: str
) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", line)
