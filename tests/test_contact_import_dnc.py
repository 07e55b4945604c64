"""An import never brings back a number or address on the do-not-contact list: the row is refused, each listed
value named with its row and field."""

from __future__ import annotations

from sqlalchemy import func, select

from pressdesk.models import ContactPoint, Journalist
from pressdesk.services import privacy
from pressdesk.services.contact_import import import_contacts

ROWS = (
    "Name,E-mail Address,Mobile Phone,Company\n"
    "Erin Gone,erin.gone@example.org,07911 123459,The Quill\n"
    "Fay Here,fay.here@example.org,07911 123460,The Quill\n"
)


def test_an_import_refuses_numbers_and_addresses_on_the_do_not_contact_list(empty_desk, tmp_path):
    listed = tmp_path / "list.csv"
    listed.write_text(ROWS, encoding="utf-8")
    with empty_desk.write() as s:
        privacy.add_do_not_contact(
            s, who="Jo", region="GB", phones=["+44 7911 123459"], emails=["ERIN.GONE@example.org"]
        )
    with empty_desk.write() as s:
        summary = import_contacts(s, who="Jo", region="GB", files=[listed])
    refused = {(r.row, r.field, r.value) for r in summary.rejected}
    assert refused == {(2, "E-mail Address", "erin.gone@example.org"), (2, "Mobile Phone", "07911 123459")}
    assert all("do-not-contact" in r.reason for r in summary.rejected)
    with empty_desk.read() as s:
        kept = set(s.scalars(select(ContactPoint.lookup_key)).all())
        names = set(s.scalars(select(Journalist.name)).all())
        assert s.scalar(select(func.count()).select_from(ContactPoint)) == 2
    assert kept == {"fay.here@example.org", "+447911123460"}
    assert names == {"Fay Here"}  # a row naming a listed number or address is left out whole
