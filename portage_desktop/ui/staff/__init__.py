"""The Staff & training area: people, their training records and the matrix."""
