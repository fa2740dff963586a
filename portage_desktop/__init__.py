"""Portage Desktop: Portage records for early-years settings, kept on the setting's own computer."""

from __future__ import annotations

from functools import cache

APP_NAME = "Portage Desktop"


@cache
def app_version() -> str:
    """The installed version. Looked up on first use, because reading the package metadata
    costs more at start-up than drawing the whole window frame."""
    from importlib import metadata

    try:
        return metadata.version("portage-desktop")
    except metadata.PackageNotFoundError:  # frozen build or a plain source checkout
        return "0.1.0"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return app_version()
    raise AttributeError(name)
