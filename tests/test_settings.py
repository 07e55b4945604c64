"""Settings: a TOML file in the config folder, overridden by environment variables."""

from __future__ import annotations

from pressdesk.settings import config_dir, load_settings


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
    assert str(refused.value) == "officer: Keep this to 120 characters or fewer (it has 130,000)."
    with pytest.raises(SettingsError, match="^officer: Give your name"):
        load_settings().with_overrides(officer="\x1b[31m")
