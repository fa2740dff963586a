"""What a person must check before a plan leaves the setting in the application pack.

Replacing known names cannot make free text safe: staff write dates of birth as "4th November
2025", nicknames, misspellings and names nobody recorded. So the detector returns every
replacement it would make *and* every suspect (a date in any format, an NHS number, a postcode,
an address, a phone number, an email, a capitalised word that is not an ordinary word, a name
one letter away from someone's), and a person reviews and confirms the text before it prints.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from portage_desktop.i18n import tr
from portage_desktop.services.anonymise_words import ORDINARY_WORDS
from portage_desktop.services.dates import month_year
from portage_desktop.services.stamp_evidence import PlanForApplication


class Kind(Enum):
    NAME = "name"
    NEAR_NAME = "near_name"
    DATE = "date"
    NHS = "nhs"
    POSTCODE = "postcode"
    ADDRESS = "address"
    PHONE = "phone"
    EMAIL = "email"
    CAPITAL = "capital"

    @property
    def label(self) -> str:
        return {
            "name": tr("name"),
            "near_name": tr("looks like a name in the records"),
            "date": tr("date"),
            "nhs": tr("NHS number"),
            "postcode": tr("postcode"),
            "address": tr("address"),
            "phone": tr("phone number"),
            "email": tr("email"),
            "capital": tr("capitalised word"),
        }[self.value]


@dataclass(frozen=True)
class Person:
    """Someone in the records: every way they may be written, and how to refer to them."""

    names: tuple[str, ...]
    replacement: str
    parts: bool = True  # each word of a name alone too; not for an address ("Road")


@dataclass(frozen=True)
class Finding:
    """One stretch of text: replaced (``replacement`` set) or a suspect for a person to check."""

    start: int
    end: int
    text: str
    kind: Kind
    replacement: str = ""

    @property
    def is_suspect(self) -> bool:
        return not self.replacement


DATE_TEXT = tr("[date]")
NHS_TEXT = tr("[NHS number]")
ADDRESS_TEXT = tr("[address]")
PHONE_TEXT = tr("[phone number]")
EMAIL_TEXT = tr("[email]")

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_PATTERNS: list[tuple[Kind, str, re.Pattern[str]]] = [
    (Kind.EMAIL, EMAIL_TEXT, re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (Kind.NHS, NHS_TEXT, re.compile(r"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)")),
    (
        Kind.PHONE,
        PHONE_TEXT,
        re.compile(r"(?<![\w+])(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)"),
    ),
    (
        Kind.DATE,
        DATE_TEXT,
        re.compile(
            rf"\b(?:{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{2,4}})?"
            rf"|{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?"
            rf"|{_MONTH}\s+\d{{4}}"
            r"|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
            r"|\d{1,2}/\d{1,2})\b",
            re.IGNORECASE,
        ),
    ),
    (
        Kind.POSTCODE,
        ADDRESS_TEXT,
        re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE),
    ),
    (
        Kind.ADDRESS,
        ADDRESS_TEXT,
        re.compile(
            r"\b\d{1,4}[a-z]?,?\s+(?:[A-Z][\w'-]*\s+){1,3}"
            r"(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Court|Ct|Crescent|"
            r"Gardens|Place|Terrace|Grove|Hill|Park|Square|View|Walk|Row|Mews)\b\.?",
        ),
    ),
]
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# "the child" and "[date]" are ours; they are never suspects after a replacement.
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n]|^\s*\d+\.)\s*[\"“(]*$")
_CAPITAL_AFTER = re.compile(r"(?:^|[.!?:\n])\s*[\"“(]*$")


def fold(text: str) -> str:
    """Lower case without accents, so "Łukasz", "LUKASZ" and "Lukasz" compare equal."""
    text = text.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _near(a: str, b: str) -> bool:
    """One letter added, dropped, changed or two swapped: "Zofa" for "Zofia"."""
    if a == b or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 4:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _name_rules(people: Iterable[Person]) -> list[tuple[re.Pattern[str], str]]:
    """Full names before their parts, longest first, across everyone."""
    words: dict[str, str] = {}
    for person in people:
        for name in person.names:
            name = " ".join((name or "").split())
            if not name:
                continue
            words.setdefault(fold(name), person.replacement)
            for part in [] if not person.parts else re.split(r"[\s\-']+", name):
                if len(part) > 1:
                    words.setdefault(fold(part), person.replacement)
    rules = []
    for key in sorted(words, key=len, reverse=True):
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in key.split()) + r"(?!\w)"
        rules.append((re.compile(pattern), words[key]))
    return rules


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in taken)


def find(text: str, people: Sequence[Person]) -> list[Finding]:
    """Every replacement and every suspect in ``text``, in reading order, none overlapping."""
    folded = fold(text)
    if len(folded) != len(text):  # a ligature changed the length: work on the folded text
        text = folded
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, kind: Kind, replacement: str) -> None:
        if _free(taken, start, end):
            taken.append((start, end))
            found.append(Finding(start, end, text[start:end], kind, replacement))

    for kind, replacement, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            add(m.start(), m.end(), kind, replacement)
    for pattern, replacement in _name_rules(people):
        for m in pattern.finditer(folded):
            end = m.end()
            if folded[end : end + 2] in ("'s", "’s"):
                end += 2
                add(m.start(), end, Kind.NAME, _possessive(replacement))
            else:
                add(m.start(), end, Kind.NAME, replacement)
    known = {fold(p) for person in people for n in person.names for p in n.split() if p}
    lower = {m.group() for m in _WORD.finditer(text) if m.group().islower()}
    for m in _WORD.finditer(text):
        if not _free(taken, m.start(), m.end()):
            continue
        word = re.sub(r"['’]s$", "", m.group())
        key = fold(word)
        near = next((k for k in known if _near(key, k)), None)
        if near is not None:
            add(m.start(), m.end(), Kind.NEAR_NAME, "")
        elif word[:1].isupper() and key not in ORDINARY_WORDS and key not in lower:
            if _SENTENCE_END.search(text[: m.start()]):
                continue  # any sentence starts with a capital; a name there is caught above
            add(m.start(), m.end(), Kind.CAPITAL, "")
    return sorted(found, key=lambda f: f.start)


def _possessive(replacement: str) -> str:
    return replacement + "'s" if not replacement.startswith("[") else replacement


def apply(text: str, findings: Sequence[Finding]) -> str:
    """The text with each replacement made; suspects are left for the person to decide."""
    folded = fold(text)
    if len(folded) != len(text):
        text = folded
    out, last = [], 0
    for f in sorted(findings, key=lambda f: f.start):
        if f.is_suspect:
            continue
        out.append(text[last : f.start])
        replacement = f.replacement
        if _CAPITAL_AFTER.search(text[: f.start]) and replacement[:1].islower():
            replacement = replacement[0].upper() + replacement[1:]
        out.append(replacement)
        last = f.end
    out.append(text[last:])
    return "".join(out)


def propose(text: str, people: Sequence[Person]) -> str:
    """The text with every certain replacement made, ready for a person to review."""
    return apply(text, find(text, people))


CHILD = tr("the child")
OTHER_CHILD = tr("another child")
FAMILY = tr("a family member")
STAFF = tr("a member of staff")


@dataclass(frozen=True)
class ConfirmedPlan:
    """A plan as a person confirmed it: only this text is printed in the pack."""

    label: str
    goal_area: str
    kind: str
    lines: tuple[str, ...]
    started: str
    review: str
    photos_removed: bool


def _relative(relationship: str) -> str:
    """How a relative is written once their name is taken out: "the child's mum"."""
    words = " ".join(relationship.split()).lower()
    return tr("the child's {relationship}").format(relationship=words) if words else FAMILY


def people_for(plan: PlanForApplication, staff: Sequence[str] = ()) -> list[Person]:
    """Everyone a plan might name: the child, the family, other children and staff."""
    child = (f"{plan.child_first_name} {plan.child_last_name}", plan.known_as)
    people = [Person(tuple(n for n in child if n.strip()), CHILD)]
    relations = (*plan.family_relationships, *[""] * len(plan.family_names))
    people += [
        Person((n,), _relative(r)) for n, r in zip(plan.family_names, relations, strict=False)
    ]
    people += [Person((n,), OTHER_CHILD) for n in plan.other_children]
    people += [Person((n,), STAFF) for n in staff]
    if plan.address.strip():
        lines = [x.strip() for x in re.split(r"[,\n]+", plan.address) if len(x.strip()) > 3]
        people.append(Person((plan.address, *lines), ADDRESS_TEXT, parts=False))
    return people


def review_text(plan: PlanForApplication) -> str:
    """The plan's words as one text to review, a labelled line for each part."""
    lines = [
        tr("Goal: {goal}").format(goal=plan.goal),
        tr("Target: {target}").format(target=plan.target),
    ]
    lines += [
        tr("Step {number}: {step}").format(number=i, step=s)
        for i, s in enumerate(plan.steps, start=1)
    ]
    lines.append(tr("How to help: {how}").format(how=" ".join(plan.how_to_help.split())))
    lines.append(tr("Agreed with the parent: {agreed}").format(agreed=plan.agreed_with_parent))
    return "\n".join(" ".join(line.split()) for line in lines)


def confirmed_plan(plan: PlanForApplication, label: str, text: str) -> ConfirmedPlan:
    """The reviewed text, with only the month and year of the plan's dates."""
    return ConfirmedPlan(
        label=label,
        goal_area=plan.goal_area.label,
        kind=plan.kind,
        lines=tuple(line for line in (x.strip() for x in text.splitlines()) if line),
        started=month_year(plan.started_on),
        review=month_year(plan.review_on),
        photos_removed=plan.has_photos,
    )
