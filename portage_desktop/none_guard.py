"""Keep Python's ``None`` alive whatever a compiled extension does to its reference count.

Qt for Python 6.12.0 on Python 3.11 lets go of one reference to ``None`` each time a Qt method
that returns nothing is called (``setText``, ``addItem``, ``processEvents``...). ``None`` starts
with a few thousand references, so after a few Dashboard refreshes on a large site Python freed
it and the app died ("deallocating None"). Qt for Python 6.11.3 has no such loss, but crashed
building a child's record in our tests, so 6.12 stays, with this guard.

Python 3.12 and later never free ``None`` (it is "immortal"); on 3.11 the guard gives it so many
references (2**40) that a lost one per call could not use them up in years of use. The count is
the first field of every object in CPython, which is all that is changed.
"""

from __future__ import annotations

import sys

MARGIN = 1 << 40


def keep_none_alive() -> None:
    """Add ``MARGIN`` references to ``None``, once per process (3.11 and CPython only)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    import ctypes

    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < MARGIN // 2:
        count.value += MARGIN
