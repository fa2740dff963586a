"""Write SHA256SUMS for release files, in the format ``sha256sum --check`` reads.

python packaging/checksums.py OUTPUT FILE...
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def write_sums(output: Path, files: list[Path]) -> str:
    """One line per file, by name, sorted; a file named twice or missing stops it."""
    names = [f.name for f in files]
    if len(set(names)) != len(names):
        raise SystemExit("Two release files have the same name.")
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise SystemExit(f"No such file: {', '.join(missing)}")
    text = "".join(f"{sha256(f)}  {f.name}\n" for f in sorted(files, key=lambda f: f.name))
    output.write_text(text, encoding="utf-8")
    return text


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    print(write_sums(Path(argv[1]), [Path(a) for a in argv[2:]]), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
