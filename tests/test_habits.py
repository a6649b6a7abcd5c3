"""The habits of gh, rg, jq and sqlite-utils users (issue 26): --sort, --min-deaths,
--count and --facet on the event views, the event filters on actor and place cards,
several words for facts, --country on chart, completion of fixed values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, Run, as_json

DEATHS = str(FIXTURES / "deaths.toml")  # adds a 2–30 dead attack and a 100 dead one


def out(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_sort_by_deaths_uses_the_high_count_and_puts_unknown_counts_last(run: Run) -> None:
    lines = out(
        run, "timeline", "--data", DEATHS, "--sort", "-deaths", "--fields", "id,fatalities_high"
    ).splitlines()
    assert lines[:5] == [
        "big-attack\t100",
        "ouaga-attack\t30",
        "range-attack\t30",
        "timbuktu-falls\t0",
        "libya-collapse\t",  # no count: after every counted event, in date order
    ]
    fewest = out(run, "timeline", "--data", DEATHS, "--sort", "deaths", "--fields", "id")
    assert fewest.split()[:4] == ["timbuktu-falls", "ouaga-attack", "range-attack", "big-attack"]


def test_limit_applies_after_the_sort(run: Run) -> None:
    got = out(run, "timeline", "--data", DEATHS, "--sort=-deaths", "-n", "2", "--fields", "id")
    assert got.split() == ["big-attack", "ouaga-attack"]


def test_sort_minus_date_is_reverse_and_conflicts_are_refused(run: Run) -> None:
    newest = out(run, "timeline", "--sort", "-date", "--fields", "id")
    assert newest == out(run, "timeline", "--reverse", "--fields", "id")
    result = run("timeline", "--sort", "deaths", "--reverse")
    assert result.exit_code == 2
    assert "--reverse is --sort -date" in result.stderr
    result = run("timeline", "--sort", "deth")
    assert result.exit_code == 2
    assert "did you mean 'deaths'" in result.stderr


@pytest.mark.parametrize(("given", "meant"), [("deth", "deaths"), ("-deth", "-deaths")])
def test_a_bad_sort_lists_every_order_the_help_gives(run: Run, given: str, meant: str) -> None:
    """U30: the error listed "date, deaths", not -date and -deaths, which the help
    documents. It lists query.SORTS, each spelling accepted, and keeps the minus in its
    suggestion and in the value it quotes."""
    result = run("timeline", "--sort", given)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"barkhane: unknown --sort value {given!r}; did you mean {meant!r}? --sort values "
        "are: date, -date, deaths, -deaths, deaths-low, -deaths-low, deaths-best, -deaths-best\n"
    )


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("--type", "-attack"), "unknown event type '-attack'; did you mean 'attack'?"),
        (("--facet", "-country"), "unknown facet '-country'; did you mean 'country'?"),
    ],
)
def test_a_minus_before_another_choice_is_refused(
    run: Run, args: tuple[str, ...], line: str
) -> None:
    """K50's spelling of a choice keeps a leading minus, for --sort's order: `--type
    -attack`, which a user may mean as "not attacks", was read silently as attacks. It
    is refused, the name without the minus suggested (RR37: no test said so)."""
    result = run("timeline", *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"barkhane: {line} ")
    assert result.stderr.count("\n") == 1


def test_min_deaths_counts_a_range_by_its_high_bound(run: Run) -> None:
    got = out(run, "timeline", "--data", DEATHS, "--min-deaths", "20", "--fields", "id")
    assert got.split() == ["ouaga-attack", "range-attack", "big-attack"]  # 2–30 matches 20
    got = out(run, "timeline", "--data", DEATHS, "--min-deaths", "31", "--fields", "id")
    assert got.split() == ["big-attack"]
    assert run("timeline", "--min-deaths", "-1").exit_code == 2


def test_count_prints_the_number_alone_or_as_json(run: Run) -> None:
    assert out(run, "timeline", "--data", DEATHS, "--count", "--type", "attack") == "3\n"
    got = out(run, "timeline", "--data", DEATHS, "--count", "--type", "attack", "-f", "json")
    assert json.loads(got) == {"events": 3}
    assert out(run, "timeline", "--count", "-f", "csv", "--year", "2013") == "events\n1\n"
    result = run("timeline", "--count", "-f", "geojson")
    assert result.exit_code == 2
    assert "--format geojson is not for --count; give " in result.stderr


def test_facet_counts_each_value_once_per_event_with_none_last(run: Run) -> None:
    result = run("timeline", "--data", DEATHS, "--facet", "perpetrator", "-f", "json")
    # the name's key is FIELD_name, as in a cross-tab (U30: one facet keyed it `name`)
    jnim = "Jama'at Nusrat al-Islam wal-Muslimin"
    assert as_json(result) == [
        {"perpetrator": "jnim", "perpetrator_name": jnim, "events": 2},
        {"perpetrator": None, "perpetrator_name": None, "events": 10},
    ]
    csv_text = out(run, "timeline", "--data", DEATHS, "--facet", "type", "-f", "csv")
    assert csv_text.splitlines()[:3] == ["type,events", "attack,3", "coup,2"]
    years = as_json(run("timeline", "--facet", "year", "-f", "json", "--until", "2013"))
    assert years == [{"year": 2011, "events": 1}, {"year": 2012, "events": 2},
                     {"year": 2013, "events": 1}]  # fmt: skip
    result = run("timeline", "--facet", "colour")
    assert result.exit_code == 2
    assert (
        "facets are: type, year, country, perpetrator, target, actor, place, tag, attribution"
        in (result.stderr)
    )
    assert run("timeline", "--facet", "type", "--count").exit_code == 2


def test_facet_table_on_a_terminal(run: Run, tty: dict[str, str]) -> None:
    result = run("timeline", "--data", DEATHS, "--facet", "perpetrator", env=tty)
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[0] == "Events by perpetrator"
    assert lines[1].split() == ["Perpetrator", "Name", "Events"]
    assert lines[3].split() == ["jnim", "Jama'at", "Nusrat", "al-Islam", "wal-Muslimin", "2"]
    assert lines[4].split() == ["(none", "named)", "10"]
    # and that jnim's two are one claimed, one attributed (U50 #11: counted alike)
    assert " ".join(lines[5:]) == (
        "2 values; 12 events; jnim counts 1 claimed or admitted, 1 attributed (--facet "
        "perpetrator --facet attribution splits them)"
    )


def test_actor_and_place_cards_take_the_event_filters(run: Run) -> None:
    got = out(run, "actor", "jnim", "--data", DEATHS, "--year", "2019", "-f", "csv",
              "--fields", "id")  # fmt: skip
    assert got.split() == ["id", "range-attack", "big-attack"]
    got = out(run, "actor", "jnim", "--data", DEATHS, "--sort", "-deaths", "--limit", "1",
              "-f", "csv", "--fields", "id")  # fmt: skip
    assert got.split() == ["id", "big-attack"]
    got = out(run, "place", "timbuktu", "--data", DEATHS, "--min-deaths", "1", "-f", "csv",
              "--fields", "id")  # fmt: skip
    assert got.split() == ["id", "range-attack"]
    assert out(run, "place", "bamako", "--count") == "4\n"
    assert out(run, "place", "bamako", "--count", "--aftermath") == "5\n"  # MINUSMA closes
    got = as_json(run("actor", "jnim", "--data", DEATHS, "--facet", "target", "-f", "json"))
    assert got == [{"target": "mali", "target_name": "Mali", "events": 2},
                   {"target": None, "target_name": None, "events": 1}]  # fmt: skip


def test_facts_takes_several_words_in_any_order(run: Run) -> None:
    one = out(run, "facts", "troops", "--fields", "id")
    assert out(run, "facts", "troops", "france", "--fields", "id") == out(
        run, "facts", "france", "troops", "--fields", "id"
    )
    assert set(out(run, "facts", "troops", "france", "--fields", "id").split()) <= set(one.split())


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["french", "soldiers"], "no fact holds all of 'french soldiers': 'soldiers' is in none; "
         "'french' alone is in 2"),
        (["wagner", "french"], "no fact holds all of 'wagner french': 'wagner' is in 1, "
         "'french' in 2"),
        (["soldiers", "zzz", "french", "troops"], "no fact holds all of 'soldiers zzz french "
         "troops': 'soldiers' and 'zzz' are in none; 'french' 'troops' together are in 2"),
    ],
)  # fmt: skip
def test_facts_words_that_find_nothing_together_say_which_found_what(
    run: Run, tty: dict[str, str], words: list[str], said: str
) -> None:
    """U20: `facts french soldiers` said "no facts match" and no more (the figures say
    troops, or military personnel): the one line says which word is in no fact and how
    many the others find. The exit code stays 0, as for any empty result."""
    shown = run("facts", *words, env=tty)
    assert (shown.exit_code, shown.stdout) == (0, "")
    assert " ".join(shown.stderr.split()) == said


def test_one_fact_word_that_finds_nothing_says_no_more(run: Run, tty: dict[str, str]) -> None:
    one = run("facts", "zzz", env=tty)  # one word: nothing more to say
    assert one.stderr == "no facts match\n"


def test_a_category_given_as_a_word_points_to_category(
    run: Run, bundled: None, tty: dict[str, str]
) -> None:
    """U37: `facts casualties --country niger` said "no facts match" and no more, though
    casualties is a --category; the line points to it (and under a table, as a note)."""
    shown = run("facts", "casualties", "--country", "niger", env=tty)
    assert (shown.exit_code, shown.stdout) == (0, "")
    said = " ".join(shown.stderr.split())
    assert said == "'casualties' is a category: barkhane facts --category casualties"
    found = run("facts", "troops", "-n", "1", env=tty)
    assert "barkhane facts --category troops" in " ".join(found.stdout.split())


def complete(run: Run, line: str) -> list[str]:
    """What TAB offers at the end of ``line``, as Click's bash completion computes it."""
    import typer
    from click.shell_completion import BashComplete

    from barkhane_cli.cli import app

    words = line.split()[1:]
    args, incomplete = (words, "") if line.endswith(" ") else (words[:-1], words[-1])
    shell = BashComplete(typer.main.get_command(app), {}, "barkhane", "_BARKHANE_COMPLETE")
    return [item.value for item in shell.get_completions(args, incomplete)]


def test_fixed_values_complete_to_their_values_not_file_names(run: Run) -> None:
    assert complete(run, "barkhane chart ") == ["events", "fatalities", "troops", "displacement"]
    assert complete(run, "barkhane chart --by ") == ["year", "month"]
    assert complete(run, "barkhane judgments --forecast ") == ["right", "wrong", "partly", "open"]
    assert complete(run, "barkhane timeline --color a") == ["auto", "always"]
    assert complete(run, "barkhane timeline --facet p") == ["perpetrator", "place"]
    assert complete(run, "barkhane timeline --sort d") == [
        *("date", "deaths", "deaths-low", "deaths-best")
    ]
    # a value with spaces in the spelling --outcome accepts as one shell word
    assert complete(run, "barkhane judgments --outcome d") == ["did-not-happen"]
    assert run("judgments", "--outcome", "did-not-happen").exit_code == 0


def test_format_completion_and_help_list_only_what_the_command_prints(run: Run) -> None:
    assert complete(run, "barkhane facts -f ") == ["table", "plain", "tsv", "csv", "json",
                                                   "jsonl", "md"]  # fmt: skip
    assert complete(run, "barkhane timeline -f t") == ["table", "tsv", "timelinejs"]
    assert complete(run, "barkhane sources -f b") == ["bibtex"]


def test_not_tag_completes_from_the_tags_as_tag_does(run: Run) -> None:
    """The review found `--not-tag` offering nothing where `--tag` offers the tags."""
    tags = complete(run, "barkhane timeline --tag ")
    assert tags and complete(run, "barkhane timeline --not-tag ") == tags
    assert complete(run, "barkhane map --not-tag ") == tags


def test_within_completes_from_the_places_as_place_does(run: Run) -> None:
    places = complete(run, "barkhane timeline --place b")
    assert places and complete(run, "barkhane places --within b") == places


def test_a_country_completes_from_its_iso_codes(bundled: None, run: Run) -> None:
    # the codes are geo.ISO_CODES's, not the data's aliases: TAB reads them as lookups do
    assert complete(run, "barkhane timeline --country MLI") == ["mali"]
    assert complete(run, "barkhane timeline --country ML") == ["mali"]


def test_force_completes_from_the_forces_with_figures(run: Run) -> None:
    assert "france" in complete(run, "barkhane chart troops --force ")


COMMANDS = [
    ("timeline",), ("event", "serval"), ("actor", "jnim"), ("place", "bamako"), ("actors",),
    ("places",), ("facts",), ("sources",), ("source", "ref-a"), ("search", "mali"),
    ("types",), ("tags",), ("map",), ("summary",), ("eras",), ("chart",), ("judgments",),
]  # fmt: skip


def test_every_format_a_help_lists_is_accepted(run: Run) -> None:
    """Issue 26: --help listed formats a command then refused (facts -f geojson)."""
    import click

    from barkhane_cli.cli.lazy import build

    for args in COMMANDS:
        command = build(args[0])
        option = next(p for p in command.params if p.name == "format_")
        assert isinstance(option, click.Option) and option.help is not None
        listed = option.help.split(".")[0].replace(" or ", ", ").split(", ")
        for fmt in listed:
            result = run(*args, "-f", fmt)
            assert result.exit_code == 0, (args, fmt, result.output)


def test_csv_and_tsv_spell_lists_and_booleans_one_way_and_keep_the_death_range(
    run: Run,
) -> None:
    import csv
    import io

    text = out(run, "timeline", "--data", DEATHS, "-f", "csv", "--fields",
               "id,actors,fatalities,fatalities_low,fatalities_high,aftermath")  # fmt: skip
    got = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
    assert got["range-attack"] == {"id": "range-attack", "actors": "jnim;mali", "fatalities": "",
                                   "fatalities_low": "2", "fatalities_high": "30",
                                   "aftermath": "false"}  # fmt: skip
    # the default CSV columns carry the range
    header = out(run, "timeline", "-f", "tsv", "-n", "0").splitlines()[0].split("\t")
    assert header[7:10] == ["fatalities", "fatalities_low", "fatalities_high"]
    actors = list(csv.DictReader(io.StringIO(out(run, "actors", "-f", "csv"))))
    jnim = next(a for a in actors if a["id"] == "jnim")
    assert jnim["aliases"] == "JNIM;GSIM;Jama’at Nusrat al-Islam wa al-Muslimeen"
    facts = list(csv.DictReader(io.StringIO(out(run, "facts", "--aftermath", "-f", "csv",
                                                "--fields", "id,aftermath"))))  # fmt: skip
    assert {f["aftermath"] for f in facts} <= {"true", "false"}
    # plain, for cut and awk, keeps its commas
    plain = out(run, "timeline", "--data", DEATHS, "--fields", "id,actors", "-s", "range")
    assert plain == "range-attack\tjnim,mali\n"


def narrow(tty: dict[str, str]) -> dict[str, str]:
    return tty | {"COLUMNS": "80"}


def test_eras_cut_a_long_name_with_an_ellipsis(run: Run, tty: dict[str, str]) -> None:
    result = run("eras", "--data", str(FIXTURES / "long-era.toml"), env=narrow(tty))
    assert result.exit_code == 0, result.output
    labels = [line[:34] for line in result.stdout.splitlines()[1:4]]
    assert "A very long era name that no labe…" in labels
    assert all(len(line.rstrip()) <= 80 for line in result.stdout.splitlines())


def test_search_at_80_columns_puts_each_id_whole_under_its_title(
    run: Run, tty: dict[str, str]
) -> None:
    result = run("search", "attack", env=narrow(tty))
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[0].split() == ["Kind", "Name", "/", "title", "Date"]
    assert lines[2].split() == ["event", "Ouagadougou", "attack", "2016-01-15"]
    assert lines[3].strip() == "ouaga-attack"
    wide = run("search", "attack", env=tty | {"COLUMNS": "160"})
    assert wide.stdout.splitlines()[0].split()[:2] == ["Kind", "Id"]


def test_a_card_cut_by_limit_says_how_many_it_left_out(run: Run, tty: dict[str, str]) -> None:
    """Once, at the table's foot: U30 read "3 of 148 events (--limit 3)" in the events'
    title and again under the table."""
    result = run("actor", "jnim", "--data", DEATHS, "--limit", "1", env=tty)
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "Events of Jama'at Nusrat al-Islam wal-Muslimin" in lines
    cut = "1 of 3 events (--limit 1)"  # under the table, before the card's sources (U32)
    assert lines[lines.index(cut) + 1] == "Sources"
    assert [line for line in lines if "of 3 events" in line] == [cut]


CLAIMS = """
[[events]]
id = "claim-only-strike"
date = "2019-07-01"
title = "An army says its strike killed 500 fighters"
summary = "The army's communiqué is the only count."
type = "battle"
actors = ["mali", "jnim"]
places = ["timbuktu"]
tags = ["army-claim"]
fatalities = 500
sources = [{ id = "ref-a" }]

[[events]]
id = "claim-raised-attack"
date = "2019-08-01"
title = "An attack kills 40 soldiers; the army claims 260 attackers"
summary = "The army's claim raises the high count only."
type = "attack"
actors = ["jnim", "mali"]
places = ["timbuktu"]
tags = ["army-claim"]
fatalities = 40
fatalities_low = 40
fatalities_high = 300
sources = [{ id = "ref-a" }]
"""


def test_sort_deaths_low_leaves_an_armys_claim_out_of_the_figure_not_the_event(
    run: Run, tmp_path: Path
) -> None:
    """U30: `--not-tag army-claim` left out the whole event to leave out the claim, so the
    README's deadliest list lost Chinagodrar's 89 soldiers. `--sort -deaths-low` sorts by
    the low count, which the toll rule keeps claims out of; an event whose only toll is
    an army's claim has no count by it and comes last, not first."""
    claims = tmp_path / "claims.toml"
    claims.write_text(CLAIMS, encoding="utf-8")
    args = ("timeline", "--data", DEATHS, "--data", str(claims), "--fields", "id")
    by_high = out(run, *args, "--sort", "-deaths").split()
    assert by_high[:3] == ["claim-only-strike", "claim-raised-attack", "big-attack"]
    by_low = out(run, *args, "--sort", "-deaths-low").split()
    assert by_low[:3] == ["big-attack", "claim-raised-attack", "ouaga-attack"]
    assert by_low.index("claim-only-strike") > by_low.index("timbuktu-falls")  # no count
    fewest = out(run, *args, "--sort", "deaths-low").split()
    assert fewest[:2] == ["timbuktu-falls", "range-attack"]


def test_one_facet_and_two_key_a_name_alike(run: Run) -> None:
    """U30: `--facet country -f json` keyed the name `name`, `--facet country --facet year`
    `country_name`: one shape now, in JSON and in a file's header."""
    one = as_json(run("timeline", "--facet", "country", "-f", "json"))
    two = as_json(run("timeline", "--facet", "country", "--facet", "year", "-f", "json"))
    assert list(one[0]) == ["country", "country_name", "events"]
    assert list(two[0]) == ["country", "country_name", "year", "events"]
    header = out(run, "timeline", "--facet", "country", "-f", "csv").splitlines()[0]
    assert header == "country,country_name,events"
