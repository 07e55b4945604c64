"""The TUI's file boxes given what is no file to read: a folder, a pipe, a device, a path with a line break pasted (the
box keeps its first line). Each is refused on one line naming it, nothing is stored, nothing waits on the pipe."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.events import Paste
from textual.widgets import Input, Static, TextArea

from pressdesk.tui.screens.contacts_import import ImportContactsScreen
from pressdesk.tui.screens.import_release import ImportReleaseScreen
from tests.tui.conftest import settle
from tests.tui.test_people_search import open_contacts

KINDS = ["folder", "pipe", "device", "line break"]


def no_file(tmp_path: Path, kind: str) -> str:
    """A path typed into a file box that names no regular file to read."""
    if kind == "folder":
        return str(tmp_path)
    if kind == "pipe":
        os.mkfifo(tmp_path / "contacts.csv")
        return str(tmp_path / "contacts.csv")
    if kind == "device":
        return "/dev/zero"
    return str(tmp_path / "media\nlist.csv")


async def type_path(pilot, box: Input, path: str) -> None:
    """Put a path in a file box as a person does: pasted, so a line break in it goes the way the box takes it."""
    box.value = ""
    box.focus()
    box.post_message(Paste(path))
    await settle(pilot)
    assert box.value == path.splitlines()[0]


def shown(screen, selector: str) -> str:
    """The plain text of a Static."""
    return str(screen.query_one(selector, Static).render())


@pytest.mark.parametrize("kind", KINDS)
async def test_the_contacts_box_refuses_what_is_no_file_on_one_line(app, demo_desk, tmp_path, kind):
    path = no_file(tmp_path, kind)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        await pilot.press("i")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ImportContactsScreen)
        await type_path(pilot, dialog.query_one("#ic-path", Input), path)
        await pilot.press("enter")
        await settle(pilot)
        message = shown(dialog, "#ic-msg")
        assert message.startswith("Not imported: ") and message.endswith("does not exist or is not a file.")
        assert "\n" not in message
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "check the file first" in shown(dialog, "#ic-msg")


@pytest.mark.parametrize("kind", KINDS)
async def test_the_release_box_refuses_what_is_no_file_on_one_line(app, demo_desk, tmp_path, kind):
    path = no_file(tmp_path, kind)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ImportReleaseScreen)
        screen.query_one("#release-text", TextArea).text = ""
        await type_path(pilot, screen.query_one("#release-path", Input), path)
        await pilot.press("ctrl+r")
        await settle(pilot)
        message = shown(screen, "#import-msg")
        assert "File:" in message and "does not exist or is not a file" in message and "\n" not in message
