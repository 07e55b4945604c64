"""Real processes forked from one launcher that has done the imports: several released at one moment, or one at a time.

The launcher is started once per test process (its imports paid once, not once per process a test starts); each
process it forks is a process of its own, with its own connections, stdout, stderr, exit code and death by signal."""

from __future__ import annotations

import atexit
import json
import os
import socket
import subprocess
import sys
import threading
import time
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WARM = """
import importlib
from pressdesk.cli.app import COMMANDS, EXPORTS, IMPORTS

for target in [*COMMANDS.values(), *IMPORTS.values(), *EXPORTS.values()]:
    importlib.import_module(target.split(":")[0])
import dateparser
import pressdesk.core
import pressdesk.services.contact_import
import pressdesk.store.migrate
import pressdesk.tui.app
import textual.pilot
import tests.writers
"""
"""What the launcher imports before it forks anything: whatever the processes of the proofs and races import."""

LAUNCHER = """
import json, os, resource, selectors, signal, socket, sys, traceback
exec(sys.argv[2])
channel = socket.socket(fileno=int(sys.argv[1]))
woken, wake = os.pipe()
os.set_blocking(wake, False)
signal.signal(signal.SIGCHLD, lambda *_: None)
signal.set_wakeup_fd(wake)
running = set()


def tell(**news):
    used = resource.getrusage(resource.RUSAGE_SELF)
    channel.send(json.dumps(news | {"own_cpu": used.ru_utime + used.ru_stime}).encode())


def fork(ask, fds):
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        for fd in fds:
            os.close(fd)
        running.add(pid)
        return tell(started=pid)
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    channel.close()
    os.close(woken)
    os.close(wake)
    nothing = os.open(os.devnull, os.O_RDONLY)
    for fd, target in ((0, nothing), (1, fds[0]), (2, fds[1])):
        os.dup2(target, fd)
        os.close(target)
    os.chdir(ask["cwd"])
    os.environ.clear()
    os.environ.update(ask["env"])
    sys.argv = ask["argv"]
    code = 0
    try:
        exec(compile(ask["code"], "<forked>", "exec"), {"__name__": "__main__"})
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


def reap():
    while running:
        pid, status, used = os.wait4(-1, os.WNOHANG)
        if not pid:
            return
        running.discard(pid)
        tell(ended=pid, code=os.waitstatus_to_exitcode(status), cpu=used.ru_utime + used.ru_stime)


events = selectors.DefaultSelector()
events.register(channel, selectors.EVENT_READ)
events.register(woken, selectors.EVENT_READ)
tell(ready=os.getpid())
while True:
    for key, _ in events.select():
        if key.fileobj is woken:
            os.read(woken, 4096)
            continue
        message, fds, _, _ = socket.recv_fds(channel, 1 << 20, 2)
        if not message:
            for pid in running:
                os.kill(pid, signal.SIGKILL)
            sys.exit(0)
        ask = json.loads(message)
        if "kill" in ask:
            if ask["kill"] in running:
                os.kill(ask["kill"], ask["signal"])
        else:
            fork(ask, fds)
    reap()
"""
"""The launcher: does WARM, then forks a process for each request, runs its code, and says when each has ended."""


class Launcher:
    """The test process's end of the launcher: asks it to fork, to signal, and hears which processes have ended."""

    def __init__(self) -> None:
        self.channel, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = os.environ | {"PYTHONPATH": str(ROOT)}
        cmd = [sys.executable, "-c", LAUNCHER, str(theirs.fileno()), WARM]
        quiet = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL}  # never a pytest-xdist worker's channel
        self.process = subprocess.Popen(cmd, cwd=ROOT, env=env, pass_fds=[theirs.fileno()], **quiet)
        theirs.close()
        self.ended: dict[int, int] = {}
        self.children_cpu = self.own_cpu = 0.0
        self.hear()

    def hear(self, timeout: float | None = None) -> dict | None:
        """The launcher's next news (None if none came within timeout), noting ended processes and CPU spent."""
        self.channel.settimeout(timeout)
        try:
            message = self.channel.recv(1 << 16)
        except (TimeoutError, BlockingIOError):
            return None
        if not message:
            raise RuntimeError(f"the launcher has ended ({self.process.wait()})")
        news = json.loads(message)
        self.own_cpu = news["own_cpu"]
        if "ended" in news:
            self.ended[news["ended"]] = news["code"]
            self.children_cpu += news["cpu"]
        return news

    def fork(self, code: str, argv: list[str], *, cwd: Path, env: dict[str, str]) -> Forked:
        """A process forked from the launcher running `code` as __main__ with sys.argv = argv."""
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        ask = {"code": code, "argv": argv, "cwd": str(cwd), "env": dict(env)}
        socket.send_fds(self.channel, [json.dumps(ask).encode()], [out_w, err_w])
        os.close(out_w)
        os.close(err_w)
        while "started" not in (news := self.hear()):
            pass
        return Forked(self, news["started"], argv, out_r, err_r)

    def signal(self, pid: int, signum: int) -> None:
        """Send a signal to a forked process that has not ended yet (once ended, its pid is not ours to signal)."""
        self.channel.send(json.dumps({"kill": pid, "signal": signum}).encode())

    def wait(self, pid: int, timeout: float | None) -> int | None:
        """A forked process's exit code (negative: the signal that ended it), or None if still running at timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while pid not in self.ended:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if self.hear(left) is None and left == 0.0:
                return None
        return self.ended[pid]

    def close(self) -> None:
        """End the launcher (it kills what it still runs) and wait for it."""
        self.channel.close()
        self.process.wait(timeout=60)


@cache
def launcher() -> Launcher:
    """This test process's launcher, started on first use and ended when the process exits."""
    started = Launcher()
    atexit.register(started.close)
    return started


def forked_cpu() -> float:
    """CPU seconds of the launcher and every process it forked that has ended (0 before it is started)."""
    if not launcher.cache_info().currsize:
        return 0.0
    started = launcher()
    return started.own_cpu + started.children_cpu


class Forked:
    """A forked process, used as a subprocess.Popen with text pipes for stdout and stderr."""

    def __init__(self, owner: Launcher, pid: int, args: list[str], out: int, err: int) -> None:
        self.owner, self.pid, self.args = owner, pid, args
        self.stdout = open(out, encoding="utf-8")  # noqa: SIM115 - read as the process writes, closed by communicate
        self.stderr = open(err, encoding="utf-8")  # noqa: SIM115
        self.returncode: int | None = None

    def poll(self) -> int | None:
        """The exit code, if the process has ended."""
        return self.wait(0) if self.returncode is None else self.returncode

    def wait(self, timeout: float | None = None) -> int | None:
        """Wait for the process to end; subprocess.TimeoutExpired if it has not within timeout (poll: None)."""
        if self.returncode is None:
            self.returncode = self.owner.wait(self.pid, timeout)
            if self.returncode is None and timeout != 0:
                raise subprocess.TimeoutExpired(self.args, timeout)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        """Signal the process, if it is still running."""
        if self.poll() is None:
            self.owner.signal(self.pid, signum)

    def kill(self) -> None:
        """SIGKILL the process, if it is still running."""
        import signal

        self.send_signal(signal.SIGKILL)

    def communicate(self, timeout: float | None = None) -> tuple[str, str]:
        """Read stdout and stderr to their ends, then wait for the process."""
        got: dict[str, str] = {}
        readers = [
            threading.Thread(target=lambda name=name, f=f: got.__setitem__(name, f.read()), daemon=True)
            for name, f in (("out", self.stdout), ("err", self.stderr))
        ]
        deadline = None if timeout is None else time.monotonic() + timeout
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
            if reader.is_alive():
                raise subprocess.TimeoutExpired(self.args, timeout)
        self.stdout.close()
        self.stderr.close()
        self.wait(None if deadline is None else max(0.0, deadline - time.monotonic()) or 0.001)
        return got["out"], got["err"]


WRITER = "import sys\nfrom tests import writers\nsys.exit(writers.main(sys.argv[1:]))\n"
"""What a forked writer process runs: tests/writers.py's main on its argv."""


def start_writer(args: list[str], env: dict[str, str] | None = None) -> Forked:
    """A writer process (tests/writers.py, `python -m tests.writers ARGS`) forked from the launcher."""
    return launcher().fork(WRITER, ["tests.writers", *args], cwd=ROOT, env=os.environ | (env or {}))


RACERS = """
import json, os, sys, traceback
folder, argvs, act = sys.argv[1], json.loads(sys.argv[2]), compile(sys.argv[3], "<act>", "exec")
exec(sys.argv[4])
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
        target = os.open(os.path.join(folder, f"{stream}-{n}"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)
    os.read(gate, 1)
    code = 0
    try:
        exec(act, globals() | {"args": args})
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
"""A forked process that does `prepare`, forks one racer per argv, and releases them all at one moment."""


def run_at_once(folder: Path, argvs: list[list[str]], *, prepare: str, act: str) -> list[subprocess.CompletedProcess]:
    """Run one process per argv: each does `act` with `args`, all released at one moment; returns when all have ended.

    The launcher forks a process that does `prepare` (the imports, already done by the launcher) and forks the racers,
    so the acts race from the start: each is a process of its own, with its own connections, stdout, stderr and exit
    code."""
    argv = ["racers", str(folder), json.dumps(argvs), act, prepare]
    released = launcher().fork(RACERS, argv, cwd=ROOT, env=dict(os.environ))
    out, err = released.communicate(timeout=300)
    assert released.returncode == 0, err
    codes = json.loads(out.splitlines()[-1])
    return [
        subprocess.CompletedProcess(
            argv,
            code,
            (folder / f"out-{n}").read_text(encoding="utf-8"),
            (folder / f"err-{n}").read_text(encoding="utf-8"),
        )
        for n, (argv, code) in enumerate(zip(argvs, codes, strict=True))
    ]
