"""Row-level security: a home visitor's login sees her own families, never another's."""

from __future__ import annotations

import pytest

from tests.data.server_access.conftest import SiteForTests


def _children(site: SiteForTests, username: str) -> set[int]:
    with site.connect(username) as conn:
        return {row[0] for row in conn.execute("SELECT id FROM child").fetchall()}


def test_a_home_visitor_sees_her_own_families_and_the_unallocated_only(
    site: SiteForTests,
) -> None:
    ids = site.ids
    seen = _children(site, "hana")
    assert ids["child_hana"] in seen
    assert ids["child_waiting"] in seen  # a new referral she may be entering
    assert ids["child_hugo"] not in seen
    assert ids["child_hugo"] in _children(site, "hugo")
    assert ids["child_hana"] not in _children(site, "hugo")


@pytest.mark.parametrize("username", ["mina", "tess", "pat", "rita", "sam"])
def test_every_other_role_sees_every_child(site: SiteForTests, username: str) -> None:
    ids = site.ids
    assert {ids["child_hana"], ids["child_hugo"], ids["child_waiting"]} <= _children(site, username)


def test_another_visitors_family_is_hidden_in_every_table_and_cannot_be_changed(
    site: SiteForTests,
) -> None:
    ids = site.ids
    with site.connect("hana") as conn:
        referrals = {r[0] for r in conn.execute("SELECT id FROM referral").fetchall()}
        allocations = conn.execute("SELECT count(*) FROM allocation").fetchone()[0]
        changed = conn.execute(
            "UPDATE child SET known_as = 'x' WHERE id = %s", [ids["child_hugo"]]
        ).rowcount
        own = conn.execute(
            "UPDATE child SET known_as = 'Mine' WHERE id = %s", [ids["child_hana"]]
        ).rowcount
    assert ids["referral_hugo"] not in referrals
    assert ids["referral_hana"] in referrals
    assert allocations == 1  # her own family's allocation only
    assert changed == 0
    assert own == 1


def test_supervision_is_read_as_the_service_rules_say(site: SiteForTests) -> None:
    def sessions(username: str) -> set[int]:
        with site.connect(username) as conn:
            return {r[0] for r in conn.execute("SELECT id FROM supervision_session").fetchall()}

    both = {site.ids["supervision_hana"], site.ids["supervision_hugo"]}
    assert sessions("tess") == both
    assert sessions("mina") == both
    assert sessions("hana") == {site.ids["supervision_hana"]}
    assert sessions("pat") == set()
