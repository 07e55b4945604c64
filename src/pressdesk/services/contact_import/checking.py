"""Checking a row's values: text, regions, lengths and formulas, noting what is rejected."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pressdesk import validation
from pressdesk.exchange.contacts import ContactRecord
from pressdesk.exchange.safe_cells import looks_like_formula
from pressdesk.limits import too_long
from pressdesk.services import likeness
from pressdesk.services.contact_import.bulk import _name_columns, _topics
from pressdesk.services.contact_import.rows import (
    _FORMULA,
    _FORMULA_START,
    _ORG_LIMIT,
    _SHORTEST_LIMIT,
    ImportSummary,
    Rejected,
    _Point,
    _Row,
    _Shape,
    _tidy,
)
from pressdesk.validation.many import Phone, ValueChecks
from pressdesk.validation.phones import is_known_region

DNC_REASON = "On the desk's do-not-contact list (asked not to be contacted, or erased): the row was left out."


_BARE_INTERNATIONAL = re.compile(r"^\s*[1-9]\d{10,14}\s*$")
"""Eleven to fifteen digits with no trunk 0: no national number, but an international one whose "+" Excel dropped when
it stored the number as a number ("34612345678")."""


class _Checker:
    """A row's values checked, and what is not taken noted in the summary."""

    def __init__(
        self,
        *,
        summary: ImportSummary,
        shape: _Shape,
        region: str,
        values: ValueChecks,
        on_dnc_list: Callable[[str, str], bool],
    ) -> None:
        self.summary = summary
        self.shape = shape
        self.region = region
        self.values = values
        """Every distinct number's and address's answer, read in a worker process for a big file."""
        self.on_dnc_list = on_dnc_list
        """Whether a (kind, look-up key) is on the do-not-contact list (the list read once for the import)."""
        self.regions: dict[str, str] = {}

    def reject(self, record: ContactRecord, field_name: str, value: str, reason: str) -> None:
        """Note a value that is not taken."""
        shown = validation.clean_text(value)[:200]
        self.summary.rejected.append(Rejected(record.source, record.row, field_name, shown, reason))

    def text(self, record: ContactRecord, attr: str, column: str, *, value: str | None = None) -> str:
        """A text field of the row, cleaned; a formula or an over-long text is rejected (and left out)."""
        raw = getattr(record, attr) if value is None else value
        if not raw:
            return ""
        multiline = attr == "notes"
        text = _tidy(raw, multiline=multiline)
        if not multiline:
            text = " ".join(text.split())  # a spreadsheet's stray double spaces
            if text[:1] in _FORMULA_START and looks_like_formula(text):
                self.reject(record, self._where(record, attr), raw, _FORMULA)
                return ""
        if len(text) > _SHORTEST_LIMIT and (problem := too_long(column, text)):
            self.reject(record, self._where(record, attr), raw, problem)
            return ""
        return text

    @staticmethod
    def _where(record: ContactRecord, attr: str) -> str:
        """The column (or columns) a text field came from."""
        if attr == "name":
            return record.fields.get("name") or _name_columns(record)
        return record.fields.get(attr, attr)

    def region_for(self, country: str) -> str:
        """The default region for a row's numbers: its own country where the file gives one, else the desk's."""
        country = (country or "").strip()
        if not country:
            return self.region
        if country not in self.regions:
            code = country.upper()
            if code == "UK":
                code = "GB"
            if not (len(code) == 2 and is_known_region(code)):
                import pycountry

                try:
                    code = pycountry.countries.lookup(country).alpha_2
                except LookupError:
                    code = self.region
            self.regions[country] = code if is_known_region(code) else self.region
        return self.regions[country]

    def values_of(self, records: Sequence[ContactRecord]) -> tuple[list[Phone], list[str]]:
        """Every number (with its default region, and whether its kind is wanted) and address of some rows."""
        numbers = [(d.value, self.region_for(r.country), not d.label) for r in records for d in r.phones]
        return numbers, [d.value for r in records for d in r.emails]

    def check(self, record: ContactRecord) -> _Row | None:
        """The row with its text cleaned and every email and number validated; None when nothing of it can come in."""
        for where, value, reason in record.problems:
            self.reject(record, where, value, reason)
        limits = self.shape.limits
        full_name = record.full_name
        name = self.text(record, "name", limits["name"], value=full_name)
        org_name = self.text(record, "organisation", _ORG_LIMIT[self.shape.entity])
        points: list[_Point] = []
        details: list = []  # the file's value behind each point, to name it if the point is refused
        seen: set[tuple[str, str]] = set()
        for detail in record.emails:
            result = self.values.email(detail.value)
            if not result.valid or not result.normalized:
                self.reject(record, detail.field, detail.value, result.error or "This is not an email address.")
                continue
            key = result.normalized.casefold()
            if ("email", key) not in seen and not self._too_long_raw(record, detail.field, result.raw):
                seen.add(("email", key))
                points.append(_Point("email", key, result.normalized, result.raw, "", detail.label))
                details.append(detail)
        region = self.region_for(record.country)
        for detail in record.phones:
            result = self.values.phone(detail.value, region, kind=not detail.label)
            if not result.valid and _BARE_INTERNATIONAL.match(detail.value):  # Excel stored it as a number, no "+"
                plus = self.values.phone(f"+{detail.value.strip()}", region, kind=not detail.label)
                result = plus if plus.valid else result
            if not result.valid or not result.e164:
                self.reject(record, detail.field, detail.value, result.error or "This is not a phone number.")
                continue
            if ("phone", result.e164) in seen or self._too_long_raw(record, detail.field, result.raw):
                continue
            seen.add(("phone", result.e164))
            label = detail.label or ("mobile" if result.kind == "mobile" else "")
            points.append(_Point("phone", result.e164, result.e164, result.raw, result.extension or "", label))
            details.append(detail)
        listed = [
            (detail, point)
            for detail, point in zip(details, points, strict=True)
            if self.on_dnc_list(point.kind, point.key)
        ]
        for detail, _point in listed:
            self.reject(record, detail.field, detail.value, DNC_REASON)
        if listed:
            return None  # someone who asked not to be contacted (or was erased) is not brought back by a file
        if not name and not full_name and points:
            name = org_name or points[0].value  # a file's nameless entry (a newsdesk) goes by its outlet or address
        if not name and not points:
            if not record.problems and not full_name:
                self.reject(record, record.fields.get("name", "name"), "", "No name, email or phone number: left out.")
            return None
        return _Row(
            source=record.source,
            row=record.row,
            name=name,
            words=likeness.name_words(name) if name else "",
            name_key=validation.name_key(name),
            org_name=org_name,
            role=self.text(record, "title", limits["role"]),
            beat=_topics(self.text(record, "beat", limits["beat"]), limits["beat"]),
            notes=self.text(record, "notes", limits["notes"]),
            points=points,
        )

    def _too_long_raw(self, record: ContactRecord, where: str, raw: str) -> bool:
        """Reject a detail whose text is too long to keep as typed."""
        if problem := too_long("contact_point.raw", raw):
            self.reject(record, where, raw, problem)
            return True
        return False
