"""Processes the proofs start against one desk: `python -m tests.writers KIND DESK N TAG [GATE]`.

cli      N calls logged through the command line (`pressdesk log`), each opening the desk as the command does
         (N = 0: until a file DESK.stop appears)
tui      N calls logged through the TUI's log form, driven headless by a Pilot
release  N synthetic releases (many experts and press contacts each) imported with `pressdesk import release`
contacts N synthetic contacts files (CONTACTS_PER_FILE people each) imported one after another, each in one change
contacts-cli  one contacts file of N people imported with `pressdesk import contacts` (a big one: a worker checks it)
migrate  open the desk, which migrates it to the newest schema

A GATE file, when given, is waited for before the work starts, so several writers begin together: each writer first
gets ready (its imports; the TUI writer's app open on the desk), then touches GATE.TAG.ready and waits. Every refusal or
error is printed on stderr, one line each; the exit code is 0 only if every call succeeded."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

EXPERTS_PER_RELEASE = 30
CONTACTS_PER_RELEASE = 12
CONTACTS_PER_FILE = 1500
STARTED = "started"
"""What the cli writer prints once its first call is logged, and the migrate writer once imported, before opening."""


def cli_subject(tag: str, i: int) -> str:
    """The subject a command-line writer gives its i-th call."""
    return f"cli-{tag}-{i}"


def tui_subject(tag: str, i: int) -> str:
    """The subject the TUI writer gives its i-th call."""
    return f"tui-{tag}-{i}"


MOBILE_BLOCKS = ("07400", "07500", "07800", "07900", "07412", "07512", "07812", "07912")


def phone(tag: str, i: int) -> str:
    """A valid UK mobile number of one writer's i-th caller (each writer its own block)."""
    return f"{MOBILE_BLOCKS[int(tag) % len(MOBILE_BLOCKS)]} {100000 + i % 900000}"


def word(n: int) -> str:
    """A made-up capitalised name for a number (letters only, as names are): 0 -> Ba, 1 -> Be, 27 -> Beba..."""
    syllables = ("ba", "be", "bi", "bo", "da", "de", "di", "do", "ka", "ke", "ki", "ko", "la", "le", "li", "lo")
    out = ""
    while True:
        out = syllables[n % 16] + out
        n //= 16
        if not n:
            return out.capitalize()


def release_text(tag: str, i: int) -> str:
    """A press release naming EXPERTS_PER_RELEASE experts and CONTACTS_PER_RELEASE media contacts."""
    who = word(5000 + int(tag) * 100000 + i)
    experts = "\n".join(
        f"- Dr {word(k)} {who}, Reader in Field Studies, University of Somewhere" for k in range(EXPERTS_PER_RELEASE)
    )
    contacts = "\n\n".join(
        f"{word(k + 100)} {who}\nPress Officer\nUniversity of Somewhere\n"
        f"0161 {300 + (int(tag) * 97 + i) % 600} {1000 + k:04d}\n{word(k + 100).lower()}.{who.lower()}@somewhere.ac.uk"
        for k in range(CONTACTS_PER_RELEASE)
    )
    return (
        f"FOR IMMEDIATE RELEASE\n\nStudy number {tag}-{i} finds things\n\n"
        + "A long paragraph about the study. " * 40
        + f"\n\nSpokespeople available for interview:\n{experts}\n\nENDS\n\nMedia contacts:\n\n{contacts}\n"
    )


def contacts_domain(tag: str, i: int) -> str:
    """The email domain every person of one writer's i-th contacts file has (so a proof can count each file)."""
    return f"f{tag}n{i}.somewhere.ac.uk"


def contacts_csv(tag: str, i: int, people: int = CONTACTS_PER_FILE) -> str:
    """An Outlook-style contacts file of that many journalists, each with their own address."""
    rows = ["First Name,Last Name,Company,Job Title,E-mail Address"]
    for k in range(people):
        first, last = word(k), word(20000 + i)
        rows.append(f"{first},{last},Outlet {word(k % 40)},Reporter,{first.lower()}.{k}@{contacts_domain(tag, i)}")
    return "\n".join(rows) + "\n"


def scratch(desk: str) -> Path:
    """Where a writer puts its files: PRESSDESK_WRITER_DIR (a server desk has no folder), else beside the desk file."""
    folder = os.environ.get("PRESSDESK_WRITER_DIR")
    return Path(folder) if folder else Path(desk).parent


def stop_file(desk: str) -> Path:
    """The file whose appearance stops an endless writer: DESK.stop, or writers.stop in PRESSDESK_WRITER_DIR."""
    folder = os.environ.get("PRESSDESK_WRITER_DIR")
    return Path(folder) / "writers.stop" if folder else Path(desk + ".stop")


def contacts_writer(desk: str, n: int, tag: str) -> int:
    """Import n synthetic contacts files, each in its own write (all of a file or none of it)."""
    from pressdesk.services.contact_import import import_contacts
    from pressdesk.store import open_desk

    folder = scratch(desk)
    opened = open_desk(desk)
    for i in range(n):
        path = folder / f"contacts-{tag}-{i}.csv"
        path.write_text(contacts_csv(tag, i), encoding="utf-8")
        with opened.write() as session:
            import_contacts(session, who="Importer", region="GB", files=[path])
        print(f"imported file {i}", flush=True)
    opened.dispose()
    return 0


def contacts_cli_writer(desk: str, n: int, tag: str) -> int:
    """Write one contacts file of n people and import it through the command line, in one change."""
    path = scratch(desk) / f"contacts-cli-{tag}.csv"
    path.write_text(contacts_csv(tag, 0, n), encoding="utf-8")
    print(f"written {n} people", flush=True)
    ok = _cli(desk, "import", "contacts", str(path))
    print("imported file 0", flush=True)
    return 0 if ok else 1


def _cli(desk: str, *args: str) -> bool:
    """Run one pressdesk command in this process; True when it succeeded (a refusal is printed on stderr)."""
    from pressdesk.cli import main

    try:
        main(["--db", desk, "--officer", "Writer", *args], prog_name="pressdesk", standalone_mode=False)
    except SystemExit as exc:
        return not exc.code
    except Exception as exc:  # noqa: BLE001 - the proof counts failures; each is reported
        print(f"FAILED: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        return False
    return True


def at_gate(gate: str | None, tag: str) -> None:
    """Say this writer is ready, then wait until the gate file appears (no gate: go at once)."""
    if gate is None:
        return
    Path(f"{gate}.{tag}.ready").touch()
    while not Path(gate).exists():
        time.sleep(0.005)


def cli_writer(desk: str, n: int, tag: str, gate: str | None = None) -> int:
    """Log n calls through the command line; n = 0: until a file DESK.stop appears. Prints how many were logged."""
    import pressdesk.cli  # noqa: F401 - imported before the gate, so the writers start writing together

    at_gate(gate, tag)
    ok = i = 0
    stop = stop_file(desk)
    while (i < n) if n else not stop.exists():
        args = ["--phone", phone(tag, i), "--journalist", f"Caller {tag} {i}", "--subject", cli_subject(tag, i)]
        ok += _cli(desk, "log", *args, "--deadline", "+2h")
        i += 1
        if i == 1:
            print(STARTED, flush=True)
    print(f"logged {ok} of {i}", flush=True)
    return 0 if ok == i else 1


def release_writer(desk: str, n: int, tag: str) -> int:
    """Import n synthetic releases through the command line."""
    folder = scratch(desk)
    ok = 0
    for i in range(n):
        path = folder / f"release-{tag}-{i}.txt"
        path.write_text(release_text(tag, i), encoding="utf-8")
        ok += _cli(desk, "import", "release", str(path))
        print(f"imported release {i}", flush=True)
    return 0 if ok == n else 1


async def settle_top(pilot) -> None:
    """Wait until the desk is open, the screen on top has no look-up waiting for typing to pause and neither it nor
    the app has a worker running. The desk screen's reloads are not waited for: the other writers commit all the
    time, the desk reloads at each poll that sees a commit, and tests/tui's settle, which waits for every worker,
    waited minutes for a quiet moment."""

    from contextlib import suppress

    from textual.worker import WorkerCancelled, WorkerFailed, WorkerState

    from pressdesk.tui.debounce import LOOKUP_DELAY, waiting
    from pressdesk.tui.screens.desk import DeskScreen

    app = pilot.app
    for _ in range(500):
        await pilot.pause()
        top = app.screen
        if app.backend is None or waiting(top):  # the desk is still opening, or a look-up waits for typing to pause
            await pilot.pause(LOOKUP_DELAY / 3)
            continue
        ours = {app} if isinstance(top, DeskScreen) else {app, top}
        running = [
            w
            for w in app.workers
            if w.node in ours and w.group != app.WATCH_GROUP and w.state in (WorkerState.PENDING, WorkerState.RUNNING)
        ]
        if not running:
            await pilot.pause()
            if app.screen is top and not waiting(top):
                return
            continue
        for worker in running:
            with suppress(WorkerCancelled, WorkerFailed):
                await worker.wait()
    raise AssertionError("the screen on top never settled")


def paint_nothing(screen) -> None:
    """A headless screen's refresh in the TUI writer: its widgets are laid out as ever, but not rendered into the
    strips a headless driver throws away (as in tests/tui): under the other writers' commits the desk reloaded and
    repainted every second, and painting was most of the TUI writer's CPU."""
    screen._dirty_widgets.clear()


async def _tui(desk: str, n: int, tag: str, gate: str | None = None) -> int:
    """Log n calls through the TUI's log form: n, then number, subject, deadline and name each pasted into its field
    (typing key by key, each key waiting on a screen the other writers keep reloading, took minutes), ctrl+s."""
    from textual.events import Paste
    from textual.screen import Screen

    from pressdesk.settings import Settings
    from pressdesk.tui.app import build_app
    from pressdesk.tui.screens.desk import DeskScreen

    Screen._compositor_refresh = paint_nothing
    app = build_app(Settings(region="GB", officer="TUI Writer", timezone="Europe/London"), target=desk)
    saved = 0
    async with app.run_test(size=(160, 45)) as pilot:

        async def paste(text: str, *then: str) -> None:
            """Paste text into the focused field, as a terminal does, then press the keys after it."""
            app.post_message(Paste(text))
            await pilot.pause()
            await pilot.press(*then)

        await settle_top(pilot)
        if gate is not None:  # the app is open on the desk: ready, the other writers wait until now
            Path(f"{gate}.{tag}.ready").touch()
            while not Path(gate).exists():
                await asyncio.sleep(0.005)
        for i in range(n):
            await pilot.press("n")
            await paste(phone(tag, 50000 + i), "tab")
            await paste(tui_subject(tag, i), "tab")
            await paste("+2h", "tab", "tab")
            await settle_top(pilot)
            await paste(f"Tui Caller {i}")
            await settle_top(pilot)
            await pilot.press("ctrl+s")
            await settle_top(pilot)
            if isinstance(app.screen, DeskScreen):
                saved += 1
            else:
                print(f"FAILED: the form stayed open for call {i}", file=sys.stderr, flush=True)
                await pilot.press("escape")
                await settle_top(pilot)
    return 0 if saved == n else 1


def migrate(desk: str) -> int:
    """Open the desk, migrating it."""
    from pressdesk.store import open_desk

    print(STARTED, flush=True)  # a proof times its kill from here, past the imports
    open_desk(desk).dispose()
    return 0


def main(argv: list[str]) -> int:
    """Run one writer; with a gate, it gets ready, then waits at the gate."""
    kind, desk, n, tag = argv[0], argv[1], int(argv[2]), argv[3]
    gate = argv[4] if len(argv) > 4 else None
    if kind == "cli":
        return cli_writer(desk, n, tag, gate)
    if kind == "tui":
        return asyncio.run(_tui(desk, n, tag, gate))
    at_gate(gate, tag)
    if kind == "release":
        return release_writer(desk, n, tag)
    if kind == "contacts":
        return contacts_writer(desk, n, tag)
    if kind == "contacts-cli":
        return contacts_cli_writer(desk, n, tag)
    if kind == "migrate":
        return migrate(desk)
    raise SystemExit(f"unknown writer {kind}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
