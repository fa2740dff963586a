"""Running an NPA-registered Portage service and proving it: workforce and induction,
supervision, joint monitoring visits, families' views and the evaluation questionnaire, the
registered-service check, fidelity figures and the annual report."""
