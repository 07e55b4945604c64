"""What a face sends to add or edit a journalist or expert is a typed input; a refusal names the input it came from."""

from __future__ import annotations

import pytest

from pressdesk.core.backend import Backend
from pressdesk.errors import FieldError
from pressdesk.models.inputs import ExpertCreate, ExpertUpdate, JournalistCreate, JournalistUpdate
from tests.conftest import DEMO_NOW

GIUSTOZZI = "Antonio Giustozzi"
SAM_REID = "Sam (Samantha) Reid"
OKAFOR_DESK = "+44 113 343 6722"  # Dr Rachel Okafor's number on the demo desk


@pytest.fixture
def core(demo_desk, settings) -> Backend:
    """The application core over a private demo desk."""
    return Backend(demo_desk, settings, clock=lambda: DEMO_NOW)


def person(core: Backend, kind: str, name: str):
    """A journalist or expert of the demo desk as listed."""
    rows = core.journalists(name.split()[-1]) if kind == "journalist" else core.experts(name.split()[-1])
    return next(p for p in rows if p.name == name)


def test_an_update_holds_only_what_was_given():
    assert JournalistUpdate(beat=" floods ").changes() == {"beat": "floods"}
    assert ExpertUpdate(weekly_limit=3, media_trained=False).changes() == {"weekly_limit": 3, "media_trained": False}
    assert ExpertUpdate(emails=[]).changes() == {"emails": ()}


@pytest.mark.parametrize(
    ("model", "values", "field", "reason"),
    [
        (JournalistCreate, {"name": "  "}, "name", "Enter a name."),
        (JournalistUpdate, {"name": "  "}, "name", "Enter a name."),
        (JournalistUpdate, {"role": "r" * 201}, "role", "Keep this to 200 characters or fewer (it has 201)."),
        (ExpertCreate, {"name": "Dr X", "weekly_limit": 51}, "weekly_limit", "Give a number of interviews a week "),
        (ExpertUpdate, {"weekly_limit": -1}, "weekly_limit", "Give a number of interviews a week "),
        (ExpertUpdate, {"phone": "0"}, "phone", "An expert edit has no field called phone."),
    ],
)
def test_an_input_refuses_naming_its_own_field(model, values, field, reason):
    with pytest.raises(FieldError) as refused:
        model(**values)
    assert refused.value.field == field
    assert refused.value.reason.startswith(reason)


@pytest.mark.parametrize(
    ("kind", "who", "values", "field"),
    [
        ("journalist", SAM_REID, {"preferred_channel": "pigeon"}, "preferred_channel"),
        ("journalist", SAM_REID, {"emails": ["not an address"]}, "emails"),
        ("journalist", SAM_REID, {"phones": ["12"]}, "phones"),
        ("expert", GIUSTOZZI, {"working_hours": "nine to five"}, "working_hours"),
        ("expert", GIUSTOZZI, {"blocked_dates": "2026-13-01"}, "blocked_dates"),
        ("expert", GIUSTOZZI, {"languages": "en, klingon"}, "languages"),
        ("expert", GIUSTOZZI, {"phones": [OKAFOR_DESK]}, "phones"),
        ("expert", GIUSTOZZI, {"emails": ["nobody@"]}, "emails"),
    ],
)
def test_an_edit_the_desk_refuses_names_the_input_and_writes_nothing(core, kind, who, values, field):
    before = person(core, kind, who)
    with pytest.raises(FieldError) as refused:
        if kind == "journalist":
            core.update_journalist(before.id, before.version, JournalistUpdate(**values))
        else:
            core.update_expert(before.id, before.version, ExpertUpdate(**values))
    assert refused.value.field == field
    assert person(core, kind, who) == before


def test_a_refusal_reads_the_input_name_as_words(core):
    before = person(core, "expert", GIUSTOZZI)
    with pytest.raises(FieldError) as refused:
        core.update_expert(before.id, before.version, ExpertUpdate(working_hours="9-5ish"))
    assert refused.value.message.startswith("working hours: ")


def test_people_added_by_hand_keep_every_field(core):
    made = core.create_person(
        ExpertCreate(name="Dr Nia Evans", languages="Welsh", working_hours="09:00-17:00", weekly_limit=2)
    )
    expert = core.expert_record(made)
    assert (expert.languages, expert.working_hours, expert.weekly_limit) == ("cy", "09:00-17:00", 2)
    added = core.create_person(JournalistCreate(name="Ann Smith", outlet="The Courier", preferred_channel="email"))
    journalist = core.journalist(added)
    assert (journalist.outlet, journalist.detail["preferred_channel"]) == ("The Courier", "email")


def test_a_refused_new_expert_writes_nothing(core):
    count = len(core.experts())
    with pytest.raises(FieldError) as refused:
        core.create_person(ExpertCreate(name="Dr Nia Evans", working_hours="all day"))
    assert refused.value.field == "working_hours"
    assert len(core.experts()) == count
