"""Releases in layouts and languages the reader was not built on (fixtures/releases/rw_*): each read field for field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.release_scoring import CORPUS, read_with_current_reader, score_corpus

KNOWN_MISSES: dict[str, set[str]] = {}
"""Fields a release is known to read wrong, by release (none now)."""


@pytest.mark.parametrize("stem", sorted(p.stem for p in CORPUS.glob("rw_*.txt")))
def test_release_reads_every_field_right(stem: str, tmp_path: Path) -> None:
    for suffix in (".txt", ".json"):
        shutil.copy(CORPUS / f"{stem}{suffix}", tmp_path / f"{stem}{suffix}")
    score = score_corpus(read_with_current_reader, tmp_path)
    allowed = KNOWN_MISSES.get(stem, set())
    misses = [m for m in score.misses if m.split(": ")[1] not in allowed]
    assert not misses, "\n".join(misses)
