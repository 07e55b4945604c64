"""Time importing 100,000 contacts next to the validation loop alone (phonenumbers + email-validator), same rows.

    .venv/bin/python benchmarks/import_contacts.py [--rows 100000] [--seed 1] [--keep DIR]

Writes an Outlook-style CSV (First Name, Last Name, Company, Job Title, E-mail Address, Mobile Phone, a Business
Phone for a third of the rows, Notes for a tenth), with ~2,000 outlets, 3 % of the people listed twice (another row,
the email in capitals) and 1 % bad values (a drama-range mobile, an email with a trailing dot). Then, in one run:

1. the validation loop alone: every phone through phonenumbers (parse, is_valid_number, E.164) and every email
   through email-validator (validate_email, no deliverability check), values already in lists; phonenumbers as it
   comes (the issue's floor), then again with its own pattern cache on (`enable_pattern_cache`, which
   pressdesk.validation turns on): both ratios are printed;
2. the same loop through pressdesk.validation as the import calls it (parse_phone(detail=False), parse_email);
3. the import into a new, empty desk: read, check, dedup, write (executemany, search triggers), commit;
4. the same import as a dry run into another new desk.

Prints the times and the ratio import / validation loop; results also go to benchmarks/out/import_contacts.md.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE.parent / "src"))

FIRST = "Ann Ben Cara Dev Eva Finn Gita Hal Isla Jon Kemi Liam Mia Nia Omar Pia Raj Sam Tara Uma Vic Wen Yas Zoe"
LAST = "Smith Jones Patel Khan Brown Reid Shah Ó'Briain Müller Okafor Nowak Rossi García Dubois Kowalski Lee"
KINDS = "Times Post Herald Gazette Echo Courier Mirror Express Chronicle Standard Journal Observer Radio TV"
PLACES = [
    f"{a}{b}"
    for a in ("North", "South", "East", "West", "Upper", "Lower", "Mid", "New")
    for b in "ABCDEFGHJKLMNOPQRSTUVWXYZ"
]
TITLES = ["Reporter", "Education Correspondent", "Health Editor", "Producer", "News Editor", "Freelance"]


def _valid(make, rnd: random.Random) -> str:
    """A number `make` draws, drawn again until phonenumbers says it is a real one (some UK ranges are unused)."""
    import phonenumbers

    while True:
        text = make(rnd)
        if phonenumbers.is_valid_number(phonenumbers.parse(text, "GB")):
            return text


def make_csv(path: Path, rows: int, seed: int) -> None:
    """Write the benchmark's contacts file."""
    rnd = random.Random(seed)
    outlets = [f"{place} {kind}" for place in PLACES for kind in KINDS.split()][:2000]
    people = []
    for n in range(rows):
        first, last = rnd.choice(FIRST.split()), f"{rnd.choice(LAST.split())}-{n}"
        mobile = _valid(lambda r, n=n: f"07{r.randint(400, 999)} {n % 1_000_000:06d}", rnd)
        email = f"{first.lower()}.{n}@{rnd.choice(['example.com', 'example.co.uk', 'news.example'])}"
        if rnd.random() < 0.005:
            mobile = f"07700 900{n % 1000:03d}"  # drama range: refused
        if rnd.random() < 0.005:
            email += "."  # trailing dot: refused
        work = (
            _valid(lambda r: f"020 7{r.randint(100, 999)} {r.randint(1000, 9999)}", rnd) if rnd.random() < 0.33 else ""
        )
        notes = "Prefers email; deadlines late afternoon" if rnd.random() < 0.1 else ""
        people.append([first, last, rnd.choice(outlets), rnd.choice(TITLES), email, mobile, work, notes])
    extra = [p[:4] + [p[4].upper(), "", "", ""] for p in rnd.sample(people, rows * 3 // 100)]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(
            [
                "First Name",
                "Last Name",
                "Company",
                "Job Title",
                "E-mail Address",
                "Mobile Phone",
                "Business Phone",
                "Notes",
            ]
        )
        writer.writerows(people[: rows - len(extra)])
        writer.writerows(extra)


def values(path: Path) -> tuple[list[str], list[str]]:
    """Every phone and email in the file, as the validation loop gets them."""
    phones, emails = [], []
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            emails += [row["E-mail Address"]] if row["E-mail Address"] else []
            phones += [v for v in (row["Mobile Phone"], row["Business Phone"]) if v]
    return phones, emails


def library_loop(phones: list[str], emails: list[str]) -> float:
    """phonenumbers and email-validator alone over the values; seconds."""
    import phonenumbers
    from email_validator import EmailNotValidError, validate_email

    start = time.perf_counter()
    for text in phones:
        try:
            number = phonenumbers.parse(text, "GB")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    for text in emails:
        with contextlib.suppress(EmailNotValidError):
            validate_email(text, check_deliverability=False)
    return time.perf_counter() - start


def pressdesk_loop(phones: list[str], emails: list[str]) -> float:
    """The same values through pressdesk.validation, as the import calls it; seconds."""
    from pressdesk.validation.emails import parse_email
    from pressdesk.validation.phones import parse_phone

    start = time.perf_counter()
    for text in phones:
        parse_phone(text, "GB", detail=False)
    for text in emails:
        parse_email(text)
    return time.perf_counter() - start


def import_once(path: Path, desk_path: Path, *, dry_run: bool, index: bool = True):
    """Import the file into a new desk (without its search triggers, as a diagnostic, if not index); (seconds,
    summary)."""
    from sqlalchemy import text

    from pressdesk.services.contact_import import import_contacts
    from pressdesk.store import open_desk

    for old in desk_path.parent.glob(desk_path.name + "*"):
        old.unlink()  # a new, empty desk every run
    desk = open_desk(desk_path)
    if not index:
        with desk.write() as session:
            for (name,) in session.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).all():
                session.execute(text(f'DROP TRIGGER "{name}"'))
    try:
        start, cpu, workers = time.perf_counter(), time.process_time(), _children_cpu()
        with desk.write() as session:
            summary = import_contacts(session, who="bench", region="GB", files=[path], dry_run=dry_run)
        CPU[desk_path.name] = (time.process_time() - cpu, _children_cpu() - workers)
        return time.perf_counter() - start, summary
    finally:
        desk.dispose()


CPU: dict[str, tuple[float, float]] = {}
"""Each import's CPU seconds by desk file name: (this process, its worker processes)."""


def _children_cpu() -> float:
    """CPU seconds of this process's ended children (the import's worker processes, once it has waited for them)."""
    import resource

    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _cpu_loop(phones: list[str], emails: list[str], *, cached: bool = False) -> tuple[float, float]:
    """library_loop's (wall, CPU) seconds: phonenumbers as it comes (its pattern cache off, as the issue defines the
    loop), or with the pattern cache on that pressdesk.validation turns on for the product."""
    from phonenumbers import re_util

    kept = re_util._COMPILED_PATTERNS
    re_util._COMPILED_PATTERNS = ({} if kept is None else kept) if cached else None
    try:
        cpu = time.process_time()
        wall = library_loop(phones, emails)
        return wall, time.process_time() - cpu
    finally:
        re_util._COMPILED_PATTERNS = kept


def main() -> None:
    """Build the file, time the loops and the imports, print and save the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="write the CSV and desks here (default: a temporary folder)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="pressdesk-import-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "contacts.csv"
    make_csv(path, args.rows, args.seed)
    phones, emails = values(path)
    import pressdesk.validation.emails  # noqa: F401 - load the libraries before timing
    import pressdesk.validation.phones  # noqa: F401

    load_before = os.getloadavg()
    before, before_cpu = _cpu_loop(phones, emails)
    cached_before, cached_before_cpu = _cpu_loop(phones, emails, cached=True)
    ours = pressdesk_loop(phones, emails)
    real, summary = import_once(path, folder / "desk.db", dry_run=False)
    after, after_cpu = _cpu_loop(phones, emails)  # again, so a machine busier at one moment than another shows
    cached_after, cached_after_cpu = _cpu_loop(phones, emails, cached=True)
    dry, dry_summary = import_once(path, folder / "dry.db", dry_run=True)
    bare, _ = import_once(path, folder / "bare.db", dry_run=False, index=False)
    load_after = os.getloadavg()
    library = (before + after) / 2
    library_cpu = (before_cpu + after_cpu) / 2
    cached = (cached_before + cached_after) / 2
    cached_cpu = (cached_before_cpu + cached_after_cpu) / 2
    main_cpu, worker_cpu = CPU["desk.db"]
    same = dry_summary.to_json() | {"dry_run": False} == summary.to_json()
    lines = [
        f"# Import {args.rows:,} contacts ({len(phones):,} phones, {len(emails):,} emails), seed {args.seed}",
        "",
        "| what | seconds | × validation loop |",
        "| --- | ---: | ---: |",
        f"| validation loop alone (phonenumbers + email-validator), mean of {before:.2f} before and {after:.2f} "
        f"after the import | {library:.2f} | 1.00 |",
        f"| the same loop with phonenumbers' pattern cache on (as pressdesk turns it on), mean of "
        f"{cached_before:.2f} and {cached_after:.2f} | {cached:.2f} | {cached / library:.2f} |",
        f"| the same through pressdesk.validation (detail=False) | {ours:.2f} | {ours / library:.2f} |",
        f"| import (read, check, dedup, write, commit) | {real:.2f} | {real / library:.2f} "
        f"({real / cached:.2f} × the loop with the pattern cache) |",
        f"| import --dry-run | {dry:.2f} | {dry / library:.2f} |",
        f"| diagnostic: import into a desk without its search triggers | {bare:.2f} | {bare / library:.2f} |",
        "",
        f"CPU seconds: validation loop {library_cpu:.2f} (mean of {before_cpu:.2f} and {after_cpu:.2f}); import "
        f"{main_cpu:.2f} in the importing process ({main_cpu / library_cpu:.2f} ×) + {worker_cpu:.2f} in its worker "
        f"process ({worker_cpu / library_cpu:.2f} ×) = {(main_cpu + worker_cpu) / library_cpu:.2f} × the loop's CPU; "
        f"against the loop with the pattern cache ({cached_cpu:.2f}): {main_cpu / cached_cpu:.2f} × + "
        f"{worker_cpu / cached_cpu:.2f} × = {(main_cpu + worker_cpu) / cached_cpu:.2f} ×",
        f"load average (1, 5, 15 min): {' '.join(f'{x:.2f}' for x in load_before)} before, "
        f"{' '.join(f'{x:.2f}' for x in load_after)} after; {os.cpu_count()} CPUs",
        "",
        f"summary: rows {summary.rows:,}, added {summary.added:,}, merged {summary.merged:,}, "
        f"updated {summary.updated:,}, unchanged {summary.unchanged:,}, rejected {len(summary.rejected):,}, "
        f"review {len(summary.review):,}; dry run the same: {same}",
    ]
    print("\n".join(lines))
    OUT.mkdir(exist_ok=True)
    (OUT / "import_contacts.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
