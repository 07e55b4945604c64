"""`pressdesk validate ...` (a phone number or email, offline) and `pressdesk experts ...` (the expert directory)."""

from __future__ import annotations

import sys

import click

from pressdesk.cli.errors import VERSION, DeskGroup
from pressdesk.cli.output import echo, emit_json
from pressdesk.cli.state import CliState, pass_state

validate_group = DeskGroup(name="validate", help="Check a phone number or email address (offline).")


@validate_group.command("phone")
@click.argument("text")
@click.option("--region", help="Region for numbers without a country code (default: the desk's).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_state
def validate_phone(state: CliState, text: str, region: str | None, as_json: bool) -> None:
    """Validate a phone number in any format; exit 0 when valid, 1 when not."""
    from pressdesk.validation import parse_phone

    result = parse_phone(text, (region or state.settings.region).upper())
    if as_json:
        emit_json(result.as_dict())
    elif result.valid:
        ext = f" ext. {result.extension}" if result.extension else ""
        echo(f"valid {result.kind or ''} number in {result.region}: {result.e164}{ext}")
        echo(f"  international: {result.international}\n  national:      {result.national}")
    else:
        echo(f"not valid: {result.error}")
        if result.e164:
            echo(f"  read as {result.e164}")
    sys.exit(0 if result.valid else 1)


@validate_group.command("email")
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def validate_email(text: str, as_json: bool) -> None:
    """Validate an email address without any network look-up; exit 0 when valid, 1 when not."""
    from pressdesk.validation import parse_email

    result = parse_email(text)
    if as_json:
        emit_json(result.as_dict())
    elif result.valid:
        echo(f"valid: {result.normalized}")
    else:
        echo(f"not valid: {result.error}")
    sys.exit(0 if result.valid else 1)


# --- pressdesk experts ... ---------------------------------------------------------------------

experts_group = DeskGroup(name="experts", help="The expert directory.")


@experts_group.command("spread")
@click.option("--days", default=30, show_default=True, type=click.IntRange(1, 3660), help="Look back this many days.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def experts_spread(state: CliState, days: int, as_json: bool) -> None:
    """How interview requests spread across experts, so the same people are not always asked."""
    spread = state.backend(write=False).request_spread(days)
    if as_json:
        emit_json([{"expert": name, "requests": n} for name, n in spread])
        return
    top = max((n for _, n in spread), default=0) or 1
    for name, n in spread:
        echo(f"{name:<32} {n:>4}  {'#' * round(20 * n / top)}")


@experts_group.command("edit")
@click.argument("expert")
@click.option("--name")
@click.option("--honorific", help="Dr, Prof ...")
@click.option("--title", help="Job title.")
@click.option("--affiliation")
@click.option("--topics", help="Comma-separated keywords.")
@click.option("--languages", help='Comma-separated, e.g. "en, de".')
@click.option("--hours", "working_hours", help="Working hours, e.g. 09:00-17:30.")
@click.option("--blocked", "blocked_dates", help="Blocked dates: 2026-12-24, 2026-12-28..2027-01-02.")
@click.option("--media-trained/--not-media-trained", default=None)
@click.option("--conflicts", help="Declared conflicts of interest.")
@click.option("--weekly-limit", type=int, help="Interviews a week at most.")
@click.option("--email", "emails", multiple=True, help="Replace the emails (repeatable).")
@click.option("--phone", "phones", multiple=True, help="Replace the phone numbers (repeatable).")
@click.option("--expect-version", type=VERSION, help="Refuse if someone saved the expert since this version.")
@click.option("--json", "as_json", is_flag=True)
@pass_state
def experts_edit(
    state: CliState, expert: str, emails, phones, expect_version: int | None, as_json: bool, **options
) -> None:
    """Edit an expert in the directory (by id or name); nothing is written if any value is refused.

    With --expect-version N the edit is refused when the expert is no longer at version N (someone else saved
    it meanwhile), so of two edits made at once from the same version exactly one wins."""
    from pressdesk.models.inputs import ExpertUpdate

    given = {k: v for k, v in {**options, "emails": emails or None, "phones": phones or None}.items() if v is not None}
    row = state.backend().edit_expert(expert, expect_version, ExpertUpdate(**given))
    if as_json:
        emit_json(row.to_json())
    else:
        echo(
            f"Saved {row.name} (version {row.version}): topics {row.detail['topics']}; "
            f"languages {row.detail['languages']}; hours {row.detail['working_hours']}; "
            f"weekly limit {row.detail['weekly_limit']}."
        )
