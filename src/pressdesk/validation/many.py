"""Many phone numbers and email addresses checked for a bulk import: each distinct value once, big files in a pool.

`ValueChecks` holds every answer of an import by value, so a switchboard number on a thousand rows is read once.
Values are handed over a batch at a time (`submit`) and their answers taken when the batch is checked (`collect`);
once an import has handed over more than `POOL_AFTER` rows' worth, the values are read in a worker process
(spawned: the import runs in a thread of the TUI) while the importing process places and writes the batch before,
so the two halves of the work use both cores. The answers are the same as `parse_phone(..., detail=False)` and
`parse_email` give, and the kind of number where asked (for the "mobile" label of an unlabelled number).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import NamedTuple

from pressdesk.validation import emails, phones

POOL_AFTER = 6000
"""Rows an import reads before it starts a worker process: smaller files are checked in the importing process (a
worker takes a second or so to start)."""

Phone = tuple[str, str, bool]
"""A phone number as typed, its default region, and whether its kind (mobile or not) is wanted."""


class PhoneAnswer(NamedTuple):
    """What an import needs of parse_phone's result (detail=False), and the number's kind where it was asked for."""

    valid: bool
    e164: str | None
    raw: str
    extension: str | None
    error: str | None
    kind: str | None


class EmailAnswer(NamedTuple):
    """What an import needs of parse_email's result."""

    valid: bool
    normalized: str | None
    raw: str
    error: str | None


def check_values(numbers: Sequence[Phone], addresses: Sequence[str]) -> tuple[list[tuple], list[tuple]]:
    """Each number's and address's answer as a plain tuple (a PhoneAnswer's or EmailAnswer's fields): run in a worker
    process, whose answers are pickled back, and plain tuples pickle in a fraction of the time of result objects."""
    answers = []
    for text, region, want_kind in numbers:
        r = phones.parse_phone(text, region, detail=False)
        kind = phones.parse_phone(r.e164, None).kind if want_kind and r.valid and r.e164 else None
        answers.append((r.valid, r.e164, r.raw, r.extension, r.error, kind))
    return answers, [
        (r.valid, r.normalized, r.raw, r.error) for r in (emails.parse_email(address) for address in addresses)
    ]


def _watch_parent(parent: int) -> None:
    """End this worker when the importing process is gone (killed, say): nothing else would tell it."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


@dataclass
class _Batch:
    """The values of one batch handed over, and their answers (a future while a worker reads them)."""

    numbers: list[Phone]
    addresses: list[str]
    answers: Future | None = None


@dataclass
class ValueChecks:
    """Answers for every distinct number and address of an import, read in the importing process or a worker."""

    workers: int | None = None
    """Worker processes: None starts one (two on four cores or more) after POOL_AFTER rows; 0 never starts any."""
    numbers: dict[tuple[str, str], PhoneAnswer] = field(default_factory=dict)
    addresses: dict[str, EmailAnswer] = field(default_factory=dict)
    rows: int = 0
    expected: int = 0
    """Rows the import is known to have at least (see expect)."""
    _asked: dict[tuple[str, str], bool] = field(default_factory=dict)
    _asked_addresses: set[str] = field(default_factory=set)
    _pool: ProcessPoolExecutor | None = None
    _broken: bool = False

    def expect(self, rows: int) -> None:
        """The import has at least this many rows: past POOL_AFTER, the worker reads from the first batch on."""
        self.expected = max(self.expected, rows)

    def submit(self, rows: int, numbers: Sequence[Phone], addresses: Sequence[str]) -> _Batch:
        """Hand over a batch's values (rows: how many rows they came from); the new ones start being read."""
        self.rows += rows
        new_numbers = []
        for text, region, want_kind in numbers:
            asked = self._asked.get((text, region))
            if asked is None or (want_kind and not asked):  # new, or now wanted with its kind
                self._asked[(text, region)] = want_kind or bool(asked)
                new_numbers.append((text, region, want_kind))
        new_addresses = [a for a in dict.fromkeys(addresses) if a not in self._asked_addresses]
        self._asked_addresses.update(new_addresses)
        batch = _Batch(new_numbers, new_addresses)
        pool = self._worker_pool()
        if pool is not None and (new_numbers or new_addresses):
            try:
                batch.answers = pool.submit(check_values, new_numbers, new_addresses)
            except Exception:  # noqa: BLE001 - the worker could not start: the values are read here instead
                self._give_up()
        return batch

    def collect(self, batch: _Batch) -> None:
        """Take a batch's answers (waiting for its worker if need be)."""
        answers = None
        if batch.answers is not None:
            try:
                answers = batch.answers.result()
            except Exception:  # noqa: BLE001 - a worker that died or could not start: read the values here instead
                self._give_up()
        if answers is None:
            answers = check_values(batch.numbers, batch.addresses)
        for number, answer in zip(batch.numbers, answers[0], strict=True):
            self.numbers[number[:2]] = PhoneAnswer._make(answer)
        for address, answer in zip(batch.addresses, answers[1], strict=True):
            self.addresses[address] = EmailAnswer._make(answer)

    def phone(self, text: str, region: str, *, kind: bool = False) -> PhoneAnswer:
        """A number's answer, with its kind if asked for; read now if no batch held it."""
        answer = self.numbers.get((text, region))
        if answer is None or (kind and answer.kind is None and answer.valid):
            answer = self.numbers[(text, region)] = PhoneAnswer._make(check_values([(text, region, kind)], [])[0][0])
        return answer

    def email(self, text: str) -> EmailAnswer:
        """An address's answer, read now if no batch held it."""
        answer = self.addresses.get(text)
        if answer is None:
            answer = self.addresses[text] = EmailAnswer._make(check_values([], [text])[1][0])
        return answer

    def _worker_pool(self) -> ProcessPoolExecutor | None:
        """The worker processes, started once the import is big enough; None while it is not (or they failed)."""
        if self._pool is not None or self._broken:
            return self._pool
        count = self.workers
        if count is None:
            count = 2 if (os.cpu_count() or 1) >= 4 else 1
            if max(self.rows, self.expected) <= POOL_AFTER:
                return None
        if count <= 0:
            return None
        import multiprocessing

        self._pool = ProcessPoolExecutor(
            count, mp_context=multiprocessing.get_context("spawn"), initializer=_watch_parent, initargs=(os.getpid(),)
        )
        return self._pool

    @property
    def pooled(self) -> bool:
        """Whether a worker process is reading the values."""
        return self._pool is not None

    def _give_up(self) -> None:
        """Stop using worker processes for the rest of the import."""
        self._broken = True
        self.close()

    def close(self, *, wait: bool = False) -> None:
        """Stop the worker processes: after the last answer, waiting for them to end; else at once, dropping what they
        were still to read."""
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
            self._pool = None
