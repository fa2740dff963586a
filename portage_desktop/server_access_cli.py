"""``server-access``: the server's own roles and privileges for a shared database, printed as
SQL for IT to run or applied through the owner's account; and one person's login added or
removed. Kept apart from cli.py; cli.py adds the command and calls :func:`run`."""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable
from typing import TYPE_CHECKING

from portage_desktop.i18n import tr

if TYPE_CHECKING:
    from portage_desktop.data.server_access.apply import Site
    from portage_desktop.database_url import ServerAddress

ROLES = ("manager", "senco", "practitioner", "read_only", "home_visitor", "team_lead")


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = commands.add_parser(
        "server-access",
        help=tr("set up the shared server's own roles and privileges (print the SQL or apply it)"),
    )
    what = cmd.add_mutually_exclusive_group(required=True)
    what.add_argument("--print-sql", action="store_true", help=tr("print the SQL, change nothing"))
    what.add_argument("--apply", action="store_true", help=tr("run it with the owner's account"))
    cmd.add_argument(
        "--owner-url",
        required=True,
        metavar="URL",
        help=tr("the owner's address, postgresql://owner@host/database (no password in it)"),
    )
    person = cmd.add_mutually_exclusive_group()
    person.add_argument("--add-login", metavar="USERNAME", help=tr("give one person a login"))
    person.add_argument("--remove-login", metavar="USERNAME", help=tr("end one person's login"))
    cmd.add_argument("--role", choices=ROLES, help=tr("the role of the login to add"))


def run(
    args: argparse.Namespace,
    user_error: type[Exception],
    ask_password: Callable[[str], str] | None = None,
) -> int | None:
    """Run ``server-access``; ``None`` when ``args`` names another command."""
    if args.command != "server-access":
        return None
    from portage_desktop.data.server_access import apply
    from portage_desktop.data.server_access.names import BadName
    from portage_desktop.database_url import BadAddress, parse

    try:
        address = parse(args.owner_url)
    except BadAddress as exc:
        raise user_error(tr("--owner-url: {exc}").format(exc=exc)) from exc
    if not address.user:
        raise user_error(
            tr("--owner-url must name the owner's account, postgresql://owner@host/db")
        )
    if args.add_login and not args.role:
        raise user_error(tr("--add-login needs --role"))
    site = apply.Site(address.database, address.user)
    try:
        if args.print_sql:
            print(_script(site, args), end="")
            return 0
        _apply(site, address, args, user_error, ask_password or getpass.getpass)
    except BadName as exc:
        raise user_error(str(exc)) from exc
    return 0


def _script(site: Site, args: argparse.Namespace) -> str:
    from portage_desktop.data.server_access import apply

    if args.add_login:
        lines = apply.add_login_statements(site, args.add_login, args.role)
        lines.append(f"-- then, in psql: \\password {lines[0].split()[2]}")
    elif args.remove_login:
        lines = apply.remove_login_statements(site, args.remove_login)
    else:
        return apply.setup_script(site)
    return "".join(f"{line};\n" if not line.startswith("--") else f"{line}\n" for line in lines)


def _apply(
    site: Site,
    address: ServerAddress,
    args: argparse.Namespace,
    user_error: type[Exception],
    ask_password: Callable[[str], str],
) -> None:
    from portage_desktop.data.engine import open_server
    from portage_desktop.data.server_access import apply

    password = ""
    if args.add_login:
        password = ask_password(
            tr("Password for {add_login}'s server login: ").format(add_login=args.add_login)
        )
        if len(password) < 12:
            raise user_error(tr("the password must be at least 12 characters"))
        if ask_password("The same password again: ") != password:
            raise user_error(tr("the two passwords were not the same; nothing was changed"))
    db = open_server(address)
    try:
        if args.add_login:
            apply.add_login(db.engine, site, args.add_login, args.role, password)
            print(
                tr("{add_login} can now connect as {login}.").format(
                    add_login=args.add_login, login=_login(site, args.add_login)
                )
            )
        elif args.remove_login:
            apply.remove_login(db.engine, site, args.remove_login)
            print(
                tr("{remove_login}'s server login has been removed.").format(
                    remove_login=args.remove_login
                )
            )
        else:
            apply.apply_setup(db.engine, site)
            print(
                tr("The server's roles for {database} are set up.").format(database=site.database)
            )
    finally:
        db.dispose()


def _login(site: Site, username: str) -> str:
    from portage_desktop.data.server_access.names import login_name

    return login_name(site.prefix, username)
