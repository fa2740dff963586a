"""Alembic environment: runs on the connection the app hands over, one transaction per migration."""

from alembic import context
from sqlalchemy import create_engine
from sqlmodel import SQLModel

from portage_desktop.data import models  # noqa: F401  (registers the tables)

target_metadata = SQLModel.metadata
config = context.config


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        transaction_per_migration=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # developer use: `alembic -x url=sqlite:///file.db revision --autogenerate`
    url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///:memory:")
    with create_engine(url).connect() as conn:
        _run(conn)
        conn.commit()
