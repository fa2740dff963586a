"""Self-contained HTML copies of the family documents, for a parent to open on a phone.

Each copy is one file with its styles inside and any photo as a ``data:`` URI, so opening it
makes no network request and it can be sent or kept like the PDF.
"""
