"""sources --publisher by a publisher's short form (U41 #20): `--publisher hrw` said "no
publisher matches" though the record cites Human Rights Watch 20 times. The short forms
are read from the publishers' own names (publisher_names): initials, a bracket that is
the name's acronym, the other names the one-name rule declares; an agency in an outlet's
bracket is no short form of the outlet."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run, as_json, column, publishers_file

_PUBLISHERS = {
    "pub-hrw": "Human Rights Watch",
    "pub-allafrica-hrw": "AllAfrica (Human Rights Watch)",
    "pub-icg": "International Crisis Group",
    "pub-ocha": "UN Office for the Coordination of Humanitarian Affairs (OCHA)",
    "pub-afp": "AFP",
    "pub-ja": "Jeune Afrique (AFP)",
    "pub-ja-own": "Jeune Afrique",
}


@pytest.fixture
def data(tmp_path: Path) -> str:
    return publishers_file(tmp_path / "publishers.toml", _PUBLISHERS, "report", "A report")


def _ids(run: Run, data: str, publisher: str) -> list[str]:
    result = run("sources", "--publisher", publisher, "--data", data, "-f", "plain")
    assert result.exit_code == 0, result.stderr
    return sorted(i for i in column(result, 0) if i in _PUBLISHERS)


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("hrw", ["pub-hrw"]),  # initials; not the outlet that ran its text
        ("HRW", ["pub-hrw"]),
        ("icg", ["pub-icg"]),
        ("ocha", ["pub-ocha"]),  # the name's own acronym in brackets
        # a body of the UN typed with the UN's name, or joined to it (U45's reviewers)
        ("unocha", ["pub-ocha"]),
        ("U.N. OCHA", ["pub-ocha"]),
        ("agence france-presse", ["pub-afp"]),  # the name the one-name rule declares
        ("afp", ["pub-afp"]),  # as before: the name whole, not an outlet's (AFP)
        # the outlet's initials, not its page of an agency's text: the bracket is AFP's
        ("ja", ["pub-ja-own"]),
    ],
)
def test_a_publisher_is_found_by_its_short_form(
    run: Run, data: str, typed: str, found: list[str]
) -> None:
    assert _ids(run, data, typed) == found


def test_a_near_short_form_is_offered(run: Run, data: str) -> None:
    result = run("sources", "--publisher", "hwr", "--data", data)
    assert result.exit_code == 3 and result.stdout == ""
    assert result.stderr.startswith(
        "barkhane: no publisher matches 'hwr'; did you mean Human Rights Watch (HRW)"
    ), result.stderr


def test_a_name_with_its_own_bracket_is_offered_as_it_is(run: Run, data: str) -> None:
    """RV37: `--publisher unocha` offered "... Humanitarian Affairs (OCHA) (UOCHA)": a
    second bracket, of a short form no one writes, after the name's own. (unocha finds
    it now: a form one letter short is offered it.)"""
    result = run("sources", "--publisher", "unoch", "--data", data)
    assert result.exit_code == 3 and result.stdout == ""
    offered = "UN Office for the Coordination of Humanitarian Affairs (OCHA)"
    assert f"did you mean {offered}" in result.stderr, result.stderr
    assert "(OCHA) (" not in result.stderr, result.stderr


_OCHA = {"OCHA", "UN OCHA", "UN Office for the Coordination of Humanitarian Affairs (OCHA)"}


@pytest.mark.usefixtures("bundled")
@pytest.mark.parametrize(
    "typed", ["unocha", "UN OCHA", "OCHA", "ocha", "U.N. OCHA", "un-ocha", "United Nations OCHA"]
)
def test_a_un_body_is_one_publisher_however_it_is_typed(run: Run, typed: str) -> None:
    """`sources --publisher unocha` found nothing where `--publisher ocha` found OCHA's
    five, and `"UN OCHA"` its own three: the record writes the body with the UN's name
    and without, and each form typed reaches all three names (nine sources). A name
    bracketing a site or an agency ("OCHA (ReliefWeb)", "ReliefWeb (OCHA)") stays apart:
    the record brackets both ways."""
    result = run("sources", "--publisher", typed, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert {s["publisher"] for s in as_json(result)} == _OCHA


@pytest.mark.usefixtures("bundled")
def test_the_un_secretary_general_is_one_publisher(run: Run) -> None:
    def named(typed: str) -> set[str]:
        return {s["publisher"] for s in as_json(run("sources", "--publisher", typed, "-f", "json"))}

    assert (
        named("UN Secretary-General")
        == named("United Nations Secretary-General")
        == {
            "UN Secretary-General",
            "United Nations Secretary-General",
            "United Nations, Secretary-General",
        }
    )
    # a body the record never writes with the UN's name is not read as one: UNHCR stays,
    # with its own country offices (its editions, as `unhc` finds them: U61 #4)
    unhcr = named("unhcr")
    assert "UNHCR" in unhcr and all(n.startswith("UNHCR") for n in unhcr)


@pytest.mark.usefixtures("bundled")
def test_the_uns_initials_find_the_un_not_every_name_beginning_un(run: Run) -> None:
    """A reviewer: `sources --publisher un` listed 58 publishers, Unknown, University of
    Florida, the United States Department of State, UnHerd, UNICEF and UNP Versailles
    among them: every name beginning with the letters. Typed as a short form, it finds
    those it is the short form of; the UN however the
    record writes its name (United Nations Security Council as UN OCHA), not UNHCR, whose
    name the record never writes with the UN's."""
    publishers = {
        s["publisher"] for s in as_json(run("sources", "--publisher", "un", "-f", "json"))
    }
    for other in ("Unknown", "University of Florida", "United States Department of State",
                  "UnHerd", "UNICEF", "UNP Versailles (L'Opinion)", "UNHCR"):  # fmt: skip
        assert other not in publishers
    for un in ("United Nations", "UN OCHA", "UN Secretary-General", "UN News",
               "United Nations Secretary-General", "United Nations Security Council"):  # fmt: skip
        assert un in publishers
    # "U.N." is the UN's name as "United Nations" is (it found nothing)
    assert len(as_json(run("sources", "--publisher", "U.N.", "-f", "json"))) == len(
        as_json(run("sources", "--publisher", "united nations", "-f", "json"))
    )
    # a name beginning so, typed whole or begun, is found as before
    assert "University of Florida" in {
        s["publisher"] for s in as_json(run("sources", "--publisher", "univers", "-f", "json"))
    }


_UN_AND_OTHERS = {
    "pub-un-news": "UN News",
    "pub-unsc": "United Nations Security Council",
    "pub-un-ocha": "UN OCHA",
    "pub-ocha-alone": "OCHA",
    "pub-unhcr-niger": "UNHCR Niger",
    "pub-solidaire": "Pour un monde solidaire",
    "pub-reprint": "AllAfrica (UN News)",
    "pub-afp": "AFP",
    "pub-rfi": "RFI",
    "pub-reuters": "Reuters",
    "pub-ja-afp": "Jeune Afrique (AFP)",
}


@pytest.fixture
def un_data(tmp_path: Path) -> str:
    return publishers_file(tmp_path / "un.toml", _UN_AND_OTHERS, "report", "A page")


def _found(run: Run, data: str, typed: str) -> list[str]:
    result = run("sources", "--publisher", typed, "--data", data, "-f", "plain")
    assert result.exit_code == 0, result.stderr
    return sorted(i for i in column(result, 0) if i in _UN_AND_OTHERS)


@pytest.mark.parametrize("typed", ["un", "UN", "U.N.", "united nations"])
def test_un_is_the_united_nations_and_its_bodies_not_a_word_or_a_prefix(
    run: Run, un_data: str, typed: str
) -> None:
    """U50: `--publisher un` took "UNHCR Niger" (its initials read as "UN") and "Pour un
    monde solidaire" (French "un"). The UN is the names written with its name and the
    bodies they declare its (OCHA, written "UN OCHA" too); not a page whose bracket names
    the UN text it reprints, as `afp` is not "Jeune Afrique (AFP)"."""
    assert _found(run, un_data, typed) == [
        "pub-ocha-alone", "pub-un-news", "pub-un-ocha", "pub-unsc",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "found"),
    [("afp", ["pub-afp"]), ("rfi", ["pub-rfi"]), ("reuters", ["pub-reuters"])],
)
def test_an_agency_is_still_found_by_its_name(
    run: Run, un_data: str, typed: str, found: list[str]
) -> None:
    assert _found(run, un_data, typed) == found


def test_initials_read_through_an_acronym_are_no_short_form(run: Run, un_data: str) -> None:
    """ "UNHCR Niger" is found as itself, and by UNHCR's word, not by "UN"'s initials."""
    assert _found(run, un_data, "unhcr niger") == ["pub-unhcr-niger"]
    assert _found(run, un_data, "unhcr") == ["pub-unhcr-niger"]
