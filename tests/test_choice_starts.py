"""A value that is the start of one choice alone gets it as the "did you mean" (U31):
`cite ID -f csl` listed the formats with no suggestion, where `-f bib` got bibtex,
difflib finding "csl" too short beside "csl-json"."""

from __future__ import annotations

from conftest import Run


def test_the_start_of_one_format_alone_is_suggested(run: Run) -> None:
    result = run("cite", "serval", "-f", "csl")
    assert result.exit_code == 2
    assert result.stderr == (
        "barkhane: unknown format 'csl'; did you mean 'csl-json'? "
        "formats are: text, bibtex, csl-json, ris\n"
    )
    assert result.stdout == ""
