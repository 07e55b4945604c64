"""Settings: a TOML file in the config folder, overridden by environment variables."""

from __future__ import annotations

import pytest

from pressdesk.paths import config_dir
from pressdesk.settings import SettingsError, load_settings


def test_defaults_use_login_name_and_gb(monkeypatch):
    s = load_settings()
    assert s.region == "GB" and s.timezone == "Europe/London" and s.officer


def test_file_then_environment(tmp_path, monkeypatch):
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "settings.toml").write_text('region = "ie"\nofficer = "Jamie Hose"\ntimezone = "Europe/Dublin"\n')
    s = load_settings()
    assert (s.region, s.officer, s.timezone) == ("IE", "Jamie Hose", "Europe/Dublin")
    monkeypatch.setenv("PRESSDESK_OFFICER", "Priya Shah")
    monkeypatch.setenv("PRESSDESK_DB", str(tmp_path / "team.db"))
    s = load_settings()
    assert s.officer == "Priya Shah" and s.region == "IE" and s.db == str(tmp_path / "team.db")


def test_keys_table_remaps_bindings_by_id():
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "settings.toml").write_text('[keys]\n"desk.new" = "f2"\n')
    assert load_settings().keys == {"desk.new": "f2"}


def test_the_officer_name_is_cleaned_wherever_it_comes_from(monkeypatch):
    import pytest

    from pressdesk.settings import Settings, SettingsError

    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "settings.toml").write_text('officer = "\\u001b[31mJamie Hose\\u001b[0m"\n')
    assert load_settings().officer == "Jamie Hose"
    monkeypatch.setenv("PRESSDESK_OFFICER", "\x1b]0;pwned\x07Priya ^[1mShah")
    assert load_settings().officer == "Priya Shah"
    assert load_settings().with_overrides(officer="  Jo\tBloggs\x07 ").officer == "Jo Bloggs"
    with pytest.raises(SettingsError) as refused:
        Settings(officer="o" * 130_000)
    assert str(refused.value) == "officer: keep the officer's name to 120 characters or fewer (it has 130,000)."
    with pytest.raises(SettingsError, match="^officer: the officer's name is empty"):
        load_settings().with_overrides(officer="\x1b[31m")


def write_settings(text: str | bytes) -> None:
    """Put a settings.toml in the (isolated) config folder."""
    config_dir().mkdir(parents=True, exist_ok=True)
    path = config_dir() / "settings.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())


@pytest.mark.parametrize(
    ("content", "field", "words"),
    [
        ('region = "GB\nofficer = 1', "settings", "not valid TOML"),
        (b'officer = "caf\xe9"\n', "settings", "not UTF-8"),
        ("region = 44\n", "region", "text"),
        ('keys = "f2"\n', "keys", "table"),
        ('regoin = "DE"\n', "settings", "unknown setting 'regoin'"),
        ('[key]\n"desk.new" = "f2"\n', "settings", "unknown setting 'key'"),
    ],
)
def test_a_malformed_settings_file_is_one_clear_error(content, field, words):
    write_settings(content)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert caught.value.field == field
    assert words in caught.value.message and "settings.toml" in caught.value.message
    assert "\n" not in caught.value.message


@pytest.mark.parametrize(
    ("env", "value", "field", "words"),
    [
        ("PRESSDESK_TIMEZONE", "Europe/Londn", "timezone", "not a time zone"),
        ("PRESSDESK_TIMEZONE", "../../etc/passwd", "timezone", "not a time zone"),
        ("PRESSDESK_REGION", "XX", "region", "not a phone region"),
        ("PRESSDESK_REGION", "Great Britain", "region", "not a phone region"),
        ("PRESSDESK_OFFICER", "\x1b[31m\x07", "officer", "empty"),
        ("PRESSDESK_OFFICER", "J" * 121, "officer", "120 characters"),
        ("PRESSDESK_OFFICER", "Zo\udceb", "officer", "not valid text"),
        ("PRESSDESK_DB", "/tmp/caf\udce9.db", "db", "not valid text"),
        ("PRESSDESK_TIMEZONE", "Europe/\udcff", "timezone", "not valid text"),
    ],
)
def test_bad_settings_are_refused_at_start_naming_where_they_came_from(monkeypatch, env, value, field, words):
    monkeypatch.setenv(env, value)
    with pytest.raises(SettingsError) as caught:
        load_settings().checked()
    assert caught.value.field == field
    assert words in caught.value.message and env in caught.value.message


def test_a_bad_time_zone_in_the_file_names_the_file():
    write_settings('timezone = "Europe/Londn"\n')
    with pytest.raises(SettingsError) as caught:
        load_settings().checked(region=False)
    assert caught.value.field == "timezone"
    assert "'Europe/Londn' is not a time zone (set by " in caught.value.message
    assert str(config_dir() / "settings.toml") in caught.value.message


def test_checked_settings_are_cleaned(monkeypatch):
    monkeypatch.setenv("PRESSDESK_OFFICER", "  Jamie\x1b]0;pwned\x07 Hose ")
    monkeypatch.setenv("PRESSDESK_REGION", "ie")
    s = load_settings().checked()
    assert (s.officer, s.region, s.timezone) == ("Jamie Hose", "IE", "Europe/London")


def test_a_command_line_override_is_checked_too():
    with pytest.raises(SettingsError) as caught:
        load_settings().with_overrides(region="ZZZ").checked()
    assert caught.value.field == "region" and "--region" in caught.value.message
