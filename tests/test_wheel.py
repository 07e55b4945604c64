"""A built wheel carries the demo data: installed away from the checkout, `pressdesk demo` and --demo work."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_wheel(out: Path, monkeypatch) -> Path:
    """Build pressdesk's wheel from the checkout through its build backend's PEP 517 hook, as `pip wheel` does (the
    backend, hatchling, comes with the dev extras), in this process: pip's own start-up cost more than the build."""
    from hatchling.build import build_wheel as backend_builds_wheel

    monkeypatch.chdir(ROOT)  # a PEP 517 backend builds the project in the working directory
    return out / backend_builds_wheel(str(out))


def fresh_venv(where: Path) -> Path:
    """A new venv whose only pressdesk is the one installed into it; its dependencies come from this venv."""
    venv.create(where, with_pip=False)
    python = where / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # Added to sys.path after the venv's own site-packages; .pth files in it (the editable checkout) are not read.
    (Path(site) / "deps_from_test_venv.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return python


def test_the_installed_wheel_loads_the_demo_desk(tmp_path, monkeypatch):
    wheel = build_wheel(tmp_path / "dist", monkeypatch)
    python = fresh_venv(tmp_path / "venv")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PRESSDESK_HOME": str(tmp_path / "home")}
    where = subprocess.run(
        [python, "-c", "import pressdesk; print(pressdesk.__file__)"], cwd=work, env=env, capture_output=True, text=True
    )
    assert where.stdout.startswith(str(tmp_path / "venv")), where  # the wheel's copy, not the checkout
    pressdesk = tmp_path / "venv" / "bin" / "pressdesk"
    loaded = subprocess.run(
        [pressdesk, "--db", "demo.db", "demo"], cwd=work, env=env, capture_output=True, text=True, timeout=120
    )
    assert loaded.returncode == 0, loaded.stderr
    assert "38 enquiries" in loaded.stdout
    releases = subprocess.run(
        [pressdesk, "--demo", "list", "releases", "--json"], cwd=work, env=env, capture_output=True, text=True
    )
    assert releases.returncode == 0, releases.stderr
    assert any("Taliban" in r["title"] for r in json.loads(releases.stdout))  # the seed release came along
