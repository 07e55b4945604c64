"""A big import's shortcuts change nothing an officer sees: each distinct value read once, the values read in a worker
process, the search index filled once at the end and kept in step, a kill leaving no worker behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pressdesk.errors import FieldError
from pressdesk.models import Journalist
from pressdesk.services import queries
from pressdesk.services.contact_import import import_contacts
from pressdesk.store.check import check


def run(desk, files, **kwargs):
    """Import files into the desk as a GB officer."""
    with desk.write() as s:
        return import_contacts(s, who="Test Officer", region="GB", files=files, **kwargs)


def write(path: Path, text: str) -> Path:
    """A file with this text."""
    path.write_text(text, encoding="utf-8")
    return path


def newsroom(path: Path, rows: int) -> Path:
    """A generic list: unlabelled numbers (the import asks their kind), people listed twice, bad values."""
    lines = ["Name,Company,Email,Phone"]
    for n in range(rows):
        phone = "07700 900123" if n % 97 == 0 else f"07911 {n:06d}"  # a drama-range number now and then
        email = f"r{n}@example.com." if n % 89 == 0 else f"r{n}@example.com"
        lines.append(f"Reporter {n:04d},Outlet {n % 13},{email},{phone}")
    lines += [f"Reporter {n:04d},Outlet {n % 13},R{n}@EXAMPLE.COM,07911 {n:06d}" for n in range(1, rows, 7)]
    return write(path, "\n".join(lines) + "\n")


def people(desk) -> list[tuple]:
    """Every journalist with outlet and labelled details, by name."""
    with desk.read() as s:
        return sorted(
            (p.name, p.outlet, sorted(p.detail["labelled"])) for p in queries.list_journalists(s, limit=10_000)
        )


def test_each_distinct_number_and_address_is_read_once(empty_desk, tmp_path, monkeypatch):
    import pressdesk.validation
    from pressdesk.validation import phones

    read: list[str] = []
    real = phones.parse_phone

    def counting(text, *args, **kwargs):
        read.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(phones, "parse_phone", counting)
    monkeypatch.setattr(pressdesk.validation, "parse_phone", counting, raising=False)

    summary = run(empty_desk, [newsroom(tmp_path / "list.csv", 300)])

    assert (summary.added, summary.merged) == (300, len(range(1, 300, 7)))
    assert read.count("07911 000008") == 1, "a number on two rows was read twice"
    assert read.count("+447911000008") == 1, "its kind (mobile) was read twice"
    assert len(read) == len(set(read))


def test_a_worker_process_gives_the_same_import_as_one_process(empty_desk, tmp_path, new_desk_file):
    from pressdesk.store import open_desk

    listed = newsroom(tmp_path / "list.csv", 700)
    alone = run(empty_desk, [listed], batch=100, workers=0)
    other = open_desk(new_desk_file("other.db"))
    try:
        pooled = run(other, [listed], batch=100, workers=1)
        assert pooled.to_json() == alone.to_json()
        assert people(other) == people(empty_desk)
    finally:
        other.dispose()
    assert (alone.added, alone.merged) == (700, 100)
    assert len(alone.rejected) == len(range(0, 700, 97)) + len(range(0, 700, 89))
    assert ("phone", "mobile", "+447911000001") in people(empty_desk)[1][2]  # unlabelled, known as a mobile


def test_an_import_leaves_the_search_index_in_step_and_its_triggers_in_place(empty_desk, tmp_path):
    run(empty_desk, [write(tmp_path / "a.csv", "Name,Company,Email\nAnn Smith,The Times,ann@times.example\n")])
    second = "Name,Company,Email,Job Title,Mobile\n"
    second += "Ann Smith,The Times,ann@times.example,Education Editor,07911 123456\n"
    second += "Bob Jones,Le Monde,bob@monde.example,Climate Reporter,\n"
    summary = run(empty_desk, [write(tmp_path / "b.csv", second)])
    assert (summary.added, summary.updated) == (1, 1)

    report = check(empty_desk)
    assert report.ok, report.problems
    with empty_desk.read() as s:
        assert [p.name for p in queries.list_journalists(s, text="education editor")] == ["Ann Smith"]
        assert [p.name for p in queries.list_journalists(s, text="climate reporter")] == ["Bob Jones"]
        bob = s.execute(select(Journalist.id).where(Journalist.name == "Bob Jones")).scalar_one()
    with empty_desk.write() as s:  # an edit after the import still reaches the index: the triggers are back
        s.get(Journalist, bob).role = "Science Reporter"
    with empty_desk.read() as s:
        assert [p.name for p in queries.list_journalists(s, text="science reporter")] == ["Bob Jones"]
    assert check(empty_desk).ok


def test_a_dry_run_or_a_failed_import_leaves_the_search_index_and_triggers_as_they_were(empty_desk, tmp_path):
    run(empty_desk, [write(tmp_path / "a.csv", "Name,Email\nAnn Smith,ann@times.example\n")])
    run(empty_desk, [newsroom(tmp_path / "list.csv", 50)], dry_run=True)
    broken = tmp_path / "broken.csv"
    broken.write_bytes("Name,Email\nCara Reid,cara@example.com\n".encode("utf-16") + b"\x41")
    with pytest.raises(FieldError):
        run(empty_desk, [broken])

    report = check(empty_desk)
    assert report.ok, report.problems
    with empty_desk.read() as s:
        assert [p.name for p in queries.list_journalists(s, text="reporter")] == []
        assert [p.name for p in queries.list_journalists(s, text="ann")] == ["Ann Smith"]


def _gone(pid: int) -> bool:
    """Whether a process has ended (a zombie nobody has reaped yet counts as ended)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            return any(line.split()[:2] == ["State:", "Z"] for line in fh)
    except FileNotFoundError:
        return True


def test_kill_9_with_a_worker_leaves_the_desk_as_it_was_and_no_worker_behind(empty_desk, tmp_path):
    listed = newsroom(tmp_path / "list.csv", 2000)
    pids = tmp_path / "workers"
    script = textwrap.dedent(
        f"""
        import multiprocessing, os, signal
        from pressdesk.store import open_desk
        from pressdesk.services.contact_import import import_contacts

        def die(rows):
            if rows >= 1000:
                open({str(pids)!r}, "w").write(" ".join(str(p.pid) for p in multiprocessing.active_children()))
                os.kill(os.getpid(), signal.SIGKILL)

        if __name__ == "__main__":
            desk = open_desk({str(empty_desk.path)!r})
            with desk.write() as s:
                import_contacts(s, who="t", region="GB", files=[{str(listed)!r}], batch=250, workers=1, progress=die)
        """
    )
    main = write(tmp_path / "kill.py", script)
    with (tmp_path / "stderr").open("wb") as errors:  # a file, not a pipe: a worker left behind would hold a pipe open
        done = subprocess.run([sys.executable, str(main)], stderr=errors, env=os.environ | {"PYTHONPATH": ""})

    assert done.returncode == -signal.SIGKILL, (tmp_path / "stderr").read_text()
    workers = [int(p) for p in pids.read_text().split()]
    assert workers, "the import had no worker process to leave behind"
    try:
        for _ in range(200):  # each worker notices its parent is gone within a second or so
            if all(_gone(pid) for pid in workers):
                break
            time.sleep(0.1)
        assert all(_gone(pid) for pid in workers), "a worker outlived the import it worked for"
    finally:
        for pid in workers:
            if not _gone(pid):
                os.kill(pid, signal.SIGKILL)
    with empty_desk.read() as s:
        assert s.execute(select(func.count()).select_from(Journalist)).scalar_one() == 0
    assert check(empty_desk).ok


def test_a_big_file_has_every_batch_read_in_the_worker_the_first_one_too(empty_desk, tmp_path, monkeypatch):
    from pressdesk.services.contact_import import run as run_module
    from pressdesk.validation import many

    monkeypatch.setattr(many, "POOL_AFTER", 250)
    monkeypatch.setattr(run_module, "POOL_AFTER", 250, raising=False)
    in_worker: list[bool] = []
    submit = many.ValueChecks.submit

    def noting(self, *args):
        batch = submit(self, *args)
        in_worker.append(batch.answers is not None)
        return batch

    monkeypatch.setattr(many.ValueChecks, "submit", noting)
    summary = run(empty_desk, [newsroom(tmp_path / "list.csv", 700)], batch=100)

    assert (summary.added, summary.merged) == (700, 100)
    assert in_worker and all(in_worker), "a batch of a big file was read in the importing process"
