"""The installed command's entry point: the language is chosen before anything else is
imported, because labels kept in module constants are translated when their module loads.

``--language CODE`` (``en``, ``pseudo`` or a shipped catalogue), else
``PORTAGE_DESKTOP_LANGUAGE``, else the system's language when a catalogue for it is shipped,
else English.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from portage_desktop import i18n

ENV = "PORTAGE_DESKTOP_LANGUAGE"


def requested_language(argv: Sequence[str]) -> str | None:
    """The value of ``--language`` in ``argv``, or None when it is not there."""
    for n, arg in enumerate(argv):
        if arg == "--language" and n + 1 < len(argv):
            return argv[n + 1]
        if arg.startswith("--language="):
            return arg.split("=", 1)[1]
    return None


def system_language() -> str:
    """The system's language, if the app has a catalogue for it (Welsh on a Welsh desktop)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        code = value.split(":")[0].split(".")[0].split("_")[0]
        if code and code in i18n.available_languages()[2:]:
            return code
    return i18n.ENGLISH


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    asked = requested_language(args) or os.environ.get(ENV)
    try:
        i18n.install(asked or system_language())
    except ValueError as exc:
        print(f"portage-desktop: --language: {exc}", file=sys.stderr)
        return 2
    from portage_desktop.cli import main as cli_main

    return cli_main(args)
