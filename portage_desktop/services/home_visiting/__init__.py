"""A Portage home-visiting service: referral, eligibility, waiting list, caseloads, visits in
blocks, the end of service and the dashboard's warnings.

A child visited at home keeps the same record as a child in a setting: these modules add the
service's side and reuse the existing consent, attachments, plans, reviews and transition
plans. One module per step, in the order a family meets them:

- ``rules``: the service's dated rules, closure dates, the end of eligibility, working days
- ``referrals``: intake, the duplicate check, contact notes, the service agreement
- ``referral_reports``: supporting reports kept with a referral
- ``eligibility``: each rule met, not met or unknown; the decision with its reasons
- ``waiting_list``: the priority order with one sentence per family; moves by hand
- ``caseloads``: home visitors, allocation and reassignment, caseloads, capacity planning
- ``visits``: blocks, visit records, make-up visits; ``block_reviews``: the review at the end
- ``end_of_service``: the reason, sign-off, transition plan and questionnaire
- ``reminders``: the six warnings on the service dashboard
- ``vocabulary``: the fixed words and their labels
"""
