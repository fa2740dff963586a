"""A plain letter to the family after the eligibility decision, one wording for each outcome."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, Paragraph, Spacer

from portage_desktop.i18n import tr
from portage_desktop.reports.base import ReportMeta, Styles, build_pdf, esc


@dataclass(frozen=True)
class ReferralLetter:
    family_name: str  # "Dear ..." line: the parents' names, or "parent or carer"
    child_name: str
    referred_on: str
    decided_on: str
    decision: str  # a Decision code: accepted, not_eligible, signposted, exception
    reasons: str
    signposted_to: str
    signed_by: str
    service_name: str


def _paragraphs(letter: ReferralLetter) -> list[str]:
    child = letter.child_name
    if letter.decision in ("accepted", "exception"):
        return [
            tr(
                "Thank you for the referral of {child} to {service_name} on "
                "{referred_on}. We are pleased to tell you that we can offer {child} "
                "Portage home visits."
            ).format(child=child, service_name=letter.service_name, referred_on=letter.referred_on),
            tr(
                "Your family is now on our waiting list. We will keep in touch while you wait, "
                "and a home visitor will contact you to arrange the first visit as soon as a place "
                "is free."
            ),
            tr("Why we decided this: {reasons}").format(reasons=letter.reasons),
            tr(
                "At the first visit we will talk about what you and we will each do, and ask you "
                "to sign our service agreement."
            ),
        ]
    if letter.decision == "signposted":
        return [
            tr(
                "Thank you for the referral of {child} to {service_name} on "
                "{referred_on}. We have looked at it carefully."
            ).format(child=child, service_name=letter.service_name, referred_on=letter.referred_on),
            tr(
                "We think the best help for {child} now is from {signposted_to}, and we "
                "have given you their details."
            ).format(child=child, signposted_to=letter.signposted_to),
            tr("Why we decided this: {reasons}").format(reasons=letter.reasons),
            tr(
                "If things change, you or a professional who knows your family can refer again at "
                "any time."
            ),
        ]
    return [
        tr(
            "Thank you for the referral of {child} to {service_name} on "
            "{referred_on}. We have looked at it carefully against our service's criteria."
        ).format(child=child, service_name=letter.service_name, referred_on=letter.referred_on),
        tr("We are sorry that we cannot offer {child} Portage home visits at the moment.").format(
            child=child
        ),
        tr("Why we decided this: {reasons}").format(reasons=letter.reasons),
        tr(
            "If things change, you or a professional who knows your family can refer again at any "
            "time. Please contact us if you would like to talk about this decision."
        ),
    ]


def build_referral_letter(
    meta: ReportMeta, letter: ReferralLetter, out: Path | None = None
) -> bytes:
    st = Styles()
    story: list[Flowable] = [
        Paragraph(
            tr("About {child_name}'s referral").format(child_name=esc(letter.child_name)), st.title
        ),
        Paragraph(esc(letter.decided_on), st.body),
        Spacer(1, 10),
        Paragraph(tr("Dear {family_name},").format(family_name=esc(letter.family_name)), st.body),
        Spacer(1, 6),
    ]
    for text in _paragraphs(letter):
        story += [Paragraph(esc(text), st.body), Spacer(1, 8)]
    story += [
        Paragraph(tr("With best wishes,"), st.body),
        Spacer(1, 18),
        Paragraph(esc(letter.signed_by), st.body),
        Paragraph(esc(letter.service_name), st.body),
    ]
    return build_pdf(meta, story, out)
