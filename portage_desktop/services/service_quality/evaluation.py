"""The end-of-service evaluation questionnaire: the service's own questions (a 1 to 5 scale or
free text, versioned so answers always sit beside the words that were asked), sent to each
family, returned or not, and collated per year without names."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from portage_desktop.data import home_visiting_store as hv_store
from portage_desktop.data import service_quality_store as store
from portage_desktop.data.engine import Database
from portage_desktop.data.models.home_visiting import ReferralRecord
from portage_desktop.data.models.service_quality import (
    QuestionnaireAnswerRecord,
    QuestionnaireReturnRecord,
    QuestionRecord,
)
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.errors import NotFoundError, ValidationError

SCALE = (1, 2, 3, 4, 5)
SCALE_WORDS = (tr("Not at all"), tr("A little"), tr("Somewhat"), tr("Mostly"), tr("Very much"))


class QuestionKind(StrEnum):
    SCALE = "scale"
    TEXT = "text"

    @property
    def label(self) -> str:
        return tr("A scale from 1 to 5") if self is QuestionKind.SCALE else tr("In their own words")


class ReturnStatus(StrEnum):
    SENT = "sent"
    RETURNED = "returned"
    NOT_RETURNED = "not_returned"

    @property
    def label(self) -> str:
        return {"sent": tr("Sent"), "returned": tr("Returned"), "not_returned": tr("Not returned")}[
            self
        ]


@dataclass(frozen=True)
class Question:
    id: int
    version: int
    position: int
    text: str
    kind: QuestionKind


@dataclass(frozen=True)
class QuestionnaireReturn:
    id: int
    referral_id: int
    version: int
    sent_on: date
    status: ReturnStatus
    returned_on: date | None
    answers: dict[int, int | str]  # question id to the answer


def _question(row: QuestionRecord) -> Question:
    return Question(row.id or 0, row.version, row.position, row.text, QuestionKind(row.kind))


def current_questions(db: Database) -> list[Question]:
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        version = store.latest_question_version(s)
        return [_question(r) for r in store.questions(s, version)] if version else []


def save_questions(db: Database, questions: list[tuple[str, QuestionKind | str]]) -> int:
    """Write the questionnaire afresh as a new version; returns its number."""
    require(db, Permission.MANAGE_SERVICE)
    errors: dict[str, str] = {}
    clean = [(" ".join(t.split()), k) for t, k in questions if t.strip()]
    if not clean:
        errors["questions"] = tr("Please write at least one question.")
    for text, kind in clean:
        if len(text) > 300:
            errors["questions"] = tr("Please keep each question to 300 characters.")
        if kind not in set(QuestionKind):
            errors["questions"] = tr("Please choose a scale or their own words for each question.")
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        version = store.latest_question_version(s) + 1
        for i, (text, kind) in enumerate(clean, start=1):
            s.add(QuestionRecord(version=version, position=i, text=text, kind=str(kind)))
        s.flush()
        audit.record(s, db, AuditAction.CREATE, "questionnaire", version)
    return version


def _return(
    row: QuestionnaireReturnRecord, answers: list[QuestionnaireAnswerRecord]
) -> QuestionnaireReturn:
    found: dict[int, int | str] = {}
    for a in answers:
        found[a.question_id] = a.scale if a.scale is not None else a.text
    return QuestionnaireReturn(
        row.id or 0,
        row.referral_id,
        row.version,
        row.sent_on,
        ReturnStatus(row.status),
        row.returned_on,
        found,
    )


def send(db: Database, referral_id: int, sent_on: date | None, today: date) -> QuestionnaireReturn:
    """Note that the current questionnaire went to the family."""
    actor = require(db, Permission.RECORD_VISITS)
    if sent_on is None or sent_on > today:
        raise ValidationError(
            {"sent_on": tr("Please enter the date it was sent (not in the future).")}
        )
    with db.session() as s:
        if s.get(ReferralRecord, referral_id) is None:
            raise NotFoundError(tr("That referral no longer exists."))
        version = store.latest_question_version(s)
        if not version:
            raise ValidationError(
                {"questions": tr("Please write the questionnaire's questions first.")}
            )
        row = QuestionnaireReturnRecord(
            referral_id=referral_id, version=version, sent_on=sent_on, recorded_by=actor.username
        )
        s.add(row)
        end = hv_store.service_end(s, referral_id)
        if end is not None and end.questionnaire_sent_on is None:
            end.questionnaire_sent_on = sent_on  # the end-of-service screen shows it sent
            s.add(end)
        s.flush()
        audit.record(s, db, AuditAction.CREATE, "questionnaire_return", row.id)
        return _return(row, [])


def list_returns(db: Database, referral_id: int | None = None) -> list[QuestionnaireReturn]:
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        rows = store.questionnaire_returns(s, referral_id)
        by_return: dict[int, list[QuestionnaireAnswerRecord]] = defaultdict(list)
        for a in store.answers(s, [r.id or 0 for r in rows]):
            by_return[a.return_id].append(a)
        return [_return(r, by_return[r.id or 0]) for r in rows]


def questions_of(db: Database, version: int) -> list[Question]:
    with db.session() as s:
        return [_question(r) for r in store.questions(s, version)]


def record_answers(
    db: Database,
    return_id: int,
    returned_on: date | None,
    answers: dict[int, int | str | None],
    today: date,
) -> QuestionnaireReturn:
    """Type a returned questionnaire back in, all or nothing; blank answers are skipped."""
    require(db, Permission.RECORD_VISITS)
    errors: dict[str, str] = {}
    if returned_on is None or returned_on > today:
        errors["returned_on"] = tr("Please enter the date it came back (not in the future).")
    with db.session() as s:
        row = s.get(QuestionnaireReturnRecord, return_id)
        if row is None:
            raise NotFoundError(tr("That questionnaire no longer exists."))
        asked = {q.id: q for q in map(_question, store.questions(s, row.version))}
        clean: list[QuestionnaireAnswerRecord] = []
        for qid, value in answers.items():
            q = asked.get(qid)
            if q is None or value in (None, ""):
                continue
            if q.kind is QuestionKind.SCALE:
                if not isinstance(value, int) or value not in SCALE:
                    errors[f"q{qid}"] = tr("Please choose a number from 1 to 5.")
                    continue
                clean.append(
                    QuestionnaireAnswerRecord(return_id=return_id, question_id=qid, scale=value)
                )
            else:
                text = str(value).strip()
                if len(text) > 2000:
                    errors[f"q{qid}"] = tr("Please keep the answer to 2,000 characters.")
                    continue
                clean.append(
                    QuestionnaireAnswerRecord(return_id=return_id, question_id=qid, text=text)
                )
        if errors:
            raise ValidationError(errors)
        for old in store.answers(s, [return_id]):
            s.delete(old)
        s.flush()
        for a in clean:
            s.add(a)
        row.status, row.returned_on = ReturnStatus.RETURNED.value, returned_on
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "questionnaire_return", return_id, "returned")
        return _return(row, clean)


def mark_not_returned(db: Database, return_id: int) -> None:
    require(db, Permission.RECORD_VISITS)
    with db.session() as s:
        row = s.get(QuestionnaireReturnRecord, return_id)
        if row is None:
            raise NotFoundError(tr("That questionnaire no longer exists."))
        row.status, row.returned_on = ReturnStatus.NOT_RETURNED.value, None
        for old in store.answers(s, [return_id]):
            s.delete(old)
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "questionnaire_return", return_id, "not returned")


@dataclass(frozen=True)
class CollatedQuestion:
    text: str
    kind: QuestionKind
    counts: tuple[int, ...]  # how many chose 1..5
    comments: tuple[str, ...]  # free-text answers, no names

    @property
    def answered(self) -> int:
        return sum(self.counts) if self.kind is QuestionKind.SCALE else len(self.comments)

    @property
    def mean(self) -> float | None:
        n = sum(self.counts)
        return sum(c * p for c, p in zip(self.counts, SCALE, strict=True)) / n if n else None


@dataclass(frozen=True)
class Collation:
    year: int
    sent: tuple[int, ...]  # return ids
    returned: tuple[int, ...]
    not_returned: tuple[int, ...]
    questions: tuple[CollatedQuestion, ...]


def collate(db: Database, year: int) -> Collation:
    """Questionnaires sent in ``year``; answers grouped by the words of each question, so a
    reworded question is a new line, and nothing names a family."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    returns = [r for r in list_returns(db) if first <= r.sent_on <= last]
    with db.session() as s:
        questions = {q.id: _question(q) for q in store.questions(s)}
    lines: dict[tuple[str, QuestionKind], tuple[list[int], list[str]]] = {}
    for q in sorted(questions.values(), key=lambda q: (-q.version, q.position)):
        lines.setdefault((q.text, q.kind), ([0] * 5, []))
    for r in returns:
        for qid, value in r.answers.items():
            q = questions.get(qid)
            if q is None:
                continue
            counts, comments = lines[(q.text, q.kind)]
            if isinstance(value, int):
                counts[value - 1] += 1
            elif value:
                comments.append(value)
    used = [
        CollatedQuestion(text, kind, tuple(c), tuple(sorted(t)))
        for (text, kind), (c, t) in lines.items()
        if sum(c) or t
    ]
    return Collation(
        year,
        tuple(r.id for r in returns),
        tuple(r.id for r in returns if r.status is ReturnStatus.RETURNED),
        tuple(r.id for r in returns if r.status is ReturnStatus.NOT_RETURNED),
        tuple(used),
    )
