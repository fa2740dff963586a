"""A block's formal review at its last visit: an ordinary review with parents of the same
child (the existing reviews service), linked to the block so the dashboard knows it is done."""

from __future__ import annotations

from datetime import date

from portage_desktop.data import stores
from portage_desktop.data.engine import Database
from portage_desktop.data.models.home_visiting import VisitBlockRecord
from portage_desktop.data.models.reviews import ReviewRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit, reviews
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.errors import NotFoundError, ValidationError


def link_review(db: Database, block_id: int, review_id: int | None) -> None:
    """The block's formal review: an ordinary review with parents of the same child."""
    require(db, Permission.RECORD_VISITS)
    with db.session() as s:
        block = s.get(VisitBlockRecord, block_id)
        if block is None:
            raise NotFoundError(tr("That block is no longer in the records."))
        if review_id is not None:
            review = s.get(ReviewRecord, review_id)
            if review is None or review.child_id != block.child_id:
                raise ValidationError(
                    {"review_id": tr("Please choose one of this child's reviews.")}
                )
        block.review_id = review_id
        stores.touch(block)
        s.add(block)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "visit_block", block_id, "review")


def start_block_review(db: Database, block_id: int, on: date) -> int:
    """Prepare the block's review (a draft, filled from the child's plans as any review is)
    on the day of the last visit, and link it to the block."""
    require(db, Permission.RECORD_VISITS)
    with db.session() as s:
        block = s.get(VisitBlockRecord, block_id)
        if block is None:
            raise NotFoundError(tr("That block is no longer in the records."))
        child_id = block.child_id
    draft = reviews.prepare_review(db, child_id, on)
    review_id = reviews.save_review(db, child_id, draft, today=on)
    link_review(db, block_id, review_id)
    return review_id
