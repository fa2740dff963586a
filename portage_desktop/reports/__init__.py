"""Printed records: plain data in, A4 PDF out. Never given a session; imported lazily."""
