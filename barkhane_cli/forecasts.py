"""The seed's judgments scored against what happened.

A judgment states a probability that something happens; its ``outcome`` says whether the
*event* happened. The forecast is right when a likely statement's event happened or an
unlikely statement's event did not. "Likely" and "unlikely" are read from the middle of
the probability range (above or below one half). The Brier score (the mean squared
difference between the stated probability and what happened, 0 best, 0.25 what always
saying 50% earns) is over the resolved judgments only: a ``partly`` outcome has no 0 or 1
to score against, and ``open`` ones have not resolved.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from barkhane_cli import model as m

FORECASTS = ("right", "wrong", "partly", "open")
HAPPENED = {"happened": 1.0, "did not happen": 0.0}


def midpoint(j: m.Judgment) -> float:
    low, high = j.probability
    return (low + high) / 2


def forecast(j: m.Judgment) -> str:
    """right, wrong, partly or open: the verdict on the statement, not on the event."""
    if j.outcome == "partly":
        return "partly"
    if j.outcome not in HAPPENED:
        return "open"
    p = midpoint(j)
    if p == 0.5:
        return "partly"  # an even chance is neither borne out nor refuted
    likely = p > 0.5
    return "right" if likely == (j.outcome == "happened") else "wrong"


def squared_error(j: m.Judgment) -> float | None:
    if j.outcome not in HAPPENED:
        return None
    return round((midpoint(j) - HAPPENED[j.outcome or ""]) ** 2, 4)


def judgment_json(j: m.Judgment) -> dict[str, Any]:
    return {
        "id": j.id,
        "quote": j.quote,
        "term": j.term,
        "yardstick": j.yardstick,
        "probability": list(j.probability),
        "mapping": j.mapping,
        "topic": j.topic,
        "outcome": j.outcome,
        "forecast": forecast(j),
        "squared_error": squared_error(j),
        "outcome_date": j.outcome_date.iso() if j.outcome_date else None,
        "outcome_note": j.outcome_note,
        "outcome_events": list(j.outcome_events),
        "outcome_sources": [s.to_json() for s in j.outcome_sources],
    }


def band_label(low: float, high: float) -> str:
    return f"{low:.0%}–{high:.0%}"


# The data's yardstick for a term the seed hedges on no published scale ("can be
# expected", "sure to"): its chance is the record's mapping (Judgment.mapping).
NO_YARDSTICK = "none"


def scale_said(j: m.Judgment, onto: str | None = None) -> str:
    """Where a judgment's chance comes from, as the judgments table says it: the
    yardstick it is on (UK PHIA), or, for a term the seed hedges on none, that the record
    mapped it (the mapping is shown with the quote), onto ``onto`` where the table's other
    judgments are on one yardstick: "no scale; mapped to UK PHIA by the record". The
    data's "none" read as if the chance were none, or a missing value (U45); "on no
    scale: mapped" did not say by whom, or onto what (RV39)."""
    if j.yardstick != NO_YARDSTICK:
        return j.yardstick
    if not j.mapping:
        return "no scale"
    return f"no scale; mapped{f' to {onto}' if onto else ''} by the record"


def mapped_onto(judgments: Iterable[m.Judgment]) -> str | None:
    """The one yardstick the judgments on a scale are on (UK PHIA), which the record's
    mappings of the others read onto; None where there are none, or several."""
    on = {j.yardstick for j in judgments if j.yardstick != NO_YARDSTICK}
    return next(iter(on)) if len(on) == 1 else None


def score(judgments: Iterable[m.Judgment]) -> dict[str, Any]:
    """Calibration by probability band and the Brier score over the resolved judgments."""
    items = list(judgments)
    bands: dict[tuple[float, float], dict[str, Any]] = {}
    for j in sorted(items, key=lambda j: (-midpoint(j), j.probability)):
        low, high = j.probability
        band = bands.setdefault(
            (low, high),
            {"band": band_label(low, high), "low": low, "high": high, "judgments": 0}
            | dict.fromkeys(FORECASTS, 0)
            | {"happened": 0, "resolved": 0},
        )
        band["judgments"] += 1
        band[forecast(j)] += 1
        if j.outcome in HAPPENED:
            band["resolved"] += 1
            band["happened"] += j.outcome == "happened"
    errors = [e for e in (squared_error(j) for j in items) if e is not None]
    counts = {f: sum(1 for j in items if forecast(j) == f) for f in FORECASTS}
    return {
        "total": len(items),
        "forecasts": counts,
        "resolved": len(errors),
        "brier": round(sum(errors) / len(errors), 4) if errors else None,
        "calibration": list(bands.values()),
    }


def calibration_line(s: dict[str, Any]) -> str:
    """``95–100%: 2 of 2 right · 55–75%: 2 of 4 right (2 partly, 1 open) · …``"""
    parts = []
    for b in s["calibration"]:
        extra = [f"{b[k]} {k}" for k in ("partly", "open") if b[k]]
        scored = b["right"] + b["wrong"]
        text = (
            f"{b['band']}: {b['right']} of {scored} right"
            if scored
            else f"{b['band']}: none resolved"
        )
        parts.append(text + (f" ({', '.join(extra)})" if extra else ""))
    return " · ".join(parts)


def brier_line(s: dict[str, Any]) -> str:
    if s["brier"] is None:
        return "Brier score: no judgment has resolved yet"
    return (
        f"Brier score {s['brier']:.3f} over {s['resolved']} resolved judgments "
        "(0 is perfect; always saying 50% scores 0.250); partly and open ones are not scored"
    )
