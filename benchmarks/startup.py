"""Time from launch to first frame and to a usable desk, each run in a fresh process, beside a bare Textual app."""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
SIZE = (120, 40)
TIMEOUT = 300

# Every child starts with these lines, so `t0` is taken before any import but Python's own start-up.
PRELUDE = """\
import time
T0 = time.perf_counter()
W0 = time.time()
import json, os, sys
OUT_PATH = os.environ["PRESSDESK_BENCH_OUT"]
MARKS = {"script_start_wall": W0}


def mark(name):
    if name not in MARKS:
        MARKS[name] = time.perf_counter() - T0
        MARKS[name + "_wall"] = time.time()
        MARKS[name + "_cpu"] = time.process_time()  # every thread's CPU since the process began
        if name == "first_frame":
            MARKS["sqlmodel_loaded_at_first_frame"] = "sqlmodel" in sys.modules
            MARKS["sqlalchemy_loaded_at_first_frame"] = "sqlalchemy" in sys.modules


def save():
    with open(OUT_PATH, "w") as fh:
        json.dump(MARKS, fh)
"""

BARE = """
from textual.app import App
from textual.widgets import Static


class Bare(App):
    def compose(self):
        yield Static("Hello from a bare Textual app")

    def on_mount(self):
        self.call_after_refresh(self.painted)

    def painted(self):
        mark("first_frame")
        self.maybe_done()

    def on_ready(self):
        mark("ready")
        self.maybe_done()

    def maybe_done(self):
        if "first_frame" in MARKS and "ready" in MARKS:
            save()
            self.exit()


Bare().run(headless=True, size=SIZE)
"""

PRESSDESK = """
from pressdesk.tui import app as tui_app
from pressdesk.tui.screens import desk as desk_screen

App = tui_app.PressDeskApp
_run, _mount, _ready_backend = App.run, App.on_mount, App.on_backend_ready


def run(self, *args, **kwargs):
    kwargs.update(headless=True, size=SIZE)
    return _run(self, *args, **kwargs)


def on_mount(self):
    _mount(self)
    self.call_after_refresh(mark, "first_frame")
    if not hasattr(desk_screen.DeskScreen, "_show_page"):
        self.set_interval(0.01, lambda: poll(self))


def on_ready(self):
    mark("ready")


def on_backend_ready(self, event):
    mark("desk_open")
    _ready_backend(self, event)


def usable(app):
    mark("usable")
    save()
    app.exit()


def poll(app):
    try:
        rows = app.screen.query_one("#enquiries").row_count
    except Exception:
        return
    if rows > 0 and "rows" not in MARKS:
        mark("rows")
        app.call_after_refresh(usable, app)


if hasattr(desk_screen.DeskScreen, "_show_page"):
    _show = desk_screen.DeskScreen._show_page

    def _show_page(self, page):
        _show(self, page)
        mark("rows")
        MARKS["row_count"] = self.query_one("#enquiries").row_count
        MARKS["open"] = page.counts.open
        self.app.call_after_refresh(usable, self.app)

    desk_screen.DeskScreen._show_page = _show_page

App.run, App.on_mount, App.on_ready, App.on_backend_ready = run, on_mount, on_ready, on_backend_ready
sys.argv = ["pressdesk", "--db", os.environ["PRESSDESK_BENCH_DB"]]
from pressdesk.__main__ import main

try:
    main()
except SystemExit:
    pass
"""

IMPORT = """
t = time.perf_counter()
import {module}
MARKS["import"] = time.perf_counter() - t
save()
"""


def compile_pressdesk() -> None:
    """Byte-compile pressdesk's modules, as installing it does: with PYTHONDONTWRITEBYTECODE set (as on the shared
    machine) an editable install otherwise compiles ~30 modules from source at every launch (30-50 ms), while the
    bare app's Textual is read compiled from site-packages."""
    spec = importlib.util.find_spec("pressdesk")
    for folder in spec.submodule_search_locations if spec else ():
        compileall.compile_dir(folder, quiet=1)


def child(code: str, env: dict[str, str]) -> dict:
    """Run one child; return its marks with launch-relative times (ms) added."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        out = fh.name
    full_env = {**os.environ, **env, "PRESSDESK_BENCH_OUT": out}
    script = PRELUDE + f"SIZE = {SIZE!r}\n" + code
    launched = time.time()
    proc = subprocess.run(
        [sys.executable, "-c", script], env=full_env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    try:
        marks = json.loads(Path(out).read_text() or "{}")
    finally:
        Path(out).unlink(missing_ok=True)
    if not marks or proc.returncode not in (0, None):
        raise RuntimeError(f"child failed ({proc.returncode}): {proc.stderr[-2000:]}")
    marks["python_start_ms"] = (marks["script_start_wall"] - launched) * 1000
    for key in [k for k in marks if k.endswith("_wall") and k != "script_start_wall"]:
        marks[key[: -len("_wall")] + "_from_launch_ms"] = (marks[key] - launched) * 1000
    return marks


def summary(values: list[float]) -> str:
    """Median (min) in milliseconds."""
    if not values:
        return "—"
    return f"{statistics.median(values):,.0f} ({min(values):,.0f})"


def env_for(home: Path) -> dict[str, str]:
    """An environment with pressdesk's home in a temp dir and no PRESSDESK_* overrides."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRESSDESK_")}
    env["PRESSDESK_HOME"] = str(home)
    env["PRESSDESK_OFFICER"] = "Bench Officer"
    return env


def pressdesk_exe() -> str:
    """The pressdesk console script beside this interpreter."""
    exe = Path(sys.executable).with_name("pressdesk")
    return str(exe) if exe.exists() else "pressdesk"


def make_demo(home: Path) -> Path:
    """A demo desk created with `pressdesk --db X demo`."""
    path = home / "demo-bench.db"
    subprocess.run([pressdesk_exe(), "--db", str(path), "demo"], env=env_for(home), check=True, capture_output=True)
    return path


def make_empty(home: Path) -> Path:
    """An empty, migrated desk (migrating is done here so that no run pays for it)."""
    path = home / "empty-bench.db"
    code = f"from pressdesk.store import open_desk; open_desk({str(path)!r}).dispose()"
    subprocess.run([sys.executable, "-c", code], env=env_for(home), check=True)
    return path


def main(argv: list[str] | None = None) -> int:
    """Run every measurement --runs times and print (and save) a markdown table."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--db", action="append", default=[], help="a desk to measure (repeatable), e.g. the big desk")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--no-demo", action="store_true", help="skip the demo and empty desks")
    p.add_argument("--out", type=Path, default=OUT / "startup.md")
    args = p.parse_args(argv)

    compile_pressdesk()
    home = Path(tempfile.mkdtemp(prefix="pressdesk-startup-"))
    env = env_for(home)
    desks: list[tuple[str, Path]] = []
    if not args.no_demo:
        desks += [("empty desk", make_empty(home)), ("demo desk", make_demo(home))]
    desks += [(f"`{Path(d).name}`", Path(d).expanduser().resolve()) for d in args.db]
    for _, path in desks:
        if not path.is_file():
            p.error(f"no desk at {path}")

    def runs(label: str, code: str, extra: dict[str, str] | None = None) -> list[dict]:
        print(f"{label}: ", end="", flush=True)
        got = []
        for _ in range(args.runs):
            got.append(child(code, {**env, **(extra or {})}))
            print(".", end="", flush=True)
        print()
        return got

    imports = {
        "python -c pass (interpreter start)": runs("python", "save()\n"),
        "import textual.app": runs("textual", IMPORT.format(module="textual.app")),
        "import sqlmodel": runs("sqlmodel", IMPORT.format(module="sqlmodel")),
        "import pressdesk.tui.app": runs("pressdesk.tui.app", IMPORT.format(module="pressdesk.tui.app")),
    }
    bare = runs("bare Textual app", BARE)
    measured = [(label, path, runs(label, PRESSDESK, {"PRESSDESK_BENCH_DB": str(path)})) for label, path in desks]

    lines = [
        f"# Start-up, {args.runs} fresh processes each — median (min), ms",
        "",
        f"Python {sys.version.split()[0]} on {os.cpu_count()} cores; headless, size {SIZE[0]}x{SIZE[1]}. "
        "Times are from the parent's launch of the process (interpreter start included).",
        "",
        "| App | Desk | First frame | Textual Ready | Desk opened (worker) | Usable desk (first page shown) "
        "| Rows shown | sqlmodel loaded at first frame |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]

    def col(rs: list[dict], key: str) -> str:
        return summary([r[f"{key}_from_launch_ms"] for r in rs if f"{key}_from_launch_ms" in r])

    lines.append(
        f"| bare Textual (one Static) | — | {col(bare, 'first_frame')} | {col(bare, 'ready')} | — | — | — | — |"
    )
    for label, path, rs in measured:
        size = path.stat().st_size / 2**20
        loaded = {r.get("sqlmodel_loaded_at_first_frame") for r in rs}
        shown = rs[-1].get("row_count", "?")
        lines.append(
            f"| pressdesk | {label} ({rs[-1].get('open', '?'):,} open; {size:,.0f} MiB) | {col(rs, 'first_frame')} "
            f"| {col(rs, 'ready')} | {col(rs, 'desk_open')} | {col(rs, 'usable')} | {shown} "
            f"| {'yes' if loaded == {True} else 'no' if loaded == {False} else 'sometimes'} |"
        )
    lines += ["", "| Import in a fresh process | median (min), ms |", "|---|---:|"]
    for label, rs in imports.items():
        values = [r["python_start_ms"] for r in rs] if "interpreter" in label else [r["import"] * 1000 for r in rs]
        lines.append(f"| {label} | {summary(values)} |")
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"(written to {args.out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
