"""Use a built or installed copy of the app as a person would: start it, make records, print.

The release builds run this on every platform's result (the Windows bundle and installed copy,
the macOS .app); Linux's smoke_deb.sh does the same in shell around its package manager.

    python packaging/smoke_app.py APP-EXECUTABLE [COMMAND-LINE-EXECUTABLE]

The second executable is for Windows, where the app has no console and so prints nothing: the
separate command-line one answers --version and prints. Records go to a temporary home folder
unless PORTAGE_DESKTOP_HOME is set.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import project_info

USAGE = "usage: python packaging/smoke_app.py APP-EXECUTABLE [COMMAND-LINE-EXECUTABLE]"
DEMO_PASSPHRASE = "portage demo"
TIMEOUT = 300  # seconds; a first start on a cold Windows runner can be slow


def _run(command: list[str], env: dict[str, str], what: str) -> str:
    try:
        result = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SystemExit(f"Could not {what}: {error}") from error
    if result.returncode != 0:
        raise SystemExit(
            f"Could not {what} (exit {result.returncode}):\n{result.stdout}{result.stderr}"
        )
    return result.stdout + result.stderr


def smoke(gui: Path, cli: Path, home: Path) -> Path:
    """Check the version, open the window, make a demo and print from it; return the PDF."""
    env = dict(os.environ)
    env.update(
        PORTAGE_DESKTOP_HOME=str(home),
        PORTAGE_DESKTOP_PASSPHRASE=DEMO_PASSPHRASE,
        QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )
    version = project_info.read().version
    said = _run([str(cli), "--version"], env, "ask the app its version").strip()
    if said != f"portage-desktop {version}":
        raise SystemExit(f"The app says {said!r}, not version {version}.")
    _run([str(gui), "--smoke-test"], env, "open the main window")
    database, pdf = home / "demo.db", home / "profile.pdf"
    _run([str(cli), "make-demo", str(database)], env, "make the demo records")
    _run(
        [
            str(cli),
            "print",
            "one-page-profile",
            "--database",
            str(database),
            "--child",
            "1",
            "--out",
            str(pdf),
        ],
        env,
        "print a one-page profile",
    )
    if not pdf.is_file() or pdf.read_bytes()[:5] != b"%PDF-":
        raise SystemExit("The app said it printed, but wrote no PDF.")
    return pdf


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(USAGE, file=sys.stderr)
        return 2
    gui = Path(argv[1])
    cli = Path(argv[2]) if len(argv) == 3 else gui
    override = os.environ.get("PORTAGE_DESKTOP_HOME")
    with tempfile.TemporaryDirectory(prefix="portage-smoke-") as scratch:
        pdf = smoke(gui, cli, Path(override) if override else Path(scratch))
        print(f"{gui.name} starts, makes records and prints ({pdf.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
