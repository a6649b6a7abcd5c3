"""A "did you mean" where a user guessed a name rather than mistyped it (U15): a field
called by what it holds, an event asked for by its place."""

from __future__ import annotations

import io
import json
import shlex
import sys
from pathlib import Path

import pytest
from conftest import Run, as_json, watched


@pytest.mark.parametrize(
    ("command", "asked", "meant"),
    [
        ("facts", "date", "as_of"),  # a fact's date is as_of
        ("timeline", "deaths", "fatalities"),  # letters alone said "did you mean 'date'?"
        ("timeline", "toll", "fatalities"),
        ("timeline", "when", "date"),  # an event's date is date
        ("facts", "When", "as_of"),
    ],
)
def test_a_field_called_by_another_name_gets_the_field_it_means(
    run: Run, command: str, asked: str, meant: str
) -> None:
    result = run(command, "--fields", f"id,{asked}", "-f", "csv")
    assert result.exit_code == 2
    assert result.stdout == ""
    kind = "facts" if command == "facts" else "events"
    assert result.stderr.startswith(
        f"barkhane: unknown field {asked!r} for {kind}; did you mean {meant!r}? fields are: id, "
    )
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "said"),
    [
        # a place's few events are named; many, the timeline that lists them
        ("timbuktoo", "did you mean timbuktu-falls or serval (the events at Timbuktu)?"),
        ("ouagadugu", "did you mean ouaga-attack (the event at Ouagadougou)?"),
        ("bamko", "did you mean the 4 events at Bamako? barkhane timeline --place bamako"),
        # a word of a title (no whole title is near it): the event's id
        ("expeled", "did you mean ambassador-expelled?"),
    ],
)
def test_event_suggests_the_events_at_a_place_or_the_closest_ids(
    run: Run, name: str, said: str
) -> None:
    result = run("event", name)
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == f"barkhane: no event matches {name!r}; {said}\n"


@pytest.mark.usefixtures("bundled")
def test_event_boulkesi_points_to_the_events_at_boulkessi(run: Run) -> None:
    """U15's typo: `place boulkesi` offered Boulkessi, `event boulkesi` nothing."""
    result = run("event", "boulkesi")
    assert result.exit_code == 3
    head, _, tail = result.stderr.partition(" events at Boulkessi? ")
    assert head.startswith("barkhane: no event matches 'boulkesi'; did you mean the ")
    assert tail == "barkhane timeline --place boulkessi\n"
    listed = run("timeline", "--place", "boulkessi", "--count")
    assert head.rsplit(" ", 1)[1] == listed.stdout.strip()


@pytest.mark.usefixtures("bundled")
@pytest.mark.parametrize("name", ["expeled", "expelled"])
def test_event_suggests_ids_holding_another_form_of_the_word(run: Run, name: str) -> None:
    """The README's own example (U19): `event expeled` got no suggestion, though four ids
    say "expels"; its ratio to the word is 0.77, under the cutoff. A shared stem counts."""
    result = run("event", name)
    assert result.exit_code == 3
    assert result.stderr == (
        f"barkhane: no event matches {name!r}; did you mean "
        "mali-expels-danish-takuba-contingent or mali-expels-ecowas-envoy-2021 or "
        "mali-expels-french-ambassador?\n"
    )


CRISIS = """\
[[sources]]
id = "s"
title = "T"
publisher = "P"
kind = "news"

[[facts]]
id = "sahel-crisis-deaths"
label = "Deaths in the Sahel crisis"
value = 7
unit = "people"
as_of = "2020-06"
scope = "test"
category = "displacement"
sources = [{ id = "s" }]

[[facts]]
id = "any-ruling"
label = "Trials without any ruling"
value = 3
unit = "people"
as_of = "2020-06"
scope = "test"
category = "displacement"
sources = [{ id = "s" }]
"""


@pytest.mark.parametrize(
    ("name", "said"),
    [
        # a word near a word of a label, as it begins and long enough to mean something
        ("crisiss", "did you mean Deaths in the Sahel crisis (sahel-crisis-deaths)?"),
        # "isis" is 0.8 of "crisis", "arny" 0.86 of "any": no name is near either
        ("isis", "barkhane facts {data} --fields id lists them all"),
        ("arny", "barkhane facts {data} --fields id lists them all"),
    ],
)
def test_a_word_is_near_a_word_it_begins_as_and_not_a_short_one(
    run: Run, tmp_path: Path, name: str, said: str
) -> None:
    """K5's word-by-word "did you mean" offered the deaths in the Sahel crisis for `fact
    isis` and any title saying "any" for `source arny`."""
    data = tmp_path / "crisis.toml"
    data.write_text(CRISIS, encoding="utf-8")
    result = run("fact", "--data", str(data), name)
    assert result.exit_code == 3
    said = said.format(data=f"--data {shlex.quote(str(data))}")  # the same data (U33)
    assert result.stderr == f"barkhane: no fact matches {name!r}; {said}\n"


NAMESAKES = """\
[[actors]]
id = "dorgo"
name = "Dorgo Front"
aliases = ["Dorgo"]
kind = "armed-group"
summary = "S."
sources = [{ id = "ref-a" }]

[[actors]]
id = "sabra"
name = "Sabra"
kind = "militia"
summary = "S."
sources = [{ id = "ref-a" }]
"""
_PLACE = """
[[places]]
id = "{id}"
name = "{name}"
kind = "town"
lat = 14.0
lon = -2.0
country = "Mali"
sources = [{{ id = "ref-a" }}]
"""
_EVENT = """
[[events]]
id = "{id}"
date = "2019-0{n}-01"
title = "{title}"
summary = "S."
type = "attack"
actors = {actors}
places = {places}
sources = [{{ id = "ref-a" }}]
"""


@pytest.fixture
def namesakes(tmp_path: Path) -> Path:
    """Kelta is a place, Dorgo an actor's alias, Sabra both; 'raid' neither."""
    events = [
        ("raid-k", "Raid on Kelta", ["dorgo"], ["kelta"]),
        ("market-k", "Kelta market raid, then a long siege of the town", [], ["kelta"]),
        ("raid-s", "Dorgo raid at Sabra", ["dorgo", "sabra"], ["sabra"]),
        ("split-d", "Dorgo splits", ["dorgo"], []),
        ("forms-s", "Sabra militia forms", ["sabra"], []),
        ("siege-s", "Sabra besieged", [], ["sabra"]),
    ]
    text = NAMESAKES + "".join(_PLACE.format(id=p, name=p.capitalize()) for p in ("kelta", "sabra"))
    for n, (ident, title, actors, places) in enumerate(events, 1):
        text += _EVENT.format(id=ident, n=n, title=title, actors=actors, places=places)
    path = tmp_path / "namesakes.toml"
    path.write_text(text.replace("'", '"'), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "said"),
    [
        (  # a place's id and name: what it is, its events by id or title, and the listing
            # of the events there (U26: an exact id of another kind comes first)
            "kelta",
            "'kelta' names the place Kelta (barkhane place {data} kelta) and 2 events by id or "
            "title: Raid on Kelta (raid-k), Kelta market raid, then a long siege of the town "
            "(market-k); barkhane timeline {data} --place kelta lists the events at Kelta; give "
            "the event's id",
        ),
        (  # an actor's id and alias
            "dorgo",
            "'dorgo' names the actor Dorgo Front (barkhane actor {data} dorgo) and 2 events by id "
            "or title: Dorgo splits (split-d), Dorgo raid at Sabra (raid-s); barkhane timeline "
            "{data} --actor dorgo lists the events naming Dorgo Front; give the event's id",
        ),
        (  # both: the two listings
            "Sabra",
            "'Sabra' names the actor Sabra (barkhane actor {data} sabra), the place Sabra "
            "(barkhane place {data} sabra) and 3 events by id or title: Sabra besieged (siege-s), "
            "Sabra militia forms (forms-s), Dorgo raid at Sabra (raid-s); barkhane timeline "
            "{data} --place sabra lists the events at Sabra, --actor sabra the events naming "
            "Sabra; give the event's id",
        ),
        (  # neither: the matching titles, as before
            "raid",
            "'raid' matches 3 events: Kelta market raid, then a long siege of the town "
            "(market-k), Raid on Kelta (raid-k), Dorgo raid at Sabra (raid-s); be more "
            "specific or give the id",
        ),
    ],
)
def test_event_named_like_a_place_or_an_actor_lists_its_events(
    run: Run, namesakes: Path, name: str, said: str
) -> None:
    """`event gao` answered with 37 titles in one line: a word that is a place's or an
    actor's name says so, how many events match it by id or title, each of them (the
    nearest few when more than an error names), and the command that lists the events at
    the place or naming the actor. One count: U45 read three in `event inates`'s line
    ("matches 5 events", "the 3 events at Inatès", "the 9 whose text holds it"). The
    exit code stays a lookup's."""
    result = run("event", name, "--data", str(namesakes))
    assert (result.exit_code, result.stdout) == (3, "")
    said = said.format(data=f"--data {shlex.quote(str(namesakes))}")  # the same data (U33)
    assert result.stderr == f"barkhane: {said}\n"


def test_a_place_with_one_event_by_title_opens_it_and_says_so(
    run: Run, namesakes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """U45 #11: `event moura` opened the Moura massacre and `event solhan` refused; one
    rule: a place's (or an actor's) name that one event's id or title holds opens that
    event, and a watched stderr says what else the name is."""
    told = watched(monkeypatch)
    ambush = _EVENT.format(
        id="ambush-t", n=7, title="Ambush near Tarka", actors=["dorgo"], places=["kelta"]
    ).replace("'", '"')
    path = namesakes.with_name("tarka.toml")
    path.write_text(namesakes.read_text(encoding="utf-8") + ambush, encoding="utf-8")
    result = run("event", "tarka", "--data", str(path), "-f", "json")
    assert json.loads(result.stdout)["id"] == "ambush-t"
    assert not any("it is also" in said for said in told), told  # no place of that name
    path.write_text(
        path.read_text(encoding="utf-8") + _PLACE.format(id="tarka", name="Tarka"),
        encoding="utf-8",
    )
    told.clear()
    result = run("event", "tarka", "--data", str(path), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "ambush-t"
    assert told == [
        "read 'tarka' as Ambush near Tarka (ambush-t), the one event whose id or title holds "
        f"it; it is also the place Tarka (barkhane place --data {shlex.quote(str(path))} tarka)"
    ]


_KELTA_SOURCES = """
[[sources]]
id = "kelta-raid-report"
title = "The raid on Kelta"
publisher = "P"
kind = "report"

[[sources]]
id = "kelta-siege-report"
title = "The siege of Kelta"
publisher = "P"
kind = "report"
"""


@pytest.mark.parametrize("spelt", ["kelta", "Kelta"])
def test_an_exact_id_of_another_kind_comes_before_partial_matches(
    run: Run, namesakes: Path, spelt: str
) -> None:
    """U26: `source coup-2020-08` said "'coup-2020-08' matches 3 sources: ...; be more
    specific or give the id", never that it is an event's id: an exact id beats a part of
    a name, so what it is comes first; the partial matches follow. A typo still gets its
    "did you mean"."""
    path = namesakes.with_name("sourced.toml")
    path.write_text(namesakes.read_text(encoding="utf-8") + _KELTA_SOURCES, encoding="utf-8")
    result = run("source", spelt, "--data", str(path))
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == (
        f"barkhane: {spelt} is a place, not a source: barkhane place --data "
        f"{shlex.quote(str(path))} kelta; '{spelt}' matches "
        "2 sources: The raid on Kelta (kelta-raid-report), The siege of Kelta "
        "(kelta-siege-report); be more specific or give the id\n"
    )
    typo = run("source", "kelta-raid-reprt", "--data", str(path))
    assert typo.exit_code == 3
    assert typo.stderr.startswith(
        "barkhane: no source matches 'kelta-raid-reprt'; did you mean The raid on Kelta "
        "(kelta-raid-report)"
    )


@pytest.fixture
def koro(tmp_path: Path) -> Path:
    """Korowita is a place; Koro is no place, but an event elsewhere names it; an event
    at Ouagadougou calls it Ouaga."""
    text = NAMESAKES + "".join(
        _PLACE.format(id=p, name=p.capitalize()) for p in ("korowita", "ouagadougou")
    )
    for n, (ident, title, places) in enumerate(
        [
            ("raid-w", "Raid on Korowita", ["korowita"]),
            ("ambush-k", "Ambush near Koro kills five", []),
            ("march-o", "March in Ouaga", ["ouagadougou"]),
        ],
        1,
    ):
        text += _EVENT.format(id=ident, n=n, title=title, actors=[], places=places)
    path = tmp_path / "koro.toml"
    path.write_text(text.replace("'", '"'), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [("place", "koro"), ("timeline", "--place", "koro", "--count"), ("map", "--place", "Koro")],
)
def test_a_word_events_name_elsewhere_is_no_prefix_of_a_place(
    run: Run, koro: Path, args: tuple[str, ...]
) -> None:
    """U26: `place koro` opened Korowita (Côte d'Ivoire) without a word, and `timeline
    --place koro --count` counted its one event, while events name Koro, a town of Mali:
    a name a place's only begins is not taken for it when events elsewhere hold it as a
    word. They are pointed to, as `place kolokani` does; every --place reads it so. The
    one event naming Koro is counted, and the search pointed to lists it alone: the
    name's word whole, not its start, which counted Korowita's raid too (U30)."""
    result = run(*args, "--data", str(koro))
    assert (result.exit_code, result.stdout) == (3, "")
    name = args[-2] if args[-1] == "--count" else args[-1]
    assert result.stderr == (
        f"barkhane: no place matches '{name}', but 1 event names it: barkhane search "
        f"--data {shlex.quote(str(koro))} '\"{name}\"'\n"
    )


@pytest.mark.parametrize(("name", "ident"), [("korow", "korowita"), ("ouaga", "ouagadougou")])
def test_a_prefix_no_event_elsewhere_holds_still_names_its_place(
    run: Run, koro: Path, name: str, ident: str
) -> None:
    """A prefix still opens its one place when no event holds it as a word, or only
    events at that place do ("ouaga" in a march at Ouagadougou)."""
    result = run("place", name, "--data", str(koro), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert as_json(result)["id"] == ident


@pytest.mark.usefixtures("bundled")
def test_a_name_sharing_only_scattered_letters_is_not_suggested(run: Run) -> None:
    """U19: `place atlantis` offered Kpinkankandi (its alias Kankanti is 0.625 of it at
    difflib's ratio). A name that does not begin alike must be nearer (resolve.
    SUGGEST_CUTOFF); one that does, and a typo, are still offered."""
    result = run("place", "atlantis")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == (
        "barkhane: no place matches 'atlantis'; barkhane places lists them all\n"
    )
    kidla = run("place", "kidla").stderr
    assert kidla.startswith("barkhane: no place matches 'kidla'; did you mean Kidal (kidal) or ")
    assert "did you mean Wagner Group (wagner)?" in run("actor", "wagnr").stderr


@pytest.fixture
def gunmen(namesakes: Path) -> Path:
    """The namesakes and nine raids whose titles all say "Gunmen", one more than an
    error names, in a folder whose name has spaces: every command pointed to carries it,
    quoted (U33)."""
    text = namesakes.read_text(encoding="utf-8")
    for n in range(1, 10):
        text += _EVENT.format(
            id=f"gunmen-raid-{n}", n=n, title=f"Gunmen raid village {n}", actors=[], places=[]
        )
    path = namesakes.parent / "my layers" / "gunmen.toml"
    path.parent.mkdir()
    path.write_text(text.replace("'", '"'), encoding="utf-8")
    return path


def _pointed(said: str, name: str) -> list[str]:
    """The words of the command ``barkhane NAME ...`` in an error, up to the clause's end
    (a comma or a semicolon outside the quotes, then " lists", " shows" or " ranks")."""
    start = said.index(f"barkhane {name} ")
    words = shlex.split(said[start:].replace(",", " ,").replace(";", " ;"))
    end = next(i for i, w in enumerate(words) if w in (",", ";", "lists", "shows", "ranks"))
    return words[2:end]


@pytest.mark.parametrize(
    ("name", "type_"),
    [
        ("coup", "coup"),  # several titles and ids say it (coup-2012, coup-2020)
        ("battle", "battle"),  # none does
        ("attacks", "attack"),  # its plural
    ],
)
def test_event_named_by_a_type_points_to_the_timeline_of_that_type(
    run: Run, gunmen: Path, name: str, type_: str
) -> None:
    """U36: `event massacre` named eight of its 29 matches and "be more specific", no
    command listing them: a name that is an event type points to `timeline --type`, with
    how many it lists, on the same data."""
    result = run("event", name, "--data", str(gunmen))
    assert (result.exit_code, result.stdout) == (3, "")
    command = f"barkhane timeline --data {shlex.quote(str(gunmen))} --type {type_}"
    words = _pointed(result.stderr, "timeline")
    assert words == ["--data", str(gunmen), "--type", type_]
    listed = run("timeline", *words, "--count")
    n = int(listed.stdout)
    assert f"{command} lists the {n} {type_} event{'s' * (n > 1)}" in result.stderr


@pytest.mark.parametrize(
    ("name", "day", "matched"),
    [
        ("2019-01-01", "2019-01-01", False),  # no event's id or title says it
        ("1 January 2019", "2019-01-01", False),  # as `on` reads a date
        ("2020", "2020", True),  # coup-2020's id and "Last day of 2020" say it
    ],
)
def test_event_named_by_a_date_points_to_on_and_the_timeline_of_that_date(
    run: Run, gunmen: Path, name: str, day: str, matched: bool
) -> None:
    """U36: `event 2019-01-01` named four events whose ids hold "2019-01", and no way to
    the day: a date points to `on DATE` and to the timeline of its day, month or year,
    each on the same data, whether some ids match it or none does."""
    result = run("event", name, "--data", str(gunmen))
    assert (result.exit_code, result.stdout) == (3, "")
    said = result.stderr
    assert said.startswith(
        f"barkhane: {name!r} matches " if matched else f"barkhane: no event matches {name!r}; "
    )
    data = ["--data", str(gunmen)]
    assert _pointed(said, "on") == [*data, day]
    words = _pointed(said, "timeline")
    assert words == [*data, "--since", day, "--until", day]
    shown = "the day" if len(day) == 10 else "the year"
    assert f" {day} shows {shown}, barkhane timeline " in said
    listed = as_json(run("timeline", *words, "-f", "json"))
    assert listed and all(e["date"].startswith(day[:4]) for e in listed)
    if day == "2019-01-01":
        assert {e["id"] for e in listed} == {"raid-k", "gunmen-raid-1"}


def test_event_named_by_a_word_many_titles_hold_points_to_the_search(
    run: Run, gunmen: Path, namesakes: Path
) -> None:
    """U36: `event gunmen` (122 matches) named eight "and 114 more; be more specific":
    more matches than an error names (resolve.NAMED_AT_MOST) point to the search that
    ranks them, on the same data; as many as it names are named, as before."""
    result = run("event", "gunmen", "--data", str(gunmen))
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr.startswith(
        "barkhane: 'gunmen' matches 9 events by id or title, the nearest: "
    )
    assert result.stderr.endswith("; or give the id\n")
    words = _pointed(result.stderr, "search")
    assert words == ["--data", str(gunmen), "gunmen", "--kind", "event"]
    found = as_json(run("search", *words, "-f", "json"))
    assert {f"gunmen-raid-{n}" for n in range(1, 10)} <= {h["id"] for h in found}
    raid = run("event", "raid", "--data", str(namesakes)).stderr  # 3 matches: all named
    assert "barkhane search" not in raid and "be more specific or give the id" in raid


def test_event_help_says_what_a_name_may_be(run: Run) -> None:
    """U36: `event --help` said only "Event id (or a unique part of it)", where the
    command reads a part of an id, words of a title and a typo, and points a place, an
    actor, a type or a date to its listing."""
    shown = " ".join(
        run("event", "--help", env={"COLUMNS": "200"}).stdout.replace("│", " ").split()
    )
    assert "event [OPTIONS] NAME" in shown
    for said in ("a part of it", "words of its title", "typo", "event type", "date", "on DATE"):
        assert said in shown, said


def test_event_named_by_a_date_with_no_events_points_to_on_alone(run: Run, gunmen: Path) -> None:
    """RV35: `event 1999-05-01` said "barkhane timeline --since 1999-05-01 --until
    1999-05-01 lists its events", and that timeline said "no events match": a date of no
    event points to `on DATE` alone, as a type of no event points nowhere."""
    result = run("event", "1999-05-01", "--data", str(gunmen))
    assert (result.exit_code, result.stdout) == (3, "")
    said = result.stderr
    assert _pointed(said + " shows", "on") == ["--data", str(gunmen), "1999-05-01"]
    assert " 1999-05-01 shows the day" in said
    assert "barkhane timeline" not in said, said
    listed = run(
        "timeline", "--data", str(gunmen), "--since", "1999-05-01", "--until", "1999-05-01"
    )
    assert listed.stdout == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_an_error_on_a_terminal_breaks_at_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """U45 #11: `event inates`'s error broke mid-word at 80 columns ("match" | "es");
    on a terminal an error's line is broken at words to its width, as a note is; piped,
    it stays one line for a script."""
    from barkhane_cli.cli import lazy

    message = "'inates' names the place Inatès (barkhane place inates) and 5 events by id or " * 3
    monkeypatch.setenv("COLUMNS", "80")
    shown = _Terminal()
    monkeypatch.setattr(sys, "stderr", shown)
    lazy._say(message)
    lines = shown.getvalue().splitlines()
    assert len(lines) > 1 and all(len(line) <= 80 for line in lines), lines
    assert " ".join(lines) == f"barkhane: {message}".strip()
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    lazy._say(message)
    assert piped.getvalue() == f"barkhane: {message}\n"
