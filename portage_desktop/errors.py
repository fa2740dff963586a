"""Error types shared by the command line and the window's start-up.

Kept in a module of their own, below both, so that start-up can raise what the command line
prints without importing the command line (which imports start-up).
"""

from __future__ import annotations


class UserError(Exception):
    """A failure explained in one line: printed by the command line, shown by the window."""
