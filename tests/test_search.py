"""search and timeline --search: every word required in any order, phrases, ranking."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import Run, as_json, watched

from barkhane_cli import model as m
from barkhane_cli import search
from barkhane_cli.dates import PartialDate
from barkhane_cli.search import matches_query, near_words, parse


def hits(run: Run, *args: str) -> list[tuple[str, str]]:
    result = run("search", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return [(h["kind"], h["id"]) for h in as_json(result)]


def test_every_word_is_required_in_any_order() -> None:
    assert matches_query("ambassador french", "French ambassador expelled")
    assert matches_query("hours 72 mali", "Mali gives the ambassador 72 hours to leave.")
    assert not matches_query("french ambassador wagner", "French ambassador expelled")
    # A word matches the start of a word: attack finds attacks, not "counterattack" inside.
    assert matches_query("attack", "Gunmen attacks")
    assert not matches_query("tack", "Gunmen attack")


def test_a_quoted_phrase_is_a_phrase() -> None:
    assert parse('"peace agreement" algiers').phrases == ("peace agreement",)
    assert matches_query('"ambassador expelled"', "French ambassador expelled")
    assert not matches_query('"expelled ambassador"', "French ambassador expelled")


def test_a_quoted_word_is_whole_and_quoted_punctuation_is_literal() -> None:
    assert matches_query("tongo", "Kourfayel, near Tongomayel")
    assert not matches_query('"tongo"', "Kourfayel, near Tongomayel")
    assert matches_query('"tongo"', "ambush near Tongo Tongo")
    # the same word quoted and not: whole, as the quoted one asks
    assert not matches_query('tongo "tongo"', "near Tongomayel")
    # punctuation alone is literal text, the quotes only quoting it (the review found
    # '"("' looking for the quote marks too)
    assert matches_query('"("', "Military Forces of France (2012-2017)")
    assert not matches_query('"("', "no bracket here")


def test_search_words_across_title_and_summary(run: Run) -> None:
    # "hotel" is only in the summary, "ouagadougou" in the title.
    assert hits(run, "hotel", "ouagadougou") == [("event", "ouaga-attack")]
    assert hits(run, "hotel", "bamako") == []


def test_titles_and_names_rank_before_texts(run: Run) -> None:
    assert hits(run, "barkhane")[0] == ("event", "barkhane-ends")
    ranked = as_json(run("search", "ambassador", "--format", "json"))
    assert ranked[0]["id"] == "ambassador-expelled" and ranked[0]["score"] >= 80


def test_kind_and_dates_narrow_the_search(run: Run) -> None:
    assert hits(run, "wagner", "--kind", "fact") == [("fact", "wagner-size")]
    assert hits(run, "reference", "--kind", "source") == [("source", "ref-a")]
    # The id counts as a name: coup-2020 has "coup" in no text.
    assert hits(run, "coup", "--since", "2020") == [("event", "coup-2020")]
    assert hits(run, "coup", "--until", "2012") == [("event", "coup-2012")]
    # K66: --year as timeline, facts, map and chart take it; search alone refused it
    assert hits(run, "coup", "--year", "2012") == [("event", "coup-2012")]
    assert hits(run, "coup", "--year", "2020") == hits(run, "coup", "--since", "2020")
    outside = run("search", "coup", "--year", "2012", "--since", "2020")
    assert (outside.exit_code, outside.stderr) == (
        2,
        "barkhane: --year 2012 lies outside --since/--until; drop one of them\n",
    )
    bad = run("search", "x", "--kind", "person")
    assert bad.exit_code == 2 and "kinds are: event, actor, place, fact, source" in bad.stderr


def test_sources_are_searchable_by_publisher_and_url(run: Run) -> None:
    assert ("source", "ref-a") in hits(run, "publisher", "a")
    assert ("source", "ref-a") in hits(run, "example.org")


def test_no_match_suggests_a_name(run: Run) -> None:
    result = run("search", "wagnr")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "nothing matches 'wagnr'; did you mean Wagner Group (wagner)?\n"


def test_a_window_suggests_no_name_it_leaves_out_and_says_how_to_see_it(run: Run) -> None:
    """A window keeps dated entries only (K69): `search wagner --since 2030` offered
    "Wagner Group (wagner)", an actor the same search does not show; it says what
    matches without the window instead."""
    result = run("search", "wagner", "--since", "2030")
    assert result.exit_code == 0
    assert result.stdout == ""
    n = len(run("search", "wagner", "-f", "plain").stdout.splitlines())
    assert result.stderr == (
        f"nothing matches 'wagner'; {n} entries match without --since, --until and --year "
        "(actors and places have no date)\n"
    )
    only_actors = run("search", "wagnr", "-k", "actor", "--year", "2020")
    assert only_actors.stderr == "nothing matches 'wagnr'\n"


def test_search_finds_aftermath_events(run: Run) -> None:
    assert ("event", "minusma-closes") in hits(run, "MINUSMA closes")


def test_a_word_split_in_two_is_suggested_whole(run: Run) -> None:
    # "Haw Bi" once got "did you mean hawbi bi?": each piece was corrected on its own.
    result = run("search", "ambas sador")
    assert result.stderr == "nothing matches 'ambas sador'; did you mean ambassador?\n"


def test_timeline_search_uses_the_all_words_rule(run: Run) -> None:
    result = run("timeline", "--search", "ambassador french", "--fields", "id")
    assert result.stdout.split() == ["ambassador-expelled"]
    result = run("timeline", "--search", '"ambassador french"', "--fields", "id")
    assert result.stdout.split() == []


def test_a_whole_word_ranks_above_the_start_of_a_longer_one(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 26: `search moura` put al-Mourabitoun (and its events) above the Moura massacre."""

    def event(ident: str, title: str) -> m.Event:
        return m.Event(ident, PartialDate(2022, 3, 27), title, "S.", "massacre", ())

    data = m.Dataset(
        events=[
            event("al-mourabitoun-formed", "Brigades merge into al-Mourabitoun"),
            event("moura-massacre", "Moura massacre in central Mali"),
        ]
    )
    hits = search.search(data, "moura")
    assert [h.id for h in hits] == ["moura-massacre", "al-mourabitoun-formed"]
    assert [h.score for h in hits] == [85, 75]


def test_an_event_whose_roles_and_places_hold_the_words_ranks_above_a_source() -> None:
    """U21: `search wagner moura` ranked a report titled on Wagner and Moura (70) first
    and the Moura massacre fourth (35): Wagner is in its roles, not its title. An event's
    actors and places count as its title does, and a source ranks under the entries
    whose names hold every word; an event naming Wagner is not the Wagner Group (the
    exact-name rank is the actor's own). K36: nor does it rank with an event whose own
    title or id names Wagner: its actors say who took part, its title what it is."""
    day = PartialDate(2022, 3, 27)
    data = m.Dataset(
        actors={
            "wagner": m.Actor("wagner", "Wagner Group", "armed-group", "S.", (), short="PMC Wagner")
        },
        places={"moura": m.Place("moura", "Moura", "town", ())},
        events=[
            m.Event(
                "moura-massacre",
                day,
                "Moura massacre in central Mali",
                "Troops kill men.",
                "massacre",
                (),
                actors=("wagner",),
                perpetrators=("wagner",),
                places=("moura",),
            ),
            m.Event(
                "wagner-deploys",
                day,
                "Russian instructors arrive",
                "S.",
                "deployment",
                (),
                actors=("wagner",),
            ),
        ],
        sources={"report": m.Source("report", "Wagner accused over Moura", "Paper", "news")},
    )
    ranked = [(h.kind, h.id, h.score, h.match) for h in search.search(data, "wagner moura")]
    assert ranked == [
        ("event", "moura-massacre", 60, "Moura massacre in central Mali · Wagner Group"),
        ("source", "report", 57, "Wagner accused over Moura"),
    ]
    ranked = [(h.kind, h.id, h.score) for h in search.search(data, "wagner")]
    assert ranked == [
        ("actor", "wagner", 105),
        ("event", "wagner-deploys", 85),  # its id says wagner
        ("event", "moura-massacre", 80),  # its actors and perpetrators alone do
        ("source", "report", 57),
    ]
    # an actor's short form too, as tables show it (MINUSMA, not minusma)
    ranked = [(h.id, h.score, h.match) for h in search.search(data, "pmc", ["event"])]
    assert ranked == [
        ("moura-massacre", 80, "PMC Wagner"),
        ("wagner-deploys", 80, "PMC Wagner"),
    ]


def test_an_actors_aliases_find_the_events_naming_it_but_not_its_years() -> None:
    """K36: `search sahraoui` found the actor by its alias "Adnan Abou Walid al-Sahraoui"
    and not his killing, which names him among its actors. An alias counts as the
    actor's name does; one holding a year does not (ACLED's "Military Forces of France
    (2012-2017)"), or `france 2017` finds every French event of every year."""
    aliases = ("French army", "Military Forces of France (2012-2017)")
    day = PartialDate(2020, 5, 1)
    raid = m.Event("raid-2020", day, "Raid", "S.", "attack", (), actors=("france",))
    data = m.Dataset(
        actors={"france": m.Actor("france", "France", "state", "S.", (), aliases=aliases)},
        events=[replace(raid, first=day.first_ordinal(), last=day.last_ordinal())],
    )
    found = [(h.id, h.score, h.match) for h in search.search(data, "french army", ["event"])]
    assert found == [("raid-2020", 80, "French army")]
    assert search.search(data, "france 2017", ["event"]) == []
    assert search.search(data, "military forces", ["event"]) == []


def test_a_places_aliases_find_the_events_there_but_not_its_years() -> None:
    """K41: `search tombouctou` found Timbuktu by its alias and none of the 31 events
    there, `aguelhoc` 1 of Aguelhok's 17 (the one whose text spells it so). A place's
    aliases count for its events as an actor's do (K36), a country's codes among them,
    as the place answers to them; one holding a year does not."""
    day = PartialDate(2013, 1, 28)
    event = m.Event("timbuktu-retaken", day, "Town retaken", "S.", "operation", (),
                    places=("timbuktu", "mali"))  # fmt: skip
    aliases = ("Tombouctou", "Timbuktu (2012-2013)")
    data = m.Dataset(
        places={
            "timbuktu": m.Place("timbuktu", "Timbuktu", "city", (), aliases=aliases),
            "mali": m.Place("mali", "Mali", "country", (), aliases=("RMM",)),
        },
        events=[replace(event, first=day.first_ordinal(), last=day.last_ordinal())],
    )

    def found(words: str) -> list[tuple[str, int, str]]:
        return [(h.id, h.score, h.match) for h in search.search(data, words, ["event"])]

    assert found("tombouctou") == [("timbuktu-retaken", 80, "Tombouctou")]
    assert found("mli") == [("timbuktu-retaken", 80, "MLI")]  # Mali's ISO code
    assert found("timbuktu 2012") == []  # the alias's year is not the event's


@pytest.mark.usefixtures("bundled")
def test_search_sahraoui_lists_his_killing(run: Run) -> None:
    found = hits(run, "sahraoui")
    assert found[0] == ("actor", "adnan-abu-walid-al-sahrawi")
    # with the events naming him (by their date), before the sources titled on him
    assert found.index(("event", "abu-walid-al-sahrawi-killed")) < min(
        n for n, (kind, _) in enumerate(found) if kind == "source"
    )


def test_an_event_found_in_its_text_ranks_above_the_sources_titled_on_it_it_cites() -> None:
    """K36: `search dupont verlon` listed nine reports titled on RFI's two reporters, then
    the event of their killing, which names them in its summary and cites eight of them:
    the event is what the words name, the source where to read more. The source keeps
    its place under it, though it has the event's id (as unsc-res-2085 has)."""
    ident = "unsc-res-2085"
    data = m.Dataset(
        sources={ident: m.Source(ident, "Resolution 2085 on the deployment", "UN", "document")},
        events=[
            m.Event(
                ident,
                PartialDate(2012, 12, 20),
                "UNSC authorizes AFISMA",
                "An African force's deployment.",
                "mandate",
                (m.SourceRef(ident),),
            ),
            m.Event(
                "afisma-arrives",
                PartialDate(2013, 1, 17),
                "AFISMA arrives",
                "Its deployment begins.",
                "operation",
                (),
            ),
        ],
    )
    found = [(h.kind, h.id, h.score) for h in search.search(data, "deployment")]
    assert found == [
        ("event", ident, 58),  # one above the source it cites
        ("source", ident, 57),
        ("event", "afisma-arrives", 20),  # cites no source titled on the word
    ]


def _top(run: Run, query: str, n: int) -> list[str]:
    return [ident for _, ident in hits(run, *query.split())[:n]]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        # the two cards the names call (each tells of the other), in the order typed;
        # then the massacre (its perpetrators Mali and Wagner, at Moura), then the report
        (
            "wagner moura",
            ["wagner", "moura", "moura-massacre", "theafricareport-2022-04-06-moura-accused"],
        ),
        # the two coups Goïta led before the reports of his swearing-in
        ("goita coup", ["coup-2020-08", "coup-2021-05-24"]),
        # the attempt two days before his inauguration, then the coup that overthrew him
        ("bazoum coup", ["niger-coup-attempt-2021", "niger-coup-2023"]),
        # the two cards, then Takuba's creation and first operations with Estonian forces
        # (Estonia, Takuba among the actors) before Defense Post's report of Estonia joining
        ("takuba estonia", ["takuba", "estonia", "takuba-declared", "takuba-operational"]),
        # MINUSMA at Kidal in 2016: its losses, the airport protest, the Dutch mortar accident
        (
            "minusma kidal 2016",
            [
                "kidal-minusma-camp-attack-2016-02",
                "kidal-minusma-camp-chadian-shooting-2016-02",
                "kidal-airport-protest-2016-04",
                "dutch-mortar-accident-kidal-2016",
            ],
        ),
        # the two displacement figures, the latest first, then the events in the
        # Tillabéri Region in 2021
        (
            "tillaberi 2021",
            [
                "niger-tillaberi-tahoua-idps-2021-10",
                "niger-tillaberi-tahoua-displaced-2021-03",
                "gaigorou-funeral-massacre-2021-04",
            ],
        ),
    ],
)
def test_an_analysts_query_finds_the_entries_before_the_sources(
    bundled: None, run: Run, query: str, first: list[str]
) -> None:
    assert _top(run, query, len(first)) == first


@pytest.mark.parametrize(
    ("query", "first"),
    [
        # K36: his killing, whose title names him, before the three events that name him
        # only among their actors (all 85, by date, it was fourth of the events)
        ("droukdel", ["abdelmalek-droukdel", "droukdel-killed"]),
        # the massacre whose id is the town and "massacre" before the other events whose
        # titles name the town (fourth of four, by date), and the agreement signed there
        ("seytenga", ["seytenga", "seytenga-massacre"]),
        ("diallassagou", ["diallassagou", "diallassagou-massacre-2022"]),
        # RFI's reporters' killing, whose summary names them, before the nine reports
        # titled on them (eight of which it cites), then the killing of the commando's
        # presumed leader, which cites the others (it was 11th, after nine sources)
        ("dupont verlon", ["rfi-journalists-killed", "bakabo-killed-aguelhok-2021"]),
        # the ambush (tongo-tongo-ambush, three words) before the investigation of it
        ("tongo tongo", ["tongo-tongo", "tongo-tongo-ambush"]),
        ("g5", ["g5-sahel", "g5-sahel-joint-force", "g5-sahel-founded"]),
    ],
)
def test_the_entry_a_user_means_is_listed_first(
    bundled: None, run: Run, query: str, first: list[str]
) -> None:
    """`search seytenga | head -3` gave the place and two other attacks there: an event's
    own title and id rank above its actors' and places' names, and at the same score the
    entry with the shorter name holding every word comes first."""
    assert _top(run, query, len(first)) == first


@pytest.mark.usefixtures("bundled")
def test_a_series_of_figures_is_listed_latest_first(run: Run) -> None:
    """U45: `search "burkina displaced" -n 4` gave Burkina Faso's displaced of 2018 and
    2019, the latest count (1,761,915, October 2022) nineteenth: a series of figures is
    listed together, latest first."""
    found = as_json(run("search", "burkina displaced", "-n", "4", "-f", "json"))
    assert [h["id"] for h in found] == [
        "burkina-idps-2022-10",
        "burkina-idps-2022-09",
        "burkina-idps-2022-04",
        "burkina-idps-2022-03",
    ]


@pytest.mark.usefixtures("bundled")
def test_names_alone_open_with_the_card_they_call_and_the_aftermath_follows(run: Run) -> None:
    """U45: `search wagner mali -n 6` put three figures first, one of them of 2023, and
    the Wagner Group's card was not among the six. A query of names alone opens with the
    cards of the actors and places it names whose own text names the others, in the
    order typed; at the same score the record comes before its aftermath."""
    found = as_json(run("search", "wagner", "mali", "-f", "json"))
    assert [(h["kind"], h["id"]) for h in found[:2]] == [("actor", "wagner"), ("actor", "mali")]
    assert as_json(run("search", "mali", "wagner", "-n", "1", "-f", "json"))[0]["id"] == "mali"
    # the 2023 count of Wagner's men, of the same score as the events of 2021, after them
    dates = {h["id"]: h["date"] for h in found}
    top = [h for h in found if h["score"] == found[2]["score"]]
    later = [h["date"] > "2022-11-09" for h in top]
    assert later == sorted(later) and any(later) and dates["wagner-mali-2023-08"] == "2023-05"
    assert "event" in [h["kind"] for h in found[:6]]
    # a word that names nothing asks for what happened: no card first
    assert hits(run, "goita", "coup")[0] == ("event", "coup-2020-08")


@pytest.mark.usefixtures("bundled")
def test_a_year_typed_lists_the_entries_of_that_year_first(run: Run) -> None:
    """`search minusma 2019` opened with two events of 2018 whose titles say "until June
    2019" (all 85, by date), before MINUSMA's events and figures of 2019."""
    found = as_json(run("search", "minusma", "2019", "-f", "json"))
    assert [h["date"][:4] for h in found[:4]] == ["2019"] * 4


def test_a_suggestion_is_made_only_when_it_finds_something(run: Run) -> None:
    # U5: "prisoners chad" got "did you mean prisoner chad?", which found nothing either.
    result = run("search", "ambasador")
    assert result.stderr == "nothing matches 'ambasador'; did you mean ambassador?\n"
    result = run("search", "ambasador serwal")  # each word is close to one, no entry has both
    assert result.stderr == "nothing matches 'ambasador serwal'\n"
    # the same within what the search was asked for: no event has "ambassador" before 2015
    result = run("search", "ambasador", "--kind", "event", "--until", "2014")
    assert result.stderr == "nothing matches 'ambasador'\n"


def test_a_suggestion_knows_the_words_of_the_aftermath(run: Run) -> None:
    # The search reads the aftermath's titles (Gherguț's release in 2023), so its
    # suggestions do too: "Ghergt" once got no suggestion at all. The fixture's only
    # "closes" is its aftermath's "MINUSMA closes".
    result = run("search", "closs")
    assert result.stderr == "nothing matches 'closs'; did you mean closes?\n"


def _reading(cache: str) -> dict[str, str] | None:
    """The environment of a run reading through the store, or (cache "toml") straight
    from the TOML: the two readings must fold words alike."""
    return {"BARKHANE_CACHE": "0"} if cache == "toml" else None


def _timeline_ids(run: Run, data: Path, text: str, words: str, cache: str) -> list[str]:
    """The ids `timeline --search WORDS` lists from TEXT, read as cache says (_reading)."""
    data.write_text(text, encoding="utf-8")
    env = _reading(cache)
    result = run("timeline", "--data", str(data), "--search", words, "--fields", "id", env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout.split()


NUMBERS = """\
[[events]]
id = "ied-ambush-2019"
date = "2019-05-02"
title = "Roadside bomb hits a patrol"
summary = "Gunmen kill 20 soldiers."
type = "politics"
places = ["timbuktu"]
sources = [{ id = "ref-a" }]

[[events]]
id = "toll-report-2020"
date = "2020-01-10"
title = "The army's count"
summary = "The army counts 200 dead in 2019 under Resolution 2100."
type = "report"
places = ["bamako"]
sources = [{ id = "ref-a" }]

[[events]]
id = "force-raised-2020"
date = "2020-02-02"
title = "France raises its force"
summary = "After a long afternoon of debate in parliament, the minister says Paris sends 600 more soldiers, to about 5,100 troops; Chad promises 1,200; 2.5 million have fled."
type = "politics"
places = ["bamako"]
sources = [{ id = "ref-a" }]
"""


@pytest.mark.parametrize("cache", ["store", "toml"])
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # the year in a summary, not the year an id carries (the id's numbers are its date)
        ("2019", ["toll-report-2020"]),
        ("2020", ["year-end"]),  # the fixture's "Last day of 2020"; not coup-2020's id
        # a number matches whole: the toll of 20, not 200 nor 2019
        ("20", ["ied-ambush-2019"]),
        ("200", ["toll-report-2020"]),
        ("2100", ["toll-report-2020"]),
        ('"2019"', ["toll-report-2020"]),
        # the id's words are still read: "ied" is only in the id
        ("ied", ["ied-ambush-2019"]),
        ("ambush 20", ["ied-ambush-2019"]),
        # "5,100" is one number, typed with its comma or without: not 5 nor 100 (--search
        # 100 found "5,100 troops", and --search 5100 nothing once ids' numbers went)
        ("100", []),
        ("5100", ["force-raised-2020"]),
        ("5,100", ["force-raised-2020"]),
        ("1,200", ["force-raised-2020"]),
        ('"5,100 troops"', ["force-raised-2020"]),
        # a decimal is one number: 2.5 is not 2 and 5 (--search 2.5 found 14 events, none
        # saying 2.5), and 5 is not the 5 of 2.5
        ("5", []),
        ("2.5", ["force-raised-2020"]),
        ('"2.5 million"', ["force-raised-2020"]),
        ("2 600", []),
    ],
)
def test_a_number_searched_is_one_in_the_text(
    run: Run, tmp_path: Path, words: str, expected: list[str], cache: str
) -> None:
    """`timeline --search 2019` found 63 events by their ids alone (…-2019), and
    `--search 20` 957 of 1,019 events, nearly every summary naming a year of the 2000s.
    Both paths answer alike: the store's narrowing and the TOML's reading."""
    assert _timeline_ids(run, tmp_path / "numbers.toml", NUMBERS, words, cache) == expected


def test_a_number_found_in_a_text_is_shown_in_the_match(run: Run, tmp_path: Path) -> None:
    """search shows the words around a match in a text: a number typed without its comma
    or as a decimal is found as the text writes it ("5,100", "2.5"), not the text's start."""
    data = tmp_path / "numbers.toml"
    data.write_text(NUMBERS, encoding="utf-8")
    for words, shown in (("5100", "5,100 troops"), ("2.5", "2.5 million")):
        found = as_json(run("search", "--data", str(data), words, "--kind", "event", "-f", "json"))
        assert [h["id"] for h in found] == ["force-raised-2020"]
        assert shown in found[0]["match"], found[0]["match"]


TOKENS = """\
[[events]]
id = "joint-force-2017"
date = "2017-07-02"
title = "G5 Sahel joint force launched"
summary = "Five states raise a force."
type = "politics"
places = ["bamako"]
sources = [{ id = "ref-a" }]

[[events]]
id = "drone-strike-2020"
date = "2020-03-02"
title = "French MQ-9 drone strikes a convoy"
summary = "A 24-hour curfew follows in Gao, where 5 soldiers were hurt."
type = "politics"
places = ["timbuktu"]
sources = [{ id = "ref-a" }]
"""


@pytest.mark.parametrize("cache", ["store", "toml"])
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # a hyphen between a few letters and a number is no break, typed or in the text:
        # `--search G-5` found any word starting with g beside a 5 ("Gao ... 5 soldiers")
        ("G-5", ["joint-force-2017"]),
        ("g-5 sahel", ["joint-force-2017"]),
        ('"G-5 Sahel"', ["joint-force-2017"]),
        ("MQ9", ["drone-strike-2020"]),
        ("mq-9", ["drone-strike-2020"]),
        # typed, a lone letter before a number is the same token spelled apart
        ("G 5", ["joint-force-2017"]),
        # ... or the words the text has: "a 24-hour curfew" (joined only, it found none)
        ("a 24-hour curfew", ["drone-strike-2020"]),
        ("curfew a 24", ["drone-strike-2020"]),
        ("a 2", []),
        # the number alone still matches a whole number, not the 5 of G5
        ("5", ["drone-strike-2020"]),
        ("24 curfew", ["drone-strike-2020"]),
    ],
)
def test_a_hyphen_inside_a_short_token_is_no_break(
    run: Run, tmp_path: Path, words: str, expected: list[str], cache: str
) -> None:
    """`timeline --search G-5` (or `G 5`) did not find "G5 Sahel": the store's narrowing
    and the TOML's reading fold the hyphen alike (search.event_words)."""
    assert _timeline_ids(run, tmp_path / "tokens.toml", TOKENS, words, cache) == expected


def test_a_token_found_with_its_hyphen_is_shown_in_the_match(run: Run, tmp_path: Path) -> None:
    """`search MQ9` found "MQ-9" in a summary and showed the summary's first words."""
    # the token in the summary only, far enough in for the match to start at it
    text = TOKENS.replace("French MQ-9 drone", "French drone").replace(
        '"A 24-hour', '"After a long day of patrols an MQ-9 strikes. A 24-hour'
    )
    data = tmp_path / "tokens.toml"
    data.write_text(text, encoding="utf-8")
    found = as_json(run("search", "--data", str(data), "mq9", "--kind", "event", "-f", "json"))
    assert [h["id"] for h in found] == ["drone-strike-2020"]
    assert found[0]["match"].startswith("…") and "MQ-9 strikes" in found[0]["match"]


WHOLE = """\
[[events]]
id = "joint-force-2017"
date = "2017-07-02"
title = "G5 Sahel joint force launched"
summary = "Five states raise a force."
type = "politics"
places = ["bamako"]
sources = [{ id = "ref-a" }]

[[events]]
id = "summit-2018"
date = "2018-02-23"
title = "A G50 summit of donors"
summary = "Order 20561 is signed."
type = "politics"
places = ["bamako"]
sources = [{ id = "ref-a" }]

[[events]]
id = "drone-strike-2020"
date = "2020-03-02"
title = "French MQ-9 drone strikes a convoy"
summary = "Order 2056 is read."
type = "politics"
places = ["timbuktu"]
sources = [{ id = "ref-a" }]
"""


@pytest.mark.parametrize("cache", ["store", "toml"])
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # a word ending in a number matches only where the whole number is: G5 is the G5
        # Sahel, not a G50 (as 20 is not 200), typed joined, hyphenated or apart
        ("G5", ["joint-force-2017"]),
        ("G-5", ["joint-force-2017"]),
        ("G 5", ["joint-force-2017"]),
        ("G50", ["summit-2018"]),
        ("mq9", ["drone-strike-2020"]),
        ("MQ-90", []),
        # a number alone, the same: 2056 is not 20561, nor 205 either
        ("2056", ["drone-strike-2020"]),
        ("20561", ["summit-2018"]),
        ("205", []),
        # a word of letters is the start of a word, however short: mq finds MQ-9
        ("mq", ["drone-strike-2020"]),
        ("summ", ["summit-2018"]),
    ],
)
def test_a_number_ending_a_word_is_whole_and_letters_are_a_start(
    run: Run, tmp_path: Path, words: str, expected: list[str], cache: str
) -> None:
    """`--search G5` found "G50" and `search su2` "Su-24": a word's number was cut short,
    though a number alone matched whole (K7)."""
    data = tmp_path / "whole.toml"
    assert _timeline_ids(run, data, WHOLE, words, cache) == expected
    found = as_json(run("search", "--data", str(data), words, "--kind", "event", "-f", "json"))
    assert [h["id"] for h in found] == expected


def test_a_token_is_shown_where_its_whole_number_is(run: Run, tmp_path: Path) -> None:
    """search showed G5's match from a "G50" before it."""
    text = WHOLE.replace(
        '"Five states raise a force."',
        '"After the G50 summit of donors in Brussels the G5 Sahel force is funded."',
    )
    data = tmp_path / "whole.toml"
    data.write_text(text.replace("G5 Sahel joint force launched", "A force launched"), "utf-8")
    found = as_json(run("search", "--data", str(data), "G5", "--kind", "event", "-f", "json"))
    assert [h["id"] for h in found] == ["joint-force-2017"]
    assert found[0]["match"].startswith("…ors in Brussels the G5 Sahel"), found[0]["match"]


YEARS = """\
[[events]]
id = "force-goal-2017"
date = "2017-12-13"
title = "Donors meet for the joint force"
summary = "The force was to reach 5,000 men by mid-2018."
type = "politics"
places = ["bamako"]
sources = [{ id = "afp-2017-12-13-force-goal" }]

[[sources]]
id = "afp-2017-12-13-force-goal"
title = "Donors meet"
publisher = "AFP"
kind = "news"
"""


@pytest.mark.parametrize("cache", ["store", "toml"])
@pytest.mark.parametrize("words", ["2018", "mid 2018", '"mid 2018"', "mid-2018"])
def test_a_year_after_a_hyphen_is_still_a_year(
    run: Run, tmp_path: Path, words: str, cache: str
) -> None:
    """K4 joined "mid-2018" into one word "mid2018": `--search 2018` no longer found an
    event that says the year only so (nor `search 2017` a source, below)."""
    assert _timeline_ids(run, tmp_path / "years.toml", YEARS, words, cache) == ["force-goal-2017"]


@pytest.mark.parametrize("cache", ["store", "toml"])
def test_a_year_after_a_hyphen_in_an_id_is_still_a_year(
    run: Run, tmp_path: Path, cache: str
) -> None:
    # K4 too: `search 2017` no longer found the sources whose ids begin "afp-2017-" (once a
    # reading, not once for each of the words above, which it does not take)
    data = tmp_path / "years.toml"
    data.write_text(YEARS, encoding="utf-8")
    found = as_json(
        run("search", "--data", str(data), "afp 2017", "-f", "json", env=_reading(cache))
    )
    assert ("source", "afp-2017-12-13-force-goal") in [(h["kind"], h["id"]) for h in found]


CITED = """\
[[sources]]
id = "rfi-hammam-killed"
title = "Paris annonce l'élimination du chef jihadiste Yahia Abou Hammam"
publisher = "RFI"
kind = "news"
date = "2019-02-22"

[[events]]
id = "okacha-killed"
date = "2019-02-21"
title = "French kill JNIM deputy Djamel Okacha"
summary = "A raid near Timbuktu."
type = "attack"
places = ["timbuktu"]
sources = [{ id = "ref-a" }, { id = "rfi-hammam-killed" }]

[[events]]
id = "okacha-confirmed"
date = "2019-03-05"
title = "AQIM confirms the deaths"
summary = "A statement."
type = "politics"
places = ["timbuktu"]
sources = [{ id = "rfi-hammam-killed" }]
"""


def test_a_source_found_leads_to_the_events_citing_it(run: Run, tmp_path: Path) -> None:
    # U16: `search hammam` listed two sources on his death whose titles matched, and not
    # the event citing them: the user never reached Okacha's card
    data = tmp_path / "cited.toml"
    data.write_text(CITED, encoding="utf-8")
    found = as_json(run("search", "--data", str(data), "hammam", "-f", "json"))
    assert [(h["kind"], h["id"], h["cited_by"]) for h in found] == [
        ("source", "rfi-hammam-killed", ["okacha-killed", "okacha-confirmed"])
    ]
    # other kinds cite nothing: the key is there, empty
    assert as_json(run("search", "--data", str(data), "okacha", "-f", "json"))[0]["cited_by"] == []
    env = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "BARKHANE_PAGER": ""}
    narrow = run("search", "--data", str(data), "hammam", env=env | {"COLUMNS": "80"}).stdout
    assert "cited by okacha-killed, okacha-confirmed" in narrow, narrow
    # wide, under the id in its column, the ids whole (they wrap at the comma)
    wide = run("search", "--data", str(data), "hammam", env=env | {"COLUMNS": "160"}).stdout
    assert {"cited", "okacha-killed,", "okacha-confirmed"} <= set(wide.split()), wide
    listed = run("search", "--data", str(data), "hammam", "--fields", "id,cited_by", "-f", "csv")
    assert listed.stdout.splitlines() == [
        "id,cited_by",
        "rfi-hammam-killed,okacha-killed;okacha-confirmed",
    ]


def test_a_source_cited_by_many_events_names_three_and_counts_the_rest(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    many = "".join(
        f'\n[[events]]\nid = "raid-{n}"\ndate = "2019-03-0{n}"\ntitle = "Raid {n}"\n'
        f'summary = "S."\ntype = "attack"\nplaces = ["timbuktu"]\n'
        f'sources = [{{ id = "rfi-hammam-killed" }}]\n'
        for n in range(1, 6)
    )
    monkeypatch.chdir(tmp_path)  # a short name: the table's narrow column cuts a long one
    data = Path("many.toml")
    data.write_text(CITED.split("[[events]]")[0] + many, encoding="utf-8")
    env = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "BARKHANE_PAGER": "", "COLUMNS": "200"}
    table = run("search", "--data", str(data), "hammam", env=env).stdout
    said = " ".join(table.split())
    # the source's card on the same data (U33), its file quoted as a shell needs it: the
    # command under the table, where no cell's width breaks it (U36)
    assert "cited by raid-1, raid-2, raid-3 and 2 more" in said, table
    lines = table.splitlines()
    assert "  every entry citing a source: barkhane source --data many.toml ID" in lines


@pytest.mark.parametrize(
    ("typed", "closed"),
    [
        ('"peace agreement', '"peace agreement"'),
        ('peace agreement"', '"peace agreement"'),
        ('"w park" mali "peace', '"w park" mali "peace"'),
    ],
)
def test_a_quote_not_closed_is_refused_with_the_phrase_closed(
    run: Run, typed: str, closed: str
) -> None:
    """U19: `--search '"peace agreement'` dropped the stray quote and found the words
    apart (43 events, the phrase 34), without a word."""
    result = run("timeline", "--search", typed, "--count")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"barkhane: --search: a quote is not closed in {typed!r}: close it to find a phrase "
        f"(--search '{closed}'), or leave it out to find the words anywhere\n"
    )
    # a quote in a query of punctuation only is a character to find, as parse reads it
    assert run("timeline", "--search", '"', "--count").exit_code == 0


def test_the_search_command_refuses_a_quote_not_closed_as_search_does(run: Run) -> None:
    """`search '"tongo'` dropped the stray quote and found Tongomayel too, where the
    phrase asked for Tongo Tongo only (U19)."""
    result = run("search", '"tongo')
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "barkhane: search: a quote is not closed in '\"tongo': close it to find a phrase "
        "(search '\"tongo\"'), or leave it out to find the words anywhere\n"
    )
    assert run("search", '"tongo"').exit_code == 0


@pytest.mark.parametrize("typed", ["", "  ", '""'])
@pytest.mark.parametrize(
    "command",
    [
        ("timeline", "--search"),
        ("timeline", "--count", "-s"),
        ("map", "--search"),
        ("compare", "--search"),
        ("facts",),
        ("search",),
    ],
)
def test_search_words_that_hold_nothing_to_find_are_refused_alike(
    run: Run, command: tuple[str, ...], typed: str
) -> None:
    """U21: `timeline --search ""` (an unset shell variable) and `facts ""` listed every
    event and fact, exit 0, where `search ""` was refused: one rule, one message."""
    result = run(*command, typed)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "barkhane: give some text to search for\n"


PLURALS = """\
[[events]]
id = "vote-held-2016"
date = "2016-03-20"
title = "Senegal's constitutional vote"
summary = "Voters approve the referendum."
type = "politics"
places = ["bamako"]
sources = [{ id = "ref-a" }]

[[events]]
id = "army-unrest-2011"
date = "2011-04-18"
title = "Premier named amid mutinies"
summary = "Soldiers' losses and the country's journal."
type = "politics"
places = ["timbuktu"]
sources = [{ id = "ref-a" }]
"""


@pytest.mark.parametrize("cache", ["store", "toml"])
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # U22: a plural found only itself ("votes" missed "vote", "mutiny" "mutinies")
        ("votes", ["vote-held-2016"]),
        ("mutiny", ["army-unrest-2011"]),
        ("mutinies premier", ["army-unrest-2011"]),
        ("referendums", ["vote-held-2016"]),
        ("countries", ["army-unrest-2011"]),
        ("journaux", ["army-unrest-2011"]),  # a French plural, -aux
        ("premiers", ["army-unrest-2011"]),
        ("loss", ["army-unrest-2011"]),
        ("losses", ["army-unrest-2011"]),
        # a stem under four letters finds too much: "arms" is kept whole, not "arm(y)"
        ("arms", []),
        # a quoted word is whole as ever
        ('"votes"', []),
    ],
)
def test_a_plural_or_a_final_y_finds_the_other_forms(
    run: Run, tmp_path: Path, words: str, expected: list[str], cache: str
) -> None:
    assert _timeline_ids(run, tmp_path / "p.toml", PLURALS, words, cache) == expected


def test_facts_find_a_plural_as_search_does(run: Run) -> None:
    assert matches_query("strengths", "Wagner's strength in Mali")
    result = run("facts", "wagner", "personnels", "-f", "csv", "--fields", "id")
    assert result.stdout.split()[1:] == ["wagner-size"]


_TOLLS = """
[[facts]]
id = "ambush-toll"
label = "Soldiers killed in an ambush"
value = 12
unit = "soldiers"
as_of = "2020-05"
scope = "Mali"
category = "casualties"
sources = [{ id = "ref-a" }]

[[facts]]
id = "mali-toll"
label = "Soldiers who died in Mali"
value = 40
unit = "soldiers"
as_of = "2020-12"
scope = "Mali"
category = "casualties"
sources = [{ id = "ref-a" }]

[[facts]]
id = "soldier-deaths-2020"
label = "Soldier toll of the year"
value = 50
unit = "people"
as_of = "2020"
scope = "Mali"
category = "casualties"
sources = [{ id = "ref-a" }]

[[events]]
id = "ambush"
date = "2020-05-02"
title = "Ten soldiers killed"
summary = "S."
type = "diplomacy"
places = ["bamako"]
sources = [{ id = "ref-a" }]

[[events]]
id = "crash"
date = "2020-06-02"
title = "Two soldiers died in a crash"
summary = "S."
type = "diplomacy"
places = ["bamako"]
sources = [{ id = "ref-a" }]
"""


def test_a_word_for_the_dead_says_what_the_others_find(
    run: Run, tmp_path: Path, tty: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # U32: `facts french deaths` found 13 facts, `facts french killed` 5, the labels
    # saying "died": each word is searched as typed (search.WORD_FAMILIES), and the count
    # line says what the others would find that it did not; a word finding none of those
    # (dead, here) is not named
    data = tmp_path / "tolls.toml"
    data.write_text(_TOLLS, encoding="utf-8")
    result = run("facts", "soldiers", "killed", "--data", str(data), env=tty)
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (
        0,
        "1 fact; for 'killed', 'deaths' finds 1 fact and 'died' 1 (the record words the dead "
        "several ways)",
    )
    # timeline --search alike
    result = run("timeline", "--search", "soldiers died", "--data", str(data), env=tty)
    assert result.stdout.splitlines()[-1] == (
        "1 event; for 'died', 'killed' finds 1 event (the record words the dead several ways)"
    )
    # nothing more to find, nothing said
    result = run("facts", "ambush", "killed", "--data", str(data), env=tty)
    assert result.stdout.splitlines()[-1] == "1 fact"
    # piped, the rows alone; the note on a watched stderr, with the count
    piped = run("facts", "soldiers", "killed", "--data", str(data), "-f", "tsv")
    assert (piped.stdout.count("\n"), piped.stderr) == (2, "")
    told = watched(monkeypatch, worked_out=True)
    run("facts", "soldiers", "killed", "--data", str(data), "-f", "tsv")
    assert told == [
        "1 fact; for 'killed', 'deaths' finds 1 fact and 'died' 1 (the record words the dead "
        "several ways)"
    ]


def test_a_word_for_the_dead_is_not_offered_where_the_query_has_it() -> None:
    # `timeline --search "killed died"` offered 'died' for 'killed': the query "died died"
    assert near_words("killed died") == [
        ("killed", "dead", "dead died", "the dead"),
        ("killed", "deaths", "deaths died", "the dead"),
        ("died", "dead", "killed dead", "the dead"),
        ("died", "deaths", "killed deaths", "the dead"),
    ]


@pytest.mark.usefixtures("bundled")
def test_search_finds_the_singular_of_a_plural_the_typed_word_first(run: Run) -> None:
    """U22: `search senegal votes --kind event` found 1 of the votes, `search burkina
    mutiny` nothing; an entry holding the word as typed ranks above one by its stem."""
    found = as_json(run("search", "senegal", "votes", "--kind", "event", "-f", "json"))
    assert [(h["id"], h["score"]) for h in found[:2]] == [
        ("senegal-presidential-election-2012-first-round", 85),
        ("senegal-constitutional-referendum-2016", 74),
    ]
    assert len(found) == 6
    assert ("event", "tiao-named-prime-minister-2011") in hits(
        run, "burkina", "mutiny", "--kind", "event"
    )


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # U22: `search tillaberi 2021` missed the events of 2021 whose texts do not spell
        # it: a year typed finds an event dated in it, a fact's as-of, a source's date
        (["hotel", "2016"], [("event", "ouaga-attack")]),
        (["hotel", "2017"], []),
        (["wagner", "personnel", "2022"], [("fact", "wagner-size")]),
        (["reference", "2022", "--kind", "source"], [("source", "ref-a")]),
        (["reference", "2021", "--kind", "source"], []),
        # a number outside the record's years is a number: no entry is dated in 1999
        (["hotel", "1999"], []),
    ],
)
def test_a_year_among_the_words_finds_what_is_dated_in_it(
    run: Run, words: list[str], expected: list[tuple[str, str]]
) -> None:
    assert hits(run, *words) == expected


@pytest.mark.usefixtures("bundled")
def test_search_tillaberi_2021_finds_the_years_massacres(run: Run) -> None:
    found = [ident for _, ident in hits(run, "tillaberi", "2021", "--kind", "event")]
    assert {"tchoma-bangou-zaroumadareye-massacres", "banibangou-market-massacre"} <= set(found)


@pytest.mark.parametrize(
    "typed", ["gaddafis", "Gaddafi's", "Gaddafi’s", '"gaddafi"', '"Gaddafi\'s regime"']
)
def test_a_possessive_is_found_typed_with_or_without_its_apostrophe(run: Run, typed: str) -> None:
    """K50 parted a possessive's s from its name ("Gaddafi s"), so the name quoted whole
    finds it; but `search gaddafis`, the possessive typed without its apostrophe, found
    nothing (10 events of the record before): a word ending in -is is its own stem, and no
    word of the text began with it any more. The text holds the name and the possessive
    both ("Gaddafi Gaddafis"), so either is found."""
    assert [h for h in hits(run, typed) if h[0] == "event"] == [("event", "libya-collapse")]


def test_a_typed_possessive_is_no_lone_s() -> None:
    """Typed "Gaddafi's" asks for the possessive, not Gaddafi and any word starting with s
    (K50 read it "gaddafi s": the record's 12 events for 10)."""
    assert matches_query("Gaddafi's", "Gaddafi's forces retreat")
    assert not matches_query("Gaddafi's", "Gaddafi speaks")
