"""The launcher the proofs fork their processes from gives each a process of its own, as subprocess would."""

from __future__ import annotations

import os
import signal
import subprocess

import pytest

from tests.at_once import ROOT, launcher

SLEEPER = "import os, sys, time\nprint(os.getpid(), os.getcwd(), os.environ.get('WHO'), flush=True)\ntime.sleep(600)\n"


def fork(code: str, tmp_path, **env: str):
    """A process forked from the launcher running code in tmp_path with this test's environment and env."""
    return launcher().fork(code, ["x"], cwd=tmp_path, env=os.environ | env)


def test_a_forked_process_is_its_own_until_killed_and_says_it_was(tmp_path):
    sleeper = fork(SLEEPER, tmp_path, WHO="me")
    pid, cwd, who = sleeper.stdout.readline().split()
    assert int(pid) == sleeper.pid != os.getpid() and (cwd, who) == (str(tmp_path), "me")
    with pytest.raises(subprocess.TimeoutExpired):
        sleeper.wait(timeout=0.01)
    assert sleeper.poll() is None
    sleeper.send_signal(signal.SIGKILL)
    assert sleeper.wait(timeout=60) == -signal.SIGKILL
    sleeper.kill()  # an ended process is not signalled again (its pid may be someone else's by now)


@pytest.mark.parametrize(
    ("code", "exit_code", "said"),
    [
        ("import sys\nprint('bye', file=sys.stderr)\nsys.exit(3)", 3, "bye"),
        ("raise ValueError('broken')", 1, "ValueError: broken"),
        ("import sys\nsys.exit('refused')", 1, "refused"),
    ],
)
def test_a_forked_process_ends_with_the_code_and_stderr_a_python_process_would(tmp_path, code, exit_code, said):
    ended = fork(code, tmp_path)
    out, err = ended.communicate(timeout=60)
    assert (ended.returncode, out) == (exit_code, "")
    assert said in err


def test_the_launcher_runs_from_the_checkout(tmp_path):
    shown = fork("import tests.writers as w\nprint(w.__file__)", tmp_path)
    out, err = shown.communicate(timeout=60)
    assert out.strip() == str(ROOT / "tests" / "writers.py"), err
