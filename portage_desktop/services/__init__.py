"""Use cases and rules, free of Qt. Functions take a :class:`Database` and return plain objects."""
