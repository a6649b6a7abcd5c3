"""The published JSON Schemas (schemas/): valid themselves, met by the output and the data.

Each command's schema (timeline.schema.json, actor.schema.json, ...) is whole: its
definitions are copied from the library output.schema.json by tools/jsonschemas.py, so the
tests validate against each file alone, with an empty registry (a reference left pointing
outside a file would fail to resolve, not pass). The library's own definitions (for the
jsonl lines) are checked through a registry holding it.
"""

from __future__ import annotations

import copy
import functools
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from conftest import MINI, ROOT, Run, as_json, tool
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from barkhane_cli import model as m
from barkhane_cli import store
from barkhane_cli.render.events import EVENT_JSON_KEYS
from barkhane_cli.validate import TABLES

SCHEMAS = ROOT / "schemas"
SCHEMA_FILES = sorted(SCHEMAS.glob("*.schema.json"))
DATA_FILE = "data-file.schema.json"
LIBRARY = "output.schema.json"
COMMAND_SCHEMAS = list(tool("jsonschemas").COMMANDS)


def load(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return schema


def closed(node: Any) -> Any:
    """A copy where no object may carry a key its schema does not list."""
    if isinstance(node, dict):
        out = {k: closed(v) for k, v in node.items()}
        if node.get("type") == "object" and "properties" in node:
            out.setdefault("additionalProperties", False)
        return out
    if isinstance(node, list):
        return [closed(v) for v in node]
    return node


def registry(strict: bool = False) -> Registry:
    """The library alone, for a reference into one of its definitions."""
    contents = load(LIBRARY)
    if strict:
        contents = closed(contents)
    return Registry().with_resources([(LIBRARY, Resource.from_contents(contents))])


REGISTRY = registry()
# The published output schemas are open (new keys may be added); the tests use a closed
# copy as well, so that every key the tool prints must be described in the schema.
STRICT_REGISTRY = registry(strict=True)


def validator(schema: dict[str, Any], strict: bool = False) -> Draft202012Validator:
    return Draft202012Validator(schema, registry=STRICT_REGISTRY if strict else REGISTRY)


def command_validator(command: str, strict: bool = False) -> Draft202012Validator:
    """The command's file alone: nothing to resolve it against but itself."""
    schema = load(f"{command}.schema.json")
    return Draft202012Validator(closed(schema) if strict else schema, registry=Registry())


def library_def(name: str, strict: bool = False) -> Draft202012Validator:
    return validator({"$ref": f"{LIBRARY}#/$defs/{name}"}, strict)


def errors(v: Draft202012Validator, instance: Any) -> list[str]:
    """Every error as 'path: message', for a readable assertion."""
    found = sorted(v.iter_errors(instance), key=lambda e: list(e.absolute_path))
    return [f"{e.json_path}: {e.message[:200]}" for e in found]


def at(schema: dict[str, Any], pointer: str) -> Any:
    node: Any = schema
    for part in pointer.strip("/").split("/"):
        node = node[part]
    return node


# --- (a) the schemas themselves ----------------------------------------------------------


def test_every_schema_file_is_listed() -> None:
    names = {p.name for p in SCHEMA_FILES}
    expected = {DATA_FILE, LIBRARY} | {f"{c}.schema.json" for c in COMMAND_SCHEMAS}
    assert names == expected


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_schema_is_valid_draft_2020_12(path: Path) -> None:
    schema = load(path.name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    Draft202012Validator.check_schema(closed(schema))


@pytest.mark.parametrize("command", COMMAND_SCHEMAS)
def test_command_schema_is_the_library_definition(command: str) -> None:
    schema = load(f"{command}.schema.json")
    target, _, pointer = schema["$ref"].partition("#")
    assert target == ""
    assert at(schema, pointer) == at(load(LIBRARY), pointer)


@pytest.mark.parametrize(
    ("schema", "pointer", "vocabulary"),
    [
        (DATA_FILE, "/$defs/event/properties/type/enum", list(m.EVENT_TYPES)),
        (DATA_FILE, "/$defs/actor/properties/kind/enum", list(m.ACTOR_KINDS)),
        (DATA_FILE, "/$defs/place/properties/kind/enum", list(m.PLACE_KINDS)),
        (DATA_FILE, "/$defs/affiliation/properties/relation/enum", list(m.RELATIONS)),
        (DATA_FILE, "/$defs/source/properties/kind/enum", list(m.SOURCE_KINDS)),
        (DATA_FILE, "/$defs/fact/properties/category/enum", list(m.FACT_CATEGORIES)),
        (DATA_FILE, "/$defs/era/properties/kind/enum", list(m.ERA_KINDS)),
        (DATA_FILE, "/$defs/judgment/properties/outcome/enum", list(m.OUTCOMES)),
        (LIBRARY, "/$defs/event-type/enum", list(m.EVENT_TYPES)),
        (LIBRARY, "/$defs/actor-profile/properties/kind/enum", list(m.ACTOR_KINDS)),
        (LIBRARY, "/$defs/actor-list-item/properties/kind/enum", list(m.ACTOR_KINDS)),
        (LIBRARY, "/$defs/place-profile/properties/kind/enum", list(m.PLACE_KINDS)),
        (LIBRARY, "/$defs/place-list-item/properties/kind/enum", list(m.PLACE_KINDS)),
        (LIBRARY, "/$defs/affiliation/properties/relation/enum", list(m.RELATIONS)),
        (LIBRARY, "/$defs/source-list-item/properties/kind/enum", list(m.SOURCE_KINDS)),
        (LIBRARY, "/$defs/fact/properties/category/enum", list(m.FACT_CATEGORIES)),
        (DATA_FILE, "/$defs/fact/properties/cause/enum", list(m.FACT_CAUSES)),
        (LIBRARY, "/$defs/fact/properties/cause/enum", [*m.FACT_CAUSES, None]),
        (LIBRARY, "/$defs/situation-figure/properties/cause/enum", [*m.FACT_CAUSES, None]),
        (DATA_FILE, "/$defs/fact/properties/qualifier/enum", list(m.QUALIFIERS)),
        (LIBRARY, "/$defs/fact/properties/qualifier/enum", [*m.QUALIFIERS, None]),
        (LIBRARY, "/$defs/situation-figure/properties/qualifier/enum", [*m.QUALIFIERS, None]),
        (LIBRARY, "/$defs/troop-row/properties/qualifier/enum", [*m.QUALIFIERS, None]),
    ],
)
def test_enums_match_the_model(schema: str, pointer: str, vocabulary: list[str | None]) -> None:
    assert at(load(schema), pointer) == vocabulary


def test_data_file_tables_match_the_loader() -> None:
    # meta is a plain table of the bundled data, not an array of entries
    assert list(load(DATA_FILE)["properties"]) == ["meta", *TABLES]


def test_event_keys_match_the_documented_json_keys() -> None:
    event = load(LIBRARY)["$defs"]["event"]
    assert event["required"] == EVENT_JSON_KEYS
    assert list(event["properties"]) == EVENT_JSON_KEYS


# --- (b) the tool's output on the fixture file -------------------------------------------

OUTPUTS = [
    ("timeline", ["timeline"]),
    ("timeline", ["timeline", "--aftermath"]),
    ("actor", ["actor", "wagner"]),
    ("actor", ["actor", "mali"]),  # incoming affiliations, no facts
    ("actor", ["actor", "france"]),  # facts with a value
    ("actors", ["actors"]),
    ("place", ["place", "bamako"]),
    ("place", ["place", "timbuktu"]),
    ("places", ["places"]),
    ("event", ["event", "serval"]),  # a span
    ("event", ["event", "ambassador-expelled"]),  # disputed, two sources, a seed quote
    ("event", ["event", "minusma-closes"]),  # aftermath
    ("event", ["event", "ouaga-attack"]),  # fatalities and a note
    ("facts", ["facts"]),
    ("facet", ["timeline", "--facet", "perpetrator"]),
    ("facet", ["timeline", "--facet", "year"]),
    ("facet", ["timeline", "--facet", "country", "--facet", "year"]),  # a cross-tab
    ("facet", ["actor", "mali", "--facet", "type", "--facet", "target"]),
    ("fact", ["fact", "wagner-size"]),  # a range
    ("fact", ["fact", "barkhane-peak-seed"]),  # disputed, a seed quote
    ("sources", ["sources"]),
    ("search", ["search", "mali"]),
    ("search", ["search", "goita"]),
    ("map", ["map"]),
    ("map", ["map", "--by", "region"]),  # a choropleth's regions
    ("on", ["on", "2020-08-18"]),
    ("on", ["on", "2030-01-01"]),  # after the record: aftermath events, a note
    ("summary", ["summary"]),
    ("summary", ["summary", "--since", "2020", "--until", "2021"]),  # events_per_month
    ("eras", ["eras"]),
    ("chart", ["chart"]),
    ("chart", ["chart", "fatalities", "--by", "month"]),
    ("chart", ["chart", "--facet", "country"]),
    ("troops", ["chart", "troops"]),
    ("troops", ["chart", "troops", "--force", "wagner"]),  # a range
    ("judgments", ["judgments"]),
    ("source", ["source", "ref-a"]),
]


@pytest.mark.parametrize(("schema", "args"), OUTPUTS, ids=[" ".join(args) for _, args in OUTPUTS])
def test_output_validates(run: Run, schema: str, args: list[str]) -> None:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    out = as_json(result)
    assert out, "an empty result would validate vacuously"
    assert errors(command_validator(schema), out) == []
    # Every key printed is described in the schema (the schemas' own objects are open).
    assert errors(command_validator(schema, strict=True), out) == []


def test_chart_displacement_validates_on_the_bundled_record(run: Run, bundled: None) -> None:
    # the fixture holds no displacement figure: the record's series are the case
    result = run("chart", "displacement", "--country", "niger", "--format", "json")
    assert result.exit_code == 0, result.output
    out = as_json(result)
    assert len(out) > 20
    assert errors(command_validator("troops", strict=True), out) == []


@pytest.mark.parametrize(
    ("item", "args"),
    [
        ("event", ["timeline", "--aftermath"]),
        ("actor-list-item", ["actors"]),
        ("place-list-item", ["places"]),
        ("fact", ["facts"]),
        ("source-list-item", ["sources"]),
        ("search-hit", ["search", "mali"]),
        ("actor-profile", ["actor", "jnim"]),
        ("event-detail", ["event", "coup-2020"]),
    ],
)
def test_jsonl_lines_validate_against_the_item_schema(run: Run, item: str, args: list[str]) -> None:
    result = run(*args, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines
    v = library_def(item, strict=True)
    for line in lines:
        assert errors(v, json.loads(line)) == []


def test_empty_lists_validate(run: Run) -> None:
    result = run("timeline", "--since", "2030", "--format", "json")
    assert result.exit_code == 0, result.output
    assert as_json(result) == []
    assert errors(command_validator("timeline"), []) == []


# --- (c) the data files --------------------------------------------------------------------


def read_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f)


# one case per file of the bundled folder: the whole record takes seconds to check, and as
# one test it kept a worker busy after the other had finished
DATA_FILES = [MINI, *store.expand([ROOT / "data"])]


# What may stand beside a reference and change nothing an instance is checked against
ANNOTATIONS = {"$ref", "description", "title", "$comment", "examples"}


def without_refs(node: Any, defs: dict[str, Any]) -> Any:
    """``node`` with each ``{"$ref": "#/$defs/NAME"}`` replaced by that definition (its
    own references replaced likewise): for an instance, the same schema. jsonschema looks
    a reference up each time it meets one (~20,000 times over the record's files, half
    the time their checks took); the data-file schema's references are all such, with
    only annotations beside them and no cycle (a reference of another form fails here)."""
    if isinstance(node, dict):
        if "$ref" in node:
            ref = node["$ref"]
            assert set(node) <= ANNOTATIONS and ref.startswith("#/$defs/"), node
            return without_refs(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: without_refs(v, defs) for k, v in node.items()}
    if isinstance(node, list):
        return [without_refs(v, defs) for v in node]
    return node


@functools.cache
def data_file_validator() -> Draft202012Validator:
    """The data-file schema, its references replaced (without_refs), its $defs then
    dropped: a reference left over would fail to resolve, not pass unchecked."""
    schema = load(DATA_FILE)
    inlined = without_refs({k: v for k, v in schema.items() if k != "$defs"}, schema["$defs"])
    return Draft202012Validator(inlined, registry=Registry())


@pytest.mark.parametrize("file", DATA_FILES, ids=lambda f: f.relative_to(ROOT).as_posix())
def test_data_file_validates(file: Path) -> None:
    assert errors(data_file_validator(), read_toml(file)) == [], file


def test_the_inlined_data_file_schema_refuses_what_the_schema_refuses() -> None:
    """data_file_validator is the published schema: the same errors on entries broken in
    each field the schema checks of each table."""
    doc = read_toml(MINI)
    broken: list[dict[str, Any]] = []
    for table, entries in doc.items():
        for field in entries[0]:
            for bad in (None, 12, "", [1], {"x": 1}):
                entry = copy.deepcopy(entries[0])
                entry[field] = bad
                entry["unknown-field"] = 1
                broken.append({table: [entry]})
    assert len(broken) > 100
    for instance in broken:
        assert errors(data_file_validator(), instance) == errors(
            validator(load(DATA_FILE)), instance
        ), instance


# --- (d) what the schemas reject -------------------------------------------------------------


def fixture_event() -> dict[str, Any]:
    event: dict[str, Any] = copy.deepcopy(read_toml(MINI)["events"][0])
    return event


def as_data(event: dict[str, Any], table: str = "events") -> dict[str, Any]:
    return {table: [event]}


def test_broken_event_is_rejected() -> None:
    event = fixture_event()
    event["date"] = "2022-13-45"
    event["type"] = "putsch"
    del event["sources"]
    found = errors(validator(load(DATA_FILE)), as_data(event))
    assert any(e.startswith("$.events[0].date:") for e in found), found
    assert any(e.startswith("$.events[0].type:") for e in found), found
    assert any("'sources' is a required property" in e for e in found), found


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("date", "2022-13"),
        ("date", "2022-02-30x"),
        ("date", "22-02"),
        ("date", "2022-2"),
        ("date", 2022),
        ("end", "November 2022"),
        ("type", "putsch"),
        ("id", "Coup_2012"),
        ("id", "coup--2012"),
        ("sources", []),
        ("sources", [{"id": "ref-a", "page": 3}]),
        ("sources", [{"quote": "no id"}]),
        ("fatalities", -1),
        ("fatalities", "30"),
        ("actors", "mali"),
        ("title", ""),
        ("year", 2012),  # an unknown field
    ],
)
@pytest.mark.parametrize("table", ["events", "aftermath"])
def test_bad_event_field_is_rejected(table: str, field: str, value: Any) -> None:
    event = fixture_event()
    assert errors(validator(load(DATA_FILE)), as_data(event, table)) == []
    event[field] = value
    assert errors(validator(load(DATA_FILE)), as_data(event, table)) != []


DELETE = object()


@pytest.mark.parametrize(
    ("table", "field", "value"),
    [
        ("sources", "kind", "blog"),
        ("sources", "date", "2022-11-01T00:00"),
        ("sources", "title", DELETE),
        ("actors", "kind", "gang"),
        ("actors", "affiliations", [{"actor": "mali", "relation": "friend-of"}]),
        ("actors", "sources", DELETE),
        ("places", "lat", 95),
        ("places", "kind", "hamlet"),
        ("facts", "value", DELETE),  # neither a value nor low and high
        ("facts", "category", "money"),
        ("eras", "kind", "epoch"),
        ("judgments", "probability", [0.5]),
        ("judgments", "probability", [0.5, 1.5]),
        ("judgments", "yardstick", "ICD 203"),
        ("judgments", "outcome", "maybe"),
    ],
)
def test_bad_entry_is_rejected(table: str, field: str, value: Any) -> None:
    entry = copy.deepcopy(read_toml(MINI)[table][0])
    assert errors(validator(load(DATA_FILE)), {table: [entry]}) == []
    if value is DELETE:
        del entry[field]
    else:
        entry[field] = value
    assert errors(validator(load(DATA_FILE)), {table: [entry]}) != []


@pytest.mark.parametrize("doc", [{"event": []}, {"events": {"id": "x"}}])
def test_unknown_or_malformed_table_is_rejected(doc: dict[str, Any]) -> None:
    assert errors(validator(load(DATA_FILE)), doc) != []


def test_broken_output_event_is_rejected(run: Run) -> None:
    event = as_json(run("timeline", "--format", "json"))[0]
    v = library_def("event")
    assert errors(v, event) == []
    for key, value in [("date", "2022-13-45"), ("type", "putsch"), ("precision", "week")]:
        assert errors(v, event | {key: value}) != [], key
    for key in EVENT_JSON_KEYS:
        missing = {k: val for k, val in event.items() if k != key}
        assert errors(v, missing) != [], key
    assert errors(v, event | {"sources": []}) != []
    # Open for additions: a new key does not break the published schema.
    assert errors(v, event | {"new_key": 1}) == []
    # ... but the closed copy the tests use notices a key the schema does not describe.
    assert errors(library_def("event", strict=True), event | {"new_key": 1}) != []


def test_output_fact_without_a_number_is_rejected(run: Run) -> None:
    facts = as_json(run("facts", "--format", "json"))
    v = library_def("fact")
    assert all(errors(v, f) == [] for f in facts)
    ranged = next(f for f in facts if f["low"] is not None)
    assert errors(v, ranged | {"high": None}) != []
    valued = next(f for f in facts if f["value"] is not None)
    assert errors(v, valued | {"value": None}) != []


def test_a_facet_row_names_one_of_the_facets() -> None:
    """The facet-count schema lists the facets again (anyOf): tied to FACETS here, and a
    row without any facet's key ({"country_name": ..., "events": ...}) is rejected (review)."""
    from barkhane_cli.facets import FACETS

    row = load(LIBRARY)["$defs"]["facet-count"]
    assert [r["required"] for r in row["anyOf"]] == [[f] for f in FACETS]
    assert not Draft202012Validator(row).is_valid({"country_name": "x", "events": 3})
    assert Draft202012Validator(row).is_valid({"year": 2020, "events": 3})
