"""Plans with the child's identity removed, for the Stamp of Approval application.

Names (the child's, the family's and other children's), dates of birth, addresses and photos
are replaced before anything reaches a printed page. Matching is on whole words, ignores case
and accents, and also catches each part of a name on its own (a first name alone, a surname
alone), and a date of birth written in any of the usual ways.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from portage_desktop.i18n import tr
from portage_desktop.services.dates import format_date, format_long, month_year
from portage_desktop.services.stamp_evidence import PlanForApplication

_SENTENCE_START = re.compile(r"(^|[.!?]\s+)(the child|another child|a family member)")
CHILD = tr("the child")
OTHER_CHILD = tr("another child")
FAMILY = tr("a family member")
DATE_REMOVED = tr("[date of birth removed]")
ADDRESS_REMOVED = tr("[address removed]")


@dataclass(frozen=True)
class AnonymisedPlan:
    label: str
    goal_area: str
    kind: str
    goal: str
    target: str
    steps: tuple[str, ...]
    how_to_help: str
    agreed_with_parent: str
    started: str
    review: str
    photos_removed: bool


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _name_parts(names: Iterable[str]) -> list[str]:
    """Each full name, then each of its parts, longest first so "Amy Lee" goes before "Amy"."""
    parts: set[str] = set()
    for name in names:
        name = " ".join((name or "").split())
        if not name:
            continue
        parts.add(name)
        parts.update(p for p in re.split(r"[\s\-']+", name) if len(p) > 1)
    return sorted(parts, key=len, reverse=True)


def _date_patterns(day: date) -> list[str]:
    return [
        format_date(day),
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year % 100:02d}",
        f"{day.day}/{day.month}/{day.year % 100:02d}",
        day.isoformat(),
        format_long(day),
        f"{day.day} {month_year(day, short=True)}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.day:02d}-{day.month:02d}-{day.year}",
    ]


class Redactor:
    """Replaces every identifying string for one plan; built once, applied to each field."""

    def __init__(self, plan: PlanForApplication) -> None:
        self._rules: list[tuple[re.Pattern[str], str]] = []
        if plan.address.strip():
            self._add_literal(plan.address.strip(), ADDRESS_REMOVED)
            for line in re.split(r"[,\n]+", plan.address):
                if len(line.strip()) > 3:
                    self._add_literal(line.strip(), ADDRESS_REMOVED)
        if plan.date_of_birth:
            for pattern in _date_patterns(plan.date_of_birth):
                self._add_literal(pattern, DATE_REMOVED)
        child = [f"{plan.child_first_name} {plan.child_last_name}", plan.known_as]
        words: dict[str, str] = {}
        for names, replacement in (
            (child, CHILD),
            (plan.other_children, OTHER_CHILD),
            (plan.family_names, FAMILY),
        ):
            for part in _name_parts(names):
                words.setdefault(_fold(part), replacement)
        # Longest first, across every group, so "Tomasz Kowalski" (a parent) is replaced whole
        # before "Kowalski" (the child's surname) is.
        for part in sorted(words, key=len, reverse=True):
            self._add_word(part, words[part])

    def _add_literal(self, text: str, replacement: str) -> None:
        words = [re.escape(_fold(w)) for w in text.split()]
        self._rules.append((re.compile(r"\s+".join(words), re.IGNORECASE), replacement))

    def _add_word(self, text: str, replacement: str) -> None:
        words = [re.escape(_fold(w)) for w in text.split()]
        pattern = r"(?<![\w])" + r"\s+".join(words) + r"(?P<possessive>['’]s)?(?![\w])"
        self._rules.append((re.compile(pattern, re.IGNORECASE), replacement))

    def __call__(self, text: str) -> str:
        folded = _fold(text or "")
        # Matching runs on the accent-folded text; when folding changed the length (rare
        # ligatures), the folded text is what is kept, which is still free of the names.
        out = folded if len(folded) != len(text or "") else (text or "")
        for pattern, replacement in self._rules:
            out = _sub_folded(pattern, replacement, out)
        # "the child" replacing a name at the start of a sentence starts with a capital.
        return _SENTENCE_START.sub(
            lambda m: m.group(1) + m.group(2)[0].upper() + m.group(2)[1:], out
        )


def _replacement(match: re.Match[str], replacement: str) -> str:
    """Keep a possessive: "Zofia's cup" becomes "the child's cup"."""
    groups = match.groupdict()
    return replacement + ("'s" if groups.get("possessive") else "")


def _sub_folded(pattern: re.Pattern[str], replacement: str, text: str) -> str:
    folded = _fold(text)
    if len(folded) != len(text):
        return pattern.sub(lambda m: _replacement(m, replacement), folded)
    pieces, last = [], 0
    for match in pattern.finditer(folded):
        pieces.append(text[last : match.start()])
        pieces.append(_replacement(match, replacement))
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def anonymise(plan: PlanForApplication, label: str) -> AnonymisedPlan:
    redact = Redactor(plan)
    return AnonymisedPlan(
        label=label,
        goal_area=plan.goal_area.label,
        kind=plan.kind,
        goal=redact(plan.goal),
        target=redact(plan.target),
        steps=tuple(redact(s) for s in plan.steps),
        how_to_help=redact(plan.how_to_help),
        agreed_with_parent=redact(plan.agreed_with_parent),
        started=month_year(plan.started_on),
        review=month_year(plan.review_on),
        photos_removed=plan.has_photos,
    )


def anonymise_all(plans: Sequence[PlanForApplication]) -> list[AnonymisedPlan]:
    """Plan A, Plan B, ... in the order chosen; each child's identity replaced."""
    return [
        anonymise(p, tr("Plan {chr}").format(chr=chr(ord("A") + i))) for i, p in enumerate(plans)
    ]
