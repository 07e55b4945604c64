"""Alembic environment: runs on the desk's own engine, in batch mode for SQLite."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlmodel import SQLModel

import pressdesk.models.tables  # noqa: F401 - registers the tables on SQLModel.metadata

config = context.config
target_metadata = SQLModel.metadata


def include_name(name, type_, parent_names) -> bool:
    """Leave the search index and its FTS5 shadow tables out of autogenerate."""
    return not (type_ == "table" and name and name.startswith("search_index"))


def run() -> None:
    """Run the migrations online against the desk's engine."""
    engine = config.attributes.get("engine") or create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        # On a pressdesk engine this makes the migration's transaction BEGIN IMMEDIATE: it holds the write lock
        # from its first statement, so the revision it reads cannot change under it (another migrator waits).
        connection.execution_options(pressdesk_write=True)
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            include_name=include_name,
            compare_type=True,
            # SQLite's DDL is transactional, but Alembic assumes not and would commit after each revision: a kill
            # between two revisions would leave a desk half way. One transaction for the whole run instead.
            transactional_ddl=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run()
