"""A Portage home-visiting service: referral, eligibility, waiting list, caseloads, visits in
blocks, the end of service and the dashboard's warnings.

A child visited at home keeps the same record as a child in a setting: these modules add the
service's side and reuse the existing consent, plans, reviews and transition plans.
"""
