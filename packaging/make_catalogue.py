"""Write the translators' catalogue, ``portage_desktop/locale/portage_desktop.pot``, from every
``tr()``, ``trn()`` and ``N_()`` in the package.

    .venv/bin/python packaging/make_catalogue.py [--check]

``--check`` writes nothing and exits 1 if the catalogue is out of date (the tests run it).
A translator copies the ``.pot`` to ``cy.po`` beside it and fills in each ``msgstr``; the app
reads ``.po`` files directly, so there is nothing to compile.
"""

from __future__ import annotations

import argparse
import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "portage_desktop"
POT = PACKAGE / "locale" / "portage_desktop.pot"
HEADER = (
    "# The words of Portage Desktop, for translators.\n"
    "# Made by packaging/make_catalogue.py: do not edit by hand.\n"
    'msgid ""\n'
    'msgstr ""\n'
    '"Project-Id-Version: Portage Desktop\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
)


@dataclass
class Message:
    msgid: str
    plural: str | None = None
    places: list[str] = field(default_factory=list)


def _quote(text: str) -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    body = body.replace("\r", "\\r")
    lines = body.split("\n")
    if len(lines) == 1:
        return f'"{body}"'
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{p}"' for p in parts)


def extract(package: Path = PACKAGE) -> tuple[dict[tuple[str, str | None], Message], list[str]]:
    """Every message, in file order, and the places that pass ``tr`` something that is not a
    literal (which no catalogue can hold)."""
    found: dict[tuple[str, str | None], Message] = {}
    problems: list[str] = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package.parent).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            name = node.func.id
            if name not in ("tr", "trn", "N_") or not node.args:
                continue
            wanted = 2 if name == "trn" else 1
            args = node.args[:wanted]
            if len(args) < wanted or not all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
            ):
                problems.append(f"{rel}:{node.lineno}: {name}() needs string literals")
                continue
            msgid = args[0].value  # type: ignore[attr-defined]
            plural = args[1].value if wanted == 2 else None  # type: ignore[attr-defined]
            message = found.setdefault((msgid, plural), Message(msgid, plural))
            if rel not in message.places:  # files, not lines: an edit elsewhere changes nothing
                message.places.append(rel)
    return found, problems


def render(messages: dict[tuple[str, str | None], Message]) -> str:
    out = [HEADER]
    for m in messages.values():
        lines = [f"#: {' '.join(m.places[:3])}"]
        if "{" in m.msgid:
            lines.append("#, python-brace-format")
        lines.append(f"msgid {_quote(m.msgid)}")
        if m.plural is None:
            lines.append('msgstr ""')
        else:
            lines += [f"msgid_plural {_quote(m.plural)}", 'msgstr[0] ""', 'msgstr[1] ""']
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    messages, problems = extract()
    for problem in problems:
        print(problem, file=sys.stderr)
    text = render(messages)
    if args.check:
        current = POT.read_text(encoding="utf-8") if POT.exists() else ""
        if current != text:
            print(f"{POT.relative_to(ROOT)} is out of date: run {Path(__file__).name}")
            return 1
        return 1 if problems else 0
    POT.parent.mkdir(parents=True, exist_ok=True)
    POT.write_text(text, encoding="utf-8")
    print(f"Wrote {len(messages)} messages to {POT.relative_to(ROOT)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
