"""Merge two people: both side by side, field by field; the officer picks which value each field keeps."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from pressdesk.tui.phone_text import shown_phone
from pressdesk.tui.safe import cell, lit
from pressdesk.tui.screens.record_form import FormScreen

BOTH = {"beat", "topics", "notes", "conflicts", "blocked_dates"}
"""Fields whose two values are both kept unless one is picked."""
LABELS = {"preferred_channel": "prefers", "working_hours": "hours", "weekly_limit": "weekly limit"}
"""How a field is named on the screen, where its name is not plain."""
_FROM_ROW = {"outlet": "outlet", "role": "role", "title": "role", "affiliation": "outlet", "name": "name"}
"""Fields a listed person carries on the row itself rather than in its detail."""


def value_of(person, field: str) -> str:
    """A person's value of a merge field, as text."""
    value = getattr(person, _FROM_ROW[field]) if field in _FROM_ROW else person.detail.get(field, "")
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


def default_side(field: str, a: str, b: str) -> str:
    """What a merge keeps without a choice: A's value, B's where A has none, both for topics and notes."""
    if not a and b:
        return "b"
    if field in BOTH and b and b != a:
        return "both"
    return "a"


class MergeScreen(FormScreen[object]):
    """A table of the fields with A's and B's values; a or b (or left/right) picks a field's side; ctrl+s merges."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a,left", "pick('a')", "Keep A's", id="merge.a"),
        Binding("b,right", "pick('b')", "Keep B's", id="merge.b"),
    ]
    ERROR_ID = "merge-msg"
    SAVE_GROUP = "merge-save"

    def __init__(self, kind: str, a, b, fields: tuple[str, ...]) -> None:
        super().__init__()
        self.kind, self.a, self.b, self.fields = kind, a, b, fields
        self.choice: dict[str, str] = {}
        """The fields the officer picked a side for."""

    def compose(self) -> ComposeResult:
        """The two people side by side, one field a row, and the keys."""
        with Vertical(classes="dialog merge-people"):
            yield Static(lit(f"Merge two {self.kind}: B becomes part of A", "bold"))
            yield DataTable(id="merge-table", cursor_type="row", zebra_stripes=True)
            yield Static(
                lit("Every email and number of both is kept; B's enquiries, interviews and lists move to A.", "dim")
            )
            yield Static("", id="merge-msg", classes="error")
            yield Static(lit("a/← keep A's · b/→ keep B's · ctrl+s merges · Escape cancels", "dim"))

    def on_mount(self) -> None:
        """Fill the table and focus it."""
        table = self.query_one("#merge-table", DataTable)
        side = max(12, min(48, (self.app.size.width * 8 // 10 - 31) // 2))  # A and B share what the dialog leaves
        table.add_column("Field", key="field", width=12)
        table.add_column("Keeps", key="keep", width=5)
        table.add_column(f"A #{self.a.id}", key="a", width=side)
        table.add_column(f"B #{self.b.id}", key="b", width=side)
        rows = [(f, value_of(self.a, f), value_of(self.b, f)) for f in self.fields]
        rows.append(("emails", ", ".join(self.a.emails), ", ".join(self.b.emails)))
        region = self.app.settings.region
        rows.append(
            (
                "phones",
                ", ".join(shown_phone(p, region) for p in self.a.phones),
                ", ".join(shown_phone(p, region) for p in self.b.phones),
            )
        )
        for field, mine, theirs in rows:
            table.add_row(
                cell(LABELS.get(field, field)), self._keeps(field, mine, theirs), cell(mine), cell(theirs), key=field
            )
        table.focus()

    def _keeps(self, field: str, mine: str, theirs: str) -> Text:
        """The Keeps cell: the side picked (bold), or what happens by default."""
        if field in ("emails", "phones"):
            return lit("both", "dim")
        if field in self.choice:
            return lit(self.choice[field].upper(), "bold")
        side = default_side(field, mine, theirs)
        return lit(side if side == "both" else side.upper(), "dim")

    def action_pick(self, side: str) -> None:
        """Keep A's or B's value of the highlighted field."""
        table = self.query_one("#merge-table", DataTable)
        if table.row_count == 0:
            return
        field = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value or ""
        if field not in self.fields:
            self.show_error("Emails and numbers of both are always kept.")
            return
        self.choice[field] = side
        mine, theirs = value_of(self.a, field), value_of(self.b, field)
        table.update_cell(field, "keep", self._keeps(field, mine, theirs))
        self.show_error("")

    def save_call(self):
        """Merge B into A with the sides picked, refusing if either was saved since it was shown."""
        kind, a, b, keep = self.kind, self.a, self.b, dict(self.choice)

        def merge(backend):
            return backend.merge_people(a.id, b.id, kind=kind, keep=keep, versions=(a.version, b.version))

        return merge

    def reload(self) -> None:
        """Someone saved one of the two meanwhile: close, so the officer starts again from the list."""
        self.dismiss(None)
