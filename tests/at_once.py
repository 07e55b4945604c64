"""Start several real processes and release them at the same moment, to race them against one desk."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

LAUNCHER = """
import json, os, sys, traceback
{prepare}
folder, argvs, act = sys.argv[1], json.loads(sys.argv[2]), compile(sys.argv[3], "<act>", "exec")
gate, opened = os.pipe()
sys.stdout.flush()
sys.stderr.flush()
children = []
for n, args in enumerate(argvs):
    pid = os.fork()
    if pid:
        children.append(pid)
        continue
    os.close(opened)
    for fd, stream in ((1, "out"), (2, "err")):
        target = os.open(os.path.join(folder, f"{{stream}}-{{n}}"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)
    os.read(gate, 1)
    code = 0
    try:
        exec(act, globals() | {{"args": args}})
    except SystemExit as ended:
        if isinstance(ended.code, int) or ended.code is None:
            code = ended.code or 0
        else:
            print(ended.code, file=sys.stderr)
            code = 1
    except BaseException:
        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
os.write(opened, b"." * len(children))
print(json.dumps([os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children]))
"""


def run_at_once(folder: Path, argvs: list[list[str]], *, prepare: str, act: str) -> list[subprocess.CompletedProcess]:
    """Run one process per argv: each does `act` with `args`, all released at one moment; returns when all have ended.

    One launcher does `prepare` (the imports) and forks the processes, so the imports are paid once and the acts
    race from the start: each is a process of its own, with its own connections, stdout, stderr and exit code."""
    cmd = [sys.executable, "-c", LAUNCHER.format(prepare=prepare), str(folder), json.dumps(argvs), act]
    launched = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert launched.returncode == 0, launched.stderr
    codes = json.loads(launched.stdout.splitlines()[-1])
    return [
        subprocess.CompletedProcess(
            argv,
            code,
            (folder / f"out-{n}").read_text(encoding="utf-8"),
            (folder / f"err-{n}").read_text(encoding="utf-8"),
        )
        for n, (argv, code) in enumerate(zip(argvs, codes, strict=True))
    ]
