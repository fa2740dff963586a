"""Portage Desktop: Portage records for early-years settings, kept on the setting's own computer."""

from __future__ import annotations

from functools import cache

from portage_desktop.none_guard import keep_none_alive

keep_none_alive()  # before any Qt code runs (see none_guard)

APP_NAME = "Portage Desktop"
# The reverse-DNS id of the .desktop file, the AppStream metadata and the macOS bundle. It must
# never change after a release, or systems treat the next version as another app.
APP_ID = "org.portagedesktop.PortageDesktop"


@cache
def app_version() -> str:
    """The version, whose one home is ``pyproject.toml``.

    Read from the installed package's metadata (the frozen bundle carries a copy of it), or from
    ``pyproject.toml`` in a source checkout that was never installed. Looked up on first use,
    because reading the metadata costs more at start-up than drawing the whole window frame.
    """
    from importlib import metadata

    try:
        return metadata.version("portage-desktop")
    except metadata.PackageNotFoundError:
        return _version_from_checkout()


def _version_from_checkout() -> str:
    import tomllib
    from pathlib import Path

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return app_version()
    raise AttributeError(name)
