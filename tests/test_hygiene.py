"""Import hygiene: the domain never imports textual, and the TUI's first frame does not wait for the database."""

from __future__ import annotations

import subprocess
import sys

DOMAIN = [
    "pressdesk.models",
    "pressdesk.validation",
    "pressdesk.store",
    "pressdesk.services.enquiries",
    "pressdesk.services.contacts",
    "pressdesk.services.queries",
    "pressdesk.services.routing",
    "pressdesk.services.interviews",
    "pressdesk.services.demo",
    "pressdesk.exchange.release",
    "pressdesk.core",
    "pressdesk.settings",
    "pressdesk.services.exports",
    "pressdesk.services.reports",
    "pressdesk.services.report_files",
    "pressdesk.exchange.export.csv_log",
    "pressdesk.exchange.export.xlsx_log",
    "pressdesk.exchange.export.report_html",
    "pressdesk.exchange.contacts",
    "pressdesk.exchange.contacts.csv_reader",
    "pressdesk.exchange.contacts.vcard_reader",
    "pressdesk.exchange.contacts.xlsx_reader",
    "pressdesk.exchange.contacts.csv_writer",
    "pressdesk.exchange.contacts.vcard_writer",
    "pressdesk.exchange.contacts.xlsx_writer",
    "pressdesk.services.contact_import",
    "pressdesk.services.contact_export",
    "pressdesk.services.duplicates",
    "pressdesk.services.media_lists",
    "pressdesk.services.outlets",
]


def loaded_after(imports: list[str]) -> set[str]:
    """Top-level modules loaded by importing these, in a fresh interpreter."""
    code = "import sys\n" + "".join(f"import {m}\n" for m in imports) + "print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_domain_never_imports_textual_or_click():
    modules = loaded_after(DOMAIN)
    assert "textual" not in modules
    assert "click" not in modules


def test_the_command_line_loads_only_the_command_it_runs():
    modules = loaded_after(["pressdesk.cli"])
    assert "textual" not in modules, "the TUI is imported only when `pressdesk` runs it"
    for heavy in ("sqlmodel", "sqlalchemy", "phonenumbers", "pressdesk.core"):
        assert heavy not in modules, f"{heavy} is imported before any command runs"
    commands = {m for m in modules if m.startswith("pressdesk.cli.")}
    assert commands == {"pressdesk.cli.app", "pressdesk.cli.errors", "pressdesk.cli.output", "pressdesk.cli.state"}


def test_tui_app_module_does_not_load_the_database_stack():
    modules = loaded_after(["pressdesk.tui.app"])
    assert "textual" in modules
    for heavy in ("sqlmodel", "sqlalchemy", "phonenumbers", "alembic", "dateparser"):
        assert heavy not in modules, f"{heavy} is imported before the first frame"
