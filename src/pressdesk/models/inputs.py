"""What a face may send to create or change a record, typed once: each field named as its input, held to limits.py.

`EnquiryCreate(**fields)` and `EnquiryUpdate(**fields)` check what was typed and raise FieldError naming the input
(the form field id, the CLI option) on the first problem. An update holds only the fields that were
given (`changes()`, pydantic's `exclude_unset`), so "no deadline" (None) and "deadline not touched" differ.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError
from pydantic_core import PydanticCustomError

from pressdesk.errors import FieldError
from pressdesk.limits import too_long
from pressdesk.validation.text import clean_text

SUBJECT_MISSING = "Enter what the journalist wants, in a few words."


def _fits(column: str, *, multiline: bool = False, required: str = ""):
    """A validator that cleans typed text (validation.clean_text) and holds it to its column's length."""

    def check(value: str | None) -> str | None:
        if value is None:
            return None
        text = clean_text(value, multiline=multiline)
        if problem := too_long(column, text):
            raise PydanticCustomError("too_long", problem)
        if required and not text:
            raise PydanticCustomError("missing", required)
        return text

    return AfterValidator(check)


Subject = Annotated[str, _fits("enquiry.subject", required=SUBJECT_MISSING)]
JournalistName = Annotated[str | None, _fits("journalist.name")]
OutletName = Annotated[str | None, _fits("outlet.name")]
Officer = Annotated[str | None, _fits("enquiry.officer")]
Notes = Annotated[str, _fits("enquiry.notes", multiline=True)]


class _Input(BaseModel):
    """Typed input: unknown names refused, nothing changed after reading."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def __init__(self, **fields: Any) -> None:
        """Check what was typed; FieldError(input name, what is wrong) on the first problem."""
        try:
            super().__init__(**fields)
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            field = str(first["loc"][0]) if first["loc"] else "input"
            if first["type"] == "extra_forbidden":
                raise FieldError(field, f"{self.NOUN} has no field called {field}.") from None
            raise FieldError(field, first["msg"]) from None


class EnquiryCreate(_Input):
    """An enquiry: what a press officer types when a journalist calls or writes."""

    NOUN: ClassVar[str] = "An enquiry"

    subject: Subject
    type: str = "comment"
    journalist_id: int | None = None
    journalist: JournalistName = None
    outlet: OutletName = None
    email: str | None = None
    phone: str | None = None
    deadline: str | datetime | None = None
    channel: str = "phone"
    release_id: int | None = None
    priority: str = "normal"
    notes: Notes = ""
    officer: Officer = None
    keep_invalid_phone: bool = False
    override_dnc: bool = False


class EnquiryUpdate(_Input):
    """An enquiry: the fields an edit may change (status, notes and the caller have their own ways)."""

    NOUN: ClassVar[str] = "An enquiry edit"

    subject: Subject | None = None
    type: str | None = None
    priority: str | None = None
    deadline: str | datetime | None = None
    release_id: int | None = None
    officer: Officer = None

    def changes(self) -> dict[str, Any]:
        """Only the fields that were given; None only where it means something (no deadline, no release)."""
        given = self.model_dump(exclude_unset=True)
        return {key: value for key, value in given.items() if value is not None or key in CLEARABLE}


CLEARABLE = frozenset({"deadline", "release_id"})
"""The enquiry fields an edit may empty by sending None."""
