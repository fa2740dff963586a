"""The fixed words of a home-visiting service, with the plain-English labels people see."""

from __future__ import annotations

from enum import StrEnum

from portage_desktop.i18n import tr


class ReferralStatus(StrEnum):
    REFERRED = "referred"  # waiting for an eligibility decision
    NOT_ELIGIBLE = "not_eligible"
    SIGNPOSTED = "signposted"
    WAITING = "waiting"
    ALLOCATED = "allocated"
    ENDED = "ended"

    @property
    def label(self) -> str:
        return {
            "referred": tr("Referred, decision to make"),
            "not_eligible": tr("Not eligible"),
            "signposted": tr("Signposted elsewhere"),
            "waiting": tr("On the waiting list"),
            "allocated": tr("Allocated a home visitor"),
            "ended": tr("Service ended"),
        }[self]


class ReferrerKind(StrEnum):
    PARENT = "parent"  # a parent's own referral
    PROFESSIONAL = "professional"

    @property
    def label(self) -> str:
        return {"parent": tr("Parent (self-referral)"), "professional": tr("A professional")}[self]


class Decision(StrEnum):
    ACCEPTED = "accepted"
    NOT_ELIGIBLE = "not_eligible"
    SIGNPOSTED = "signposted"
    EXCEPTION = "exception"  # accepted although a rule is not met, with a reason

    @property
    def label(self) -> str:
        return {
            "accepted": tr("Accepted"),
            "not_eligible": tr("Not eligible"),
            "signposted": tr("Signposted elsewhere"),
            "exception": tr("Accepted as an exception"),
        }[self]


class RuleOutcome(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return {"met": tr("Met"), "not_met": tr("Not met"), "unknown": tr("Not known yet")}[self]


class BlockKind(StrEnum):
    STANDARD = "standard"
    PORTAGE_PLUS = "portage_plus"  # interaction and communication, 12 visits by default

    @property
    def label(self) -> str:
        return {"standard": tr("Portage block"), "portage_plus": tr("Portage Plus")}[self]


class Pattern(StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"  # every four weeks, so the visit stays on the family's usual day

    @property
    def label(self) -> str:
        return {
            "weekly": tr("Weekly"),
            "fortnightly": tr("Fortnightly"),
            "monthly": tr("Monthly (every four weeks)"),
        }[self]

    @property
    def days(self) -> int:
        return {"weekly": 7, "fortnightly": 14, "monthly": 28}[self]


class VisitStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED_FAMILY = "cancelled_family"
    CANCELLED_SERVICE = "cancelled_service"
    FAILED = "failed"  # the visitor went and nobody was in or answered

    @property
    def label(self) -> str:
        return {
            "planned": tr("Planned"),
            "held": tr("Held"),
            "cancelled_family": tr("Cancelled by the family"),
            "cancelled_service": tr("Cancelled by the service"),
            "failed": tr("Failed (no one home, no reply)"),
        }[self]

    @property
    def is_cancelled(self) -> bool:
        return self in (VisitStatus.CANCELLED_FAMILY, VisitStatus.CANCELLED_SERVICE)


class VisitPlace(StrEnum):
    HOME = "home"
    CLINIC = "clinic"  # a clinic or family hub
    REMOTE = "remote"  # phone or video
    JOINT = "joint"  # joint with a named professional (``joint_with``)

    @property
    def label(self) -> str:
        return {
            "home": tr("At home"),
            "clinic": tr("Clinic or family hub"),
            "remote": tr("Phone or video"),
            "joint": tr("Joint visit"),
        }[self]


class EndReason(StrEnum):
    """Why a family's service ended, in the order the services' own documents list them."""

    FAMILY_REQUEST = "family_request"
    CRITERIA_NO_LONGER_MET = "criteria_no_longer_met"
    SPECIALIST_PROVISION = "specialist_provision"
    TERM_AFTER_THIRD_BIRTHDAY = "term_after_third_birthday"
    SETTING_HOURS = "setting_hours"
    BLOCK_COMPLETED = "block_completed"
    FAILED_VISITS = "failed_visits"
    PRACTICE_NOT_HAPPENING = "practice_not_happening"
    PARENT_NOT_PRESENT = "parent_not_present"
    LONE_WORKING_RISK = "lone_working_risk"

    @property
    def label(self) -> str:
        return _END_LABELS[self]


_END_LABELS = {
    EndReason.FAMILY_REQUEST: tr("The family asked to stop"),
    EndReason.CRITERIA_NO_LONGER_MET: tr("Progress means the criteria are no longer met"),
    EndReason.SPECIALIST_PROVISION: tr("Started specialist provision"),
    EndReason.TERM_AFTER_THIRD_BIRTHDAY: tr("The term after the third birthday"),
    EndReason.SETTING_HOURS: tr("Started more hours a week in a setting than the service allows"),
    EndReason.BLOCK_COMPLETED: tr("The agreed visits or time were completed"),
    EndReason.FAILED_VISITS: tr("Three or more unexplained failed visits"),
    EndReason.PRACTICE_NOT_HAPPENING: tr("Visits often cancelled or practice not happening"),
    EndReason.PARENT_NOT_PRESENT: tr("The parent was not present at visits"),
    EndReason.LONE_WORKING_RISK: tr("A lone-working risk"),
}
