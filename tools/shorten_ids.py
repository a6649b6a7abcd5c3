"""Rename the data's ids longer than model.MAX_ID_LENGTH, everywhere they are named.

    python tools/shorten_ids.py            # rename in data/, tests/, docs/, README.md
    python tools/shorten_ids.py --check    # list the renames, change nothing (exit 1 if any)

An id over the limit is split across lines in an 80-column table (validate warns). Each
is cut in the style of the data's ids, ``publisher-date-slug``: the publisher and the
date are kept and the slug loses words from its end (and then any short word left
dangling there: "de", "the", ...) until it fits. Every whole-word occurrence of the old
id is replaced (references, notes quoting it, tests and docs naming it); an entry's id
is never the start of a longer one here, as the match stops at a letter, digit or
hyphen. Run tools/datafmt.py and barkhane validate afterwards.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from barkhane_cli import toml  # noqa: E402
from barkhane_cli.model import MAX_ID_LENGTH  # noqa: E402

DATE = re.compile(r"^(?P<head>.+?-\d{4}(?:-\d{2}){0,2})-(?P<slug>.+)$")
# Words a cut slug should not end on: they lead to what was cut.
DANGLING = frozenset({
    "a", "an", "and", "as", "at", "au", "aux", "by", "d", "de", "des", "du", "en", "et",
    "for", "from", "in", "l", "la", "le", "les", "of", "on", "or", "par", "pas", "pour",
    "s", "sur", "the", "to", "un", "une", "with", "ne", "est", "non", "ould",
})  # fmt: skip
WHERE = ("data", "tests", "docs", "README.md")


def shorter(ident: str) -> str:
    """``ident`` cut to MAX_ID_LENGTH as described above."""
    found = DATE.match(ident)
    if found is None:
        raise SystemExit(f"{ident}: not publisher-date-slug; rename it by hand")
    head, words = found["head"], found["slug"].split("-")
    while words and len(f"{head}-{'-'.join(words)}") > MAX_ID_LENGTH:
        words.pop()
    while len(words) > 1 and words[-1] in DANGLING:
        words.pop()
    if not words:
        raise SystemExit(f"{ident}: its publisher and date alone are too long")
    return f"{head}-{'-'.join(words)}"


def data_ids() -> set[str]:
    ids = set()
    for path in (ROOT / "data").rglob("*.toml"):
        for entries in toml.loads(path.read_text(encoding="utf-8")).values():
            if isinstance(entries, list):
                ids.update(e["id"] for e in entries if isinstance(e, dict) and "id" in e)
    return ids


def renames() -> dict[str, str]:
    ids = data_ids()
    out = {i: shorter(i) for i in sorted(ids) if len(i) > MAX_ID_LENGTH}
    taken = ids - set(out)
    new = list(out.values())
    clash = [n for n in new if n in taken or new.count(n) > 1]
    if clash:
        raise SystemExit(f"the shortened ids {sorted(set(clash))} are taken; rename by hand")
    return out


def files() -> list[Path]:
    out: list[Path] = []
    for name in WHERE:
        path = ROOT / name
        if path.is_file():
            out.append(path)
        else:
            out += sorted(p for p in path.rglob("*") if p.suffix in (".toml", ".md", ".py"))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="list the renames only")
    args = parser.parse_args()
    table = renames()
    for old, new in table.items():
        print(f"{old} -> {new}")
    if args.check or not table:
        return 1 if args.check and table else 0
    pattern = re.compile(r"(?<![a-z0-9-])(" + "|".join(map(re.escape, table)) + r")(?![a-z0-9-])")
    for path in files():
        text = path.read_text(encoding="utf-8")
        changed = pattern.sub(lambda m: table[m[1]], text)
        if changed != text:
            path.write_text(changed, encoding="utf-8")
            print(f"rewrote {path.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
