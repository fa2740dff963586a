"""PostgreSQL's own security for a shared server: group roles, per-person logins, grants,
row-level security and the functions that guard role changes and the audit chain.

Why one login per person, each a member of one NOLOGIN group per app role (rather than six
shared role logins): the server can then tell two home visitors apart, which row-level
security needs to show each her own families; a person who leaves loses only their own
password (``DROP ROLE``), nobody else's; the audit trigger takes the actor from the login, so
nobody can write in another's name; and the server's own log names the person. The groups
keep the privileges in one place, so changing a role is one ``GRANT``, not a dozen.
"""
