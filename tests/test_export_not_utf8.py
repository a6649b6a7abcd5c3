"""An ACLED or UCDP export that is not UTF-8 is refused in one line that says where its
first bad byte is, as a data file's is (U31): it said only "is not UTF-8 text", which in
an export of a million rows left the row to find. The files are the codebook fixtures
(no real row) with one byte spoilt."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, Run


def _spoilt(tmp_path: Path, fixture: Path, word: bytes) -> Path:
    """The fixture with a 0xff byte put after the first letter of ``word``."""
    raw = fixture.read_bytes()
    assert raw.count(word) >= 1
    out = tmp_path / fixture.name
    out.write_bytes(raw.replace(word, word[:1] + b"\xff" + word[1:], 1))
    return out


def test_an_acled_export_says_the_line_and_column_of_its_bad_byte(run: Run, tmp_path: Path) -> None:
    export = _spoilt(tmp_path, FIXTURES / "acled" / "2019-2022.csv", b"Agreement")
    said = f"{export}: is not UTF-8 text (byte 0xff at line 4, column 67; export it from ACLED as UTF-8)"
    out = tmp_path / "acled.toml"
    result = run("import", "acled", str(export), "--no-store", "-o", str(out))
    assert (result.exit_code, result.stdout, result.stderr) == (4, "", f"barkhane: {said}\n")
    assert not out.exists()
    result = run("validate", str(export))
    assert result.exit_code == 4
    assert f"{export}:4: {said.removeprefix(f'{export}: ')}\n" in result.stdout


def test_a_ucdp_file_says_the_line_of_its_bad_byte(run: Run, tmp_path: Path) -> None:
    ged = _spoilt(tmp_path, FIXTURES / "ucdp" / "GEDEvent_v22_1.csv", b"Arbinda")
    result = run("import", "ucdp", str(ged), "--no-store", "-o", str(tmp_path / "u.toml"))
    assert result.exit_code == 4
    assert result.stderr == (
        f"barkhane: {ged}: is not UTF-8 text (byte 0xff at line 4, column 80; "
        "save the GED file as UTF-8)\n"
    )
