"""Where pressdesk keeps its files, and how a desk's location is shown: a leaf every layer may read."""

from __future__ import annotations

import os
import re
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
