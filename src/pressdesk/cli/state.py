"""What every command needs: the settings, which desk to open, and the core over it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import click

from pressdesk.settings import Settings

if TYPE_CHECKING:
    from pressdesk.core import Backend


@dataclass
class CliState:
    """The settings (checked) and the desk chosen by --db, PRESSDESK_DB or --demo."""

    settings: Settings
    demo: bool = False

    @property
    def target(self) -> str | None:
        """The desk path or URL chosen (None: the everyday desk)."""
        from pressdesk.core import target_for

        return target_for(self.settings, demo=self.demo)

    def backend(self, *, write: bool = True) -> Backend:
        """The core over the chosen desk, opened (and migrated). Only a command that writes may create a desk, and
        only the everyday or demo desk: a named desk that is missing is refused, so a mistyped --db creates nothing."""
        from pressdesk.core import Backend

        return Backend.open(self.settings, target=self.target, demo=self.demo, write=write)


pass_state = click.make_pass_decorator(CliState)
