"""Write each command's JSON Schema in schemas/ from the library, output.schema.json.

    python tools/jsonschemas.py            # rewrite schemas/COMMAND.schema.json
    python tools/jsonschemas.py --check    # exit 1 if one is not what the library says

output.schema.json is where every output shape is declared. A command's schema is its
root definition and every definition that one reaches, copied from the library under the
same names, so each file is whole: `jsonschema.validate(doc, json.load(open(path)))`
resolves every reference without a registry or a base URI (U54 #23: a relative reference
into the library was "Unresolvable" to a scripter). The copies are written here, never by
hand; tests/test_schemas_alone.py runs the check.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "schemas"
LIBRARY = "output.schema.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
LOCAL = "#/$defs/"

# command file -> (the library's definition it prints, title, description)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "timeline": (
        "timeline",
        "barkhane timeline --format json",
        "What `barkhane timeline --format json` prints.",
    ),
    "actor": (
        "actor-profile",
        "barkhane actor --format json",
        "What `barkhane actor NAME --format json` prints.",
    ),
    "actors": (
        "actors",
        "barkhane actors --format json",
        "What `barkhane actors --format json` prints.",
    ),
    "place": (
        "place-profile",
        "barkhane place --format json",
        "What `barkhane place NAME --format json` prints.",
    ),
    "places": (
        "places",
        "barkhane places --format json",
        "What `barkhane places --format json` prints.",
    ),
    "event": (
        "event-detail",
        "barkhane event --format json",
        "What `barkhane event ID --format json` prints.",
    ),
    "fact": (
        "fact",
        "barkhane fact --format json",
        "What `barkhane fact ID --format json` prints: the object `barkhane facts --format json`"
        " lists for it.",
    ),
    "facts": (
        "facts",
        "barkhane facts --format json",
        "What `barkhane facts --format json` prints.",
    ),
    "facet": (
        "facet",
        "barkhane timeline --facet FIELD --format json",
        "What `barkhane timeline --facet FIELD --format json` prints (and `actor NAME`, `place NAME`"
        " with --facet): one row per value; with a second --facet, one row per pair of values.",
    ),
    "sources": (
        "sources",
        "barkhane sources --format json",
        "What `barkhane sources --format json` prints.",
    ),
    "search": (
        "search",
        "barkhane search --format json",
        "What `barkhane search TEXT --format json` prints.",
    ),
    "map": ("map", "barkhane map --format json", "What `barkhane map --format json` prints."),
    "on": (
        "situation",
        "barkhane on DATE --format json",
        "What `barkhane on DATE --format json` prints.",
    ),
    "summary": (
        "summary",
        "barkhane summary --format json",
        "What `barkhane summary --format json` prints.",
    ),
    "eras": ("eras", "barkhane eras --format json", "What `barkhane eras --format json` prints."),
    "chart": (
        "chart",
        "barkhane chart [events|fatalities] --format json",
        "What `barkhane chart [events|fatalities] --format json` prints.",
    ),
    "troops": (
        "troops",
        "barkhane chart troops|displacement --format json",
        "What `barkhane chart troops --format json` and `barkhane chart displacement --format json`"
        " print.",
    ),
    "judgments": (
        "judgments-report",
        "barkhane judgments --format json",
        "What `barkhane judgments --format json` prints.",
    ),
    "source": (
        "source-detail",
        "barkhane source ID --format json",
        "What `barkhane source ID --format json` prints.",
    ),
    "compare": (
        "compare",
        "barkhane compare --format json",
        "What `barkhane compare --format json` prints.",
    ),
    "gaps": (
        "gaps-report",
        "barkhane gaps --format json",
        "What `barkhane gaps --format json` prints.",
    ),
}


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def reached(defs: dict[str, Any], root: str) -> list[str]:
    """``root`` and every definition it refers to, directly or not, in the library's order."""
    seen = {root}
    todo = [root]
    while todo:
        for ref in _refs(defs[todo.pop()]):
            if not ref.startswith(LOCAL):
                raise SystemExit(f"{LIBRARY}: a reference this tool cannot copy: {ref}")
            name = ref.removeprefix(LOCAL)
            if name not in seen:
                seen.add(name)
                todo.append(name)
    return [name for name in defs if name in seen]


def library() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((FOLDER / LIBRARY).read_text(encoding="utf-8"))
    return loaded


def command_schema(command: str, lib: dict[str, Any]) -> dict[str, Any]:
    root, title, description = COMMANDS[command]
    defs = lib["$defs"]
    return {
        "$schema": DRAFT,
        "title": title,
        "description": description,
        "$comment": f"Written by tools/jsonschemas.py from {LIBRARY}: edit that file, then run it.",
        "$ref": LOCAL + root,
        "$defs": {name: defs[name] for name in reached(defs, root)},
    }


def generate() -> dict[Path, str]:
    lib = library()
    return {
        FOLDER / f"{command}.schema.json": json.dumps(
            command_schema(command, lib), indent=2, ensure_ascii=False
        )
        + "\n"
        for command in COMMANDS
    }


def main(argv: list[str]) -> int:
    check = argv == ["--check"]
    if argv and not check:
        print("usage: python tools/jsonschemas.py [--check]", file=sys.stderr)
        return 2
    stale = 0
    for path, text in generate().items():
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        if check:
            print(f"would rewrite {path.relative_to(ROOT)}: run python tools/jsonschemas.py")
            stale += 1
        else:
            path.write_text(text, encoding="utf-8")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
