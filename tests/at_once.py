"""Start several real processes and release them at the same moment, to race them against one desk."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

GATE = """
import sys, time
from pathlib import Path
{prepare}
ready, go, args = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
ready.touch()
while not go.exists():
    time.sleep(0.002)
{act}
"""


def run_at_once(folder: Path, argvs: list[list[str]], *, prepare: str, act: str) -> list[subprocess.CompletedProcess]:
    """Run one process per argv: each does `prepare` (imports), waits at a gate, then does `act` with `args`.

    The gate opens once every process is ready, so the `act`s start together; returns when all have ended."""
    go = folder / "go"
    code = GATE.format(prepare=prepare, act=act)
    started = []
    for n, argv in enumerate(argvs):
        ready = folder / f"ready-{n}"
        cmd = [sys.executable, "-c", code, str(ready), str(go), *argv]
        started.append((ready, subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))
    while not all(ready.exists() for ready, proc in started if proc.poll() is None):
        time.sleep(0.01)
    go.touch()
    results = []
    for _ready, proc in started:
        out, err = proc.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return results
