"""A French name finds the event as its English name does (U61 #2): the Sahel's press
says "massacre d'Ogossagou", "attaque de Solhan", "bataille de Tessit", and `search`
gave French reports (or nothing), never the event, written in English. Elided articles
(d', l') and linking words (de, la) are read as "of" and "the" are, and a French word for
a kind of event (model.FRENCH_EVENT_WORDS) as its English one."""

from __future__ import annotations

import pytest
from conftest import Run, as_json

pytestmark = pytest.mark.usefixtures("bundled")


@pytest.mark.parametrize(
    ("query", "event"),
    [
        ("massacre d'Ogossagou", "ogossagou-massacre"),
        ("attaque de Solhan", "solhan-massacre"),
        ("embuscade Tongo Tongo", "tongo-tongo-ambush"),
        ("coup d'état 2012", "coup-2012-03"),
        ("bataille de Tessit", "tessit-fama-isgs-clash-2022-08-29"),
    ],
)
def test_a_french_name_finds_the_event_before_the_sources(run: Run, query: str, event: str) -> None:
    result = run("search", query, "-f", "json")
    assert result.exit_code == 0, result.stderr
    found = as_json(result)
    ids = [h["id"] for h in found]
    assert event in ids
    sources = [i for i, h in enumerate(found) if h["kind"] == "source"]
    assert ids.index(event) < min(sources, default=len(found))


def test_the_french_type_word_names_the_event_asked_for(run: Run) -> None:
    result = run("event", "bataille de Tessit")
    assert result.exit_code == 0, result.stderr
    assert "tessalit" not in result.stdout + result.stderr
    assert "tessit-fama-isgs-clash-2022-08-29" in result.stdout


def test_event_reads_a_french_name_as_search_does(run: Run) -> None:
    """`event "massacre d'Ogossagou"` said no event matched (no title holds "d'ogossagou")
    while `search` found both Ogossagou events: the name is read as search reads it."""
    result = run("event", "massacre d'Ogossagou")
    said = result.stdout + result.stderr
    assert "no event matches" not in said
    assert "ogossagou-massacre" in said and "ogossagou-attack-2020" in said
