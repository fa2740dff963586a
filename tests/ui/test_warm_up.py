"""After the records show, every area's code is loaded on a worker, so no area is opened for
the first time on the GUI thread."""

from __future__ import annotations

import importlib
import sys

from portage_desktop.ui.shell import warm_up


def test_every_module_named_exists_and_is_loaded_once(qtbot, monkeypatch):
    for name in warm_up.MODULES:
        assert importlib.util.find_spec(name) is not None, name
    monkeypatch.delitem(sys.modules, "portage_desktop.ui.stamp.stamp_wizard", raising=False)
    monkeypatch.setattr(warm_up, "_started", type(warm_up._started)())
    warm_up.warm_up()
    qtbot.waitUntil(lambda: "portage_desktop.ui.stamp.stamp_wizard" in sys.modules, timeout=20000)
    warm_up.warm_up()  # a second window: nothing started again
    assert warm_up._started.is_set()


def test_the_code_loaded_is_kept_out_of_the_cycle_collectors_way(qtbot, monkeypatch):
    """Full collections walk what is not frozen: the areas' classes and functions, loaded for
    good, are frozen once loaded, as start-up's are."""
    import gc

    monkeypatch.delitem(sys.modules, "portage_desktop.ui.stamp.stamp_wizard", raising=False)
    monkeypatch.setattr(warm_up, "_started", type(warm_up._started)())
    frozen: list[bool] = []
    real_freeze = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: (real_freeze(), frozen.append(True)))
    warm_up.warm_up()
    qtbot.waitUntil(lambda: bool(frozen), timeout=20000)
    wizard = sys.modules["portage_desktop.ui.stamp.stamp_wizard"].StampWizard
    assert not any(o is wizard for o in gc.get_objects())  # in the frozen generation
