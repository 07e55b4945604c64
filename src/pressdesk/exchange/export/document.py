"""The report as the report writers take it: headline figures, tables and the charts drawn from them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Value = str | int | float | None


@dataclass(frozen=True, slots=True)
class Figure:
    """A headline figure: "Enquiries" 42, "Median first response" "25 min"."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Table:
    """One table of the report: a key, a title, headings and rows (numbers as numbers, None for none)."""

    key: str
    title: str
    headings: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]

    @property
    def numeric(self) -> tuple[bool, ...]:
        """Which columns hold numbers (every value a number or None), for alignment and cell types."""
        return tuple(
            any(isinstance(row[n], int | float) for row in self.rows)
            and all(row[n] is None or isinstance(row[n], int | float) for row in self.rows)
            for n in range(len(self.headings))
        )


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart of a table: its labels from one column, one series per value column."""

    title: str
    kind: Literal["column", "bar", "pie"]
    table: str
    label_column: int
    value_columns: tuple[int, ...]
    colors: tuple[str, ...] = ()
    """Colours that carry meaning ("#rrggbb"): a pie's slices, or the series, in order; default palette if empty."""


@dataclass(frozen=True, slots=True)
class ReportDocument:
    """What a report file shows, in order: title, subtitle, figures, charts, tables."""

    title: str
    subtitle: str
    figures: tuple[Figure, ...]
    tables: tuple[Table, ...]
    charts: tuple[Chart, ...]
    tz: str

    def table(self, key: str) -> Table:
        """The table with this key."""
        return next(t for t in self.tables if t.key == key)
