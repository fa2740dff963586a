"""The screens of a Portage home-visiting service: referrals, the waiting list, caseloads and
visits, shown only when the organisation is a service."""
