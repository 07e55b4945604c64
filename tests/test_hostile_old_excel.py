"""Old Excel media lists (.xls) measured before calamine reads them: a far-off cell, a shared string shown in every
cell, a compound file whose chains loop or that is cut short are each refused in one line, the desk untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pressdesk.cli import main
from pressdesk.exchange.contacts import ContactFileError, count_records, read_contacts
from tests.old_excel import compound_file, workbook

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"
HEADER = ["Name", "Email"]


def write(path: Path, data: bytes) -> Path:
    """Write the bytes to the path and give it back."""
    path.write_bytes(data)
    return path


def a_list(tmp_path: Path) -> Path:
    """A small, sound .xls media list of one journalist."""
    cells = [(0, 0, 0), (0, 1, 1), (1, 0, 2), (1, 1, 3)]
    return write(tmp_path / "list.xls", compound_file(workbook([*HEADER, "Ann Lee", "ann@example.org"], cells)))


def refusal(path: Path) -> str:
    """The one-line message reading the file is refused with."""
    with pytest.raises(ContactFileError) as refused:
        list(read_contacts(path))
    message = str(refused.value)
    assert "\n" not in message and message.startswith(path.name)
    return message


def test_a_sound_old_excel_list_is_read(tmp_path):
    [record] = list(read_contacts(a_list(tmp_path)))
    assert record.name == "Ann Lee" and [d.value for d in record.emails] == ["ann@example.org"]


def test_the_old_excel_fixture_is_still_read():
    assert len(list(read_contacts(FIXTURES / "media_list_old_excel.xls"))) == 3


def test_an_old_excel_sheet_with_one_far_off_cell_is_refused_before_its_span_is_held(tmp_path):
    cells = [(0, 0, 0), (0, 1, 1), (1, 0, 2), (65535, 255, 2)]
    path = write(tmp_path / "far.xls", compound_file(workbook([*HEADER, "Ann Lee"], cells)))
    message = refusal(path)
    assert "65,536 rows by 256 columns" in message and "not a contacts list" in message
    assert count_records(path) == 0


def test_an_old_excel_sheet_showing_one_long_string_in_every_cell_is_refused(tmp_path):
    cells = [(0, 0, 0), (0, 1, 1)] + [(1 + i // 2, i % 2, 2) for i in range(20_000)]
    path = write(tmp_path / "copies.xls", compound_file(workbook([*HEADER, "x" * 8000], cells)))
    assert path.stat().st_size < 400_000
    message = refusal(path)
    assert "160,000,000 characters" not in message and "characters of text in all" in message


def test_an_old_excel_file_whose_directory_chain_loops_is_refused(tmp_path):
    cells = [(0, 0, 0), (0, 1, 1), (1, 0, 2)]
    looped = compound_file(workbook([*HEADER, "Ann Lee"], cells), links={"directory": 1})
    assert "loops" in refusal(write(tmp_path / "looped.xls", looped))


def test_an_old_excel_file_whose_stream_chain_points_past_its_end_is_refused(tmp_path):
    cells = [(0, 0, 0), (0, 1, 1), (1, 0, 2)]
    broken = compound_file(workbook([*HEADER, "Ann Lee"], cells), links={"stream": 5_000})
    assert "Excel workbook pressdesk can read" in refusal(write(tmp_path / "broken.xls", broken))


@pytest.mark.parametrize("kept", [600, 1500, 2560, 4500])
def test_an_old_excel_file_cut_short_is_refused_in_one_line(tmp_path, kept):
    whole = a_list(tmp_path).read_bytes()
    message = refusal(write(tmp_path / "cut.xls", whole[:kept]))
    assert "Excel workbook pressdesk can read" in message


def test_importing_a_hostile_old_excel_list_says_so_in_one_line_and_writes_nothing(tmp_path, desk):
    from tests.conftest import desk_target

    cells = [(0, 0, 0), (0, 1, 1), (1, 0, 2), (1, 1, 3), (65535, 255, 2)]
    path = write(tmp_path / "far.xls", compound_file(workbook([*HEADER, "Ann Lee", "ann@example.org"], cells)))
    target = desk_target(desk)
    before = CliRunner().invoke(main, ["--db", target, "list", "journalists", "--json", "--all"]).stdout
    result = CliRunner().invoke(main, ["--db", target, "import", "contacts", str(path)])
    assert result.exit_code != 0
    assert result.stderr.count("\n") == 1 and "far.xls" in result.stderr and "Traceback" not in result.output
    assert CliRunner().invoke(main, ["--db", target, "list", "journalists", "--json", "--all"]).stdout == before
