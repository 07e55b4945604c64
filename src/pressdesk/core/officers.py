"""The desk's team: the officers' list that assignment picks from."""

from __future__ import annotations

from pressdesk.core.base import CoreBase
from pressdesk.core.views import OfficerView


class OfficersArea(CoreBase):
    """The officers on the desk: listed and added."""

    def officers(self) -> list[OfficerView]:
        """Every officer on the desk, by name."""
        from pressdesk.services import officers

        with self.desk.read() as s:
            return [OfficerView(o.name, o.initials, o.email) for o in officers.list_officers(s)]

    def add_officer(self, name: str, *, initials: str | None = None, email: str = "") -> OfficerView:
        """Put an officer on the list (initials made from the name unless given); FieldError names a bad field."""
        from pressdesk.services import officers

        with self.desk.write() as s:
            added = officers.add_officer(s, name=name, initials=initials, email=email)
            return OfficerView(added.name, added.initials, added.email)
