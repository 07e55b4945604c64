"""What every record-edit form shares: save in a worker, show a refusal at its field, offer reload on a conflict."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from pressdesk.services.errors import ConflictError, DeskError, FieldError
from pressdesk.tui.messages import DeskChanged
from pressdesk.tui.screens.actions import ConflictScreen
from pressdesk.tui.work import run_db


class RecordForm:
    """Mix into a ModalScreen that has field_message(), show_error() and reload(), and widgets '#<PREFIX>-<key>'."""

    PREFIX: ClassVar[str] = ""
    FIELD_IDS: ClassVar[dict[str, str]] = {}
    saving: bool = False

    def field_label(self, key: str, field: str) -> str:
        """How a refused field is named in its message."""
        return field.replace("_", " ").capitalize()

    def save_in_worker(self, update: Callable[[Any], None], fields: dict, *, group: str) -> None:
        """Run update(backend) in a worker; close on success, explain a refusal at its field."""
        self.saving = True
        self.show_error("")

        def call(backend) -> None:
            try:
                update(backend)
            except DeskError:
                raise
            except Exception as exc:  # noqa: BLE001 - keep the form open and say why
                raise DeskError(f"Could not save: {exc}") from exc

        run_db(self, call, done=lambda _r: self._saved(fields), error=self._failed, group=group)

    def _saved(self, fields: dict) -> None:
        """Tell every screen and close."""
        self.saving = False
        self.app.post_message(DeskChanged())
        self.dismiss(fields)

    def _failed(self, exc: DeskError) -> None:
        """Show why the save was refused, at the field when there is one; offer a reload on a conflict."""
        self.saving = False
        if isinstance(exc, ConflictError):
            self.show_error(exc.message)

            def chosen(choice: str | None) -> None:
                if choice == "reload":
                    self.reload()

            self.app.push_screen(ConflictScreen(exc.message), chosen)
            return
        if isinstance(exc, FieldError) and exc.field in self.FIELD_IDS:
            key = self.FIELD_IDS[exc.field]
            self.field_message(key, f"{self.field_label(key, exc.field)}: {exc.reason}")
            self.show_error("Not saved: fix the field marked in red.")
            self.query_one(f"#{self.PREFIX}-{key}").focus()
            return
        self.show_error(exc.message)
