"""The Children area and a child's record: details, family, consent, profile, shared record."""
