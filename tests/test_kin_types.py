"""A type filter says what it leaves out of a kin type (U35): `timeline --type attack
--country bf --year 2021 --min-deaths 20` listed 5 attacks and said nothing of Solhan and
two other massacres, which the same query without --type lists (U34). Kin: one incident
coded either way, as model.kin_types has it; a type of another kind is not said."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run, as_json, layer_event, terminal


def _event(ident: str, kind: str) -> str:
    return layer_event(ident, kind, f"Zorblat {kind} {ident}", "A test event.")


@pytest.fixture
def layer(tmp_path: Path) -> str:
    path = tmp_path / "zorblat.toml"
    kinds = {"z-raid": "attack", "z-killing": "massacre", "z-killing-2": "massacre"}
    text = "".join(_event(i, k) for i, k in kinds.items())
    # not kin to an attack: never said under one
    text += (
        _event("z-vote", "politics")
        .replace('perpetrators = ["jnim"]\n', "")
        .replace('attribution = "claimed"\n', "")
    )
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_type_filter_says_the_kin_events_it_leaves_out(run: Run, layer: str) -> None:
    args = ("timeline", "--search", "zorblat", "--data", layer)
    result = run(*args, "--type", "attack", env=terminal(200))
    assert result.exit_code == 0, result.stderr
    footer = result.stdout.splitlines()[-1]
    assert footer == "1 event; 2 massacre events not listed: add --type massacre"
    # the hint, added, lists them; a type of another kind (politics) is not said
    added = as_json(run(*args, "--type", "attack", "--type", "massacre", "-f", "json"))
    assert sorted(e["id"] for e in added) == ["z-killing", "z-killing-2", "z-raid"]
    whole = run(*args, "--type", "attack", "--type", "massacre", env=terminal(200))
    assert whole.stdout.splitlines()[-1] == "3 events"


def test_a_type_a_dataset_codes_alike_is_not_kin(run: Run, layer: str) -> None:
    """matching.py pairs a coup with ACLED's politics, a leader killed with an attack, to
    link a record: no incident a curator codes either way. `--type coup` said "225
    politics events not listed", `--type leader-killed` every attack and battle."""
    args = ("timeline", "--search", "zorblat", "--data", layer)
    for kind in ("politics", "leader-killed", "coup"):
        result = run(*args, "--type", kind, env=terminal(200))
        assert result.exit_code == 0, result.stderr
        said = result.stdout + result.stderr
        assert "not listed" not in said, (kind, said)


@pytest.mark.parametrize("width", [40, 49, 52, 60, 80])
def test_the_hint_keeps_each_option_with_its_type(run: Run, layer: str, width: int) -> None:
    """Wrapped, the footer broke "add --type" | "massacre": each line read as a thing to
    do of its own. Under a table (stdout) and with no row (stderr) alike."""
    args = ("timeline", "--search", "zorblat", "--data", layer)
    listed = run(*args, "--type", "attack", env=terminal(width))
    empty = run(*args, "--type", "battle", env=terminal(width))
    assert "no events match" in empty.stderr
    for said in (listed.stdout, empty.stderr):
        words = " ".join(said.split())
        assert "add --type" in words, said
        lines = said.splitlines()
        at = next(n for n, line in enumerate(lines) if "events not" in line)
        for line in lines[at:]:  # the note, from its first line
            assert not line.rstrip().endswith("--type"), said
            assert not line.lstrip().startswith(("massacre", "attack")), said


def test_a_note_of_several_lines_is_wrapped_line_by_line() -> None:
    """table.wrapped, which keeps an option with its value, wraps each line of a note:
    a line break in one is not a piece of the text for onescreen.hanging, which gave
    the note back unwrapped."""
    import io

    from barkhane_cli.render.env import Env
    from barkhane_cli.render.table import wrapped

    env = Env(io.StringIO(), io.StringIO(), True, False, 30, False)
    note = (
        "first line, short\n" + "a second line far wider than thirty columns: add --type massacre"
    )
    lines = wrapped(env, note).splitlines()
    assert lines[0] == "first line, short"
    assert max(map(len, lines)) <= 30 and "--type massacre" in lines
