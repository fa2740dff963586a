"""The Linux package: its .desktop file, AppStream metadata and the .deb's layout and fields.

CI also builds the real .deb from the real bundle and installs it (packaging/linux/smoke_deb.sh);
these tests check the parts quickly, on a stand-in bundle.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import portage_desktop
from tests.test_packaging import ROOT, load_script

LINUX = ROOT / "packaging" / "linux"
APP_ID = portage_desktop.APP_ID
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
needs_dpkg = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb")


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_file_starts_the_installed_command_with_the_app_icon():
    entry = desktop_entry()
    assert entry["Exec"] in PROJECT["scripts"]
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Name"] == portage_desktop.APP_NAME


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="needs desktop-file-utils"
)
def test_the_desktop_file_passes_the_freedesktop_checker():
    result = subprocess.run(
        ["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout == "", result.stdout


def test_the_appstream_metadata_names_the_app_its_licence_and_its_launcher():
    component = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("project_license") == PROJECT["license"]
    assert component.findtext("launchable") == f"{APP_ID}.desktop"
    assert component.find("releases/release").get("version") == "@VERSION@"


@pytest.fixture
def stand_in_bundle(tmp_path, qapp, monkeypatch) -> tuple[Path, object]:
    """A bundle folder with an executable, and build_deb pointed at icons made for the test."""
    build_deb = load_script("linux/build_deb.py")
    icons = load_script("make_icons.py")
    icons.main(["make_icons.py", str(tmp_path / "icons")])
    monkeypatch.setattr(build_deb.project_info, "BUILT_ICONS", tmp_path / "icons")
    bundle = tmp_path / "portage-desktop"
    (bundle / "_internal").mkdir(parents=True)
    executable = bundle / "portage-desktop"
    executable.write_text("#!/bin/sh\necho stand-in\n")
    executable.chmod(0o755)
    return bundle, build_deb


def test_the_package_lays_out_the_bundle_launcher_icons_and_metadata(stand_in_bundle, tmp_path):
    bundle, build_deb = stand_in_bundle
    root = tmp_path / "root"
    build_deb.stage(bundle, root, build_deb.project_info.read())
    launcher = root / "usr" / "bin" / "portage-desktop"
    assert os.readlink(launcher) == "/opt/portage-desktop/portage-desktop"
    assert (root / "opt" / "portage-desktop" / "portage-desktop").stat().st_mode & 0o111
    share = root / "usr" / "share"
    for size in build_deb.HICOLOR_SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (share / "applications" / f"{APP_ID}.desktop").is_file()
    metainfo = (share / "metainfo" / f"{APP_ID}.metainfo.xml").read_text()
    assert f'<release version="{PROJECT["version"]}" date="' in metainfo
    assert "@" not in metainfo
    assert (
        "GNU GENERAL PUBLIC LICENSE"
        in (share / "doc" / "portage-desktop" / "copyright").read_text()
    )
    # Nothing of a person's own: records live in their home folder, never in the package.
    assert not (root / "home").exists() and not (root / "var").exists()


@needs_dpkg
def test_the_deb_is_built_with_the_project_version_and_qt_dependencies(stand_in_bundle, tmp_path):
    bundle, build_deb = stand_in_bundle
    deb = build_deb.build(bundle, tmp_path / "out")
    assert deb.name == f"portage-desktop_{PROJECT['version']}_{build_deb.architecture()}.deb"

    def field(name: str) -> str:
        return subprocess.run(
            ["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True, check=True
        ).stdout.strip()

    assert field("Package") == "portage-desktop"
    assert field("Version") == PROJECT["version"]
    assert "libxcb-cursor0" in field("Depends")
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    assert "./opt/portage-desktop/portage-desktop" in listing
    assert "root/root" in listing  # owned by root once installed, whoever built it


def test_building_without_a_bundle_says_what_to_do(tmp_path):
    build_deb = load_script("linux/build_deb.py")
    with pytest.raises(SystemExit, match=r"build it first with \./dev\.sh bundle"):
        build_deb.build(tmp_path / "missing", tmp_path / "out")


@needs_dpkg
def test_a_private_umask_still_builds_a_package_everyone_can_run(stand_in_bundle, tmp_path):
    """The app sets a private umask for its own files; a package built under it must still
    install folders and programs other accounts can use."""
    bundle, build_deb = stand_in_bundle
    old = os.umask(0o077)
    try:
        deb = build_deb.build(bundle, tmp_path / "out")
    finally:
        os.umask(old)
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    modes = {line.split()[-1]: line.split()[0] for line in listing.splitlines()}
    assert modes["./opt/portage-desktop/portage-desktop"] == "-rwxr-xr-x"
    assert modes["./opt/portage-desktop/"] == "drwxr-xr-x"
