"""The fixed vocabularies of the domain, with the plain-English labels users see."""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from typing import TypeVar

from portage_desktop.i18n import tr

E = TypeVar("E", bound=StrEnum)


class SettingKind(StrEnum):
    GROUP = "group"
    CHILDMINDER = "childminder"
    PORTAGE_SERVICE = "portage_service"  # a local authority's Portage home-visiting team

    @property
    def label(self) -> str:
        return {
            "group": tr("Group setting (nursery, pre-school)"),
            "childminder": tr("Childminder"),
            "portage_service": tr("Portage home-visiting service"),
        }[self]

    @property
    def is_service(self) -> bool:
        """A home-visiting service sees Referrals, Waiting list, Caseloads and Visits."""
        return self is SettingKind.PORTAGE_SERVICE


class StaffRole(StrEnum):
    MANAGER = "manager"
    SENCO = "senco"
    KEY_PERSON = "key_person"
    PRACTITIONER = "practitioner"
    ASSISTANT = "assistant"
    TEAM_LEAD = "team_lead"  # a Portage home-visiting service's lead
    HOME_VISITOR = "home_visitor"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    StaffRole.MANAGER: tr("Manager"),
    StaffRole.SENCO: tr("SENCO"),
    StaffRole.KEY_PERSON: tr("Key person"),
    StaffRole.PRACTITIONER: tr("Practitioner"),
    StaffRole.ASSISTANT: tr("Assistant"),
    StaffRole.TEAM_LEAD: tr("Team lead"),
    StaffRole.HOME_VISITOR: tr("Home visitor"),
}


class SenStatus(StrEnum):
    NONE = "none"
    SEN_SUPPORT = "sen_support"
    EHC_ASSESSMENT = "ehc_assessment"
    EHC_PLAN = "ehc_plan"

    @property
    def label(self) -> str:
        return _SEN_LABELS[self]


_SEN_LABELS = {
    SenStatus.NONE: tr("None recorded"),
    SenStatus.SEN_SUPPORT: tr("SEN support"),
    SenStatus.EHC_ASSESSMENT: tr("EHC needs assessment requested"),
    SenStatus.EHC_PLAN: tr("EHC plan"),
}


class NeedArea(StrEnum):
    COMMUNICATION = "communication_interaction"
    COGNITION = "cognition_learning"
    SEMH = "social_emotional_mental_health"
    SENSORY_PHYSICAL = "sensory_physical"

    @property
    def label(self) -> str:
        return _NEED_LABELS[self]


_NEED_LABELS = {
    NeedArea.COMMUNICATION: tr("Communication and interaction"),
    NeedArea.COGNITION: tr("Cognition and learning"),
    NeedArea.SEMH: tr("Social, emotional and mental health"),
    NeedArea.SENSORY_PHYSICAL: tr("Sensory and/or physical"),
}


def join_codes(values: tuple[StrEnum, ...] | list[StrEnum]) -> str:
    """Store several codes in one column, in their declared order."""
    return ",".join(str(v) for v in values)


@cache
def _codes(enum: type[E]) -> dict[str, E]:
    return {e.value: e for e in enum}


def split_codes(text: str, enum: type[E]) -> tuple[E, ...]:
    """Read codes back, ignoring any unknown one so an old file never breaks a screen.

    The codes of each kind are looked up once: reading an enum member's value is slow enough
    that doing it per row was two thirds of listing three thousand children."""
    if not text:
        return ()
    known = _codes(enum)
    return tuple(known[c] for c in text.split(",") if c in known)
