"""The phone copies in a real browser at phone width: nothing scrolls sideways, every image has
alt text, the language is set, and the file asks for nothing from the network.

Uses the system's Chromium, headless. Locally the test is skipped when Chromium is missing; in
CI (``CI=true``) a missing Chromium fails it, so the check cannot quietly stop running.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
from datetime import date
from html import escape, unescape
from pathlib import Path

import pytest

from portage_desktop.printing.common import PrintError
from portage_desktop.printing.kinds import print_record

TODAY = date(2026, 2, 28)
PHONE = 320
FAMILY_KINDS = ("one-page-profile", "activity-chart", "review-report", "shared-record")
# Headless Chromium lays out --dump-dom at no less than 500 px, so the copy is measured in a
# 320 px frame of its own, and the result written into the page, where --dump-dom shows it.
PROBE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" style="width:%dpx;height:800px;border:0" srcdoc="%s"></iframe><script>
const f = document.getElementById('f');
f.addEventListener('load', () => {
  const d = f.contentDocument, e = d.documentElement;
  const r = {scrollWidth: e.scrollWidth, clientWidth: e.clientWidth, lang: e.lang,
    imgs: [...d.images].map(i => i.getAttribute('alt')),
    landmarks: ['header', 'main', 'footer'].map(t => d.getElementsByTagName(t).length)};
  const pre = document.createElement('pre'); pre.id = 'probe';
  pre.textContent = JSON.stringify(r); document.body.appendChild(pre);
});
</script></body></html>"""


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("Chromium is missing in CI: .ci/run installs it (apt-get install chromium)")
    pytest.skip("Chromium is not installed here (apt-get install chromium) to check phone copies")


def _run(chromium: str, *args: str) -> str:
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    command += ["--no-first-run", f"--window-size={PHONE},800", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _probe(chromium: str, page: Path, work: Path) -> dict[str, object]:
    """The copy as the browser laid it out in a frame as wide as a small phone."""
    probed = work / f"probe-{page.name}"
    probed.write_text(PROBE % (PHONE, escape(page.read_text(encoding="utf-8"))), encoding="utf-8")
    dom = _run(chromium, "--virtual-time-budget=3000", "--dump-dom", probed.as_uri())
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, dom[-2000:]
    return json.loads(unescape(found.group(1)))


def _family_copies(demo_db, folder: Path) -> list[Path]:
    """The four child documents for the first demo child who has all of them."""
    from portage_desktop.services import children as children_service

    for child in children_service.list_children(demo_db):
        try:
            return [
                print_record(demo_db, kind, child.id, folder / f"{kind}.html", today=TODAY)
                for kind in FAMILY_KINDS
            ]
        except PrintError:
            continue
    raise AssertionError("no demo child has a profile, a plan and a review")


def _visit_copy(folder: Path) -> Path:
    """The family's visit record from the service demo, through the command line."""
    from portage_desktop.cli import main

    db = str(folder / "service.db")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["make-demo", db, "--service", "--seed", "3"]) == 0
        out = folder / "visit-record.html"
        for child in range(1, 60):
            args = ["print", "visit-record", "--database", db, "--child", str(child)]
            with contextlib.redirect_stderr(io.StringIO()):
                if main([*args, "--out", str(out)]) == 0:
                    return out
    raise AssertionError("no service demo child has a held visit")


@pytest.mark.sqlite_only
def test_family_copies_fit_a_phone_in_a_real_browser(demo_db, tmp_path) -> None:
    chromium = _chromium()
    pages = [*_family_copies(demo_db, tmp_path), _visit_copy(tmp_path)]
    shots = Path(os.environ.get("PORTAGE_HTML_SHOTS", tmp_path))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"(?i)https?://", text), page.name
        assert '<html lang="en-GB">' in text
        found = _probe(chromium, page, tmp_path)
        assert found["clientWidth"] == PHONE and found["scrollWidth"] <= PHONE, (page.name, found)
        assert found["lang"] == "en-GB" and found["landmarks"] == [1, 1, 1]
        assert all(alt for alt in found["imgs"]), (page.name, found["imgs"])  # type: ignore[union-attr]
        shot = shots / f"{page.stem}-{PHONE}.png"
        _run(chromium, f"--screenshot={shot}", page.as_uri())
        assert shot.stat().st_size > 1000
