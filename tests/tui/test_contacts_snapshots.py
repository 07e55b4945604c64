"""Snapshots of the contacts dialogs at a laptop's 80x24 and a wide 160x45: import summary, merge, outlets."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.tui.conftest import settle
from tests.tui.test_snapshots import still

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "contacts"
SIZES = pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])


@SIZES
def test_import_dry_run_summary_at_size(snap_compare, frozen_app, size, monkeypatch):
    monkeypatch.chdir(FIXTURES)  # file names, not this checkout's path, in the picture

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        pilot.app.screen.query_one("#ic-path", Input).value = "google.csv; outlook.csv; apple.vcf; android.vcf"
        await pilot.press("enter")
        await still(pilot)

    assert snap_compare(frozen_app, terminal_size=size, run_before=run_before)


@SIZES
def test_merge_screen_at_size(snap_compare, frozen_app, size):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        pilot.app.screen.query_one(Input).value = "2"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("down", "b")
        await still(pilot)

    assert snap_compare(frozen_app, terminal_size=size, run_before=run_before)


@SIZES
def test_outlets_at_size(snap_compare, frozen_app, size):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("o")
        await still(pilot)

    assert snap_compare(frozen_app, terminal_size=size, run_before=run_before)
