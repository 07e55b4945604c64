"""Where pressdesk keeps its files and the settings a desk runs with, checked once at start."""

from __future__ import annotations

import getpass
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

APP_NAME = "pressdesk"


class SettingsError(Exception):
    """A setting that cannot be used, with where it came from and what to do."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason
        self.message = f"{field}: {reason}"


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


_PASSWORD_RE = re.compile(r"(://[^/:@]*:).*@")
_QUERY_PASSWORD_RE = re.compile(r"([?&;](?:ssl)?pass(?:word|wd)=)[^&;#]*", re.IGNORECASE)
"""A password given as a query parameter (libpq takes `?password=...` and `?sslpassword=...`)."""


def mask_url(url: str) -> str:
    """A desk path or URL with any password (in user:password@ or ?password=) replaced by ***, safe to show."""
    return _QUERY_PASSWORD_RE.sub(r"\1***", _PASSWORD_RE.sub(r"\1***@", url))


def created_on_first_use(target: str | None, *, demo: bool = False) -> bool:
    """Whether pressdesk may create this desk by itself: the everyday desk and the demo desk, never a named one."""
    if demo or target is None:
        return True
    if "://" in target:
        return False
    mine = {default_db_path().expanduser().resolve(), demo_db_path().expanduser().resolve()}
    return Path(target).expanduser().resolve() in mine


def _login_name() -> str:
    """The login name, or 'officer' when the system cannot tell."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some containers
        return "officer"


def clean_officer(name: str, where: str = "") -> str:
    """The officer's name as the history records it: escapes and control characters removed, within its length."""
    from pressdesk.limits import max_length
    from pressdesk.validation.text import clean_text

    cleaned = clean_text(name)
    if not cleaned:
        raise SettingsError(
            "officer",
            f"the officer's name is empty once control characters go{where}; give your name as the history "
            "should show it (--officer or PRESSDESK_OFFICER).",
        )
    if len(cleaned) > (limit := max_length("activity.who")):
        raise SettingsError(
            "officer", f"keep the officer's name to {limit:,} characters or fewer (it has {len(cleaned):,}){where}."
        )
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
    sources: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    """Where each value that is not a default came from (settings.toml, PRESSDESK_*, --option), for messages."""

    def __post_init__(self) -> None:
        """Clean the officer's name once, whichever way it came (file, environment, --officer).

        A name that is not valid text (undecodable bytes) is left for checked() to refuse."""
        try:
            self.officer.encode("utf-8")
        except UnicodeEncodeError:
            return
        object.__setattr__(self, "officer", clean_officer(self.officer, self._where("officer")))

    def _where(self, key: str) -> str:
        """Where a value came from, for messages: ' (set by PRESSDESK_OFFICER)', or nothing for a default."""
        return f" (set by {self.sources[key]})" if key in self.sources else ""

    def with_overrides(self, **changes: str | None) -> Settings:
        """A copy with the given non-empty values (from command-line options) replaced."""
        given = {k: v for k, v in changes.items() if v}
        return replace(self, **given, sources=self.sources | {k: f"--{k}" for k in given})

    def checked(self, *, region: bool = True) -> Settings:
        """A copy with every value checked and cleaned, or SettingsError naming the bad one and where it came from.

        region=False leaves out the region check, which loads phonenumbers (~50 ms): the TUI does it off-screen."""
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        where = self._where

        for key in ("region", "officer", "timezone", "db"):
            try:
                (getattr(self, key) or "").encode("utf-8")
            except UnicodeEncodeError:
                raise SettingsError(key, f"is not valid text (bytes that are not UTF-8){where(key)}.") from None
        code = self.region.strip().upper()
        if region and not _is_known_region(code):
            raise SettingsError(
                "region",
                f"'{code}' is not a phone region pressdesk knows{where('region')}; use a two-letter code such as GB.",
            )
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise SettingsError(
                "timezone",
                f"'{self.timezone}' is not a time zone{where('timezone')}; use a name such as Europe/London.",
            ) from None
        return replace(self, region=code, officer=clean_officer(self.officer, where("officer")))


def _is_known_region(code: str) -> bool:
    """Whether phonenumbers knows this region code (loads phonenumbers)."""
    from pressdesk.validation.phones import is_known_region

    return is_known_region(code)


_ENV = {
    "region": "PRESSDESK_REGION",
    "officer": "PRESSDESK_OFFICER",
    "timezone": "PRESSDESK_TIMEZONE",
    "db": "PRESSDESK_DB",
}


def _read_file(path: Path) -> dict:
    """The settings file as a dict ({} when there is none); SettingsError when it cannot be read."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError("settings", f"{path} is not valid TOML: {exc}.") from None
    except UnicodeDecodeError:
        raise SettingsError("settings", f"{path} is not UTF-8 text; save it as UTF-8.") from None
    except OSError as exc:
        raise SettingsError("settings", f"cannot read {path}: {exc.strerror}.") from None


def load_settings(path: Path | None = None) -> Settings:
    """Read settings.toml (if any), then let PRESSDESK_* environment variables override it."""
    path = path or config_dir() / "settings.toml"
    raw = _read_file(path)
    values: dict[str, str] = {}
    sources: dict[str, str] = {}
    for key in _ENV:
        if key not in raw:
            continue
        if not isinstance(raw[key], str):
            raise SettingsError(key, f'in {path}, {key} must be text in quotes, e.g. {key} = "...".')
        if raw[key].strip():
            values[key], sources[key] = raw[key].strip(), str(path)
    for key, env in _ENV.items():
        if v := os.environ.get(env, "").strip():
            values[key], sources[key] = v, env
    if "region" in values:
        values["region"] = values["region"].upper()
    keys = raw.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise SettingsError("keys", f'in {path}, [keys] must be a table of "binding.id" = "key" lines.')
    return Settings(**values, keys={str(k): v for k, v in keys.items()}, sources=sources)
