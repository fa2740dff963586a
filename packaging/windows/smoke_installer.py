"""Install the Windows installer silently for this user, use the app, uninstall, check the records.

    python packaging\\windows\\smoke_installer.py [PortageDesktop-VERSION-setup.exe]

Checks that it installs without administrator rights into %LOCALAPPDATA%\\Programs, adds the
Start menu entry, starts and prints from the installed copy, and that uninstalling removes the
program but leaves the records folder (%LOCALAPPDATA%\\PortageDesktop) exactly as it was.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import build_installer  # noqa: E402
import project_info  # noqa: E402
import smoke_app  # noqa: E402

SILENT = ["/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/CURRENTUSER"]


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def main(argv: list[str]) -> int:
    if sys.platform != "win32":
        print("The Windows installer is tried on Windows.", file=sys.stderr)
        return 2
    project = project_info.read()
    setup = (
        Path(argv[1])
        if len(argv) > 1
        else build_installer.installer_path(project, project_info.ROOT / "dist")
    )
    local = Path(os.environ["LOCALAPPDATA"])
    app_dir = local / "Programs" / project_info.DISPLAY_NAME
    records = local / "PortageDesktop"  # platformdirs' folder for the app's data on Windows
    start_menu = Path(os.environ["APPDATA"]) / "Microsoft" / "Windows" / "Start Menu" / "Programs"

    subprocess.run([str(setup), *SILENT, f"/LOG={local / 'portage-setup.log'}"], check=True)
    gui, cli = app_dir / "portage-desktop.exe", app_dir / "portage-desktop-cli.exe"
    if not gui.is_file():
        raise SystemExit(f"The installer did not put the app in {app_dir}.")
    if not (start_menu / f"{project_info.DISPLAY_NAME}.lnk").is_file():
        raise SystemExit("The installer added no Start menu entry.")

    # The records go to the real default folder, as a person's would, so uninstalling is tested
    # against them; a leftover from an earlier run would make the check meaningless.
    if records.exists():
        raise SystemExit(f"{records} already exists here; run this on a clean machine.")
    os.environ.pop("PORTAGE_DESKTOP_HOME", None)
    smoke_app.smoke(gui, cli, records / "smoke")
    before = fingerprint(records)

    subprocess.run([str(app_dir / "unins000.exe"), *SILENT[:3]], check=True)
    if gui.exists():
        raise SystemExit("Uninstalling left the program behind.")
    if fingerprint(records) != before or not before:
        raise SystemExit(f"Uninstalling changed the records folder {records}.")
    print("The installer installs per user, starts, prints, and uninstalls leaving the records.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
