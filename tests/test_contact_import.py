"""Importing contacts: one record per person across files and formats, every detail kept, a clear list of what was
refused and why, all or nothing, and a dry run that writes nothing."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from pressdesk.errors import FieldError
from pressdesk.models import Activity, ContactPoint, DuplicateReview, Expert, Journalist, Outlet
from pressdesk.services import contacts, queries
from pressdesk.services.contact_import import import_contacts
from tests.at_once import launcher

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"
FOUR = [FIXTURES / n for n in ("google.csv", "outlook.csv", "apple.vcf", "android.vcf")]


def run(desk, files, **kwargs):
    """Import files into the desk as a GB officer."""
    with desk.write() as s:
        return import_contacts(s, who="Test Officer", region="GB", files=files, **kwargs)


def people(desk) -> dict[str, dict]:
    """Every journalist by name: outlet, job title, notes and labelled details."""
    with desk.read() as s:
        return {
            p.name: {
                "outlet": p.outlet,
                "role": p.role,
                "notes": p.detail["notes"],
                "details": sorted((kind, label, value) for kind, label, value in p.detail["labelled"]),
            }
            for p in queries.list_journalists(s, limit=1000)
        }


def count(desk, model) -> int:
    """How many rows a table has."""
    with desk.read() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_four_exports_that_share_people_give_one_record_per_person_with_every_detail(empty_desk):
    summary = run(empty_desk, FOUR)

    assert (summary.rows, summary.added, summary.merged, summary.updated, summary.unchanged) == (12, 6, 5, 0, 0)
    assert people(empty_desk) == {
        "Ann Smith": {
            "outlet": "The Times",
            "role": "Education Editor",
            "notes": "Prefers email before 10am\n"
            "Met at the education select committee briefing, November. Likes data on school places.",
            "details": [
                ("email", "home", "ann@smith-family.example"),
                ("email", "home", "annsmith@gmail.com"),
                ("email", "work", "ann.smith@thetimes.co.uk"),
                ("phone", "mobile", "+447911123456"),
                ("phone", "work", "+442079460123"),
            ],
        },
        "Élodie Marchand": {
            "outlet": "Le Monde",
            "role": "UK correspondent",
            "notes": "Parle français et anglais. Préfère les SMS après 18h.",
            "details": [
                ("email", "home", "elodie.m@example.fr"),
                ("email", "work", "elodie.marchand@lemonde.fr"),
                ("phone", "mobile", "+33612345678"),
            ],
        },
        "Priya Shah": {
            "outlet": "The Guardian",
            "role": "US correspondent",
            "notes": "Based in Washington",
            "details": [("phone", "mobile", "+447812345678"), ("phone", "work", "+12025550143")],
        },
        "Sam Reid": {
            "outlet": "BBC News",
            "role": "Home Affairs Correspondent",
            "notes": "Call the mobile first",
            "details": [("email", "work", "sam.reid@bbc.co.uk"), ("phone", "work", "+442079460555")],
        },
        "Jo Bloggs": {
            "outlet": "BBC News",
            "role": "Newsdesk",
            "notes": "",
            "details": [("email", "work", "newsdesk@bbc.co.uk")],
        },
        "Tomás Ó Briain": {
            "outlet": "RTÉ News",
            "role": "Dublin correspondent",
            "notes": "",
            "details": [
                ("email", "", "tomas.obriain@rte.ie"),
                ("phone", "mobile", "+353871234567"),
                ("phone", "work", "+35312083111"),
            ],
        },
    }
    assert [(r.file, r.row, r.field, r.value, r.reason) for r in summary.rejected] == [
        ("google.csv", 4, "E-mail 1 - Value", "priya.shah@theguardian.com.", "An email address cannot end with a dot."),
        (
            "google.csv",
            6,
            "First Name",
            '=HYPERLINK("https://example.com/x","Click me")',
            "This looks like a spreadsheet formula, not text; it was left out.",
        ),
        (
            "google.csv",
            6,
            "name",
            "tips@example.org",
            "No usable name, and none of its emails or numbers is anyone's on the desk: the row was left out.",
        ),
        (
            "outlook.csv",
            3,
            "Mobile Phone",
            "07700 900461",
            "This looks like a GB number but no such number is in use (the 07700 900xxx range is reserved for drama).",
        ),
    ]
    assert [(r.file, r.row, r.name, r.other, r.reason) for r in summary.review] == [
        (
            "outlook.csv",
            3,
            "Sam Reid",
            "Jo Bloggs (BBC News), google.csv row 5",
            "shares newsdesk@bbc.co.uk with Jo Bloggs, but the names differ",
        )
    ]
    with empty_desk.read() as s:
        stored = s.execute(select(DuplicateReview.low_id, DuplicateReview.high_id, DuplicateReview.reason)).all()
        named = dict(s.execute(select(Journalist.id, Journalist.name)).all())
    assert [(named[a], named[b]) for a, b, _ in stored] == [("Jo Bloggs", "Sam Reid")]


def test_the_same_files_one_at_a_time_give_the_same_people(empty_desk, tmp_path, new_desk_file):
    summaries = [run(empty_desk, [path]) for path in FOUR]
    assert [(s.added, s.updated, s.merged, s.unchanged) for s in summaries] == [
        (4, 0, 0, 0),
        (2, 1, 0, 0),
        (0, 2, 0, 0),
        (0, 2, 0, 0),
    ]
    from pressdesk.store import open_desk

    together = open_desk(new_desk_file("together.db"))
    run(together, FOUR)
    assert people(empty_desk) == people(together)
    together.dispose()


def test_importing_the_same_files_again_changes_nothing(empty_desk):
    run(empty_desk, FOUR)
    before = people(empty_desk)
    again = run(empty_desk, FOUR)
    assert (again.added, again.updated, again.merged) == (0, 0, 0)
    assert again.unchanged == 11
    assert people(empty_desk) == before


def test_a_dry_run_gives_the_same_summary_and_writes_nothing(empty_desk):
    dry = run(empty_desk, FOUR, dry_run=True)
    for model in (Journalist, Outlet, ContactPoint, Activity, DuplicateReview):
        assert count(empty_desk, model) == 0, model
    real = run(empty_desk, FOUR)
    assert dry.to_json() | {"dry_run": False} == real.to_json()


def test_a_failure_half_way_leaves_the_desk_as_it_was(empty_desk, tmp_path):
    big = tmp_path / "list.csv"
    lines = ["Name,Email,Company"] + [f"Person {n},person{n}@example.com,Outlet {n % 7}" for n in range(3000)]
    big.write_bytes(("\n".join(lines) + "\n").encode("utf-16") + b"\x41")  # cut off half-way through a character
    progress: list[int] = []
    with pytest.raises(FieldError) as refused:
        run(empty_desk, [big], batch=500, progress=progress.append)
    assert refused.value.field == "file"
    assert progress[-1] == 3000, "batches were written before the failure"
    for model in (Journalist, Outlet, ContactPoint, Activity):
        assert count(empty_desk, model) == 0, model
    with empty_desk.read() as s:
        assert s.execute(text("SELECT count(*) FROM search_index")).scalar() == 0


def test_kill_9_half_way_leaves_the_desk_as_it_was(empty_desk, tmp_path):
    big = tmp_path / "list.csv"
    big.write_text("Name,Email\n" + "".join(f"Person {n},p{n}@example.com\n" for n in range(2000)))
    script = textwrap.dedent(
        f"""
        import os, signal
        from pressdesk.store import open_desk
        from pressdesk.services.contact_import import import_contacts

        def die(rows):
            if rows >= 1000:
                os.kill(os.getpid(), signal.SIGKILL)

        desk = open_desk({empty_desk.url!r})
        with desk.write() as s:
            import_contacts(s, who="t", region="GB", files=[{str(big)!r}], batch=500, progress=die)
        """
    )
    importer = launcher().fork(script, ["import"], cwd=tmp_path, env=dict(os.environ))  # a process of its own
    _out, err = importer.communicate(timeout=120)
    assert importer.returncode == -9, err
    assert count(empty_desk, Journalist) == 0
    assert count(empty_desk, ContactPoint) == 0


def test_an_unreadable_file_is_refused_whole(empty_desk, tmp_path):
    odd = tmp_path / "notes.csv"
    odd.write_text("Lunch,Dinner\nsoup,fish\n")
    with pytest.raises(FieldError) as refused:
        run(empty_desk, [FIXTURES / "google.csv", odd])
    assert refused.value.field == "file"
    assert "notes.csv has no header row" in refused.value.reason
    assert count(empty_desk, Journalist) == 0
    with pytest.raises(FieldError, match="does not exist"):
        run(empty_desk, [tmp_path / "missing.csv"])


def write(path: Path, text_: str, encoding: str = "utf-8") -> Path:
    """A file with this text."""
    path.write_bytes(text_.encode(encoding))
    return path


def test_a_close_name_at_the_same_outlet_is_asked_about_never_merged(empty_desk, tmp_path):
    first = write(tmp_path / "a.csv", "Name,Company,Email\nJon Smith,The Times,jon@thetimes.co.uk\n")
    second = write(tmp_path / "b.csv", "Name,Company,Email\nJohn Smith,The Times,john.smith@thetimes.co.uk\n")
    run(empty_desk, [first])
    summary = run(empty_desk, [second])
    assert summary.added == 1
    assert [(r.name, r.reason, r.score) for r in summary.review] == [
        ("John Smith", "a close name at the same outlet", 95)
    ]
    assert summary.review[0].other.startswith("#1 Jon Smith (The Times)")
    assert summary.review[0].other_id == 1


def test_the_same_name_at_the_same_outlet_is_one_person_in_any_order_or_accents(empty_desk, tmp_path):
    first = write(tmp_path / "a.csv", "Name,Outlet,Mobile\nSiobhán O'Neill,RTÉ,+353 87 123 4567\n")
    second = write(tmp_path / "b.csv", "Last Name;First Name;Outlet;Email\nO'Neill;Siobhan;rte;siobhan@rte.ie\n")
    run(empty_desk, [first])
    summary = run(empty_desk, [second])
    assert (summary.added, summary.updated) == (0, 1)
    assert list(people(empty_desk)) == ["Siobhán O'Neill"]


def test_the_same_name_elsewhere_is_two_people_and_without_an_outlet_is_asked_about(empty_desk, tmp_path):
    listed = write(
        tmp_path / "a.csv",
        "Name,Outlet,Email\nDavid Jones,The Sun,dj@thesun.co.uk\nDavid Jones,The Mirror,dj@mirror.co.uk\n",
    )
    phone = write(tmp_path / "phone.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:David Jones\nTEL:07911 654321\nEND:VCARD\n")
    first = run(empty_desk, [listed])
    assert (first.added, first.review) == (2, [])
    second = run(empty_desk, [phone])
    assert second.added == 1
    assert sorted((r.other, r.reason) for r in second.review) == [
        ("#1 David Jones (The Sun)", "the same name, and one of them has no outlet"),
        ("#2 David Jones (The Mirror)", "the same name, and one of them has no outlet"),
    ]


def test_same_number_in_any_format_or_same_email_in_any_case_is_the_same_person(empty_desk, tmp_path):
    a = write(tmp_path / "a.csv", "Name,Mobile\nAnn Smith,07911 123456\n")
    b = write(tmp_path / "b.csv", "Name,Phone,Email\nA. Smith,+44 (0)7911-123-456,ANN@x.example\n")
    c = write(tmp_path / "c.csv", "Name,Email,Job Title\nann smith,ann@X.EXAMPLE,Reporter\n")
    summary = run(empty_desk, [a, b, c])
    assert (summary.added, summary.merged) == (1, 2)
    assert people(empty_desk)["Ann Smith"]["details"] == [
        ("email", "", "ANN@x.example"),
        ("phone", "mobile", "+447911123456"),
    ]
    assert people(empty_desk)["Ann Smith"]["role"] == "Reporter"


def test_a_row_with_details_of_two_people_joins_the_first_and_asks_about_the_second(empty_desk, tmp_path):
    run(
        empty_desk,
        [write(tmp_path / "a.csv", "Name,Email,Mobile\nAnn Smith,ann@x.example,\nAnne Smith,,07911 123456\n")],
    )
    summary = run(empty_desk, [write(tmp_path / "b.csv", "Name,Email,Mobile\nAnn Smith,ann@x.example,07911 123456\n")])
    assert summary.unchanged == 1
    assert [(r.other, r.reason) for r in summary.review] == [
        ("#2 Anne Smith", "row has details of both Ann Smith and Anne Smith")
    ]
    assert people(empty_desk)["Ann Smith"]["details"] == [("email", "", "ann@x.example")]


def test_pairs_said_to_be_two_people_are_never_asked_about_again(empty_desk, tmp_path):
    from pressdesk.services import duplicates

    run(empty_desk, [write(tmp_path / "a.csv", "Name,Company\nJon Smith,The Times\n")])
    first = run(empty_desk, [write(tmp_path / "b.csv", "Name,Company\nJohn Smith,The Times\n")])
    assert len(first.review) == 1
    with empty_desk.write() as s:
        duplicates.not_duplicate(s, who="t", a=1, b=2)
    again = run(empty_desk, [write(tmp_path / "c.csv", "Name,Company,Email\nJohn Smith,The Times,js@x.example\n")])
    assert again.review == []


def test_us_number_in_a_uk_file_by_its_country_code_or_the_rows_country(empty_desk, tmp_path):
    listed = write(
        tmp_path / "a.csv",
        "Name,Phone,Country\n"
        "Al Green,+1 (212) 555-0199,\n"
        "Bo Brown,(202) 555-0143,United States\n"
        "Cy Gray,(202) 555-0144,\n",
    )
    summary = run(empty_desk, [listed])
    found = people(empty_desk)
    assert found["Al Green"]["details"] == [("phone", "", "+12125550199")]
    assert found["Bo Brown"]["details"] == [("phone", "", "+12025550143")]
    assert found["Cy Gray"]["details"] == []
    assert [(r.row, r.field, r.value) for r in summary.rejected] == [(4, "Phone", "(202) 555-0144")]


def test_archived_people_are_still_matched_by_import_so_they_are_not_doubled(empty_desk, tmp_path):
    listed = write(tmp_path / "a.csv", "Name,Email\nAnn Smith,ann@x.example\n")
    run(empty_desk, [listed])
    with empty_desk.write() as s:
        contacts.archive_person(s, who="t", entity="journalist", person_id=1)
    summary = run(empty_desk, [listed])
    assert (summary.added, summary.unchanged) == (0, 1)


def test_import_as_experts_makes_experts_with_their_affiliation_and_topics(empty_desk, tmp_path):
    listed = write(
        tmp_path / "experts.csv",
        "Name,Organisation,Job Title,Expertise,Email,Mobile\n"
        'Dr Ama Owusu,University of Leeds,Professor of Hydrology,"floods, drought",a.owusu@leeds.example,07911 222333\n'
        "Ama Owusu,University of Leeds,,water policy,,07911 222333\n",
    )
    summary = run(empty_desk, [listed], as_="experts")
    assert (summary.entity, summary.added, summary.merged) == ("expert", 1, 1)
    with empty_desk.read() as s:
        [expert] = s.execute(select(Expert.name, Expert.affiliation, Expert.title, Expert.topics)).all()
    assert tuple(expert) == (
        "Dr Ama Owusu",
        "University of Leeds",
        "Professor of Hydrology",
        "floods, drought, water policy",
    )
    assert count(empty_desk, Journalist) == 0
    with pytest.raises(FieldError, match="journalists or experts"):
        run(empty_desk, [listed], as_="press")


def test_a_new_import_is_searchable_and_keyed_like_a_person_typed_in(empty_desk, tmp_path):
    run(
        empty_desk,
        [write(tmp_path / "a.csv", "Name,Outlet,Beat,Mobile\nÉlodie  Marchand,Le Monde,Climate,07911 123456\n")],
    )
    with empty_desk.read() as s:
        assert [p.name for p in queries.list_journalists(s, text="elodie climate")] == ["Élodie Marchand"]
        assert [j.name for j in contacts.journalists_named(s, "elodie marchand")] == ["Élodie Marchand"]
        assert contacts.find_journalist_by_phone(s, "+447911123456", region="GB").name == "Élodie Marchand"
        history = s.execute(select(Activity.action, Activity.summary).where(Activity.entity == "journalist")).all()
    assert history == [("import", "Imported from a.csv row 2")]


def test_many_rows_import_in_batches_with_duplicates_inside_the_file(empty_desk, tmp_path):
    rows = ["First Name,Last Name,Company,E-mail Address,Mobile Phone"]
    for n in range(1500):  # 1,650 rows in batches of 200: each duplicate lands in a later batch than its first row
        rows.append(f"Reporter,{n:05d},Outlet {n % 40},r{n}@example.com,07911 {n:06d}")
    rows += [f"Reporter,{n:05d},Outlet {n % 40},R{n}@EXAMPLE.com," for n in range(0, 1500, 10)]
    summary = run(empty_desk, [write(tmp_path / "big.csv", "\n".join(rows) + "\n")], batch=200)
    assert (summary.rows, summary.added, summary.merged, summary.rejected) == (1650, 1500, 150, [])
    assert count(empty_desk, Journalist) == 1500
    assert count(empty_desk, ContactPoint) == 3000
    assert count(empty_desk, Outlet) == 40


def test_the_shortest_limit_the_import_assumes_is_the_shortest_of_its_columns():
    from pressdesk.limits import max_length
    from pressdesk.services.contact_import.rows import _ORG_LIMIT, _SHAPES, _SHORTEST_LIMIT

    one_line = [c for shape in _SHAPES.values() for k, c in shape.limits.items() if k != "notes"]
    assert min(max_length(c) for c in [*one_line, *_ORG_LIMIT.values()]) == _SHORTEST_LIMIT
