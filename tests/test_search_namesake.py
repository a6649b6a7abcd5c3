"""timeline --search NAME, where the name is a town's that its region shares, says how to
ask for the region too, as --place NAME does (U31): `--search menaka` pointed to --place
menaka, the town's events alone, and said nothing of the Ménaka Region's."""

from __future__ import annotations

from conftest import Run, terminal

WIDE = terminal(400)  # the footer on one line


def _footer(run: Run, *args: str) -> str:
    result = run("timeline", *args, env=WIDE)
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()[-1]


def test_a_search_for_a_towns_name_says_how_to_ask_for_its_region(run: Run, bundled: None) -> None:
    assert _footer(run, "--search", "menaka").endswith(
        "; 'menaka' is also Ménaka: --place menaka lists its events, whatever words they use;"
        " Ménaka is the town; the Ménaka Region is --place menaka-region"
    )


def test_nothing_is_added_for_a_place_no_region_shares_or_a_region_asked_for(
    run: Run, bundled: None
) -> None:
    assert _footer(run, "--search", "gossi").endswith(
        "; 'gossi' is also Gossi: --place gossi lists its events, whatever words they use"
    )
    assert "Ménaka" not in _footer(run, "--search", "menaka", "--place", "menaka-region")
