"""What an installed or bundled copy needs: its resources, its licence, one version, its icon.

An editable install reads everything from the checkout, so these tests look at what a wheel or
bundle would carry, and at the packaging scripts the release builds run.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from fnmatch import fnmatch
from importlib import metadata
from pathlib import Path
from types import ModuleType

import pytest

import portage_desktop
from portage_desktop.paths import resource_path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "portage_desktop"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def load_script(relative: str) -> ModuleType:
    """A packaging script as a module (the folder is not a package, and its name is taken)."""
    path = ROOT / "packaging" / relative
    sys.path.insert(0, str(path.parent))
    try:
        spec = importlib.util.spec_from_file_location(f"_packaging_{path.stem}", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(path.parent))


# --- Resources inside the package -----------------------------------------------------------


def test_resources_are_found_inside_the_package():
    checklist = resource_path("checklists", "small-steps.json")
    assert checklist.is_file()
    assert checklist.is_relative_to(PACKAGE)
    assert resource_path("fonts", "DejaVuSans.ttf").is_file()
    assert not (ROOT / "resources").exists(), "resources beside the package miss the wheel"


def test_a_frozen_bundle_finds_resources_beside_its_copy_of_the_package(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("fonts", "DejaVuSans.ttf") == (
        tmp_path.resolve() / "portage_desktop" / "resources" / "fonts" / "DejaVuSans.ttf"
    )


def test_every_resource_file_is_declared_as_package_data():
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["portage_desktop"]
    files = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.joinpath("resources").rglob("*")]
    files = [f for f in files if PACKAGE.joinpath(f).is_file()]
    assert "resources/checklists/small-steps.json" in files
    missing = [f for f in files if not any(fnmatch(f, p.replace("**/", "")) for p in patterns)]
    assert missing == []


def test_the_bundle_spec_collects_the_resources_from_inside_the_package():
    spec = (ROOT / "packaging" / "portage-desktop.spec").read_text(encoding="utf-8")
    assert 'collect_data_files("portage_desktop", subdir="resources")' in spec
    assert 'ROOT / "resources"' not in spec


# --- Licence and version ----------------------------------------------------------------------


def test_the_licence_is_an_spdx_string_with_its_text_shipped():
    project = PYPROJECT["project"]
    assert project["license"] == "GPL-3.0-or-later"
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in licence
    assert "Version 3, 29 June 2007" in licence
    for pattern in project["license-files"]:
        assert list(ROOT.glob(pattern)), f"{pattern} matches no file"


def test_the_build_needs_a_setuptools_that_reads_spdx_licences():
    (requirement,) = [r for r in PYPROJECT["build-system"]["requires"] if "setuptools" in r]
    minimum = re.search(r">=\s*(\d+)", requirement)
    assert minimum and int(minimum.group(1)) >= 77


def test_the_version_comes_from_the_installed_metadata(monkeypatch):
    portage_desktop.app_version.cache_clear()
    monkeypatch.setattr(metadata, "version", lambda _name: "9.8.7")
    try:
        assert portage_desktop.app_version() == "9.8.7"
    finally:
        portage_desktop.app_version.cache_clear()


def test_an_uninstalled_checkout_reads_its_version_from_pyproject(monkeypatch):
    def not_installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    portage_desktop.app_version.cache_clear()
    monkeypatch.setattr(metadata, "version", not_installed)
    try:
        assert portage_desktop.app_version() == PYPROJECT["project"]["version"]
    finally:
        portage_desktop.app_version.cache_clear()


def test_the_changelog_has_an_entry_for_this_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {PYPROJECT['project']['version']}" in changelog


# --- The icon ---------------------------------------------------------------------------------


def test_the_app_id_is_the_same_for_the_window_and_the_installers():
    info = load_script("project_info.py")
    assert info.APP_ID == portage_desktop.APP_ID
    assert resource_path("icons", "portage-desktop.svg") == info.ICON_SVG


def test_the_window_icon_draws_from_the_svg(qapp):
    from PySide6.QtGui import QIcon

    icon = QIcon(str(resource_path("icons", "portage-desktop.svg")))
    image = icon.pixmap(48, 48).toImage()
    assert not image.isNull()
    assert image.pixelColor(24, 24).alpha() == 255  # the tile is opaque in the middle
    assert image.pixelColor(0, 0).alpha() == 0  # and its rounded corners are see-through


def test_the_icon_sizes_ico_and_icns_are_made_from_the_svg(qapp, tmp_path):
    from PIL import Image

    icons = load_script("make_icons.py")
    assert icons.main(["make_icons.py", str(tmp_path)]) == 0
    for size in icons.PNG_SIZES:
        with Image.open(tmp_path / "png" / f"{size}x{size}.png") as png:
            assert png.size == (size, size)
    with Image.open(tmp_path / "portage-desktop.ico") as ico:
        assert {(s, s) for s in icons.ICO_SIZES} <= set(ico.info["sizes"])
    with Image.open(tmp_path / "portage-desktop.icns") as icns:
        assert (512, 512, 2) in icns.info["sizes"]


# --- Third-party licences ---------------------------------------------------------------------


def _distribution_key(requirement: str) -> str:
    name = re.match(r"[A-Za-z0-9_.-]+", requirement)
    assert name
    return re.sub(r"[-_.]+", "-", name.group(0)).lower()


def test_the_bundle_gets_every_runtime_licence_and_an_index(tmp_path):
    gather = load_script("gather_licences.py")
    out = tmp_path / "licences"
    parts = gather.gather(out)
    keys = {_distribution_key(p.name) for p in parts}
    for requirement in PYPROJECT["project"]["dependencies"]:
        assert _distribution_key(requirement) in keys
    assert "psycopg-binary" in keys  # reached through an extra, and carries libpq
    assert {"pytest", "ruff", "pyinstaller"}.isdisjoint(keys)  # development tools stay out
    index = (out / "THIRD-PARTY-LICENCES.txt").read_text(encoding="utf-8")
    assert re.search(r"^PySide6_Essentials [\d.]+: LGPL-3\.0", index, re.MULTILINE)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (out / "other" / "LGPL-3.0.txt").read_text()
    assert (out / "other" / "DejaVu-LICENSE.txt").is_file()
    assert "Phosphor Icons" in (out / "other" / "Phosphor-Icons-LICENSE.txt").read_text()
    for font in ("NotoSansArabic", "DroidSansFallback", "Symbola"):
        assert (out / "other" / f"{font}-LICENSE.txt").is_file()
    assert "GNU GENERAL PUBLIC LICENSE" in (out / "LICENSE-Portage-Desktop.txt").read_text()
    alembic = next(p for p in parts if _distribution_key(p.name) == "alembic")
    assert alembic.files and (out / alembic.files[0]).is_file()


def test_about_names_every_runtime_dependency_and_its_licence():
    from portage_desktop.ui.shell import help_text

    named = {dist for _part, _licence, dists in help_text.BUILT_WITH for dist in dists}
    for requirement in PYPROJECT["project"]["dependencies"]:
        assert _distribution_key(requirement) in named, f"add {requirement} to BUILT_WITH"


def test_about_shows_the_version_how_to_upgrade_and_the_licences(monkeypatch, tmp_path):
    from portage_desktop.ui.shell import help_text

    text = help_text.about_html("Portage Desktop", "1.2.3", None)
    assert "version 1.2.3" in text
    assert "Install a new version over this one: your records are kept" in text
    assert "Qt and Qt for Python (LGPL-3.0)" in text
    assert "installed beside it" in text  # from source: no collected licences folder

    bundle = tmp_path / "bundle"
    index = bundle / "portage_desktop" / "resources" / "licences" / "THIRD-PARTY-LICENCES.txt"
    index.parent.mkdir(parents=True)
    index.write_text("index")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    text = help_text.about_html("Portage Desktop", "1.2.3", None)
    assert f'href="{index.parent.resolve().as_uri()}"' in text


# --- Windows and macOS metadata -------------------------------------------------------------


def test_the_windows_version_resource_carries_the_pyproject_version():
    info = load_script("windows/version_info.py")
    text = info.version_text()
    strings: dict[str, str] = {}
    fixed: dict[str, object] = {}

    def record_fixed(**kwargs: object) -> dict[str, object]:
        fixed.update(kwargs)
        return kwargs

    def record_string(key: str, value: str) -> tuple[str, str]:
        strings[key] = value
        return key, value

    names = {
        "VSVersionInfo": lambda **kw: kw,
        "FixedFileInfo": record_fixed,
        "StringFileInfo": lambda kids: kids,
        "StringTable": lambda lang, kids: (lang, kids),
        "StringStruct": record_string,
        "VarFileInfo": lambda kids: kids,
        "VarStruct": lambda name, kids: (name, kids),
    }
    # PyInstaller reads the file with eval(); here with recorders in place of its classes.
    eval(compile(text, "version_info.txt", "eval"), {"__builtins__": {}}, names)
    version = PYPROJECT["project"]["version"]
    assert strings["ProductVersion"] == strings["FileVersion"] == version
    assert strings["OriginalFilename"] == "portage-desktop.exe"
    assert fixed["filevers"] == (*[int(n) for n in version.split(".")], 0, 0, 0)[:4]


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("1.2.3", (1, 2, 3, 0)),
        ("2", (2, 0, 0, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
        ("1.0rc1", (1, 0, 0, 0)),
    ],
)
def test_windows_and_macos_get_four_numbers_from_any_version(version, expected):
    info = load_script("project_info.py")
    assert info.Project("p", version, "d", "l").version_tuple == expected


def test_the_macos_info_plist_is_valid_and_names_the_bundle(tmp_path):
    import plistlib

    plist = load_script("macos/info_plist.py")
    written = plist.write(tmp_path / "Info.plist")
    assert plist.check(written) == []
    with written.open("rb") as handle:
        values = plistlib.load(handle)
    assert values["CFBundleIdentifier"] == portage_desktop.APP_ID
    assert values["CFBundleShortVersionString"] == PYPROJECT["project"]["version"]
    assert values["LSMinimumSystemVersion"] == "11.0"
    assert values["CFBundleExecutable"] == "portage-desktop"


def test_a_wrong_or_broken_info_plist_is_reported(tmp_path):
    import plistlib

    plist = load_script("macos/info_plist.py")
    values = plist.info_plist()
    values["CFBundleIdentifier"] = "com.example.other"
    del values["LSMinimumSystemVersion"]
    wrong = tmp_path / "wrong.plist"
    wrong.write_bytes(plistlib.dumps(values))
    problems = plist.check(wrong)
    assert "LSMinimumSystemVersion is missing" in problems
    assert any(p.startswith("CFBundleIdentifier is 'com.example.other'") for p in problems)
    broken = tmp_path / "broken.plist"
    broken.write_text("<plist><dict><key>CFBundle")
    assert "cannot be read as a property list" in plist.check(broken)[0]
