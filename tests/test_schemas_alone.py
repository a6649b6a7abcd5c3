"""Each file in schemas/ works alone, as a scripter first tries it (U54 #23):
``jsonschema.validate(doc, json.load(open(path)))``, no registry, no base URI. A command's
schema once referred into output.schema.json and failed with "Unresolvable:
output.schema.json#/$defs/timeline"; tools/jsonschemas.py now writes each from that library.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import ROOT, Run, as_json, tool

SCHEMAS = ROOT / "schemas"


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


@pytest.mark.parametrize(
    ("schema", "args"),
    [
        ("timeline", ["timeline"]),
        ("event", ["event", "serval"]),
        ("actor", ["actor", "wagner"]),
        ("facet", ["timeline", "--facet", "country", "--facet", "year"]),
        ("on", ["on", "2020-08-18"]),
        ("summary", ["summary"]),
    ],
)
def test_output_validates_against_the_file_alone(run: Run, schema: str, args: list[str]) -> None:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = as_json(result)
    assert doc
    with (SCHEMAS / f"{schema}.schema.json").open(encoding="utf-8") as f:
        published = json.load(f)
    jsonschema.validate(doc, published)  # raises on an unresolvable reference
    # and it still refuses what is wrong: a first item without its id
    broken = doc[0] if isinstance(doc, list) else doc
    if "id" in broken:
        bad = [{k: v for k, v in broken.items() if k != "id"}] if isinstance(doc, list) else None
        bad = bad or {k: v for k, v in broken.items() if k != "id"}
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, published)


@pytest.mark.parametrize("path", sorted(SCHEMAS.glob("*.schema.json")), ids=lambda p: p.name)
def test_no_schema_refers_outside_itself(path: Path) -> None:
    refs = _refs(json.loads(path.read_text(encoding="utf-8")))
    assert [r for r in refs if not r.startswith("#")] == []


def test_the_command_schemas_are_what_the_library_says(capsys: pytest.CaptureFixture[str]) -> None:
    """tools/jsonschemas.py --check: a command's schema edited by hand, or the library changed
    without them written again, fails here."""
    assert (tool("jsonschemas").main(["--check"]), capsys.readouterr().out) == (0, "")
