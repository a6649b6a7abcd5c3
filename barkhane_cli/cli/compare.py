"""barkhane compare and barkhane gaps: the curated record beside ACLED and UCDP imports
(issue 24; the rule is docs/matching.md)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from barkhane_cli.cli.base import given_format, load, make_env, present, query_of
from barkhane_cli.cli.filters import event_filters, names_read
from barkhane_cli.cli.options import (
    ActorOpt,
    AftermathOpt,
    Color,
    ColorOpt,
    CountOpt,
    CountryOpt,
    ExportOpt,
    FileName,
    IncidentCountOpt,
    LimitOpt,
    MinDeathsOpt,
    NotTagOpt,
    PerpetratorOpt,
    PlaceOpt,
    SearchOpt,
    SinceOpt,
    TagOpt,
    TargetOpt,
    TypeOpt,
    UntilOpt,
    WideOpt,
    YearOpt,
    format_option,
)
from barkhane_cli.errors import DataError, UsageError
from barkhane_cli.formats import MATCH_FORMATS, TABLE_FORMATS
from barkhane_cli.importers import import_line
from barkhane_cli.text import counted

MatchFormatOpt = Annotated[str | None, format_option(MATCH_FORMATS)]
DatasetsOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        click_type=FileName("an ACLED or UCDP export or import"),
        help=f"An import of ACLED or UCDP ({import_line()}); "
        "repeatable, and BARKHANE_DATA files count too.",
        show_default=False,
    ),
]


class By(StrEnum):
    month = "month"
    region = "region"


def _loaded(data: list[Path] | None) -> tuple[Any, list[Any], list[Any]]:
    """The data with the datasets layered over it, its curated events and its records."""
    from barkhane_cli import matching

    if not data:
        from barkhane_cli.cli.base import settings

        if not settings().data:
            raise UsageError(
                "give --data FILE: an ACLED or UCDP GED export (CSV), "
                f"or its import ({import_line()})"
            )
    dataset = load(data)
    curated, records = matching.split(dataset)
    if not records:
        names = ", ".join(str(p) for p in data or ()) or "BARKHANE_DATA"
        raise DataError(
            f"{names}: holds no ACLED or UCDP records (ids acled-… or ucdp-…); "
            f"make one with {import_line()}"
        )
    return dataset, curated, records


def _select(
    dataset: Any, data: list[Path] | None, events: list[Any], filters: dict[str, Any]
) -> list[Any]:
    from barkhane_cli import model, query

    view = model.Dataset(
        places=dataset.places,
        actors=dataset.actors,
        events=sorted(events, key=model.Event.sort_key),
    )
    q = query_of(view, data, **filters)
    return list(query.select(view, q))


def _count(env: Any, fmt: str | None, export: Any, n: int, what: str, said: list[str]) -> None:
    """--count: the number of rows alone, as every --count prints it (render.facets.
    write_count); what the names given were read as goes to a watched stderr, as
    timeline --count says it, never to stdout."""
    from barkhane_cli.render.facets import write_count
    from barkhane_cli.render.records import tell

    if said:
        tell(env, "; ".join(said))
    present(env, fmt, export, lambda target, f: write_count(target, f, n, what))


def compare(
    since: SinceOpt = None,
    until: UntilOpt = None,
    year: YearOpt = None,
    actor: ActorOpt = None,
    perpetrator: PerpetratorOpt = None,
    target: TargetOpt = None,
    place: PlaceOpt = None,
    country: CountryOpt = None,
    type_: TypeOpt = None,
    tag: TagOpt = None,
    not_tag: NotTagOpt = None,
    search: SearchOpt = None,
    min_deaths: MinDeathsOpt = None,
    unmatched: Annotated[
        bool, typer.Option(help="Only the events no record of the loaded data describes.")
    ] = False,
    limit: LimitOpt = None,
    aftermath: AftermathOpt = False,
    count: CountOpt = False,
    format_: MatchFormatOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    data: DatasetsOpt = None,
) -> None:
    """Each curated event beside the ACLED and UCDP records of the same incident.

    The filters choose curated events, as in timeline. For each, the records linked to it
    (reviewed links first, then by score: date, place, perpetrators and type, each as
    precise as both sides allow; docs/matching.md), then what differs: days, km, the
    deaths (ours beside ACLED's figure and UCDP's best, low and high) and who did it.
    A coarse record (a month, a region) that fits several events is shown as possible
    for each and linked to none.
    """
    from barkhane_cli import matching
    from barkhane_cli.render import matching as draw
    from barkhane_cli.render.charts import write_rows
    from barkhane_cli.render.records import write_document

    env = make_env(color)
    fmt = given_format(env, format_)
    filters = event_filters(
        since, until, year, actor, perpetrator, target, place, country, type_, tag, not_tag,
        search,
        aftermath,
    )  # fmt: skip
    dataset, curated, records = _loaded(data)
    # --min-deaths reads the curated toll as timeline's does (its highest count), so the
    # events compared are the ones `timeline --min-deaths N` lists (U32: compare had
    # every other filter of timeline's but this one, refused as "no such option")
    chosen = _select(dataset, data, curated, {**filters, "min_deaths": min_deaths})
    found = matching.match(dataset, curated, records)
    rows = []
    for e in chosen:
        pairs = found.linked.get(e.id, []) + found.possible.get(e.id, [])
        if unmatched and pairs:
            continue
        linked = found.linked.get(e.id, [])
        rows.append(
            {
                "event": e,
                "pairs": pairs,
                "missing": found.missing_reviewed.get(e.id, []),
                "differences": matching.differences(dataset, e, linked) if linked else None,
            }
        )
    if limit is not None:
        rows = rows[:limit]
    if count:  # the curated events compared, as timeline --count counts its events
        _count(env, format_, export, len(rows), "events", names_read(dataset, filters))
        return

    def as_json(row: dict[str, Any]) -> dict[str, Any]:
        e = row["event"]
        return {
            "id": e.id,
            "date": e.date.iso(),
            "end": e.end.iso() if e.end else None,
            "title": e.title,
            "type": e.type,
            "places": list(e.places),
            "deaths": matching.ours(e),
            "perpetrators": list(e.perpetrators),
            "matches": [matching.pair_json(p) for p in row["pairs"]],
            "reviewed_missing": row["missing"],
            "differences": row["differences"],
        }

    def show(target_env: Any, f: str | None) -> None:
        if f in ("json", "jsonl"):
            write_document(target_env, f, [as_json(r) for r in rows])
        elif f == "plain":
            draw.compare_plain(target_env, rows)
        elif f in TABLE_FORMATS:
            write_rows(target_env, f, draw.COMPARE_COLUMNS, draw.compare_rows(rows))
        else:
            draw.compare_rich(target_env, dataset, rows)

    present(env, fmt, export, show)


def gaps(
    since: SinceOpt = None,
    until: UntilOpt = None,
    year: YearOpt = None,
    actor: ActorOpt = None,
    perpetrator: PerpetratorOpt = None,
    target: TargetOpt = None,
    place: PlaceOpt = None,
    country: CountryOpt = None,
    type_: TypeOpt = None,
    tag: TagOpt = None,
    not_tag: NotTagOpt = None,
    search: SearchOpt = None,
    min_deaths: MinDeathsOpt = None,
    by: Annotated[
        By, typer.Option("--by", help="Count the incidents by month or by region.")
    ] = By.month,
    limit: LimitOpt = None,
    aftermath: AftermathOpt = False,
    count: IncidentCountOpt = False,
    format_: MatchFormatOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    wide: WideOpt = False,
    data: DatasetsOpt = None,
) -> None:
    """The incidents of the loaded ACLED or UCDP data that no curated event accounts for.

    Records of one incident are clustered (dates a day apart, points within 25 km, one
    type or a perpetrator in common; docs/matching.md); an incident is a gap when none of
    its records is linked to, or a possible match of, a curated event. Largest toll first
    (ACLED's rows of an incident summed; UCDP's best), then a count by month or region.
    The filters choose records: --since 2020 --country mali --type massacre.
    The table keeps one line an incident, a long place cut (…); --wide and every other
    format give it whole.
    """
    from barkhane_cli import matching
    from barkhane_cli.gaps import unlinked
    from barkhane_cli.render import matching as draw
    from barkhane_cli.render.charts import write_rows
    from barkhane_cli.render.records import write_document

    env = make_env(color)
    fmt = given_format(env, format_)
    filters = event_filters(
        since, until, year, actor, perpetrator, target, place, country, type_, tag, not_tag,
        search,
        aftermath,
    )  # fmt: skip
    dataset, curated, records = _loaded(data)
    chosen = _select(dataset, data, records, filters)
    found = matching.match(dataset, curated, records)
    incidents = unlinked(dataset, found, chosen)
    if min_deaths is not None:
        incidents = [i for i in incidents if i.deaths >= min_deaths]
    tallies = draw.counts(dataset, incidents, by.value)
    shown = incidents if limit is None else incidents[:limit]
    if count:
        _count(env, format_, export, len(shown), "incidents", names_read(dataset, filters))
        return
    note = (
        f"{counted(len(incidents), 'incident')} without a curated counterpart, from "
        f"{counted(len(chosen), 'record')} ({len(found.owner)} of all "
        f"{counted(len(records), 'record')} linked to curated events, "
        f"{counted(len(found.ambiguous), 'possible match', 'possible matches')} left out)"
    )
    summary = {"by": by.value, "counts": tallies, "note": note}

    def show(target_env: Any, f: str | None) -> None:
        if f == "json":
            payload = {
                "incidents": [i.to_json(dataset) for i in shown],
                "total": len(incidents),
                "by": by.value,
                "counts": tallies,
                "records": len(chosen),
                "linked": len(found.owner),
                "possible": len(found.ambiguous),
            }
            write_document(target_env, f, payload)
        elif f == "jsonl":
            write_document(target_env, f, [i.to_json(dataset) for i in shown])
        elif f == "plain":
            draw.gaps_plain(target_env, dataset, shown)
        elif f in TABLE_FORMATS:
            write_rows(target_env, f, draw.GAPS_COLUMNS, draw.gaps_rows(dataset, shown))
        else:
            draw.gaps_rich(target_env, dataset, shown, summary, wide)

    present(env, fmt, export, show)
