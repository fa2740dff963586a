"""Settings: the setting's profile, where the records live, accounts and the audit log."""
