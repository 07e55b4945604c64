"""Hostile text in the typed fields read by a grammar or a query: a page pasted into a deadline, a date or the search
box is refused as too long, naming the field, before anything reads it (and a refusal never echoes the page back)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pressdesk import validation
from pressdesk.errors import FieldError
from pressdesk.limits import LONGEST_TIME
from pressdesk.services import enquiries

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
PAGE = "tomorrow 9am " * 400_000
"""A pasted page of words the grammar reads (5.2 million characters)."""


def test_a_page_pasted_into_a_deadline_is_refused_as_too_long_naming_the_field() -> None:
    with pytest.raises(FieldError) as refused:
        enquiries.parse_deadline(PAGE, tz="Europe/London", now=NOW)
    assert refused.value.field == "deadline"
    assert str(refused.value.reason) == (
        f"This is too long to be a time ({len(PAGE):,} characters; at most {LONGEST_TIME})."
    )


@pytest.mark.parametrize("read", [validation.parse_day, validation.parse_range])
def test_a_page_pasted_into_a_date_or_a_period_is_refused_as_too_long(read) -> None:
    with pytest.raises(validation.WhenError, match=rf"^This is too long to be a time \({len(PAGE):,} characters"):
        read(PAGE, now=NOW)


def test_the_longest_time_read_is_still_read() -> None:
    typed = "tomorrow 9am".ljust(LONGEST_TIME)
    assert enquiries.parse_deadline(typed, tz="Europe/London", now=NOW) == datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def test_a_page_pasted_into_the_search_box_searches_for_its_first_characters_only(demo_desk) -> None:
    from pressdesk.limits import LONGEST_SEARCH
    from pressdesk.services import search

    first = "Leeds flood model".ljust(LONGEST_SEARCH)
    pasted = first + " ".join(f"word{n}" for n in range(100_000))
    with demo_desk.read() as session:
        found = search.search(session, pasted)
        alone = search.search(session, "Leeds flood model")
    assert [(h.kind, h.id) for h in found] == [(h.kind, h.id) for h in alone]
    assert any(h.title.startswith("Does the Leeds flood model cover Ireland?") for h in found)


@pytest.mark.parametrize("read", [enquiries.parse_type, enquiries.parse_priority])
def test_a_page_given_for_a_word_of_a_list_is_refused_without_echoing_the_page(read) -> None:
    with pytest.raises(FieldError) as refused:
        read(PAGE)
    assert refused.value.reason.startswith(f"'{PAGE[:40]}…' is not ")
    assert len(str(refused.value)) < 200
