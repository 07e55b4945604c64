"""Stored numbers on screen: spaced as the officer dials them (national at home, international abroad)."""

import pytest

from pressdesk.validation import parse_phone, readable_phone


@pytest.mark.parametrize(
    ("stored", "region", "shown"),
    [
        ("+442031943371", "GB", "020 3194 3371"),
        ("+447911123457", "GB", "07911 123457"),
        ("+442076089900 ext. 214", "GB", "020 7608 9900 ext. 214"),
        ("+33184227305", "GB", "+33 1 84 22 73 05"),
        ("+353865172203", "GB", "+353 86 517 2203"),
        ("+353865172203", "IE", "086 517 2203"),
        ("+442031943371", "IE", "+44 20 3194 3371"),
        ("+14165550100", "US", "(416) 555-0100"),  # Canada shares +1: dialled from the US as a national number
        ("+442031943371", None, "+44 20 3194 3371"),
        ("+442031943371", "gb", "020 3194 3371"),
    ],
)
def test_a_stored_number_is_shown_as_dialled_from_the_desks_country(stored, region, shown):
    assert readable_phone(stored, region) == shown


@pytest.mark.parametrize("stored", ["01582 790706", "call the newsdesk", "+44", "", "+999123456"])
def test_what_is_not_an_e164_number_is_shown_as_stored(stored):
    assert readable_phone(stored, "GB") == stored


@pytest.mark.parametrize("typed", ["+44 (0)1582 790 706", "07911 123457 x12", "+33 1 84 22 73 05", "+1 (202) 555-0143"])
def test_the_shown_form_reads_back_as_the_same_number(typed):
    stored = parse_phone(typed, "GB")
    kept = stored.e164 + (f" ext. {stored.extension}" if stored.extension else "")
    again = parse_phone(readable_phone(kept, "GB"), "GB")
    assert (again.e164, again.extension) == (stored.e164, stored.extension), (
        "an officer dialling what is shown reaches them"
    )


def test_the_cli_lists_people_with_numbers_as_dialled_and_json_keeps_e164(template, tmp_path):
    import json
    import shutil

    from click.testing import CliRunner

    from pressdesk.cli import main

    db = str(shutil.copy(template, tmp_path / "desk.db"))
    shown = CliRunner().invoke(main, ["--db", db, "--region", "GB", "list", "journalists", "--text", "Vaughan"])
    assert shown.exit_code == 0, shown.output
    assert "020 3194 3371" in shown.output, "a home number in the national form"
    abroad = CliRunner().invoke(main, ["--db", db, "--region", "IE", "list", "journalists", "--text", "Vaughan"])
    assert "+44 20 3194 3371" in abroad.output, "the same number on an Irish desk, in the international form"
    as_json = CliRunner().invoke(main, ["--db", db, "list", "journalists", "--text", "Vaughan", "--json"])
    assert json.loads(as_json.output)[0]["phones"] == ["+442031943371"], "JSON keeps the stored E.164 for scripts"
