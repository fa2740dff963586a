from __future__ import annotations

import pytest

from portage_desktop.services import audit, security, users
from portage_desktop.services.access import PermissionDenied, Role, current_actor
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.users import LoginFailed, UserInput
from tests.conftest import reopen

PW = "a long password 1"


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("short", 0),
        ("password", 0),
        ("aaaaaaaaaaaa", 0),
        ("passwordpassword", 0),
        ("Password1234!", 1),  # every character class, and still a common pattern
        ("Portage2024!", 1),
        ("BlueKettle12", 1),
        ("a long password 1", 2),
        ("blue kettle river", 3),
        ("blue kettle river orchard puffin", 4),
        ("blue kettle river orchard puffin " * 5, 4),  # longer than zxcvbn itself accepts
    ],
)
def test_strength_scores(text, score):
    assert security.strength(text).score == score
    assert security.strength(text).label


def test_password1234_rates_weak_and_is_refused():
    rating = security.strength("Password1234!")
    assert rating.label == "Weak" and "commonly used password" in rating.advice
    with pytest.raises(ValidationError) as caught:
        security.validate_new("Password1234!", "Password1234!")
    assert caught.value.errors["passphrase"].startswith("Weak.")


def test_suggestions_come_from_the_eff_long_list_and_claim_its_true_entropy():
    words = security.word_list()
    assert len(words) == 7776 and words[0] == "abacus" and words[-1] == "zoom"
    assert round(security.bits_per_word(), 1) == 12.9
    assert round(security.suggestion_bits(), 1) == 51.7  # four words, not the old claim of 41
    first, second = security.suggest(), security.suggest()
    assert first != second
    assert len(first.split()) == 4 and set(first.split()) <= set(words)
    assert security.strength(first).score >= security.MIN_SCORE


def test_a_weak_account_password_is_refused(db):
    with pytest.raises(ValidationError) as caught:
        users.create_user(
            db, UserInput("mina", "Mina", Role.MANAGER, "Password1234!", "Password1234!")
        )
    assert caught.value.errors["password"].startswith("Weak.")


def _manager(db):
    return users.create_user(db, UserInput("mina", "Mina Shah", Role.MANAGER, PW, PW))


def test_first_account_must_be_a_manager(db):
    with pytest.raises(ValidationError) as caught:
        users.create_user(db, UserInput("jo", "Jo", Role.PRACTITIONER, PW, PW))
    assert "first account must be a manager" in caught.value.errors["role"]
    assert users.is_multi_user(db) == db.on_server  # a server always has named accounts
    _manager(db)
    assert users.is_multi_user(db)
    assert current_actor(db).username == "mina"


def test_account_validation(db):
    with pytest.raises(ValidationError) as caught:
        users.create_user(db, UserInput("Bad Name!", "", None, "short", "short"))
    assert set(caught.value.errors) == {"username", "display_name", "role", "password"}
    _manager(db)
    users.log_in(db, "mina", PW)
    with pytest.raises(ValidationError) as caught:
        users.create_user(db, UserInput("MINA", "Another", Role.SENCO, PW, PW + "x"))
    assert set(caught.value.errors) == {"username", "confirm"}


def test_once_accounts_exist_nobody_may_act_before_logging_in(db):
    _manager(db)
    again = reopen(db)
    assert again.multi_user
    assert current_actor(again).role is Role.NONE
    from portage_desktop.services import children

    with pytest.raises(PermissionDenied, match="log in"):
        children.list_children(again)
    users.log_in(again, "mina", PW)
    assert children.list_children(again) == []


def test_login_checks_the_password_and_is_audited(db):
    _manager(db)
    with pytest.raises(LoginFailed):
        users.log_in(db, "mina", "wrong password!!")
    with pytest.raises(LoginFailed):
        users.log_in(db, "nobody-here", PW)
    actor = users.log_in(db, "MINA", PW)
    assert (actor.username, actor.role) == ("mina", Role.MANAGER)
    actions = [(e.actor, e.action) for e in audit.search(db, record_kind="user")]
    assert actions[:3] == [
        ("mina", "login"),
        ("(failed login)", "login_failed"),
        ("(failed login)", "login_failed"),
    ]


def test_repeated_failures_switch_the_account_off(db):
    _manager(db)
    users.log_in(db, "mina", PW)
    jo = users.create_user(db, UserInput("jo", "Jo", Role.PRACTITIONER, PW, PW))
    for _ in range(users.LOCK_AFTER_FAILURES):
        with pytest.raises(LoginFailed):
            users.log_in(db, "jo", "not it at all")
    with pytest.raises(LoginFailed):
        users.log_in(db, "jo", PW)
    users.log_in(db, "mina", PW)
    users.update_user(db, jo.id, Role.PRACTITIONER, active=True)
    assert users.log_in(db, "jo", PW).role is Role.PRACTITIONER


def test_the_last_manager_cannot_be_demoted_or_switched_off(db):
    mina = _manager(db)
    users.log_in(db, "mina", PW)
    with pytest.raises(ValidationError):
        users.update_user(db, mina.id, Role.SENCO, active=True)
    with pytest.raises(ValidationError):
        users.update_user(db, mina.id, Role.MANAGER, active=False)
    users.create_user(db, UserInput("sam", "Sam", Role.MANAGER, PW, PW))
    users.update_user(db, mina.id, Role.SENCO, active=True)


def test_only_managers_manage_accounts_but_anyone_changes_their_own_password(db):
    _manager(db)
    users.log_in(db, "mina", PW)
    jo = users.create_user(db, UserInput("jo", "Jo", Role.PRACTITIONER, PW, PW))
    users.log_in(db, "jo", PW)
    with pytest.raises(PermissionDenied):
        users.list_users(db)
    with pytest.raises(PermissionDenied):
        users.create_user(db, UserInput("kim", "Kim", Role.SENCO, PW, PW))
    users.set_password(db, jo.id, "my new plum tart password", "my new plum tart password")
    users.log_in(db, "jo", "my new plum tart password")
    with pytest.raises(PermissionDenied):
        security.change_passphrase(db, "x", "y", "y")


def test_a_new_server_asks_its_first_person_to_become_manager(db):
    assert users.needs_first_manager(db) == db.on_server  # a file starts in single-user mode
    first = users.create_first_manager(db, UserInput("mina", "Mina Shah", Role.SENCO, PW, PW))
    assert first.role is Role.MANAGER  # whatever was asked for: someone must manage the rest
    assert current_actor(db).username == "mina"
    assert not users.needs_first_manager(db)
    with pytest.raises(ValidationError) as caught:
        users.create_first_manager(db, UserInput("jo", "Jo", None, PW, PW))
    assert caught.value.errors["username"] == users.FIRST_TAKEN
    (created,) = audit.search(db, action="create", record_kind="user")
    assert created.actor == "mina"


def test_two_people_setting_up_at_once_make_one_manager(db):
    """Two copies of the app on a new server: one becomes the manager, the other is told."""
    import threading

    from tests.conftest import another_connection

    copies = [another_connection(db) for _ in range(2)]
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def set_up(database, name: str) -> None:
        start.wait()
        try:
            users.create_first_manager(database, UserInput(name, name.title(), None, PW, PW))
            outcomes.append("manager")
        except ValidationError as exc:
            outcomes.append(exc.errors.get("username", "?"))

    threads = [
        threading.Thread(target=set_up, args=(c, n))
        for c, n in zip(copies, ("mina", "jo"), strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for copy in copies:
        copy.dispose()
    assert sorted(outcomes) == sorted(["manager", users.FIRST_TAKEN])
    with db.session() as s:
        from portage_desktop.data import users_store

        assert users_store.count_accounts(s) == 1
