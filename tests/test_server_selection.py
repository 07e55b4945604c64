"""Under make test-pg only the tests that can reach the server run; the others are counted as deselected."""

from __future__ import annotations

import os
import re
from pathlib import Path

from tests.at_once import launcher

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["tests/test_cli_output.py", "tests/test_export_log.py", "tests/test_reports.py"]
"""A module with pure text checks beside CLI runs on `desk`, one whose `week` asks for `empty_desk` by name, and one
whose `report` reaches the server through conftest's `week_desk`, which asks for it by name too."""


PYTEST = "import sys\n\nimport pytest\n\nsys.exit(pytest.main(sys.argv[1:]))\n"
"""What the forked process runs: pytest on its argv."""


def collected_on_the_server() -> tuple[set[str], str]:
    """The ids pytest collects from MODULES as the server run does (no server is needed to collect), and its summary:
    in a process of its own, forked from tests/at_once.py's launcher, which has imported pressdesk but never conftest
    (a new interpreter spent two seconds of CPU on its imports)."""
    env = {**os.environ, "PRESSDESK_TEST_BACKEND": "postgresql"}
    args = ["--collect-only", "-q", "-o", "addopts=", "-p", "no:cacheprovider", "-n", "0", *MODULES]
    run = launcher().fork(PYTEST, ["pytest", *args], cwd=ROOT, env=env)
    out, err = run.communicate(timeout=120)
    lines = out.splitlines()
    return {re.sub(r"\[.*", "", line) for line in lines if "::" in line}, lines[-1] if lines else err


def test_the_server_run_leaves_out_tests_that_reach_no_desk_and_counts_them_as_deselected():
    kept, summary = collected_on_the_server()
    counts = re.search(r"(\d+)/(\d+) tests collected \((\d+) deselected\)", summary)
    assert counts, summary
    selected, total, deselected = map(int, counts.groups())
    assert deselected > 0 and selected + deselected == total
    assert "tests/test_cli_output.py::test_a_release_over_2_mb_is_refused" in kept  # a CLI run against `desk`
    assert "tests/test_export_log.py::test_rows_come_in_the_order_they_were_received" in kept  # `week` on the server
    assert "tests/test_reports.py::test_totals_count_the_weeks_enquiries_and_where_they_stand" in kept  # week_desk
    assert "tests/test_cli_output.py::test_json_keeps_the_text_it_escapes" not in kept  # text rules alone
    refusal = "tests/test_export_log.py::test_an_output_path_that_cannot_be_a_file_is_refused_naming_the_output"
    assert refusal not in kept  # no desk opened
