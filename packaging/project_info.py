"""What every packaging script needs to know about the app, read from one place.

The name, version and description live in ``pyproject.toml``; the identifiers that must never
change once released (the reverse-DNS application id, the Windows installer's AppId) live here.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The desktop id (Linux .desktop and AppStream file names) and the macOS bundle identifier; the
# same as portage_desktop.APP_ID, which the window gives Qt (a test checks that they agree).
# Changing it after a release makes systems treat the next version as a different app.
APP_ID = "org.portagedesktop.PortageDesktop"
DISPLAY_NAME = "Portage Desktop"
# Inno Setup recognises an installed copy by this GUID, so upgrades replace it in place.
WINDOWS_APP_GUID = "8C6E1B0E-4D0A-4F3B-9A57-2E6F1C0B7D42"
MINIMUM_MACOS = "11.0"
ICON_SVG = ROOT / "portage_desktop" / "resources" / "icons" / "portage-desktop.svg"
# Generated, never committed: PNG sizes, .ico and .icns made from the SVG by make_icons.py.
BUILT_ICONS = ROOT / "build" / "icons"


@dataclass(frozen=True)
class Project:
    name: str
    version: str
    description: str
    licence: str

    @property
    def version_tuple(self) -> tuple[int, int, int, int]:
        """The version as four numbers, for Windows and macOS fields that take nothing else."""
        numbers = [int(part) for part in self.version.split(".")[:4] if part.isdigit()]
        return (*numbers, 0, 0, 0, 0)[:4]  # type: ignore[return-value]


def read(root: Path = ROOT) -> Project:
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return Project(
        name=project["name"],
        version=project["version"],
        description=project["description"],
        licence=project["license"],
    )


def check_tag(tag: str, project: Project | None = None) -> str | None:
    """Why a release tag does not match the version in pyproject.toml (None when it does)."""
    project = project or read()
    if tag.removeprefix("refs/tags/").removeprefix("v") != project.version:
        return f"The tag {tag} does not match version {project.version} in pyproject.toml."
    return None


if __name__ == "__main__":
    # python packaging/project_info.py [--check-tag TAG]: the version, or whether a tag matches it
    import sys

    if len(sys.argv) == 3 and sys.argv[1] == "--check-tag":
        problem = check_tag(sys.argv[2])
        sys.exit(problem)
    print(read().version)
