"""Widgets, the form plumbing, the table model and the background-call helper every area shares."""
