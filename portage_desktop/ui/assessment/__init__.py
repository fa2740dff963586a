"""Assessments with parents: entering a checklist, importing a framework, progress charts."""
