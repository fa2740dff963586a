"""Names of the server roles for one database, and the app roles they stand for.

Roles on a PostgreSQL server belong to the whole server, not to one database, and one server
may hold several sites' databases (or a test server hundreds): every name therefore starts
with a prefix made from the database's name, so two databases never share a group or a login.
"""

from __future__ import annotations

import re

from portage_desktop.i18n import tr

# The app's roles, as ``services.access.Role`` stores them (the data layer cannot import it).
APP_ROLES = ("manager", "senco", "practitioner", "read_only", "home_visitor", "team_lead")
# PostgreSQL truncates names longer than this, which would silently merge two people.
MAX_NAME = 63


class BadName(ValueError):
    """A server role name would be unsafe or too long; the message says why, plainly."""


def quote(name: str) -> str:
    """A name as a quoted SQL identifier (usernames may hold dots and dashes)."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """A string as an SQL literal (only ever our own names and fixed words)."""
    return "'" + text.replace("'", "''") + "'"


def prefix_for(database: str) -> str:
    """The prefix of every role for ``database``: its name in lower-case letters, digits and _."""
    prefix = re.sub(r"[^a-z0-9_]", "_", database.lower()).strip("_")[:30]
    if not prefix:
        raise BadName(tr("The database needs a name with at least one letter or digit."))
    return prefix


def group_name(prefix: str, app_role: str) -> str:
    """The NOLOGIN group holding one app role's privileges, e.g. ``portage_role_practitioner``."""
    if app_role not in APP_ROLES:
        raise BadName(tr("There is no role called {app_role}.").format(app_role=app_role))
    return f"{prefix}_role_{app_role}"


def login_name(prefix: str, username: str) -> str:
    """A person's own LOGIN role, e.g. ``portage_user_j.smith`` for the app's ``j.smith``."""
    name = f"{prefix}_user_{username.lower()}"
    if len(name.encode("utf-8")) > MAX_NAME:
        raise BadName(
            tr(
                "The server login for {username} would be longer than {limit} characters. "
                "Please use a shorter username."
            ).format(username=username, limit=MAX_NAME)
        )
    return name
