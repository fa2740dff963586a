"""Collect the licence of every part the bundle ships, for the bundle and for Help > About.

Walks the app's installed runtime dependencies (extras followed, development tools left out),
copies each one's licence files, adds the texts kept in packaging/licences for parts that ship
none (Qt, SQLCipher, SQLite, OpenSSL), the fonts' licence and this project's own, and writes an
index, ``THIRD-PARTY-LICENCES.txt``, naming each part, its version and its licence.

    python packaging/gather_licences.py OUTPUT-FOLDER
"""

from __future__ import annotations

import re
import shutil
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
EXTRA_TEXTS = ROOT / "packaging" / "licences"
INDEX = "THIRD-PARTY-LICENCES.txt"
_LICENCE_NAME = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
# Packages whose metadata names no licence at all; said here so that the index never has a gap.
_KNOWN = {"sqlcipher3": "Zlib; SQLCipher BSD-3-Clause, SQLite public domain, OpenSSL Apache-2.0"}


@dataclass(frozen=True)
class Part:
    name: str
    version: str
    licence: str
    files: tuple[str, ...]


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(root: str = "portage-desktop") -> list[metadata.Distribution]:
    """The installed distributions the app needs at run time, found from its requirements."""
    seen: dict[str, metadata.Distribution] = {}
    todo: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    while todo:
        name, extras = todo.pop()
        dist = metadata.distribution(name)
        key = _key(name)
        if key in seen and not extras:
            continue
        seen[key] = dist
        for line in dist.requires or []:
            req = Requirement(line)
            wanted = extras or {""}
            if req.marker and not any(req.marker.evaluate({"extra": e}) for e in wanted):
                continue
            todo.append((req.name, frozenset(req.extras)))
    seen.pop(_key(root), None)
    return sorted(seen.values(), key=lambda d: _key(d.metadata["Name"]))


def licence_of(dist: metadata.Distribution) -> str:
    """The licence as the package states it: SPDX expression first, then the older fields."""
    meta = dist.metadata
    stated = meta.get("License-Expression") or ""
    if not stated:
        text = (meta.get("License") or "").strip()
        stated = text if text and "\n" not in text and len(text) < 80 else ""
    if not stated:
        classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
        stated = "; ".join(c.rsplit(" :: ", 1)[-1] for c in classifiers)
    return stated or _KNOWN.get(_key(meta["Name"]), "see the licence files")


def licence_files(dist: metadata.Distribution) -> list[Path]:
    found = []
    for file in dist.files or []:
        in_licences = "licenses" in file.parts[:-1] and ".dist-info" in str(file)
        if in_licences or _LICENCE_NAME.match(file.name):
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                found.append(path)
    return found


def gather(out: Path) -> list[Part]:
    """Fill ``out`` with every licence text and the index; returns what the index lists."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    parts: list[Part] = []
    for dist in runtime_distributions():
        name, version = dist.metadata["Name"], dist.version
        folder = out / f"{_key(name)}-{version}"
        folder.mkdir()
        copied = []
        for path in licence_files(dist):
            target = folder / path.name
            if target.exists():
                target = folder / f"{path.parent.name}-{path.name}"
            shutil.copyfile(path, target)
            copied.append(f"{folder.name}/{target.name}")
        if not copied:  # its texts are among packaging/licences, copied below
            folder.rmdir()
        parts.append(Part(name, version, licence_of(dist), tuple(copied)))
    extra = out / "other"
    shutil.copytree(EXTRA_TEXTS, extra, ignore=shutil.ignore_patterns("README.txt"))
    icons = ROOT / "portage_desktop" / "resources" / "icons" / "phosphor" / "LICENSE.txt"
    shutil.copyfile(icons, extra / "Phosphor-Icons-LICENSE.txt")
    for fonts in sorted((ROOT / "portage_desktop" / "resources" / "fonts").glob("*LICENSE*")):
        shutil.copyfile(fonts, extra / fonts.name)
    shutil.copyfile(ROOT / "LICENSE", out / "LICENSE-Portage-Desktop.txt")
    _write_index(out, parts)
    return parts


def _write_index(out: Path, parts: list[Part]) -> None:
    lines = [
        "Portage Desktop is free software under the GNU General Public License, version 3 or",
        "later (LICENSE-Portage-Desktop.txt). It is built with the parts below, each under its",
        "own licence; the full texts are in the folders beside this file.",
        "",
    ]
    lines += [f"{p.name} {p.version}: {p.licence}" for p in parts]
    lines += ["", (EXTRA_TEXTS / "README.txt").read_text(encoding="utf-8").rstrip(), ""]
    lines.append("DejaVu fonts: Bitstream Vera licence (other/DejaVu-LICENSE.txt)")
    lines.append("Phosphor Icons 1.3.0: MIT (other/Phosphor-Icons-LICENSE.txt)")
    lines.append("Noto Sans Arabic: SIL Open Font License 1.1 (other/NotoSansArabic-LICENSE.txt)")
    lines.append("Droid Sans Fallback: Apache-2.0 (other/DroidSansFallback-LICENSE.txt)")
    lines.append("Symbola: free for any use (other/Symbola-LICENSE.txt)")
    (out / INDEX).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    parts = gather(Path(argv[1]))
    print(f"Collected the licences of {len(parts)} packages into {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
