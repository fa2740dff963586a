"""A site on the test server set up as a real one would be: an owner that is no superuser,
per-person logins in the app roles' groups, and a few families allocated to two visitors.

Everything here connects with psycopg directly, as someone with a password and ``psql`` would:
the app is not involved, so what is refused is refused by the server itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

import psycopg
import pytest

from portage_desktop.data.engine import Database, open_server
from portage_desktop.data.models import ChildRecord, StaffMemberRecord, UserAccountRecord
from portage_desktop.data.models.home_visiting import (
    AllocationRecord,
    HomeVisitorRecord,
    ReferralRecord,
)
from portage_desktop.data.models.service_quality import (
    SupervisionAttendeeRecord,
    SupervisionSessionRecord,
)
from portage_desktop.data.server_access import apply
from portage_desktop.data.server_access.names import APP_ROLES, group_name, login_name
from portage_desktop.database_url import ServerAddress
from portage_desktop.startup import open_server_and_migrate

PASSWORD = "a long test password"
# username -> app role; "hana" and "hugo" are home visitors with a family each.
PEOPLE = {
    "mina": "manager",
    "pat": "practitioner",
    "rita": "read_only",
    "hana": "home_visitor",
    "hugo": "home_visitor",
    "tess": "team_lead",
    "sam": "senco",
}


@dataclass
class SiteForTests:
    site: apply.Site
    owner: ServerAddress
    owner_db: Database
    ids: dict[str, int]

    def connect(self, username: str) -> psycopg.Connection:
        """A plain connection as ``username``'s own login, autocommit like psql."""
        return psycopg.connect(
            host=self.owner.host or None,
            port=self.owner.port,
            dbname=self.site.database,
            user=login_name(self.site.prefix, username),
            password=PASSWORD,
            autocommit=True,
        )


def _populate(db: Database) -> dict[str, int]:
    """Staff, accounts, three children (hana's, hugo's, waiting) and two supervisions."""
    ids: dict[str, int] = {}
    with db.session() as s:
        staff = {name: StaffMemberRecord(first_name=name, last_name="Test") for name in PEOPLE}
        s.add_all(staff.values())
        s.flush()
        for name, role in PEOPLE.items():
            account = UserAccountRecord(
                username=name,
                display_name=name.title(),
                staff_member_id=staff[name].id,
                role=role,
                password_hash="$argon2id$secret",
            )
            s.add(account)
            s.flush()
            ids[f"user_{name}"] = account.id or 0
        visitors = {
            n: HomeVisitorRecord(staff_member_id=staff[n].id or 0) for n in ("hana", "hugo")
        }
        s.add_all(visitors.values())
        s.flush()
        for label in ("hana", "hugo", "waiting"):
            child = ChildRecord(
                first_name=f"Child of {label}", last_name="Test", date_of_birth=date(2023, 5, 1)
            )
            s.add(child)
            s.flush()
            referral = ReferralRecord(child_id=child.id or 0, referred_on=date(2025, 1, 6))
            s.add(referral)
            s.flush()
            ids[f"child_{label}"], ids[f"referral_{label}"] = child.id or 0, referral.id or 0
            if label in visitors:
                s.add(
                    AllocationRecord(
                        referral_id=referral.id or 0,
                        visitor_id=visitors[label].id or 0,
                        from_on=date(2025, 2, 3),
                    )
                )
        for label in ("hana", "hugo"):
            session = SupervisionSessionRecord(
                held_on=date(2025, 3, 4),
                kind="individual",
                supervisor="Tess",
                notes=f"About {label}",
            )
            s.add(session)
            s.flush()
            s.add(
                SupervisionAttendeeRecord(
                    session_id=session.id or 0, visitor_id=visitors[label].id or 0
                )
            )
            ids[f"supervision_{label}"] = session.id or 0
    return ids


@pytest.fixture(scope="module")
def site(postgres) -> Iterator[SiteForTests]:
    """A blank database owned by a CREATEROLE (not superuser) owner, migrated and set up by it."""
    blank = postgres.fresh("blank")
    owner_role = f"{blank.database}_owner"
    postgres._sql(f"CREATE ROLE \"{owner_role}\" LOGIN CREATEROLE PASSWORD '{PASSWORD}'")
    postgres._sql(f'ALTER DATABASE "{blank.database}" OWNER TO "{owner_role}"')
    owner = replace(blank, user=owner_role, password=PASSWORD)
    site = apply.Site(blank.database, owner_role)
    db = open_server_and_migrate(owner)
    made: list[str] = []
    try:
        ids = _populate(db)
        apply.apply_setup(db.engine, site)
        for username, role in PEOPLE.items():
            apply.add_login(db.engine, site, username, role, PASSWORD)
            made.append(login_name(site.prefix, username))
        yield SiteForTests(site, owner, db, ids)
    finally:
        db.dispose()
        postgres.drop(blank)
        for name in [*made, *(group_name(site.prefix, r) for r in APP_ROLES), owner_role]:
            postgres._sql(f'DROP ROLE IF EXISTS "{name}"')


@pytest.fixture(scope="module")
def fresh_site_db(site: SiteForTests) -> Database:
    """The owner's own Database, as the app opens it."""
    return open_server(site.owner)
