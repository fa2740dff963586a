"""``make-demo``: demo databases for trying the app and timing it (kept apart from cli.py;
cli.py adds the command and calls :func:`make_demo_command`)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from portage_desktop import service_cli
from portage_desktop.i18n import tr

EXIT_OK = 0


def make_demo_command(args: argparse.Namespace, user_error: type[Exception]) -> int:
    """``make-demo``: the small demo, the service demo or the large site, to a file or a server."""
    from portage_desktop.startup import make_demo

    if args.demo_database_url:
        if args.path or not args.large or args.service:
            raise user_error(tr("--database-url goes with --large only, and without a PATH"))
        return _make_large_demo_on_server(args.demo_database_url, args.seed, args.scale, user_error)
    if not args.path:
        raise user_error(tr("give the PATH of the demo database to write"))
    path = Path(args.path).expanduser()
    if args.large and args.children is not None:
        raise user_error(tr("--children does not go with --large; use --scale to change its size"))
    if not args.large and args.scale != 1.0:
        raise user_error(tr("--scale goes with --large"))
    children = 12 if args.children is None else args.children
    if not 1 <= children <= 5000:
        raise user_error(tr("--children must be between 1 and 5000"))
    if not 0 < args.scale <= 10:
        raise user_error(tr("--scale must be more than 0 and at most 10"))
    if path.exists() and not args.force:
        raise user_error(tr("{path} already exists; add --force to replace it").format(path=path))
    if path.is_dir():
        raise user_error(
            tr("{path} is a folder; give a file name such as demo.db").format(path=path)
        )
    if args.service and args.children is not None:
        raise user_error(tr("--service does not go with --children"))
    if args.service and args.large:
        return service_cli.make_large_service_demo(path, args.seed, args.scale)
    if args.large:
        return _make_large_demo(path, args.seed, args.scale)
    if args.service:
        make_demo(path, seed=args.seed, service=True).dispose()
        print(tr("Wrote a demo home-visiting service to {path}").format(path=path))
        return EXIT_OK
    db = make_demo(path, children=children, seed=args.seed, start_application=True)
    db.dispose()
    print(
        tr("Wrote a demo database with {children} children to {path}").format(
            children=children, path=path
        )
    )
    return EXIT_OK


def _make_large_demo_on_server(
    url: str, seed: int, scale: float, user_error: type[Exception]
) -> int:
    from portage_desktop.database_url import BadAddress, parse
    from portage_desktop.startup import make_large_demo_on_server

    if not 0 < scale <= 10:
        raise user_error(tr("--scale must be more than 0 and at most 10"))
    try:
        address = parse(url)
    except BadAddress as exc:
        raise user_error(tr("--database-url: {exc}").format(exc=exc)) from exc
    password = os.environ.get("PORTAGE_DESKTOP_PASSWORD", "")
    if not password:
        raise user_error(
            tr("set PORTAGE_DESKTOP_PASSWORD to the password for the demo's first account, manager")
        )
    db = make_large_demo_on_server(
        address, password, seed=seed, scale=scale, progress=_demo_progress()
    )
    db.dispose()
    print(tr("Wrote a large demo site to {where}; log in as manager").format(where=address.display))
    return EXIT_OK


def _demo_progress() -> Callable[[int, int], None]:
    live = sys.stderr.isatty()
    shown = [-1]

    def progress(done: int, total: int) -> None:
        tenth = done * 10 // max(total, 1)
        if live or tenth != shown[0]:
            line = tr("Writing the large demo: {done:,} of {total:,} children").format(
                done=done, total=total
            )
            print(("\r" + line) if live else line, end="" if live else "\n", file=sys.stderr)
        shown[0] = tenth

    return progress


def _make_large_demo(path: Path, seed: int, scale: float) -> int:
    import time

    from portage_desktop.demo.large.build import children_for
    from portage_desktop.startup import make_large_demo

    live = sys.stderr.isatty()
    started = time.perf_counter()
    db = make_large_demo(path, seed=seed, scale=scale, progress=_demo_progress())
    db.dispose()
    if live:
        print(file=sys.stderr)
    seconds = time.perf_counter() - started
    print(
        tr(
            "Wrote a large demo site ({children_for:,} children) to {path} in {seconds:.0f} s"
        ).format(children_for=children_for(scale), path=path, seconds=seconds)
    )
    return EXIT_OK
