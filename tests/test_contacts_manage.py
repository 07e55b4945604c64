"""Managing people below the faces: archive, outlets, beats, media lists, and giving contacts back out."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import select

from pressdesk.errors import FieldError, NotFound
from pressdesk.exchange.contacts import read_contacts
from pressdesk.exchange.safe_cells import looks_like_formula, safe_cell
from pressdesk.models import Enquiry, Journalist, Outlet
from pressdesk.services import contact_export, contacts, media_lists, outlets, queries, routing
from pressdesk.services.contact_import import import_contacts

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"
FOUR = [FIXTURES / n for n in ("google.csv", "outlook.csv", "apple.vcf", "android.vcf")]


def journalist(session, name, outlet=None, **kwargs) -> int:
    """A journalist made the way the log form makes one."""
    return contacts.create_journalist(session, who="t", region="GB", name=name, outlet=outlet, **kwargs).id


def test_an_archived_journalist_is_not_found_by_number_email_or_name_but_kept(empty_desk):
    with empty_desk.write() as s:
        ann = journalist(s, "Ann Smith", "The Times", phones=["07911 123456"], emails=["ann@times.example"])
        contacts.archive_person(s, who="t", entity="journalist", person_id=ann)
    with empty_desk.read() as s:
        assert contacts.find_journalist_by_phone(s, "07911 123456", region="GB") is None
        assert contacts.find_journalist_by_email(s, "ann@times.example") is None
        assert contacts.find_journalists_by_name(s, "ann") == []
        assert contacts.journalists_named(s, "Ann Smith") == []
        assert [p.name for p in queries.list_journalists(s, archived=True)] == ["Ann Smith"]
        assert queries.list_journalists(s, archived=False) == []
        assert queries.list_journalists(s, ids=[ann])[0].detail["archived"] is True
    with empty_desk.write() as s:  # the number can go to whoever has it now
        assert journalist(s, "Bo Brown", phones=["07911 123456"]) != ann
        contacts.archive_person(s, who="t", entity="journalist", person_id=ann, archived=False)
    with empty_desk.read() as s:
        assert contacts.find_journalist_by_email(s, "ann@times.example").id == ann


def test_an_archived_expert_is_left_out_of_routing(desk):
    with desk.read() as s:
        enquiry_id = s.execute(select(Enquiry.id).where(Enquiry.type == "interview")).scalars().first()
        best = routing.suggest_experts(s, enquiry_id=enquiry_id, limit=1)[0]
    with desk.write() as s:
        contacts.archive_person(s, who="t", entity="expert", person_id=best.expert_id)
    with desk.read() as s:
        assert best.expert_id not in {x.expert_id for x in routing.suggest_experts(s, enquiry_id=enquiry_id, limit=50)}
    with pytest.raises(FieldError), desk.write() as s:
        contacts.archive_person(s, who="t", entity="press_contact", person_id=1)


def test_outlets_are_created_edited_and_browsed_with_their_journalists(empty_desk):
    with empty_desk.write() as s:
        times = outlets.create_outlet(
            s, who="t", name="The Times", country="United Kingdom", website="thetimes.example"
        )
        assert (times.country, times.website) == ("GB", "https://thetimes.example")
        journalist(s, "Ann Smith", "the times")
        gone = journalist(s, "Bo Brown", "The Times")
        contacts.archive_person(s, who="t", entity="journalist", person_id=gone)
        with pytest.raises(FieldError, match="already an outlet called The Times"):
            outlets.create_outlet(s, who="t", name="THE  TIMES")
        with pytest.raises(FieldError, match="not a country"):
            outlets.update_outlet(s, who="t", outlet_id=times.id, country="Narnia")
        outlets.update_outlet(s, who="t", outlet_id=times.id, name="The Times (London)", kind="newspaper")
    with empty_desk.read() as s:
        [row] = outlets.list_outlets(s, text="times")
        assert (row.name, row.kind, row.journalists) == ("The Times (London)", "newspaper", 1)
        assert [p.name for p in outlets.outlet_journalists(s, outlet_id=row.id)] == ["Ann Smith"]
        with pytest.raises(NotFound):
            outlets.outlet_journalists(s, outlet_id=999)


def test_beats_are_searched_and_filtered_as_whole_words_accents_aside(empty_desk):
    with empty_desk.write() as s:
        journalist(s, "Ann Smith", beat="Higher Education, schools")
        journalist(s, "Bo Brown", beat="Éducation")
        journalist(s, "Cy Gray", beat="educational toys")
    with empty_desk.read() as s:
        assert [p.name for p in queries.list_journalists(s, beat="education")] == ["Ann Smith", "Bo Brown"]
        assert [p.name for p in queries.list_journalists(s, beat="higher education")] == ["Ann Smith"]
        assert [p.name for p in queries.list_journalists(s, text="schools")] == ["Ann Smith"]


def test_media_lists_from_a_filter_or_by_hand(empty_desk):
    with empty_desk.write() as s:
        ann = journalist(s, "Ann Smith", "The Times", beat="education")
        bo = journalist(s, "Bo Brown", "RTÉ", beat="education")
        cy = journalist(s, "Cy Gray", "RTÉ", beat="farming")
        gone = journalist(s, "Di Dee", "RTÉ", beat="education")
        contacts.archive_person(s, who="t", entity="journalist", person_id=gone)
        built = media_lists.build_list(s, who="t", name="Education correspondents", beat="education")
        irish = media_lists.create_list(s, who="t", name="Irish press", journalist_ids=[bo, cy])
        assert media_lists.add_members(s, who="t", list_id=irish.id, journalist_ids=[cy, ann]) == 1
        assert media_lists.remove_members(s, who="t", list_id=irish.id, journalist_ids=[ann]) == 1
        with pytest.raises(FieldError, match="already a media list"):
            media_lists.create_list(s, who="t", name="irish  PRESS")
        with pytest.raises(FieldError, match="Say who goes on the list"):
            media_lists.build_list(s, who="t", name="Everyone")
        with pytest.raises(NotFound):
            media_lists.add_members(s, who="t", list_id=irish.id, journalist_ids=[999])
    with empty_desk.read() as s:
        assert [(m.name, m.members, m.built_from) for m in media_lists.list_media_lists(s)] == [
            ("Education correspondents", 2, "beat education"),
            ("Irish press", 2, ""),
        ]
        assert [p.name for p in media_lists.list_members(s, list_id=built.id)] == ["Ann Smith", "Bo Brown"]
        assert media_lists.find_list(s, "irish press").id == irish.id


def test_safe_cells_lead_formulas_with_an_apostrophe():
    for text in ("=1+2", "+44 20 7946 0123", "-2", "@SUM(A1)", "\tx", "\rx", "\nx"):
        assert safe_cell(text) == "'" + text
    assert safe_cell("Ann Smith") == "Ann Smith"
    assert looks_like_formula('=HYPERLINK("x")') and looks_like_formula("+cmd|' /C calc'!A0")
    assert not looks_like_formula("-") and not looks_like_formula("+44 20 7946 0123")


@pytest.fixture
def imported(empty_desk):
    """The desk with the four shared exports imported, and a list of the BBC's people."""
    with empty_desk.write() as s:
        import_contacts(s, who="t", region="GB", files=FOUR)
        journalist(s, '=HYPERLINK("http://x.example","hi")', "@Outlet", notes="-1 then +1")
        media_lists.build_list(s, who="t", name="BBC", outlet="BBC News")
    return empty_desk


def test_csv_export_is_formula_safe_and_reads_back_as_the_same_people(imported, tmp_path):
    out = io.StringIO()
    with imported.read() as s:
        assert contact_export.export_contacts(s, fmt="csv", out=out) == 7
    text = out.getvalue()
    assert "'=HYPERLINK(" in text and ",'@Outlet," in text and "'-1 then +1" in text
    assert ",'+447911123456," in text
    path = tmp_path / "out.csv"
    path.write_text(text, encoding="utf-8")
    back = {r.full_name: r for r in read_contacts(path)}
    ann = back["Ann Smith"]
    assert [(d.label, d.value) for d in ann.emails] == [
        ("work", "ann.smith@thetimes.co.uk"),
        ("home", "annsmith@gmail.com"),
        ("home", "ann@smith-family.example"),
    ]
    assert [(d.label, d.value) for d in ann.phones] == [("mobile", "+447911123456"), ("work", "+442079460123")]
    with imported.write() as s:
        again = import_contacts(s, who="t", region="GB", files=[path])
    assert (again.added, again.updated, again.merged) == (0, 0, 0)


def test_vcard_export_is_version_4_with_tel_uris_one_card_per_person_on_the_list(imported):
    out = io.StringIO()
    with imported.read() as s:
        assert contact_export.export_contacts(s, fmt="vcf", out=out, list_name="bbc") == 2
    cards = out.getvalue()
    assert cards.count("BEGIN:VCARD") == 2 and cards.count("VERSION:4.0") == 2
    assert "FN:Jo Bloggs" in cards and "FN:Sam Reid" in cards
    assert 'TEL;TYPE="work,voice";VALUE=uri:tel:+442079460555' in cards
    assert "EMAIL;TYPE=work:sam.reid@bbc.co.uk" in cards


def test_xlsx_export_writes_every_cell_as_a_string(imported, tmp_path):
    from python_calamine import CalamineWorkbook

    path = tmp_path / "out.xlsx"
    with imported.read() as s:
        assert contact_export.export_contacts(s, fmt="xlsx", out=path) == 7
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    formula = next(r for r in rows if r[0].startswith("=HYPERLINK"))
    assert formula[:2] == ['=HYPERLINK("http://x.example","hi")', "@Outlet"]
    ann = next(r for r in rows if r[0] == "Ann Smith")
    assert "+447911123456" in ann and all(isinstance(cell, str) for cell in ann)


def test_export_leaves_archived_people_out_and_refuses_an_unknown_format_or_list(imported):
    with imported.write() as s:
        jo = s.execute(select(Journalist.id).where(Journalist.name == "Jo Bloggs")).scalar_one()
        contacts.archive_person(s, who="t", entity="journalist", person_id=jo)
    with imported.read() as s:
        out = io.StringIO()
        assert contact_export.export_contacts(s, fmt="vcf", out=out, list_name="BBC") == 1
        assert "Jo Bloggs" not in out.getvalue()
        with pytest.raises(FieldError, match="csv, vcf, xlsx"):
            contact_export.export_contacts(s, fmt="pdf", out=io.StringIO())
        with pytest.raises(NotFound, match="no media list Sports"):
            contact_export.export_contacts(s, fmt="csv", out=io.StringIO(), list_name="Sports")
        assert s.execute(select(Outlet.name).where(Outlet.name == "@Outlet")).scalar_one() == "@Outlet"
