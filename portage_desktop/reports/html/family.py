"""The five family documents as HTML, from the same plain sheets the PDFs take.

The words are the PDF's words; only the layout differs, so a parent reading on a phone and one
reading the printed page are told the same thing.
"""

from __future__ import annotations

from portage_desktop.i18n import tr
from portage_desktop.reports.base import ReportMeta
from portage_desktop.reports.html.page import document, esc, heading, pairs, para, photo, table
from portage_desktop.reports.one_page_profile import ProfileSheet
from portage_desktop.reports.plan_sheets import PlanSheet
from portage_desktop.reports.review_report import ReviewSheet
from portage_desktop.reports.shared_record_pack import SharedPack
from portage_desktop.reports.visit_record import VisitSheet


def _section(title: str, inner: str) -> str:
    return f"<section>{heading(2, title)}{inner}</section>" if inner else ""


def _profile_body(sheet: ProfileSheet) -> str:
    written = tr("Written on {date}").format(date=sheet.written_on)
    if sheet.written_with:
        written = tr("Written on {date} with {people}").format(
            date=sheet.written_on, people=sheet.written_with
        )
    sections = "".join(
        _section(label, para(text or tr("Nothing written yet"))) for label, text in sheet.sections
    )
    alt = tr("Photo of {name}").format(name=sheet.child_name)
    return photo(sheet.photo, alt) + para(written) + sections


def profile_html(meta: ReportMeta, sheet: ProfileSheet) -> str:
    title = tr("{name}: one-page profile").format(name=sheet.child_name)
    return document(meta, title, _profile_body(sheet))


def activity_chart_html(meta: ReportMeta, sheet: PlanSheet) -> str:
    body = para(tr("Our goal: {goal}").format(goal=sheet.goal))
    if sheet.outcome and sheet.small_step:
        body += (
            f'<div class="box">{heading(2, tr("This week we are practising"))}'
            f"{para(sheet.small_step)}</div>"
        )
    body += pairs(sheet.target)
    help_part = pairs(sheet.how_to_help)
    if sheet.prompts:
        help_part += para(
            tr("Help to give, from most to least: {prompts}").format(
                prompts=" → ".join(sheet.prompts)
            )
        )
    body += _section(tr("How to help"), help_part)
    week = (
        tr("Our week starting {date}").format(date=sheet.week_of)
        if sheet.week_of
        else tr("Our week")
    )
    body += _section(
        week,
        para(
            tr(
                "Each time you try, make a note of what help you gave or anything you noticed, "
                "and tell your home visitor at the end of the week."
            )
        ),
    )
    title = tr("{name}: {plan}").format(name=sheet.child_name, plan=sheet.title)
    return document(meta, title, body)


def _steps_line(plan: str, done: int, total: int) -> str:
    return tr("{plan}: {done} of {total} small steps learnt").format(
        plan=plan, done=done, total=total
    )


def review_html(meta: ReportMeta, sheet: ReviewSheet) -> str:
    body = ""
    if sheet.draft:
        body += f'<p class="draft">{esc(tr("Draft: this review has not been held yet."))}</p>'
    body += pairs([(tr("Date"), sheet.held_on), (tr("Who came"), sheet.who_came)])
    body += _section(tr("Successes"), para(sheet.successes) if sheet.successes else "")
    if sheet.plans:
        body += _section(
            tr("Each plan"),
            table(
                tr("Each plan, how it is going and what next"),
                [tr("Plan"), tr("How it is going"), tr("What next")],
                sheet.plans,
            ),
        )
    if sheet.steps:
        body += _section(
            tr("Small steps learnt"),
            "<ul>"
            + "".join(f'<li dir="auto">{esc(_steps_line(p, d, t))}</li>' for p, d, t in sheet.steps)
            + "</ul>",
        )
    views = [
        (tr("What you told us"), sheet.parent_views),
        (tr("What your child told us"), sheet.child_voice),
        (tr("Your wishes"), sheet.wishes),
        (tr("Moving on"), sheet.transition),
    ]
    body += _section(tr("Your views"), pairs((k, v) for k, v in views if v))
    if sheet.issues:
        body += _section(
            tr("To do"),
            table(
                tr("What is to be done, by whom and when"),
                [tr("What"), tr("Who and when")],
                sheet.issues,
            ),
        )
    body += _section(
        tr("Next review"), para(tr("The next review is {when}.").format(when=sheet.next_review))
    )
    title = tr("{name}: review with parents").format(name=sheet.child_name)
    return document(meta, title, body)


def shared_pack_html(meta: ReportMeta, pack: SharedPack) -> str:
    body = _section(
        tr("About me"),
        "".join(f"{heading(3, label)}{para(text)}" for label, text in pack.profile if text)
        if pack.profile
        else para(tr("There is no one-page profile yet.")),
    )
    goals = ""
    for goal in pack.goals:
        goals += heading(3, f"{goal.area}: {goal.goal}")
        if goal.plans:
            goals += (
                "<ul>"
                + "".join(f'<li dir="auto">{esc(t)}: {esc(w)}</li>' for t, w in goal.plans)
                + "</ul>"
            )
    body += _section(tr("Current goals and plans"), goals or para(tr("No current goals.")))
    body += _section(
        tr("Latest review"),
        pairs((k.rstrip(":"), v) for k, v in pack.review) or para(tr("No review held yet.")),
    )
    title = tr("{name}: shared record").format(name=pack.child_name)
    return document(meta, title, body)


def visit_html(meta: ReportMeta, sheet: VisitSheet) -> str:
    facts = [
        (tr("Date"), sheet.visit_date),
        (tr("Home visitor"), sheet.visitor_name),
        (tr("Where"), sheet.where),
    ]
    if sheet.number_text:
        facts.append((tr("Visit"), sheet.number_text))
    body = pairs(facts)
    if sheet.times:
        body += _section(tr("How we spent the time"), pairs(sheet.times))
    for label, text in (
        (tr("What we enjoyed"), sheet.enjoyed),
        (tr("Our activity for the week"), sheet.activity),
        (tr("What to practise"), sheet.practise),
        (tr("Next time"), sheet.next_time),
        (tr("Notes"), sheet.shared_notes),
    ):
        if text:
            body += _section(label, para(text))
    title = tr("{name}: visit record").format(name=sheet.child_name)
    return document(meta, title, body)


def render(meta: ReportMeta, sheet: object) -> str:
    """The HTML copy of whichever family sheet this is."""
    for kind, build in (
        (ProfileSheet, profile_html),
        (PlanSheet, activity_chart_html),
        (ReviewSheet, review_html),
        (SharedPack, shared_pack_html),
        (VisitSheet, visit_html),
    ):
        if isinstance(sheet, kind):
            return build(meta, sheet)  # type: ignore[arg-type]
    raise TypeError(f"no HTML copy for {type(sheet).__name__}")
