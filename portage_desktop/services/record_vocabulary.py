"""The fixed vocabularies of a child's holistic record, with the labels users see."""

from __future__ import annotations

from enum import StrEnum


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
            "speech_language_therapist": "Speech and language therapist",
            "physiotherapist": "Physiotherapist",
            "occupational_therapist": "Occupational therapist",
            "health_visitor": "Health visitor",
            "portage_home_visitor": "Portage home visitor",
            "educational_psychologist": "Educational psychologist",
            "paediatrician": "Paediatrician",
            "social_worker": "Social worker",
            "other": "Other",
        }[self]


class ConsentPurpose(StrEnum):
    """What consent is asked for; safeguarding sharing needs none."""

    SHARE_WITH_AGENCY = "share_agency"
    DISCUSS_IN_MEETINGS = "discuss_meetings"
    PHOTOS = "photos"

    @property
    def label(self) -> str:
        return {
            "share_agency": "Sharing records with a named agency",
            "discuss_meetings": "Discussion at supervision or team meetings",
            "photos": "Photos or video",
        }[self]


class PhotoUse(StrEnum):
    """What a photo consent covers; printing needs ``PRINTED_RECORDS``."""

    RECORD = "record"
    PRINTED_RECORDS = "printed"
    DISPLAYS = "displays"

    @property
    def label(self) -> str:
        return {
            "record": "Kept in the child's record",
            "printed": "On printed records for the family and professionals",
            "displays": "On displays in the setting",
        }[self]


class Contributor(StrEnum):
    """Who took part in an assessment."""

    PARENT = "parent"
    PRACTITIONER = "practitioner"
    PROFESSIONAL = "professional"

    @property
    def label(self) -> str:
        return {"parent": "Parent or carer", "practitioner": "Practitioner"}.get(
            self.value, "Other professional"
        )


class ObservationKind(StrEnum):
    """Whether an entry is something seen, or advice from a professional."""

    OBSERVATION = "observation"
    ADVICE = "advice"

    @property
    def label(self) -> str:
        return "Observation" if self is ObservationKind.OBSERVATION else "Professional advice"


class AuthorKind(StrEnum):
    """Who wrote an observation: staff, a parent or a professional."""

    STAFF = "staff"
    PARENT = "parent"
    PROFESSIONAL = "professional"

    @property
    def label(self) -> str:
        return {"staff": "Staff member", "parent": "Parent or carer"}.get(
            self.value, "Professional"
        )
