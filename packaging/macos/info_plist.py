"""The macOS Info.plist of Portage Desktop.app, from pyproject.toml.

The spec hands it to PyInstaller's BUNDLE on macOS, and build_app.sh checks the written file
with plistlib, so the bundle id, version and minimum macOS are set in one place.

    python packaging/macos/info_plist.py OUTPUT.plist      write one (and check it)
    python packaging/macos/info_plist.py --check APP       check a built Portage Desktop.app
"""

from __future__ import annotations

import plistlib
import sys
from pathlib import Path
from xml.parsers.expat import ExpatError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import project_info

REQUIRED = (
    "CFBundleIdentifier",
    "CFBundleName",
    "CFBundleDisplayName",
    "CFBundleExecutable",
    "CFBundlePackageType",
    "CFBundleShortVersionString",
    "CFBundleVersion",
    "CFBundleIconFile",
    "LSMinimumSystemVersion",
)


def info_plist(project: project_info.Project | None = None) -> dict[str, object]:
    project = project or project_info.read()
    return {
        "CFBundleIdentifier": project_info.APP_ID,
        "CFBundleName": project_info.DISPLAY_NAME,
        "CFBundleDisplayName": project_info.DISPLAY_NAME,
        "CFBundleExecutable": project.name,
        "CFBundlePackageType": "APPL",
        "CFBundleShortVersionString": project.version,
        "CFBundleVersion": project.version,
        "CFBundleIconFile": "portage-desktop.icns",
        "CFBundleDevelopmentRegion": "en-GB",
        "LSMinimumSystemVersion": project_info.MINIMUM_MACOS,
        "LSApplicationCategoryType": "public.app-category.education",
        "NSHighResolutionCapable": True,
        "NSHumanReadableCopyright": f"Free software under the {project.licence} licence",
        # The app never asks for the network, the camera or contacts: no usage strings needed.
    }


def check(path: Path) -> list[str]:
    """What is wrong with an Info.plist file (nothing, for a good one)."""
    try:
        with path.open("rb") as handle:
            plist = plistlib.load(handle)
    except (OSError, plistlib.InvalidFileException, ValueError, ExpatError) as error:
        return [f"{path} cannot be read as a property list: {error}"]
    problems = [f"{key} is missing" for key in REQUIRED if not plist.get(key)]
    expected = info_plist()
    for key in ("CFBundleIdentifier", "CFBundleShortVersionString", "LSMinimumSystemVersion"):
        if plist.get(key) != expected[key]:
            problems.append(f"{key} is {plist.get(key)!r}, expected {expected[key]!r}")
    return problems


def check_app(app: Path) -> list[str]:
    """What is wrong with a built .app folder: its Info.plist, executable and icon."""
    contents = app / "Contents"
    plist = contents / "Info.plist"
    if not plist.is_file():
        return [f"{plist} is missing"]
    problems = check(plist)
    if problems:
        return problems
    with plist.open("rb") as handle:
        values = plistlib.load(handle)
    executable = contents / "MacOS" / values["CFBundleExecutable"]
    if not (executable.is_file() and executable.stat().st_mode & 0o111):
        problems.append(f"{executable} is missing or cannot be run")
    icon = contents / "Resources" / values["CFBundleIconFile"]
    if not icon.is_file():
        problems.append(f"{icon} is missing")
    return problems


def write(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        plistlib.dump(info_plist(), handle)
    return path


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "--check":
        problems = check_app(Path(argv[2]))
    elif len(argv) == 2:
        problems = check(write(Path(argv[1])))
    else:
        print("\n".join(__doc__.strip().splitlines()[-2:]), file=sys.stderr)
        return 2
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
