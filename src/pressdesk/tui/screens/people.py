"""Contacts and experts: the list screens with their actions (new, edit, archive, merge, import, erase)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from pressdesk.tui.messages import DeskChanged
from pressdesk.tui.safe import cell
from pressdesk.tui.screens.list_screen import ListScreen, first_of, first_phone
from pressdesk.tui.work import run_db


def _load(p) -> str:
    """An expert's load as 'N/M' (or just N when there is no weekly limit)."""
    n, limit = p.detail.get("load", 0) or 0, p.detail.get("weekly_limit")
    return f"{n}/{limit}" if limit else str(n)


class PeopleScreen(ListScreen):
    """A list of people who can be added (n), archived (a), merged (m) and brought in from files (i)."""

    PLURAL: ClassVar[str] = "journalists"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New", id="people.new"),
        Binding("a", "archive", "Archive", id="people.archive", show=False),
        Binding("m", "merge", "Merge", id="people.merge", show=False),
        Binding("i", "import", "Import", id="people.import"),
        Binding("d", "duplicates", "Possible duplicates", id="people.duplicates", show=False),
    ]

    def new_screen(self):
        """The form that adds someone."""
        from pressdesk.tui.screens.person_new import NewJournalistScreen

        return NewJournalistScreen()

    def load_person(self, backend, person_id: int):
        """One person as listed (None when there is none)."""
        return backend.journalist(person_id)

    def action_new(self) -> None:
        """Add someone by hand; select them once saved."""

        def saved(values: dict | None) -> None:
            if values:
                self.app.notify(f"Added {values['name']}.", markup=False)
                self.focus_record(values["id"], values["name"].strip())

        self.app.push_screen(self.new_screen(), saved)

    def action_archive(self) -> None:
        """Archive the selected person (hidden from look-up and routing, kept for history), or bring them back."""
        person = self.current_row()
        if person is None:
            self.app.notify(f"Select one of the {self.NOUN} first.", severity="warning")
            return
        from pressdesk.tui.screens.actions import ConfirmScreen

        back = bool(person.detail.get("archived"))
        kind, person_id, version = self.PLURAL, person.id, person.version
        if back:
            question, about, yes = (
                f"Bring {person.name} back from the archive?",
                "They can be found again.",
                "brings back",
            )
        else:
            question = f"Archive {person.name}?"
            about = "Hidden from look-up, name suggestions and routing; their enquiries and history stay."
            yes = "archives"

        def answered(yes_: bool | None) -> None:
            if not yes_:
                return
            run_db(
                self,
                lambda b: b.archive_person(kind, person_id, archived=not back, version=version),
                done=lambda name: self._archived(name, back),
                group="people-archive",
            )

        self.app.push_screen(ConfirmScreen(question, about, yes), answered)

    def _archived(self, name: str, back: bool) -> None:
        """Say what was done and reload."""
        self.app.notify(f"Brought back {name}." if back else f"Archived {name}.", markup=False)
        self.app.post_message(DeskChanged())

    def action_merge(self) -> None:
        """Merge the selected person with another (their id, the first possible duplicate offered)."""
        person = self.current_row()
        if person is None:
            self.app.notify(f"Select one of the {self.NOUN} first.", severity="warning")
            return
        kind = self.PLURAL
        run_db(self, lambda b: self._suggest(b, kind, person.id), done=lambda other: self._ask_other(person, other))

    @staticmethod
    def _suggest(backend, kind: str, person_id: int) -> str:
        """The id of someone who may be the same person, or ""."""
        for pair in backend.duplicates(kind, limit=500):
            if person_id in (pair.a.id, pair.b.id):
                return str(pair.b.id if pair.a.id == person_id else pair.a.id)
        return ""

    def _ask_other(self, person, suggested: str) -> None:
        """Ask who to merge with, then show both side by side."""
        from pressdesk.errors import FieldError, NotFound
        from pressdesk.tui.screens.prompt import PromptScreen

        load = self.load_person

        def both(backend, text: str):
            digits = text.strip().lstrip("#")
            if not (digits.isascii() and digits.isdigit() and len(digits) < 19):
                raise FieldError("id", "Give the other person's number (their id).")
            if int(digits) == person.id:
                raise FieldError("id", "Give someone else: a person is not merged with themselves.")
            first, other = load(backend, person.id), load(backend, int(digits))
            if first is None or other is None:
                raise NotFound(f"There is no one with id {digits}.")
            return first, other, backend.merge_fields(self.PLURAL)

        def chosen(answer) -> None:
            if answer is None:
                return
            from pressdesk.tui.screens.merge_people import MergeScreen

            first, other, fields = answer.result
            self.app.push_screen(MergeScreen(self.PLURAL, first, other, fields), self._merged)

        hint = f"Merge {person.name} (#{person.id}) with: the other person's id"
        if suggested:
            hint += " (a possible duplicate is filled in)"
        self.app.push_screen(PromptScreen(hint, save=both, value=suggested, placeholder="id"), chosen)

    def _merged(self, outcome) -> None:
        """Say what the merge did."""
        if outcome is not None:
            self.app.notify(f"Merged #{outcome.merged} into #{outcome.kept}.")
            self.reload(select=outcome.kept)

    def action_duplicates(self) -> None:
        """The review list of possible duplicates: merge a pair side by side, or say they are two people."""
        from pressdesk.tui.screens.duplicates import DuplicatesScreen

        def closed(changed) -> None:
            if changed:
                self.reload()

        self.app.push_screen(DuplicatesScreen(self.PLURAL, self.load_person), closed)

    def action_import(self) -> None:
        """Import contacts files: dry run, confirm, progress, result."""
        from pressdesk.tui.screens.contacts_import import ImportContactsScreen

        self.app.push_screen(ImportContactsScreen(self.PLURAL))


class ContactsScreen(PeopleScreen):
    """Journalists: search, detail with enquiry history, edit."""

    KIND = "journalist"
    NOUN = "journalists"
    COLUMNS = (
        ("Name", "name", 22),
        ("Outlet", "outlet", 18),
        ("Role", "role", 20),
        ("Beat", "beat", 16),
        ("Phone", "phone", 17),
        ("Email", "email", 30),
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Edit", id="contacts.edit"),
        Binding("ctrl+e", "erase", "Erase", id="contacts.erase", show=False),
        Binding("o", "outlets", "Outlets", id="contacts.outlets"),
        Binding("l", "media_lists", "Media lists", id="contacts.lists", show=False),
    ]

    def action_erase(self) -> None:
        """Erase the selected journalist, once a confirmation naming what goes is answered yes."""
        from pressdesk.tui.screens.erase_person import erase_selected

        erase_selected(self)

    def cells(self, p) -> tuple[Text, ...]:
        """Name, outlet, role, beat, first phone and email; an archived journalist dimmed and marked."""
        d = p.detail
        style = "dim" if d.get("archived") else ""
        name = p.name + (" (archived)" if d.get("archived") else "")
        return (
            cell(name, style),
            cell(p.outlet, style),
            cell(p.role, style),
            cell(d.get("beat", ""), style),
            cell(first_phone(p.phones, self.app.settings.region), style),
            cell(first_of(p.emails), style),
        )

    def action_media_lists(self) -> None:
        """The media lists and their journalists; the selected journalist can be put on one."""
        from pressdesk.tui.screens.media_lists import MediaListsScreen

        self.app.push_screen(MediaListsScreen(self.current_row()))

    def action_outlets(self) -> None:
        """Browse the outlets with their journalists."""
        from pressdesk.tui.screens.outlets import OutletsScreen

        def chosen(person) -> None:
            if person is not None:
                self.focus_record(person.id, person.name)

        self.app.push_screen(OutletsScreen(), chosen)

    def action_edit(self) -> None:
        """Open the edit form for the selected journalist."""
        person = self.current_row()
        if person is None:
            self.app.notify("Select a journalist first.", severity="warning")
            return
        from pressdesk.tui.screens.person_edit import JournalistEditScreen

        def saved(values: dict | None) -> None:
            if values:
                self.app.notify(f"Saved {values.get('name') or person.name}.", markup=False)

        self.app.push_screen(JournalistEditScreen(person), saved)


class ExpertsScreen(PeopleScreen):
    """Experts: search, topics, current load and enquiry history."""

    KIND = "expert"
    NOUN = "experts"
    COLUMNS = (
        ("Name", "name", 22),
        ("Title", "title", 20),
        ("Affiliation", "affiliation", 20),
        ("Topics", "topics", 30),
        ("Load", "load", 5),
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Edit", id="experts.edit"),
        Binding("ctrl+e", "erase", "Erase", id="experts.erase", show=False),
    ]

    def action_erase(self) -> None:
        """Erase the selected expert, once a confirmation naming what goes is answered yes."""
        from pressdesk.tui.screens.erase_person import erase_selected

        erase_selected(self)

    PLURAL = "experts"

    def new_screen(self):
        """The form that adds an expert."""
        from pressdesk.tui.screens.person_new import NewExpertScreen

        return NewExpertScreen()

    def load_person(self, backend, person_id: int):
        """One expert as listed (None when there is none)."""
        return backend.expert(person_id)

    def fetch(self, backend, text: str, offset: int, limit: int):
        """Experts with their load."""
        return backend.experts(text, offset=offset, limit=limit)

    def cells(self, p) -> tuple[Text, ...]:
        """Name, title, affiliation, topics and load."""
        d = p.detail
        honorific = d.get("honorific") or ""
        limit, load = d.get("weekly_limit"), d.get("load", 0) or 0
        busy = bool(limit) and load >= limit
        return (
            cell((f"{honorific} " if honorific else "") + p.name + (" (archived)" if d.get("archived") else "")),
            cell(p.role),
            cell(p.outlet),
            cell(d.get("topics", "")),
            cell(_load(p), "bold red" if busy else ""),
        )

    def action_edit(self) -> None:
        """Open the edit form for the selected expert."""
        person = self.current_row()
        if person is None:
            self.app.notify("Select an expert first.", severity="warning")
            return
        from pressdesk.tui.screens.expert_edit import ExpertEditScreen

        def saved(values: dict | None) -> None:
            if values:
                self.app.notify(f"Saved {values.get('name') or person.name}.", markup=False)

        self.app.push_screen(ExpertEditScreen(person), saved)
