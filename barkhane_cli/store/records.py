"""Model records to JSON and back, generically, from ``dataclasses.fields`` and type hints.

A record is stored as a JSON array of its field values in field order: a date as its ISO
text, a nested record as its own array, a tuple as an array. Decoding walks the same type
hints, so a field another module adds to the model round-trips without a change here.
JSON is data: reading a crafted store can give wrong values (caught by the key and the
schema check) but can never run code, unlike pickle.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from collections.abc import Callable
from typing import Any

from barkhane_cli import model as m
from barkhane_cli.dates import PartialDate

Decoder = Callable[[Any], Any]


class Unstorable(TypeError):
    """A value the store cannot represent: the dataset is then used uncached."""


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    """A record class's field names, in order: dataclasses.fields builds its tuple anew on
    every call, and a build of the bundled record asked it ~14,500 times."""
    return tuple(f.name for f in dataclasses.fields(cls))


def encode(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [encode(getattr(value, name)) for name in _field_names(type(value))]
    raise Unstorable(f"cannot store a {type(value).__name__}")


# json.dumps with arguments builds an encoder per call: one, made once, writes the same
# text (the encoder json.dumps makes for these arguments).
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def dumps(record: Any) -> str:
    return _dumps(encode(record))


def _date(text: Any) -> PartialDate:
    return PartialDate(*map(int, text.split("-")))


def _identity(value: Any) -> Any:
    return value


def _decoder(hint: Any) -> Decoder:
    """A function turning the stored form of a value of type ``hint`` back into it."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(inner) == 1:
            one = _decoder(inner[0])
            if one is _identity:
                return _identity
            return lambda v: None if v is None else one(v)
        return _identity  # a union of plain values (int | float) needs no work
    if hint is PartialDate:
        return _date
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            if item is _identity:
                return tuple
            return lambda v: tuple([item(x) for x in v])
        parts = [_decoder(a) for a in args]
        return lambda v: tuple(p(x) for p, x in zip(parts, v, strict=True))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return record_decoder(hint)
    return _identity


@functools.cache
def record_decoder(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls, vars(m) | {"PartialDate": PartialDate})
    decoders = [_decoder(hints[n]) for n in _field_names(cls)]
    if all(d is _identity for d in decoders):
        return lambda v: cls(*v)
    pairs = list(enumerate(decoders))
    work = [(i, d) for i, d in pairs if d is not _identity]

    def decode(values: list[Any]) -> Any:
        for i, d in work:
            values[i] = d(values[i])
        return cls(*values)

    return decode


def loads(cls: type, text: str) -> Any:
    return record_decoder(cls)(json.loads(text))


def _kinds() -> dict[str, type]:
    """The Dataset's tables keyed by id, with their record class, read from its type hints:
    a table added to the model is stored without a change here."""
    hints = typing.get_type_hints(m.Dataset, vars(m))
    out = {}
    for f in dataclasses.fields(m.Dataset):
        hint = hints[f.name]
        if typing.get_origin(hint) is dict:
            out[f.name] = typing.get_args(hint)[1]
    return out


KINDS: dict[str, type] = _kinds()


def _refs(values: list[dict[str, Any]]) -> tuple[m.SourceRef, ...]:
    return tuple([m.SourceRef(r["id"], r.get("quote"), r.get("note")) for r in values])


def _opt_date(text: str | None) -> PartialDate | None:
    return None if text is None else _date(text)


# How each key of ``Event.to_json`` turns back into the field of the same name.
_FROM_JSON: dict[str, Callable[[Any], Any]] = {
    "date": _date,
    "end": _opt_date,
    "sources": _refs,
    "actors": tuple,
    "perpetrators": tuple,
    "targets": tuple,
    "places": tuple,
    "countries": tuple,
    "tags": tuple,
    "follows": tuple,
    "acled_ids": tuple,
    "ucdp_ids": tuple,
}
# ``to_json`` keys that are no field (they repeat one: the precision is the date's, the
# first and last day the span's, fatalities_counted the tolls' by Event.counted_field).
_DERIVED = frozenset({"precision", "end_precision", "first_day", "last_day", "fatalities_counted"})


def event_from_json(text: str, long: str | None, origin: str) -> m.Event:
    """The event whose ``json.dumps(e.to_json())`` is ``text``: the store keeps one JSON
    copy of each event, the one ``--format json`` prints, and decodes events from it."""
    obj = json.loads(text)
    values = {k: _FROM_JSON.get(k, _identity)(v) for k, v in obj.items() if k not in _DERIVED}
    start, end = values["date"], values["end"]
    return m.Event(
        **values,
        long=long,
        origin=origin,
        first=start.first_ordinal(),
        last=(end or start).last_ordinal(),
    )
