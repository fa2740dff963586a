"""The PySide6 interface. Pages call services; they never build queries or hold a session."""
