"""The changelog's section for one version, as the text of its release.

python packaging/release_notes.py v1.2.3 > NOTES.md
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

CHANGELOG = Path(__file__).resolve().parent.parent / "CHANGELOG.md"
HOW_TO_INSTALL = """
## Installing

- **Windows**: run `PortageDesktop-{v}-setup.exe`. No administrator rights are needed.
- **macOS**: open `PortageDesktop-{v}.dmg` and drag Portage Desktop into Applications.
- **Debian or Ubuntu**: `sudo apt install ./portage-desktop_{v}_amd64.deb`.

Installing over an older version keeps your records; the app copies them before updating them.
Check a download against `SHA256SUMS` (`sha256sum --check --ignore-missing SHA256SUMS`).
"""


def section(changelog: str, version: str) -> str:
    """The text under ``## VERSION`` up to the next ``## `` heading."""
    match = re.search(
        rf"^## {re.escape(version)}(?:[ \t][^\n]*)?\n(.*?)(?=^## |\Z)",
        changelog,
        re.MULTILINE | re.DOTALL,
    )
    if match is None:
        raise SystemExit(f"CHANGELOG.md has no section for {version}: add one before tagging.")
    return match.group(1).strip()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    version = argv[1].removeprefix("refs/tags/").removeprefix("v")
    notes = section(CHANGELOG.read_text(encoding="utf-8"), version)
    print(notes + "\n" + HOW_TO_INSTALL.format(v=version))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
