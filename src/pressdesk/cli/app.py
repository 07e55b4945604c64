"""The `pressdesk` command group: alone it opens the TUI; each subcommand is imported only when it runs."""

from __future__ import annotations

import sys

import click

from pressdesk.cli.errors import LazyGroup
from pressdesk.cli.state import CliState

COMMANDS = {
    "backup": "pressdesk.cli.trust:backup_cmd",
    "contacts": "pressdesk.cli.contacts:contacts_group",
    "coverage": "pressdesk.cli.statements:coverage_group",
    "db": "pressdesk.cli.db:db_group",
    "demo": "pressdesk.cli.db:demo_cmd",
    "enquiry": "pressdesk.cli.enquiries:enquiry_group",
    "experts": "pressdesk.cli.people:experts_group",
    "interview": "pressdesk.cli.interviews:interview_group",
    "list": "pressdesk.cli.listing:list_cmd",
    "log": "pressdesk.cli.enquiries:log_cmd",
    "officers": "pressdesk.cli.officers:officers_group",
    "report": "pressdesk.cli.reports:report_cmd",
    "privacy": "pressdesk.cli.privacy:privacy_group",
    "restore": "pressdesk.cli.trust:restore_cmd",
    "route": "pressdesk.cli.interviews:route_cmd",
    "statement": "pressdesk.cli.statements:statement_group",
    "validate": "pressdesk.cli.people:validate_group",
}
"""Each command by name -> "module:attribute" where it is defined (imported when run)."""

IMPORTS = {
    "contacts": "pressdesk.cli.contacts:import_contacts_cmd",
    "release": "pressdesk.cli.releases:import_release_cmd",
}
"""`pressdesk import ...`: bringing records in from files."""

EXPORTS = {
    "contacts": "pressdesk.cli.contacts:export_contacts_cmd",
    "enquiries": "pressdesk.cli.reports:export_enquiries",
    "interviews": "pressdesk.cli.exports:export_interviews",
    "report": "pressdesk.cli.reports:export_report",
}
"""`pressdesk export ...`: writing records out to files."""


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option("--db", "db", metavar="PATH_OR_URL", help="The desk to open (also PRESSDESK_DB).")
@click.option("--demo", is_flag=True, help="Use the separate demo desk, created on first use.")
@click.option("--region", help="Default phone region, e.g. GB (also PRESSDESK_REGION).")
@click.option("--officer", help="Your name on the history (also PRESSDESK_OFFICER).")
@click.version_option(package_name="pressdesk")
@click.pass_context
def main(ctx: click.Context, db: str | None, demo: bool, region: str | None, officer: str | None) -> None:
    """pressdesk: log journalists' enquiries, meet their deadlines, route them to experts."""
    from pressdesk.settings import load_settings

    tui = ctx.invoked_subcommand is None  # the TUI checks the region in its start-up worker: phonenumbers is slow
    settings = load_settings().with_overrides(db=db, region=region, officer=officer).checked(region=not tui)
    ctx.obj = CliState(settings=settings, demo=demo)
    if tui:
        from pressdesk.tui.app import run

        sys.exit(run(ctx.obj.settings, target=ctx.obj.target, demo=demo))


main.add_command(LazyGroup(name="import", help="Bring records in from files.", lazy=IMPORTS))
main.add_command(LazyGroup(name="export", help="Write records out to files.", lazy=EXPORTS))
