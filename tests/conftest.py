"""Shared fixtures: throwaway desks built in tmp_path from fixtures/, never the user's own."""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import freezegun
import pytest

import pressdesk.models.inputs
import pressdesk.models.tables  # noqa: F401
from pressdesk.settings import Settings

freezegun.configure(extend_ignore_list=["_pytest.timing"])
"""pytest times tests through _pytest.timing: a test's frozen clock must not reach --durations (freezegun's own list
names _pytest.runner. with a dot, which pytest 8's timing module is not).

The pydantic models are imported here, before any test freezes the clock: pydantic cannot build a model's schema
while freezegun has swapped `datetime` for its fake (a module of tests run alone imported them under a frozen clock
and failed; run with the rest, collection had imported them first)."""


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Point every platformdirs location at tmp_path and clear PRESSDESK_* overrides."""
    for var in ("PRESSDESK_DB", "PRESSDESK_REGION", "PRESSDESK_OFFICER", "PRESSDESK_TIMEZONE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("PRESSDESK_HOME", str(tmp_path / "home"))


@pytest.fixture(autouse=True, scope="session")
def _shared_stylesheet_parses() -> None:
    """Every App in a test process reuses the stylesheet rules an earlier App parsed (tests/shared_css.py)."""
    from tests.shared_css import share_parsed_stylesheets

    share_parsed_stylesheets()


@pytest.fixture
def settings() -> Settings:
    """Settings of a test officer on a GB desk in London."""
    return Settings(region="GB", officer="Test Officer", timezone="Europe/London")


ON_SERVER = os.environ.get("PRESSDESK_TEST_BACKEND") == "postgresql"
"""`make test-pg` runs some service test modules with their `desk` and `empty_desk` on PRESSDESK_TEST_DB's server."""


def copied_desk(template: Path, target: Path):
    """Open a private copy of a desk file built once per run (copying takes milliseconds, migrating a second)."""
    from pressdesk.store import open_desk

    shutil.copy(template, target)
    return open_desk(target)


def run_folder(tmp_path_factory, name: str) -> Path:
    """A folder of this test run that each of its xdist workers sees (a worker's tmp_path_factory is its own)."""
    root = tmp_path_factory.getbasetemp()
    folder = (root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root) / name
    folder.mkdir(exist_ok=True)
    return folder


def built_once(tmp_path_factory, name: str, build: Callable[[Path], None]) -> Path:
    """The desk file `build` makes, built once per test run and shared by its xdist workers (each used to build its
    own): the first worker to ask builds it under a lock the others wait on, then it is renamed into place whole."""
    from filelock import FileLock

    folder = run_folder(tmp_path_factory, "built-once")
    path = folder / f"{name}.db"
    with FileLock(folder / f"{name}.lock"):
        if not path.exists():
            building = folder / f"{name}.building.db"
            building.unlink(missing_ok=True)  # what a worker that failed to build it left
            build(building)
            building.rename(path)
    return path


@pytest.fixture(scope="session")
def migrated(tmp_path_factory) -> Path:
    """An empty desk file migrated to the newest schema, built once per test run: tests copy it."""
    from pressdesk.store import open_desk

    return built_once(tmp_path_factory, "migrated", lambda path: open_desk(path).dispose())


@pytest.fixture
def new_desk_file(migrated, tmp_path) -> Callable[[str], Path]:
    """Makes a migrated empty desk file in tmp_path under a given name (as `pressdesk db init` leaves one)."""

    def make(name: str = "desk.db") -> Path:
        return Path(shutil.copy(migrated, tmp_path / name))

    return make


@pytest.fixture(scope="session")
def kept_server_desks(tmp_path_factory):
    """Under make test-pg: per template, one database this test process reuses, put back before each test."""
    from tests.server_desks import kept_desks

    with kept_desks(lambda: tmp_path_factory.mktemp("kept")) as get:
        yield get


@pytest.fixture(scope="session")
def server_migrated(tmp_path_factory):
    """An empty desk migrated once on the test server (under make test-pg): empty desks are cloned from it."""
    from pressdesk.store import open_desk
    from tests.backends import fresh_database

    with fresh_database("postgresql", tmp_path_factory.mktemp("server-empty")) as url:
        open_desk(url).dispose()
        yield url


@pytest.fixture
def empty_desk(migrated, tmp_path, request):
    """A migrated, empty desk: a copied SQLite file (or a database on the test server, under make test-pg)."""
    if ON_SERVER:
        from pressdesk.store import open_desk

        kept = request.getfixturevalue("kept_server_desks")(request.getfixturevalue("server_migrated"))
        with kept.checkout() as url:
            desk = open_desk(url)
            yield desk
            desk.dispose()
        return
    desk = copied_desk(migrated, tmp_path / "desk.db")
    yield desk
    desk.dispose()


@pytest.fixture(scope="session")
def built_week(migrated, tmp_path_factory):
    """The hand-counted week of tests/report_desk.py built once per test process into a desk file, and its ids."""
    from tests import report_desk

    path = tmp_path_factory.mktemp("week") / "desk.db"
    desk = copied_desk(migrated, path)
    fixture = report_desk.build(desk)
    desk.dispose()
    return path, fixture


@pytest.fixture
def week_desk(request, tmp_path):
    """The hand-counted week of tests/report_desk.py on a private desk, and its ids: a copy of the file built once per
    test process (building it took a third of a second a test), or built anew on the test server under make test-pg."""
    from tests import report_desk

    if ON_SERVER:
        desk = request.getfixturevalue("empty_desk")
        yield desk, report_desk.build(desk)
        return
    path, fixture = request.getfixturevalue("built_week")
    desk = copied_desk(path, tmp_path / "week.db")
    yield desk, fixture
    desk.dispose()


DEMO_FRESH_FOR = timedelta(seconds=60)
"""How long a demo desk loaded at the real clock is reused before a new one is loaded: its nearest deadline is ten
minutes out, so a desk this old reads the same as one loaded the moment the test started."""


LOADED_AT = "%Y%m%dT%H%M%S%fZ"
"""How a recent demo desk's file is named: the moment it was loaded, so that names sort as the moments do."""


@pytest.fixture(scope="session")
def recent_demo(tmp_path_factory, migrated) -> Callable[[], Path]:
    """The file of a demo desk loaded at the real clock under DEMO_FRESH_FOR ago (loaded again when older), shared by
    the run's xdist workers (each used to load its own)."""
    from filelock import FileLock

    from pressdesk.services.demo import load_demo

    folder = run_folder(tmp_path_factory, "recent-demo")

    def newest() -> Path:
        with FileLock(folder / "loading.lock"):
            now = datetime.now(UTC)
            loaded = sorted(folder.glob("*.db"))
            if loaded and now - datetime.strptime(loaded[-1].stem, LOADED_AT).replace(tzinfo=UTC) <= DEMO_FRESH_FOR:
                return loaded[-1]
            building = folder / "loading.sqlite"
            building.unlink(missing_ok=True)  # what a worker that failed to load it left
            desk = copied_desk(migrated, building)  # loaded into an already migrated file: only the demo is written
            with desk.write() as session:
                load_demo(session, who="demo", region="GB", now=now)
            desk.dispose()
            return building.rename(folder / f"{now.strftime(LOADED_AT)}.db")

    return newest


@pytest.fixture
def demo_desk(recent_demo, tmp_path):
    """A desk filled with the demo data, as if loaded just now."""
    desk = copied_desk(recent_demo(), tmp_path / "desk.db")
    yield desk
    desk.dispose()


DEMO_NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)  # a Tuesday, 10:00 in London
"""The moment the frozen demo desk was loaded at."""


@pytest.fixture(scope="session")
def template(tmp_path_factory, migrated):
    """A demo desk loaded as if it were DEMO_NOW, built once per test run (into a copy of the migrated empty desk)."""
    from pressdesk.services.demo import load_demo

    def build(path: Path) -> None:
        desk = copied_desk(migrated, path)
        with desk.write() as session:
            load_demo(session, who="test", region="GB", now=DEMO_NOW)
        desk.dispose()

    return built_once(tmp_path_factory, "template", build)


@contextmanager
def server_copy(path: Path, folder: Path) -> Iterator[str]:
    """The URL of a database on the test server holding a copy of the desk file at path, dropped afterwards."""
    from pressdesk.store import open_desk
    from pressdesk.store.copy import copy_desk
    from tests.backends import fresh_database

    with fresh_database("postgresql", folder) as url:
        source, target = open_desk(path), open_desk(url)
        copy_desk(source, target)
        source.dispose()
        target.dispose()
        yield url


@pytest.fixture(scope="session")
def server_template(template, tmp_path_factory):
    """The frozen demo desk copied once onto the test server (under make test-pg)."""
    with server_copy(template, tmp_path_factory.mktemp("server")) as url:
        yield url


@pytest.fixture(scope="session")
def server_copies(tmp_path_factory):
    """Under make test-pg: the server copy of each desk file built once per run, made when first asked for."""
    copies: dict[Path, str] = {}
    with ExitStack() as stack:

        def get(path: Path) -> str:
            if path not in copies:
                copies[path] = stack.enter_context(server_copy(path, tmp_path_factory.mktemp("server-copy")))
            return copies[path]

        yield get


def desk_target(desk) -> str:
    """What `--db` takes to reach an opened desk: its file on SQLite, its URL on the test server."""
    return str(desk.path) if desk.path is not None else desk.url


@pytest.fixture
def desk_copy(tmp_path, request) -> Iterator[Callable[..., str]]:
    """Makes a private copy of a desk file built once per run; gives what `--db` takes to reach it: a file in
    tmp_path, or (under make test-pg) a database on the test server holding the file's rows."""
    if not ON_SERVER:
        yield lambda path, name="desk.db": str(shutil.copy(path, tmp_path / name))
        return
    copies, kept = request.getfixturevalue("server_copies"), request.getfixturevalue("kept_server_desks")
    with ExitStack() as stack:
        yield lambda path, name="desk.db": stack.enter_context(kept(copies(path)).checkout())


@pytest.fixture
def desk(template, tmp_path, request):
    """A private copy of the frozen demo desk (on the test server under make test-pg)."""
    if ON_SERVER:
        from pressdesk.store import open_desk

        kept = request.getfixturevalue("kept_server_desks")(request.getfixturevalue("server_template"))
        with kept.checkout() as url:
            desk = open_desk(url)
            yield desk
            desk.dispose()
        return
    desk = copied_desk(template, tmp_path / "desk.db")
    yield desk
    desk.dispose()


def pytest_addoption(parser):
    """--slow: the proofs run many seeds and hypothesis tries many more inputs; --office: the LibreOffice checks."""
    parser.addoption("--slow", action="store_true", default=False, help="long runs: many seeds, many examples")
    parser.addoption("--office", action="store_true", default=False, help="also open exports in LibreOffice")
    parser.addoption("--timings", metavar="FILE", help="write each test's wall and CPU seconds to FILE.<worker>.<pid>")


SERVER_FIXTURES = frozenset(
    {
        "desk",
        "empty_desk",
        "week_desk",
        "desk_copy",
        "kept_server_desks",
        "server_migrated",
        "server_template",
        "server_copies",
    }
)
"""The fixtures that put a test's desk on the test server under make test-pg."""


def reaches_server(item) -> bool:
    """Whether a test can reach the test server: a server fixture in its closure, the `backend` mark, or a fixture
    of the tests (its module's or a conftest's) or the test itself taking `request`, which may ask for a server
    fixture by name."""
    if SERVER_FIXTURES.intersection(getattr(item, "fixturenames", ())) or item.get_closest_marker("backend"):
        return True
    info = getattr(item, "_fixtureinfo", None)
    if info is None or "request" in info.argnames:
        return True
    defs = (d for name in item.fixturenames for d in info.name2fixturedefs.get(name, ()))
    return any("request" in d.argnames and getattr(d.func, "__module__", "").startswith("tests") for d in defs)


def deselect(config, items, leave_out) -> None:
    """Take the tests leave_out picks out of the run, counted in the summary as deselected (never as passed); an
    xdist worker also hands their ids to the controller, which counts them (pytest_testnodedown)."""
    left = [item for item in items if leave_out(item)]
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = [item for item in items if not leave_out(item)]
        if hasattr(config, "workeroutput"):
            config.workeroutput.setdefault("deselected", []).extend(item.nodeid for item in left)


COUNTED = pytest.StashKey[set]()
"""The ids of the tests the controller of an xdist run has counted as deselected."""


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    """xdist: count in the summary, once, the tests a worker deselected (every worker collects the whole run, and
    the controller collects nothing)."""
    counted = node.config.stash.setdefault(COUNTED, set())
    ids = [nodeid for nodeid in getattr(node, "workeroutput", {}).get("deselected", []) if nodeid not in counted]
    if ids:
        counted.update(ids)
        node.config.hook.pytest_deselected(items=[SimpleNamespace(nodeid=nodeid) for nodeid in ids])


def pytest_collection_modifyitems(config, items):
    """Tests marked `office` open files in LibreOffice, which a fresh machine lacks: they run with --office
    (`make test-office`) and otherwise show in the summary as deselected. Under make test-pg the tests that
    cannot reach the server are deselected too: run there, they would repeat the SQLite run exactly."""
    if not config.getoption("--office"):
        deselect(config, items, lambda item: item.get_closest_marker("office"))
    if ON_SERVER:
        deselect(config, items, lambda item: not reaches_server(item))


YOUNG_OBJECTS_COLLECTED_AT = 10_000
"""The garbage collector's first threshold in a test process (Python's is 700): its full collections, each walking
every object of the test process, come a tenth as often (about 4% of the run's CPU, for a few MB more)."""


def pytest_sessionstart(session) -> None:
    """Collect garbage less often in a test process (YOUNG_OBJECTS_COLLECTED_AT)."""
    gc.set_threshold(YOUNG_OBJECTS_COLLECTED_AT, *gc.get_threshold()[1:])


def pytest_collection_finish(session) -> None:
    """What collection built (the libraries, the test modules, ~1,900 items) lives until the run ends: frozen, the
    garbage collector no longer walks it at each full collection during the tests nor at pytest's five at the end."""
    gc.freeze()


def pytest_configure(config):
    """Hypothesis: a modest number of examples in `make test`, the same ones every run (derandomized: a run is red
    for a change, not for a new draw); many more, newly drawn, under --slow; no deadlines (shared CPUs)."""
    from hypothesis import HealthCheck
    from hypothesis import settings as hsettings

    common = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]}
    hsettings.register_profile("pressdesk", max_examples=30, derandomize=True, database=None, **common)
    hsettings.register_profile("pressdesk-slow", max_examples=2000, **common)
    hsettings.load_profile("pressdesk-slow" if config.getoption("--slow") else "pressdesk")
    from tests.timings import register

    register(config)


@pytest.fixture
def seeds(request) -> list[int]:
    """The random seeds a proof runs with: a few in `make test`, many under --slow."""
    return list(range(40 if request.config.getoption("--slow") else 3))
