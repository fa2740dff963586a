"""The fixed vocabularies of a child's holistic record, with the labels users see."""

from __future__ import annotations

from enum import StrEnum

from portage_desktop.i18n import tr


class ProfessionalRole(StrEnum):
    """The roles of professionals most often involved, plus Other."""

    SPEECH_THERAPIST = "speech_language_therapist"
    PHYSIOTHERAPIST = "physiotherapist"
    OCCUPATIONAL_THERAPIST = "occupational_therapist"
    HEALTH_VISITOR = "health_visitor"
    PORTAGE_HOME_VISITOR = "portage_home_visitor"
    EDUCATIONAL_PSYCHOLOGIST = "educational_psychologist"
    PAEDIATRICIAN = "paediatrician"
    SOCIAL_WORKER = "social_worker"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "speech_language_therapist": tr("Speech and language therapist"),
            "physiotherapist": tr("Physiotherapist"),
            "occupational_therapist": tr("Occupational therapist"),
            "health_visitor": tr("Health visitor"),
            "portage_home_visitor": tr("Portage home visitor"),
            "educational_psychologist": tr("Educational psychologist"),
            "paediatrician": tr("Paediatrician"),
            "social_worker": tr("Social worker"),
            "other": tr("Other"),
        }[self]


class ConsentPurpose(StrEnum):
    """What consent is asked for; safeguarding sharing needs none."""

    SHARE_WITH_AGENCY = "share_agency"
    DISCUSS_IN_MEETINGS = "discuss_meetings"
    PHOTOS = "photos"

    @property
    def label(self) -> str:
        return {
            "share_agency": tr("Sharing records with a named agency"),
            "discuss_meetings": tr("Discussion at supervision or team meetings"),
            "photos": tr("Photos or video"),
        }[self]


class PhotoUse(StrEnum):
    """What a photo consent covers; printing needs ``PRINTED_RECORDS``."""

    RECORD = "record"
    PRINTED_RECORDS = "printed"
    DISPLAYS = "displays"

    @property
    def label(self) -> str:
        return {
            "record": tr("Kept in the child's record"),
            "printed": tr("On printed records for the family and professionals"),
            "displays": tr("On displays in the setting"),
        }[self]


class Contributor(StrEnum):
    """Who took part in an assessment."""

    PARENT = "parent"
    PRACTITIONER = "practitioner"
    PROFESSIONAL = "professional"

    @property
    def label(self) -> str:
        return {"parent": tr("Parent or carer"), "practitioner": tr("Practitioner")}.get(
            self.value, "Other professional"
        )


class ObservationKind(StrEnum):
    """Whether an entry is something seen, or advice from a professional."""

    OBSERVATION = "observation"
    ADVICE = "advice"

    @property
    def label(self) -> str:
        return (
            tr("Observation") if self is ObservationKind.OBSERVATION else tr("Professional advice")
        )


class AuthorKind(StrEnum):
    """Who wrote an observation: staff, a parent or a professional."""

    STAFF = "staff"
    PARENT = "parent"
    PROFESSIONAL = "professional"

    @property
    def label(self) -> str:
        return {"staff": tr("Staff member"), "parent": tr("Parent or carer")}.get(
            self.value, "Professional"
        )
