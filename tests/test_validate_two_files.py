"""Two of a user's files sharing an id: the later one's warning names the file the first
came from (U45: `validate good.toml reuse.toml` said "replaces the record's event", of
an id in good.toml alone); one reusing the record's id still says the record's."""

from __future__ import annotations

from pathlib import Path

from conftest import Run


def test_an_id_of_another_of_your_files_names_that_file(run: Run, tmp_path: Path) -> None:
    skeleton = run("new", "event").stdout
    first, second = tmp_path / "good.toml", tmp_path / "reuse.toml"
    first.write_text(skeleton, encoding="utf-8")
    second.write_text(skeleton, encoding="utf-8")
    result = run("validate", str(first), str(second))
    lines = [
        line for line in (result.stdout + result.stderr).splitlines() if "my-new-event" in line
    ]
    replaced = [line for line in lines if "id: replaces" in line]
    assert len(replaced) == 1, result.stdout
    assert replaced[0].startswith(f"{second}:")
    assert f"replaces the event 'my-new-event' of {first}, shown in its place" in replaced[0]
    assert "the record's" not in replaced[0]


def test_an_id_of_the_record_still_names_the_record(run: Run, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(run("new", "event").stdout.replace("my-new-event", "serval"), "utf-8")
    result = run("validate", str(mine))
    assert (
        "replaces the record's event 'serval', shown in its place" in result.stdout + result.stderr
    )


def test_each_of_three_files_names_the_one_it_replaces(run: Run, tmp_path: Path) -> None:
    """a, b and c share an id: b replaces a's entry and c replaces b's; b's warning named
    b itself (the file that last held the id) as the one it replaced."""
    skeleton = run("new", "event").stdout
    a, b, c = (tmp_path / f"{name}.toml" for name in "abc")
    for path in (a, b, c):
        path.write_text(skeleton, encoding="utf-8")
    result = run("validate", str(a), str(b), str(c))
    out = result.stdout + result.stderr
    said = [line for line in out.splitlines() if "events 'my-new-event' id: replaces" in line]
    assert [line.split(":")[0] for line in said] == [str(b), str(c)], out
    assert f"replaces the event 'my-new-event' of {a}," in said[0]
    assert f"replaces the event 'my-new-event' of {b}," in said[1]
