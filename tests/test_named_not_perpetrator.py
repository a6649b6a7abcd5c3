"""--perpetrator says which events name the group among those involved but not as the
perpetrator (U50 #6): `timeline --perpetrator "dan na ambassagou"` listed the militia's
own events and said nothing of Ogossagou and Koulogon, which name it among their actors
while the inquiries named Dozo hunters. The rows stay the strict answer; the footer (and
stderr after --count, --facet or a machine format) counts the others and gives the
option that lists them: --actor, in place of --perpetrator (kinds AND together)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run, as_json, layer_event, terminal, watched

_WORDS = "among those involved, not as the perpetrator"


def _ids(result: object) -> set[str]:
    return {e["id"] for e in as_json(result)}  # type: ignore[arg-type]


def test_the_record_names_the_militia_at_ogossagou_and_koulogon(run: Run, bundled: None) -> None:
    asked = ("timeline", "--year", "2019")
    strict = _ids(run(*asked, "--perpetrator", "dan na ambassagou", "-f", "json"))
    named = _ids(run(*asked, "--actor", "dan-na-ambassagou", "-f", "json"))
    assert {"ogossagou-massacre", "koulogon-massacre"} <= named - strict
    result = run(*asked, "--perpetrator", "dan na ambassagou", env=terminal(400))
    assert result.exit_code == 0, result.stderr
    said = " ".join((result.stdout + result.stderr).split())  # no row matches: the note alone
    assert not strict and "no events match" in said
    # none listed: not "more" (U54 #12)
    assert (
        f"{len(named)} events name Dan Na Ambassagou among those involved, none as the "
        "perpetrator: give --actor dan-na-ambassagou instead of --perpetrator to list them"
    ) in said, said


def test_the_group_is_named_by_its_name_not_its_short_form(run: Run, bundled: None) -> None:
    """U54 #12: `--perpetrator "katiba du gourma"` said "3 more events name Gourma katiba",
    its short form (a table's label), after finding none."""
    named = len(_ids(run("timeline", "--actor", "katiba-du-gourma", "-f", "json")))
    result = run("timeline", "--perpetrator", "katiba du gourma", env=terminal(400))
    said = " ".join((result.stdout + result.stderr).split())
    assert (
        f"{named} events name Katiba du Gourma among those involved, none as the perpetrator: "
        "give --actor katiba-du-gourma instead of --perpetrator to list them"
    ) in said, said
    assert "more" not in said and "Gourma katiba" not in said


def test_target_says_it_as_perpetrator_does(run: Run, bundled: None) -> None:
    """`--target rsp` listed nothing and said nothing, while 8 events name the guard."""
    named = _ids(run("timeline", "--actor", "rsp", "-f", "json"))
    strict = _ids(run("timeline", "--target", "rsp", "-f", "json"))
    assert named and not strict
    result = run("timeline", "--target", "rsp", env=terminal(400))
    said = " ".join((result.stdout + result.stderr).split())
    assert (
        f"{len(named)} events name Presidential Security Regiment among those involved, none "
        "as the target: give --actor rsp instead of --target to list them"
    ) in said, said
    # rows listed: the others are "more"
    mali = _ids(run("timeline", "--actor", "mali", "--year", "2019", "-f", "json"))
    hit = _ids(run("timeline", "--target", "mali", "--year", "2019", "-f", "json"))
    assert hit and mali - hit
    listed = run("timeline", "--target", "mali", "--year", "2019", env=terminal(400))
    said = " ".join((listed.stdout + listed.stderr).split())
    assert (
        f"{len(mali - hit)} more events name Mali among those involved, not as the target: "
        "give --actor mali instead of --target to list them"
    ) in said, said


@pytest.fixture
def layer(tmp_path: Path) -> str:
    """Three Zorblat raids by JNIM: two name the Zorb Militia among those involved (one
    in 2019), one does not; and one by the militia itself."""
    path = tmp_path / "zorblat.toml"
    raids = [
        ("z-named", "2020-08-20", '"jnim", "zorb-militia", "mali"', '"jnim"'),
        ("z-named-2019", "2019-08-20", '"jnim", "zorb-militia", "mali"', '"jnim"'),
        ("z-not-named", "2020-08-21", '"jnim", "mali"', '"jnim"'),
        ("z-by-militia", "2020-08-22", '"zorb-militia", "mali"', '"zorb-militia"'),
    ]
    text = """
[[actors]]
id = "zorb-militia"
name = "Zorb Militia"
kind = "armed-group"
country = "Mali"
summary = "A test militia."
sources = [{ id = "seed" }]
"""
    for ident, date, actors, perpetrators in raids:
        raid = layer_event(ident, "attack", f"Zorblat raid {ident}", "A test raid.")
        raid = raid.replace('date = "2020-08-20"', f'date = "{date}"')
        raid = raid.replace('actors = ["jnim", "mali"]', f"actors = [{actors}]")
        text += raid.replace('perpetrators = ["jnim"]', f"perpetrators = [{perpetrators}]")
    path.write_text(text, encoding="utf-8")
    return str(path)


def _args(layer: str, *more: str) -> tuple[str, ...]:
    return ("--search", "zorblat", "--data", layer, "--perpetrator", "zorb-militia", *more)


_NOTE = (
    "2 more events name Zorb Militia among those involved, not as the perpetrator: give --actor "
    "zorb-militia instead of --perpetrator to list them"
)


def test_the_footer_counts_them_and_the_option_lists_them(run: Run, layer: str) -> None:
    result = run("timeline", *_args(layer), env=terminal(400))
    assert result.exit_code == 0, result.stderr
    assert "z-named" not in result.stdout  # the rows: the strict answer
    assert result.stdout.splitlines()[-1] == f"1 event; {_NOTE}"
    # counted in the window asked for (2019: no row of its own, the note alone)
    year = run("timeline", *_args(layer, "--year", "2019"), env=terminal(400))
    assert (
        "1 event names Zorb Militia among those involved, none as the perpetrator: give "
        "--actor zorb-militia instead of --perpetrator to list them"
    ) in " ".join((year.stdout + year.stderr).split())
    # the option it gives lists them
    listed = run(
        "timeline", "--search", "zorblat", "--data", layer, "--actor", "zorb-militia", "-f", "json"
    )
    assert _ids(listed) == {"z-named", "z-named-2019", "z-by-militia"}
    # none left out, nothing said
    jnim = run("timeline", "--search", "zorblat", "--data", layer, "--perpetrator", "jnim")
    assert _WORDS not in jnim.stdout + jnim.stderr


def test_piped_output_is_unchanged_and_a_watched_stderr_hears_it(
    run: Run, layer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    piped = run("timeline", *_args(layer, "--count"))
    assert piped.stdout == "1\n" and _WORDS not in piped.stderr
    rows = run("timeline", *_args(layer, "-f", "json"))
    assert _ids(rows) == {"z-by-militia"} and _WORDS not in rows.stderr
    told = watched(monkeypatch, worked_out=True)
    count = run("timeline", *_args(layer, "--count"))
    assert count.stdout == "1\n"
    assert any(_NOTE in said for said in told), told
    told.clear()
    as_csv = run("timeline", *_args(layer, "-f", "csv"))
    assert _NOTE not in as_csv.stdout and any(_NOTE in said for said in told), told


def test_map_and_chart_say_it_as_timeline_does(
    run: Run, layer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = run("map", *_args(layer), env=terminal(400))
    assert drawn.exit_code == 0, drawn.stderr
    assert _NOTE in " ".join(drawn.stdout.split())
    bars = run("chart", "events", *_args(layer), env=terminal(400))
    assert bars.exit_code == 0, bars.stderr
    assert _NOTE in " ".join(bars.stdout.split())
    told = watched(monkeypatch)
    piped = run("chart", "events", *_args(layer), "-f", "csv")
    assert _WORDS not in piped.stdout and any(_NOTE in said for said in told), told
