"""What a face may send to create or change a record, typed once: each field named as its input, held to limits.py.

`EnquiryCreate(**fields)`, `EnquiryUpdate(**fields)` and the Journalist/Expert Create/Update kin check what was
typed and raise FieldError naming the input (the form field id, the CLI option) on the first problem. An update
holds only the fields that were given (`changes()`, pydantic's `exclude_unset`), so "no deadline" (None) and
"deadline not touched" differ.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError
from pydantic_core import PydanticCustomError

from pressdesk.errors import FieldError
from pressdesk.limits import too_long
from pressdesk.validation.text import clean_text

SUBJECT_MISSING = "Enter what the journalist wants, in a few words."
NAME_MISSING = "Enter a name."
WEEKLY_LIMITS = range(51)
"""The interviews a week an expert may be offered: 0 (none) to 50."""


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


def _changes(model: BaseModel) -> dict[str, Any]:
    """Only the fields that were given and not None (a person's fields are emptied with "" or [], never None)."""
    return {key: value for key, value in model.model_dump(exclude_unset=True).items() if value is not None}


def _weekly_limit(value: object) -> object:
    """A whole number of interviews a week from 0 to 50, or None for no change."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).strip().lstrip("-").isdigit():
        raise PydanticCustomError("weekly_limit", "Give a number of interviews a week between 0 and 50.")
    number = int(value)
    if number not in WEEKLY_LIMITS:
        raise PydanticCustomError("weekly_limit", "Give a number of interviews a week between 0 and 50.")
    return number


WeeklyLimit = Annotated[int | None, BeforeValidator(_weekly_limit)]
Texts = tuple[str, ...]
"""Emails or phone numbers as typed, one a string; the service checks each and names the list."""


class JournalistCreate(_Input):
    """A journalist added by hand; channel, emails and phones are checked by the desk."""

    NOUN: ClassVar[str] = "A new journalist"

    name: Annotated[str, _fits("journalist.name", required=NAME_MISSING)]
    outlet: OutletName = None
    role: Annotated[str, _fits("journalist.role")] = ""
    beat: Annotated[str, _fits("journalist.beat")] = ""
    preferred_channel: str = "phone"
    notes: Annotated[str, _fits("journalist.notes", multiline=True)] = ""
    emails: Texts = ()
    phones: Texts = ()


class JournalistUpdate(_Input):
    """The journalist fields an edit may change; emails or phones given replace the whole list."""

    NOUN: ClassVar[str] = "A journalist edit"

    name: Annotated[str | None, _fits("journalist.name", required=NAME_MISSING)] = None
    outlet: OutletName = None
    role: Annotated[str | None, _fits("journalist.role")] = None
    beat: Annotated[str | None, _fits("journalist.beat")] = None
    preferred_channel: str | None = None
    notes: Annotated[str | None, _fits("journalist.notes", multiline=True)] = None
    emails: Texts | None = None
    phones: Texts | None = None

    def changes(self) -> dict[str, Any]:
        """Only the fields that were given."""
        return _changes(self)


class ExpertUpdate(_Input):
    """The expert fields an edit may change; topics, languages, hours, dates and contacts are read by the desk."""

    NOUN: ClassVar[str] = "An expert edit"

    name: Annotated[str | None, _fits("expert.name", required=NAME_MISSING)] = None
    honorific: Annotated[str | None, _fits("expert.honorific")] = None
    title: Annotated[str | None, _fits("expert.title")] = None
    affiliation: Annotated[str | None, _fits("expert.affiliation")] = None
    topics: str | None = None
    languages: str | None = None
    working_hours: Annotated[str | None, _fits("expert.working_hours")] = None
    blocked_dates: Annotated[str | None, _fits("expert.blocked_dates")] = None
    weekly_limit: WeeklyLimit = None
    media_trained: bool | None = None
    emails: Texts | None = None
    phones: Texts | None = None
    conflicts: Annotated[str | None, _fits("expert.conflicts", multiline=True)] = None
    notes: Annotated[str | None, _fits("expert.notes", multiline=True)] = None

    def changes(self) -> dict[str, Any]:
        """Only the fields that were given."""
        return _changes(self)


class ExpertCreate(ExpertUpdate):
    """An expert added by hand: a name, and any of the fields an edit may set."""

    NOUN: ClassVar[str] = "A new expert"

    name: Annotated[str, _fits("expert.name", required=NAME_MISSING)]
