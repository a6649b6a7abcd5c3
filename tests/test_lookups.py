"""The lookup commands on the fixture file: resolution, profiles, listings, search."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from conftest import MINI, Run, as_json, commands, rows, terminal, watched

from barkhane_cli.cli.completion import candidates


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("assimi-goita", "assimi-goita"),
        ("goita", "assimi-goita"),
        ("GOÏTA", "assimi-goita"),
        ("Assimi Goïta", "assimi-goita"),
        ("Goita", "assimi-goita"),
        ("assimi", "assimi-goita"),  # unique prefix
        ("JNIM", "jnim"),
        ("GSIM", "jnim"),
        ("Jama’at Nusrat al-Islam wa al-Muslimeen", "jnim"),
        ("jamaat nusrat al islam wa al muslimeen", "jnim"),
        ("fama", "mali"),
        ("att", "amadou-toumani-toure"),
        ("wagner group", "wagner"),
        ("PMC", "wagner"),
        ("goita assimi", "assimi-goita"),  # every word, in any order
        ("wagner pmc", "wagner"),
    ],
)
def test_actor_names_resolve_to_one_actor(run: Run, query: str, expected: str) -> None:
    result = run("actor", query, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert as_json(result)["id"] == expected


@pytest.mark.parametrize(
    ("args", "code", "stderr"),
    [
        (
            ("actor", "wagnr"),
            3,
            "barkhane: no actor matches 'wagnr'; did you mean Wagner Group (wagner)?\n",
        ),
        (
            ("actor", "amadou"),
            3,
            "barkhane: 'amadou' matches 2 actors: Amadou Koufa (amadou-koufa), Amadou Toumani "
            "Touré (amadou-toumani-toure); be more specific or give the id\n",
        ),
        (
            ("actor", "zzzzzz"),
            3,
            "barkhane: no actor matches 'zzzzzz'; barkhane actors lists them all\n",
        ),
        (
            ("place", "tombuktu"),
            3,
            "barkhane: no place matches 'tombuktu'; did you mean Timbuktu (timbuktu)?\n",
        ),
        (
            ("event", "no-such-event"),
            3,
            "barkhane: no event matches 'no-such-event'; barkhane timeline --fields id lists them all\n",
        ),
        (("actors", "--kind", "rebel"), 2, None),
        (("facts", "--category", "money"), 2, None),
        (("search", "  "), 2, "barkhane: give some text to search for\n"),
    ],
)
def test_not_found_and_ambiguous(
    run: Run, args: tuple[str, ...], code: int, stderr: str | None
) -> None:
    result = run(*args)
    assert result.exit_code == code
    assert result.stdout == ""
    if stderr is not None:
        assert result.stderr == stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("event", "barkhane-peak"), "barkhane-peak is a fact, not an event: barkhane fact barkhane-peak"),
        (("fact", "minusma-closes"), "minusma-closes is an aftermath event, not a fact: barkhane event minusma-closes"),
        (("actor", "wagner-size"), "wagner-size is a fact, not an actor: barkhane fact wagner-size"),
        (("place", "coup-2012"), "coup-2012 is an event, not a place: barkhane event coup-2012"),
        (("event", "vacuum"), "vacuum is a judgment, not an event: barkhane judgments"),
        (("place", "serval"), "serval is an event, an actor and an era, not a place: barkhane event serval or barkhane actor serval or barkhane eras"),
        (("event", "ref-a"), "ref-a is a source, not an event: barkhane source ref-a"),
        (("place", "wagner"), "wagner is an actor, not a place: barkhane actor wagner"),
        # U26: whatever its case, as ids are matched everywhere (`event COUP-2020-08` opens)
        (("actor", "Timbuktu"), "Timbuktu is a place, not an actor: barkhane place timbuktu"),
        (("place", "WAGNER"), "WAGNER is an actor, not a place: barkhane actor wagner"),
        (("fact", "Coup-2012"), "Coup-2012 is an event, not a fact: barkhane event coup-2012"),
        (("event", "Barkhane-Peak"), "Barkhane-Peak is a fact, not an event: barkhane fact barkhane-peak"),
        (("actor", " Ouagadougou "), "Ouagadougou is a place, not an actor: barkhane place ouagadougou"),
    ],
)  # fmt: skip
def test_an_id_of_another_kind_is_named_with_its_command(
    run: Run, args: tuple[str, ...], said: str
) -> None:
    """U25: summaries point to entries by id ("see fact serval-troops-mali-2013-09");
    `event` of a fact's id offered a far-off event, `fact` of an event's id nothing. U26:
    `actor Gao` said "no actor matches 'Gao', but 142 events name it" while `actor gao`
    said it is a place."""
    result = run(*args)
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == f"barkhane: {said}\n"


def test_actor_json_profile(run: Run) -> None:
    profile = as_json(run("actor", "wagner", "--format", "json"))
    assert set(profile) >= {
        "id", "name", "aliases", "kind", "summary", "affiliations", "facts", "sources", "events",
    }  # fmt: skip
    assert profile["aliases"] == ["PMC Wagner"]
    assert profile["affiliations"] == [
        {
            "actor": "mali",
            "relation": "contracted-by",
            "start": "2021-12",
            "end": None,
            "note": None,
            "name": "Mali",
            "direction": "outgoing",
        }
    ]
    assert [f["id"] for f in profile["facts"]] == ["wagner-size"]
    assert profile["facts"][0]["low"] == 1000 and profile["facts"][0]["high"] == 1500
    assert profile["sources"][0]["id"] == "ref-a"
    assert profile["sources"][0]["publisher"] == "Publisher A"


def test_actor_events_are_exactly_the_timeline_json(run: Run) -> None:
    profile = as_json(run("actor", "mali", "--format", "json", "--since", "2020"))
    timeline = as_json(run("timeline", "--actor", "mali", "--since", "2020", "--format", "json"))
    assert profile["events"] == timeline
    assert [e["id"] for e in timeline] == ["coup-2020", "wagner-arrives", "ambassador-expelled"]


def test_actor_affiliations_show_both_directions(run: Run) -> None:
    profile = as_json(run("actor", "mali", "--format", "json"))
    pairs = [(a["direction"], a["relation"], a["actor"]) for a in profile["affiliations"]]
    assert pairs == [
        ("incoming", "leader-of", "amadou-toumani-toure"),
        ("incoming", "leader-of", "assimi-goita"),
        ("incoming", "contracted-by", "wagner"),
    ]


def test_actor_plain_output_is_labelled_lines(run: Run) -> None:
    result = run("actor", "goita")
    assert rows(result) == [
        ["id", "assimi-goita"],
        ["name", "Assimi Goïta"],
        ["kind", "person"],
        ["aliases", "Goita; Colonel Goïta"],
        ["country", "Mali"],
        ["active", "2020-08/.."],  # ISO 8601 open interval, like every machine output
        ["summary", "Colonel who led the coups of 2020 and 2021."],
        # each relation read from the actor's side, in words (issue 26)
        ["relations", "leads: Mali (mali) [since 2021-05]"],
        [
            "sources",
            "seed — Unknown (seed article), “France calls an end to Operation Barkhane and "
            "leaves Mali” “Assimi Goita seized power through a coup in August 2020”",
        ],
        [
            "event",
            "2020-08-18",
            "",
            "coup",
            "coup-2020",
            "Keïta ousted",
            "assimi-goita,mali",
            "bamako",
            "",
            "",
            "",
            "",
            "",  # fatalities_counted: what sums add, nothing for no toll
        ],
    ]


def test_actor_table_on_a_terminal(run: Run, tty: dict[str, str]) -> None:
    out = run("actor", "jnim", env=tty).stdout
    assert "Jama'at Nusrat al-Islam wal-Muslimin" in out
    assert "Events of Jama'at Nusrat al-Islam wal-Muslimin" in out.splitlines()
    assert "Ouagadougou attack" in out
    # the count once, under the table; the card's sources follow it (U32: events first)
    lines = out.splitlines()
    assert lines.count("1 event") == 1 and lines[lines.index("1 event") + 1] == "Sources"


def test_actor_tsv_prints_its_events(run: Run) -> None:
    result = run("actor", "france", "--format", "tsv", "--fields", "id,date")
    assert result.stdout.splitlines() == [
        "id\tdate",
        "serval\t2013-01-11",
        "ambassador-expelled\t2022-01-31",
        "barkhane-ends\t2022-11-09",
    ]


def test_actors_listing(run: Run) -> None:
    items = as_json(run("actors", "--format", "json", "--kind", "person"))
    assert items == [
        {
            "id": "amadou-koufa",
            "name": "Amadou Koufa",
            "kind": "person",
            "aliases": [],
            "country": "Mali",
            "start": None,
            "end": None,
            "events": 0,
        },
        {
            "id": "amadou-toumani-toure",
            "name": "Amadou Toumani Touré",
            "kind": "person",
            "aliases": ["ATT"],
            "country": "Mali",
            "start": None,
            "end": "2012-03-22",
            "events": 0,
        },
        {
            "id": "assimi-goita",
            "name": "Assimi Goïta",
            "kind": "person",
            "aliases": ["Goita", "Colonel Goïta"],
            "country": "Mali",
            "start": "2020-08",
            "end": None,
            "events": 1,
        },
    ]


def test_place_profile_and_listing(run: Run) -> None:
    profile = as_json(run("place", "Tombouctou", "--format", "json"))
    assert (profile["id"], profile["lat"], profile["lon"]) == ("timbuktu", 16.77, -3.01)
    assert profile["aliases"] == ["Tombouctou"]
    assert [e["id"] for e in profile["events"]] == ["timbuktu-falls", "serval"]
    listing = run("places", "--country", "burkina")
    assert rows(listing) == [
        [
            "ouagadougou",
            "Ouagadougou",
            "capital",
            "Centre Region",
            "Burkina Faso",
            "12.3700",
            "-1.5300",
            "1",
        ]
    ]


def test_event_card_json_has_sources_with_quotes_and_related(run: Run) -> None:
    detail = as_json(run("event", "ambassador-expelled", "--format", "json"))
    assert detail["disputed"].startswith("The seed dates the expulsion")
    seed = next(s for s in detail["sources"] if s["id"] == "seed")
    assert seed["quote"].startswith("Alienating the Malian government")
    assert seed["title"] == "France calls an end to Operation Barkhane and leaves Mali"
    # Shared actors first, then nearness; nothing more than a year away.
    assert detail["related"] == ["wagner-arrives", "barkhane-ends"]


_HOSTAGES = """
[[events]]
id = "kidnapping"
date = "2011-11-25"
title = "Tourists kidnapped"
summary = "S."
type = "attack"
attribution = "unknown"
places = ["timbuktu"]
sources = [{ id = "ref-a" }]

[[events]]
id = "release"
date = "2014-12-09"
title = "The last hostage freed"
summary = "S."
type = "diplomacy"
places = ["bamako"]
follows = ["kidnapping"]
sources = [{ id = "ref-a" }]
"""


def test_a_sequel_is_shown_both_ways_at_the_head_of_related(run: Run, tmp_path: Path) -> None:
    # U6: the card of the 2011 kidnapping at Hombori and Timbuktu listed unrelated events
    # of 2011-2012 and none of the hostages' fates, years later.
    data = tmp_path / "hostages.toml"
    data.write_text(_HOSTAGES, encoding="utf-8")
    before = as_json(run("event", "kidnapping", "--data", str(data), "-f", "json"))
    assert (before["follows"], before["followed_by"]) == ([], ["release"])
    assert before["related"][0] == "release"
    after = as_json(run("event", "release", "--data", str(data), "-f", "json"))
    assert (after["follows"], after["followed_by"], after["related"][0]) == (
        ["kidnapping"], [], "kidnapping",
    )  # fmt: skip
    card = run("event", "kidnapping", "--data", str(data), "-f", "plain").stdout.splitlines()
    assert "related\tfollowed by: 2014-12-09 The last hostage freed (release)" in card


def test_a_sequel_link_is_checked(run: Run, tmp_path: Path) -> None:
    data = tmp_path / "bad.toml"
    later = _HOSTAGES.split("[[events]]")[1].replace('"kidnapping"', '"late"')
    data.write_text(
        _HOSTAGES.replace('follows = ["kidnapping"]', 'follows = ["kidnaping", "release"]')
        + "[[events]]"
        + later.replace("2011-11-25", "2016-01-01").replace(
            'places = ["timbuktu"]', 'places = ["timbuktu"]\nfollows = ["release"]'
        )
        + "[[events]]"
        + later.replace('"late"', '"early"').replace(
            'places = ["timbuktu"]', 'places = ["timbuktu"]\nfollows = ["late"]'
        ),
        encoding="utf-8",
    )
    lines = run("validate", str(data)).stdout.splitlines()
    assert any("follows: unknown event 'kidnaping'; did you mean 'kidnapping'?" in x for x in lines)
    assert any("'release' follows: an event cannot follow itself" in x for x in lines)
    assert any(
        "warning: events 'early' follows: follows 'late', which starts later (2016-01-01); "
        "the link belongs on 'late'" in x
        for x in lines
    )
    assert not any("'late' follows" in x for x in lines)  # 2016 follows 2014: right way round


def test_event_card_plain_shows_dispute_and_quote(run: Run) -> None:
    lines = run("event", "ambassador").stdout.splitlines()
    assert (
        "disputed\tThe seed dates the expulsion to February 2022; it was announced on 31 January 2022."
        in lines
    )
    assert any(
        line.startswith("sources\tseed — ") and "“Alienating the Malian" in line for line in lines
    )


@pytest.mark.parametrize(
    ("event", "roles"),
    [
        ("bourasso-attack-2022", "unknown → Civilians"),  # no one credibly named
        # "claimed" is the perpetrator's own word: here an army's admission of a mistake
        ("natigou-children-killed-togo-2022", "claimed or admitted: Togo → Civilians"),
        ("tessalit-retaken-2013", "claimed or admitted by France, Serval, Chad"),
        # no claim, the perpetrator named only as the likely one
        ("darey-daye-massacre-2021-08", "suspected: ISGS → Civilians"),
        # named without a hedge by the reporting page, no claim: attributed, and said so
        ("stockly-kidnapped-timbuktu-2012", "attributed: AQIM → Civilians"),
        # France announced its own strikes: claimed; the pilot's death is theirs to report
        (
            "serval-pilot-boiteux-killed-2013",
            "claimed or admitted: France, Serval → Ansar Dine, MUJAO, AQIM",
        ),
        # a UN officer named MUJAO; Ould Bady's claim was not MUJAO's: said, not bare (a
        # bare name read as fact, U45)
        ("nigerien-peacekeepers-ambush", "attributed: MUJAO → MINUSMA, Niger"),
        ("kantanrom-island-ambush-2015", "attributed to Boko Haram"),
    ],
)
@pytest.mark.usefixtures("bundled")
def test_an_event_card_says_who_did_it_to_whom(run: Run, event: str, roles: str) -> None:
    """`event ID | grep roles` answers "who did it", in the timeline cell's words; the
    JSON (the card's profile) has the ids and how it is known."""
    assert ["roles", roles] in rows(run("event", event))
    shown = run("event", event, env=terminal(100)).stdout
    assert re.search(rf"│ roles +{re.escape(roles)} ", shown)
    detail = as_json(run("event", event, "--format", "json"))
    assert {"perpetrators", "targets", "attribution"} <= detail.keys()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        # "Ł" folded to nothing, and the query became "5": the June 5 Movement
        (("actor", "Ł 5"), "no actor matches 'Ł 5'"),
        (("place", "Łódź"), "no place matches 'Łódź'"),
    ],
)
@pytest.mark.usefixtures("bundled")
def test_a_letter_without_a_mark_folds_to_its_plain_letter(
    run: Run, args: tuple[str, ...], said: str
) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr.startswith(f"barkhane: {said};")


@pytest.mark.usefixtures("bundled")
def test_a_letter_without_a_mark_is_found_as_its_plain_letter(run: Run) -> None:
    # the same folding in search and in a lookup by name (once, not once a case above)
    assert run("search", "Ø 0").stdout == ""  # "o 0", not "0" (a vote of 150 to 0)
    # and a dotless i is an i: Goıta is Assimi Goïta
    assert ["id", "assimi-goita"] in rows(run("actor", "Goıta"))
    # the record's Rafał Bednarski is found as typed on any keyboard ("Rafał" was "rafa")
    assert "bednarski-freed-2022" in [r[1] for r in rows(run("search", "rafal"))]


@pytest.mark.usefixtures("bundled")
def test_a_name_read_in_words_says_what_else_holds_it(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`actor dicko` opened Mahmoud Dicko without a word of the other Dickos in event
    titles (Ibrahim Malam Dicko, Oumarou Dicko, Tidiane Dicko): one line on a watched
    stderr says so, for actor, place and event alike; never in a pipe, nor for an id or
    a whole name, nor of the events the card itself lists (Mahmoud Dicko's rally).
    (Ansarul Islam's Dicko brothers are actors now, so `actor dicko` is refused as
    ambiguous; `actor gaddafi` still picks one actor while an event title holds it.)"""
    piped = run("actor", "gaddafi")
    assert (piped.exit_code, piped.stderr) == (0, "")
    told = watched(monkeypatch, worked_out=True)
    assert ["id", "muammar-gaddafi"] in rows(run("actor", "gaddafi"))
    run("actor", "Muammar Gaddafi")
    run("actor", "muammar-gaddafi")
    run("place", "boulkes")  # Boulkessi: the events titled with it are its own
    run("place", "w park")
    run("event", "Amadou Toumani")  # "Imam Dicko" names two rallies since session 20
    assert told == [
        "read 'gaddafi' as Muammar Gaddafi (muammar-gaddafi); 1 more name or title holds "
        "it: barkhane search gaddafi",
        "read 'w park' as W National Park (Benin) (w-national-park-benin); 2 more names or "
        "titles hold it: barkhane search 'w park'",
        "read 'Amadou Toumani' as Amadou Toumani Touré formally resigns (toure-resigns); "
        "1 more name or title holds it: barkhane search 'Amadou Toumani'",
    ]


def test_facts(run: Run) -> None:
    result = run("facts", "barkhane", "--fields", "id,value,low,high,unit,as_of,disputed")
    assert rows(result) == [
        ["barkhane-peak", "5100", "", "", "troops", "2020", ""],
        [
            "barkhane-peak-seed",
            "5500",
            "",
            "",
            "troops",
            "2022-11",
            "Most sources give about 5,100.",
        ],
    ]
    by_actor = as_json(run("facts", "--actor", "wagner", "--format", "json"))
    assert [(f["id"], f["low"], f["high"], f["value"]) for f in by_actor] == [
        ("wagner-size", 1000, 1500, None)
    ]


def test_every_fact_json_key_can_be_asked_for_as_a_field(run: Run) -> None:
    """The review of this session's change: `facts --fields id,cause,since` was refused
    ("unknown field 'cause'") though JSON gives both, so CSV could not tell a count of
    deaths in hostile acts from one of every cause. Only `precision` (as_of's) is JSON's own."""
    keys = as_json(run("facts", "--format", "json"))[0].keys()
    asked = run("facts", "--fields", ",".join(k for k in keys if k != "precision"), "-f", "csv")
    assert asked.exit_code == 0, asked.stderr
    assert asked.stdout.splitlines()[0].split(",") == [k for k in keys if k != "precision"]


def test_sources_count_citations(run: Run) -> None:
    result = run("sources", "--fields", "id,cited_by")
    assert rows(result) == [["ref-a", "23"], ["seed", "8"]]


def test_search_ranks_names_before_text(run: Run) -> None:
    hits = as_json(run("search", "wagner", "--format", "json"))
    assert [(h["kind"], h["id"]) for h in hits] == [
        ("actor", "wagner"),
        ("event", "wagner-arrives"),
        ("fact", "wagner-size"),
    ]
    accents = as_json(run("search", "KEITA", "--format", "json"))
    assert [(h["kind"], h["id"]) for h in accents] == [("event", "coup-2020")]


def test_every_command_has_help(run: Run) -> None:
    for words, command in commands():
        if len(words) == 1:
            assert command.help, words
            assert run(*words, "--help").exit_code == 0


def test_subcommand_help_wraps_as_paragraphs(run: Run) -> None:
    # `import acled --help` at 80 columns once broke its description after single words
    # ("lists", "are", "with"): a group's subcommands kept their docstrings' source line
    # breaks, which Rich then wrapped again. A line may end early only where the next
    # word would not have fitted.
    checked = 0
    for words, _ in commands():
        if len(words) == 2:
            out = run(*words, "--help", env={"COLUMNS": "80"}).stdout.splitlines()
            described = out[: out.index(next(x for x in out if "─" in x))]
            early = [
                line.strip()
                for line, after in itertools.pairwise(described)
                if line.strip() and after.strip() and "Usage:" not in line
                and len(line.strip()) + 1 + len(after.split()[0]) <= 76
            ]  # fmt: skip
            assert early == [], words
            checked += 1
    assert checked >= 3  # import acled, import ucdp, export sqlite


def test_completion_candidates_come_from_the_data(
    monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    assert run("sources").exit_code == 0  # completion reads the store this builds
    assert candidates("actors", "am") == [
        ("amadou-koufa", "Amadou Koufa"),
        ("amadou-toumani-toure", "Amadou Toumani Touré"),
    ]
    assert candidates("actors", "Goi") == [("assimi-goita", "Assimi Goïta")]
    assert candidates("places", "Tomb") == [("timbuktu", "Timbuktu")]
    assert ("minusma-closes", "MINUSMA closes") in candidates("events", "m")
    monkeypatch.setenv("BARKHANE_DATA", str(MINI.parent / "does-not-exist.toml"))
    assert candidates("actors", "wag") == [("wagner", "Wagner Group")]


def test_an_actor_card_reads_leaders_first_and_each_relation_once(
    run: Run, tty: dict[str, str]
) -> None:
    """Issue 26: the JNIM card buried the leader among 17 affiliation lines, several
    listed in both directions; the card's URLs were cut across lines."""
    from barkhane_cli.render.profiles import _relations

    def rel(
        actor: str, relation: str, direction: str, note: str | None = None
    ) -> dict[str, object]:
        return {"actor": actor, "name": actor.title(), "relation": relation, "start": None,
                "end": None, "note": note, "direction": direction}  # fmt: skip

    leaders, lines = _relations([
        rel("france", "fought-against", "incoming"),
        rel("france", "fought-against", "outgoing", "since 2013"),
        rel("koufa", "leader-of", "incoming"),
        rel("aqim", "pledged-to", "outgoing"),
    ])  # fmt: skip
    assert leaders == "Koufa (koufa)"
    assert lines == ["pledged to: Aqim (aqim)", "fought: France (france) [since 2013]"]
    result = run("actor", "mali", env=tty | {"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    leaders_at = next(i for i, line in enumerate(lines) if line.startswith("│ leaders"))
    assert lines[leaders_at].startswith("│ leaders  Amadou Toumani Touré (amadou-toumani-toure)")
    assert leaders_at < next(i for i, line in enumerate(lines) if line.startswith("│ summary"))
    assert "    https://example.org/a" in lines  # whole, on a line of its own
    event = run("event", "timbuktu-falls", env=tty | {"COLUMNS": "60"})
    assert "timbuktu-falls · " in event.stdout.splitlines()[0]  # the id whole in the title


def test_a_second_term_with_the_same_actor_is_shown() -> None:
    """Round three: Padacké's 2021-2022 premiership was hidden behind his 2016-2018 one
    (one item per other actor), and so were Diop's and Le Drian's second posts."""
    from barkhane_cli.render.profiles import _relations

    def rel(start: str | None, end: str | None, direction: str) -> dict[str, object]:
        return {"actor": "chad", "name": "Chad", "relation": "leader-of", "start": start,
                "end": end, "note": None, "direction": direction}  # fmt: skip

    _, lines = _relations([rel("2016", "2018", "outgoing"), rel("2021", "2022", "outgoing")])
    assert lines == ["leads: Chad (chad) [2016 to 2018]; Chad (chad) [2021 to 2022]"]
    # an undated copy of a dated relation (recorded on the other actor) adds nothing, nor
    # does a copy with finer dates that overlap (the review's case): the fuller is kept
    _, lines = _relations([rel(None, None, "outgoing"), rel("2016", "2018", "outgoing")])
    assert lines == ["leads: Chad (chad) [2016 to 2018]"]
    _, lines = _relations([rel("2016", "2018", "outgoing"), rel("2016-02", "2018-05", "outgoing")])
    assert lines == ["leads: Chad (chad) [2016-02 to 2018-05]"]
    # terms that meet (one ends the day the next begins) are two
    _, lines = _relations(
        [rel("2016", "2018-05-03", "outgoing"), rel("2018-05-03", None, "outgoing")]
    )
    assert lines == ["leads: Chad (chad) [2016 to 2018-05-03]; Chad (chad) [since 2018-05-03]"]
    # a term within one year and a copy inside it are one, as model.overlap reads a pair
    # on two actors (the card compared dates as text: "2014-03" is not before "2014")
    _, lines = _relations([rel("2014", "2014", "outgoing"), rel("2014-03", "2014-06", "outgoing")])
    assert lines == ["leads: Chad (chad) [2014-03 to 2014-06]"]


_KAFOLO = """
[[places]]
id = "kafolo"
name = "Kafolo"
kind = "village"
lat = 9.6
lon = -4.33
country = "Côte d'Ivoire"
sources = [{ id = "ref-a" }]

[[events]]
id = "kafolo-2020"
date = "2020-06-11"
title = "Jihadists attack an Ivorian border post at Kafolo"
summary = "S."
type = "attack"
actors = ["jnim"]
places = ["kafolo"]
sources = [{ id = "ref-a" }]

[[events]]
id = "kafolo-2021"
date = "2021-03-29"
title = "Night attacks on Ivorian posts at Kafolo"
summary = "S."
type = "attack"
places = ["kafolo"]
sources = [{ id = "ref-a" }]

[[events]]
id = "kafolo-2023"
date = "2023-02-01"
title = "A patrol at Kafolo"
summary = "S."
type = "operation"
places = ["kafolo"]
sources = [{ id = "ref-a" }]

[[events]]
id = "far-away"
date = "2020-06-20"
title = "An attack elsewhere, the same month"
summary = "S."
type = "attack"
actors = ["jnim"]
places = ["timbuktu"]
sources = [{ id = "ref-a" }]
"""


def test_events_at_the_same_place_lead_related(run: Run, tmp_path: Path) -> None:
    # U16: the card of the 2020 Kafolo attack listed Burkina and Mali events of its weeks
    # and not the 2021 attacks at Kafolo itself
    data = tmp_path / "kafolo.toml"
    data.write_text(_KAFOLO, encoding="utf-8")
    detail = as_json(run("event", "kafolo-2020", "--data", str(data), "-f", "json"))
    # the same place whatever the date, nearest first; then the rest as before
    assert detail["related"][:3] == ["kafolo-2021", "kafolo-2023", "far-away"]
    card = run("event", "kafolo-2020", "--data", str(data), "-f", "plain").stdout.splitlines()
    related = [line for line in card if line.startswith("related\t")]
    assert related[:3] == [
        "related\tat Kafolo: 2021-03-29 Night attacks on Ivorian posts at Kafolo (kafolo-2021)",
        "related\tat Kafolo: 2023-02-01 A patrol at Kafolo (kafolo-2023)",
        # U32: an event related by its actors alone says so, and how near it is
        "related\tshares JNIM, 9 days later: 2020-06-20 An attack elsewhere, the same month "
        "(far-away)",
    ]
    # JSON gives each reason, in the order of "related"
    assert detail["related_why"][:3] == ["at Kafolo", "at Kafolo", "shares JNIM, 9 days later"]


_KAFOLO_JNIM = """
[[events]]
id = "kafolo-2024"
date = "2024-05-01"
title = "JNIM returns to Kafolo"
summary = "S."
type = "attack"
actors = ["jnim"]
places = ["kafolo"]
sources = [{ id = "ref-a" }]
"""


_TOGO = """
[[actors]]
id = "togo"
name = "Togo"
kind = "state"
summary = "S."
sources = [{ id = "ref-a" }]

[[events]]
id = "post-attack"
date = "2022-05-11"
title = "A Togolese post attacked"
summary = "S."
type = "attack"
actors = ["jnim", "togo"]
perpetrators = ["jnim"]
attribution = "claimed"
places = ["bamako"]
sources = [{ id = "ref-a" }]

[[events]]
id = "same-day"
date = "2022-05-11"
title = "JNIM elsewhere the same day"
summary = "S."
type = "attack"
actors = ["jnim"]
attribution = "claimed"
perpetrators = ["jnim"]
places = ["bamako"]
sources = [{ id = "ref-a" }]

[[events]]
id = "before"
date = "2022-03-01"
title = "Togo and JNIM, months before"
summary = "S."
type = "battle"
actors = ["togo", "jnim"]
places = ["bamako"]
sources = [{ id = "ref-a" }]
"""


def test_each_related_event_says_why_it_is_there(run: Run, tmp_path: Path) -> None:
    # U32: the card of the Kpinkankandi attack in Togo listed attacks in Burkina Faso of
    # the same week with nothing saying why: they share JNIM. The actors both name (in
    # the card's order, as the timeline names them) and how far apart the two begin (a
    # capital is no one place: Bamako's events are not related for being there)
    data = tmp_path / "togo.toml"
    data.write_text(_TOGO, encoding="utf-8")
    args = ("event", "post-attack", "--data", str(data))
    card = run(*args, "-f", "plain").stdout.splitlines()
    assert [line for line in card if line.startswith("related\t")] == [
        "related\tshares JNIM and Togo, 2 months earlier: 2022-03-01 Togo and JNIM, months "
        "before (before)",
        "related\tshares JNIM, the same day: 2022-05-11 JNIM elsewhere the same day (same-day)",
    ]
    detail = as_json(run(*args, "-f", "json"))
    assert (detail["related"], detail["related_why"]) == (
        ["before", "same-day"],
        ["shares JNIM and Togo, 2 months earlier", "shares JNIM, the same day"],
    )


def test_related_is_in_the_cards_order_in_every_format(run: Run, tmp_path: Path) -> None:
    # U25: the card listed the same place's events by date, JSON's "related" the same ids
    # by shared actors (kafolo-2024, sharing JNIM, first): one order, the card's
    data = tmp_path / "kafolo.toml"
    data.write_text(_KAFOLO + _KAFOLO_JNIM, encoding="utf-8")
    args = ("event", "kafolo-2020", "--data", str(data))
    card = run(*args, "-f", "plain").stdout.splitlines()
    shown = [line.rsplit("(", 1)[1].rstrip(")") for line in card if line.startswith("related\t")]
    assert shown[:4] == ["kafolo-2021", "kafolo-2023", "kafolo-2024", "far-away"]
    assert as_json(run(*args, "-f", "json"))["related"] == shown


@pytest.mark.usefixtures("bundled")
def test_the_kafolo_attack_leads_to_the_later_attacks_at_kafolo(run: Run) -> None:
    detail = as_json(run("event", "kafolo-attack-2020", "-f", "json"))
    assert detail["related"][0] == "kafolo-kolobougou-attacks-2021"


_NEIGHBOUR = """
[[events]]
id = "same-week"
date = "2020-06-12"
title = "A vote elsewhere, the next day"
summary = "S."
type = "politics"
places = ["timbuktu"]
sources = [{ id = "ref-a" }]
"""


def test_a_date_alone_does_not_make_an_event_related(run: Run, tmp_path: Path) -> None:
    # U24: Benin's 2019 legislative election listed a Mali-Burkina sweep of its weeks,
    # sharing no actor, place or link: README says related events share them
    data = tmp_path / "kafolo.toml"
    data.write_text(_KAFOLO + _NEIGHBOUR, encoding="utf-8")
    detail = as_json(run("event", "kafolo-2020", "--data", str(data), "-f", "json"))
    assert "same-week" not in detail["related"]
    assert "far-away" in detail["related"]  # it shares JNIM: still related
    alone = as_json(run("event", "same-week", "--data", str(data), "-f", "json"))
    assert "kafolo-2020" not in alone["related"]


@pytest.mark.usefixtures("bundled")
def test_benins_election_lists_no_unrelated_operation(run: Run) -> None:
    ident = "benin-legislative-election-2019"
    detail = as_json(run("event", ident, "-f", "json"))
    assert "kapidgou-operation-2019" not in detail["related"]
    # not for want of the operation (a renamed id would leave the line above nothing to
    # check): it ends the month of the vote and shares nothing with it
    them = as_json(run("event", "kapidgou-operation-2019", "-f", "json"))
    assert them["end"] == detail["date"][:7] and not set(them["actors"]) & set(detail["actors"])
    links = set(detail["follows"]) | set(detail["followed_by"])
    for other in detail["related"]:
        if other not in links:
            them = as_json(run("event", other, "-f", "json"))
            shared = set(them["actors"]) & set(detail["actors"])
            assert shared or set(them["places"]) & set(detail["places"]), other


JNIM = "Jama'at Nusrat al-Islam wal-Muslimin"


def test_a_card_whose_filters_leave_no_event_says_so_in_its_events_section(
    run: Run, tty: dict[str, str]
) -> None:
    # U32: `actor wagner --year 2020` dropped the events section without a word, where
    # timeline says "no events match"; the card says it where its events would be
    result = run("actor", "jnim", "--year", "2010", "--type", "attack", env=tty)
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    at = lines.index(f"Events of {JNIM}")
    assert lines[at + 1] == f"No events of {JNIM} match --year 2010 --type attack."
    # a place's card alike; what --aftermath would add is said with it
    result = run("place", "bamako", "--since", "1 June 2023", env=tty)
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    at = lines.index("Events of Bamako")
    assert (result.exit_code, lines[at + 1]) == (
        0,
        "No events of Bamako match --since '1 June 2023'; 1 event after the record: add "
        "--aftermath.",
    )


def test_piped_a_card_with_no_event_says_so_on_stderr_and_its_rows_stay_rows(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    # said to a person watching stderr (records.tell), as timeline's notes are: a script
    # whose stderr is a log gets none
    result = run("actor", "jnim", "--year", "2010")
    assert (result.exit_code, result.stderr) == (0, "")
    told = watched(monkeypatch)
    result = run("actor", "jnim", "--year", "2010")
    assert told == [f"No events of {JNIM} match --year 2010."]
    assert result.stdout.startswith("id\tjnim\n")
    assert not [line for line in result.stdout.splitlines() if line.startswith("event\t")]
    # JSON is the profile, its events empty, and nothing more
    result = run("actor", "jnim", "--year", "2010", "-f", "json")
    assert (result.exit_code, as_json(result)["events"], result.stderr) == (0, [], "")


def test_a_cards_events_come_before_its_sources(run: Run, tty: dict[str, str]) -> None:
    # U32: at 80 columns Wagner's card ran 318 lines and its events began after line 265,
    # below 30 sources: the timeline is what a reader came for, the sources a
    # bibliography, read last. The table's count closes the events, then the sources
    result = run("actor", "jnim", env=terminal(80))
    lines = [line.strip() for line in result.stdout.splitlines()]
    events, count = lines.index(f"Events of {JNIM}"), lines.index("1 event")
    sources = lines.index("Sources")
    assert events < count == sources - 1
    assert "Ouagadougou attack" in "\n".join(lines[events:count])
    # piped, the card's rows keep their order: the events last, as before
    piped = [line.split("\t")[0] for line in run("actor", "jnim").stdout.splitlines()]
    assert piped.index("sources") < piped.index("event") and piped[-1] == "event"
