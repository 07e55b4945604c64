"""The import's look-ups (sent to the driver as written) find who is on the desk already, experts as journalists:
by number, by email, and by name at the same outlet, each person's details read back whole."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from pressdesk.models import ContactPoint, Expert, Journalist
from pressdesk.services.contact_import import import_contacts


def run(desk, path: Path, **kwargs):
    """Import one file as a GB officer."""
    with desk.write() as s:
        return import_contacts(s, who="Test Officer", region="GB", files=[path], **kwargs)


def write(path: Path, text: str) -> Path:
    """A file with this text."""
    path.write_text(text, encoding="utf-8")
    return path


def test_a_second_file_updates_the_experts_already_on_the_desk(empty_desk, tmp_path):
    header = "Name,Organisation,Job Title,Expertise,Email,Mobile\n"
    first = write(tmp_path / "a.csv", header + "Dr Ama Owusu,University of Leeds,,floods,a.owusu@leeds.example,\n")
    second = write(
        tmp_path / "b.csv", header + "Ama Owusu,,Professor of Hydrology,drought,A.Owusu@Leeds.example,07911 222333\n"
    )
    run(empty_desk, first, as_="experts")
    summary = run(empty_desk, second, as_="experts")
    assert (summary.added, summary.updated, summary.merged) == (0, 1, 0)
    with empty_desk.read() as s:
        [expert] = s.execute(select(Expert.name, Expert.affiliation, Expert.title, Expert.topics)).all()
        points = s.execute(select(ContactPoint.kind, ContactPoint.value).order_by(ContactPoint.position)).all()
    assert tuple(expert) == ("Dr Ama Owusu", "University of Leeds", "Professor of Hydrology", "floods, drought")
    assert [tuple(p) for p in points] == [("email", "a.owusu@leeds.example"), ("phone", "+447911222333")]


def test_a_second_file_finds_journalists_by_number_email_and_name_at_their_outlet(empty_desk, tmp_path):
    header = "Name,Company,Email,Mobile\n"
    first = write(
        tmp_path / "a.csv",
        header + "Ann Lee,North Times,ann@north.example,\nBen Khan,South Post,,07911 123457\nCara Reid,East Echo,,\n",
    )
    second = write(
        tmp_path / "b.csv",
        header + "Ann Lee,,ANN@north.example,07400 123456\n"
        "Ben Khan,,ben@south.example,07911 123457\n"
        "Reid Cara,East Echo,cara@east.example,\n",
    )
    run(empty_desk, first)
    summary = run(empty_desk, second)
    assert (summary.added, summary.updated) == (0, 3)
    with empty_desk.read() as s:
        people = {name: person_id for person_id, name in s.execute(select(Journalist.id, Journalist.name))}
        owned = s.execute(select(ContactPoint.journalist_id, ContactPoint.value)).all()
    assert sorted(people) == ["Ann Lee", "Ben Khan", "Cara Reid"]
    assert sorted((next(n for n, i in people.items() if i == owner), value) for owner, value in owned) == [
        ("Ann Lee", "+447400123456"),
        ("Ann Lee", "ann@north.example"),
        ("Ben Khan", "+447911123457"),
        ("Ben Khan", "ben@south.example"),
        ("Cara Reid", "cara@east.example"),
    ]
