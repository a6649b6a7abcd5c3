"""A researcher's guessed searches over the record (U54 #20): the event a query names by
its place or actor outranks the sources titled on it, and a month with its year weighs
as a date does.

`search attaque solhan -n 3` gave three French sources titled "Attaque de Solhan ..."
and not the Solhan massacre (the event's text, in English, never says "attaque");
`search mali withdraws g5 -n 5` put the G5 Sahel's founding (2014), whose text mentions
Mali's exit, before `mali-quits-g5-sahel`, both lifted over the same sources; `search
Tillabéri attack january 2021` opened with a July 2021 event whose text says "January"."""

from __future__ import annotations

import pytest
from conftest import Run, as_json

pytestmark = pytest.mark.usefixtures("bundled")


def _found(run: Run, *words: str) -> list[dict[str, str]]:
    result = run("search", *words, "-f", "json")
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, str]] = as_json(result)
    return found


def test_the_event_at_the_place_named_comes_before_the_sources_titled_on_it(run: Run) -> None:
    found = _found(run, "attaque", "solhan")
    # read as `attack solhan` is (U61): the attack at Tadaryat on Solhan's eve, whose
    # title says both, may lead; the massacre comes before every source
    ids = [h["id"] for h in found]
    first_source = next(i for i, h in enumerate(found) if h["kind"] == "source")
    assert found[0]["kind"] == "event" and ids.index("solhan-massacre") < first_source
    # the sources whose titles hold the words are still there, after it
    sources = [h for h in found if h["kind"] == "source"]
    assert any("Attaque de Solhan" in h["title"] for h in sources)
    # an event citing those sources but not at Solhan, nor named after it, is not brought in
    assert "boungou-convoy-ambush-2019" not in [h["id"] for h in found[:3]]
    # three asked, the event among them
    top = as_json(run("search", "attaque", "solhan", "-n", "3", "-f", "json"))
    assert "solhan-massacre" in [h["id"] for h in top]


def test_the_event_whose_title_names_both_comes_first(run: Run) -> None:
    found = _found(run, "mali", "withdraws", "g5")
    ids = [h["id"] for h in found]
    assert ids[0] == "mali-quits-g5-sahel", ids[:5]
    assert ids.index("mali-quits-g5-sahel") < ids.index("g5-sahel-convention-signed")


def test_a_month_and_year_typed_weigh_as_a_date(run: Run) -> None:
    found = _found(run, "Tillabéri", "attack", "january", "2021")
    assert found[0]["kind"] == "event" and found[0]["date"].startswith("2021-01"), found[:3]
    assert found[0]["id"] == "tchoma-bangou-zaroumadareye-massacres"
    # in French too, the month before or after its year
    for words in (("tillaberi", "attaque", "janvier", "2021"), ("tillaberi", "2021", "january")):
        assert _found(run, *words)[0]["date"].startswith("2021-01"), words


def test_the_year_alone_ranks_as_before(run: Run) -> None:
    """`tillaberi 2021` as test_search pins it: no month, nothing changes."""
    ids = [h["id"] for h in _found(run, "tillaberi", "2021")[:3]]
    assert ids == [
        "niger-tillaberi-tahoua-idps-2021-10",
        "niger-tillaberi-tahoua-displaced-2021-03",
        "gaigorou-funeral-massacre-2021-04",
    ]
