"""The one table of text lengths matches the columns the models declare, and covers every text column."""

from __future__ import annotations

from sqlalchemy import String

from pressdesk.limits import COLUMN_LENGTHS, TEXT_LENGTHS
from pressdesk.models.tables import SQLModel

MACHINE_TEXT = {"contact_point.problem", "activity.summary", "activity.changes", "desk_secret.value"}
"""Free-text columns the desk writes itself (messages, history), never a person's typing."""


def text_columns() -> dict[str, int | None]:
    """Every string column of the desk's tables: "table.column" -> declared length (None for free text)."""
    found: dict[str, int | None] = {}
    for table in SQLModel.metadata.sorted_tables:
        for column in table.columns:
            kind = column.type
            if isinstance(kind, String) or isinstance(getattr(kind, "impl", None), String):
                found[f"{table.name}.{column.name}"] = kind.length
    return found


def test_declared_lengths_come_from_the_table_of_limits():
    declared = {name: length for name, length in text_columns().items() if length is not None}
    assert len(declared) > 40
    for name, length in declared.items():
        key = "tracked.updated_by" if name.endswith(".updated_by") else name
        assert COLUMN_LENGTHS[key] == length, name
    assert set(COLUMN_LENGTHS) - {"tracked.updated_by"} <= set(declared)


def test_every_free_text_column_a_person_fills_has_a_limit():
    free = {name for name, length in text_columns().items() if length is None}
    assert "journalist.notes" in free
    assert free - MACHINE_TEXT == set(TEXT_LENGTHS)
