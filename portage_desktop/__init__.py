"""Portage Desktop: Portage records for early-years settings, kept on the setting's own computer."""

from importlib import metadata

APP_NAME = "Portage Desktop"

try:
    __version__ = metadata.version("portage-desktop")
except metadata.PackageNotFoundError:  # frozen build or a plain source checkout
    __version__ = "0.1.0"
