"""Wrap the one-folder bundle (dist/portage-desktop) in a .deb, into dist/.

The bundle goes to /opt/portage-desktop with /usr/bin/portage-desktop pointing at it; the
.desktop file, the icon in every hicolor size and the AppStream metadata go where desktops and
software centres look. The package holds only program files: the records live in each person's
home folder, so removing or upgrading the package never touches them.

    python packaging/linux/build_deb.py [BUNDLE-FOLDER] [OUTPUT-FOLDER]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import project_info  # noqa: E402

APP_ID = project_info.APP_ID
INSTALL_DIR = "opt/portage-desktop"
# What the bundled Qt needs from the system (the rest is inside the bundle). Debian 13 and
# Ubuntu 24.04 renamed GLib's package; either name will do.
DEPENDS = (
    "libglib2.0-0t64 | libglib2.0-0",
    "libgl1",
    "libegl1",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libx11-xcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xfixes0",
    "libxcb-xinerama0",
    "fonts-dejavu-core",
)
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def release_date() -> str:
    """The day of the commit being built (so a rebuild gives the same file), else today."""
    try:
        day = subprocess.run(
            ["git", "log", "-1", "--format=%cs"],
            cwd=project_info.ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        day = ""
    return day or date.today().isoformat()


def architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def control(project: project_info.Project, installed_kb: int, arch: str) -> str:
    return (
        f"Package: {project.name}\n"
        f"Version: {project.version}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Architecture: {arch}\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {', '.join(DEPENDS)}\n"
        "Maintainer: Portage Desktop contributors <maintainers@portagedesktop.invalid>\n"
        f"Description: {project.description.rstrip('.')[:70]}\n"
        " Records, assessments, activity plans and reviews for Portage work with young\n"
        " children with SEND, kept encrypted on the setting's own computer or shared\n"
        " server. The app makes no internet connections.\n"
    )


def stage(bundle: Path, root: Path, project: project_info.Project) -> None:
    """Lay out the package's files under ``root`` as they will be installed."""
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / project.name).symlink_to(f"/{INSTALL_DIR}/{project.name}")

    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copyfile(HERE / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    (share / "metainfo").mkdir()
    metainfo = (HERE / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    metainfo = metainfo.replace("@VERSION@", project.version).replace("@DATE@", release_date())
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(metainfo, encoding="utf-8")

    icons = share / "icons" / "hicolor"
    for size in HICOLOR_SIZES:
        folder = icons / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copyfile(
            project_info.BUILT_ICONS / "png" / f"{size}x{size}.png", folder / f"{APP_ID}.png"
        )
    (icons / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(project_info.ICON_SVG, icons / "scalable" / "apps" / f"{APP_ID}.svg")

    doc = share / "doc" / project.name
    doc.mkdir(parents=True)
    shutil.copyfile(project_info.ROOT / "LICENSE", doc / "copyright")
    shutil.copyfile(project_info.ROOT / "CHANGELOG.md", doc / "changelog")


def validate(root: Path) -> None:
    """The desktop and AppStream checkers, where installed (CI installs both)."""
    share = root / "usr" / "share"
    checks = [
        ["desktop-file-validate", str(share / "applications" / f"{APP_ID}.desktop")],
        [
            "appstreamcli",
            "validate",
            "--no-net",
            str(share / "metainfo" / f"{APP_ID}.metainfo.xml"),
        ],
    ]
    for command in checks:
        if shutil.which(command[0]) is None:
            print(f"{command[0]} is not installed: skipping that check", file=sys.stderr)
            continue
        subprocess.run(command, check=True)


def normalise_modes(root: Path) -> None:
    """Folders 0755, programs 0755, everything else 0644, whatever the umask of whoever built
    it: the app itself makes its own files private, and a package built by a process with that
    umask would install a program other accounts cannot run (and dpkg-deb refuses it)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir() or path.stat().st_mode & 0o100:
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def build(bundle: Path, out: Path) -> Path:
    project = project_info.read()
    executable = bundle / project.name
    if not os.access(executable, os.X_OK):
        raise SystemExit(f"No bundle at {bundle}: build it first with ./dev.sh bundle.")
    if not (project_info.BUILT_ICONS / "png").is_dir():
        raise SystemExit("The icon sizes are missing: ./dev.sh bundle makes them.")
    arch = architecture()
    with tempfile.TemporaryDirectory(prefix="portage-deb-") as scratch:
        root = Path(scratch) / "root"
        stage(bundle, root, project)
        validate(root)
        size_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) // 1024
        (root / "DEBIAN").mkdir()
        (root / "DEBIAN" / "control").write_text(control(project, size_kb, arch), encoding="utf-8")
        normalise_modes(root)
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"{project.name}_{project.version}_{arch}.deb"
        # gzip, not xz: xz saves a quarter of the size but takes minutes on two cores.
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(root), str(target)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return target


def main(argv: list[str]) -> int:
    bundle = Path(argv[1]) if len(argv) > 1 else project_info.ROOT / "dist" / "portage-desktop"
    out = Path(argv[2]) if len(argv) > 2 else project_info.ROOT / "dist"
    target = build(bundle, out)
    print(f"Wrote {target} ({target.stat().st_size // (1024 * 1024)} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
