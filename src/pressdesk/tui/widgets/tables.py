"""Small helpers for the screens' DataTables."""

from __future__ import annotations

from textual.widgets import DataTable


def highlighted_key(table: DataTable) -> str | None:
    """The row key of the table's highlighted row, or None when it has no rows or no cursor."""
    if table.row_count == 0 or table.cursor_row < 0:
        return None
    return table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
