"""Where pressdesk keeps its files and the settings a desk runs with."""

from __future__ import annotations

import getpass
import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

APP_NAME = "pressdesk"


def data_dir() -> Path:
    """The folder for desks: platformdirs' user data path, or PRESSDESK_HOME."""
    if home := os.environ.get("PRESSDESK_HOME"):
        return Path(home) / "data"
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """The folder for settings.toml: platformdirs' user config path, or PRESSDESK_HOME."""
    if home := os.environ.get("PRESSDESK_HOME"):
        return Path(home) / "config"
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    """The everyday desk file."""
    return data_dir() / "desk.db"


def demo_db_path() -> Path:
    """The separate demo desk, created on first use of --demo."""
    return data_dir() / "demo.db"


def _login_name() -> str:
    """The login name, or 'officer' when the system cannot tell."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some containers
        return "officer"


class SettingsError(ValueError):
    """A setting that cannot be used, with a message that names it."""


def clean_officer(name: str) -> str:
    """The officer's name as the history records it: escapes and control characters removed, within its length."""
    from pressdesk.limits import too_long
    from pressdesk.validation.text import clean_text

    cleaned = clean_text(name)
    if not cleaned:
        raise SettingsError("officer: Give your name as the history should show it (--officer or PRESSDESK_OFFICER).")
    if problem := too_long("activity.who", cleaned):
        raise SettingsError(f"officer: {problem}")
    return cleaned


@dataclass(frozen=True)
class Settings:
    """The settings a desk runs with."""

    region: str = "GB"
    """Default region for phone numbers typed without a country code."""
    officer: str = field(default_factory=_login_name)
    """The officer's name, recorded on every Activity row."""
    timezone: str = "Europe/London"
    """The desk's location, for reading and showing deadlines."""
    db: str | None = None
    """A path or SQLAlchemy URL of the desk; None means the default desk."""
    keys: dict[str, str] = field(default_factory=dict)
    """Remapped keys: binding id -> key(s), from the [keys] table (e.g. "desk.new" = "f2")."""

    def __post_init__(self) -> None:
        """Clean the officer's name once, whichever way it came (file, environment, --officer)."""
        object.__setattr__(self, "officer", clean_officer(self.officer))

    def with_overrides(self, **changes: str | None) -> Settings:
        """A copy with the given non-empty values replaced."""
        return replace(self, **{k: v for k, v in changes.items() if v})


_ENV = {
    "region": "PRESSDESK_REGION",
    "officer": "PRESSDESK_OFFICER",
    "timezone": "PRESSDESK_TIMEZONE",
    "db": "PRESSDESK_DB",
}


def load_settings(path: Path | None = None) -> Settings:
    """Read settings.toml (if any), then let PRESSDESK_* environment variables override it."""
    path = path or config_dir() / "settings.toml"
    values: dict[str, str] = {}
    raw: dict = {}
    if path.is_file():
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
        for key in _ENV:
            if isinstance(raw.get(key), str) and raw[key].strip():
                values[key] = raw[key].strip()
    for key, env in _ENV.items():
        if v := os.environ.get(env, "").strip():
            values[key] = v
    if "region" in values:
        values["region"] = values["region"].upper()
    keys = {str(k): str(v) for k, v in raw.get("keys", {}).items()} if path.is_file() else {}
    return Settings(**values, keys=keys)
