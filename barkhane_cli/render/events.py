"""How events look in every format: their fields, JSON shape, colours and legend."""

from __future__ import annotations

from collections.abc import Iterable

from barkhane_cli import model as m
from barkhane_cli.render.records import Field, RecordSet
from barkhane_cli.render.styles import TYPE_STYLES, disputed

EVENT_JSON_KEYS = [
    "id", "date", "end", "precision", "end_precision", "title", "summary", "type", "actors",
    "perpetrators", "targets", "attribution", "places", "countries", "tags", "fatalities",
    "fatalities_low", "fatalities_high", "fatalities_note", "disputed", "aftermath", "sources",
]  # fmt: skip

DEFAULT_FIELDS = [
    "date",
    "end",
    "type",
    "id",
    "title",
    "actors",
    "places",
    "fatalities",
    "disputed",
]
TABLE_FIELDS = ["date", "type", "title", "actors", "places", "sources"]


def _join(values: Iterable[str]) -> str:
    return ",".join(values)


def _opt(value: object) -> str:
    return "" if value is None else str(value)


def span_text(e: m.Event) -> str:
    return f"{e.date} → {e.end}" if e.end else e.date.iso()


def event_records(data: m.Dataset, events: Iterable[m.Event]) -> RecordSet[m.Event]:
    actors, places = data.actors, data.places

    def actor_names(e: m.Event) -> str:
        return ", ".join(actors[a].name if a in actors else a for a in e.actors)

    def place_names(e: m.Event) -> str:
        return ", ".join(places[p].name if p in places else p for p in e.places)

    fields: dict[str, Field[m.Event]] = {
        "id": Field("id", "Id", lambda e: e.id),
        "date": Field("date", "Date", lambda e: e.date.iso(), display=span_text, max_width=13),
        "end": Field("end", "End", lambda e: _opt(e.end)),
        "precision": Field("precision", "Precision", lambda e: e.date.precision),
        "end_precision": Field(
            "end_precision", "End precision", lambda e: e.end.precision if e.end else ""
        ),
        "title": Field("title", "Event", lambda e: e.title, ratio=4, min_width=16),
        "summary": Field("summary", "Summary", lambda e: e.summary, ratio=4),
        "type": Field("type", "Type", lambda e: e.type),
        "actors": Field(
            "actors",
            "Actors",
            lambda e: _join(e.actors),
            display=actor_names,
            ratio=2,
            min_width=10,
        ),
        "places": Field(
            "places", "Places", lambda e: _join(e.places), display=place_names, ratio=2, min_width=9
        ),
        "tags": Field("tags", "Tags", lambda e: _join(e.tags)),
        "perpetrators": Field("perpetrators", "Perpetrators", lambda e: _join(e.perpetrators)),
        "targets": Field("targets", "Targets", lambda e: _join(e.targets)),
        "attribution": Field("attribution", "Attribution", lambda e: _opt(e.attribution)),
        "countries": Field("countries", "Countries", lambda e: _join(e.countries)),
        # plain/csv keep the best estimate; people see the range where there is one
        "fatalities": Field(
            "fatalities", "Deaths", lambda e: _opt(e.fatalities), display=m.Event.deaths
        ),
        "fatalities_low": Field("fatalities_low", "Deaths low", lambda e: _opt(e.fatalities_low)),
        "fatalities_high": Field(
            "fatalities_high", "Deaths high", lambda e: _opt(e.fatalities_high)
        ),
        "fatalities_note": Field(
            "fatalities_note", "Deaths note", lambda e: _opt(e.fatalities_note)
        ),
        "disputed": Field("disputed", "Disputed", lambda e: _opt(e.disputed)),
        "aftermath": Field("aftermath", "Aftermath", lambda e: "yes" if e.aftermath else ""),
        "sources": Field(
            "sources", "Sources", lambda e: _join(s.id for s in e.sources), ratio=1, min_width=8
        ),
    }

    def legend(items: list[m.Event]) -> list[tuple[str, str]]:
        present = {e.type for e in items}
        return [(t, s) for t, s in TYPE_STYLES.items() if t in present]

    return RecordSet(
        kind="event",
        items=events,
        fields=fields,
        default_fields=DEFAULT_FIELDS,
        table_fields=TABLE_FIELDS,
        to_json=m.Event.to_json,
        style=lambda e: TYPE_STYLES.get(e.type),
        note=lambda e: disputed(e.disputed) if e.disputed else None,
        legend=legend,
        empty_message="no events match",
        json_keys=EVENT_JSON_KEYS,
        dataset=data,
    )
