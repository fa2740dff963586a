"""Children or staff from a spreadsheet: guess which column is which, preview every row with
its problems in plain words, skip people already held, then add the good rows together.

The same checks as the child and staff screens apply (``validate_child``, ``validate_staff``),
the same permission is needed, and each person added is written to the audit log. Everything is
added in one transaction: a failure part-way leaves the database as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from portage_desktop.data import stores
from portage_desktop.data.engine import Database
from portage_desktop.data.models import ChildRecord, StaffMemberRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.children import ChildInput, list_children, validate_child
from portage_desktop.services.dates import parse_uk_date
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.spreadsheet_files import Cell, Sheet
from portage_desktop.services.staff import StaffInput, list_staff, validate_staff
from portage_desktop.services.vocabulary import StaffRole


class Kind(StrEnum):
    CHILDREN = "children"
    STAFF = "staff"


IGNORE = ""  # a column left out of the import

# Field code -> (label, headings that mean it, already normalised: lower case, letters only).
_CHILD_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "first_name": (
        tr("First name"),
        (
            "first name",
            "forename",
            "forenames",
            "given name",
            "firstname",
            "first names",
            "christian name",
        ),
    ),
    "last_name": (
        tr("Surname"),
        ("surname", "last name", "family name", "lastname", "second name"),
    ),
    "known_as": (tr("Known as"), ("known as", "preferred name", "nickname", "called")),
    "date_of_birth": (
        tr("Date of birth"),
        ("date of birth", "dob", "birth date", "birthday", "born", "d o b", "birthdate"),
    ),
    "start_date": (
        tr("Start date"),
        (
            "start date",
            "started",
            "date started",
            "joined",
            "date joined",
            "admission date",
            "admitted",
        ),
    ),
    "leave_date": (
        tr("Leaving date"),
        ("leaving date", "leave date", "left", "date left", "end date"),
    ),
    "key_person": (
        tr("Key person"),
        ("key person", "keyperson", "key worker", "keyworker", "key carer"),
    ),
    "home_languages": (
        tr("Home languages"),
        ("home languages", "home language", "languages", "language", "languages spoken"),
    ),
}
_STAFF_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "first_name": _CHILD_FIELDS["first_name"],
    "last_name": _CHILD_FIELDS["last_name"],
    "roles": (tr("Roles"), ("roles", "role", "job", "job title", "position", "post")),
    "start_date": _CHILD_FIELDS["start_date"],
    "leave_date": _CHILD_FIELDS["leave_date"],
}
_DATES = ("date_of_birth", "start_date", "leave_date")


def fields(kind: Kind) -> dict[str, str]:
    """Field code to its label, in the order the mapping screen offers them."""
    table = _CHILD_FIELDS if kind is Kind.CHILDREN else _STAFF_FIELDS
    return {code: label for code, (label, _) in table.items()}


def _normal(heading: str) -> str:
    text = re.sub(r"[^a-z ]+", " ", heading.lower().replace("'", ""))
    words = [
        w
        for w in text.split()
        if w
        not in (
            "childs",
            "child",
            "the",
            "of",
            "s",
            "pupil",
            "pupils",
            "staff",
            "members",
            "member",
        )
    ]
    return " ".join(words).replace("d o b", "dob")


def guess_mapping(headings: Sequence[str], kind: Kind) -> list[str]:
    """A field code (or ``IGNORE``) for each heading: exact synonyms first, then a heading that
    contains one ("Child's first name (legal)"); each field is given to one column only."""
    table = _CHILD_FIELDS if kind is Kind.CHILDREN else _STAFF_FIELDS
    normal = [_normal(h) for h in headings]
    found = [IGNORE] * len(headings)
    used: set[str] = set()
    for exact in (True, False):
        for i, text in enumerate(normal):
            if found[i] or not text:
                continue
            for code, (_, synonyms) in table.items():
                words = {_normal(w) for w in synonyms}
                if code in used:
                    continue
                if (
                    (text in words)
                    if exact
                    else any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)
                ):
                    found[i] = code
                    used.add(code)
                    break
    return found


def parse_date(cell: Cell) -> date | None:
    """A date from a cell: an Excel date, ``yyyy-mm-dd``, or day first (24/03/2023, 1/4/24).
    Raises ``ValueError`` with a plain message when it cannot be a date."""
    if cell is None or isinstance(cell, date):
        return cell
    text = cell.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?", text)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            raise ValueError(tr("That date does not exist.")) from None
    return parse_uk_date(text)


@dataclass(frozen=True)
class RowPreview:
    """One spreadsheet row as it will be imported: its row number in the file (headings are
    row 1), what was read, and why it cannot be imported, if it cannot."""

    number: int
    values: dict[str, str]
    problems: tuple[str, ...]
    duplicate: str  # why it is skipped as already held, or ""
    person: ChildInput | StaffInput | None

    @property
    def ready(self) -> bool:
        return self.person is not None and not self.problems and not self.duplicate


@dataclass(frozen=True)
class Preview:
    kind: Kind
    rows: tuple[RowPreview, ...]

    @property
    def to_import(self) -> int:
        return sum(r.ready for r in self.rows)

    @property
    def duplicates(self) -> int:
        return sum(bool(r.duplicate) for r in self.rows)

    @property
    def with_problems(self) -> int:
        return sum(bool(r.problems) and not r.duplicate for r in self.rows)

    def counts_text(self) -> str:
        return tr("{ready} to import, {dupes} duplicates skipped, {bad} with problems").format(
            ready=self.to_import, dupes=self.duplicates, bad=self.with_problems
        )


def _key(first: str, last: str, born: date | None) -> tuple[str, str, date | None]:
    return (" ".join(first.split()).casefold(), " ".join(last.split()).casefold(), born)


def preview(db: Database, sheet: Sheet, mapping: Sequence[str], kind: Kind, today: date) -> Preview:
    """Check every row against the screens' rules and the people already held; writes nothing."""
    if kind is Kind.CHILDREN:
        held = {_key(c.first_name, c.last_name, c.date_of_birth) for c in list_children(db, True)}
    else:
        held = {_key(m.first_name, m.last_name, None) for m in list_staff(db)}
    staff_by_name: dict[str, list[int]] = {}
    if kind is Kind.CHILDREN:
        for m in list_staff(db):
            for name in (f"{m.first_name} {m.last_name}", f"{m.last_name}, {m.first_name}"):
                staff_by_name.setdefault(" ".join(name.split()).casefold(), []).append(m.id)
    seen: dict[tuple[str, str, date | None], int] = {}
    rows: list[RowPreview] = []
    for index, cells in enumerate(sheet.rows):
        raw = {code: cells[i] for i, code in enumerate(mapping) if code and i < len(cells)}
        values = {
            c: ("" if v is None else v if isinstance(v, str) else v.strftime("%d/%m/%Y"))
            for c, v in raw.items()
        }
        values = {c: v.strip() for c, v in values.items()}
        if not any(values.values()):
            continue  # a blank row, or one with only columns left out
        problems: list[str] = []
        dates: dict[str, date | None] = {}
        for code in _DATES:
            if code in raw and (code != "date_of_birth" or kind is Kind.CHILDREN):
                try:
                    dates[code] = parse_date(raw[code] if values[code] else None)
                except ValueError as exc:
                    problems.append(f"{fields(kind)[code]}: {exc}")
        person: ChildInput | StaffInput | None
        if kind is Kind.CHILDREN:
            key_person_id = None
            wanted = " ".join(values.get("key_person", "").split()).casefold()
            if wanted:
                ids = staff_by_name.get(wanted, [])
                if len(ids) == 1:
                    key_person_id = ids[0]
                else:
                    problems.append(
                        tr("Key person: nobody called {name} is on the staff list.").format(
                            name=values["key_person"]
                        )
                        if not ids
                        else tr("Key person: more than one {name} on the staff list.").format(
                            name=values["key_person"]
                        )
                    )
            person = ChildInput(
                first_name=values.get("first_name", ""),
                last_name=values.get("last_name", ""),
                date_of_birth=dates.get("date_of_birth"),
                known_as=values.get("known_as", ""),
                start_date=dates.get("start_date"),
                leave_date=dates.get("leave_date"),
                key_person_id=key_person_id,
                home_languages=values.get("home_languages", ""),
            )
            check: Callable[[], object] = lambda p=person: validate_child(p, today)  # noqa: E731
            key = _key(person.first_name, person.last_name, person.date_of_birth)
        else:
            roles, unknown = _roles(values.get("roles", ""))
            problems += [
                tr("Roles: {role} is not a role the app knows.").format(role=u) for u in unknown
            ]
            person = StaffInput(
                first_name=values.get("first_name", ""),
                last_name=values.get("last_name", ""),
                roles=roles,
                start_date=dates.get("start_date"),
                leave_date=dates.get("leave_date"),
            )
            check = lambda p=person: validate_staff(p)  # noqa: E731
            key = _key(person.first_name, person.last_name, None)
        try:
            check()
        except ValidationError as exc:
            unreadable = {code for code in raw if code in _DATES and code not in dates}
            problems += [m for f, m in exc.errors.items() if f not in unreadable]
        duplicate = ""
        if key in held:
            duplicate = tr("Already in the records.")
        elif key in seen:
            duplicate = tr("The same person as row {row}.").format(row=seen[key])
        else:
            seen[key] = index + 2
        rows.append(RowPreview(index + 2, values, tuple(problems), duplicate, person))
    return Preview(kind, tuple(rows))


def _roles(text: str) -> tuple[tuple[StaffRole, ...], list[str]]:
    by_word = {r.label.casefold(): r for r in StaffRole} | {
        r.value.replace("_", " "): r for r in StaffRole
    }
    found: list[StaffRole] = []
    unknown: list[str] = []
    for part in re.split(r"[,;/&]| and ", text):
        word = " ".join(part.split())
        if not word:
            continue
        role = by_word.get(word.casefold())
        if role is None:
            unknown.append(word)
        elif role not in found:
            found.append(role)
    return tuple(found), unknown


def import_rows(
    db: Database,
    found: Preview,
    today: date,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add every ready row in one transaction; return how many were added. Any failure
    (a rule, the permission, the server) rolls the whole import back."""
    children = found.kind is Kind.CHILDREN
    require(db, Permission.EDIT_CHILDREN if children else Permission.EDIT_STAFF)
    ready = [r for r in found.rows if r.ready]
    with db.session() as s:
        for done, row in enumerate(ready, 1):
            person = row.person
            if isinstance(person, ChildInput):
                values = validate_child(person, today)
                record = stores.save_record(s, ChildRecord, None, values)
                kind_name = "child"
            else:
                assert isinstance(person, StaffInput)
                values = validate_staff(person)
                record = stores.save_record(s, StaffMemberRecord, None, values)
                kind_name = "staff"
            assert record is not None and record.id is not None
            audit.record(s, db, AuditAction.CREATE, kind_name, record.id, "from a spreadsheet")
            if progress is not None:
                progress(done, len(ready))
    return len(ready)
