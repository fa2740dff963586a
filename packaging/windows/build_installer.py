"""Build the Windows installer: the bundle, a smoke test of it, then Inno Setup's setup.exe.

    python packaging\\windows\\build_installer.py

Run on Windows with the development environment installed (pip install -e .[dev]) and Inno Setup
6 (ISCC.exe on PATH, in its usual folder, or named by the ISCC environment variable). Writes
dist\\PortageDesktop-VERSION-setup.exe. The release workflow runs it, then smoke_installer.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import project_info  # noqa: E402

ROOT = project_info.ROOT
BUNDLE = ROOT / "dist" / "portage-desktop"
ISCC_PLACES = (
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    / "Inno Setup 6"
    / "ISCC.exe",
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "Inno Setup 6" / "ISCC.exe",
    Path(os.environ.get("LOCALAPPDATA", "")) / "Programs" / "Inno Setup 6" / "ISCC.exe",
)


def find_iscc() -> Path:
    named = os.environ.get("ISCC") or shutil.which("iscc")
    for candidate in (Path(named) if named else None, *ISCC_PLACES):
        if candidate and candidate.is_file():
            return candidate
    raise SystemExit(
        "Inno Setup 6 is not installed: get it from jrsoftware.org (or: choco install innosetup), "
        "or set ISCC to the path of ISCC.exe."
    )


def iscc_command(iscc: Path, project: project_info.Project, bundle: Path, out: Path) -> list[str]:
    """The compiler's command line: every value that changes per build comes from here."""
    numbers = ".".join(str(n) for n in project.version_tuple)
    return [
        str(iscc),
        "/Qp",
        f"/DAppVersion={project.version}",
        f"/DAppVersionNumbers={numbers}",
        f"/DSourceDir={bundle}",
        f"/DIconFile={project_info.BUILT_ICONS / 'portage-desktop.ico'}",
        f"/DLicenseFile={ROOT / 'LICENSE'}",
        f"/DOutputDir={out}",
        str(HERE / "portage-desktop.iss"),
    ]


def installer_path(project: project_info.Project, out: Path) -> Path:
    return out / f"PortageDesktop-{project.version}-setup.exe"


def main() -> int:
    if sys.platform != "win32":
        print("The Windows installer is built on Windows.", file=sys.stderr)
        return 2
    project = project_info.read()
    iscc = find_iscc()  # before the long build, so a missing compiler is said at once
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(ROOT / "dist"),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            str(ROOT / "packaging" / "portage-desktop.spec"),
        ],
        check=True,
    )
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "smoke_app.py"),
            str(BUNDLE / "portage-desktop.exe"),
            str(BUNDLE / "portage-desktop-cli.exe"),
        ],
        check=True,
    )
    out = ROOT / "dist"
    subprocess.run(iscc_command(iscc, project, BUNDLE, out), check=True)
    print(f"Wrote {installer_path(project, out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
