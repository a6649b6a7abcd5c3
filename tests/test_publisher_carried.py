"""sources --publisher X and the outlets carrying X's text (U57): `--publisher afp` listed
the 52 sources AFP published with no hint of the 1,300 more that are other outlets
carrying its text ("Jeune Afrique (AFP)"). A note says how many (on a watched stderr, or
under the table), --carried lists them too, and -f json says how each row matched. The
bracket is read by validate's relay rule (relays.carried)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Run, as_json, checked_record, column, publishers_file, watched

from barkhane_cli.validate.relays import carried

_PUBLISHERS = {
    "u57-afp": "AFP",
    "u57-ja": "Jeune Afrique (AFP)",
    "u57-chain": "Press Review 24 (RFI/AFP)",
    "u57-qualified": "20 Minutes (Switzerland) (AFP)",
    "u57-live": "Guinée Time (AFP live)",
    "u57-french": "Press TV (French)",
    "u57-rfi": "RFI",
    "u57-yahoo": "Yahoo News (AP)",
    "u57-ap": "Associated Press",
    "u57-reuters": "Reuters",
}
MINE = set(_PUBLISHERS)
_AFP_CARRIED = ["u57-chain", "u57-ja", "u57-live", "u57-qualified"]
_NOTE = "{n} more sources carry {whose} text in another outlet (publisher 'Outlet ({bracket})'): add --carried to list them"


@pytest.fixture
def data(tmp_path: Path) -> str:
    return publishers_file(tmp_path / "carried.toml", _PUBLISHERS, "news", "A dispatch")


def _ids(run: Run, *args: str) -> list[str]:
    result = run("sources", *args, "-f", "plain")
    assert result.exit_code == 0, result.output
    return sorted(i for i in column(result, 0) if i in MINE)


@pytest.mark.parametrize(
    ("publisher", "names"),
    [
        ("Jeune Afrique (AFP)", ("AFP",)),
        ("Press Review 24 (RFI/AFP)", ("RFI", "AFP")),  # a chain, in its order
        ("20 Minutes (Switzerland) (AFP)", ("AFP",)),  # a qualifier's bracket before it
        ("Yahoo News (AP)", ("Associated Press",)),  # by the name the record gives it
        ("FNCV (AFP, Reuters)", ("AFP", "Reuters")),
        ("Guinée Time (AFP live)", ("AFP",)),  # what its words say of the text is no name
        ("Press TV (French)", ()),  # a language describes the outlet
        ("Isioma Daniel (blog)", ()),
        ("AFP", ()),
    ],
)
def test_the_relay_rule_reads_whom_an_outlet_carries(
    publisher: str, names: tuple[str, ...]
) -> None:
    assert carried(publisher) == names


def test_a_note_says_how_many_outlets_carry_the_text(
    run: Run, data: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = watched(monkeypatch)
    note = _NOTE.format(n=4, whose="AFP's", bracket="AFP")
    assert _ids(run, "--publisher", "afp", "--data", data) == ["u57-afp"]
    assert told == [f"1 source; {note}"]  # piped: the count line, on a watched stderr
    told.clear()
    result = run("sources", "--publisher", "afp", "--data", data, "--count")
    assert result.stdout == "1\n" and told == [note]
    told.clear()
    result = run("sources", "--publisher", "afp", "--data", data, "-f", "json")
    assert [row["id"] for row in as_json(result)] == ["u57-afp"] and told == [f"1 source; {note}"]
    told.clear()
    run("sources", "--publisher", "afp", "--data", data, "-f", "bibtex")
    assert told == [note]
    told.clear()
    # the table says it in its last line, as every note a list has
    result = run("sources", "--publisher", "afp", "--data", data, "-f", "table")
    assert " ".join(result.stdout.split()).endswith(f"1 source; {note}") and told == []


def test_carried_lists_them_too_and_json_says_how_each_matched(run: Run, data: str) -> None:
    assert _ids(run, "--publisher", "afp", "--carried", "--data", data) == sorted(
        ["u57-afp", *_AFP_CARRIED]
    )
    result = run("sources", "--publisher", "afp", "--carried", "--data", data, "--count")
    assert result.stdout == "5\n"
    rows = as_json(run("sources", "--publisher", "afp", "--carried", "--data", data, "-f", "json"))
    assert {row["id"]: row["matched"] for row in rows} == {
        "u57-afp": "publisher",
        **dict.fromkeys(_AFP_CARRIED, "carried"),
    }
    # an agency named short in the bracket is the publisher the record names whole
    assert _ids(run, "--publisher", "associated press", "--carried", "--data", data) == [
        "u57-ap",
        "u57-yahoo",
    ]


def test_an_agency_is_named_as_the_record_brackets_it(
    run: Run, data: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = watched(monkeypatch)
    run("sources", "--publisher", "associated press", "--data", data, "--count")
    assert told == [
        "1 more source carries Associated Press's text in another outlet (publisher "
        "'Outlet (AP)'): add --carried to list them"
    ]


def test_a_publisher_no_outlet_carries_has_no_note(
    run: Run, data: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = watched(monkeypatch)
    result = run("sources", "--publisher", "reuters", "--data", data, "--count")
    assert result.stdout == "1\n" and told == []
    assert _ids(run, "--publisher", "reuters", "--carried", "--data", data) == ["u57-reuters"]
    assert told == []
    # nor a row without --publisher says how it matched
    rows = as_json(run("sources", "--data", data, "-f", "json"))
    assert not any("matched" in row for row in rows)


def test_carried_without_a_publisher_is_refused(run: Run, data: str) -> None:
    result = run("sources", "--carried", "--data", data)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "barkhane: --carried lists the outlets carrying a publisher's text; give --publisher too\n"
    )


@pytest.mark.usefixtures("bundled")
def test_the_notes_count_is_the_records_own(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted from the record's publishers apart from the relay rule: the ones whose last
    bracket lists AFP, alone or in a chain, "(RFI/AFP)", "(AFP, Reuters)", "(AFP live)"."""
    dataset, _ = checked_record()
    every = list(dataset.sources.values())
    own = sum(s.publisher == "AFP" for s in every)

    def lists_afp(publisher: str) -> bool:
        found = re.search(r"\(([^()]+)\)$", publisher)
        return found is not None and any(
            part.split()[:1] == ["AFP"] for part in re.split(r"[/,;]", found.group(1))
        )

    others = sum(lists_afp(s.publisher) for s in every)
    assert own > 40 and others > 1000
    told = watched(monkeypatch)
    assert run("sources", "--publisher", "afp", "--count").stdout == f"{own}\n"
    assert told == [_NOTE.format(n=f"{others:,}", whose="AFP's", bracket="AFP")]
    told.clear()
    result = run("sources", "--publisher", "afp", "--carried", "--count")
    assert result.stdout == f"{own + others}\n" and told == []


# --- a short query is an acronym (U57 #3) ------------------------------------------------

_SHORT = {
    "u57-us-state": "US Department of State",
    "u57-us-weekly": "US Weekly",
    "u57-usaid": "USAID",
    "u57-usafrica": "USAfricaonline",
    "u57-rewards": "Rewards for Justice (US Department of State)",
    "u57-un": "United Nations",
    "u57-un-news": "UN News",
    "u57-un-french": "Pour un monde solidaire",
    "u57-unknown": "Unknown",
    "u57-allafrica-un": "AllAfrica (UN News)",
    "u57-afp-2": "AFP",
    "u57-afp-factcheck": "AFP Fact Check",
    "u57-afpi": "AFPI",
    "u57-rfi-2": "RFI",
    "u57-rfi-outlet": "Maliweb (RFI)",
    "u57-rfinfo": "RFInfo",
    "u57-vanguard": "Vanguard",
}


@pytest.fixture
def short(tmp_path: Path) -> str:
    return publishers_file(tmp_path / "short.toml", _SHORT, "news", "A page")


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        # a whole word of the name's own, not the first letters of another word (USAID,
        # USAfricaonline), nor the bracket naming whose text it carries (--carried's)
        ("us", ["u57-us-state", "u57-us-weekly"]),
        # the UN and its bodies, not French "un", Unknown, nor AllAfrica's copy of UN News
        ("un", ["u57-un", "u57-un-news"]),
        # the name whole, where one is: not AFPI or AFP Fact Check, nor Maliweb (RFI)
        ("afp", ["u57-afp-2"]),
        ("rfi", ["u57-rfi-2"]),
        # a query no name holds as a word still begins names
        ("van", ["u57-vanguard"]),
    ],
)
def test_a_short_query_is_an_acronym(run: Run, short: str, typed: str, found: list[str]) -> None:
    result = run("sources", "--publisher", typed, "--data", short, "-f", "plain")
    assert result.exit_code == 0, result.output
    assert sorted(i for i in column(result, 0) if i in _SHORT) == found


def test_an_outlet_carrying_an_acronyms_text_is_in_the_note(
    run: Run, short: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = watched(monkeypatch)
    assert run("sources", "--publisher", "us", "--data", short, "--count").stdout == "2\n"
    assert told == [
        "1 more source carries US Department of State's text in another outlet (publisher "
        "'Outlet (US Department of State)'): add --carried to list them"
    ]
