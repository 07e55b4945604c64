"""Score the release reader field by field against the corpus in fixtures/releases (run as a script to print it)."""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "releases"
RELEASE_FIELDS = ("title", "date", "embargo", "embargo_zone", "place", "issuer")
EXPERT_FIELDS = ("name", "title", "affiliation", "source", "email", "phones")
CONTACT_FIELDS = ("name", "organisation", "role", "email", "phones", "phone_labels")
_HONORIFICS = re.compile(
    r"^(?:(?:prof|professor|dr|mr|mrs|ms|mag|mag\.a|assoz\.?-prof|associate professor|assistant professor)\.?\s+)+",
    re.IGNORECASE,
)


def norm(value: object) -> object:
    """Compare text without case, accents' composition, spacing, end punctuation or a leading "the"."""
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFC", value).casefold()
    text = re.sub(r"\s+", " ", text).strip(" .,;:–—-")
    return re.sub(r"^the ", "", text) or None


def name_key(name: str | None) -> str:
    """A person's name without honorifics or dots, for matching found people to expected ones."""
    if not name:
        return ""
    plain = _HONORIFICS.sub("", unicodedata.normalize("NFC", name).strip())
    return re.sub(r"[.\s]+", " ", plain).strip().casefold()


def _same(field_name: str, want: object, got: object) -> bool:
    """One field's comparison: phones as sets, names without dots, other text by norm()."""
    if field_name == "phones":
        return set(want or []) == set(got or [])
    if field_name == "phone_labels":
        return all((got or {}).get(number) == label for number, label in (want or {}).items())
    if field_name == "name":
        return (norm(re.sub(r"\.", "", want)) if want else None) == (norm(re.sub(r"\.", "", got)) if got else None)
    return norm(want) == norm(got)


@dataclass
class Score:
    """Right and total counts per field, and what went wrong where."""

    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, key: str, ok: bool, where: str, want: object = None, got: object = None) -> None:
        """Count one field."""
        self.total[key] += 1
        if ok:
            self.right[key] += 1
        else:
            self.misses.append(f"{where}: {key}: expected {want!r}, got {got!r}")

    @property
    def accuracy(self) -> float:
        """All fields right over all fields."""
        return sum(self.right.values()) / max(1, sum(self.total.values()))

    def table(self) -> str:
        """Per-field accuracy as printable lines."""
        rows = [f"{'field':24} {'right':>5} {'of':>4} {'%':>6}"]
        for key in self.total:
            pct = 100 * self.right[key] / self.total[key]
            rows.append(f"{key:24} {self.right[key]:5} {self.total[key]:4} {pct:6.1f}")
        rows.append(f"{'ALL':24} {sum(self.right.values()):5} {sum(self.total.values()):4} {100 * self.accuracy:6.1f}")
        return "\n".join(rows)


def _people(kind: str, fields: tuple[str, ...], want: list[dict], got: list[dict], where: str, score: Score) -> None:
    """Match people by name (or, unnamed, by email) and score each expected field; an extra person is one miss."""
    unmatched = list(got)
    for person in want:
        key = name_key(person.get("name")) or (person.get("email") or "")
        twin = next(
            (g for g in unmatched if (name_key(g.get("name")) or (g.get("email") or "")) == key),
            None,
        )
        if twin is not None:
            unmatched.remove(twin)
        for f in fields:
            if f == "phone_labels" and not person.get(f):
                continue
            got_value = twin.get(f) if twin is not None else None
            ok = twin is not None and _same(f, person.get(f), got_value)
            who = f"{where} {person.get('name') or person.get('email')}"
            score.add(f"{kind}.{f}", ok, who, person.get(f), got_value)
    for extra in unmatched:
        score.add(f"{kind}.name", False, where, None, extra.get("name") or extra.get("organisation"))


def _issuers(want: list[str], got: list[str] | None, where: str, score: Score) -> None:
    """Each expected issuer found is right; each extra one is a miss."""
    found = [norm(g) for g in (got or [])]
    for org in want:
        ok = norm(org) in found
        if ok:
            found.remove(norm(org))
        score.add("issuer", ok, where, org, got)
    for extra in found:
        score.add("issuer", False, where, None, extra)


def score_corpus(read: Callable[[str], dict], corpus: Path = CORPUS) -> Score:
    """Read every release in the corpus and score what was read against its expected JSON."""
    score = Score()
    for expected_file in sorted(corpus.glob("*.json")):
        want = json.loads(expected_file.read_text(encoding="utf-8"))
        where = expected_file.stem
        try:
            got = read(expected_file.with_suffix(".txt").read_text(encoding="utf-8"))
        except Exception as exc:  # a release that cannot be read scores nothing
            got = {"error": repr(exc)}
        for f in RELEASE_FIELDS:
            if f == "embargo_zone" and not want.get("embargo"):
                continue
            if f == "issuer":
                _issuers(want["issuer"], got.get("issuer"), where, score)
                continue
            score.add(f, _same(f, want.get(f), got.get(f)), where, want.get(f), got.get(f))
        _people("expert", EXPERT_FIELDS, want["experts"], got.get("experts") or [], where, score)
        _people("contact", CONTACT_FIELDS, want["press_contacts"], got.get("press_contacts") or [], where, score)
    return score


def read_with_current_reader(text: str) -> dict:
    """What the reader gives for a release, as JSON."""
    from pressdesk.exchange.release import parse_release

    return parse_release(text).as_dict()


if __name__ == "__main__":
    result = score_corpus(read_with_current_reader)
    if "-v" in sys.argv:
        print("\n".join(result.misses))
    print(result.table())
