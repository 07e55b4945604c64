"""Laptop terminals: at 80x24 every screen shows what matters most; wider terminals add columns."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import DataTable, Input, OptionList, Static
from textual.widgets._footer import FooterKey

from pressdesk.tui.screens.desk import DeskScreen
from pressdesk.tui.screens.expert_edit import ExpertEditScreen
from pressdesk.tui.screens.route import RouteScreen
from pressdesk.tui.screens.search import EnquiryScreen
from tests.tui.conftest import settle

NARROW, WIDE = (80, 24), (160, 45)


def column_labels(app) -> list[str]:
    """The desk table's column labels, left to right."""
    table = app.screen.query_one("#enquiries", DataTable)
    return [column.label.plain for column in table.ordered_columns]


def on_screen(app, widget) -> bool:
    """Whether the widget is displayed and lies wholly inside the terminal."""
    region = widget.region
    width, height = app.size
    return widget.display and region.width > 0 and region.right <= width and region.bottom <= height


def footer_keys(app) -> dict[str, FooterKey]:
    """The footer's keys that are laid out, by action."""
    return {key.action: key for key in app.screen.query(FooterKey) if key.display and key.region.width}


async def test_at_80x24_the_desk_route_dialog_and_expert_form_show_what_matters_most(frozen_app):
    """At 80x24 the desk shows due, journalist, subject and status without the detail pane, every count uncut and
    the keys that matter; enter opens an enquiry instead; the route dialog keeps its list, reasons, message and
    hints on screen; the expert form shows whole values."""
    async with frozen_app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert column_labels(frozen_app) == ["Due", "Journalist", "Subject", "Status"], "the narrow desk's columns"
        table = frozen_app.screen.query_one(DataTable)
        width = sum(c.get_render_width(table) for c in table.ordered_columns)
        assert width <= table.scrollable_content_region.width, "the columns fit the terminal"
        assert not frozen_app.screen.query_one("#detail-pane").display, "the detail pane gives way to the columns"
        strip = frozen_app.screen.query_one("#counts", Static)
        text = strip.render()
        assert cell_len(text.plain) <= strip.content_region.width, "the header strip is not cut"
        assert "open" in text.plain and "overdue" in text.plain and "not routed" in text.plain, "with every count"
        keys = footer_keys(frozen_app)
        for action in ("quit", "help", "search", "reload", "new", "view"):
            assert action in keys and on_screen(frozen_app, keys[action]), f"{action} is visible at 80 columns"

        row = frozen_app.screen.current_row()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(frozen_app.screen, EnquiryScreen) and frozen_app.screen.enquiry_id == row.id, (
            "enter opens the enquiry when the detail pane is hidden"
        )
        await pilot.press("escape")
        assert isinstance(frozen_app.screen, DeskScreen), "escape returns to the desk"

        await pilot.press("r")
        await settle(pilot)
        screen = frozen_app.screen
        assert isinstance(screen, RouteScreen)
        screen.query_one("#route-msg", Static).update("Not routed: a refusal must be readable.")
        await settle(pilot)
        for selector in ("#route-subject", "#suggestions", "#why-pane", "#route-msg", "#route-hint"):
            assert on_screen(frozen_app, screen.query_one(selector)), f"{selector} is on screen at 80x24"
        options = screen.query_one(OptionList)
        first = options.get_option_at_index(0).prompt.plain
        assert cell_len(first) <= options.scrollable_content_region.width, "an expert's line is not wrapped"
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("3")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        screen = frozen_app.screen
        assert isinstance(screen, ExpertEditScreen)
        for key in ("name", "affiliation", "emails", "working_hours"):
            box = screen.query_one(f"#ee-{key}", Input)
            assert box.content_region.width >= 40, f"{key} shows at least 40 characters at 80 columns"
            assert box.region.right <= NARROW[0], f"{key} ends inside the terminal"


async def test_wide_desk_adds_outlet_type_expert_officer_and_the_detail_pane(frozen_app):
    async with frozen_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        labels = column_labels(frozen_app)
        assert labels == ["Due", "Journalist", "Outlet", "Type", "Subject", "Expert", "Status", "Officer"]
        table = frozen_app.screen.query_one(DataTable)
        assert sum(c.get_render_width(table) for c in table.ordered_columns) <= table.scrollable_content_region.width
        assert on_screen(frozen_app, frozen_app.screen.query_one("#detail-pane"))


async def test_columns_follow_the_terminal_when_it_is_resized(frozen_app):
    async with frozen_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = frozen_app.screen.query_one(DataTable)
        table.move_cursor(row=3)
        chosen = frozen_app.screen.current_row().id
        await pilot.resize_terminal(*NARROW)
        await settle(pilot)
        assert column_labels(frozen_app) == ["Due", "Journalist", "Subject", "Status"]
        assert frozen_app.screen.current_row().id == chosen, "the selection survives the new columns"
        await pilot.resize_terminal(*WIDE)
        await settle(pilot)
        assert "Officer" in column_labels(frozen_app)
