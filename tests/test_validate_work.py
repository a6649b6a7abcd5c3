"""validate's work grows with the data, not with the data times its problems (K59).

A data file that does not parse leaves every reference to its entries unknown, and each
was compared with every known id for a "did you mean": validate over the record with
data/sources/2021.toml broken spent 23 minutes of CPU on 1,899 suggestions before
printing anything. Each problem's line was then found by scanning its file's entries.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import pytest
from conftest import Run
from hypothesis import given, settings
from hypothesis import strategies as st

from barkhane_cli.store import locate
from barkhane_cli.validate import Problem, suggest

KEPT, LOST = 30, 90


def _source(ident: str, title: str = "Title") -> str:
    return (
        f'[[sources]]\nid = "{ident}"\ntitle = "{title}"\npublisher = "P"\n'
        f'kind = "reference"\ndate = "2020"\nurl = "https://example.org/{ident}"\n\n'
    )


def _event(i: int) -> str:
    return (
        f'[[events]]\nid = "e-{i:03d}"\ndate = "2020-01-{1 + i % 28:02d}"\ntitle = "E"\n'
        f'summary = "S"\ntype = "politics"\nsources = [{{ id = "src-{i:03d}-gone" }}]\n\n'
    )


def _counting_ratio(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    ratio = difflib.SequenceMatcher.ratio

    def counted(self: difflib.SequenceMatcher[Any]) -> float:
        calls[0] += 1
        return ratio(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", counted)
    return calls


def test_a_broken_file_cited_everywhere_costs_a_bounded_number_of_comparisons(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "kept.toml").write_text(
        "".join(_source(f"src-{i:03d}-kept") for i in range(KEPT)), encoding="utf-8"
    )
    # a bare quote inside a basic string, as in the report: the whole file is lost
    broken = [_source(f"src-{i:03d}-gone") for i in range(LOST)]
    broken[LOST // 2] = _source(f"src-{LOST // 2:03d}-gone", 'has no "about"; really')
    text = "".join(broken)
    (folder / "lost.toml").write_text(text, encoding="utf-8")
    (folder / "events.toml").write_text("".join(_event(i) for i in range(LOST)), encoding="utf-8")
    line = text.splitlines().index('title = "has no "about"; really"') + 1
    monkeypatch.setattr(suggest, "BUDGET", 2_000)
    ratios = _counting_ratio(monkeypatch)

    result = run("validate", str(folder), "--alone")
    spent = ratios[0]  # before the test's own get_close_matches below

    assert result.exit_code == 4
    lines = result.stdout.splitlines()
    assert (
        f"{folder / 'lost.toml'}:{line}: is not valid TOML: Expected newline or end of "
        f"document after a statement (at line {line}, column 18)"
    ) in lines
    unknown = [x for x in lines if " sources: unknown source 'src-" in x]
    assert len(unknown) == LOST  # every reference is still listed, with its line
    assert all(x.startswith(f"{folder / 'events.toml'}:") for x in unknown)
    # the budget is spent on the first ids, each the suggestion difflib gives; the rest
    # are listed without one, and the full ratios computed stay within the budget
    known = [f"src-{i:03d}-kept" for i in range(KEPT)]
    hinted = [x for x in unknown if "; did you mean" in x]
    assert 0 < len(hinted) < LOST
    for x in hinted:
        target = x.split("unknown source '")[1].split("'")[0]
        assert x.endswith(f"; did you mean {difflib.get_close_matches(target, known, n=1)[0]!r}?")
    assert all(x.endswith("-gone'") for x in unknown if x not in hinted)
    assert spent <= 2_000 // suggest.RATIO_WORK


KNOWN = {f"src-{i:03d}-kept": None for i in range(50)}


def test_an_unknown_id_cited_many_times_is_looked_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    ratios = _counting_ratio(monkeypatch)
    found = suggest.Suggestions()
    assert found.hint("src-007-gone", KNOWN) == "; did you mean 'src-007-kept'?"
    once, left = ratios[0], found.left
    assert {found.hint("src-007-gone", KNOWN) for _ in range(99)} == {
        "; did you mean 'src-007-kept'?"
    }
    assert (ratios[0], found.left) == (once, left)
    assert found.hint("nothing-like-it-at-all", {}) == ""


def test_no_suggestion_once_the_budget_is_spent() -> None:
    one = suggest._closest("src-000-gone", suggest.profiles(KNOWN), None)[1]
    found = suggest.Suggestions(budget=one + len(KNOWN) + suggest.RATIO_WORK - 1)
    said = [found.hint(f"src-{i:03d}-gone", KNOWN) for i in range(3)]
    # the second lookup runs out before it is sure of its answer: none, and none after
    assert said == ["; did you mean 'src-000-kept'?", "", ""]
    assert found.left == 0


@settings(max_examples=300, deadline=None)
@given(
    word=st.text("ab-1", max_size=8),
    known=st.lists(st.text("ab-1", max_size=8), max_size=25),
)
def test_closest_is_difflibs_closest_ties_included(word: str, known: list[str]) -> None:
    expected = difflib.get_close_matches(word, known, n=1)
    assert suggest._closest(word, suggest.profiles(known), None)[0] == (
        expected[0] if expected else None
    )


def test_each_problem_is_placed_without_scanning_its_file_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "many.toml"
    path.write_text("".join(_event(i) for i in range(200)), encoding="utf-8")
    file = str(path)
    walked = [0]
    entries = locate._entries

    class Counted(list[Any]):
        def __iter__(self) -> Any:
            for entry in super().__iter__():
                walked[0] += 1
                yield entry

    monkeypatch.setattr(locate, "_entries", lambda text: Counted(entries(text)))
    problems = [
        Problem(file, "events", f"e-{i:03d}", "sources", "unknown source") for i in range(200)
    ]
    problems += [
        Problem(file, "events", None, None, "the table's first entry"),
        Problem(file, "facts", "e-005", None, "an id of another table"),
        Problem(file, "events", "e-007", "colour", "a field the entry does not have"),
        Problem(file, "events", "nope", "sources", "no such entry"),
        Problem(file, "", None, None, "the whole file"),
    ]
    placed = locate.with_lines(problems)
    # each event is 8 lines, its sources the 7th
    assert [p.line for p in placed] == [8 * i + 7 for i in range(200)] + [1, 41, 57, None, None]
    assert walked[0] <= 200  # the file's entries, once
