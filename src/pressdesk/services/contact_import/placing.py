"""Placing a row: folding it into the person it is, bringing someone new, or asking for review."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from pressdesk.limits import too_long
from pressdesk.services import duplicates, likeness
from pressdesk.services.contact_import.bulk import _pair
from pressdesk.services.contact_import.lookup import _Lookup
from pressdesk.services.contact_import.rows import (
    _NAMELESS,
    ImportSummary,
    Rejected,
    ReviewItem,
    _Batch,
    _Person,
    _Point,
    _Row,
    _Shape,
)


class _Placer:
    """Each row placed: folded into the person it is, new, or asked about; what the batch will write is kept."""

    def __init__(
        self, *, summary: ImportSummary, shape: _Shape, lookup: _Lookup, not_duplicates: set[tuple[int, int]]
    ) -> None:
        self.summary = summary
        self.shape = shape
        self.lookup = lookup
        self.not_duplicates = not_duplicates
        self.batch = _Batch()

    def place(self, row: _Row) -> None:
        """Fold the row into the person it is, or bring them in as someone new; ask about what cannot be decided."""
        owners: list[_Person] = []
        for point in row.points:
            owner = self.lookup.key_owner.get((point.kind, point.key))
            if owner is not None and owner not in owners:
                owners.append(owner)
        if owners:
            target = owners[0]
            if likeness.clash(row.words, target.words):
                shared = next(p for p in row.points if self.lookup.key_owner.get((p.kind, p.key)) is target)
                person = self.create(row)
                self.review(person, target, likeness.likeness(row.words, target.words), row,
                            f"shares {shared.value} with {target.name}, but the names differ")  # fmt: skip
                return
            self.fold(target, row)
            for other in owners[1:]:
                self.review(target, other, 0, row, f"row has details of both {target.name} and {other.name}")
            return
        if not row.name:
            details = ", ".join(p.value for p in row.points)
            self.summary.rejected.append(Rejected(row.source, row.row, "name", details, _NAMELESS))
            return
        same: list[_Person] = []
        close: list[tuple[_Person, float]] = []
        words = likeness.sorted_words(row.words)
        if row.org is not None and (choices := self.lookup.org_people.get(row.org)):
            for _words, score, ref in process.extract(
                words, choices, scorer=fuzz.ratio, score_cutoff=likeness.CLOSE, limit=5
            ):
                if score >= likeness.SAME:
                    same.append(self.lookup.person(ref))
                else:
                    close.append((self.lookup.person(ref), score))
        if same:
            self.fold(same[0], row)
            for other in same[1:]:
                self.review(same[0], other, likeness.SAME, row, "the same name at the same outlet")
            return
        person = self.create(row, words)
        for other, score in close:
            self.review(person, other, score, row, "a close name at the same outlet")
        for ref in self.lookup.by_name.get(row.name_key, []):
            other = self.lookup.person(ref)
            if other is not person and (other.org is None or row.org is None):
                self.review(person, other, likeness.SAME, row, "the same name, and one of them has no outlet")

    def create(self, row: _Row, words: str | None = None) -> _Person:
        """Bring the row in as someone new, with every email and number nobody else has (words: the name's words
        sorted, when the caller has them)."""
        person = _Person(
            None, row.name, row.words, row.name_key, row.org, row.role, row.beat, row.notes, set(),
            existed=False, origin=f"{row.source} row {row.row}", org_name=row.org_name,
        )  # fmt: skip
        self._add_points(person, row)
        self.batch.new_people.append(person)
        self.lookup.by_name.setdefault(row.name_key, []).append(person)
        if row.org is not None:
            self.lookup.org_people.setdefault(row.org, {})[person] = (
                likeness.sorted_words(row.words) if words is None else words
            )
        self.batch.history.append((person, "import", f"Imported from {row.source} row {row.row}"))
        self.summary.added += 1
        return person

    def _add_points(self, person: _Person, row: _Row) -> list[_Point]:
        """Give the person the row's emails and numbers that neither they nor anyone else has yet."""
        added = []
        for point in row.points:
            key = (point.kind, point.key)
            if key in person.keys:
                self._label(person, key, point.label)
                continue
            if self.lookup.key_owner.get(key, person) is not person:
                continue
            person.keys.add(key)
            person.labels[key] = point
            self.lookup.key_owner[key] = person
            self.batch.points.append((person, point))
            added.append(point)
        return added

    def _label(self, person: _Person, key: tuple[str, str], label: str) -> None:
        """Give an unlabelled email or number of the person the label a later file gives it."""
        known = person.labels.get(key)
        if not label or known is None:
            return
        if isinstance(known, _Point):
            known.label = known.label or label
        elif known == "":
            person.labels[key] = label
            self.batch.relabel.append((person, key, label))

    def fold(self, target: _Person, row: _Row) -> None:
        """Add what the row knows that the person lacks: emails, numbers, job title, topics, notes, outlet."""
        relabelled = len(self.batch.relabel)
        added = [p.value for p in self._add_points(target, row)]
        changes = ["labels"] if len(self.batch.relabel) > relabelled else []
        if row.name and row.name_key == target.name_key and target.name.isascii() and not row.name.isascii():
            target.name = row.name  # "Elodie Marchand" and "Élodie Marchand": keep the accents
            changes.append("name")
        if row.role and not target.role:
            target.role = row.role
            changes.append("job title")
        topics = duplicates.merge_topics(target.beat, row.beat) if row.beat else target.beat
        if topics != target.beat and not too_long(self.shape.limits["beat"], topics):
            target.beat = topics
            changes.append("topics")
        if row.notes and row.notes not in target.notes:
            notes = f"{target.notes}\n{row.notes}".strip()
            if not too_long(self.shape.limits["notes"], notes):
                target.notes = notes
                changes.append("notes")
        if row.org is not None and target.org is None:
            target.org, target.org_name = row.org, row.org_name
            self.lookup.org_people.setdefault(row.org, {})[target.id if target.id is not None else target] = (
                likeness.sorted_words(target.words)
            )
            changes.append("outlet")
        if not target.existed:
            self.summary.merged += 1
        elif added or changes:
            self.summary.updated += 1
        else:
            self.summary.unchanged += 1
        if changes and target.id is not None:
            self.batch.changed[target.id] = target
        if added or changes:
            what = ", ".join(added + changes)
            self.batch.history.append((target, "import", f"From {row.source} row {row.row}: added {what}"))

    def review(self, a: _Person, b: _Person, score: float, row: _Row, reason: str) -> None:
        """Put a pair on the review list (a: who the row became, b: who they may be), unless an officer said they are
        two people."""
        if a is b or (a.id is not None and b.id is not None and _pair(a.id, b.id) in self.not_duplicates):
            return
        self.summary.review.append(
            ReviewItem(row.source, row.row, row.name, b.shown(), b.id if b.existed else None, round(score), reason)
        )
        self.batch.reviews.append((a, b, score, f"{row.source} row {row.row}: {reason}"))
