"""compare and gaps: curated events beside the dataset records of the same incident, and
the incidents the record lacks. Rich at a terminal (one incident in a few lines at 80
columns), tab-separated when piped, JSON as documented in schemas/compare.schema.json
and schemas/gaps.schema.json."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from barkhane_cli import gaps, matching
from barkhane_cli import model as m
from barkhane_cli.dates import span_said
from barkhane_cli.importers.acled.places import MATCH_KM as PLACE_KM
from barkhane_cli.lookup import at_place
from barkhane_cli.render.env import Env
from barkhane_cli.render.events import actor_names_of, place_name, roles_text
from barkhane_cli.render.recordset import NO_EVENTS
from barkhane_cli.render.safe import inert
from barkhane_cli.render.safe import text as safe_text
from barkhane_cli.text import counted, plural

# What gaps says of no incidents, in the words of timeline's NO_EVENTS
NO_INCIDENTS = "no incidents match"


def _place(data: m.Dataset, e: m.Event) -> str:
    """Where the event is, as a sentence says it: "at Boulkessi", "in Chad"."""
    if not e.places:
        return "no place"
    p = data.places.get(e.places[0])
    return at_place(p) if p is not None else f"at {e.places[0]}"


def _who(data: m.Dataset, e: m.Event) -> str:
    """Our event's roles as the timeline words them ("by Barkhane", "JNIM → MINUSMA"),
    else the actors it names, and "no one named" only when it names none: an event
    naming France, Barkhane, Chad and two men read "no one named" (U22)."""
    roles = roles_text(data, e)
    if roles:
        return roles
    return f"naming {actor_names_of(data, e.actors)}" if e.actors else "no one named"


def _names(data: m.Dataset, ids: Sequence[str]) -> str:
    return ", ".join(a.label if (a := data.actors.get(i)) else i for i in ids) or "no one named"


def _theirs_only(
    data: m.Dataset, e: m.Event, extra: Sequence[str], pairs: Sequence[matching.Pair]
) -> str:
    """The perpetrators only the records give, by what our event makes of each: "only
    theirs name: Niger" stood under "ISGS → Niger", which names it (U31). A side of a
    record's two-sided fight (ACLED's battles) is "a side in theirs", not a perpetrator:
    one we name as the attacked is no difference at all (matching.differences, U54)."""
    claimed = {a for p in pairs if not p.record.each_side_both() for a in p.record.perpetrators}

    def said(role: str, ids: Sequence[str]) -> list[str]:
        out = []
        for theirs, group in (("perpetrator", [a for a in ids if a in claimed]),
                              ("a side", [a for a in ids if a not in claimed])):  # fmt: skip
            if group:
                out.append(f"{theirs} in theirs, {role} in ours: " + _names(data, group))
        return out

    targets = [a for a in extra if matching.among(data, e, a, e.targets)]
    named = [a for a in extra if a not in targets and matching.among(data, e, a, e.actors)]
    unnamed = [a for a in extra if a not in targets and a not in named]
    parts = [
        part for role, ids in (("target", targets), ("named", named)) for part in said(role, ids)
    ]
    if unnamed:
        parts.append("only theirs name: " + _names(data, unnamed))
    return "".join(" · " + part for part in parts)


def _date(e: m.Event) -> str:
    return span_said(e.date.iso(), e.end.iso()) if e.end else e.date.iso()


def _deaths_line(e: m.Event, diff: dict[str, Any]) -> str:
    """Our toll as every view words it (Event.deaths: "up to 15" for a bound alone), then
    theirs."""
    d = diff["deaths"]
    parts = [f"ours {e.deaths() or 'not given'}"]
    if "acled" in d:
        parts.append(f"ACLED {d['acled']}")
    if "ucdp" in d:
        u = d["ucdp"]
        rng = f" ({u['low']}–{u['high']})" if u["low"] != u["high"] else ""
        parts.append(f"UCDP {u['best']}{rng}")
    return "deaths: " + " · ".join(parts)


def pair_line(data: m.Dataset, p: matching.Pair) -> str:
    r = p.record
    when = "same day" if p.date_gap == 0 else f"{_date(r)} ({p.date_gap} d off)"
    if r.date.precision != "day" or r.end is not None:
        when = _date(r) + ("" if p.date_gap == 0 else f" ({p.date_gap} d off)")
    km = p.km()
    if p.same_place:  # the import put it at our place: its own point is not kept
        where = f"placed at our {_place_name(data, r)} (within {PLACE_KM:g} km)"
    elif km is not None:
        where = km_said(km)
        if p.namesake:  # beyond the distance rule: linked by the place's name (matching.md)
            where += " (a place of the same name)"
    else:  # a reviewed link may join places the rule would not compare
        where = "place not compared" if p.reviewed else "in the region"
    deaths = "" if r.fatalities is None else f", {r.deaths()} dead"
    how = "reviewed" if p.reviewed else ("possible" if p.ambiguous else f"{p.score:.2f}")
    # a two-sided fight as the timeline words it ("attributed: ISGS ↔ Niger"): a list of
    # both sides read as two attackers
    who = roles_text(data, r) if r.each_side_both() else _names(data, r.perpetrators)
    return (
        f"  {matching.dataset_of(r)} {matching.record_id(r)} {how}: {when}, {where}{deaths}; {who}"
    )


def km_said(km: float) -> str:
    """A distance as compare says it: a tenth of a km under 10 km ("0.4 km", never "0
    km" for two points apart), whole km beyond."""
    return f"{km:.1f} km" if km < 10 else f"{km:.0f} km"


def _place_name(data: m.Dataset, e: m.Event) -> str:
    p = data.places.get(e.point_of or "")
    return place_name(p) if p is not None else str(e.point_of)


# A continuation of a wrapped line sits under the text it continues, not at column 0
# (U54 at 80 columns: "Barkhane → AQIM" under "ours:"): a detail line's under its words,
# an event's head under its title.
DETAIL = "  "
HANG = "    "


def _hanging(con: Any, text: Any, lead: Any, rest: str) -> None:
    """``text`` printed after ``lead`` (a str or a Text as wide as ``rest``, or ""), its
    wrapped lines after ``rest``."""
    from rich.text import Text

    lines = text.wrap(con, max(20, con.width - len(rest)), overflow="fold")
    for index, line in enumerate(lines):
        out = Text(rest) if index else (lead if isinstance(lead, Text) else Text(lead))
        line.rstrip()  # the space a line broke at
        out.append_text(line)
        con.print(out, overflow="fold", crop=False, no_wrap=True)


def compare_rich(env: Env, data: m.Dataset, rows: Sequence[dict[str, Any]]) -> None:
    from barkhane_cli.render.table import console

    con = console(env)
    if not rows:  # as timeline says it: "0 of 0 events have records" read as a count (U31)
        con.print(safe_text(NO_EVENTS))
        return
    found = 0
    for row in rows:
        e: m.Event = row["event"]
        pairs: list[matching.Pair] = row["pairs"]
        found += bool(pairs)
        when = safe_text(f"{_date(e)}  ", style="bold")
        head = safe_text(e.title, style="bold")
        head.append_text(safe_text(f"  {e.id}", style="dim"))
        _hanging(con, head, when, " " * len(when.plain))
        deaths = e.deaths()
        ours = (
            f"ours: {e.type} {_place(data, e)}"
            + (f" · {deaths} {'death' if deaths == '1' else 'deaths'}" if deaths else "")
            + f" · {_who(data, e)}"
        )
        _hanging(con, safe_text(ours), DETAIL, HANG)
        if not pairs:
            con.print(safe_text("  no record of this incident in the loaded data", style="dim"))
        for p in pairs:
            _hanging(con, safe_text(pair_line(data, p).lstrip()), DETAIL, HANG)
        for missing in row["missing"]:
            con.print(
                safe_text(f"  reviewed link {missing}: not in the loaded data", style="yellow")
            )
        diff = row["differences"]
        if diff is not None:
            line = _deaths_line(e, diff) + _theirs_only(
                data, e, diff["perpetrators"]["only_theirs"], pairs
            )
            _hanging(con, safe_text(line, style="cyan"), DETAIL, HANG)
        con.print()
    have = plural(found, "has", "have")
    con.print(
        safe_text(f"{found} of {counted(len(rows), 'event')} {have} records in the loaded data")
    )


def compare_plain(env: Env, rows: Sequence[dict[str, Any]]) -> None:
    """One line per (event, record): event id, dataset, record id, score, days off, km."""
    for row in rows:
        e: m.Event = row["event"]
        pairs: list[matching.Pair] = row["pairs"]
        if not pairs:
            env.out.write(inert(e.id) + "\t\t\t\t\t\n")
        for p in pairs:
            km = "" if (d := p.km()) is None else f"{d:.1f}"
            cells = [e.id, matching.dataset_of(p.record) or "", matching.record_id(p.record),
                     "reviewed" if p.reviewed else f"{p.score:.3f}", str(p.date_gap), km]  # fmt: skip
            env.out.write("\t".join(inert(c) for c in cells) + "\n")


# The columns of compare's and gaps' csv/tsv/md rows: compare one per (event, record),
# as its plain lines; gaps one per incident, its records joined as dataset:record_id.
COMPARE_COLUMNS = ["event", "dataset", "record_id", "score", "reviewed", "ambiguous",
                   "date_gap_days", "distance_km", "deaths", "deaths_low", "deaths_high",
                   "record_deaths", "record_deaths_low", "record_deaths_high",
                   "record_type"]  # fmt: skip
GAPS_COLUMNS = ["date", "end", "place", "place_name", "region", "countries", "latitude",
                "longitude", "deaths", "type", "perpetrators", "records"]  # fmt: skip


def compare_rows(rows: Sequence[dict[str, Any]]) -> list[list[Any]]:
    """compare's pairs as COMPARE_COLUMNS rows; an event with no record has one row with
    its id and deaths alone, as in plain."""
    out: list[list[Any]] = []
    for row in rows:
        e: m.Event = row["event"]
        ours = [e.fatalities, e.fatalities_low, e.fatalities_high]
        pairs: list[matching.Pair] = row["pairs"]
        if not pairs:
            out.append([e.id, *[None] * 7, *ours, None, None, None, None])
        for p in pairs:
            j = matching.pair_json(p)
            out.append([e.id, j["dataset"], j["record_id"], j["score"], j["reviewed"],
                        j["ambiguous"], j["date_gap_days"], j["distance_km"], *ours,
                        j["deaths"], j["deaths_low"], j["deaths_high"], j["type"]])  # fmt: skip
    return out


def gaps_rows(data: m.Dataset, incidents: Sequence[gaps.Incident]) -> list[list[Any]]:
    """gaps' incidents as GAPS_COLUMNS rows."""
    out = []
    for inc in incidents:
        j = inc.to_json(data)
        j["records"] = [f"{r['dataset']}:{r['record_id']}" for r in j["records"]]
        out.append([j[k] for k in GAPS_COLUMNS])
    return out


def gaps_rich(
    env: Env,
    data: m.Dataset,
    incidents: Sequence[gaps.Incident],
    counts: dict[str, Any],
    wide: bool = False,
) -> None:
    """One line an incident, as every other table here: a place too long for the
    terminal is cut (…), where it wrapped under the others (K65: a long ACLED location
    took two lines at 80 columns); --wide widens the view to show it whole."""
    from rich.table import Table

    from barkhane_cli.render.table import console

    con = console(env)
    if not incidents:  # not an empty table's header and "By month:" over nothing (U31)
        con.print(safe_text(NO_INCIDENTS))
        con.print(safe_text(counts["note"], style="dim"), overflow="fold")
        return
    rows = []
    for inc in incidents:
        j = inc.to_json(data)
        where = j["place_name"] or j["place"] or ""
        if j["region"]:
            region = data.places.get(j["region"])
            where += f" ({region.name if region else j['region']})"
        ids = [f"{r['dataset']} {r['record_id']}" for r in j["records"]]
        shown = ids[0] + (f" +{len(ids) - 1}" if len(ids) > 1 else "")
        # the end's month and day: the column stays narrow, the year is the start's
        date = span_said(j["date"], j["end"][5:]) if j["end"] else j["date"]
        rows.append([date, where, str(j["deaths"]), j["type"], shown])
    headers = ("Date", "Place", "Deaths", "Type", "Records")
    widths = [max([len(h), *(len(r[n]) for r in rows)]) for n, h in enumerate(headers)]
    if wide:  # nothing cut: the line is as wide as the widest row (less -S shows the rest)
        con.width = max(con.width, sum(widths) + 2 * (len(widths) - 1))
    # the short columns keep their whole width, the place takes what is left (Rich shrank
    # every column alike: "2015-01-20.…", "ba…"); 8 at least, on a very narrow terminal
    widths[1] = max(8, min(widths[1], con.width - sum(widths) + widths[1] - 2 * 4))
    table = Table(header_style="bold", expand=False, box=None, pad_edge=False)
    for header, width in zip(headers, widths, strict=True):
        table.add_column(
            header,
            justify="right" if header == "Deaths" else "left",
            width=width,
            no_wrap=True,
            overflow="ellipsis",
        )
    for row in rows:
        table.add_row(*(safe_text(cell) for cell in row))
    con.print(table)
    con.print()
    con.print(safe_text(f"By {counts['by']}:", style="bold"))
    for c in counts["counts"]:
        con.print(
            safe_text(
                f"  {c['key']:<24} {c['incidents']:>5} {plural(c['incidents'], 'incident'):<9}"
                f" {c['deaths']:>7} {plural(c['deaths'], 'death')}"
            )
        )
    con.print(safe_text(counts["note"], style="dim"), overflow="fold")


def gaps_plain(env: Env, data: m.Dataset, incidents: Sequence[gaps.Incident]) -> None:
    for inc in incidents:
        j = inc.to_json(data)
        ids = ",".join(f"{r['dataset']}:{r['record_id']}" for r in j["records"])
        cells = [j["date"], j["end"] or "", j["place"] or "", str(j["deaths"]), j["type"], ids]
        env.out.write("\t".join(inert(c) for c in cells) + "\n")


def counts(data: m.Dataset, incidents: Sequence[gaps.Incident], by: str) -> list[dict[str, Any]]:
    """Incidents and deaths per month (YYYY-MM) or per region, in key order."""
    n: Counter[str] = Counter()
    deaths: Counter[str] = Counter()
    for inc in incidents:
        j = inc.to_json(data)
        key = j["date"][:7] if by == "month" else (j["region"] or "unknown")
        n[key] += 1
        deaths[key] += inc.deaths
    return [{"key": k, "incidents": n[k], "deaths": deaths[k]} for k in sorted(n)]
