"""The release builds' scripts: the Inno Setup script, the macOS .app check, checksums, notes
and the workflow that calls them. Windows and macOS cannot build here, so their scripts are
checked as far as this machine allows: the installer script's settings, the .app's structure.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.test_packaging import PYPROJECT, ROOT, load_script

ISS = ROOT / "packaging" / "windows" / "portage-desktop.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
VERSION = PYPROJECT["project"]["version"]


def iss_sections() -> dict[str, list[str]]:
    """The script's lines by section, comments and preprocessor lines left out."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        heading = re.fullmatch(r"\[(\w+)\]", line)
        if heading:
            current = heading.group(1)
            sections.setdefault(current, [])
        else:
            sections[current].append(line)
    return sections


def iss_setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in iss_sections()["Setup"])


# --- Windows installer ------------------------------------------------------------------------


def test_the_windows_installer_needs_no_administrator_and_installs_per_user():
    setup = iss_setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"].startswith("{autopf}")  # %LOCALAPPDATA%\Programs per user


def test_the_windows_installer_keeps_its_identity_across_upgrades():
    info = load_script("project_info.py")
    assert iss_setup()["AppId"] == "{{" + info.WINDOWS_APP_GUID + "}"
    assert re.fullmatch(r"[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}", info.WINDOWS_APP_GUID)


def test_uninstalling_removes_only_what_was_installed_never_the_records():
    sections = iss_sections()
    assert "UninstallDelete" not in sections
    # An upgrade clears only the program's own folder inside {app}.
    for line in sections.get("InstallDelete", []):
        assert 'Name: "{app}\\' in line
    text = ISS.read_text(encoding="utf-8").lower()
    assert "{localappdata}" not in text and "{userappdata}" not in text


def test_the_installer_adds_a_start_menu_entry_for_the_windowed_app():
    icons = iss_sections()["Icons"]
    start_menu = [line for line in icons if line.startswith('Name: "{autoprograms}')]
    assert len(start_menu) == 1
    assert 'Filename: "{app}\\{#AppExe}"' in start_menu[0]
    assert '#define AppExe "portage-desktop.exe"' in ISS.read_text(encoding="utf-8")


def test_every_value_the_installer_script_needs_is_passed_by_the_build_script(tmp_path):
    build = load_script("windows/build_installer.py")
    project = build.project_info.Project("portage-desktop", "1.2.3", "d", "GPL-3.0-or-later")
    command = build.iscc_command(tmp_path / "ISCC.exe", project, tmp_path / "bundle", tmp_path)
    defines = dict(arg[2:].split("=", 1) for arg in command if arg.startswith("/D"))
    text = ISS.read_text(encoding="utf-8")
    assert set(re.findall(r"#ifndef (\w+)", text)) == set(defines)
    assert defines["AppVersion"] == "1.2.3"
    assert defines["AppVersionNumbers"] == "1.2.3.0"
    assert command[-1] == str(ISS)
    used = set(re.findall(r"\{#(\w+)\}", text))
    defined = set(re.findall(r"#define (\w+)", text)) | set(defines)
    assert used <= defined, f"used but never defined: {used - defined}"
    assert build.installer_path(project, tmp_path).name == "PortageDesktop-1.2.3-setup.exe"


def test_the_installer_script_is_well_formed():
    """What Inno Setup's compiler would refuse first: unknown sections, a [Setup] line that is
    not Key=Value, an entry without its required parameter, unbalanced #ifndef."""
    sections = iss_sections()
    known = {"", "Setup", "Languages", "Tasks", "InstallDelete", "Files", "Icons", "Run"}
    assert set(sections) <= known
    assert sections[""] == []
    assert all(re.fullmatch(r"\w+=.+", line) for line in sections["Setup"])
    required = {"Files": "Source", "Icons": "Name", "Run": "Filename", "Tasks": "Name"}
    for section, key in required.items():
        for line in sections[section]:
            assert line.startswith(f"{key}: "), line
            assert line.count('"') % 2 == 0, line
    text = ISS.read_text(encoding="utf-8")
    assert text.count("#ifndef") == text.count("#endif")


def test_the_spec_gives_windows_a_windowed_app_and_a_console_command():
    spec = (ROOT / "packaging" / "portage-desktop.spec").read_text(encoding="utf-8")
    assert 'console=sys.platform not in ("win32", "darwin")' in spec
    assert 'executable(f"{NAME}-cli", console=True)' in spec
    assert "version=str(version_file)" in spec


# --- macOS ----------------------------------------------------------------------------------


def make_app(tmp_path):
    plist = load_script("macos/info_plist.py")
    app = tmp_path / "Portage Desktop.app"
    plist.write(app / "Contents" / "Info.plist")
    executable = app / "Contents" / "MacOS" / "portage-desktop"
    executable.parent.mkdir()
    executable.write_text("#!/bin/sh\n")
    executable.chmod(0o755)
    (app / "Contents" / "Resources").mkdir()
    (app / "Contents" / "Resources" / "portage-desktop.icns").write_bytes(b"icns")
    return plist, app


def test_a_complete_app_folder_passes_the_check(tmp_path):
    plist, app = make_app(tmp_path)
    assert plist.check_app(app) == []
    assert plist.main(["info_plist.py", "--check", str(app)]) == 0


def test_an_app_folder_without_its_icon_or_program_is_refused(tmp_path):
    plist, app = make_app(tmp_path)
    (app / "Contents" / "Resources" / "portage-desktop.icns").unlink()
    (app / "Contents" / "MacOS" / "portage-desktop").chmod(0o644)
    problems = plist.check_app(app)
    assert any("portage-desktop.icns is missing" in p for p in problems)
    assert any("cannot be run" in p for p in problems)
    assert plist.main(["info_plist.py", "--check", str(app)]) == 1


def test_the_macos_build_signs_only_with_credentials_and_says_so_without():
    script = (ROOT / "packaging" / "macos" / "build_app.sh").read_text(encoding="utf-8")
    assert (
        'if [ -n "${MACOS_CERTIFICATE_P12:-}" ] && [ -n "${MACOS_SIGNING_IDENTITY:-}" ]' in script
    )
    assert "left unsigned" in script and "skipping notarisation" in script
    assert "info_plist.py --check" in script and "smoke_app.py" in script
    if shutil.which("bash"):
        assert (
            subprocess.run(["bash", "-n", str(ROOT / "packaging/macos/build_app.sh")]).returncode
            == 0
        )


# --- Release: tag, checksums, notes, workflow ---------------------------------------------


@pytest.mark.parametrize(
    ("tag", "matches"),
    [(f"v{VERSION}", True), (f"refs/tags/v{VERSION}", True), (VERSION, True), ("v99.0.0", False)],
)
def test_a_release_tag_must_match_the_version(tag, matches):
    info = load_script("project_info.py")
    assert (info.check_tag(tag) is None) is matches


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="needs sha256sum")
def test_the_checksums_are_what_sha256sum_checks(tmp_path):
    sums = load_script("checksums.py")
    files = []
    for name, content in (("b.deb", b"deb"), ("a-setup.exe", b"exe" * 500_000)):
        (tmp_path / name).write_bytes(content)
        files.append(tmp_path / name)
    text = sums.write_sums(tmp_path / "SHA256SUMS", files)
    assert text.splitlines()[0].endswith("  a-setup.exe")
    check = subprocess.run(
        ["sha256sum", "--check", "SHA256SUMS"], cwd=tmp_path, capture_output=True
    )
    assert check.returncode == 0, check.stdout
    (tmp_path / "b.deb").write_bytes(b"tampered")
    assert (
        subprocess.run(
            ["sha256sum", "--check", "SHA256SUMS"], cwd=tmp_path, capture_output=True
        ).returncode
        != 0
    )


def test_checksums_refuse_a_missing_file(tmp_path):
    sums = load_script("checksums.py")
    with pytest.raises(SystemExit, match="No such file"):
        sums.write_sums(tmp_path / "SHA256SUMS", [tmp_path / "missing.dmg"])


def test_release_notes_come_from_the_changelog_section():
    notes = load_script("release_notes.py")
    changelog = "# Changelog\n\n## 1.1.0 (04/12/2026)\n\n- Newer.\n\n## 1.0.0\n\n- First.\n"
    assert notes.section(changelog, "1.0.0") == "- First."
    assert notes.section(changelog, "1.1.0") == "- Newer."
    with pytest.raises(SystemExit, match=r"no section for 1\.0:"):
        notes.section(changelog, "1.0")
    real = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert notes.section(real, VERSION)


def test_the_workflow_builds_on_each_system_from_a_tag_and_calls_only_scripts_that_exist():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert re.search(r"^on:\n  push:\n    tags: \[\"v\*\"\]", text, re.MULTILINE)
    assert "os: [ubuntu-latest, windows-latest, macos-latest]" in text
    scripts = set(re.findall(r"(packaging/[\w/.-]+\.(?:py|sh))", text)) | {"dev.sh"}
    assert {
        "packaging/linux/smoke_deb.sh",
        "packaging/windows/build_installer.py",
        "packaging/windows/smoke_installer.py",
        "packaging/macos/build_app.sh",
        "packaging/checksums.py",
    } <= scripts
    for script in scripts:
        assert (ROOT / script).is_file(), script
        if script.endswith(".sh"):
            assert (ROOT / script).stat().st_mode & 0o111, f"{script} is not executable"
    secrets = set(re.findall(r"secrets\.(\w+)", text))
    build_app = (ROOT / "packaging" / "macos" / "build_app.sh").read_text(encoding="utf-8")
    assert secrets and all(f"${{{s}" in build_app or f"${s}" in build_app for s in secrets)
    assert "SHA256SUMS" in text
