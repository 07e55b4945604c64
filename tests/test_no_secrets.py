"""A server URL's password never reaches output: `db status`, errors, the TUI's title, logs."""

from __future__ import annotations

import logging

import pytest
from click.testing import CliRunner
from hypothesis import assume, given
from hypothesis import strategies as st

from pressdesk.cli import main
from pressdesk.paths import mask_url
from pressdesk.settings import Settings

SECRET = "s3cr3t-Pa55"
URLS = [
    f"postgresql://ann:{SECRET}@localhost:1/desk",
    f"postgresql+psycopg://ann:{SECRET}@db.example:5432/desk?sslmode=require",
    f"postgresql://ann@localhost:1/desk?password={SECRET}",
    f"postgresql://ann@localhost:1/desk?sslmode=require&password={SECRET}&application_name=x",
    f"mysql://ann:{SECRET}@h/desk",
]


@pytest.mark.parametrize("url", URLS)
def test_mask_url_hides_the_password_wherever_the_url_carries_it(url):
    shown = mask_url(url)
    assert SECRET not in shown and "***" in shown
    assert "ann" in shown and "desk" in shown, "the rest stays readable"


@given(st.text(st.characters(codec="ascii", categories=["L", "N"], include_characters="!$'()*+,=-._~:@/"), min_size=6))
def test_any_password_is_masked(password):
    for url in (f"postgresql://ann:{password}@h/desk", f"postgresql://ann@h/desk?password={password}"):
        assume(password not in url.replace(password, "", 1))
        assert password not in mask_url(url)


@pytest.mark.parametrize("url", URLS[:3])
def test_db_status_json_and_its_error_never_show_the_password(url, caplog):
    caplog.set_level(logging.DEBUG)
    result = CliRunner().invoke(main, ["--db", url, "db", "status", "--json"])
    assert result.exit_code == 2  # no server driver here: the desk cannot be opened
    assert result.stderr.startswith("Error: desk: ") and "***" in result.stderr
    assert SECRET not in result.stdout + result.stderr
    assert SECRET not in caplog.text


@pytest.mark.parametrize("url", URLS[:3])
def test_the_tui_title_and_its_exit_message_never_show_the_password(url):
    from pressdesk.tui.app import build_app

    app = build_app(Settings(region="GB", officer="Jo", timezone="Europe/London"), target=url)
    assert SECRET not in app.sub_title and "***" in app.sub_title


@pytest.mark.parametrize("url", URLS[:3])
def test_opening_a_desk_by_url_fails_without_the_password_in_the_error(url):
    from pressdesk.store import open_desk
    from pressdesk.store.errors import StoreError

    with pytest.raises(StoreError) as failed:
        open_desk(url)
    assert SECRET not in str(failed.value) and SECRET not in failed.value.message
