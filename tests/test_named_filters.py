"""Every command that takes --actor, --perpetrator, --target or --place answers a name no
actor or place matches, but events carry, the same way: by pointing to the search that
finds those events (cli/base.query_of). `chart --actor petronin` said "did you mean
Estonia" while timeline and map pointed to `barkhane search '"petronin"'`."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run, as_json, commands, watched

NAMED = ("--actor", "--perpetrator", "--target", "--place")
# compare and gaps need an ACLED or UCDP import: tests/test_compare.py checks them.
NEEDS_IMPORT = ("compare", "gaps")


def _taking(options: tuple[str, ...]) -> list[tuple[str, str]]:
    """(the command's words, the option) for every command, subcommands too, taking one
    of ``options``: a subcommand given one later is checked, not passed over."""
    found = []
    for words, command in commands():
        given = {o for p in command.params for o in getattr(p, "opts", ())}
        found += [(" ".join(words), option) for option in options if option in given]
    return found


def test_the_commands_taking_names_are_the_ones_checked() -> None:
    assert sorted({name for name, _ in _taking(NAMED)}) == [
        "chart", "compare", "facts", "gaps", "map", "summary", "timeline",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("command", "option"), [c for c in _taking(NAMED) if c[0] not in NEEDS_IMPORT]
)
def test_a_name_only_events_carry_points_to_the_search(run: Run, command: str, option: str) -> None:
    # "Gaddafi" is in an event's title in the fixture; no actor or place has the name
    result = run(*command.split(), option, "gaddafi")
    which = "place" if option == "--place" else "actor"
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == (
        f"barkhane: no {which} matches 'gaddafi', but 1 event names it: "
        "barkhane search '\"gaddafi\"'\n"
    )


def test_count_says_what_each_name_given_was_read_as(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """U18: `--target french --count` printed a number and no word of what `french`
    became. One line says it on a watched stderr (records.tell); stdout keeps the number
    alone, a redirected stderr stays empty, and an id given as it is goes unsaid."""
    ask = ("timeline", "--actor", "french", "--actor", "France", "--place", "tombouctou")
    piped = run(*ask, "--count")
    assert piped.exit_code == 0, piped.stderr
    assert (piped.stdout, piped.stderr) == ("1\n", "")
    told = watched(monkeypatch)
    assert run(*ask, "--count").stdout == "1\n"
    assert told == ["actor: France (france); place: Timbuktu (timbuktu)"]
    told.clear()
    run("timeline", "--actor", "france", "--place", "timbuktu", "--count")
    assert told == []
    run("timeline", "--actor", "goita", "--facet", "year", "-f", "json")
    assert told[0] == "actor: Assimi Goïta (assimi-goita)"  # then the facet's own count
    told.clear()
    assert run("actor", "goita", "--count").stdout.strip().isdigit()
    assert told == ["actor: Assimi Goïta (assimi-goita)"]


def test_count_says_what_a_country_given_by_its_code_was_read_as(
    run: Run, bundled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = watched(monkeypatch)
    result = run("timeline", "--country", "BF", "--target", "french", "--year", "2019", "--count")
    assert result.exit_code == 0, result.stderr
    assert told == ["target: France (france); country: Burkina Faso (burkina-faso)"]


@pytest.mark.parametrize("command", ["timeline", "map"])
@pytest.mark.usefixtures("bundled")
def test_a_name_resolver_is_built_once_for_all_its_names(
    run: Run, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """Reading names costs a resolver's build (~1 ms) once, not once a name (K17):
    three names of each kind build no more resolvers than one does, and find the same."""
    from barkhane_cli import query

    built: list[str] = []
    for kind in ("actor", "place", "country"):
        real = getattr(query, f"{kind}_resolver")

        def counted(data: object, kind: str = kind, real: object = real) -> object:
            built.append(kind)
            return real(data)  # type: ignore[operator]

        monkeypatch.setattr(query, f"{kind}_resolver", counted)
    watched(monkeypatch)  # the names read are said too (names_read)

    def builds(*names: str) -> tuple[list[str], str]:
        built.clear()
        args = [f"--{o}={n}" for n in names for o in ("actor", "place", "country")]
        result = run(command, *args, *(["--count"] if command == "timeline" else ["-f", "json"]))
        assert result.exit_code == 0, result.stderr
        return sorted(built), result.stdout

    assert builds("mali") == builds("mali", "Mali", "MALI")


# ISO 3166-1 alpha-3, then alpha-2, as ACLED's iso3 and HDX (alpha-3) and the aliases
# (alpha-2) name the record's countries.
ISO = {
    "algeria": ("DZA", "DZ"), "benin": ("BEN", "BJ"), "burkina-faso": ("BFA", "BF"),
    "cameroon": ("CMR", "CM"), "chad": ("TCD", "TD"), "cote-divoire": ("CIV", "CI"),
    "france": ("FRA", "FR"), "ghana": ("GHA", "GH"), "guinea": ("GIN", "GN"),
    "libya": ("LBY", "LY"), "mali": ("MLI", "ML"), "mauritania": ("MRT", "MR"),
    "niger": ("NER", "NE"), "nigeria": ("NGA", "NG"), "qatar": ("QAT", "QA"),
    "senegal": ("SEN", "SN"),
    "togo": ("TGO", "TG"),
}  # fmt: skip


@pytest.mark.usefixtures("bundled")
def test_a_country_is_named_by_its_iso_code_alpha_3_as_alpha_2(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """U21: `timeline --country MLI` (BFA, NER, TCD, MRT, CIV) said "no country matches
    'MLI'" while ML, BF and RMM worked."""
    countries = as_json(run("places", "--kind", "country", "-f", "json"))
    assert {c["id"] for c in countries} == set(ISO)  # a country added needs its codes
    told = watched(monkeypatch)
    for code in (0, 1):
        asked = [
            f"--country={codes[code].lower() if code else codes[code]}" for codes in ISO.values()
        ]
        result = run("timeline", *asked, "--count")
        assert result.exit_code == 0, result.stderr
    read = [{n.strip().removeprefix("country: ") for n in note.split(";")} for note in told]
    names = {f"{c['name']} ({c['id']})" for c in countries}
    assert read == [names, names], told
    # wherever a country is named: a place, --within, facts --country, a chart's blocks
    assert as_json(run("place", "MLI", "-f", "json"))["id"] == "mali"
    for args in (["places", "--within"], ["facts", "--country"]):
        assert run(*args, "NER").stdout == run(*args, "niger").stdout
    # and in search, which reads a place's names as lookups do (the codes left the data's
    # aliases for geo.ISO_CODES: `search ML` found Mali by its alias before)
    for code in ("ML", "MLI"):
        found = as_json(run("search", code, "-f", "json"))
        assert (found[0]["kind"], found[0]["id"]) == ("place", "mali"), found[:2]
    by_code = run("chart", "displacement", "--country", "MRT", "-f", "csv")
    assert (
        by_code.stdout
        == run("chart", "displacement", "--country", "mauritania", "-f", "csv").stdout
    )


# Every option naming something, which a blank value leaves nothing to look up (U31).
NAMING = (*NAMED, "--within", "--country", "--tag", "--not-tag", "--type", "--force")
BLANK_ASKS = {
    "--actor": "an actor's id, name or alias",
    "--perpetrator": "an actor's id, name or alias",
    "--target": "an actor's id, name or alias",
    "--place": "a place's id, name or alias",
    "--within": "a place's id, name or alias",
    "--country": "a country's id, name, alias or ISO code",
    "--tag": "a tag (barkhane tags lists them)",
    "--not-tag": "a tag (barkhane tags lists them)",
    "--type": "an event type (barkhane types lists them)",
    "--force": "a force (barkhane, serval, minusma, ...)",
}


@pytest.mark.parametrize("blank", ["", "  "])
@pytest.mark.parametrize(("command", "option"), _taking(NAMING))
def test_a_blank_name_is_a_usage_error_wherever_a_name_is_asked(
    run: Run, command: str, option: str, blank: str
) -> None:
    """U31: `timeline --actor ""` exited 3 ("'' names no actor"), as a name not found,
    where a blank `--search` exits 2: a blank value is a usage error, for every option
    naming something, in one line (an unset shell variable: `--actor "$who"`)."""
    result = run(*command.split(), f"{option}={blank}")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"barkhane: {option} {blank!r}: give {BLANK_ASKS[option]}\n"


def test_every_naming_option_is_checked_for_blanks() -> None:
    """The walk above reaches the options on every command that takes them (a command
    declaring its own --country, as places does, is among them)."""
    taken = _taking(NAMING)
    assert {option for _, option in taken} == set(NAMING)
    assert ("places", "--country") in taken and ("facts", "--actor") in taken


@pytest.mark.parametrize(
    ("command", "asks"),
    [("actor", "an actor's id, name or alias"), ("place", "a place's id, name or alias"),
     ("event", "an id (barkhane search finds one)"), ("fact", "an id (barkhane search finds one)"),
     ("source", "an id (barkhane search finds one)"), ("cite", "an id (barkhane search finds one)")],
)  # fmt: skip
def test_a_blank_name_given_to_a_lookup_is_a_usage_error_too(
    run: Run, command: str, asks: str
) -> None:
    """RR38: `actor ""` exited 3 ("'' names no actor"), where `timeline --actor ""` exits
    2, as the exit codes' table says of a blank name: a lookup's argument is checked as
    the naming options are (options.refuses_blank), and said by its command."""
    result = run(command, " ")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"barkhane: {command} ' ': give {asks}\n"


# `gao` and a byte that is not UTF-8, as Python reads it from the command line
# ($'gao\xff' in the shell): a lone surrogate.
NOT_UTF8 = "gao\udcff"


@pytest.mark.parametrize(("command", "option"), _taking(NAMING))
def test_a_name_that_is_not_utf8_is_a_usage_error_wherever_a_name_is_asked(
    run: Run, command: str, option: str
) -> None:
    """K70: normalizing dropped the byte, so `timeline --place $'gao\\xff'` read as gao,
    exit 0. No name holds such a byte: refused as a blank name is, the byte as typed."""
    result = run(*command.split(), option, NOT_UTF8)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"barkhane: {option} 'gao\\xff': is not UTF-8 text; give {BLANK_ASKS[option]}\n"
    )


@pytest.mark.parametrize(
    ("command", "asks"),
    [("actor", "an actor's id, name or alias"), ("place", "a place's id, name or alias"),
     ("event", "an id (barkhane search finds one)"), ("cite", "an id (barkhane search finds one)")],
)  # fmt: skip
def test_a_name_that_is_not_utf8_given_to_a_lookup_is_a_usage_error_too(
    run: Run, command: str, asks: str
) -> None:
    """K70: `actor $'wagn\\xffer'` suggested Wagner, exit 3, as if a name were misspelt."""
    result = run(command, "wagn\udcffer")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"barkhane: {command} 'wagn\\xffer': is not UTF-8 text; give {asks}\n"


@pytest.mark.parametrize(
    ("args", "said"),
    [(("search",), "search"), (("facts",), "facts"), (("timeline", "--search"), "--search"),
     (("map", "--search"), "--search")],
)  # fmt: skip
def test_search_words_that_are_not_utf8_are_a_usage_error(
    run: Run, args: tuple[str, ...], said: str
) -> None:
    """`search $'gao\\xff'` listed Gao's entries, exit 0: the byte was dropped on the way
    to the index, as it was from names before K70."""
    result = run(*args, NOT_UTF8)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"barkhane: {said} 'gao\\xff': is not UTF-8 text; give some text to search for\n"
    )


@pytest.mark.parametrize(("command", "option"), _taking(("--data", "--export")))
def test_a_blank_file_name_is_refused_not_read_as_the_current_folder(
    run: Run, command: str, option: str
) -> None:
    """K66: Click read `--data ""` (an unset variable: `--data "$mine"`) as ".", so every
    .toml file under the folder the command ran in was layered over the record, and
    `--export ""` was refused as "--export .", which no one typed."""
    result = run(*command.split(), f"{option}=")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"barkhane: {option} '': give a")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "said"),
    [
        # `validate ""` checked every .toml file under the folder it ran in (a venv's
        # pyproject.toml among them: thousands of lines)
        (("validate", ""), "validate '': give a data file or folder"),
        (("validate", "--alone", " "), "validate ' ': give a data file or folder"),
        (("import", "acled", "", "-o", "x.toml"), "import acled '': give an ACLED export (CSV)"),
        (("import", "ucdp", "", "-o", "x.toml"), "import ucdp '': give a UCDP GED file (CSV)"),
        # "--output .: is a folder", which no one typed
        (
            ("import", "acled", "export.csv", "-o", ""),
            "--output '': give a .toml file name, or - for standard output",
        ),
    ],
)
def test_a_blank_file_name_given_to_validate_or_import_is_refused(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], said: str
) -> None:
    monkeypatch.chdir(tmp_path)  # a folder that would hold what "." read
    (tmp_path / "stray.toml").write_text("x = 1\n", encoding="utf-8")
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"barkhane: {said}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stray.toml"]  # nothing written


def test_a_blank_database_name_is_refused(run: Run) -> None:
    result = run("export", "sqlite", "")
    assert (result.exit_code, result.stderr) == (
        2,
        "barkhane: export sqlite '': give a file name (FILE.db)\n",
    )
