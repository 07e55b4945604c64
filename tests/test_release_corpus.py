"""The release reader scored field by field on the corpus of releases in fixtures/releases: at least 95% right."""

from __future__ import annotations

import pytest

from tests.release_scoring import CORPUS, Score, read_with_current_reader, score_corpus

THRESHOLD = 0.95


@pytest.fixture(scope="module")
def score() -> Score:
    """The corpus read and scored once for the module's tests (reading it takes a second): they only look at it."""
    return score_corpus(read_with_current_reader)


def test_corpus_has_thirty_releases_each_with_its_expected_fields() -> None:
    releases = sorted(p.stem for p in CORPUS.glob("*.txt"))
    expected = sorted(p.stem for p in CORPUS.glob("*.json"))
    assert len(releases) >= 30
    assert releases == expected


def test_reader_gets_at_least_95_percent_of_fields_right(score: Score, capsys) -> None:
    with capsys.disabled():
        print("\n" + score.table())
    assert score.accuracy >= THRESHOLD, "\n".join(score.misses)


def test_every_field_is_at_least_95_percent_right(score: Score) -> None:
    low = {key: score.right[key] / total for key, total in score.total.items() if score.right[key] / total < THRESHOLD}
    assert not low, "\n".join(score.misses)
