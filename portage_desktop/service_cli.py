"""The home-visiting service's commands: ``waiting-list`` and ``caseloads``, and the ``--visit``
option of ``print``. Kept apart from cli.py so the service's commands grow in one place."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from portage_desktop.i18n import tr

if TYPE_CHECKING:
    from portage_desktop.data.engine import Database

URL_HELP = tr("a shared PostgreSQL server, postgresql://user@host:5432/database")


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    for name, text in (
        ("waiting-list", tr("the service's waiting list in order, with each family's reason")),
        ("caseloads", tr("each home visitor's families and visits a week against her limits")),
    ):
        cmd = commands.add_parser(name, help=text)
        cmd.add_argument("--database", dest="service_database", metavar="PATH")
        cmd.add_argument(
            "--database-url", dest="service_database_url", metavar="URL", help=URL_HELP
        )
        cmd.add_argument(
            "--on", metavar="DATE", help=tr("as on this day (dd/mm/yyyy or yyyy-mm-dd)")
        )
        cmd.add_argument("--json", action="store_true", help=tr("print the result as JSON"))


def add_print_options(printer: argparse.ArgumentParser) -> None:
    printer.add_argument(
        "--visit",
        type=int,
        metavar="N",
        help=tr("which visit (its record number), for visit-record"),
    )


def print_item(args: argparse.Namespace, user_error: type[Exception]) -> int | None:
    """The item a print is for: ``--plan`` for the plan prints, ``--visit`` for visit-record."""
    visit = getattr(args, "visit", None)
    if visit is None:
        return args.plan
    if args.kind != "visit-record":
        raise user_error(tr("--visit goes with visit-record"))
    if args.plan is not None:
        raise user_error(tr("--plan does not go with visit-record"))
    return visit


def run(
    args: argparse.Namespace,
    open_existing: Callable[[str | None, str | None], Database],
    parse_day: Callable[[str | None], date],
) -> int | None:
    """Run a service command; ``None`` when ``args`` names another command."""
    if args.command not in ("waiting-list", "caseloads"):
        return None
    on = parse_day(args.on)
    db = open_existing(
        args.service_database or args.database, args.service_database_url or args.database_url
    )
    try:
        text = (
            _waiting(db, on, args.json)
            if args.command == "waiting-list"
            else _caseloads(db, on, args.json)
        )
    finally:
        db.dispose()
    print(text)
    return 0


def _waiting(db: Database, on: date, as_json: bool) -> str:
    from portage_desktop.services.dates import format_date
    from portage_desktop.services.home_visiting.waiting_list import waiting_list

    families = waiting_list(db, on)
    if as_json:
        return json.dumps(
            [
                {
                    "position": f.position,
                    "referral": f.referral_id,
                    "child": f.child_id,
                    "name": f.child_name,
                    "referred_on": f.referred_on.isoformat(),
                    "waiting_since": f.waiting_since.isoformat(),
                    "days_waited": f.days_waited,
                    "eligible_until": f.eligible_until.isoformat(),
                    "priority": f.priority.label,
                    "moved_by_hand": f.moved_by_hand,
                    "reason": f.reason,
                }
                for f in families
            ],
            indent=2,
        )
    if not families:
        return tr("Nobody is waiting.")
    lines = [
        tr("{count} families waiting on {date}:").format(count=len(families), date=format_date(on))
    ]
    for f in families:
        lines.append(
            tr(
                "{position:>3}. {reason} Waited {weeks_waited} week{value}; eligible until {date}."
            ).format(
                position=f.position,
                reason=f.reason,
                weeks_waited=f.weeks_waited,
                value="" if f.weeks_waited == 1 else "s",
                date=format_date(f.eligible_until),
            )
        )
    return "\n".join(lines)


def _caseloads(db: Database, on: date, as_json: bool) -> str:
    from portage_desktop.services.dates import format_date
    from portage_desktop.services.home_visiting.caseloads import caseloads

    loads = caseloads(db, on, everyone=True)
    if as_json:
        return json.dumps(
            [
                {
                    "visitor": c.visitor.name,
                    "fte_percent": c.visitor.fte_percent,
                    "families": len(c.families),
                    "family_limit": c.family_limit,
                    "visits_per_week": c.visits_per_week,
                    "visit_limit": c.visit_limit,
                    "hours_per_week": c.hours_per_week,
                    "over_capacity": c.over_capacity,
                    "caseload": [
                        {
                            **{k: v for k, v in asdict(f).items() if not isinstance(v, date)},
                            **{
                                k: v.isoformat()
                                for k, v in asdict(f).items()
                                if isinstance(v, date)
                            },
                        }
                        for f in c.families
                    ],
                }
                for c in loads
            ],
            indent=2,
        )
    if not loads:
        return tr("No home visitors yet.")
    lines = [tr("Caseloads on {date}:").format(date=format_date(on))]
    for c in loads:
        flag = tr("  OVER CAPACITY") if c.over_capacity else ""
        lines.append(
            tr(
                "{name} ({fte_percent}%): {count} of "
                "{family_limit:g} families, {visits_per_week:g} of {visit_limit:g} visits a "
                "week, {hours_per_week:g} hours{flag}"
            ).format(
                name=c.visitor.name,
                fte_percent=c.visitor.fte_percent,
                count=len(c.families),
                family_limit=c.family_limit,
                visits_per_week=c.visits_per_week,
                visit_limit=c.visit_limit,
                hours_per_week=c.hours_per_week,
                flag=flag,
            )
        )
        for f in c.families:
            lines.append(
                tr("    {child_name}: place frees {date} ({frees_because})").format(
                    child_name=f.child_name,
                    date=format_date(f.frees_on),
                    frees_because=f.frees_because,
                )
            )
    return "\n".join(lines)


def make_large_service_demo(path: Path, seed: int, scale: float) -> int:
    """``make-demo PATH --service --large``: the benchmark-sized service, written in bulk."""
    import time

    from portage_desktop.demo.service_large import populate_large_service
    from portage_desktop.startup import demo_passphrase, new_key, open_and_migrate

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    db = open_and_migrate(path, backup_dir=None, key=new_key(demo_passphrase()))
    try:
        counts = populate_large_service(
            db,
            seed=seed,
            scale=scale,
            progress=lambda done, total: print(
                tr("Writing the large service: {done:,} of {total:,} children").format(
                    done=done, total=total
                ),
                file=sys.stderr,
            ),
        )
    finally:
        db.dispose()
    seconds = time.perf_counter() - started
    print(
        tr(
            "Wrote a large demo service ({get:,} children, "
            "{get2:,} visits) to {path} in {seconds:.0f} s"
        ).format(
            get=counts.get("child", 0), get2=counts.get("home_visit", 0), path=path, seconds=seconds
        )
    )
    return 0
