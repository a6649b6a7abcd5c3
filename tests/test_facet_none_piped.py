"""The events of no value are a facet's row under one label wherever a person reads it:
U50's `timeline --target minusma --year 2021 --facet perpetrator | cat` printed their
row as two empty cells, where the table says "(none named)". CSV and TSV keep the cell
empty and JSON null: data, tested for no value."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import Run, as_json, rows, terminal

from barkhane_cli.facets import NONE_LABEL

_ASK = ("--target", "minusma", "--year", "2021")


@pytest.mark.parametrize(
    "facets", [("--facet", "perpetrator"), ("--facet", "perpetrator", "--facet", "year")]
)
def test_piped_rows_say_the_label_the_table_says(
    run: Run, bundled: None, facets: tuple[str, ...]
) -> None:
    table = run("timeline", *_ASK, *facets, env=terminal(120))
    assert NONE_LABEL in table.stdout
    piped = rows(run("timeline", *_ASK, *facets))
    unnamed = [row for row in piped if row[0] == NONE_LABEL]
    assert unnamed and all(row[-1].isdigit() for row in unnamed), piped
    assert all(row[0] for row in piped), piped  # no row opens with an empty cell


def test_chart_panels_piped_say_it_too(run: Run, bundled: None) -> None:
    piped = rows(run("chart", "--facet", "perpetrator", *_ASK))
    assert any(row[0] == NONE_LABEL for row in piped), piped
    assert all(row[0] for row in piped), piped


def test_data_formats_keep_no_value(run: Run, bundled: None) -> None:
    args = ("timeline", *_ASK, "--facet", "perpetrator")
    found = list(csv.DictReader(io.StringIO(run(*args, "-f", "csv").stdout)))
    assert any(r["perpetrator"] == "" for r in found)
    assert NONE_LABEL not in run(*args, "-f", "tsv").stdout
    assert any(r["perpetrator"] is None for r in as_json(run(*args, "-f", "json")))
