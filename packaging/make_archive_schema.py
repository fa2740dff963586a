"""Write ``docs/setting-archive.schema.json``, the JSON Schema of a whole-setting export, from
the models, so the published schema always matches what the app writes and reads.

    .venv/bin/python packaging/make_archive_schema.py [--check]

``--check`` writes nothing and exits 1 if the committed schema is out of date (a test runs it).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "docs" / "setting-archive.schema.json"


def render() -> str:
    sys.path.insert(0, str(ROOT))
    from portage_desktop.data.archive_schema import schema

    return json.dumps(schema(), indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = SCHEMA.read_text(encoding="utf-8") if SCHEMA.exists() else ""
        if current != text:
            print(f"{SCHEMA.name} is stale: run packaging/make_archive_schema.py", file=sys.stderr)
            return 1
        return 0
    SCHEMA.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
