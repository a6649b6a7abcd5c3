"""Canonical layout of the curated data: one file per table, events and sources by year.

    python tools/datafmt.py            # rewrite data/ in canonical form
    python tools/datafmt.py --check    # exit 1 and name the files that would change

Any other .toml file in the folder (the old single-file timeline.toml, say) is read too and
its entries moved where they belong; the file is then removed.

Entries are moved as text blocks (a ``[[table]]`` header, its lines and the comments just
above it), never re-serialised: a formatted file differs from the edited one only where an
entry moved, where a comment set off by a blank line after an entry's last line (a
heading that introduced nothing once the entries were sorted) was dropped, and where
comments at the top of a file, taken for its preamble, were replaced by the generated one
(a comment meant for the entry that sorts first belongs inside the entry). Where an entry goes:

    events      events/YYYY.toml by the year the event starts
    sources     sources/YYYY.toml by the year of publication, sources/undated.toml without
    aftermath, actors, places, facts, eras, judgments    one file each
    meta        meta.toml (kept as it is)

Within a file, events are sorted by start date then id, everything else by id (the seed
source first: it is what every file is read against).
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from barkhane_cli import toml  # noqa: E402

DATA = ROOT / "data"
HEADER = re.compile(r"^\[\[([A-Za-z_]+)\]\]\s*$")
BANNER = re.compile(r"^# =+\s*$")
SINGLE = ("actors", "places", "facts", "eras", "judgments", "aftermath")
INTRO = {
    "events": "Core events that start in {year}",
    "sources": "Sources published in {year}",
    "actors": "Actors: armed groups, states, forces, missions, people",
    "places": "Places: countries, regions, areas, towns, villages, bases",
    "facts": "Facts: figures with their scope, kind and date",
    "eras": "Eras: operations, missions and periods",
    "judgments": "Judgments: forecasts and assessments, with their outcomes",
    "aftermath": "Aftermath: what happened after 9 November 2022 (not part of the record)",
}
PREAMBLE = (
    "# barkhane data: {what}.\n"
    "# Schema: docs/data-format.md. Layout and order: tools/datafmt.py (run it after editing;\n"
    "# it moves an entry filed in the wrong file). Then run `barkhane validate`.\n"
)


@dataclass
class Block:
    table: str
    text: str  # header line to the last non-blank line, with comments just above it
    doc: dict[str, object]

    @property
    def ident(self) -> str:
        return str(self.doc.get("id", ""))

    def year(self, key: str) -> str | None:
        value = self.doc.get(key)
        if value is None:
            return None
        match = re.match(r"(\d{4})", str(value))
        return match.group(1) if match else None


def blocks(text: str, origin: str, whole: dict[str, object] | None = None) -> list[Block]:
    """The entry blocks of one file (its preamble and section banners dropped). ``whole``:
    the file parsed whole, whose entries are the blocks' in order where they pair up
    (see _whole); anything amiss, and each block is parsed apart, as it always was, so
    that a problem is said as it always was."""
    if whole is not None:
        with contextlib.suppress(_Apart, SystemExit):
            return _split(text, origin, whole)
    return _split(text, origin, None)


class _Apart(Exception):
    """The blocks and the file's entries do not pair up (see _whole)."""


def _split(text: str, origin: str, whole: dict[str, object] | None) -> list[Block]:
    out: list[Block] = []
    current: list[str] = []
    table = ""
    taken: dict[str, int] = {}

    def close(lines: list[str]) -> None:
        # A comment set off by a blank line after an entry introduces nothing: the entries
        # are sorted, so a heading left there ("# --- refugees from Burkina Faso", "# places"
        # from a helper's file) ended up above whatever entry sorted next. It is dropped; a
        # comment on the entry's own last line (no blank line between) stays with it.
        while True:
            while lines and not lines[-1].strip():
                lines.pop()
            end = len(lines)
            while end and lines[end - 1].startswith("#"):
                end -= 1
            if end == len(lines) or end == 0 or lines[end - 1].strip():
                break
            del lines[end:]
        if not lines:
            return
        body = "\n".join(lines) + "\n"
        index = taken[table] = taken.get(table, -1) + 1
        if whole is not None:
            entries = whole.get(table)
            if not isinstance(entries, list) or index >= len(entries):
                raise _Apart
            out.append(Block(table, body, entries[index]))
            return
        try:
            doc = toml.loads(body)[table][0]
        except (toml.TOMLDecodeError, KeyError, IndexError) as exc:
            raise SystemExit(f"{origin}: cannot read an entry of [[{table}]]: {exc}") from None
        out.append(Block(table, body, doc))

    for line in text.splitlines():
        if BANNER.match(line):
            continue
        match = HEADER.match(line)
        if match:
            # Comments after the last blank line of the entry above introduce this one.
            cut = len(current)
            while cut and current[cut - 1].startswith("#"):
                cut -= 1
            moved = (
                current[cut:]
                if cut < len(current) and (cut == 0 or not current[cut - 1].strip())
                else []
            )
            close(current[: len(current) - len(moved)])
            table = match.group(1)
            current = [*moved, line]
        elif line.startswith("[") and not line.startswith("[["):
            raise SystemExit(f"{origin}: only meta.toml may hold plain [tables]: {line!r}")
        elif current or line.startswith("#") or not line.strip():
            if current or line.strip():
                current.append(line)
        else:
            raise SystemExit(f"{origin}: text outside any entry: {line[:60]!r}")
    close(current)
    if whole is not None and any(
        taken.get(t, -1) + 1 != len(e) for t, e in whole.items() if isinstance(e, list)
    ):
        raise _Apart
    return out


def _whole(text: str) -> dict[str, object] | None:
    """The file parsed once, or None where it does not parse (each block is then parsed
    alone, which names the entry at fault). Parsing each of the record's ~13,000 blocks
    apart cost more than parsing its files, and a block's entry is the file's entry of
    the same table in the same place: each ``[[table]]`` header the blocks are split at
    begins one. Where the counts differ (a header the split does not see, such as
    ``[[ events ]]``, or one inside a multi-line string), the blocks are parsed apart."""
    try:
        return toml.loads(text)
    except (ValueError, RecursionError):  # TOMLDecodeError is a ValueError
        return None


def target(block: Block) -> str:
    if block.table == "events":
        year = block.year("date")
        if year is None:
            raise SystemExit(f"event {block.ident!r} has no readable date")
        return f"events/{year}.toml"
    if block.table == "sources":
        year = block.year("date")
        return f"sources/{year or 'undated'}.toml"
    if block.table in SINGLE:
        return f"{block.table}.toml"
    raise SystemExit(f"unknown table [[{block.table}]] (entry {block.ident!r})")


def sort_key(block: Block) -> tuple[int, str, str]:
    if block.table == "events":
        return (0, str(block.doc.get("date", "")).split("/")[0], block.ident)
    return (0 if block.ident == "seed" else 1, "", block.ident)


def strip_preamble(text: str) -> str:
    """Drop the leading comment lines a formatted file starts with (they are regenerated)."""
    lines = text.splitlines()
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines) + "\n"


def render(name: str, entries: list[Block]) -> str:
    stem = Path(name).stem
    table = name.split("/")[0] if "/" in name else stem
    what = INTRO[table].format(year=stem) if stem != "undated" else "Sources with no date"
    body = "\n\n".join(b.text.rstrip("\n") for b in sorted(entries, key=sort_key))
    return PREAMBLE.format(what=what) + "\n" + body + "\n"


def layout(files: dict[str, str]) -> dict[str, str]:
    """Old files (relative name -> text) to the canonical files (relative name -> text)."""
    grouped: dict[str, list[Block]] = {}
    meta: list[str] = []
    seen: dict[tuple[str, str], str] = {}
    for name, text in sorted(files.items()):
        if Path(name).name == "meta.toml":
            meta.append(text)
            continue
        for block in blocks(strip_preamble(text), name, _whole(text)):
            key = (block.table, block.ident)
            if key in seen:
                raise SystemExit(f"{block.table} id {block.ident!r} in both {seen[key]} and {name}")
            seen[key] = name
            grouped.setdefault(target(block), []).append(block)
    out = {name: render(name, entries) for name, entries in grouped.items()}
    for text in meta:
        out["meta.toml"] = text
    return out


def read_tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*.toml"))
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if needed")
    parser.add_argument("--data", type=Path, default=DATA, help="the data folder")
    args = parser.parse_args(argv)
    folder: Path = args.data
    before = read_tree(folder) if folder.is_dir() else {}
    after = layout(before)
    changed = sorted(n for n in set(before) | set(after) if before.get(n) != after.get(n))
    if args.check:
        for name in changed:
            print(f"would {'rewrite' if name in after else 'remove'} {folder / name}")
        return 1 if changed else 0
    for name in changed:
        path = folder / name
        if name in after:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(after[name], encoding="utf-8")
        else:
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
