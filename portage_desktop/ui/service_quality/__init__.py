"""Screens for running a registered home-visiting service: supervision, induction, the
evaluation questionnaire and the annual report."""
