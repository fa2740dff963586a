"""What each printed record gathers from the services (plain data, one read per sheet)."""
