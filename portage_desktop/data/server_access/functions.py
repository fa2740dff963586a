"""Server-side functions: who is connected, what they may read, role changes, the audit chain.

Each runs as the owner (SECURITY DEFINER) with a fixed search_path, so a client cannot slip in
a look-alike table or function, and each is callable only by the site's groups. Messages are
plain English, because the app shows them as they are. No ``%`` appears in the SQL: the driver
would read it as a placeholder.
"""

from __future__ import annotations

from portage_desktop.data.audit_store import APPEND_LOCK
from portage_desktop.data.server_access.names import APP_ROLES, group_name, literal, quote

HEADER = "LANGUAGE {lang} {volatility} SECURITY DEFINER SET search_path = pg_catalog, public"
SQL_STABLE = HEADER.format(lang="sql", volatility="STABLE")
PLPGSQL = HEADER.format(lang="plpgsql", volatility="VOLATILE")
# name(arguments) of every function below, for GRANT EXECUTE.
SIGNATURES = (
    "portage_my_account()",
    "portage_my_visitor()",
    "portage_sees_child(integer)",
    "portage_sees_referral(integer)",
    "portage_reads_supervision(integer)",
    "portage_set_role(integer, text)",
    "portage_audit_chain()",
)
# The audit hash, exactly as ``services.audit._digest`` computes it in Python.
DIGEST = (
    "encode(sha256(convert_to(concat_ws(chr(31), NEW.prev_hash, "
    "to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), NEW.actor, "
    "NEW.action, NEW.record_kind, "
    "CASE WHEN coalesce(NEW.record_id, 0) = 0 THEN '' ELSE NEW.record_id::text END, "
    "NEW.detail), 'UTF8')), 'hex')"
)


def _member(prefix: str, role: str) -> str:
    return f"pg_has_role(session_user, {literal(group_name(prefix, role))}, 'MEMBER')"


def function_statements(prefix: str) -> list[str]:
    """CREATE OR REPLACE every function, then let only the site's groups run them."""
    login_prefix = literal(f"{prefix}_user_")
    open_allocation = (
        "SELECT 1 FROM public.allocation a JOIN public.referral r ON r.id = a.referral_id "
        "WHERE r.child_id = child AND a.until_on IS NULL"
    )
    sql = [
        # The account of the person connected, found from their login's name.
        "CREATE OR REPLACE FUNCTION portage_my_account() RETURNS integer "
        f"{SQL_STABLE} AS $$ SELECT id FROM public.user_account WHERE active "
        f"AND {login_prefix} || lower(username) = session_user::text $$",
        "CREATE OR REPLACE FUNCTION portage_my_visitor() RETURNS integer "
        f"{SQL_STABLE} AS $$ SELECT v.id FROM public.home_visitor v "
        "JOIN public.user_account u ON u.staff_member_id = v.staff_member_id "
        "WHERE u.id = portage_my_account() $$",
        # A home visitor sees her own families, and children allocated to nobody (new
        # referrals she enters, the waiting list), never another visitor's families.
        "CREATE OR REPLACE FUNCTION portage_sees_child(child integer) RETURNS boolean "
        f"{SQL_STABLE} AS $$ SELECT NOT {_member(prefix, 'home_visitor')} "
        f"OR NOT EXISTS ({open_allocation} AND a.visitor_id IS DISTINCT FROM "
        "portage_my_visitor()) "
        f"OR EXISTS ({open_allocation} AND a.visitor_id = portage_my_visitor()) $$",
        "CREATE OR REPLACE FUNCTION portage_sees_referral(ref integer) RETURNS boolean "
        f"{SQL_STABLE} AS $$ SELECT coalesce((SELECT portage_sees_child(child_id) "
        "FROM public.referral WHERE id = ref), true) $$",
        # As supervision.list_sessions: team leads and managers read every session, a home
        # visitor those she attended, nobody else any.
        "CREATE OR REPLACE FUNCTION portage_reads_supervision(sess integer) RETURNS boolean "
        f"{SQL_STABLE} AS $$ SELECT {_member(prefix, 'manager')} "
        f"OR {_member(prefix, 'team_lead')} "
        "OR EXISTS (SELECT 1 FROM public.supervision_attendee "
        "WHERE session_id = sess AND visitor_id = portage_my_visitor()) $$",
        _set_role(prefix),
        _audit_chain(),
        "DROP TRIGGER IF EXISTS portage_audit_chain ON audit_entry",
        "CREATE TRIGGER portage_audit_chain BEFORE INSERT ON audit_entry "
        "FOR EACH ROW EXECUTE FUNCTION portage_audit_chain()",
    ]
    groups = ", ".join(quote(group_name(prefix, role)) for role in APP_ROLES)
    for signature in SIGNATURES:
        sql.append(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
        sql.append(f"GRANT EXECUTE ON FUNCTION {signature} TO {groups}")
    return sql


def _set_role(prefix: str) -> str:
    """Change an account's role, its login's group and the audit log, all or nothing."""
    groups = ", ".join(literal(group_name(prefix, role)) for role in APP_ROLES)
    roles = ", ".join(literal(role) for role in APP_ROLES)
    return f"""CREATE OR REPLACE FUNCTION portage_set_role(account integer, new_role text)
RETURNS void {PLPGSQL} AS $$
DECLARE
    me public.user_account;
    target public.user_account;
    login text;
    grp text;
BEGIN
    SELECT * INTO me FROM public.user_account WHERE id = portage_my_account();
    IF me.id IS NULL OR me.role <> 'manager' OR NOT {_member(prefix, "manager")} THEN
        RAISE EXCEPTION 'Only a manager can change the role of an account.'
            USING ERRCODE = '42501';
    END IF;
    IF new_role IS NULL OR new_role NOT IN ({roles}) THEN
        RAISE EXCEPTION 'Please choose a role.' USING ERRCODE = '22023';
    END IF;
    SELECT * INTO target FROM public.user_account WHERE id = account FOR UPDATE;
    IF target.id IS NULL THEN
        RAISE EXCEPTION 'That account no longer exists.' USING ERRCODE = 'P0002';
    END IF;
    IF target.role = 'manager' AND target.active AND new_role <> 'manager' AND (
        SELECT count(*) FROM public.user_account WHERE role = 'manager' AND active) <= 1 THEN
        RAISE EXCEPTION 'This is the last active manager. Make someone else a manager first.'
            USING ERRCODE = '23514';
    END IF;
    UPDATE public.user_account
        SET role = new_role, updated_at = now(), row_version = row_version + 1
        WHERE id = account;
    login := {literal(prefix + "_user_")} || lower(target.username);
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = login) THEN
        FOREACH grp IN ARRAY ARRAY[{groups}] LOOP
            EXECUTE 'REVOKE ' || quote_ident(grp) || ' FROM ' || quote_ident(login);
        END LOOP;
        EXECUTE 'GRANT ' || quote_ident({literal(prefix + "_role_")} || new_role)
            || ' TO ' || quote_ident(login);
    END IF;
    INSERT INTO public.audit_entry
        (at, actor, action, record_kind, record_id, detail, prev_hash, hash)
        VALUES (clock_timestamp(), me.username, 'change', 'user', account,
                'role ' || new_role, '', '');
END $$"""


def _audit_chain() -> str:
    """Link every new audit entry to the last one on the server, whatever the client sent.

    A person's own login also cannot write in someone else's name or date an entry: the actor
    and time are the server's. The owner's connection (the app before per-person logins, or
    the set-up) keeps its actor and time, and still gets the server's links.
    """
    return f"""CREATE OR REPLACE FUNCTION portage_audit_chain() RETURNS trigger {PLPGSQL} AS $$
DECLARE
    who text;
BEGIN
    PERFORM pg_advisory_xact_lock({APPEND_LOCK});
    SELECT username INTO who FROM public.user_account WHERE id = portage_my_account();
    IF who IS NOT NULL THEN
        NEW.actor := who;
        NEW.at := clock_timestamp();
    END IF;
    NEW.prev_hash := coalesce(
        (SELECT hash FROM public.audit_entry ORDER BY id DESC LIMIT 1), '');
    NEW.hash := {DIGEST};
    RETURN NEW;
END $$"""
