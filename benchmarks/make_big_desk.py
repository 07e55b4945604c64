"""Build a big, realistic desk (1,000,000 enquiries by default) fast, for the start-up and query benchmarks."""

from __future__ import annotations

import argparse
import importlib.util
import random
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

BATCH = 50_000
OPEN = ("new", "triaged", "routed", "scheduled")


def words(text: str) -> tuple[str, ...]:
    """The words of a text, as a tuple."""
    return tuple(text.split())


BULK_TABLES = (
    "outlet",
    "journalist",
    "contact_point",
    "expert",
    "release",
    "enquiry",
    "interview_request",
    "activity",
    "coverage",
)

FIRST = words(
    "Aisha Alex Alice Amara Amy Andrew Anna Ben Beth Callum Carlos Charlotte Chloe Chris Claire Dan Daniel David "
    "Deborah Elena Ella Emily Emma Fatima Felix Fiona Freya George Grace Hannah Harry Helen Ian Imogen Isaac Jack "
    "James Jamie Jane Jennifer Jess Joe John Jonas Josh Julia Kate Katie Kwame Laura Leo Liam Lily Lucy Luke Maria "
    "Mark Martha Matt Megan Mei Michael Mohammed Naomi Nathan Nia Nick Noah Olivia Omar Oscar Patrick Paul Peter "
    "Priya Rachel Raj Rebecca Richard Robert Rosie Ruth Ryan Sam Samantha Sara Sean Simon Sophie Stephen Tom Una "
    "Victoria Will Yusuf Zara Zoe"
)
LAST = words(
    "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts "
    "Green Hall Wood Jackson Clarke Patel Khan Lewis James Phillips Mason Mitchell Rose Davis Rodriguez Cox "
    "Alexander Morgan Moore Martin Price Turner Hill Scott Cooper Ward Morris King Watson Baker Harrison Young "
    "Allen Carter Anderson Bell Murphy Kelly Campbell Stewart Reid Hughes Edwards Collins Shaw Lloyd Ellis Hartmann "
    "Schmidt Muller Dubois Laurent Rossi Ferrari Garcia Lopez Novak Kowalski Wisniewski Nowak Okafor Adeyemi "
    "Mensah Chen Wang Li Zhang Liu Tan Lim Nguyen Kim Park Sato Suzuki Singh Sharma Gupta Ahmed Hussain Ali "
    "Smithson Goldsmith Hendricks Fraser Byrne Murray Doyle Quinn Walsh Brennan OConnor Sullivan"
)
PLACES = words(
    "London Manchester Leeds Bristol Glasgow Edinburgh Cardiff Belfast Dublin Paris Berlin Bonn Madrid Rome "
    "Vienna Zurich Geneva Brussels Amsterdam Oslo Stockholm Helsinki Warsaw Prague Lisbon Athens Sydney Toronto "
    "Boston Chicago Denver Seattle Auckland Delhi Mumbai Lagos Nairobi Cairo Singapore Tokyo Seoul Yorkshire "
    "Kent Devon Cornwall Norfolk Suffolk Essex Highland Tyneside Merseyside Solent Thames Severn Mersey Clyde"
)
FORMATS = (
    "{} Gazette",
    "{} Evening Post",
    "The {} Times",
    "{} Radio",
    "{} Today",
    "{} Herald",
    "{} Live",
    "{} Echo",
    "{} Chronicle",
    "{} Standard",
    "{} Observer",
    "{} News Agency",
    "{} TV",
    "{} Tribune",
    "{} Courier",
    "{} Mercury",
    "{} Journal",
    "{} Review",
    "{} Weekly",
    "{} Podcast Network",
)
NATIONAL = (
    "The Guardian",
    "BBC News",
    "The Times",
    "Financial Times",
    "Reuters",
    "Associated Press",
    "Sky News",
    "The Economist",
    "Channel 4 News",
    "ITV News",
    "Daily Telegraph",
    "The Independent",
    "Deutsche Welle",
    "Le Monde",
    "Al Jazeera English",
    "Bloomberg",
    "The New York Times",
    "Washington Post",
    "ABC Australia",
    "RTE",
    "Press Association",
    "New Scientist",
    "Nature News",
    "Times Higher Education",
    "The Conversation",
)
KINDS = ("newspaper", "broadcaster", "agency", "magazine", "online", "radio", "podcast")
ROLES = (
    "Reporter",
    "Senior reporter",
    "Correspondent",
    "Producer",
    "Researcher",
    "Editor",
    "News editor",
    "Health correspondent",
    "Science editor",
    "Political correspondent",
    "Education correspondent",
    "Business reporter",
    "Data journalist",
    "Freelance",
    "Presenter",
    "Features writer",
    "Forward planner",
)
BEATS = (
    "health",
    "science",
    "politics",
    "education",
    "economy",
    "climate",
    "defence",
    "security",
    "technology",
    "crime",
    "courts",
    "transport",
    "housing",
    "culture",
    "sport",
    "business",
    "foreign affairs",
    "environment",
)
TOPICS = (
    "IS-K resilience after Taliban crackdown",
    "northern England winter flood risk",
    "community waiting lists",
    "AI marking of pupils' work",
    "REF 2029 research assessment rules",
    "Pakistan-Afghanistan border security",
    "international student visa cap",
    "heat-health warnings",
    "UK voting intention polling",
    "populism and the Australian election",
    "university robotics contract",
    "flood insurance costs",
    "climate attribution of winter storms",
    "NHS elective backlog",
    "energy price cap",
    "inflation and interest rates",
    "housing affordability for graduates",
    "microplastics in rivers",
    "bird flu in dairy herds",
    "antimicrobial resistance",
    "four-day working week trial",
    "childhood obesity figures",
    "teacher shortages",
    "university finances and redundancies",
    "free speech on campus",
    "China-Taiwan tensions",
    "Ukraine grain exports",
    "Sahel coups and French withdrawal",
    "Red Sea shipping attacks",
    "Gaza humanitarian access",
    "election deepfakes",
    "online safety act enforcement",
    "rail strikes",
    "junior doctors' pay dispute",
    "social care workforce",
    "dementia drug trials",
    "long Covid clinics",
    "obesity jabs and the NHS",
    "net zero targets",
    "heat pumps uptake",
    "offshore wind auctions",
    "carbon capture projects",
    "wildfire smoke and health",
    "drought and water companies",
    "sewage discharges",
    "coastal erosion in Norfolk",
    "grooming gangs inquiry",
    "prison overcrowding",
    "knife crime statistics",
    "policing protests",
    "asylum hotels",
    "small boats crossings",
    "Brexit border checks",
    "food prices and supermarkets",
    "cost of living and food banks",
    "pension triple lock",
    "minimum wage rise",
    "youth unemployment",
    "gender pay gap reporting",
    "diversity in newsrooms",
    "local news closures",
    "BBC licence fee",
    "space debris",
    "James Webb telescope images",
    "quantum computing race",
    "semiconductor supply chains",
    "cyber attack on councils",
    "ransomware on hospitals",
    "facial recognition cameras",
    "smart motorways",
    "electric vehicle batteries",
    "lithium mining in Cornwall",
    "fusion energy milestone",
    "bee decline",
    "rewilding beavers",
    "ash dieback",
    "Amazon deforestation",
    "coral bleaching",
    "El Nino forecast",
    "Antarctic sea ice",
    "Greenland melt",
    "monsoon floods in Pakistan",
    "earthquake preparedness in Turkey",
    "Indian general election",
    "US midterms",
    "EU enlargement",
    "NATO spending",
    "Arctic security",
    "North Korea missile tests",
    "Iran nuclear talks",
    "Sudan conflict",
    "Ethiopia ceasefire",
    "Haiti gangs",
    "Venezuela migration",
    "Mexico cartel violence",
    "Brazil Lula reforms",
    "Argentina Milei economy",
    "Japan ageing population",
    "South Korea birth rate",
    "Chinese property crisis",
    "Hong Kong national security",
    "Myanmar junta",
    "Afghan women's education",
    "Taliban and IS-K rivalry",
    "Islamic State Khorasan recruitment",
)
LEADS = (
    "Interview request: {}",
    "Comment on {}",
    "Quick quote on {} for wire story",
    "Data request: {}",
    "Background briefing on {}",
    "Can an expert talk about {}?",
    "Live two-way on {}",
    "Images for story on {}",
    "Pre-record for podcast on {}",
    "Explainer on {}",
    "Reaction to new figures on {}",
    "Fact-check: {}",
    "Panel guest on {}",
    "Embargoed copy of report on {}",
    "Filming request: {}",
    "Follow-up: {}",
)
PROGRAMMES = (
    "",
    "",
    "",
    "",
    " (Today programme)",
    " for News at One",
    " for evening bulletin",
    " - 2 lines please",
    " for Sunday edition",
    " (auf Deutsch)",
    " for website live blog",
    " before 6pm",
)
NOTES = (
    "Chased by email, no reply yet.",
    "Prefers pre-recorded.",
    "Down-the-line from the office studio.",
    "Needs a named spokesperson.",
    "Happy with background only.",
    "Asked for the methodology note.",
    "Wants hi-res images with credits.",
    "Left voicemail.",
    "Will call back after 3pm.",
    "Embargo agreed with the journalist.",
    "Sent the press release and contact details.",
)
OFFICERS = (
    "Jamie Hose",
    "Priya Natarajan",
    "Tom Fielding",
    "Ana Sousa",
    "Ruth Okoye",
    "Ben Marsh",
    "Claire Dunne",
    "Mo Rahman",
    "Sofia Berg",
    "Dan Whitley",
    "Lena Vogel",
    "Kit Mercer",
)
EXPERT_TITLES = ("Professor", "Associate Professor", "Lecturer", "Visiting Fellow", "Research Fellow", "Director")
AFFILIATIONS = (
    "Department of Economics",
    "Grantham Research Institute",
    "LSE IDEAS",
    "Department of Government",
    "School of Public Health",
    "Institute of Education",
    "Department of Geography",
    "Centre for Economic Performance",
    "Department of International Relations",
    "School of Law",
    "Department of Psychology",
    "Data Science Institute",
)
TYPES = (
    ("interview",) * 25 + ("comment",) * 35 + ("information",) * 20 + ("data",) * 8 + ("images",) * 7 + ("other",) * 5
)
CHANNELS = ("phone",) * 45 + ("email",) * 40 + ("message",) * 8 + ("social",) * 4 + ("in_person", "other", "other")
PRIORITIES = ("normal",) * 70 + ("high",) * 18 + ("low",) * 8 + ("urgent",) * 4
CLOSED = ("done",) * 80 + ("declined",) * 12 + ("withdrawn",) * 8
OPEN_WEIGHTED = ("new",) * 35 + ("triaged",) * 25 + ("routed",) * 25 + ("scheduled",) * 15


def stamp(when: datetime) -> str:
    """SQLAlchemy's SQLite DateTime text for a naive UTC time."""
    return when.strftime("%Y-%m-%d %H:%M:%S.%f")


def load_sources() -> dict[str, tuple[int, str]]:
    """The SOURCES dict of the search-folding migration (rowid code and text expression per indexed table)."""
    import pressdesk.store.migrate as migrate

    (path,) = (Path(migrate.__file__).with_name("migrations") / "versions").glob("*_search_folded.py")
    spec = importlib.util.spec_from_file_location("pressdesk_migration_search_folded", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SOURCES


def batches(rows: Iterable[tuple], size: int = BATCH) -> Iterator[list[tuple]]:
    """Cut an iterable of rows into lists of at most `size`."""
    chunk: list[tuple] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def insert(con: sqlite3.Connection, table: str, columns: Sequence[str], rows: Iterable[tuple]) -> int:
    """executemany in batches of BATCH, one explicit transaction per batch; return the number of rows."""
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    n = 0
    for chunk in batches(rows):
        con.execute("BEGIN")
        con.executemany(sql, chunk)
        con.execute("COMMIT")
        n += len(chunk)
    return n


TRACKED = ("version", "created_at", "updated_at", "updated_by")


class Builder:
    """Generates the rows of every table from one seeded random source."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.rng = random.Random(args.seed)
        self.facts = random.Random(args.seed + 1)  # response times and coverage: the first stream stays as it was
        self.now = datetime.now(UTC).replace(tzinfo=None)
        self.start = self.now - timedelta(days=3 * 365)
        self.made = stamp(self.start - timedelta(days=30))
        self.outlets: list[str] = []
        self.journalists: list[tuple[str, int]] = []  # (name, outlet_id)
        self.domains: list[str] = []

    def outlet_rows(self) -> Iterator[tuple]:
        """National outlets plus local/trade ones, unique by name key."""
        seen: set[str] = set()
        names = list(NATIONAL) + [f.format(p) for p in PLACES for f in FORMATS]
        for name in names:
            key = " ".join(name.split()).casefold()
            if key in seen:
                continue
            seen.add(key)
            self.outlets.append(name)
            domain = "".join(ch for ch in key if ch.isalnum()) + ".example"
            self.domains.append(domain)
            oid = len(self.outlets)
            yield (1, self.made, self.made, "bench", oid, name, key, "GB", self.rng.choice(KINDS), domain)

    def journalist_rows(self) -> Iterator[tuple]:
        """Journalists at random outlets (a few national outlets employ many)."""
        from pressdesk.validation.names import name_key

        rng = self.rng
        n_out = len(self.outlets)
        for jid in range(1, self.args.journalists + 1):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            oid = rng.randint(1, len(NATIONAL)) if rng.random() < 0.3 else rng.randint(1, n_out)
            self.journalists.append((name, oid))
            beat = ", ".join(rng.sample(BEATS, 2))
            notes = rng.choice(NOTES) if rng.random() < 0.1 else ""
            chan = "email" if rng.random() < 0.4 else "phone"
            key = name_key(name)
            yield (1, self.made, self.made, "bench", jid, name, key, oid, rng.choice(ROLES), beat, chan, notes)

    def mobile(self, n: int) -> str:
        """A unique, valid UK mobile number in E.164 (07[1-5,8]x xxx xxxx)."""
        return f"+447{(1, 2, 3, 4, 5, 8)[n % 6]}{(n * 7919) % 100_000_000:08d}"

    def contact_rows(self) -> Iterator[tuple]:
        """A mobile and an email per journalist, a second phone for some; a landline and email per expert."""
        rng = self.rng
        pid = 0
        for jid, (name, oid) in enumerate(self.journalists, start=1):
            local = ".".join(name.lower().split()) + (str(jid) if jid > 5000 else "")
            email = f"{local}@{self.domains[oid - 1]}"
            pid += 1
            yield (pid, jid, None, None, "email", email, email, "", email.casefold(), 1, "", "work", 0)
            e164 = self.mobile(jid)
            pid += 1
            yield (pid, jid, None, None, "phone", national(e164), e164, "", e164, 1, "", "mobile", 1)
            if rng.random() < 0.25:
                desk = f"+44203{(jid * 104729) % 10_000_000:07d}"
                pid += 1
                yield (pid, jid, None, None, "phone", national(desk), desk, "", desk, 1, "", "desk", 2)
        for eid in range(1, self.args.experts + 1):
            e164 = f"+4420795{eid:05d}"
            pid += 1
            yield (pid, None, eid, None, "phone", national(e164), e164, "", e164, 1, "", "office", 0)
            email = f"expert{eid}@lse.example.ac.uk"
            pid += 1
            yield (pid, None, eid, None, "email", email, email, "", email, 1, "", "work", 1)

    def expert_rows(self) -> Iterator[tuple]:
        """Experts with topics drawn from the subject vocabulary."""
        rng = self.rng
        for eid in range(1, self.args.experts + 1):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            topics = ", ".join(rng.sample(TOPICS, 4))
            yield (
                1,
                self.made,
                self.made,
                "bench",
                eid,
                name,
                rng.choice(("Dr", "Prof", "")),
                rng.choice(EXPERT_TITLES),
                rng.choice(AFFILIATIONS),
                topics,
                rng.choice(("en", "en, fr", "en, de", "en, es")),
                "09:00-17:30",
                "",
                int(rng.random() < 0.6),
                "",
                rng.choice((2, 3, 4, 5)),
                "",
            )

    def release_rows(self) -> Iterator[tuple]:
        """About one release a day over the three years, with a few paragraphs of text each."""
        rng = self.rng
        for rid in range(1, self.args.releases + 1):
            day = self.start + timedelta(days=rid * 3 * 365 / self.args.releases)
            topic = rng.choice(TOPICS)
            title = f"New research on {topic}"
            body = " ".join(
                f"Researchers report new findings on {rng.choice(TOPICS)}. {rng.choice(NOTES)}" for _ in range(12)
            )
            yield (1, stamp(day), stamp(day), "bench", rid, title, day.date().isoformat(), None, body, "bench")

    def answered(self, received: datetime, status: str, updated: datetime) -> tuple[str | None, str | None]:
        """The stored first response and closing time: answered within minutes to hours, closed when last updated."""
        if status == "new":
            return None, None
        closed = status not in OPEN
        latest = updated if closed else self.now
        first = received + (latest - received) * min(1.0, self.facts.expovariate(1 / 0.1))
        return stamp(max(first, received + timedelta(minutes=1))), stamp(updated) if closed else None

    def enquiry_rows(self, activity: list[tuple], interviews: list[tuple], coverage: list[tuple]) -> Iterator[tuple]:
        """Enquiries in id order over three years; ~open-fraction open among the newest quarter, due around now."""
        a, rng, n = self.args, self.rng, self.args.enquiries
        span = (self.now - self.start).total_seconds()
        newest = max(1, n // 4)
        p_open = min(1.0, a.open_fraction * n / newest)
        n_j, n_r = len(self.journalists), a.releases
        iid = 0
        for eid in range(1, n + 1):
            received = self.start + timedelta(seconds=span * (eid - 1 + rng.random()) / n)
            jid = int(n_j * rng.random() ** 2) + 1 if rng.random() < 0.5 else rng.randint(1, n_j)
            jname, oid = self.journalists[jid - 1]
            kind = rng.choice(TYPES)
            subject = rng.choice(LEADS).format(rng.choice(TOPICS)) + rng.choice(PROGRAMMES)
            is_open = eid > n - newest and rng.random() < p_open
            if is_open:
                status = rng.choice(OPEN_WEIGHTED)
                due = None if rng.random() < 0.1 else self.now + timedelta(minutes=rng.uniform(-3 * 1440, 10 * 1440))
                updated = received
            else:
                status = rng.choice(CLOSED)
                due = None if rng.random() < 0.15 else received + timedelta(minutes=rng.uniform(30, 3 * 1440))
                updated = received + timedelta(minutes=rng.uniform(5, 5 * 1440))
            officer = "" if (is_open and status == "new") else rng.choice(OFFICERS)
            notes = rng.choice(NOTES) if rng.random() < 0.3 else ""
            rid = rng.randint(1, n_r) if rng.random() < 0.15 else None
            rec = stamp(received)
            yield (
                1,
                rec,
                stamp(updated),
                officer or "bench",
                eid,
                rec,
                rng.choice(CHANNELS),
                jid,
                oid,
                kind,
                subject,
                rid,
                stamp(due) if due else None,
                rng.choice(PRIORITIES),
                status,
                officer,
                notes,
                None,
                *self.answered(received, status, updated),
            )
            if status == "done" and self.facts.random() < 0.05:
                day = (updated + timedelta(days=1)).date().isoformat()
                url = f"https://{self.domains[oid - 1]}/news/{eid}"
                coverage.append((1, stamp(updated), stamp(updated), "bench", eid, oid, day, url, subject[:200], ""))
            summary = f"Logged {kind} enquiry from {jname}: {subject}"
            activity.append((rec, officer or "bench", "create", "enquiry", eid, eid, summary, ""))
            if kind == "interview" and rng.random() < 0.6:
                iid += 1
                ir_status = {
                    "scheduled": "scheduled",
                    "done": "done",
                    "declined": "declined",
                    "withdrawn": "cancelled",
                    "routed": "accepted",
                }.get(status, "offered")
                booked = ir_status in ("scheduled", "done")
                slot = ((due or received + timedelta(days=1)) - timedelta(hours=1)).replace(second=0, microsecond=0)
                interviews.append(
                    (
                        1,
                        rec,
                        stamp(updated),
                        officer or "bench",
                        iid,
                        eid,
                        rng.randint(1, a.experts),
                        ir_status,
                        stamp(slot) if booked else None,
                        stamp(slot + timedelta(minutes=30)) if booked else None,
                        rng.choice(("radio", "phone", "tv", "online", "print")) if booked else "",
                        "",
                        "",
                    )
                )


def national(e164: str) -> str:
    """A GB number as people type it (national format), e.g. 07912 345678 or 020 7955 0001."""
    digits = "0" + e164[3:]
    if digits.startswith("02"):
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    return f"{digits[:5]} {digits[5:]}"


def check_phones(b: Builder) -> None:
    """Make sure the generated numbers are valid and typed national forms read back to the same E.164."""
    from pressdesk.validation import parse_phone

    samples = [b.mobile(n) for n in range(1, 2000, 7)] + [f"+44203{(n * 104729) % 10_000_000:07d}" for n in (1, 99)]
    samples += [f"+4420795{n:05d}" for n in (1, 300)]
    for e164 in samples:
        result = parse_phone(national(e164), "GB")
        if not (result.valid and result.e164 == e164):
            raise SystemExit(f"generated number {e164} ({national(e164)}) does not validate: {result.error}")


def saved_sql(con: sqlite3.Connection, kind: str, tables: Sequence[str]) -> list[tuple[str, str]]:
    """(name, sql) of the explicit indexes or triggers on these tables, as the schema holds them."""
    marks = ", ".join("?" * len(tables))
    return con.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL AND tbl_name IN ({marks})",
        (kind, *tables),
    ).fetchall()


def main(argv: Sequence[str] | None = None) -> int:
    """Create and migrate the desk with open_desk, then bulk-load it with the sqlite3 module."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("path", type=Path)
    p.add_argument("--enquiries", type=int, default=1_000_000)
    p.add_argument("--journalists", type=int, default=50_000)
    p.add_argument("--experts", type=int, default=300)
    p.add_argument("--releases", type=int, default=1_100)
    p.add_argument("--open-fraction", type=float, default=0.02)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--fts",
        choices=("bulk", "triggers"),
        default="bulk",
        help="bulk: drop the search triggers, fill search_index with one INSERT ... SELECT per table, recreate "
        "them (default); triggers: let the triggers index every row as it is inserted",
    )
    p.add_argument("--keep-indexes", action="store_true", help="insert with the secondary indexes in place (slower)")
    p.add_argument("--force", action="store_true", help="replace the file if it exists")
    args = p.parse_args(argv)

    path: Path = args.path.expanduser().resolve()
    if path.exists():
        if not args.force:
            p.error(f"{path} exists; pass --force to replace it")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)

    t0 = time.perf_counter()
    phases: list[tuple[str, float]] = []

    def phase(name: str, since: float) -> float:
        now = time.perf_counter()
        phases.append((name, now - since))
        print(f"  {name:<34} {now - since:8.1f} s", flush=True)
        return now

    from pressdesk.store import open_desk

    desk = open_desk(path)
    desk.dispose()
    t = phase("open_desk (create + migrate)", t0)

    from pressdesk.store import search

    con = sqlite3.connect(path, isolation_level=None)
    search.register(con)  # the search triggers (and the bulk fill) fold text with it
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = OFF")
    con.execute("PRAGMA cache_size = -1000000")
    con.execute("PRAGMA temp_store = MEMORY")
    con.execute("PRAGMA foreign_keys = OFF")
    indexes = [] if args.keep_indexes else saved_sql(con, "index", BULK_TABLES)
    triggers = saved_sql(con, "trigger", BULK_TABLES) if args.fts == "bulk" else []
    for name, _ in indexes:
        con.execute(f"DROP INDEX {name}")
    for name, _ in triggers:
        con.execute(f"DROP TRIGGER {name}")

    b = Builder(args)
    check_phones(b)
    counts: dict[str, int] = {}
    cols_outlet = (*TRACKED, "id", "name", "name_key", "country", "kind", "website")
    counts["outlet"] = insert(con, "outlet", cols_outlet, b.outlet_rows())
    cols_j = (*TRACKED, "id", "name", "name_key", "outlet_id", "role", "beat", "preferred_channel", "notes")
    counts["journalist"] = insert(con, "journalist", cols_j, b.journalist_rows())
    cols_e = (
        *TRACKED,
        "id",
        "name",
        "honorific",
        "title",
        "affiliation",
        "topics",
        "languages",
        "working_hours",
        "blocked_dates",
        "media_trained",
        "conflicts",
        "weekly_limit",
        "notes",
    )
    counts["expert"] = insert(con, "expert", cols_e, b.expert_rows())
    cols_cp = (
        "id",
        "journalist_id",
        "expert_id",
        "press_contact_id",
        "kind",
        "raw",
        "value",
        "extension",
        "lookup_key",
        "valid",
        "problem",
        "label",
        "position",
    )
    counts["contact_point"] = insert(con, "contact_point", cols_cp, b.contact_rows())
    cols_r = (*TRACKED, "id", "title", "issued_on", "embargo_until", "body", "source")
    counts["release"] = insert(con, "release", cols_r, b.release_rows())
    t = phase("people, outlets, releases", t)

    activity: list[tuple] = []
    interviews: list[tuple] = []
    cols_enq = (
        *TRACKED,
        "id",
        "received_at",
        "channel",
        "journalist_id",
        "outlet_id",
        "type",
        "subject",
        "release_id",
        "deadline",
        "priority",
        "status",
        "officer",
        "notes",
        "statement_id",
        "first_response_at",
        "closed_at",
    )
    coverage: list[tuple] = []
    counts["enquiry"] = insert(con, "enquiry", cols_enq, b.enquiry_rows(activity, interviews, coverage))
    t = phase(f"enquiry{' (+ FTS triggers)' if args.fts == 'triggers' else ''}", t)
    cols_ir = (
        *TRACKED,
        "id",
        "enquiry_id",
        "expert_id",
        "status",
        "slot_start",
        "slot_end",
        "format",
        "place",
        "notes",
    )
    counts["interview_request"] = insert(con, "interview_request", cols_ir, interviews)
    cols_a = ("at", "who", "action", "entity", "entity_id", "enquiry_id", "summary", "changes")
    counts["activity"] = insert(con, "activity", cols_a, activity)
    cols_c = (*TRACKED, "enquiry_id", "outlet_id", "published_on", "url", "headline", "note")
    counts["coverage"] = insert(con, "coverage", cols_c, coverage)
    del activity, interviews, coverage
    t = phase("interview_request, activity", t)

    if triggers:
        sources = load_sources()
        con.execute("BEGIN")
        for table, (code, body) in sources.items():
            con.execute(
                f"INSERT INTO search_index(rowid, body) SELECT ({code} << 40) + NEW.id, "
                f"{search.FOLD_FUNCTION}({body}) FROM {table} AS NEW"
            )
        con.execute("COMMIT")
        t = phase("search_index (INSERT ... SELECT)", t)
        # in one piece, as migration 0012_search_merged leaves a desk's index (a bulk fill leaves ~30: each MATCH
        # reads every piece, and a search runs 22 of them)
        con.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
        t = phase("search_index merged (FTS5 optimize)", t)
        con.execute("BEGIN")
        for _, sql in triggers:
            con.execute(sql)
        con.execute("COMMIT")
    if indexes:
        con.execute("BEGIN")
        for _, sql in indexes:
            con.execute(sql)
        con.execute("COMMIT")
        t = phase("secondary indexes", t)
    con.execute("ANALYZE")
    t = phase("ANALYZE", t)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    phase("checkpoint", t)

    total = time.perf_counter() - t0
    size = path.stat().st_size
    print("rows: " + ", ".join(f"{n:,} {k}" for k, n in counts.items()))
    print(f"built {path} in {total:.1f} s ({total / 60:.1f} min); file size {size / 2**20:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
