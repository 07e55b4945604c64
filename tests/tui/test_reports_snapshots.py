"""Snapshots of the Reports screen, the export dialog and the desk's filter at laptop and wide sizes."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressdesk.core import reports as core_reports
from tests.tui.test_snapshots import LAPTOP, WIDE, keys_then_still

SIZES = pytest.mark.parametrize("size", [LAPTOP, WIDE], ids=["80x24", "160x45"])


@pytest.fixture(autouse=True)
def documents(monkeypatch):
    """A documents folder named the same on every machine, so the dialog's default file is too."""
    monkeypatch.setattr(core_reports, "documents_folder", lambda: Path("/home/officer/Documents"))


@SIZES
def test_reports_screen_at_size(snap_compare, frozen_app, size):
    assert snap_compare(frozen_app, terminal_size=size, run_before=keys_then_still("5"))


@SIZES
def test_report_export_dialog_at_size(snap_compare, frozen_app, size):
    assert snap_compare(frozen_app, terminal_size=size, run_before=keys_then_still("5", "x"))


@SIZES
def test_desk_export_dialog_at_size(snap_compare, frozen_app, size):
    assert snap_compare(frozen_app, terminal_size=size, run_before=keys_then_still("v", "v", "x"))


@SIZES
def test_desk_filter_at_size(snap_compare, frozen_app, size):
    assert snap_compare(frozen_app, terminal_size=size, run_before=keys_then_still("f"))
