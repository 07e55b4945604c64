"""Writing a file where a pipe (or a device) is: refused in one line, the pipe left as it was, never replaced by the
file written beside it and moved into place (as root, an export to /dev/null would have replaced the device)."""

from __future__ import annotations

import os
import stat

import pytest
from click.testing import CliRunner

from pressdesk.cli import main
from tests.conftest import desk_target

WRITES = {
    "enquiries": ["export", "enquiries", "--format", "csv", "-o"],
    "contacts": ["export", "contacts", "--format", "csv", "-o"],
    "interviews": ["export", "interviews", "-o"],
    "history": ["privacy", "history", "-o"],
}
"""Every command that writes a file in place: a backup never overwrites anything, so it refuses a pipe already."""


@pytest.mark.parametrize("what", sorted(WRITES))
def test_writing_onto_a_pipe_is_refused_and_the_pipe_is_left(desk, tmp_path, what):
    pipe = tmp_path / "out.csv"
    os.mkfifo(pipe)
    result = CliRunner().invoke(main, ["--db", desk_target(desk), *WRITES[what], str(pipe)])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and "is a device or a pipe, not a file; give a file name." in result.stderr
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
