"""The proofs under faults run on a cluster that keeps every commit it reports (tools/with-postgres --durable)."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, text

from tests.backends import NO_SERVER

pytestmark = [pytest.mark.proof, pytest.mark.backend]

DURABLE = {"fsync": "on", "synchronous_commit": "on", "full_page_writes": "on"}
"""The settings the throwaway cluster of `make test-pg` turns off for speed, and the proofs need on."""


def test_the_postgresql_proofs_cluster_makes_every_commit_durable():
    server = os.environ.get("PRESSDESK_TEST_DB")
    if not server:
        pytest.skip(NO_SERVER)
    engine = create_engine(server)
    with engine.connect() as conn:
        found = {name: conn.execute(text(f"SHOW {name}")).scalar() for name in DURABLE}
    engine.dispose()
    assert found == DURABLE
