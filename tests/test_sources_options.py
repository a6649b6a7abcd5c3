"""sources counts, sorts, limits and filters as the other lists do (K78): --count, --sort,
--limit through K73's declarations, and --kind, --publisher, --since/--until/--year; every
format, the bibliographies (bibtex, csl-json, ris) too, lists what they keep."""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from conftest import Run, checked_record, column, command_at, rows, terminal

from barkhane_cli import model as m

# Six sources beside the fixture's two, cited by 3, 2, 2, 1, 1 and no event: counts that
# differ and a tie (k78-pressafrik and k78-rfi-a, 2 each) to show what a tie keeps; two
# publishers with an accent and a republisher's "(RFI)"; one undated.
_SOURCE = """[[sources]]
id = "{id}"
title = "{title}"
publisher = "{publisher}"
kind = "{kind}"
{date}
"""
_WHO = [
    ("k78-ocha", "Zinder displacement", "OCHA", "report", "2019-12-31"),
    ("k78-rfi-a", "Attaque à Djibo", "RFI", "news", "2019-03-01"),
    ("k78-pressafrik", "Attaque à Djibo (repris)", "PressAfrik (RFI)", "news", "2019-05"),
    ("k78-republicain", "Éditorial", "Le Républicain", "article", None),
    ("k78-echo", "Bilan annuel", "Écho des Savanes", "report", "2020"),
    ("k78-rfi-b", "Ancien reportage", "RFI", "news", "2018"),
]
_CITES = {"k78-ocha": 3, "k78-rfi-a": 2, "k78-pressafrik": 2, "k78-republicain": 1,
          "k78-echo": 1, "k78-rfi-b": 0}  # fmt: skip
_DATA = "\n".join(
    _SOURCE.format(id=i, title=t, publisher=p, kind=k, date=f'date = "{d}"' if d else "")
    for i, t, p, k, d in _WHO
) + "".join(
    f"""
[[events]]
id = "k78-{sid}-{n}"
date = "2019-06-{n + 10}"
title = "Cited {sid} {n}"
summary = "A test."
type = "attack"
attribution = "unknown"
actors = []
places = ["ouagadougou"]
sources = [{{ id = "{sid}" }}]
"""
    for sid, times in _CITES.items()
    for n in range(times)
)
MINE = [i for i, *_ in _WHO]


@pytest.fixture
def biblio(tmp_path: Path) -> str:
    path = tmp_path / "k78.toml"
    path.write_text(_DATA, encoding="utf-8")
    return str(path)


def _ids(run: Run, *args: str) -> list[str]:
    """The ids listed, this file's alone (the fixture's seed and ref-a lie among them)."""
    result = run("sources", *args, "-f", "plain")
    assert result.exit_code == 0, result.output
    return [i for i in column(result, 0) if i in MINE]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        # most cited first, a tie in id order, as the list always was
        (None, ["k78-ocha", "k78-pressafrik", "k78-rfi-a", "k78-echo", "k78-republicain",
                "k78-rfi-b"]),
        ("-cited", ["k78-ocha", "k78-pressafrik", "k78-rfi-a", "k78-echo", "k78-republicain",
                    "k78-rfi-b"]),
        ("cited", ["k78-rfi-b", "k78-echo", "k78-republicain", "k78-pressafrik", "k78-rfi-a",
                   "k78-ocha"]),
        # the undated last either way
        ("date", ["k78-rfi-b", "k78-rfi-a", "k78-pressafrik", "k78-ocha", "k78-echo",
                  "k78-republicain"]),
        ("-date", ["k78-echo", "k78-ocha", "k78-pressafrik", "k78-rfi-a", "k78-rfi-b",
                   "k78-republicain"]),
        # as names are matched: Écho among the e's, Le Républicain among the l's
        ("publisher", ["k78-echo", "k78-republicain", "k78-ocha", "k78-pressafrik", "k78-rfi-a",
                       "k78-rfi-b"]),
        ("title", ["k78-rfi-b", "k78-rfi-a", "k78-pressafrik", "k78-echo", "k78-republicain",
                   "k78-ocha"]),
        ("id", sorted(MINE)),
        ("-ID", sorted(MINE, reverse=True)),  # any case, as every --sort
    ],
)  # fmt: skip
def test_sources_sort_orders_and_a_tie_keeps_id_order(
    run: Run, biblio: str, order: str | None, expected: list[str]
) -> None:
    sort = ["--sort", order] if order else []
    assert _ids(run, *sort, "--data", biblio) == expected


def test_sources_filters_kind_publisher_and_window(run: Run, biblio: str) -> None:
    data = ("--data", biblio)
    assert _ids(run, "--kind", "report", *data) == ["k78-ocha", "k78-echo"]
    # the publisher named whole, not a republisher's "(RFI)"; its words when none is
    assert _ids(run, "--publisher", "rfi", *data) == ["k78-rfi-a", "k78-rfi-b"]
    assert _ids(run, "--publisher", "pressafrik", *data) == ["k78-pressafrik"]
    # accents and case aside, as every name
    assert _ids(run, "--publisher", "LE REPUBLICAIN", *data) == ["k78-republicain"]
    assert _ids(run, "--publisher", "echo des savanes", *data) == ["k78-echo"]
    # published in the window; the undated never
    assert _ids(run, "--year", "2019", *data) == ["k78-ocha", "k78-pressafrik", "k78-rfi-a"]
    assert _ids(run, "--since", "2019-04", *data) == ["k78-ocha", "k78-pressafrik", "k78-echo"]
    assert _ids(run, "--until", "March 2019", *data) == ["k78-rfi-a", "k78-rfi-b"]
    both = _ids(run, "--publisher", "rfi", "--year", "2019", "--kind", "news", *data)
    assert both == ["k78-rfi-a"]


def test_sources_limit_and_count_follow_the_filters(run: Run, biblio: str) -> None:
    data = ("--data", biblio)
    assert run("sources", "--publisher", "rfi", "--count", *data).stdout == "2\n"
    assert run("sources", "--kind", "news", "-c", *data).stdout == "3\n"
    assert run("sources", "--kind", "news", "-c", "-n", "1", *data).stdout == "1\n"
    assert run("sources", "--year", "2019", "-c", "-f", "json", *data).stdout == (
        '{"sources": 3}\n'
    )
    assert run("sources", "--year", "2019", "-c", "-f", "csv", *data).stdout == "sources\n3\n"
    listed = run("sources", "--kind", "report", "--sort", "-date", "-n", "1", "-f", "plain", *data)
    assert column(listed, 0) == ["k78-echo"]
    table = run("sources", "--kind", "report", "-n", "1", *data, env=terminal(80))
    assert "1 of 2 sources (--limit 1)" in table.stdout


# Every format, the bibliographies too: what --kind report --sort -date -n 1 keeps (Bilan
# annuel) and nothing else; each format shows the title.
@pytest.mark.parametrize(
    "fmt", ["table", "plain", "tsv", "csv", "json", "jsonl", "md", "text", "bibtex",
            "csl-json", "ris"],
)  # fmt: skip
def test_every_format_lists_what_the_filters_and_limit_keep(
    run: Run, biblio: str, fmt: str
) -> None:
    result = run("sources", "--kind", "report", "--sort", "-date", "-n", "1", "-f", fmt,
                 "--data", biblio, env=terminal(200))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Bilan annuel" in result.stdout
    for _, title, *_ in _WHO[:4]:  # the other report, and every other kind
        assert title not in result.stdout


def test_a_bibliography_follows_sort_else_id_order(run: Run, biblio: str) -> None:
    import rispy

    data = ("--data", biblio)
    ris = run("sources", "--publisher", "rfi", "-f", "ris", *data).stdout
    assert [r["id"] for r in rispy.load(io.StringIO(ris))] == ["k78-rfi-a", "k78-rfi-b"]
    ris = run("sources", "--publisher", "rfi", "--sort", "date", "-f", "ris", *data).stdout
    assert [r["id"] for r in rispy.load(io.StringIO(ris))] == ["k78-rfi-b", "k78-rfi-a"]
    # text, a reference list by who and when, follows a --sort given too
    text = run("sources", "--publisher", "rfi", "-f", "text", *data).stdout.splitlines()
    assert "Ancien" in text[0] and "Attaque" in text[1]  # RFI's of 2018, then 2019
    text = run("sources", "--publisher", "rfi", "--sort", "-date", "-f", "text", *data).stdout
    assert ["Attaque" in line for line in text.splitlines()] == [True, False]
    # -n cuts the list's order (most cited first) in every format: the same two sources
    csl = json.loads(run("sources", "-n", "3", "-f", "csl-json", *data).stdout)
    listed = column(run("sources", "-n", "3", "-f", "plain", *data), 0)
    assert [item["id"] for item in csl] == sorted(listed)


# --- the bundled record: what a user asks of it, counted here from its data -------------


def _cited(dataset: m.Dataset) -> Counter[str]:
    """How many entries cite each source, counted from the record's tables: each entry
    once however often it cites one, a judgment citing the seed besides its outcome's."""
    counts: Counter[str] = Counter()
    tables: list[Iterable[Any]] = [dataset.actors.values(), dataset.places.values(),
        dataset.events, dataset.aftermath, dataset.facts.values(), dataset.eras.values()]  # fmt: skip
    for table in tables:
        for entry in table:
            counts.update({ref.id for ref in entry.sources})
    for j in dataset.judgments.values():
        counts.update({ref.id for ref in j.outcome_sources} | {"seed"})
    return counts


@pytest.mark.usefixtures("bundled")
def test_the_ten_most_cited_are_the_records_most_cited(run: Run) -> None:
    dataset, _ = checked_record()
    cited = _cited(dataset)
    # most cited first; the tenth ties with the eleventh (14 each): a tie in id order
    ranked = sorted(dataset.sources, key=lambda sid: (-cited[sid], sid))
    expected = [(sid, str(cited[sid])) for sid in ranked[:10]]
    for sort in ([], ["--sort", "-cited"]):
        result = run("sources", *sort, "-n", "10", "-f", "plain")
        assert [(row[0], row[1]) for row in rows(result)] == expected


@pytest.mark.usefixtures("bundled")
def test_counts_are_the_records_own(run: Run) -> None:
    """The user's "how many sources are RFI's", "how many reports", "how many of 2019"."""
    dataset, _ = checked_record()
    every = list(dataset.sources.values())
    rfi = sum(s.publisher == "RFI" for s in every)
    reports = sum(s.kind == "report" for s in every)
    of_2019 = sum(s.date is not None and s.date.year == 2019 for s in every)
    assert min(rfi, reports, of_2019) > 100
    assert run("sources", "--publisher", "rfi", "--count").stdout == f"{rfi}\n"
    assert run("sources", "--kind", "report", "-c").stdout == f"{reports}\n"
    assert run("sources", "--year", "2019", "-c", "-f", "json").stdout == (
        json.dumps({"sources": of_2019}) + "\n"
    )
    assert run("sources", "-c").stdout == f"{len(every)}\n"


@pytest.mark.usefixtures("bundled")
def test_a_filtered_bibtex_export_holds_exactly_the_sources_kept(run: Run) -> None:
    """The user's "every source RFI published in 2019, as BibTeX for Zotero"."""
    from pybtex.database import parse_string

    dataset, _ = checked_record()
    wanted = {
        s.id
        for s in dataset.sources.values()
        if s.publisher == "RFI" and s.date is not None and s.date.year == 2019
    }
    assert len(wanted) > 10
    result = run("sources", "--publisher", "rfi", "--year", "2019", "-f", "bibtex")
    assert result.exit_code == 0, result.output
    db = parse_string(result.stdout, "bibtex")
    assert set(db.entries) == wanted
    assert list(db.entries) == sorted(wanted)  # id order: the file as each release writes it
    # the three newest, in that order (--sort given, the file follows it): a tie in id order
    dated = {i: dataset.sources[i].date for i in wanted}
    newest = sorted(sorted(wanted), key=lambda i: dated[i].first(), reverse=True)[:3]  # type: ignore[union-attr]
    result = run("sources", "--publisher", "rfi", "--year", "2019", "--sort", "-date",
                 "-n", "3", "-f", "bibtex")  # fmt: skip
    assert list(parse_string(result.stdout, "bibtex").entries) == newest


# --- what is refused ------------------------------------------------------------------


def test_an_unknown_order_kind_or_publisher_is_refused(run: Run, biblio: str) -> None:
    for count in ([], ["--count"]):
        result = run("sources", "--sort", "citd", *count)
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == (
            "barkhane: unknown --sort value 'citd'; did you mean 'cited'? --sort values are: "
            "id, -id, cited, -cited, date, -date, publisher, -publisher, title, -title\n"
        )
    result = run("sources", "--kind", "reprot")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "barkhane: unknown kind 'reprot'; did you mean 'report'? kinds are: article, news, "
        "reference, un-document, official, report, dataset\n"
    )
    result = run("sources", "--publisher", "Ocah", "--data", biblio)
    assert result.exit_code == 3 and result.stdout == ""
    assert result.stderr.startswith("barkhane: no publisher matches 'Ocah'; did you mean OCHA")
    result = run("sources", "--publisher", " ")
    assert result.exit_code == 2
    assert result.stderr == (
        "barkhane: --publisher ' ': give a publisher's name (barkhane sources lists them)\n"
    )


def test_sources_shares_the_lists_options() -> None:
    timeline = {p.name: p for p in command_at(("timeline",)).params}
    params = {p.name: p for p in command_at(("sources",)).params}
    for name in ("count", "sort", "limit", "since", "until", "year"):
        assert params[name].opts == timeline[name].opts
    # timeline's says what it cuts, events or (with --facet) a facet's values (U41)
    said = params["limit"].help.rstrip(".")  # type: ignore[attr-defined]
    assert timeline["limit"].help.startswith(said)  # type: ignore[attr-defined]
    assert '-f json gives {"sources": N}' in (params["count"].help or "")  # type: ignore[attr-defined]
